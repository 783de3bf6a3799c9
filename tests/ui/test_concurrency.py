"""One file, two programs writing at once while the window is open."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSettings

from crm_desktop import service
from crm_desktop.app import create_main_window
from crm_desktop.database import close_db, init_db
from crm_desktop.errors import explain
from crm_desktop.settings import Settings
from crm_desktop.storage import Storage, StorageKind
from tests.helpers import backend
from tests.helpers.processes import start_writer
from tests.helpers.prompts import ScriptedPrompts

pytestmark = pytest.mark.slow


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    path = tmp_path / "shared.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        backend.insert_customer(connection, "ACME GmbH")
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    result = create_main_window(path, settings, ScriptedPrompts())
    qtbot.addWidget(result)
    result.show()
    result.customers.select_first()
    yield result
    result.close()
    assert not result.context.prompts.errors
    close_db()


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_both_programs_write_at_once_and_nothing_is_lost(qtbot, window, journal):
    customer = window.customers.current_id
    path = window.context.db_path
    if journal == "delete":
        # A file kept in the rollback journal (the app leaves the journal mode alone where
        # WAL is unsafe, e.g. on a network drive): both must still get every row in.
        # (As the window reopens a file: its workers stop first, their connections close.)
        window.watcher.stop()
        window.search_index.stop(wait=10)
        close_db()
        with backend.connect(path) as connection:
            connection.execute("PRAGMA journal_mode = delete")
        init_db(path, storage=Storage(StorageKind.network, "cifs", "/mnt/office"))
        window.watcher.start()
        window.search_index.start()
    writer = start_writer(
        path, "--customer", customer, "--comms", "150", "--delay", "0.004", "--prefix", "backend"
    )
    assert writer.stdout.readline()  # it has started writing
    mine = []
    while writer.poll() is None or len(mine) < 60:
        mine.append(
            service.create_comm(
                {
                    "customer_id": customer,
                    "type": "call",
                    "direction": "outbound",
                    "subject": f"app call {len(mine)}",
                }
            ).id
        )
        window.context.events.comms_changed.emit(customer)
        qtbot.wait(1)  # let the window paint between the app's own writes
    _out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    with backend.connect(path) as connection:
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == journal
    subjects = {c.subject for c in service.list_comms(customer, limit=None)}
    assert {f"backend message {i:04d}" for i in range(150)} <= subjects
    assert {f"app call {i}" for i in range(len(mine))} <= subjects
    total = 150 + len(mine)
    # The other program's rows show in the open window within two seconds.
    timeline = window.timeline
    qtbot.waitUntil(lambda: timeline.count == total, timeout=2000)
    while timeline.model.canFetchMore():
        timeline.model.fetchMore()
    assert timeline.model.rowCount() == total


def test_a_lock_held_too_long_fails_plainly_and_loses_nothing(tmp_path):
    path = tmp_path / "locked.sqlite3"
    init_db(path, busy_timeout=0.3)
    customer = service.create_customer({"name": "ACME"}).id
    holder = start_writer(path, "--hold", "3")
    assert holder.stdout.readline().strip() == "locked"
    started = time.monotonic()
    with pytest.raises(Exception) as caught:
        service.create_comm({"customer_id": customer, "type": "note", "direction": "internal"})
    waited = time.monotonic() - started
    explanation = explain(caught.value)
    assert not explanation.is_bug and "busy" in explanation.title.lower()
    assert "Nothing was saved" in explanation.text
    assert 0.25 < waited < 2.5  # it waited (retrying) for the lock, then gave up
    holder.communicate(timeout=30)
    # Once the other program lets go, the same write goes through.
    service.create_comm({"customer_id": customer, "type": "note", "direction": "internal"})
    assert service.count_comms(customer) == 1
    close_db()


def test_enormous_bodies_are_previewed_not_loaded(db_path, qtbot):
    customer = service.create_customer({"name": "Mailbox"}).id
    body = ("Lorem ipsum dolor sit amet. " * 40 + "\n") * 4000  # about 4.5 MB
    comm = service.create_comm(
        {"customer_id": customer, "type": "email", "direction": "inbound", "body": body}
    )
    (entry,) = service.timeline_page(customer)
    assert len(entry.body_preview) == service.comms.PREVIEW_CHARS
    assert service.get_comm(comm.id).body == body
