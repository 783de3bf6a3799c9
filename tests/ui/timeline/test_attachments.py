"""The composer's attachment table on its own."""

from __future__ import annotations

import pytest

from crm_desktop.models import CommAttachment
from crm_desktop.ui.timeline.attachments import AttachmentsEditor, Column


@pytest.fixture
def editor(qtbot) -> AttachmentsEditor:
    result = AttachmentsEditor("/CRM/ACME", read_only=False)
    qtbot.addWidget(result)
    return result


def test_files_get_the_customers_folder_and_are_attached_once(editor, tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.jpg"
    assert editor.add_files([first, second, first], sync_folder=None) == 2
    assert editor.add_files([second], sync_folder=None) == 0
    assert editor.values() == [
        {"filename": "a.pdf", "nextcloud_path": "/CRM/ACME/a.pdf"},
        {"filename": "b.jpg", "nextcloud_path": "/CRM/ACME/b.jpg"},
    ]


def test_a_typed_path_is_not_replaced(editor):
    row = editor.add_row("", "/Shared/plan.pdf")
    editor.model.item(row, Column.filename).setText("plan.pdf")
    assert editor.values() == [{"filename": "plan.pdf", "nextcloud_path": "/Shared/plan.pdf"}]


def test_empty_rows_are_left_out(editor):
    editor.add_row()
    editor.add_row("  ", "")
    assert editor.values() == []


def test_read_only_shows_the_attachments_without_buttons(qtbot):
    editor = AttachmentsEditor(None, read_only=True)
    qtbot.addWidget(editor)
    editor.set_attachments([CommAttachment(filename="a.pdf", nextcloud_path="/a.pdf")])
    editor.show()
    assert editor.table.isVisible() and not editor.add_button.isVisible()
    assert not editor.model.item(0, Column.filename).isEditable()
    editor.set_attachments([])
    assert not editor.table.isVisible() and editor.none.isVisible()
