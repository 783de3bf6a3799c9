"""The composer dialog driven as a user would: typing, Ctrl+Enter, Escape, dropping files."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QMimeData, QPoint, QPointF, Qt, QTime, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crm_desktop import service
from crm_desktop.ui.timeline import composer as composer_module
from crm_desktop.ui.timeline.composer import CommDialog, display_format, to_storage
from tests.helpers import backend, files
from tests.helpers.errors import database_busy
from tests.ui.timeline.conftest import log, raw_row


def show(qtbot, dialog: CommDialog) -> CommDialog:
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.open()
    return dialog


@pytest.fixture
def new_dialog(qtbot, context, customer_id) -> CommDialog:
    return show(qtbot, CommDialog.for_new(context, customer_id))


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


@pytest.fixture(autouse=True)
def numeric_locale(qapp):
    """The C locale's all-digit date format ("d MM yyyy HH:mm"), whatever the machine's is."""
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(before)


def type_when(qtbot, dialog: CommDialog, local: QDateTime) -> None:
    """Type a local date and time as a user does: the digits, each field moving to the next."""
    edit = dialog.when
    edit.setFocus()  # the first field (the day) is selected
    shown = QLocale().toString(local, edit.displayFormat())
    qtbot.keyClicks(edit, "".join(c for c in shown if c.isdigit()))
    # Seconds are not shown: they keep what they were, and saving drops them.
    assert edit.dateTime().toString("yyyy-MM-dd HH:mm") == local.toString("yyyy-MM-dd HH:mm")


def save_with_keyboard(qtbot, dialog: CommDialog, key=Qt.Key.Key_Return) -> None:
    qtbot.keyClick(dialog.body, key, Qt.KeyboardModifier.ControlModifier)


def rows(db_path) -> list[dict]:
    with backend.connect(db_path) as connection:
        return [dict(row) for row in connection.execute("SELECT * FROM crm_comms_log")]


def test_the_dialog_names_its_fields(new_dialog):
    for name, kind in [
        ("commType", QComboBox),
        ("commDirection", QComboBox),
        ("commSubject", QLineEdit),
        ("commBody", QPlainTextEdit),
    ]:
        assert isinstance(new_dialog.findChild(kind, name), kind)
        assert new_dialog.findChild(kind, name).accessibleName()
    assert new_dialog.objectName() == "commDialog"
    assert new_dialog.findChild(QWidget, "commOccurredAt") is new_dialog.when
    assert new_dialog.findChild(QWidget, "commAttachments") is new_dialog.attachments.table
    assert new_dialog.findChild(QWidget, "commSave") is new_dialog.save_button
    assert new_dialog.windowTitle() == "Log communication with ACME GmbH"
    labels = [new_dialog.type_box.itemText(i) for i in range(new_dialog.type_box.count())]
    assert labels == ["E-mail", "WhatsApp", "Call", "SMS", "Note", "In person"]
    directions = [new_dialog.direction_box.itemText(i) for i in range(3)]
    assert directions == ["Inbound", "Outbound", "Internal"]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_log_a_call_with_the_keyboard(
    qtbot, context, berlin, new_dialog, db_path, customer_id, key
):
    type_into(qtbot, new_dialog.type_box, "Call")
    qtbot.keyClick(new_dialog.direction_box, Qt.Key.Key_Down)
    type_into(qtbot, new_dialog.subject, "Site visit")
    type_into(qtbot, new_dialog.body, "Agreed on Thursday 9:00.")
    local = QDateTime(QDate(2026, 11, 25), QTime(14, 30))
    type_when(qtbot, new_dialog, local)

    with qtbot.waitSignal(context.events.comms_changed) as changed:
        save_with_keyboard(qtbot, new_dialog, key)
    assert changed.args == [customer_id]
    assert new_dialog.result() == QDialog.DialogCode.Accepted
    (row,) = rows(db_path)
    assert row["id"] == new_dialog.saved_id
    assert (row["type"], row["direction"]) == ("call", "outbound")
    assert (row["subject"], row["body"]) == ("Site visit", "Agreed on Thursday 9:00.")
    assert row["logged_by"] == "anna"
    assert row["attachments"] == "[]"
    # 14:30 in Berlin in November is 13:30 UTC.
    assert row["occurred_at"] == "2026-11-25T13:30:00.000000"


def test_enter_in_a_field_does_not_save(qtbot, new_dialog, db_path):
    type_into(qtbot, new_dialog.subject, "Not yet")
    qtbot.keyClick(new_dialog.subject, Qt.Key.Key_Return)
    assert new_dialog.isVisible() and rows(db_path) == []


def test_the_time_defaults_to_now(qtbot, new_dialog, db_path):
    type_into(qtbot, new_dialog.subject, "Quick note")
    save_with_keyboard(qtbot, new_dialog)
    (row,) = rows(db_path)
    stored = datetime.fromisoformat(row["occurred_at"] + "+00:00")
    # Now, to the millisecond (not cut to the minute: entries logged in one minute keep order).
    assert abs((datetime.now(UTC) - stored).total_seconds()) < 60
    assert not row["occurred_at"].endswith(":00.000000")


def test_the_time_is_shown_in_the_locales_short_form_with_a_full_year(qapp):
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert display_format(german) == "dd.MM.yyyy HH:mm"
    american = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert display_format(american).startswith("M/d/yyyy h:mm")


def test_to_storage_is_utc(berlin, qapp):
    local = QDateTime(QDate(2026, 7, 1), QTime(9, 15, 30, 250))
    assert to_storage(local) == "2026-07-01T07:15:30.250000"


def test_an_invalid_attachment_is_shown_at_its_field_and_nothing_is_lost(
    qtbot, new_dialog, db_path
):
    type_into(qtbot, new_dialog.subject, "Photos")
    type_into(qtbot, new_dialog.body, "See attached")
    new_dialog.attachments.add_row("", "/CRM/ACME/photo.jpg")
    save_with_keyboard(qtbot, new_dialog)

    assert new_dialog.isVisible() and new_dialog.result() == 0
    error = new_dialog.form.error_text("attachments")
    assert error == "Attachment 1, file name: This must not be empty."
    assert new_dialog.subject.text() == "Photos"
    assert new_dialog.body.toPlainText() == "See attached"
    assert new_dialog.attachments.values() == [
        {"filename": "", "nextcloud_path": "/CRM/ACME/photo.jpg"}
    ]
    assert rows(db_path) == []


def test_a_customer_deleted_meanwhile_is_said_in_the_banner(
    qtbot, new_dialog, db_path, customer_id
):
    type_into(qtbot, new_dialog.subject, "Too late")
    service.delete_customer(customer_id)
    save_with_keyboard(qtbot, new_dialog)
    assert new_dialog.isVisible()
    assert new_dialog.form.error_text("") == "There is no such customer."
    assert new_dialog.subject.text() == "Too late"
    assert rows(db_path) == []


def test_a_locked_database_is_said_in_the_banner(qtbot, monkeypatch, new_dialog):
    def locked(_data: object) -> None:
        raise database_busy()

    monkeypatch.setattr(composer_module.service, "create_comm", locked)
    type_into(qtbot, new_dialog.subject, "Keep me")
    save_with_keyboard(qtbot, new_dialog)
    assert new_dialog.isVisible()
    assert new_dialog.form.error_text("").startswith("The database is busy: ")
    assert new_dialog.subject.text() == "Keep me"


# --- editing --------------------------------------------------------------------------------


@pytest.fixture
def stored(customer_id) -> str:
    return log(
        customer_id,
        type="whatsapp",
        direction="outbound",
        subject="Photos",
        body="Here they are",
        attachments=[{"filename": "a.jpg", "nextcloud_path": "/CRM/ACME/a.jpg"}],
        logged_by="ben",
        occurred_at="2026-11-20T09:00:00",
    )


@pytest.fixture
def edit_dialog(qtbot, context, stored) -> CommDialog:
    return show(qtbot, CommDialog.for_edit(context, service.get_comm(stored)))


def test_edit_shows_the_record_with_only_subject_body_and_time_editable(edit_dialog):
    assert edit_dialog.windowTitle() == "Edit communication with ACME GmbH"
    assert edit_dialog.type_box.currentData() == "whatsapp"
    assert edit_dialog.direction_box.currentData() == "outbound"
    assert not edit_dialog.type_box.isEnabled()
    assert not edit_dialog.direction_box.isEnabled()
    assert edit_dialog.attachments.values() == [
        {"filename": "a.jpg", "nextcloud_path": "/CRM/ACME/a.jpg"}
    ]
    assert edit_dialog.attachments.add_button.isHidden()
    assert (
        edit_dialog.attachments.table.editTriggers()
        == edit_dialog.attachments.table.EditTrigger.NoEditTriggers
    )
    assert edit_dialog.subject.text() == "Photos"
    assert edit_dialog.subject.isEnabled() and edit_dialog.body.isEnabled()


def test_edit_changes_only_subject_body_and_time(qtbot, berlin, edit_dialog, db_path, stored):
    before = raw_row(db_path, stored)
    edit_dialog.subject.selectAll()
    type_into(qtbot, edit_dialog.subject, "Photos of the roof")
    edit_dialog.body.setFocus()
    qtbot.keyClick(edit_dialog.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit_dialog.body, " (3 photos)")
    type_when(qtbot, edit_dialog, QDateTime(QDate(2026, 11, 21), QTime(8, 5)))
    save_with_keyboard(qtbot, edit_dialog)

    assert edit_dialog.result() == QDialog.DialogCode.Accepted
    after = raw_row(db_path, stored)
    assert after["subject"] == "Photos of the roof"
    assert after["body"] == "Here they are (3 photos)"
    assert after["occurred_at"] == "2026-11-21T07:05:00.000000"
    unchanged = set(before) - {"subject", "body", "occurred_at"}
    assert {key: after[key] for key in unchanged} == {key: before[key] for key in unchanged}


def test_an_edit_that_changes_nothing_writes_nothing(qtbot, edit_dialog, db_path, stored):
    before = raw_row(db_path, stored)
    save_with_keyboard(qtbot, edit_dialog)
    assert edit_dialog.result() == QDialog.DialogCode.Accepted
    assert raw_row(db_path, stored) == before


def test_an_edit_of_an_entry_deleted_meanwhile_asks_and_can_save_it_anew(
    qtbot, edit_dialog, stored, prompts, customer_id
):
    service.delete_comm(stored)
    type_into(qtbot, edit_dialog.subject, "!")
    prompts.choices = [-1]  # the question closed: nothing written, the dialog stays
    save_with_keyboard(qtbot, edit_dialog)
    assert prompts.asked[-1].title == "Deleted meanwhile"
    assert edit_dialog.isVisible() and service.count_comms(customer_id) == 0
    prompts.choices = [0]  # save as new
    save_with_keyboard(qtbot, edit_dialog)
    assert not edit_dialog.isVisible()
    (entry,) = service.list_comms(customer_id)
    assert entry.id == edit_dialog.saved_id != stored
    assert entry.subject.endswith("!")


def test_an_edit_of_an_entry_changed_meanwhile_asks_which_to_keep(
    qtbot, context, db_path, stored, prompts
):
    dialog = show(qtbot, CommDialog.for_edit(context, service.get_comm(stored)))
    with backend.connect(db_path) as connection:
        connection.execute("UPDATE crm_comms_log SET subject = 'Theirs' WHERE id = ?", (stored,))
    dialog.subject.setText("Mine")
    prompts.choices = [1]  # keep theirs
    dialog.save()
    assert "subject" in prompts.asked[-1].text
    assert not dialog.isVisible() and service.get_comm(stored).subject == "Theirs"

    dialog = show(qtbot, CommDialog.for_edit(context, service.get_comm(stored)))
    with backend.connect(db_path) as connection:
        connection.execute("UPDATE crm_comms_log SET subject = 'Again' WHERE id = ?", (stored,))
    dialog.subject.setText("Mine")
    prompts.choices = [0]  # keep mine
    dialog.save()
    assert not dialog.isVisible() and service.get_comm(stored).subject == "Mine"


def test_a_foreign_records_unknown_type_is_shown_as_stored(qtbot, context, db_path, customer_id):
    with backend.connect(db_path) as connection:
        comm_id = backend.insert_comm(connection, customer_id, type="fax", direction="sideways")
    dialog = show(qtbot, CommDialog.for_edit(context, service.get_comm(comm_id)))
    assert dialog.type_box.currentText() == "fax"
    assert dialog.direction_box.currentText() == "sideways"


# --- leaving --------------------------------------------------------------------------------


def test_escape_with_nothing_typed_just_closes(qtbot, new_dialog, prompts):
    qtbot.keyClick(new_dialog.subject, Qt.Key.Key_Escape)
    assert new_dialog.result() == QDialog.DialogCode.Rejected and not new_dialog.isVisible()
    assert prompts.asked == []


def test_escape_with_typed_text_asks_first(qtbot, new_dialog, prompts, db_path):
    type_into(qtbot, new_dialog.body, "Half a thought")
    prompts.answers = [False]
    qtbot.keyClick(new_dialog.body, Qt.Key.Key_Escape)
    assert [asked.kind for asked in prompts.asked] == ["confirm"]
    assert new_dialog.isVisible() and new_dialog.body.toPlainText() == "Half a thought"

    prompts.answers = [True]
    new_dialog.close()  # the window's close button asks the same
    assert len(prompts.asked) == 2
    assert not new_dialog.isVisible() and new_dialog.result() == QDialog.DialogCode.Rejected
    assert rows(db_path) == []


def test_the_dialog_remembers_its_size(qtbot, context, customer_id, settings):
    first = show(qtbot, CommDialog.for_new(context, customer_id))
    first.resize(700, 640)
    first.reject()
    assert settings.state("dialog/CommDialog") is not None
    second = CommDialog.for_new(context, customer_id)
    qtbot.addWidget(second)
    assert second.size() == first.size()


# --- attachments ----------------------------------------------------------------------------


def test_add_suggests_a_path_in_the_customers_folder(qtbot, new_dialog, db_path):
    qtbot.mouseClick(new_dialog.attachments.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the file name cell is being edited
    qtbot.keyClicks(editor, "offer.pdf")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # ends the cell, does not save the dialog
    qtbot.waitUntil(lambda: bool(new_dialog.attachments.values()))
    assert new_dialog.isVisible()
    assert new_dialog.attachments.values() == [
        {"filename": "offer.pdf", "nextcloud_path": "/CRM/ACME/offer.pdf"}
    ]
    save_with_keyboard(qtbot, new_dialog)
    (row,) = rows(db_path)
    assert (
        row["attachments"] == '[{"filename": "offer.pdf", "nextcloud_path": "/CRM/ACME/offer.pdf"}]'
    )


def test_remove_takes_the_selected_attachment_away(qtbot, new_dialog):
    editor = new_dialog.attachments
    editor.add_row("a.pdf", "/CRM/ACME/a.pdf")
    editor.add_row("b.pdf", "/CRM/ACME/b.pdf")
    assert not editor.remove_button.isEnabled()
    editor.select_row(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [row["filename"] for row in editor.values()] == ["b.pdf"]


def files_mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drag_and_drop(target, mime: QMimeData) -> tuple[QDragEnterEvent, QDragMoveEvent, QDropEvent]:
    """The three events a file manager's drag sends, offering Copy and Move."""
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    point = QPoint(20, 20)
    enter = QDragEnterEvent(
        point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(
        point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, move)
    drop = QDropEvent(
        QPointF(point), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, drop)
    return enter, move, drop


def test_dropped_files_become_attachments_by_copy(qtbot, new_dialog, tmp_path, db_path):
    photo = tmp_path / "roof photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    enter, move, drop = drag_and_drop(new_dialog, files_mime(photo))
    for event in (enter, move, drop):
        assert event.isAccepted()
        assert event.dropAction() == Qt.DropAction.CopyAction
    assert new_dialog.attachments.values() == [
        {"filename": "roof photo.jpg", "nextcloud_path": "/CRM/ACME/roof photo.jpg"}
    ]
    # The same file again is not attached twice.
    drag_and_drop(new_dialog, files_mime(photo))
    assert len(new_dialog.attachments.values()) == 1
    assert photo.exists()


def test_a_file_in_the_sync_folder_keeps_its_nextcloud_path(
    qtbot, context, customer_id, settings, tmp_path
):
    sync = tmp_path / "Nextcloud"
    (sync / "Shared" / "Plans").mkdir(parents=True)
    plan = sync / "Shared" / "Plans" / "plan.pdf"
    plan.write_bytes(b"%PDF")
    settings.nextcloud_folder = str(sync)
    dialog = show(qtbot, CommDialog.for_new(context, customer_id))
    drag_and_drop(dialog, files_mime(plan))
    assert dialog.attachments.values() == [
        {"filename": "plan.pdf", "nextcloud_path": "/Shared/Plans/plan.pdf"}
    ]


def test_files_dropped_on_the_body_are_attachments_not_text(qtbot, new_dialog, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("hello")
    _enter, _move, drop = drag_and_drop(new_dialog.body.viewport(), files_mime(note))
    assert drop.isAccepted()
    assert new_dialog.body.toPlainText() == ""
    assert [row["filename"] for row in new_dialog.attachments.values()] == ["note.txt"]


def test_web_links_alone_are_not_accepted(qtbot, new_dialog):
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/a.pdf")])
    enter, _move, drop = drag_and_drop(new_dialog, mime)
    assert not enter.isAccepted() and not drop.isAccepted()
    assert new_dialog.attachments.values() == []
    assert new_dialog.drop_problems.isHidden()


def test_a_folder_is_attached_whole_and_bad_files_are_named(qtbot, new_dialog, tmp_path):
    # The same rules as a drop on the media panel (crm_desktop.drops): folders recursively,
    # names Nextcloud refuses and empty files left out with a reason.
    visit = files.tree(tmp_path / "Visit")
    files.text(visit / "a:b.txt")
    (visit / "empty.txt").write_bytes(b"")
    mime = files.files_mime(visit, "https://example.com/offer.pdf")
    enter, _move, drop = drag_and_drop(new_dialog, mime)
    assert enter.isAccepted() and drop.isAccepted()
    assert new_dialog.attachments.values() == [
        {"filename": name, "nextcloud_path": f"/CRM/ACME/{name}"}
        for name in ("front.png", "north.jpg", "notes.txt", "plan.pdf")
    ]
    assert new_dialog.drop_problems.isVisible()
    assert new_dialog.drop_problems.text() == (
        "Not attached:\n"
        "a:b.txt: the name contains characters Nextcloud refuses: :\n"
        "empty.txt: the file is empty\n"
        "offer.pdf: it is not a file on this computer"
    )


def test_an_edit_does_not_take_drops(qtbot, edit_dialog, tmp_path):
    photo = tmp_path / "b.jpg"
    photo.write_bytes(b"\xff\xd8")
    enter, _move, _drop = drag_and_drop(edit_dialog, files_mime(photo))
    assert not enter.isAccepted()
    assert len(edit_dialog.attachments.values()) == 1


def test_an_entry_with_nothing_in_it_is_refused_with_a_hint(qtbot, new_dialog, db_path):
    type_into(qtbot, new_dialog.subject, "   ")
    save_with_keyboard(qtbot, new_dialog)
    assert new_dialog.isVisible() and rows(db_path) == []
    assert "Write what it was about here" in new_dialog.form.error_text("body")
    assert new_dialog.body.hasFocus()
    type_into(qtbot, new_dialog.body, "Called back, all fine.")
    save_with_keyboard(qtbot, new_dialog)
    assert len(rows(db_path)) == 1


def test_an_edit_that_empties_an_entry_is_refused(qtbot, context, db_path, customer_id):
    note = log(customer_id, type="note", direction="internal", subject="Call back")
    dialog = show(qtbot, CommDialog.for_edit(context, service.get_comm(note)))
    dialog.subject.clear()
    save_with_keyboard(qtbot, dialog)
    assert dialog.isVisible() and dialog.form.error_text("body")
    assert rows(db_path)[0]["subject"] == "Call back"
