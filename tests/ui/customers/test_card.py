"""The customer card as a user uses it: read, call, write, copy, open the folder, edit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from crm_desktop import service
from crm_desktop.ui.customers.card import CustomerCard, first_lines
from tests.helpers.ui import catching_urls, show_active, wait_active

LONG_NOTES = "\n".join(f"Line {n}: the customer prefers calls in the morning." for n in range(12))


@pytest.fixture
def opened(qapp) -> Iterator[list[QUrl]]:
    with catching_urls("tel", "mailto", "file") as urls:
        yield urls


@pytest.fixture
def customer(db_path: Path):
    return service.create_customer(
        {
            "name": "Gerhard Schröder",
            "organization": "Ärztehaus Nord",
            "email": "g.schroeder@aerztehaus.example",
            "phone": "+49 30 1234 567",
            "address": "Hauptstraße 1\n10827 Berlin",
            "notes": LONG_NOTES,
            "tags": ["VIP", "Solar"],
            "nextcloud_folder": "/CRM/Schröder",
        }
    )


@pytest.fixture
def card(qtbot, context, customer) -> CustomerCard:
    widget = CustomerCard(context)
    qtbot.addWidget(widget)
    widget.resize(420, 400)
    widget.set_customer(customer)
    show_active(qtbot, widget)
    return widget


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(10, widget.height() // 2))


def test_shows_who_it_is_and_how_to_reach_them(card):
    assert card.name.text() == "Gerhard Schröder"
    assert card.organization.text() == "Ärztehaus Nord"
    assert card.phone.full_text == "+49 30 1234 567" and card.phone.isVisible()
    assert card.email.full_text == "g.schroeder@aerztehaus.example"
    assert card.address.text() == "Hauptstraße 1\n10827 Berlin"
    assert card.tags.text() == "VIP · Solar"
    assert card.folder.full_text == "/CRM/Schröder"
    assert card.email.toolTip().startswith("g.schroeder@aerztehaus.example")


def test_empty_fields_take_no_room_and_no_customer_says_so(qtbot, card, customer):
    bare = service.create_customer({"name": "Bare"})
    card.set_customer(bare)
    assert card.name.text() == "Bare"
    for widget in (card.phone, card.email, card.address, card.tags, card.folder, card.notes):
        assert not widget.isVisible()
    card.set_customer(None)
    assert card.empty.isVisible() and not card.details.isVisible()
    assert not card.edit_action.isEnabled()


def test_long_notes_are_cut_with_a_more_toggle_and_a_tooltip(qtbot, card):
    assert card.notes.text().count("\n") == 2  # three lines
    assert card.notes.text().endswith("…")
    assert card.notes.toolTip() == LONG_NOTES
    short_height = card.wanted_height()
    assert card.notes_toggle.isVisible() and card.notes_toggle.text() == "More"
    click(qtbot, card.notes_toggle)
    assert card.notes.text() == LONG_NOTES and card.notes_toggle.text() == "Less"
    assert card.wanted_height() > short_height + 5 * card.fontMetrics().height()
    click(qtbot, card.notes_toggle)
    assert card.notes.text().endswith("…")


def test_short_notes_have_no_toggle(card, customer):
    card.set_customer(
        service.update_customer(customer.id, {"notes": "Prefers e-mail."}, expected=customer)
    )
    assert card.notes.text() == "Prefers e-mail." and not card.notes_toggle.isVisible()


def test_first_lines_cuts_long_paragraphs_too(qapp):
    font = QGuiApplication.font()
    text, cut = first_lines("word " * 200, font, 200, 2)
    assert cut and text.count("\n") == 1 and text.endswith("…")
    assert first_lines("one\ntwo", font, 200, 3) == ("one\ntwo", False)


def test_phone_and_email_open_the_desktops_apps(qtbot, card, opened):
    click(qtbot, card.phone)
    click(qtbot, card.email)
    assert [url.toString() for url in opened] == [
        "tel:+49301234567",
        "mailto:g.schroeder@aerztehaus.example",
    ]


def test_copy_buttons_put_phone_and_email_on_the_clipboard(qtbot, card):
    click(qtbot, card.copy_phone)
    assert QGuiApplication.clipboard().text() == "+49 30 1234 567"
    click(qtbot, card.copy_email)
    assert QGuiApplication.clipboard().text() == "g.schroeder@aerztehaus.example"


def test_folder_without_sync_folder_says_why_it_cannot_open(qtbot, card, prompts, opened):
    assert card.folder_note.isVisible()
    assert "sync folder in Settings" in card.folder_note.text()
    click(qtbot, card.folder)
    assert not opened and prompts.asked[-1].title == "Cannot open the folder"


def test_folder_opens_in_the_file_manager_once_synced(
    qtbot, card, context, tmp_path, prompts, opened
):
    sync = tmp_path / "Nextcloud"
    sync.mkdir()
    context.settings.nextcloud_folder = str(sync)
    context.events.settings_changed.emit()
    assert card.folder_note.text() == "Not synced to this computer yet."
    (sync / "CRM" / "Schröder").mkdir(parents=True)
    context.events.settings_changed.emit()
    assert not card.folder_note.isVisible()
    click(qtbot, card.folder)
    assert [Path(url.toLocalFile()) for url in opened] == [(sync / "CRM" / "Schröder").resolve()]
    assert not prompts.asked


def test_folder_outside_the_sync_folder_is_never_opened(qtbot, card, customer, context, tmp_path):
    context.settings.nextcloud_folder = str(tmp_path)
    (tmp_path / "CRM").mkdir()
    card.set_customer(customer.model_copy(update={"nextcloud_folder": "/CRM/../.."}))
    assert card.folder_note.text() == "This folder lies outside the Nextcloud sync folder."


def test_edit_with_one_click_and_the_card_follows(qtbot, card, customer):
    click(qtbot, card.edit_button)
    dialog = wait_active(qtbot, card.findChild(QWidget, "customerDialog"))
    assert dialog.values()["name"] == "Gerhard Schröder"
    dialog.inputs["phone"].clear()
    qtbot.keyClicks(dialog.inputs["phone"], "+49 30 999")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: card.phone.full_text == "+49 30 999")
    assert service.get_customer(customer.id).phone == "+49 30 999"


def test_ctrl_e_edits_the_customer(qtbot, card):
    qtbot.keyClick(card, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_active(qtbot, card.findChild(QWidget, "customerDialog"))
    assert dialog.windowTitle() == "Edit customer"
    dialog.reject()


def test_read_only_database_offers_no_edit(qtbot, context, customer):
    context.read_only_reason = "the file is read-only"
    widget = CustomerCard(context)
    qtbot.addWidget(widget)
    widget.set_customer(customer)
    assert not widget.edit_action.isEnabled() and widget.open_edit_dialog() is None


def test_a_change_elsewhere_shows_and_a_delete_empties(qtbot, card, customer, context):
    service.update_customer(customer.id, {"organization": "Praxis Süd"})
    context.events.customers_changed.emit(customer.id)
    assert card.organization.text() == "Praxis Süd"
    service.delete_customer(customer.id)
    context.events.customers_changed.emit(customer.id)
    assert card.empty.isVisible()
