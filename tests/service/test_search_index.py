"""The search index: built in slices and resumable, current with what a second process
inserts, updates and deletes (while the app runs and while it is closed), and harmless to
the backend's writes. On a file and on a server (any_db) where both apply."""

from __future__ import annotations

import io
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop import service
from crm_desktop.check import run_check
from crm_desktop.database import close_db, current_database, init_db
from crm_desktop.database import search as search_index
from crm_desktop.database.search import BUILD_ORDER, Kind, Phase, index_of
from crm_desktop.database.search import work as index_work
from crm_desktop.database.search.work import IndexWork, Progress
from crm_desktop.database.sqlite import DataVersionWatch
from crm_desktop.database.sqlite import search as index_sqlite
from tests.helpers import backend
from tests.helpers.processes import REPO, backend_edits
from tests.helpers.readonly import read_only_file


def engine():
    found = index_of(current_database())
    assert found is not None
    return found


def work(slice_seconds: float = 0.05, **kwargs) -> IndexWork:
    return IndexWork(engine(), slice_seconds=slice_seconds, room_seconds=0.0, **kwargs)


def phases() -> dict[Kind, Phase]:
    return {kind: engine().state(kind).phase for kind in BUILD_ORDER}


def titles(text: str) -> set[str]:
    return {hit.title for hit in service.search_all(text, limit=2000)}


def pending_changes() -> int:
    return len(engine().changes(10_000))


def fill(target: Path | str, customers: int = 20, comms: int = 10) -> list[str]:
    """Rows as the backend writes them: customers "Kunde N", each with ``comms`` entries
    "Eintrag N-M" (body "Giebel"), written in time order."""
    ids = []
    with backend.connect(target) as connection:
        connection.execute("BEGIN")
        for number in range(customers):
            customer = backend.insert_customer(connection, f"Kunde {number:03d}")
            ids.append(customer)
            for entry in range(comms):
                backend.insert_comm(
                    connection,
                    customer,
                    subject=f"Eintrag {number:03d}-{entry:02d}",
                    body="Der Giebel ist gerissen",
                    occurred_at=f"2025-01-01T00:{number % 60:02d}:{entry:02d}",
                )
            backend.insert_media(connection, customer, filename=f"Bild_{number:03d}.jpg")
        connection.execute("COMMIT")
    return ids


def start_over(target: Path | str) -> None:
    """Make the open database's index start over (as after a new index version)."""
    with backend.connect(target) as connection:
        connection.execute(
            "UPDATE crm_desktop_search_state SET phase = 'clear', cursor = NULL, indexed = 0"
        )
        connection.execute("DELETE FROM crm_desktop_changes")


@pytest.fixture
def small_steps(monkeypatch):
    """Steps of a few rows; and no index is built while a database opens."""
    monkeypatch.setattr(search_index, "BUILD_AT_OPEN_ROWS", -1)
    monkeypatch.setattr(index_work, "BUILD_ROWS", 7)
    monkeypatch.setattr(index_work, "CLEAR_ROWS", 11)
    monkeypatch.setattr(index_work, "CHECK_ROWS", 13)


# --- building --------------------------------------------------------------------------------


def test_a_new_database_has_a_complete_index(db_path):
    assert set(phases().values()) == {Phase.done}
    assert service.search_status().complete


def test_the_build_goes_in_steps_and_resumes_where_it_stopped(db_path, small_steps):
    fill(db_path)
    start_over(db_path)
    assert titles("gieb") == {f"Eintrag {n:03d}-{e:02d}" for n in range(20) for e in range(10)}
    steps: list[int] = []

    def stop_soon(progress: Progress) -> None:
        steps.append(progress.indexed)
        if len(steps) == 3:
            first.stop()

    first = work(slice_seconds=0.0001, on_progress=stop_soon)  # a slice a step
    assert not first.run()  # stopped
    state = engine().state(Kind.customer)
    assert phases()[Kind.communication] is not Phase.done
    # Meanwhile search finds everything: what is indexed through the index, the rest by
    # reading the rows it lacks.
    assert len(titles("eintrag")) == 200 and titles("kunde 007") == {"Kunde 007"}
    assert not service.search_status().complete
    assert "%" in service.search_status().message
    close_db()  # the app quits; the next start goes on
    init_db(db_path)
    assert engine().state(Kind.customer).indexed >= state.indexed
    assert work().run()
    assert set(phases().values()) == {Phase.done}
    assert len(titles("eintrag")) == 200 and len(titles("bild")) == 20
    assert titles("kunde 007") == {"Kunde 007"}
    status = service.search_status()
    assert status.complete and status.indexed == status.total == 20 + 200 + 20


def test_a_build_killed_in_the_middle_goes_on_at_the_next_start(tmp_path, monkeypatch):
    """A crash (the process killed) between two slices loses nothing committed."""
    path = tmp_path / "backend.sqlite3"
    backend.create_schema(path)
    fill(path, customers=40, comms=20)
    monkeypatch.setattr(search_index, "BUILD_AT_OPEN_ROWS", 0)
    builder = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.search_builder", str(path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert builder.stdout is not None
    while True:
        line = builder.stdout.readline()
        assert line, builder.stderr.read() if builder.stderr else "the builder ended"
        if line.startswith("progress") and int(line.split()[1]) > 100:
            break
    builder.send_signal(signal.SIGKILL)
    builder.communicate(timeout=30)
    init_db(path)
    try:
        state = engine().state(Kind.communication)
        assert phases()[Kind.customer] is not Phase.clear
        assert state.phase is Phase.build or phases()[Kind.customer] is Phase.build
        assert work().run()
        assert set(phases().values()) == {Phase.done}
        assert len(titles("eintrag")) == 800
        with backend.connect(path) as connection:
            (documents,) = connection.execute(
                "SELECT COUNT(*) FROM crm_desktop_search_comms_docs"
            ).fetchone()
        assert documents == 800  # each row indexed once
    finally:
        close_db()


def test_a_file_too_big_to_index_at_open_is_indexed_by_the_worker(tmp_path, monkeypatch):
    path = tmp_path / "backend.sqlite3"
    backend.create_schema(path)
    fill(path, customers=5, comms=3)
    monkeypatch.setattr(search_index, "BUILD_AT_OPEN_ROWS", 10)
    init_db(path)
    try:
        assert set(phases().values()) == {Phase.build}
        assert titles("eintrag") and not service.search_status().complete
        assert service.search_index_work() is not None
        assert work().run()
        assert set(phases().values()) == {Phase.done}
    finally:
        close_db()


# --- current with the backend ----------------------------------------------------------------


def test_a_second_process_inserts_updates_and_deletes_while_the_app_runs(db_path):
    customer = service.create_customer({"name": "ACME"}).id
    old = service.create_comm(
        {"customer_id": customer, "type": "note", "direction": "internal", "subject": "Alt"}
    ).id
    photo = service.create_media(
        {"customer_id": customer, "filename": "Dachfoto.jpg", "nextcloud_path": "/CRM/D.jpg"}
    ).id
    assert pending_changes() == 0  # the app's own writes are indexed as they are saved
    backend_edits(
        db_path,
        {"op": "insert_customer", "name": "Zimmerei Ökobau", "id": "backend-customer"},
        {"op": "insert_comm", "customer_id": customer, "id": "c1", "subject": "Kranwagen"},
        {"op": "update", "table": "crm_comms_log", "id": old, "set": {"subject": "Neu"}},
        {"op": "delete", "table": "crm_media", "id": photo},
        {"op": "update", "table": "crm_customers", "id": customer, "set": {"name": "ACME AG"}},
    )
    assert pending_changes() == 5
    # Found at once, before the index has caught up (read from the rows themselves) ...
    expected = {"okobau": {"Zimmerei Ökobau"}, "kranw": {"Kranwagen"}, "neu": {"Neu"}}
    for text, found in expected.items():
        assert titles(text) == found
    assert titles("alt") == set() and titles("dachfoto") == set()
    assert titles("acme ag") == {"ACME AG"}
    # ... and through the index once it has.
    assert work().run()
    assert pending_changes() == 0
    for text, found in expected.items():
        assert titles(text) == found
    assert titles("alt") == set() and titles("dachfoto") == set()
    assert titles("acme ag") == {"ACME AG"}
    candidates = engine().candidates(Kind.communication, search_index.Tier.everything, ["kranw"], 5)
    assert candidates == ["c1"]


def test_what_a_second_process_wrote_while_the_app_was_closed(db_path):
    customer = service.create_customer({"name": "ACME"}).id
    gone = service.create_comm(
        {"customer_id": customer, "type": "note", "direction": "internal", "subject": "Weg"}
    ).id
    close_db()
    backend_edits(
        db_path,
        {"op": "insert_comm", "customer_id": customer, "subject": "Wochenende"},
        {"op": "delete", "table": "crm_comms_log", "id": gone},
    )
    init_db(db_path)
    assert pending_changes() == 2
    assert titles("wochen") == {"Wochenende"} and titles("weg") == set()
    assert work().run() and pending_changes() == 0
    assert titles("wochen") == {"Wochenende"} and titles("weg") == set()


def test_a_bulk_write_of_the_app_is_indexed_by_the_worker(db_path):
    customer = service.create_customer({"name": "ACME"}).id
    service.create_media_many(
        [
            {"customer_id": customer, "filename": f"Scan_{n}.pdf", "nextcloud_path": f"/S{n}"}
            for n in range(100)
        ]
    )
    assert len(titles("scan")) == 100
    work().run()
    assert pending_changes() == 0 and len(titles("scan")) == 100
    service.delete_customer(customer)  # with everything that goes with it
    assert titles("scan") == set()
    work().run()
    assert pending_changes() == 0 and titles("scan") == set() and titles("acme") == set()


def test_the_backends_writes_go_on_while_the_index_is_built(db_path, small_steps):
    """The triggers only record ids: a second process (Python's sqlite3 with its defaults,
    or psycopg) writes every row while the app builds its index in slices."""
    fill(db_path, customers=30, comms=10)
    start_over(db_path)
    customer = service.create_customer({"name": "Nebenan"}).id
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.helpers.backend_writer",
            str(db_path),
            "--customer",
            customer,
            "--comms",
            "60",
            "--delay",
            "0.005",
            "--prefix",
            "Baustelle",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline()
    work().run()
    _out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    work().run()
    assert set(phases().values()) == {Phase.done} and pending_changes() == 0
    assert len(titles("baustelle")) == 60 and len(titles("eintrag")) == 300


# --- safe for the backend ---------------------------------------------------------------------


def test_the_triggers_need_nothing_but_plain_sqlite(tmp_path):
    """The backend's writes go through triggers that Python's own sqlite3 runs, whatever
    its SQLite: they insert into a plain table, nothing else."""
    path = tmp_path / "crm.sqlite3"
    init_db(path)
    close_db()
    with backend.connect(path) as connection:
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
        assert len(triggers) == 12
        for _name, sql in triggers:
            # One plain INSERT of the row's id and the operation: nothing else.
            assert re.fullmatch(
                r"CREATE TRIGGER \w+ AFTER (INSERT|UPDATE|UPDATE OF id|DELETE) ON crm_\w+"
                r"( WHEN OLD\.id IS NOT NEW\.id)? BEGIN INSERT INTO crm_desktop_changes "
                r"\(table_name, row_id, op\) VALUES \('crm_\w+', (NEW|OLD)\.id, "
                r"'(insert|update|delete)'\); END",
                sql,
            ), sql
        customer = backend.insert_customer(connection, "ACME")
        connection.execute("UPDATE crm_customers SET name = 'ACME AG' WHERE id = ?", (customer,))
        connection.execute("DELETE FROM crm_customers WHERE id = ?", (customer,))
        logged = connection.execute(
            "SELECT table_name, row_id, op FROM crm_desktop_changes ORDER BY seq"
        ).fetchall()
    assert [tuple(row) for row in logged] == [
        ("crm_customers", customer, "insert"),
        ("crm_customers", customer, "update"),
        ("crm_customers", customer, "delete"),
    ]


def test_a_missing_change_log_is_reported_and_repaired(tmp_path):
    """Another program dropped the log: its own writes fail then (the triggers need it);
    --check says so, and the next writable open makes it again."""
    path = tmp_path / "crm.sqlite3"
    init_db(path)
    close_db()
    with backend.connect(path) as connection:
        connection.execute("DROP TABLE crm_desktop_changes")
        with pytest.raises(Exception, match="crm_desktop_changes"):
            backend.insert_customer(connection, "ACME")
    out = io.StringIO()
    assert run_check(path, out) == 0  # the app can use it (and repairs it when it opens it)
    assert "change-tracking triggers are there but their table" in out.getvalue()
    init_db(path)
    close_db()
    with backend.connect(path) as connection:
        backend.insert_customer(connection, "ACME")
    out = io.StringIO()
    assert run_check(path, out) == 0
    assert "change tracking" not in out.getvalue()
    assert "search index: complete; 1 change" in out.getvalue()


def test_a_table_that_lost_its_triggers_gets_its_index_anew(db_path, small_steps):
    """The backend rebuilt a table (its triggers went with it): changes may have gone
    unrecorded, so that kind's index is built again."""
    fill(db_path, customers=5, comms=4)
    assert work().run()
    close_db()
    with backend.connect(db_path) as connection:
        if backend.is_server(db_path):
            connection.execute("DROP TRIGGER crm_desktop_track ON crm_comms_log")
        else:
            connection.execute("DROP TRIGGER crm_desktop_track_crm_comms_log_update")
        connection.execute(
            "UPDATE crm_comms_log SET subject = 'Unbemerkt' WHERE rowid IN "
            "(SELECT rowid FROM crm_comms_log LIMIT 1)"
            if not backend.is_server(db_path)
            else "UPDATE crm_comms_log SET subject = 'Unbemerkt' WHERE id IN "
            "(SELECT id FROM crm_comms_log LIMIT 1)"
        )
    init_db(db_path)
    assert phases()[Kind.communication] is Phase.clear
    assert phases()[Kind.customer] is Phase.done
    assert titles("unbemerkt") == {"Unbemerkt"}  # read from the rows meanwhile
    assert work().run()
    assert set(phases().values()) == {Phase.done}
    assert titles("unbemerkt") == {"Unbemerkt"} and len(titles("eintrag")) == 19


def test_an_index_of_another_version_is_built_again(db_path, monkeypatch, small_steps):
    fill(db_path, customers=3, comms=2)
    assert work().run()
    close_db()
    monkeypatch.setattr(index_sqlite, "INDEX_VERSION", 99)
    from crm_desktop.database.postgres import search as index_postgres

    monkeypatch.setattr(index_postgres, "INDEX_VERSION", 99)
    init_db(db_path)
    assert set(phases().values()) == {Phase.clear}
    assert work().run()
    assert set(phases().values()) == {Phase.done} and len(titles("eintrag")) == 6


def test_a_read_only_file_is_searched_without_changing_it(tmp_path):
    indexed = tmp_path / "indexed.sqlite3"
    init_db(indexed)
    customer = service.create_customer({"name": "ACME"}).id
    service.create_comm(
        {"customer_id": customer, "type": "note", "direction": "internal", "subject": "Giebel"}
    )
    close_db()
    plain = tmp_path / "backend.sqlite3"  # the backend's own file: no index, no triggers
    backend.create_schema(plain)
    fill(plain, customers=3, comms=2)
    for path, complete in ((indexed, True), (plain, False)):
        before = path.read_bytes()
        with read_only_file(path):
            db = init_db(path)
            try:
                assert db.read_only
                assert service.search_index_work() is None
                assert titles("gieb") == (
                    {"Giebel"}
                    if complete
                    else {f"Eintrag {n:03d}-{e:02d}" for n in range(3) for e in range(2)}
                )
                status = service.search_status()
                assert status.complete is complete and bool(status.message) is not complete
            finally:
                close_db()
        assert path.read_bytes() == before


def test_the_watch_announces_the_backends_commits_not_the_index_builds(tmp_path):
    """(A server announces changes by NOTIFY, from the shared tables only.)"""
    db_path = tmp_path / "crm.sqlite3"
    init_db(db_path)
    fill(db_path, customers=5, comms=2)
    start_over(db_path)
    watch = DataVersionWatch()
    watch.poll()
    import threading

    builder = threading.Thread(target=lambda: (work().run(), work().release()))
    builder.start()
    builder.join()
    assert set(phases().values()) == {Phase.done}
    assert not watch.poll()  # the index's own commits (another connection) are not news
    backend_edits(db_path, {"op": "insert_customer", "name": "Neu"})
    assert watch.poll()
    assert not watch.poll()
    close_db()
