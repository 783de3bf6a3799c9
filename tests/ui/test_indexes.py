"""A big file that lacks the app's indexes: the window comes first, the indexes follow."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer

from crm_desktop import database, service
from crm_desktop.app import create_main_window
from crm_desktop.database import INDEX_DDL, close_db, current_database, index_name, init_db
from crm_desktop.database.sqlite import indexes as sqlite_indexes
from crm_desktop.service import CustomerSort
from crm_desktop.ui.indexes import IndexBuilder
from tests.helpers import backend

APP_INDEXES = {index_name(ddl) for ddl in INDEX_DDL}


@pytest.fixture
def big_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A backend's file (its tables only, no index of the app's) counted as big."""
    monkeypatch.setattr(sqlite_indexes, "BACKGROUND_INDEX_ROWS", 5)
    path = tmp_path / "backend.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        connection.execute("BEGIN")
        for number in range(4):
            customer = backend.insert_customer(connection, f"Customer {number}")
            for day in range(1, 3 + number):
                backend.insert_comm(connection, customer, occurred_at=f"2026-11-{day:02d}T10:00:00")
            backend.insert_media(connection, customer, tags=["roof"])
        connection.execute("COMMIT")
    return path


def indexes(path: Path) -> set[str]:
    with backend.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {name for (name,) in rows} & APP_INDEXES


def test_a_big_file_opens_without_waiting_for_its_indexes(big_file):
    db = init_db(big_file)
    try:
        assert set(db.pending_indexes) == APP_INDEXES
        assert not database.index_ready(database.COMMS_INDEX)
        pending = {
            sort: service.customer_page(sort=sort) for sort in CustomerSort
        }  # the lists work meanwhile: the last contacts are read in one pass
    finally:
        close_db()
    assert indexes(big_file) == set()
    init_db(big_file, read_only=True)  # read-only: nothing is built, nothing pending
    try:
        assert current_database().pending_indexes == {}
        ready = {sort: service.customer_page(sort=sort) for sort in CustomerSort}
    finally:
        close_db()
    assert pending == ready
    assert {row.last_contact for row in ready[CustomerSort.name]} == {
        f"2026-11-{day:02d}T10:00:00" for day in (2, 3, 4, 5)
    }


def test_a_small_file_gets_its_indexes_at_once(db_path):
    assert current_database().pending_indexes == {}
    assert indexes(db_path) == APP_INDEXES


def test_the_builder_builds_them_on_a_thread(qtbot, big_file):
    db = init_db(big_file)
    builder = IndexBuilder()
    try:
        with qtbot.waitSignal(builder.finished, timeout=10_000):
            assert builder.start()
            assert builder.running
        assert not builder.running
        assert db.pending_indexes == {}
        assert database.index_ready(database.COMMS_INDEX)
        assert not builder.start()  # nothing left to build
        assert service.customer_page()[0].last_contact == "2026-11-02T10:00:00"
    finally:
        builder.stop()
        close_db()
    assert indexes(big_file) == APP_INDEXES


def test_a_stopped_build_leaves_them_for_the_next_start(qtbot, big_file):
    db = init_db(big_file)
    builder = IndexBuilder()
    builder.start()
    builder.stop()
    assert not builder.running
    qtbot.wait(50)  # a result that arrives after the stop is ignored
    assert set(db.pending_indexes) == APP_INDEXES
    close_db()
    db = init_db(big_file)
    try:
        assert set(db.pending_indexes) == APP_INDEXES - indexes(big_file)
    finally:
        close_db()


class Visibility(QObject):
    """Notes when a widget is shown and hidden."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.seen.append(event.type().name)
        return False


def test_the_window_shows_first_then_builds_then_chooses_the_first_customer(
    qtbot, big_file, settings, prompts
):
    window = create_main_window(big_file, settings, prompts)
    qtbot.addWidget(window)
    visibility = Visibility()
    window.index_label.installEventFilter(visibility)
    chosen = []
    window.customers.customer_selected.connect(
        lambda _id: chosen.append(
            (window.indexes.running, dict(current_database().pending_indexes))
        )
    )
    window.show()
    QTimer.singleShot(0, window.select_first_customer)  # as main() does
    assert window.customers.model.rowCount() == 4  # the list is there before any index
    qtbot.waitUntil(lambda: window.customers.current_id is not None, timeout=10_000)
    assert chosen == [(False, {})]  # chosen once the file was ready, not before
    assert visibility.seen == ["Show", "Hide"]  # "Preparing the file…" while it was built
    assert window.timeline.model.rowCount() == 2
    assert indexes(big_file) == APP_INDEXES
    window.close()
    close_db()
