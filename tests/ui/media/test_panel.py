"""The media panel, driven as a user would: filters, add, edit tags, delete and undo, copy, open."""

from __future__ import annotations

import peewee
import pytest
from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from crm_desktop import service
from crm_desktop.service import MediaFilter
from crm_desktop.ui.media.model import MediaColumn, MediaRole
from crm_desktop.ui.media.panel import MediaPanel
from tests.helpers import backend
from tests.helpers.errors import database_busy
from tests.helpers.ui import PaintCounter, catching_urls, settle
from tests.ui.media.conftest import completion_popup, make_image, wait_active

CTRL = Qt.KeyboardModifier.ControlModifier


def show_changes(panel: MediaPanel) -> None:
    """What the app's own writes do: tell every view that the customer's media changed."""
    panel.context.events.media_changed.emit(panel.customer_id)


def filenames(panel: MediaPanel) -> list[str]:
    return [record.filename for record in panel.model.loaded_rows]


def select(panel: MediaPanel, *names: str) -> None:
    panel.view.clearSelection()
    for name in names:
        row = filenames(panel).index(name)
        panel.view.selectionModel().select(
            panel.model.index(row, 0),
            panel.view.selectionModel().SelectionFlag.Select
            | panel.view.selectionModel().SelectionFlag.Rows,
        )
    panel.view.selectionModel().setCurrentIndex(
        panel.model.index(filenames(panel).index(names[0]), 0),
        panel.view.selectionModel().SelectionFlag.NoUpdate,
    )


def stored_row(db_path, media_id: str) -> dict:
    """The row as the file holds it, read the way the web backend reads it (raw text)."""
    with backend.connect(db_path) as connection:
        query = "SELECT * FROM crm_media WHERE id = ?"
        return dict(connection.execute(query, (media_id,)).fetchone())


def focus_view(qtbot, panel: MediaPanel) -> None:
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)


def test_empty_states(qtbot, context, customer_id, add_media):
    panel = MediaPanel(context)
    qtbot.addWidget(panel)
    assert panel.objectName() == "mediaPanel" and panel.view.objectName() == "mediaView"
    assert panel.empty.text() == "Choose a customer to see their files"
    assert panel.stack.currentWidget() is panel.empty
    assert not panel.add_action.isEnabled() and panel.open_add_dialog() is None
    with qtbot.waitSignal(panel.count_changed) as counted:
        panel.set_customer(customer_id, "ACME GmbH", "/CRM/ACME")
    assert counted.args == [0]
    assert panel.empty.text() == "No files yet: press Add (or drop files here)"
    assert panel.add_action.isEnabled()
    add_media("a.jpg", tags=["roof"])
    with qtbot.waitSignal(panel.count_changed) as counted:
        show_changes(panel)
    assert counted.args == [1] and panel.stack.currentWidget() is panel.view
    panel.tag_filter.setText("nothing")
    panel.apply_filters()
    assert panel.empty.text() == "Nothing matches the filters"
    assert panel.stack.currentWidget() is panel.empty


def test_counts_and_pages_450_records(qtbot, panel, customer_id):
    service.create_media_many(
        [
            {"customer_id": customer_id, "filename": f"{n:03}.pdf", "nextcloud_path": f"/{n}.pdf"}
            for n in range(450)
        ]
    )
    with qtbot.waitSignal(panel.count_changed) as counted:
        show_changes(panel)
    assert counted.args == [450]
    assert panel.model.rowCount() == panel.model.FIRST_PAGE_SIZE
    panel.view.scrollToBottom()  # the view asks for the next page at the bottom
    qtbot.waitUntil(lambda: panel.model.rowCount() > panel.model.FIRST_PAGE_SIZE)
    while panel.model.canFetchMore():
        panel.view.scrollToBottom()
        qtbot.waitUntil(lambda: True)
    assert panel.model.rowCount() == 450


def test_another_customer_s_records_are_painted_once(qtbot, panel, customer_id):
    other = service.create_customer({"name": "Other"}).id
    service.create_media_many(
        [
            {"customer_id": owner, "filename": f"{n:03}.pdf", "nextcloud_path": f"/{owner}{n}"}
            for owner, count in ((customer_id, 80), (other, 3))
            for n in range(count)
        ]
    )
    panel.set_customer(other, "Other")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    settle()
    paints = PaintCounter(panel.view.viewport())
    panel.set_customer(customer_id, "ACME GmbH")
    settle()
    # Laid out before its first paint: not painted again once its scroll range is known.
    assert paints.count == 1
    assert panel.view.verticalScrollBar().maximum() > 0


@completion_popup
def test_filters_by_order_tag_and_direction(qtbot, panel, add_media):
    add_media("a.jpg", order_id="A-1001", tags=["red"], direction="received")
    add_media("b.jpg", order_id="A-1002", tags=["reddish", "blue"], direction="sent")
    add_media("c.jpg", order_id="B-2001", tags=["blue"], direction="internal")
    show_changes(panel)
    assert filenames(panel) == ["c.jpg", "b.jpg", "a.jpg"]

    qtbot.keyClicks(panel.order_filter, "A-100")
    qtbot.waitUntil(lambda: filenames(panel) == ["b.jpg", "a.jpg"])
    panel.order_filter.clear()
    qtbot.keyClicks(panel.tag_filter, "red")  # the tag itself, not "reddish"
    qtbot.waitUntil(lambda: filenames(panel) == ["a.jpg"])
    panel.tag_filter.clear()
    qtbot.waitUntil(lambda: len(filenames(panel)) == 3)

    combo = panel.direction_filter
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All directions",
        "Received",
        "Sent",
        "Internal",
    ]
    combo.setFocus()
    with qtbot.waitSignal(panel.count_changed) as counted:
        combo.setCurrentIndex(combo.findData("sent"))
    assert counted.args == [1] and filenames(panel) == ["b.jpg"]
    assert panel.model.filters == MediaFilter(direction="sent")


def test_filter_completion_offers_known_values(qtbot, panel, add_media):
    add_media("a.jpg", order_id="A-1001", tags=["roof", "damage"])
    show_changes(panel)
    orders = panel.order_filter.completer().model().stringList()
    tags = panel.tag_filter.completer().model().stringList()
    assert orders == ["A-1001"] and tags == ["damage", "roof"]


def test_add_a_record_through_the_dialog(qtbot, panel, db_path):
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(QObject, "mediaDialog")
    assert dialog is not None and dialog.isVisible()
    wait_active(qtbot, dialog)
    qtbot.keyClicks(dialog.filename, "roof damage.jpg")
    dialog.direction.setCurrentIndex(dialog.direction.findData("received"))
    qtbot.keyClicks(dialog.tags, "roof, damage")
    qtbot.keyClicks(dialog.order, "A-1001")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.order, Qt.Key.Key_Return, CTRL)

    with backend.connect(db_path) as connection:
        rows = [dict(row) for row in connection.execute("SELECT * FROM crm_media")]
    assert len(rows) == 1
    row = rows[0]
    assert row["filename"] == "roof damage.jpg"
    assert row["nextcloud_path"] == "/CRM/ACME/roof damage.jpg"
    assert row["mime_type"] == "image/jpeg"
    assert row["direction"] == "received"
    assert row["tags"] == '["roof", "damage"]'
    assert (row["order_id"], row["uploaded_by"]) == ("A-1001", "anna")
    # The new record is shown and selected.
    assert [r.id for r in panel.selected_records()] == [row["id"]]


def test_a_new_record_hidden_by_the_filters_clears_them(qtbot, panel):
    panel.tag_filter.setText("other")
    panel.apply_filters()
    dialog = panel.open_add_dialog()
    qtbot.keyClicks(dialog.filename, "a.pdf")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert panel.tag_filter.text() == "" and filenames(panel) == ["a.pdf"]
    assert [r.filename for r in panel.selected_records()] == ["a.pdf"]


@completion_popup
def test_edit_tags(qtbot, panel, add_media):
    record = add_media("a.jpg", tags=["old"])
    show_changes(panel)
    select(panel, "a.jpg")
    dialog = panel.open_tags_dialog()
    wait_active(qtbot, dialog)
    assert dialog.tags.text() == "old"
    dialog.tags.clear()
    qtbot.keyClicks(dialog.tags, "roof, new roof")
    qtbot.mouseClick(dialog.findChild(QObject, "mediaTagsSave"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert service.get_media(record.id).tags == ["roof", "new roof"]
    assert panel.model.index(0, MediaColumn.tags).data() == "roof, new roof"
    assert [r.id for r in panel.selected_records()] == [record.id]


def test_del_deletes_and_undo_restores_byte_for_byte(qtbot, panel, add_media, db_path, context):
    add_media("a.jpg")
    kept = add_media("b.jpg", tags=["Schäden"], order_id="A-1", direction="sent")
    show_changes(panel)
    before = stored_row(db_path, kept.id)
    select(panel, "b.jpg")
    focus_view(qtbot, panel)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert filenames(panel) == ["a.jpg"]
    assert [r.filename for r in panel.selected_records()] == ["a.jpg"]  # the neighbour
    with backend.connect(db_path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM crm_media").fetchone()[0] == 1
    assert context.undo_stack.undoText() == "Delete media record “b.jpg”"

    context.undo_stack.undo()
    assert stored_row(db_path, kept.id) == before
    assert filenames(panel) == ["b.jpg", "a.jpg"]
    context.undo_stack.redo()
    assert filenames(panel) == ["a.jpg"]


def test_deleting_several_records_is_one_undo_step(qtbot, panel, add_media, context):
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        add_media(name)
    show_changes(panel)
    select(panel, "a.jpg", "c.jpg")
    panel.delete_action.trigger()
    assert filenames(panel) == ["b.jpg"]
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert sorted(filenames(panel)) == ["a.jpg", "b.jpg", "c.jpg"]


def test_a_record_deleted_elsewhere_leaves_no_undo_step(qtbot, panel, add_media, context):
    record = add_media("a.jpg")
    show_changes(panel)
    select(panel, "a.jpg")
    service.delete_media(record.id)  # another program was quicker
    panel.delete_selected()
    assert context.undo_stack.count() == 0
    assert filenames(panel) == []


def test_a_database_error_on_delete_is_shown_in_words(
    qtbot, panel, add_media, context, prompts, monkeypatch
):
    add_media("a.jpg")
    show_changes(panel)
    select(panel, "a.jpg")

    def locked(_media_id):
        raise database_busy()

    monkeypatch.setattr(service, "delete_media", locked)
    panel.delete_selected()
    assert [type(e) for e in prompts.errors] == [peewee.OperationalError]
    assert prompts.asked[-1].title == "The database is busy"
    prompts.errors.clear()
    assert context.undo_stack.count() == 0 and filenames(panel) == ["a.jpg"]


def test_copy_nextcloud_paths_with_ctrl_c(qtbot, panel, add_media):
    add_media("a.jpg")
    add_media("b.pdf")
    show_changes(panel)
    select(panel, "b.pdf", "a.jpg")
    focus_view(qtbot, panel)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(panel.view, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "/CRM/ACME/b.pdf\n/CRM/ACME/a.jpg"


@pytest.fixture
def opened_urls(qapp):
    with catching_urls("file") as urls:
        yield urls


def test_synced_image_shows_a_thumbnail_and_opens(
    qtbot, context, customer_id, add_media, sync_folder, opened_urls
):
    image = make_image(sync_folder / "CRM" / "ACME" / "roof.jpg")
    add_media("roof.jpg", mime_type="image/jpeg")
    add_media("elsewhere.pdf", mime_type="application/pdf")
    panel = MediaPanel(context)
    qtbot.addWidget(panel)
    panel.set_customer(customer_id, "ACME GmbH", "/CRM/ACME")
    panel.show()
    row = filenames(panel).index("roof.jpg")
    index = panel.model.index(row, MediaColumn.filename)
    qtbot.waitUntil(lambda: index.data(MediaRole.Thumbnail) is not None)
    assert index.data(MediaRole.LocalFile) == image

    select(panel, "elsewhere.pdf")
    assert not panel.open_action.isEnabled() and panel.copy_path_action.isEnabled()
    select(panel, "roof.jpg")
    assert panel.open_action.isEnabled()
    focus_view(qtbot, panel)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened_urls == [QUrl.fromLocalFile(str(image))]


def test_double_click_opens_in_the_icon_view(qtbot, panel, add_media, sync_folder, opened_urls):
    image = make_image(sync_folder / "CRM" / "ACME" / "roof.png")
    add_media("roof.png")
    panel.context.events.settings_changed.emit()  # the sync folder was just set
    show_changes(panel)
    panel.set_view_mode("icons")
    select(panel, "roof.png")
    qtbot.waitUntil(lambda: panel.icon_view.visualRect(panel.model.index(0, 0)).isValid())
    rect = panel.icon_view.visualRect(panel.model.index(0, 0))
    viewport = panel.icon_view.viewport()
    # As a mouse does it: the first click, then the second one that makes it a double click.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened_urls == [QUrl.fromLocalFile(str(image))]


def test_actions_follow_the_selection(qtbot, panel, add_media):
    add_media("a.jpg")
    add_media("b.jpg")
    show_changes(panel)
    names = {"open_action", "copy_path_action", "edit_tags_action", "delete_action"}
    actions = {name: getattr(panel, name) for name in names}
    assert not any(action.isEnabled() for action in actions.values())
    select(panel, "a.jpg")
    assert {n for n, a in actions.items() if a.isEnabled()} == names - {"open_action"}
    select(panel, "a.jpg", "b.jpg")
    assert {n for n, a in actions.items() if a.isEnabled()} == {"copy_path_action", "delete_action"}
    menu = panel.context_actions()
    assert [a for a in menu if not a.isSeparator()] == [
        panel.open_action,
        panel.copy_path_action,
        panel.edit_tags_action,
        panel.delete_action,
        panel.add_action,
    ]
    assert panel.add_action in panel.actions() and panel.delete_action in panel.actions()


def test_view_mode_is_remembered_and_shares_the_selection(
    qtbot, context, panel, add_media, settings
):
    add_media("a.jpg")
    add_media("b.jpg")
    show_changes(panel)
    select(panel, "b.jpg")
    assert settings.media_view_mode == "table"
    icons_button = panel.findChild(QObject, "mediaIconsMode")
    qtbot.mouseClick(icons_button, Qt.MouseButton.LeftButton)
    assert settings.media_view_mode == "icons"
    assert panel.stack.currentWidget() is panel.icon_view
    assert panel.icon_view.selectionModel() is panel.view.selectionModel()
    assert panel.icon_view.selectionModel().isRowSelected(filenames(panel).index("b.jpg"))

    again = MediaPanel(context)
    qtbot.addWidget(again)
    assert again.view_mode == "icons" and again.icons_mode_action.isChecked()
    qtbot.mouseClick(again.findChild(QObject, "mediaTableMode"), Qt.MouseButton.LeftButton)
    assert settings.media_view_mode == "table"


def test_refresh_after_an_external_change_keeps_the_selection(
    qtbot, panel, add_media, db_path, customer_id
):
    add_media("a.jpg")
    chosen = add_media("b.jpg")
    show_changes(panel)
    select(panel, "b.jpg")
    with backend.connect(db_path) as connection:
        backend.insert_media(connection, customer_id, filename="new.jpg")
    with qtbot.assertNotEmitted(panel.model.modelReset):
        panel.context.events.media_changed.emit("")  # "something changed, whoever it was"
    assert filenames(panel) == ["new.jpg", "b.jpg", "a.jpg"]
    assert [r.id for r in panel.selected_records()] == [chosen.id]
    assert panel.current_record().id == chosen.id


def test_changes_of_another_customer_are_ignored(qtbot, panel, add_media):
    with qtbot.assertNotEmitted(panel.count_changed):
        panel.context.events.media_changed.emit("someone-else")


def test_controls_have_accessible_names(panel):
    for widget in (
        panel.order_filter,
        panel.tag_filter,
        panel.direction_filter,
        panel.view,
        panel.icon_view,
    ):
        assert widget.accessibleName(), widget.objectName()
    for name in ("addMediaButton", "mediaIconsMode", "mediaTableMode"):
        assert panel.findChild(QObject, name).text()


def test_closing_waits_for_thumbnail_threads(qtbot, panel, add_media, sync_folder):
    for n in range(20):
        make_image(sync_folder / "CRM" / "ACME" / f"{n}.png", 1200, 900)
        add_media(f"{n}.png")
    panel.context.events.settings_changed.emit()
    show_changes(panel)
    panel.set_view_mode("icons")
    panel.grab()  # paints the tiles: thumbnails start loading
    panel.close()
    assert panel.model.thumbnails.running == 0
