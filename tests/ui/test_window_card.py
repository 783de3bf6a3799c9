"""The customer card in the window: the right column, above the media, always the chosen one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

from crm_desktop.app import create_main_window
from crm_desktop.settings import Settings
from tests.helpers import backend
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active, wait_active

NOTES = "\n".join(f"Line {n} of what was agreed on the phone." for n in range(30))


@pytest.fixture
def window(qtbot, qapp, tmp_path: Path):
    path = tmp_path / "office.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        acme = backend.insert_customer(
            connection, "ACME GmbH", email="info@acme.example", nextcloud_folder="/CRM/ACME"
        )
        backend.insert_comm(connection, acme, subject="Offer sent", type="email")
        backend.insert_customer(connection, "Beta AG", phone="+49 30 1", notes=NOTES)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.user_name = "anna"
    prompts = ScriptedPrompts()
    result = create_main_window(path, settings, prompts)
    qtbot.addWidget(result)
    result.resize(1366, 768)
    show_active(qtbot, result)
    yield result
    result.close()
    assert not prompts.errors, prompts.errors
    from crm_desktop.database import close_db

    close_db()


def test_card_sits_above_the_media_and_follows_the_list(qtbot, window):
    column = window.findChild(QSplitter, "customerSplitter")
    card = window.findChild(QWidget, "customerCard")
    assert column.orientation() == Qt.Orientation.Vertical
    assert column.widget(0) is card and column.widget(1) is window.media
    assert window.findChild(QSplitter, "mainSplitter").indexOf(column) == 2
    assert card.empty.isVisible()
    window.customers.select_first()
    assert card.name.text() == "ACME GmbH" and card.email.full_text == "info@acme.example"
    window.customers.view.setFocus()
    qtbot.keyClick(window.customers.view, Qt.Key.Key_Down)
    assert card.name.text() == "Beta AG" and card.phone.full_text == "+49 30 1"


def test_long_notes_leave_the_media_room_until_asked_for(qtbot, window):
    column = window.findChild(QSplitter, "customerSplitter")
    card = window.card
    window.customers.select_customer(window.customers.model.row_at(1).id)  # Beta AG
    assert card.name.text() == "Beta AG"
    card_height, media_height = column.sizes()
    assert media_height > card_height  # compact: the media panel keeps most of the column
    qtbot.mouseClick(card.notes_toggle, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert column.sizes()[0] > card_height  # "More" makes room for the notes
    assert column.sizes()[1] >= sum(column.sizes()) // 2


def test_ctrl_e_in_the_window_edits_the_chosen_customer(qtbot, window):
    window.customers.select_first()
    window.customers.view.setFocus()
    qtbot.keyClick(window.customers.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_active(qtbot, window.findChild(QWidget, "customerDialog"))
    qtbot.keyClicks(dialog.inputs["organization"], "Holding")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.card.organization.text() == "Holding")
    assert window.customers.model.index(0, 1).data() == "Holding"


def test_typing_a_search_that_still_matches_never_blanks_the_timeline(qtbot, window):
    window.customers.select_first()  # ACME GmbH
    timeline = window.timeline.model
    qtbot.waitUntil(lambda: timeline.rowCount() == 1)
    resets: list[int] = []
    timeline.modelReset.connect(lambda: resets.append(timeline.rowCount()))
    search = window.customers.search
    search.setFocus()
    for letter in "acm":
        qtbot.keyClick(search, letter)
        qtbot.waitUntil(lambda: window.customers.model.search == search.text())
        assert window.card.name.text() == "ACME GmbH" and timeline.rowCount() == 1
    assert resets == []  # not emptied and refilled: the same timeline all along
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == "" and window.customers.model.rowCount() == 2
    assert window.card.name.text() == "ACME GmbH" and timeline.rowCount() == 1


def test_the_customer_lists_context_menu_opens_edits_deletes_copies(qtbot, window):
    view = window.customers.view
    rect = view.visualRect(view.model().index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=rect.center())
    assert window.card.name.text() == "Beta AG"  # the right click chose the row
    view.selectRow(0)
    # What the menu shows (built by context_actions(): offscreen Qt shows no popups).
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    shown = [a for a in window.customers.context_actions() if a is not None and a.isEnabled()]
    assert [a.text() for a in shown] == [
        "Open Nextcloud &folder",
        "&Write an e-mail",
        "&Edit customer…",
        "&Delete customer…",
        "&Copy contact details",
        "&New customer…",
    ]
    next(a for a in shown if a.text() == "&Copy contact details").trigger()
    assert QGuiApplication.clipboard().text() == "ACME GmbH\ninfo@acme.example"


def test_ctrl_c_in_the_timeline_copies_the_whole_entry(qtbot, window):
    window.customers.select_first()
    view = window.timeline.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert [a.text() for a in view.actions() if not a.isSeparator()] == [
        "&Log communication…",
        "&Edit communication…",
        "&Copy text",
        "&Delete communication",
    ]
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "Offer sent" and lines[1].startswith("E-mail, Inbound, ")


def test_a_card_height_the_person_chose_is_kept_and_remembered(qtbot, window):
    column = window.findChild(QSplitter, "customerSplitter")
    window.customers.select_first()
    natural = column.sizes()[0]
    handle = column.handle(1)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=QPoint(20, 2))
    qtbot.mouseMove(handle, pos=QPoint(20, 62))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(20, 62))
    chosen = column.sizes()[0]
    assert chosen > natural and window.card.user_sized
    window.customers.view.setFocus()
    qtbot.keyClick(window.customers.view, Qt.Key.Key_Down)  # another customer: same height
    assert window.card.name.text() == "Beta AG" and column.sizes()[0] == chosen
    settings = window.context.settings
    qtbot.waitUntil(lambda: settings.state("MainWindow/customerSplitter") is not None)
