"""The review table's item model: one row per dropped file, over a ``review.Review``.

A plain table model (no widget per row): a drop of thousands of files is thousands of small
Python objects, and the view paints only the rows on screen.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette

from crm_desktop.ui import icons
from crm_desktop.ui.drops.review import Duplicate, Review, ReviewRow
from crm_desktop.ui.labels import file_size, mime_comment

Index = QModelIndex | QPersistentModelIndex


class DropColumn(IntEnum):
    record = 0
    filename = 1
    mime_type = 2
    size = 3
    nextcloud_path = 4
    status = 5


class DropRole(IntEnum):
    Row = Qt.ItemDataRole.UserRole + 1  # the ReviewRow


_EDITABLE = {DropColumn.filename, DropColumn.mime_type, DropColumn.nextcloud_path}


class DropReviewModel(QAbstractTableModel):
    """Rows of a ``Review``; edits and ticks go to the review, which keeps duplicates current.

    ``copy_outside`` says whether files from outside the sync folder will be copied into it
    (the status column says so per row).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._review: Review | None = None
        self._copy_outside = False

    @property
    def review(self) -> Review | None:
        return self._review

    def set_review(self, review: Review | None) -> None:
        self.beginResetModel()
        self._review = review
        self.endResetModel()

    def set_copy_outside(self, copy: bool) -> None:
        if copy != self._copy_outside:
            self._copy_outside = copy
            self._column_changed(DropColumn.status)

    def row_at(self, row: int) -> ReviewRow | None:
        rows = self._review.rows if self._review is not None else []
        return rows[row] if 0 <= row < len(rows) else None

    def set_all_kept(self, keep: bool) -> None:
        """Tick (or untick) every row that can be recorded and is not a duplicate."""
        if self._review is None:
            return
        for position, row in enumerate(self._review.rows):
            if row.problem is None and (row.duplicate is None or not keep):
                self._review.set_keep(position, keep)
        self._column_changed(DropColumn.record)

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._review is None:
            return 0
        return len(self._review.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DropColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            # Row numbers: a repeated file's status names the row it repeats.
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(DropColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                DropColumn.record: self.tr("Record"),
                DropColumn.filename: self.tr("File name"),
                DropColumn.mime_type: self.tr("Type"),
                DropColumn.size: self.tr("Size"),
                DropColumn.nextcloud_path: self.tr("Nextcloud path"),
                DropColumn.status: self.tr("Status"),
            }[DropColumn(section)]
        if role == Qt.ItemDataRole.ToolTipRole and section == DropColumn.mime_type:
            return self.tr("The MIME type, found from the file's content and name")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row_of(index)
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        if not row.fixable:
            return flags  # a missing, empty or unreadable file: shown, never chosen
        flags |= Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if column in _EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column == DropColumn.record and row.problem is None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def row_of(self, index: Index) -> ReviewRow | None:
        return self.row_at(index.row()) if index.isValid() else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None:
            return None
        column = DropColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.CheckStateRole and column == DropColumn.record:
            if row.problem is not None:
                return None
            return Qt.CheckState.Checked if row.keep else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == DropColumn.record:
            return self.tr("Record") if row.keep else self.tr("Not recorded")
        if role == Qt.ItemDataRole.ForegroundRole and row.problem is not None:
            # Rows that are not recorded read quieter than the rest.
            return QGuiApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DropColumn.size:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DropRole.Row:
            return row
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_of(index)
        if (
            row is None
            or self._review is None
            or not self.flags(index)
            & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        ):
            return False
        position, column = index.row(), DropColumn(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and column == DropColumn.record:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if not self._review.set_keep(position, checked):
                return False
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            self._column_changed(DropColumn.status)
            return True
        if role != Qt.ItemDataRole.EditRole or column not in _EDITABLE:
            return False
        text = str(value)
        if column == DropColumn.filename:
            self._review.set_filename(position, text)
        elif column == DropColumn.nextcloud_path:
            self._review.set_nextcloud_path(position, text)
        else:
            self._review.set_mime_type(position, text)
        # A new name or path can make other rows duplicates (or no longer): all may change.
        self.dataChanged.emit(
            self.index(0, 0), self.index(self.rowCount() - 1, len(DropColumn) - 1)
        )
        return True

    # --- cells ----------------------------------------------------------------------------

    def _text(self, row: ReviewRow, column: DropColumn, editing: bool) -> str:
        if column == DropColumn.filename:
            return row.filename
        if column == DropColumn.mime_type:
            # "PDF document"; the MIME type itself to edit (and in the tooltip).
            return row.mime_type if editing else mime_comment(row.mime_type)
        if column == DropColumn.size:
            return file_size(row.candidate.size) if row.candidate.size else ""
        if column == DropColumn.nextcloud_path:
            return row.nextcloud_path
        if column == DropColumn.status and not editing:
            return self.status(row)
        return ""

    def status(self, row: ReviewRow) -> str:
        """The row's fate in words: recorded (and how), skipped as a duplicate, or why not."""
        if row.problem is not None:
            return self.tr("Not recorded: {problem}").format(problem=row.problem)
        if row.duplicate == Duplicate.recorded:
            if row.keep:
                return self.tr("Already recorded: recorded again")
            return self.tr("Already recorded: skipped")
        if row.duplicate == Duplicate.repeated:
            if row.keep:
                return self.tr("Same path as row {row}: recorded too").format(row=row.repeats + 1)
            return self.tr("Same path as row {row}: skipped").format(row=row.repeats + 1)
        if not row.keep:
            return self.tr("Not recorded (unticked)")
        if row.candidate.in_sync_folder:
            return self.tr("New: in the Nextcloud folder already")
        if self._copy_outside:
            return self.tr("New: will be copied to Nextcloud")
        return self.tr("New")

    def _icon(self, row: ReviewRow, column: DropColumn) -> Any:
        if column == DropColumn.filename:
            return icons.mime_icon(row.mime_type)
        if column == DropColumn.status:
            if row.problem is not None:
                return icons.icon("warning")
            if row.duplicate is not None:
                return icons.icon("info")
        return None

    def _tooltip(self, row: ReviewRow, column: DropColumn) -> str | None:
        if column == DropColumn.mime_type and row.mime_type:
            return row.mime_type
        if column == DropColumn.filename:
            return self.tr("{name}\nFrom: {source}").format(
                name=row.filename, source=row.candidate.source
            )
        if column == DropColumn.status:
            if row.duplicate == Duplicate.recorded:
                return self.tr("This customer already has a record of {path}.").format(
                    path=row.nextcloud_path
                )
            return self.status(row)
        if column == DropColumn.nextcloud_path and row.nextcloud_path:
            return row.nextcloud_path  # whole: the column elides it in the middle
        return None

    def _column_changed(self, column: DropColumn) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))
