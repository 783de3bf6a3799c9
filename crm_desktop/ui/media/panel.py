"""The media panel: the chosen customer's media records as icons or as a table, with filters.

Files dragged from the file manager and dropped anywhere on the panel are recorded for its
customer (``ui.drops.MediaDropTarget``); the views themselves accept no drops, so drags
over them reach the panel. ``select_records()`` shows the new records once written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import service
from crm_desktop.models import MediaInDB
from crm_desktop.service import MediaFilter
from crm_desktop.ui import icons
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.drops.targets import MediaDropTarget
from crm_desktop.ui.elided_label import ElidedLabel
from crm_desktop.ui.media.commands import DeleteMediaCommand
from crm_desktop.ui.media.dialog import MediaDialog, TagsDialog
from crm_desktop.ui.media.filters import MediaFilterBar
from crm_desktop.ui.media.model import MediaModel
from crm_desktop.ui.media.views import MediaIconView, MediaTable

log = logging.getLogger("crm_desktop.ui.media")

ICONS_MODE, TABLE_MODE = "icons", "table"


class MediaPanel(QWidget):
    """Shows one customer's media records; ``count_changed`` gives how many match the filters."""

    count_changed = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("mediaPanel")
        self.setAccessibleName(self.tr("Media"))
        self._customer_id: str | None = None
        self._customer_name = ""
        self._nextcloud_folder: str | None = None
        self._model = MediaModel(context.settings.nextcloud_folder, self)

        self._build_actions()
        self._build_filters()
        self._build_views()
        self._build_layout()

        self._model.modelReset.connect(self._update_state)
        self._model.rowsInserted.connect(self._update_actions)
        self._model.rowsRemoved.connect(self._update_actions)
        self._model.dataChanged.connect(self._update_actions)
        self._model.load_failed.connect(self._report)
        self._selection.selectionChanged.connect(self._update_actions)
        self._selection.currentChanged.connect(self._update_actions)
        context.events.media_changed.connect(self._media_changed)
        context.events.media_added.connect(self._records_added)
        context.events.settings_changed.connect(self._settings_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

        self.set_view_mode(context.settings.media_view_mode)
        self._update_state()
        self.drops = MediaDropTarget(context, self)  # after the children: it watches them too

    # --- building -------------------------------------------------------------------------

    def _action(
        self,
        icon: str,
        text: str,
        slot: Callable[[], object],
        keys: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(icons.icon(icon), text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '')} ({shortcut})")
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.add_action = self._action(
            "media-add", self.tr("&Add media record…"), self.open_add_dialog, "Ctrl+Shift+M"
        )
        self.add_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.add_action.setIconText(self.tr("Add"))  # the toolbar button's short label
        self.edit_tags_action = self._action(
            "tag", self.tr("Edit &tags…"), self.open_tags_dialog, "F2"
        )
        self.delete_action = self._action(
            "delete", self.tr("&Delete media record"), self.delete_selected, "Del"
        )
        self.open_action = self._action(
            "open-file", self.tr("&Open file"), self.open_selected, "Return"
        )
        self.open_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])  # keypad
        self.copy_path_action = self._action(
            "copy", self.tr("&Copy Nextcloud path"), self.copy_paths, QKeySequence.StandardKey.Copy
        )
        # These work while the views have the focus, so that Del in a filter deletes text.
        self._view_actions = (
            self.edit_tags_action,
            self.delete_action,
            self.open_action,
            self.copy_path_action,
        )
        for action in self._view_actions:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.icons_mode_action = self._action(
            "view-icons", self.tr("View as &icons"), lambda: self.set_view_mode(ICONS_MODE)
        )
        self.table_mode_action = self._action(
            "view-table", self.tr("View as &table"), lambda: self.set_view_mode(TABLE_MODE)
        )
        group = QActionGroup(self)
        for action in (self.icons_mode_action, self.table_mode_action):
            action.setCheckable(True)
            group.addAction(action)
        self._separators = [QAction(self) for _ in range(2)]
        for separator in self._separators:
            separator.setSeparator(True)

    def _build_filters(self) -> None:
        self.filter_bar = MediaFilterBar(self)
        self.filter_bar.changed.connect(self._model.set_filter)
        self._completions_stale = True
        self.filter_bar.completions_wanted.connect(self._load_completions)
        self.filter_bar.submitted.connect(self._focus_view)  # Enter moves on to the list
        self.order_filter = self.filter_bar.order
        self.tag_filter = self.filter_bar.tag
        self.direction_filter = self.filter_bar.direction

    def _build_views(self) -> None:
        self.table = MediaTable(self._model, self.context.settings, self)
        self.icons = MediaIconView(self._model, self)
        # One selection for both views: switching views keeps what is selected.
        self.icons.setSelectionModel(self.table.selectionModel())
        self._selection = self.table.selectionModel()
        for view in (self.table, self.icons):
            view.customContextMenuRequested.connect(self._show_context_menu)
            view.doubleClicked.connect(self._double_clicked)

        self.empty = QLabel(self)
        self.empty.setObjectName("mediaEmpty")
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("mediaStack")
        for page in (self.table, self.icons, self.empty):
            self.stack.addWidget(page)
        self.stack.addActions(list(self._view_actions))

    def _tool_button(self, action: QAction, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        return button

    def _build_layout(self) -> None:
        self.title = ElidedLabel(self.tr("Media"), self)
        self.title.setObjectName("mediaTitle")
        self.title.setProperty("role", "heading")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("mediaSubtitle")
        self.subtitle.setEnabled(False)  # drawn in the palette's quiet text colour
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)

        top = QHBoxLayout()
        top.setSpacing(2)
        top.addLayout(titles, 1)
        for action, name in (
            (self.open_action, "openMediaButton"),
            (self.copy_path_action, "copyMediaPathButton"),
            (self.edit_tags_action, "editMediaTagsButton"),
            (self.delete_action, "deleteMediaButton"),
        ):
            top.addWidget(self._tool_button(action, name))
        top.addSpacing(8)
        top.addWidget(self._tool_button(self.icons_mode_action, "mediaIconsMode"))
        top.addWidget(self._tool_button(self.table_mode_action, "mediaTableMode"))
        top.addSpacing(8)
        self.add_button = QPushButton(self.add_action.icon(), self.add_action.iconText(), self)
        self.add_button.setObjectName("addMediaButton")
        self.add_button.setToolTip(self.add_action.toolTip())
        self.add_button.setAccessibleName(self.add_action.text().replace("&", ""))
        self.add_button.clicked.connect(self.add_action.trigger)
        self.add_action.enabledChanged.connect(self.add_button.setEnabled)
        top.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.stack, 1)
        QWidget.setTabOrder(self.direction_filter, self.stack)

    # --- public API -----------------------------------------------------------------------

    @property
    def model(self) -> MediaModel:
        return self._model

    @property
    def view(self) -> QTableView:
        return self.table

    @property
    def icon_view(self) -> QListView:
        return self.icons

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    @property
    def nextcloud_folder(self) -> str | None:
        return self._nextcloud_folder

    @property
    def customer_name(self) -> str:
        return self._customer_name

    @property
    def view_mode(self) -> str:
        return ICONS_MODE if self.icons_mode_action.isChecked() else TABLE_MODE

    def actions(self) -> list[QAction]:
        """The panel's actions, for the main window's menu."""
        first, second = self._separators
        return [
            self.add_action,
            self.edit_tags_action,
            self.delete_action,
            first,
            self.open_action,
            self.copy_path_action,
            second,
            self.icons_mode_action,
            self.table_mode_action,
        ]

    def context_actions(self) -> list[QAction]:
        """What the context menu of a record offers (built here, so tests need no menu)."""
        first, second = self._separators
        return [
            self.open_action,
            self.copy_path_action,
            first,
            self.edit_tags_action,
            self.delete_action,
            second,
            self.add_action,
        ]

    def set_customer(
        self, customer_id: str | None, name: str = "", nextcloud_folder: str | None = None
    ) -> None:
        self._customer_name = name if customer_id is not None else ""
        self._nextcloud_folder = nextcloud_folder if customer_id is not None else None
        # The timeline beside the panel names the customer; here it is for screen readers.
        self.setAccessibleDescription(
            self.tr("Media of {name}").format(name=name) if self._customer_name else ""
        )
        if customer_id != self._customer_id:
            self._customer_id = customer_id
            self._refresh_completions()
            self._model.set_customer(customer_id)  # resets: _update_state follows
        else:
            self._update_state()

    def set_view_mode(self, mode: str) -> None:
        """Show the records as icons or as a table (remembered for the next start)."""
        mode = ICONS_MODE if mode == ICONS_MODE else TABLE_MODE
        focused = self.table.hasFocus() or self.icons.hasFocus()
        action = self.icons_mode_action if mode == ICONS_MODE else self.table_mode_action
        action.setChecked(True)
        self.context.settings.media_view_mode = mode
        self._show_page()
        current = self._selection.currentIndex()
        shown = self._shown_view()
        if current.isValid():
            shown.scrollTo(current)
        if focused and self.stack.currentWidget() is shown:
            shown.setFocus(Qt.FocusReason.OtherFocusReason)

    def apply_filters(self) -> None:
        """Filter now, without waiting for typing to pause."""
        self.filter_bar.apply()

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    def selected_records(self) -> list[MediaInDB]:
        # From the selection's ranges: selectedIndexes() asks flags() of every cell, which
        # took a quarter of a second per call with a drop's 1,000 new records selected.
        selection = self._selection.selection()
        rows = sorted(
            {
                row
                for part in map(selection.at, range(selection.count()))
                for row in range(part.top(), part.bottom() + 1)
            }
        )
        return [record for record in map(self._model.row_at, rows) if record is not None]

    def current_record(self) -> MediaInDB | None:
        """The record that single-record actions act on: the current one if selected."""
        selected = self.selected_records()
        current = self._model.row_of(self._selection.currentIndex())
        if current is not None and any(record.id == current.id for record in selected):
            return current
        return selected[0] if selected else None

    def select_record(self, media_id: str) -> bool:
        """Select a record, loading pages until it is there; False if the filters hide it."""
        position = self._model.find_row(media_id)
        while position < 0 and self._model.canFetchMore():
            self._model.fetchMore()
            position = self._model.find_row(media_id)
        if position < 0:
            return False
        index = self._model.index(position, 0)
        self._selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._shown_view().scrollTo(index)
        return True

    def select_records(self, media_ids: list[str]) -> int:
        """Select these records (loading pages until all are there), the first one current;
        returns how many the filters let through."""
        wanted = set(media_ids)

        def positions() -> list[int]:
            rows = self._model.loaded_rows
            return [position for position, row in enumerate(rows) if row.id in wanted]

        found = positions()
        while len(found) < len(wanted) and self._model.canFetchMore():
            self._model.fetchMore()
            found = positions()
        if not found:
            return 0
        # A drop's records are adjacent: one range each run, not one per row (Qt merges none).
        runs: list[list[int]] = []
        for position in found:
            if runs and runs[-1][1] == position - 1:
                runs[-1][1] = position
            else:
                runs.append([position, position])
        last_column = self._model.columnCount() - 1
        selection = QItemSelection()
        for top, bottom in runs:
            selection.select(self._model.index(top, 0), self._model.index(bottom, last_column))
        self._selection.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        first = self._model.index(found[0], 0)
        self._selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self._shown_view().scrollTo(first)
        return len(found)

    def open_add_dialog(self) -> MediaDialog | None:
        if self._customer_id is None:
            return None
        dialog = MediaDialog.for_new(self.context, self._customer_id, self._nextcloud_folder, self)
        dialog.accepted.connect(lambda: self._record_saved(dialog.saved_record))
        dialog.open()
        return dialog

    def open_tags_dialog(self) -> TagsDialog | None:
        record = self.current_record()
        if record is None:
            return None
        dialog = TagsDialog.for_record(self.context, record, self)
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        """Delete the selected records, undoably (context.undo_stack)."""
        records = self.selected_records()
        if not records:
            return
        if len(records) == 1:
            text = self.tr("Delete media record “{name}”").format(name=records[0].filename)
            done = self.tr("Deleted “{name}”").format(name=records[0].filename)
        else:
            text = self.tr("Delete %Ln media records", "", len(records))
            done = self.tr("Deleted %Ln media records", "", len(records))
        first_row = self._model.find_row(records[0].id)
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.stack.isAncestorOf(focused)
        command = DeleteMediaCommand(
            self.context, [r.id for r in records], text, self._report, done
        )
        self.context.undo_stack.push(command)  # runs redo(): deletes, then media_changed
        if not command.records:
            # Nothing deleted (gone already, or an error): show what the database holds now.
            self._media_changed(self._customer_id or "")
        # Move on to the neighbour, as a list does after a delete.
        if self._model.rowCount() and first_row >= 0:
            row = min(first_row, self._model.rowCount() - 1)
            record = self._model.row_at(row)
            if record is not None:
                self.select_record(record.id)
        if had_focus and self.stack.currentWidget() is self._shown_view():
            self._shown_view().setFocus(Qt.FocusReason.OtherFocusReason)

    def open_selected(self) -> None:
        """Open the current record's local file with the system's default application."""
        record = self.current_record()
        path = self._model.local_file(record) if record is not None else None
        if path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.context.prompts.inform(
                self,
                self.tr("Cannot open the file"),
                self.tr("No application could open {path}.").format(path=path),
            )

    def copy_paths(self) -> None:
        """Put the selected records' Nextcloud paths on the clipboard, one per line."""
        paths = [record.nextcloud_path for record in self.selected_records()]
        if paths:
            QGuiApplication.clipboard().setText("\n".join(paths))

    def shutdown(self) -> None:
        """Wait for thumbnail threads: call before the panel goes (done on close and quit)."""
        self._model.shutdown()

    # --- reacting -------------------------------------------------------------------------

    def _media_changed(self, customer_id: str) -> None:
        if customer_id and customer_id != self._customer_id:
            return
        self._model.refresh()
        self._refresh_completions()
        self._update_state()

    def _settings_changed(self) -> None:
        self._model.set_sync_folder(self.context.settings.nextcloud_folder)
        self._update_actions()

    def _record_saved(self, record: MediaInDB | None) -> None:
        if record is None:
            return
        if not self.select_record(record.id):
            # A new record that the filters hide: clear them so that it can be seen.
            self.clear_filters()
            self.select_record(record.id)
        self._shown_view().setFocus(Qt.FocusReason.OtherFocusReason)

    def _records_added(self, customer_id: str, media_ids: list[str]) -> None:
        if customer_id != self._customer_id or not media_ids:
            return
        if self.select_records(media_ids) < len(media_ids) and self._model.filters != MediaFilter():
            self.clear_filters()  # new records that the filters hide: show them
            self.select_records(media_ids)

    def _refresh_completions(self) -> None:
        # Read when a filter field gets the focus, not at every customer switch or save:
        # the tags in use take a query over the newest records (milliseconds that the window
        # would otherwise spend before it can paint).
        self._completions_stale = True
        if self.filter_bar.order.hasFocus() or self.filter_bar.tag.hasFocus():
            self._load_completions()

    def _load_completions(self) -> None:
        if not self._completions_stale:
            return
        try:
            order_ids, tags = service.known_order_ids(), service.known_tags()
        except Exception:
            log.warning("Reading completions failed", exc_info=True)
            return
        self._completions_stale = False
        self.filter_bar.set_completions(order_ids, tags)

    def _update_state(self) -> None:
        """After the rows changed wholesale: count, empty state, page and actions."""
        count = total = 0
        filtered = self._model.filters != MediaFilter()
        if self._customer_id is not None:
            try:
                count = service.count_media_page(self._customer_id, self._model.filters)
                total = service.count_media(self._customer_id) if filtered else count
            except Exception:  # the model already reported why it cannot read
                log.warning("Counting media records failed", exc_info=True)
                count = total = self._model.rowCount()
        self.count_changed.emit(count)
        self.subtitle.setText(self._count_text(count, total, filtered))
        if self._customer_id is None:
            text = self.tr("Choose a customer to see their files")
        elif filtered:
            text = self.tr("Nothing matches the filters")
        else:
            text = self.tr("No files yet: press Add (or drop files here)")
        self.empty.setText(text)
        self._show_page()
        self._update_actions()

    def _count_text(self, count: int, total: int, filtered: bool) -> str:
        if self._customer_id is None:
            return self.tr("Choose a customer on the left")
        locale = QLocale()
        if filtered:
            return self.tr("{shown} of {total} shown").format(
                shown=locale.toString(count), total=locale.toString(total)
            )
        # %Ln: the number in the locale's digits and separators; the plural forms come
        # from the catalogues (English too).
        return self.tr("%Ln files", "", count)

    def _show_page(self) -> None:
        has_rows = self._model.rowCount() > 0
        self.stack.setCurrentWidget(self._shown_view() if has_rows else self.empty)

    def _shown_view(self) -> QAbstractItemView:
        return self.icons if self.view_mode == ICONS_MODE else self.table

    def _update_actions(self, *_args: object) -> None:
        if self.stack.currentWidget() is self.empty and self._model.rowCount():
            self._show_page()  # the first rows arrived (e.g. after a refresh)
        elif self.stack.currentWidget() is not self.empty and not self._model.rowCount():
            self._show_page()
        selected = self.selected_records()
        current = self.current_record()
        has_customer = self._customer_id is not None
        writable = self.context.writable
        self.add_action.setEnabled(has_customer and writable)
        self.filter_bar.setEnabled(has_customer)
        self.edit_tags_action.setEnabled(len(selected) == 1 and writable)
        self.delete_action.setEnabled(bool(selected) and writable)
        self.copy_path_action.setEnabled(bool(selected))
        self.open_action.setEnabled(
            current is not None and self._model.local_file(current) is not None
        )

    def _report(self, exc: BaseException) -> None:
        # Undo commands outlive widgets: a panel already gone reports without a parent.
        self.context.prompts.error(self if shiboken6.isValid(self) else None, exc)

    def _focus_view(self) -> None:
        self.apply_filters()
        view = self._shown_view()
        if self.stack.currentWidget() is view:
            view.setFocus(Qt.FocusReason.OtherFocusReason)
            first = self._model.row_at(0)
            if not self._selection.currentIndex().isValid() and first is not None:
                self.select_record(first.id)

    def _double_clicked(self, _index: QModelIndex) -> None:
        if self.open_action.isEnabled():
            self.open_selected()

    def _show_context_menu(self, position: QPoint) -> None:
        view = self.sender()
        if not isinstance(view, QAbstractItemView):
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions(self.context_actions())
        menu.popup(view.viewport().mapToGlobal(position))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
