"""The open window builds a big file's search index in the background, showing how far it
is, and keeps it current with what another process writes (found within 3 s)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from crm_desktop import bulk_writes, service
from crm_desktop.app import create_main_window
from crm_desktop.database import close_db
from crm_desktop.database import search as search_index
from crm_desktop.database.search import work as index_work
from crm_desktop.settings import Settings
from tests.helpers import backend
from tests.helpers.processes import backend_edits
from tests.helpers.prompts import ScriptedPrompts


def open_window(qtbot, path: Path, tmp_path: Path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = create_main_window(path, settings, ScriptedPrompts())
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def big_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The backend's file with a few hundred rows, counted as too big to index at open, and
    indexed in small steps (several slices)."""
    monkeypatch.setattr(search_index, "BUILD_AT_OPEN_ROWS", -1)
    monkeypatch.setattr(index_work, "BUILD_ROWS", 5)
    monkeypatch.setattr(bulk_writes, "SLICE_SECONDS", 0.005)  # a few steps per slice
    path = tmp_path / "backend.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        connection.execute("BEGIN")
        for number in range(30):
            customer = backend.insert_customer(connection, f"Kunde {number:02d}")
            for entry in range(15):
                backend.insert_comm(connection, customer, subject=f"Giebel {number}-{entry}")
        connection.execute("COMMIT")
    return path


def test_a_big_files_index_is_built_while_the_window_works(qtbot, big_file, tmp_path):
    window = open_window(qtbot, big_file, tmp_path)
    try:
        label = window.findChild(type(window.customer_count), "searchIndexStatus")
        assert label is not None
        qtbot.waitUntil(lambda: label.isVisible() and "%" in label.text(), timeout=10_000)
        assert not service.search_status().complete
        assert len(service.search_all("giebel", limit=1000)) == 450  # found meanwhile
        qtbot.waitUntil(lambda: not label.isVisible(), timeout=60_000)
        status = service.search_status()
        assert status.complete and status.indexed == 30 + 450
        assert window.customers.model.rowCount() > 0
    finally:
        window.close()
        close_db()


def test_quitting_in_the_middle_of_the_build_stops_it(qtbot, big_file, tmp_path):
    window = open_window(qtbot, big_file, tmp_path)
    label = window.findChild(type(window.customer_count), "searchIndexStatus")
    qtbot.waitUntil(lambda: label.isVisible(), timeout=10_000)
    thread = window.search_index._thread
    assert thread is not None and thread.is_alive()
    window.close()
    qtbot.waitUntil(lambda: not thread.is_alive())  # stopped, not left working
    close_db()


def test_what_another_process_writes_is_indexed_while_the_window_is_open(
    qtbot, tmp_path, monkeypatch
):
    path = tmp_path / "crm.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        acme = backend.insert_customer(connection, "ACME")
        old = backend.insert_comm(connection, acme, subject="Dachrinne")
        gone = backend.insert_comm(connection, acme, subject="Vorhang")
    window = open_window(qtbot, path, tmp_path)
    try:
        qtbot.waitUntil(lambda: service.search_status().complete, timeout=5000)
        backend_edits(
            path,
            {"op": "insert_comm", "customer_id": acme, "subject": "Kranwagen bestellt"},
            {"op": "update", "table": "crm_comms_log", "id": old, "set": {"subject": "Regen"}},
            {"op": "delete", "table": "crm_comms_log", "id": gone},
            {"op": "insert_customer", "name": "Ärztehaus Süd", "id": "backend-1"},
        )
        # The window's watcher looks every 0.7 s and has the worker apply the change log.
        qtbot.waitUntil(lambda: service.search_status().pending == 0, timeout=3000)
        assert [hit.title for hit in service.search_all("kranw")] == ["Kranwagen bestellt"]
        assert [hit.title for hit in service.search_all("regen")] == ["Regen"]
        assert service.search_all("dachrinne") == service.search_all("vorhang") == []
        model = window.customers.model
        names = lambda: [model.row_at(r).name for r in range(model.rowCount())]  # noqa: E731
        qtbot.waitUntil(lambda: names() == ["ACME", "Ärztehaus Süd"], timeout=3000)
    finally:
        window.close()
        close_db()
