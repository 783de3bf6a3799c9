"""The media dialogs: add a record by hand, edit tags; errors at the field, nothing lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from crm_desktop import service
from crm_desktop.ui.media.dialog import MediaDialog, TagsDialog
from tests.helpers.errors import database_busy
from tests.ui.media.conftest import wait_active

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def dialog(qtbot, context, customer_id) -> MediaDialog:
    result = MediaDialog.for_new(context, customer_id, "/CRM/ACME")
    qtbot.addWidget(result)
    assert not result.isVisible()  # the factory leaves showing to the caller
    result.open()
    wait_active(qtbot, result)
    return result


def save(qtbot, dialog) -> None:
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, CTRL)


def test_path_and_type_follow_the_filename_until_edited(qtbot, dialog):
    assert dialog.filename.hasFocus()
    qtbot.keyClicks(dialog.filename, "offer.pdf")
    assert dialog.path.text() == "/CRM/ACME/offer.pdf"
    assert dialog.mime.text() == "application/pdf"
    assert dialog.uploaded_by.text() == "anna"

    dialog.path.selectAll()
    qtbot.keyClicks(dialog.path, "/CRM/Shared/offer-v2.pdf")
    dialog.mime.selectAll()
    qtbot.keyClicks(dialog.mime, "application/x-custom")
    dialog.filename.selectAll()
    qtbot.keyClicks(dialog.filename, "offer-v2.pdf")
    assert dialog.path.text() == "/CRM/Shared/offer-v2.pdf"
    assert dialog.mime.text() == "application/x-custom"


def test_an_unknown_extension_leaves_the_type_empty(qtbot, dialog):
    qtbot.keyClicks(dialog.filename, "scan0042")
    assert dialog.mime.text() == ""


def test_an_empty_filename_is_shown_at_the_field_and_nothing_is_lost(qtbot, dialog):
    dialog.direction.setCurrentIndex(dialog.direction.findData("sent"))
    qtbot.keyClicks(dialog.tags, "roof, damage")
    qtbot.keyClicks(dialog.order, "A-1001")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.error_text("filename") == "This must not be empty."
    assert dialog.form.error_text("nextcloud_path") == ""  # it follows the filename
    assert dialog.filename.hasFocus()  # the first field in error
    assert (dialog.tags.text(), dialog.order.text()) == ("roof, damage", "A-1001")
    assert dialog.direction.currentData() == "sent"
    assert service.count_media(dialog.customer_id) == 0

    qtbot.keyClicks(dialog.filename, "roof.jpg")
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)
    record = dialog.saved_record
    assert (record.filename, record.tags) == ("roof.jpg", ["roof", "damage"])
    assert (record.order_id, record.direction) == ("A-1001", "sent")


def test_a_name_nextcloud_refuses_is_an_error(qtbot, dialog):
    qtbot.keyClicks(dialog.filename, "a:b.jpg")
    dialog.path.setText("/CRM/ACME/ab.jpg")
    save(qtbot, dialog)
    assert "Nextcloud cannot store this name" in dialog.form.error_text("filename")
    assert dialog.isVisible()


def test_a_bad_path_is_shown_at_its_field(qtbot, dialog):
    qtbot.keyClicks(dialog.filename, "a.jpg")
    dialog.path.setText("/CRM/../a.jpg")
    save(qtbot, dialog)
    assert "'..'" in dialog.form.error_text("nextcloud_path")
    assert dialog.form.error_text("filename") == ""


def test_a_database_error_keeps_the_dialog_open(qtbot, dialog, prompts, monkeypatch):
    def locked(_data):
        raise database_busy()

    monkeypatch.setattr(service, "create_media", locked)
    qtbot.keyClicks(dialog.filename, "a.jpg")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.filename.text() == "a.jpg"
    assert dialog.form.error_text("").startswith("The database is busy: ")


def test_a_deleted_customer_shows_in_the_banner(qtbot, dialog):
    service.delete_customer(dialog.customer_id)
    qtbot.keyClicks(dialog.filename, "a.jpg")
    save(qtbot, dialog)
    assert dialog.form.error_text("") == "There is no such customer."
    assert dialog.isVisible()


def test_cancel_asks_before_discarding_typed_text(qtbot, dialog, prompts):
    qtbot.keyClicks(dialog.filename, "a.jpg")
    prompts.answers = [False]
    qtbot.keyClick(dialog.filename, Qt.Key.Key_Escape)
    assert dialog.isVisible() and prompts.asked[-1].title == "Discard changes?"
    prompts.answers = [True]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert service.count_media(dialog.customer_id) == 0


def test_cancel_without_typing_asks_nothing(qtbot, dialog, prompts, settings):
    qtbot.keyClick(dialog.filename, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and prompts.asked == []
    assert settings.state("dialog/MediaDialog") is not None  # its geometry, for next time


def test_geometry_is_remembered(qtbot, context, customer_id, dialog):
    dialog.resize(640, 520)
    dialog.reject()
    again = MediaDialog.for_new(context, customer_id, None)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (640, 520)


def test_tags_dialog(qtbot, context, customer_id, prompts):
    record = service.create_media(
        {"customer_id": customer_id, "filename": "a.jpg", "nextcloud_path": "/a.jpg", "tags": ["x"]}
    )
    dialog = TagsDialog.for_record(context, record)
    qtbot.addWidget(dialog)
    dialog.open()
    wait_active(qtbot, dialog)
    assert dialog.tags.hasFocus() and dialog.tags.text() == "x"
    with qtbot.waitSignal(context.events.media_changed) as changed:
        dialog.tags.setText("x, y, x")
        save(qtbot, dialog)
    assert changed.args == [customer_id]
    assert service.get_media(record.id).tags == ["x", "y"]
    assert not dialog.isVisible()


def test_tags_of_a_record_deleted_meanwhile(qtbot, context, customer_id):
    record = service.create_media(
        {"customer_id": customer_id, "filename": "a.jpg", "nextcloud_path": "/a.jpg"}
    )
    dialog = TagsDialog.for_record(context, record)
    qtbot.addWidget(dialog)
    dialog.open()
    service.delete_media(record.id)
    dialog.tags.setText("late")
    context.prompts.choices = [-1]  # the question closed: nothing written, the dialog stays
    dialog.save()
    assert context.prompts.asked[-1].title == "Deleted meanwhile"
    assert dialog.isVisible() and dialog.tags.text() == "late"
    assert service.list_media(customer_id) == []
    context.prompts.choices = [0]  # save as new
    dialog.save()
    (saved,) = service.list_media(customer_id)
    assert (saved.filename, saved.tags) == ("a.jpg", ["late"]) and not dialog.isVisible()


def test_tags_changed_meanwhile_ask_which_to_keep(qtbot, context, customer_id, db_path):
    record = service.create_media(
        {"customer_id": customer_id, "filename": "a.jpg", "nextcloud_path": "/a.jpg"}
    )
    dialog = TagsDialog.for_record(context, record)
    qtbot.addWidget(dialog)
    dialog.open()
    service.update_media_tags(record.id, ["theirs"])
    dialog.tags.setText("mine")
    context.prompts.choices = [0]  # keep mine
    dialog.save()
    assert "tags" in context.prompts.asked[-1].text
    assert service.get_media(record.id).tags == ["mine"] and not dialog.isVisible()
