"""Files dropped on the media panel, reviewed and recorded: checked in the SQLite file."""

from __future__ import annotations

import json
import threading

from PySide6.QtCore import QMimeData, Qt

from crm_desktop import service
from crm_desktop.ui import icons
from crm_desktop.ui.drops import scanning
from crm_desktop.ui.drops.copying import Copier
from crm_desktop.ui.drops.dialog import Stage
from crm_desktop.ui.drops.model import DropColumn
from tests.helpers import files
from tests.helpers.drag import drop, hover, leave
from tests.helpers.ui import wait_active
from tests.ui.drops.conftest import accept, media_rows, review_dialog, tree_of


def test_a_drag_with_files_is_taken_as_a_copy_and_highlighted(qtbot, panel, incoming):
    mime = files.files_mime(files.image(incoming / "roof.jpg"))
    enter, move = hover(panel, mime)
    for event in (enter, move):
        assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    highlight = panel.drops.highlight
    assert highlight.isVisible() and not highlight.refusing
    assert highlight.text == "Drop to record the files for ACME GmbH"
    leave(panel)
    assert not highlight.isVisible()


def test_drags_the_panel_does_not_take(qtbot, panel, incoming):
    text = QMimeData()
    text.setText("just some text")
    web = files.files_mime("https://example.com/offer.pdf")
    move_only = files.files_mime(files.image(incoming / "a.jpg"))
    for mime, actions in (
        (text, Qt.DropAction.CopyAction),
        (web, Qt.DropAction.CopyAction),
        (move_only, Qt.DropAction.MoveAction),  # never a move: it could delete the file
    ):
        enter, _move, dropped = drop(panel, mime, actions=actions)
        assert not enter.isAccepted() and not dropped.isAccepted()
    assert panel.drops.dialog is None


def test_a_drop_records_files_and_folders_with_the_shared_fields(
    qtbot, panel, context, customer_id, incoming, db_path
):
    tree = files.tree(incoming / "Visit")
    offer = files.pdf(incoming / "offer.pdf")
    added = []
    context.events.media_added.connect(lambda customer, ids: added.append((customer, ids)))
    _enter, _move, event = drop(panel, files.files_mime(offer, tree))
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    assert panel.drops.dialog is None  # the drop only emits: the dialog opens after it

    dialog = review_dialog(qtbot, panel.drops)
    assert dialog.objectName() == "mediaDropDialog" and dialog.isVisible()
    assert dialog.table.model().rowCount() == 5
    assert dialog.save_button.text() == "Record 5 files"
    dialog.fields.direction.setCurrentIndex(dialog.fields.direction.findData("sent"))
    dialog.fields.tags.setText("roof, before")
    dialog.fields.order.setText("A-17")
    assert dialog.fields.uploaded_by.text() == "anna"
    with qtbot.waitSignal(context.events.media_changed) as changed:
        ids = accept(qtbot, dialog)
    assert changed.args == [customer_id]

    rows = media_rows(db_path)
    assert [(r["filename"], r["mime_type"], r["nextcloud_path"]) for r in rows] == [
        ("front.png", "image/png", "/CRM/ACME/front.png"),
        ("north.jpg", "image/jpeg", "/CRM/ACME/north.jpg"),
        ("notes.txt", "text/plain", "/CRM/ACME/notes.txt"),
        ("offer.pdf", "application/pdf", "/CRM/ACME/offer.pdf"),
        ("plan.pdf", "application/pdf", "/CRM/ACME/plan.pdf"),
    ]
    for row in rows:
        assert row["customer_id"] == customer_id and row["direction"] == "sent"
        assert json.loads(row["tags"]) == ["roof", "before"]
        assert row["order_id"] == "A-17" and row["uploaded_by"] == "anna"
    # The panel shows and selects what was just recorded.
    assert added == [(customer_id, ids)]
    assert sorted(r.id for r in panel.selected_records()) == sorted(ids)
    assert offer.exists() and (tree / "front.png").exists()  # a copy, never a move


def test_dropping_the_same_files_again_records_nothing_twice(
    qtbot, panel, customer_id, incoming, db_path
):
    mime = files.files_mime(files.image(incoming / "a.jpg"), files.pdf(incoming / "b.pdf"))
    drop(panel, mime)
    accept(qtbot, review_dialog(qtbot, panel.drops))
    drop(panel, mime)
    dialog = review_dialog(qtbot, panel.drops)
    model = dialog.table.model()
    statuses = [model.index(r, DropColumn.status).data() for r in range(2)]
    assert statuses == ["Already recorded: skipped"] * 2
    assert not dialog.save_button.isEnabled() and dialog.save_button.text() == "Record 0 files"
    assert "2 already recorded" in dialog.summary.text()
    # Unless the person keeps one on purpose.
    model.setData(
        model.index(1, DropColumn.record), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    accept(qtbot, dialog)
    assert [r["filename"] for r in media_rows(db_path, customer_id)] == ["a.jpg", "b.pdf", "b.pdf"]


def test_bad_files_get_a_word_each_and_the_rest_goes_through(
    qtbot, panel, customer_id, incoming, db_path
):
    good = files.image(incoming / "good.png")
    empty = incoming / "empty.txt"
    empty.write_bytes(b"")
    mime = files.files_mime(
        good,
        empty,
        files.broken_link(incoming / "link.jpg"),
        files.fifo(incoming / "pipe"),
        files.text(incoming / "a:b.txt"),
        "https://example.com/x.pdf",
    )
    drop(panel, mime)
    dialog = review_dialog(qtbot, panel.drops)
    model = dialog.table.model()
    status = {
        model.index(r, DropColumn.filename).data(): model.index(r, DropColumn.status).data()
        for r in range(model.rowCount())
    }
    assert status == {
        "good.png": "New",
        "empty.txt": "Not recorded: the file is empty",
        "link.jpg": "Not recorded: it is a broken link (what it pointed to is gone)",
        "pipe": "Not recorded: it is not a regular file (a pipe, a device or a socket)",
        "a:b.txt": "Not recorded: the name contains characters Nextcloud refuses: :",
        "x.pdf": "Not recorded: it is not a file on this computer",
    }
    empty_row = model.index(1, DropColumn.record)
    assert not model.flags(empty_row) & Qt.ItemFlag.ItemIsSelectable
    assert not model.flags(empty_row) & Qt.ItemFlag.ItemIsUserCheckable
    assert "5 cannot be recorded" in dialog.summary.text()
    accept(qtbot, dialog)
    assert [r["filename"] for r in media_rows(db_path, customer_id)] == ["good.png"]


def test_no_customer_chosen_refuses_the_drop_and_says_why(qtbot, panel, prompts, incoming):
    panel.set_customer(None)
    mime = files.files_mime(files.image(incoming / "a.jpg"))
    _enter, move = hover(panel, mime)
    assert move.isAccepted()  # taken, so that the drop can say why nothing happens
    assert panel.drops.highlight.refusing
    assert panel.drops.highlight.text == "Choose a customer first"
    _enter, _move, event = drop(panel, mime)
    assert not event.isAccepted() and event.dropAction() == Qt.DropAction.IgnoreAction
    assert not panel.drops.highlight.isVisible()
    (asked,) = prompts.asked
    assert asked.kind == "inform" and "No customer is chosen" in asked.text
    qtbot.wait(0)  # a queued review would open now; none must
    assert panel.drops.dialog is None


def test_a_read_only_database_refuses_the_drop(qtbot, panel, context, prompts, incoming):
    context.read_only_reason = "the file is read-only"
    _enter, _move, event = drop(panel, files.files_mime(files.image(incoming / "a.jpg")))
    assert not event.isAccepted()
    assert "the file is read-only" in prompts.asked[0].text


def test_files_dropped_on_a_filter_field_go_to_the_panel(qtbot, panel, incoming):
    _enter, _move, event = drop(panel.tag_filter, files.files_mime(files.pdf(incoming / "b.pdf")))
    assert event.isAccepted() and panel.tag_filter.text() == ""
    assert review_dialog(qtbot, panel.drops).table.model().rowCount() == 1


def test_cancel_while_looking_closes_the_dialog(qtbot, panel, incoming, db_path, monkeypatch):
    looking = threading.Event()
    real_scan = scanning.scan

    def slow_scan(items, options, cancel=None, progress=None):
        looking.set()
        cancel.wait(10)  # a huge folder: still looking when Cancel is clicked
        return real_scan(items, options, cancel, progress)

    monkeypatch.setattr("crm_desktop.ui.drops.dialog.scan", slow_scan)
    drop(panel, files.files_mime(files.pdf(incoming / "b.pdf")))
    qtbot.waitUntil(lambda: panel.drops.dialog is not None)
    dialog = panel.drops.dialog
    qtbot.waitUntil(looking.is_set)
    assert dialog.stage == Stage.scanning and dialog.progress.isVisible()
    assert not dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert media_rows(db_path) == []


def test_space_ticks_and_unticks_the_selected_rows(qtbot, panel, incoming):
    mime = files.files_mime(*(files.text(incoming / f"{n}.txt") for n in range(3)))
    drop(panel, mime)
    dialog = review_dialog(qtbot, panel.drops)
    table = dialog.table
    table.selectAll()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.save_button.text() == "Record 0 files" and not dialog.save_button.isEnabled()
    table.select_row(1)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert [row.filename for row in dialog.review.kept()] == ["1.txt"]
    assert dialog.save_button.text() == "Record 1 file"


def test_files_are_copied_into_the_sync_folder_never_over_a_file(
    qtbot, panel, customer_id, sync_folder, incoming, db_path
):
    taken = files.text(sync_folder / "CRM" / "ACME" / "photo.jpg", "another photo")
    inside = files.pdf(sync_folder / "Shared" / "plan.pdf")
    photo = files.image(incoming / "photo.jpg")
    drop(panel, files.files_mime(photo, inside))
    dialog = review_dialog(qtbot, panel.drops)
    assert dialog.fields.copy.isChecked() and dialog.fields.copy.isEnabled()
    model = dialog.table.model()
    assert model.index(0, DropColumn.status).data() == "New: will be copied to Nextcloud"
    assert model.index(1, DropColumn.status).data() == "New: in the Nextcloud folder already"
    accept(qtbot, dialog)
    assert [(r["filename"], r["nextcloud_path"]) for r in media_rows(db_path, customer_id)] == [
        ("photo (2).jpg", "/CRM/ACME/photo (2).jpg"),
        ("plan.pdf", "/Shared/plan.pdf"),
    ]
    assert (sync_folder / "CRM" / "ACME" / "photo (2).jpg").read_bytes() == photo.read_bytes()
    assert taken.read_text() == "another photo" and photo.exists()


def test_cancel_during_a_slow_copy_leaves_nothing(
    qtbot, panel, sync_folder, incoming, db_path, monkeypatch
):
    copying = threading.Event()
    real_copy = Copier.copy

    def slow_copy(self, source, nextcloud_path, cancel=None, copied=None):
        if source.name == "b.png":  # the second file: hold it until Cancel is clicked
            copying.set()
            cancel.wait(10)
        return real_copy(self, source, nextcloud_path, cancel, copied)

    monkeypatch.setattr(Copier, "copy", slow_copy)
    names = ["a.png", "b.png", "c.png"]
    drop(panel, files.files_mime(*(files.image(incoming / name) for name in names)))
    dialog = review_dialog(qtbot, panel.drops)
    before = tree_of(sync_folder)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(copying.is_set)
    assert dialog.stage == Stage.saving and dialog.progress.isVisible()
    assert not dialog.save_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stage == Stage.review)
    assert dialog.isVisible()  # everything is still there to try again
    assert dialog.status.text() == "Cancelled: nothing was recorded and no file was copied."
    assert media_rows(db_path) == []
    assert tree_of(sync_folder) == before


def test_a_copy_that_fails_midway_records_nothing_and_removes_the_copies(
    qtbot, panel, sync_folder, incoming, db_path
):
    (sync_folder / "CRM" / "ACME" / "Blocked").write_text("a file where a folder should be")
    names = ["a.png", "b.png", "c.png"]
    drop(panel, files.files_mime(*(files.image(incoming / name) for name in names)))
    dialog = review_dialog(qtbot, panel.drops)
    model = dialog.table.model()
    model.setData(model.index(2, DropColumn.nextcloud_path), "/CRM/ACME/Blocked/c.png")
    before = tree_of(sync_folder)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stage == Stage.review)
    banner = dialog.fields.error_text("")
    assert "c.png could not be copied" in banner and "Nothing was recorded" in banner
    assert media_rows(db_path) == []
    assert tree_of(sync_folder) == before


def test_a_customer_deleted_meanwhile_is_a_plain_error(
    qtbot, panel, customer_id, incoming, db_path
):
    drop(panel, files.files_mime(files.image(incoming / "a.png")))
    dialog = review_dialog(qtbot, panel.drops)
    service.delete_customer(customer_id)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stage == Stage.review)
    assert "There is no such customer." in dialog.fields.error_text("")
    assert media_rows(db_path) == []


def test_edited_cells_are_what_is_recorded(qtbot, panel, customer_id, incoming, db_path):
    drop(panel, files.files_mime(files.text(incoming / "scan.txt")))
    dialog = review_dialog(qtbot, panel.drops)
    model = dialog.table.model()
    model.setData(model.index(0, DropColumn.filename), "Site notes.txt")
    model.setData(model.index(0, DropColumn.mime_type), "text/markdown")
    assert model.index(0, DropColumn.nextcloud_path).data() == "/CRM/ACME/Site notes.txt"
    accept(qtbot, dialog)
    (row,) = media_rows(db_path, customer_id)
    assert (row["filename"], row["mime_type"], row["nextcloud_path"]) == (
        "Site notes.txt",
        "text/markdown",
        "/CRM/ACME/Site notes.txt",
    )


def test_an_invalid_shared_field_shows_at_the_field(qtbot, panel, incoming, db_path):
    drop(panel, files.files_mime(files.text(incoming / "a.txt")))
    dialog = review_dialog(qtbot, panel.drops)
    dialog.fields.direction.addItem("sideways", "sideways")  # not one of the spec's values
    dialog.fields.direction.setCurrentIndex(dialog.fields.direction.count() - 1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.fields.error_text("direction").startswith("Choose one of")
    assert dialog.stage == Stage.review and media_rows(db_path) == []


def test_a_thousand_files_in_one_drop(qtbot, panel, customer_id, incoming, db_path):
    folder = incoming / "Many"
    folder.mkdir()
    for number in range(1000):
        (folder / f"file{number:04}.txt").write_bytes(b"x")
    drop(panel, files.files_mime(folder))
    dialog = review_dialog(qtbot, panel.drops)
    assert dialog.table.model().rowCount() == 1000
    ids = accept(qtbot, dialog)
    assert len(ids) == len(set(ids)) == 1000
    assert service.count_media(customer_id) == 1000
    assert len(panel.selected_records()) == 1000


def test_ctrl_enter_records_and_enter_alone_does_not(qtbot, panel, customer_id, incoming, db_path):
    drop(panel, files.files_mime(files.text(incoming / "a.txt")))
    dialog = review_dialog(qtbot, panel.drops)
    wait_active(qtbot, dialog)
    dialog.fields.tags.setFocus()
    qtbot.keyClick(dialog.fields.tags, Qt.Key.Key_Return)
    assert dialog.isVisible() and media_rows(db_path) == []
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.fields.tags, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [row["filename"] for row in media_rows(db_path, customer_id)] == ["a.txt"]


def test_the_review_reads_at_a_glance_and_says_each_reason_in_full(
    qtbot, panel, customer_id, incoming
):
    pdf = files.pdf(incoming / "Angebot.pdf")
    big = incoming / "Fotos.tar.gz"
    big.write_bytes(b"\x1f\x8b" + b"\0" * 726_000)
    empty = incoming / "Leer.json"
    empty.write_bytes(b"")
    drop(panel, files.files_mime(pdf, big, empty))
    dialog = review_dialog(qtbot, panel.drops)
    model = dialog.table.model()
    rows = {model.index(r, DropColumn.filename).data(): r for r in range(model.rowCount())}
    # Types in words, sizes as file managers write them, icons of their kind.
    assert model.index(rows["Angebot.pdf"], DropColumn.mime_type).data() == "PDF document"
    assert model.index(rows["Fotos.tar.gz"], DropColumn.size).data() == "709 kB"
    assert "KiB" not in model.index(rows["Angebot.pdf"], DropColumn.size).data()
    archive = model.index(rows["Fotos.tar.gz"], DropColumn.mime_type)
    assert archive.data() == "Tar archive (gzip-compressed)"
    assert icons.mime_icon_stem(archive.data(Qt.ItemDataRole.EditRole)) == "file-archive"
    # The reason of the row the keyboard is on, in full below the table.
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(model.index(rows["Leer.json"], DropColumn.filename))
    assert dialog.reason.isVisible() and dialog.reason.wordWrap()
    assert dialog.reason.text() == "Leer.json: Not recorded: the file is empty"
    dialog.table.setCurrentIndex(model.index(rows["Angebot.pdf"], DropColumn.filename))
    assert dialog.reason.text() == "Angebot.pdf: New"
    dialog.reject()
