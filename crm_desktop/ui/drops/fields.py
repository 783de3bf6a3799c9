"""The review dialog's widgets besides the buttons: the table, and the fields for all rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from crm_desktop.ui.completion import TagListCompleter, word_completer
from crm_desktop.ui.delegates import MiddleElideDelegate
from crm_desktop.ui.drops.model import DropColumn
from crm_desktop.ui.drops.save import Shared
from crm_desktop.ui.forms import FieldForm
from crm_desktop.ui.labels import media_direction_names

_WIDTHS: dict[int, int] = {
    DropColumn.record: 64,
    DropColumn.filename: 210,
    DropColumn.mime_type: 110,
    DropColumn.size: 76,
    DropColumn.nextcloud_path: 250,
}


class DropTable(QTableView):
    """The rows of a drop; Space ticks or unticks the selected rows (keyboard users).

    Column 0 holds the ticks. The media drop's columns are the default; the message and
    contact reviews give their own ``widths`` and columns to ``elide`` in the middle.
    """

    def __init__(
        self,
        model: QAbstractItemModel,
        parent: QWidget | None = None,
        *,
        widths: Mapping[int, int] = _WIDTHS,
        elide: Sequence[int] = (DropColumn.filename, DropColumn.nextcloud_path),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mediaDropTable")
        self.setAccessibleName(self.tr("Dropped files"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(False)
        # Paths share their start (the customer's folder) and names their extension: the
        # middle is what can go. (Status sentences read best cut at the end, as usual.)
        for column in elide:
            self.setItemDelegateForColumn(column, MiddleElideDelegate(self))
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        # Row numbers stay: the status of a repeated file names the row it repeats.
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        rows.setDefaultSectionSize(max(24, self.fontMetrics().height() + 8))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in widths.items():
            header.resizeSection(column, width)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.state() != self.State.EditingState:
            self.toggle_selected()
            return
        super().keyPressEvent(event)

    def toggle_selected(self) -> None:
        model = self.model()
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        indexes = [model.index(row, 0) for row in rows]  # the ticks
        checkable = [i for i in indexes if model.flags(i) & Qt.ItemFlag.ItemIsUserCheckable]
        if not checkable:
            return
        # Like a file manager's list: all ticked if any was unticked, else all unticked.
        checked = Qt.CheckState.Checked
        target = (
            Qt.CheckState.Unchecked
            if all(model.data(i, Qt.ItemDataRole.CheckStateRole) == checked for i in checkable)
            else checked
        )
        for index in checkable:
            model.setData(index, target, Qt.ItemDataRole.CheckStateRole)

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 1)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)


class SharedFields(FieldForm):
    """Direction, tags, order and who uploads: they apply to every recorded file."""

    def __init__(
        self,
        user_name: str,
        tags: Sequence[str],
        order_ids: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.direction = QComboBox(self)
        self.direction.setObjectName("mediaDropDirection")
        for value, name in media_direction_names().items():
            self.direction.addItem(name, value)
        self.direction.addItem(self.tr("—"), "")
        self.add_field("direction", self.tr("&Direction:"), self.direction)

        self.tags = self._line("mediaDropTags", "tags", self.tr("T&ags:"))
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. roof, before"))
        self.tags.setCompleter(TagListCompleter(tags, self.tags))
        self.order = self._line("mediaDropOrder", "order_id", self.tr("&Order:"))
        self.order.setPlaceholderText(self.tr("Order number, if the files belong to one"))
        self.order.setCompleter(word_completer(self.order, order_ids))
        self.uploaded_by = self._line(
            "mediaDropUploadedBy", "uploaded_by", self.tr("&Uploaded by:")
        )
        self.uploaded_by.setText(user_name)

        self.copy = QCheckBox(self)
        self.copy.setObjectName("mediaDropCopy")
        self.form.addRow("", self.copy)

    def _line(self, name: str, key: str, label: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.setClearButtonEnabled(True)
        self.add_field(key, label, line)
        return line

    def shared(self) -> Shared:
        return Shared(
            direction=self.direction.currentData() or None,
            tags=self.tags.text(),
            order_id=self.order.text(),
            uploaded_by=self.uploaded_by.text(),
        )
