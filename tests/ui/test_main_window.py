"""The main window as staff use it: three areas, one customer at a time, remembered state."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter

from crm_desktop import service
from crm_desktop.app import create_main_window
from crm_desktop.settings import Settings
from crm_desktop.ui.timeline.composer import CommDialog
from tests.helpers import backend
from tests.helpers.processes import start_writer
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    result = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    result.user_name = "anna"
    return result


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        acme = backend.insert_customer(connection, "ACME GmbH", email="info@acme.example")
        backend.insert_customer(connection, "Beta AG", phone="+49 30 1")
        backend.insert_comm(connection, acme, subject="Offer sent", type="email")
        backend.insert_media(connection, acme, filename="roof.jpg", mime_type="image/jpeg")
    return path


@pytest.fixture
def window(qtbot, qapp, db_file, settings):
    prompts = ScriptedPrompts()
    result = create_main_window(db_file, settings, prompts)
    qtbot.addWidget(result)
    show_active(qtbot, result)
    yield result
    result.close()
    assert not prompts.errors, prompts.errors
    from crm_desktop.database import close_db

    close_db()


def view(window, name: str) -> QAbstractItemView:
    return window.findChild(QAbstractItemView, name)


def test_three_areas_with_their_names(window):
    assert isinstance(window.findChild(QSplitter, "mainSplitter"), QSplitter)
    assert window.findChild(QAbstractItemView, "customerList").model().rowCount() == 2
    assert view(window, "commsTimeline") is not None
    assert window.findChild(type(window.media), "mediaPanel") is window.media
    assert view(window, "mediaView") is not None
    assert "office.sqlite3" in window.windowTitle()


def test_choosing_a_customer_fills_timeline_and_media(qtbot, window):
    window.customers.select_first()  # ACME GmbH, by name
    timeline, media = view(window, "commsTimeline"), view(window, "mediaView")
    qtbot.waitUntil(lambda: timeline.model().rowCount() == 1 and media.model().rowCount() == 1)
    assert timeline.model().index(0, 0).data() == "Offer sent"
    assert media.model().index(0, 0).data() == "roof.jpg"
    assert window.findChild(QLabel, "commCount").text() == "1 communication"
    assert window.findChild(QLabel, "customerCount").text() == "2 customers"
    qtbot.keyClick(window.customers.view, Qt.Key.Key_Down)  # Beta AG: nothing logged yet
    qtbot.waitUntil(lambda: timeline.model().rowCount() == 0)
    assert media.model().rowCount() == 0


def test_log_and_undo_delete_through_the_window(qtbot, window):
    window.customers.select_first()
    customer = window.customers.current_id
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.timeline.findChild(CommDialog, "commDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    timeline = view(window, "commsTimeline")
    timeline.setFocus()
    timeline.setCurrentIndex(timeline.model().index(0, 0))
    qtbot.keyClick(timeline, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: timeline.model().rowCount() == 0)
    assert service.count_comms(customer) == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: timeline.model().rowCount() == 1)
    assert service.count_comms(customer) == 1


def test_splitter_and_geometry_are_remembered(qtbot, qapp, window, db_file, settings):
    window.resize(760, 560)  # inside the offscreen screen (800 x 600): geometry is kept on it
    window.splitter.setSizes([200, 300, 260])
    sizes = window.splitter.sizes()
    window.close()
    again = create_main_window(db_file, settings, ScriptedPrompts())
    qtbot.addWidget(again)
    again.show()
    assert again.size() == window.size()
    qtbot.waitUntil(lambda: again.splitter.sizes() == sizes)
    again.close()


def test_another_processs_rows_appear_within_two_seconds(qtbot, window, db_file):
    window.customers.select_first()
    customer = window.customers.current_id
    timeline = view(window, "commsTimeline")
    qtbot.waitUntil(lambda: timeline.model().rowCount() == 1)
    selected = timeline.model().index(0, 0)
    timeline.setCurrentIndex(selected)

    writer = start_writer(db_file, "--customer", customer, "--comms", "3", "--customers", "1")
    writer.communicate(timeout=30)
    assert writer.returncode == 0
    qtbot.waitUntil(lambda: timeline.model().rowCount() == 4, timeout=2000)
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 3, timeout=2000)
    # The entry the user had chosen is still the chosen one.
    assert timeline.currentIndex().data() == "Offer sent"


def test_switching_to_another_database_and_back(qtbot, window, tmp_path, db_file):
    other = tmp_path / "other.sqlite3"
    assert window.switch_database(other, create=True)  # as File ▸ New database… does
    assert window.customers.model.rowCount() == 0
    assert "other.sqlite3" in window.windowTitle()
    assert window.context.settings.recent_databases[0] == str(other)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    assert not window.switch_database(notes)
    assert window.context.prompts.errors.pop().path == notes
    assert window.context.db_path == other and service.count_customers() == 0
    assert window.switch_database(db_file)
    assert window.customers.model.rowCount() == 2


def test_a_read_only_file_shows_why_and_offers_no_changes(qtbot, qapp, db_file, settings):
    from crm_desktop.database import close_db
    from tests.helpers.readonly import read_only_file

    with read_only_file(db_file):
        window = create_main_window(db_file, settings, ScriptedPrompts())
        qtbot.addWidget(window)
        window.show()
        try:
            banner = window.findChild(QLabel, "databaseBanner")
            assert banner.isVisible() and "Read-only" in banner.text()
            assert "read-only" in window.windowTitle()
            window.customers.select_first()
            assert window.timeline.view.model().rowCount() == 1  # reading works
            disabled = [
                window.customers.new_action,
                window.customers.edit_action,
                window.customers.delete_action,
                window.timeline.log_action,
                window.media.add_action,
            ]
            assert not any(action.isEnabled() for action in disabled)
        finally:
            window.close()
            close_db()


def test_a_row_with_bytes_that_are_not_text_shows_marked_among_the_others(
    qtbot, qapp, tmp_path, settings
):
    """Another program wrote Latin-1 into a body and into a customer's name: every entry
    of the timeline shows, the bad ones marked, and no error box appears."""
    path = tmp_path / "office.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        acme = backend.insert_customer(connection, "ACME GmbH")
        for day in (1, 3):
            backend.insert_comm(connection, acme, occurred_at=f"2026-11-0{day}T10:00:00")
        connection.execute(
            "INSERT INTO crm_comms_log (id, customer_id, type, direction, body, attachments, "
            "occurred_at, created_at) VALUES ('bad', ?, 'note', 'internal', CAST(? AS TEXT), "
            "'[]', '2026-11-02T10:00:00', '2026-11-02T10:00:00')",
            (acme, b"K\xf6ln"),
        )
        connection.execute(
            "INSERT INTO crm_customers (id, name, tags, created_at, updated_at) VALUES "
            "('bad-customer', CAST(? AS TEXT), '[]', '2026-11-01T10:00', '2026-11-01T10:00')",
            (b"B\xe4cker",),
        )
    prompts = ScriptedPrompts()
    window = create_main_window(path, settings, prompts)
    qtbot.addWidget(window)
    try:
        show_active(qtbot, window)
        customers = window.customers.model
        assert customers.rowCount() == 2
        names = [customers.index(row, 0).data() for row in range(2)]
        assert names == ["ACME GmbH", "B\ufffdcker"]
        assert customers.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is not None
        assert "\ufffd" in customers.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert customers.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None
        window.customers.select_first()
        qtbot.waitUntil(lambda: window.timeline.model.rowCount() == 3)
        tooltip = window.timeline.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert "\ufffd" in tooltip
        assert prompts.errors == []
    finally:
        window.close()
        from crm_desktop.database import close_db

        close_db()
