"""Undo you can see: deletes in the window show the undo bar; Undo puts the rows back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QFrame, QPushButton, QToolButton

from crm_desktop import service
from crm_desktop.app import create_main_window
from crm_desktop.settings import Settings
from tests.helpers import backend
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        acme = backend.insert_customer(connection, "ACME GmbH", email="info@acme.example")
        backend.insert_customer(connection, "Beta AG")
        backend.insert_customer(connection, "Cora KG")
        for n in range(3):
            backend.insert_comm(
                connection, acme, subject=f"Offer {n}", occurred_at=f"2026-11-0{n + 1}T10:00:00"
            )
        backend.insert_media(connection, acme, filename="roof.jpg", mime_type="image/jpeg")
        backend.insert_media(connection, acme, filename="plan.pdf", mime_type="application/pdf")
    return path


@pytest.fixture
def window(qtbot, qapp, db_file, tmp_path, prompts):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.user_name = "anna"
    result = create_main_window(db_file, settings, prompts)
    qtbot.addWidget(result)
    result.resize(1366, 768)
    show_active(qtbot, result)
    result.customers.select_first()
    yield result
    result.close()
    assert not prompts.errors, prompts.errors
    from crm_desktop.database import close_db

    close_db()


def rows(db_file: Path) -> dict[str, list[tuple[object, ...]]]:
    with backend.connect(db_file) as connection:
        return {
            table: sorted(tuple(row) for row in connection.execute(f"SELECT * FROM {table}"))
            for table in ("crm_customers", "crm_comms_log", "crm_media")
        }


def bar(window) -> QFrame:
    return window.findChild(QFrame, "undoBar")


def click_undo(qtbot, window) -> None:
    button = bar(window).findChild(QPushButton, "undoButton")
    assert button.text() == "Undo"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_deleting_a_customer_with_entries_asks_shows_the_bar_and_undo_restores_all(
    qtbot, window, db_file, prompts
):
    before = rows(db_file)
    assert window.customers.current_id is not None and not bar(window).isVisible()
    window.customers.view.setFocus()
    qtbot.keyClick(window.customers.view, Qt.Key.Key_Delete)
    asked = prompts.asked[-1]
    assert "with 3 communications and 2 media records?" in asked.text
    assert "undo" in asked.text
    assert service.count_customers() == 2
    assert bar(window).isVisible() and bar(window).message.text() == "Deleted “ACME GmbH”"
    assert bar(window).timer.isActive() and bar(window).timer.interval() == 10_000
    assert window.card.name.text() == "Beta AG"  # moved on to the neighbour
    click_undo(qtbot, window)
    assert rows(db_file) == before  # every row back as it was, nothing else written
    assert not bar(window).isVisible()
    assert window.customers.view.currentIndex().data() == "ACME GmbH"
    assert window.card.name.text() == "ACME GmbH"
    qtbot.waitUntil(lambda: window.timeline.model.rowCount() == 3)


def test_a_customer_without_entries_goes_without_a_question(qtbot, window, prompts):
    window.customers.select_customer(window.customers.model.row_at(2).id)  # Cora KG
    window.customers.view.setFocus()
    qtbot.keyClick(window.customers.view, Qt.Key.Key_Delete)
    assert prompts.asked == [] and service.count_customers() == 2
    assert bar(window).isVisible()
    qtbot.keyClick(window.customers.view, Qt.Key.Key_Z, CTRL)  # Ctrl+Z, like the button
    assert service.count_customers() == 3
    assert window.customers.current_id == window.customers.model.row_at(2).id


def test_deleting_an_entry_shows_the_bar_and_ctrl_z_selects_it_again(qtbot, window, db_file):
    before = rows(db_file)
    timeline = window.timeline
    qtbot.waitUntil(lambda: timeline.model.rowCount() == 3)
    view = window.findChild(type(timeline._view), "commsTimeline")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    deleted = timeline.current_entry()
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # Del acts on the list with the focus
    assert service.count_customers() == 3 and service.count_comms(deleted.customer_id) == 2
    assert bar(window).message.text() == f"Deleted “{deleted.subject}”"
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert rows(db_file) == before and not bar(window).isVisible()
    assert timeline.current_entry().id == deleted.id


def test_deleting_media_shows_the_bar_and_undo_selects_them_again(qtbot, window, db_file):
    before = rows(db_file)
    media = window.media
    qtbot.waitUntil(lambda: media.model.rowCount() == 2)
    table = window.findChild(type(media.table), "mediaView")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert bar(window).message.text() == "Deleted 2 media records"
    assert service.count_customers() == 3 and media.model.rowCount() == 0
    click_undo(qtbot, window)
    assert rows(db_file) == before
    assert sorted(r.filename for r in media.selected_records()) == ["plan.pdf", "roof.jpg"]


def test_the_bar_goes_after_its_time_and_another_change(qtbot, window):
    window.customers.select_customer(window.customers.model.row_at(2).id)
    window.customers.delete_current()
    assert bar(window).isVisible()
    bar(window).timer.timeout.emit()  # its ten seconds are over
    assert not bar(window).isVisible()
    window.context.undo_stack.undo()
    window.customers.select_customer(window.customers.model.row_at(2).id)
    window.customers.delete_current()
    assert bar(window).isVisible()
    qtbot.mouseClick(bar(window).findChild(QToolButton, "undoBarClose"), Qt.MouseButton.LeftButton)
    assert not bar(window).isVisible() and service.count_customers() == 2


def test_the_bar_sits_at_the_foot_of_the_window_inside_it(window):
    window.customers.select_customer(window.customers.model.row_at(2).id)
    window.customers.delete_current()
    geometry = bar(window).geometry()
    central = window.centralWidget().rect()
    assert central.contains(geometry) and geometry.bottom() > central.height() * 3 // 4
    assert abs(geometry.center().x() - central.center().x()) <= 2
    assert bar(window).mapTo(window, QPoint(0, 0)).y() > window.height() // 2
