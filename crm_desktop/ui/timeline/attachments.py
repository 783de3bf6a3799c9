"""The composer's attachment list: filename and Nextcloud path per row, typed or dropped."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import nextcloud
from crm_desktop.models import CommAttachment
from crm_desktop.ui import icons
from crm_desktop.ui.forms import SPACING


class Column(IntEnum):
    filename = 0
    nextcloud_path = 1


class AttachmentsEditor(QWidget):
    """A small table with Add and Remove; read-only when editing a stored communication."""

    def __init__(
        self, customer_folder: str | None, read_only: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.customer_folder = customer_folder
        self.read_only = read_only
        self.model = QStandardItemModel(0, len(Column), self)
        self.model.setHorizontalHeaderLabels([self.tr("File name"), self.tr("Nextcloud path")])
        self.model.itemChanged.connect(self._suggest_path)

        self.table = QTableView(self)
        self.table.setObjectName("commAttachments")
        self.table.setAccessibleName(self.tr("Attachments"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in the other fields
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.filename, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(Column.filename, 180)
        # Room for about four rows; a taller dialog gives its height to the body instead.
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(150)
        self.none = QLabel(self.tr("No attachments"), self)
        self.none.setObjectName("commNoAttachments")
        self.none.setEnabled(False)
        self.none.hide()

        self.add_button = QPushButton(icons.icon("add"), self.tr("&Add"), self)
        self.add_button.setObjectName("commAttachmentAdd")
        self.add_button.setToolTip(self.tr("Add an attachment (or drop files on this window)"))
        self.add_button.clicked.connect(self.add_blank)
        self.remove_button = QPushButton(icons.icon("delete"), self.tr("&Remove"), self)
        self.remove_button.setObjectName("commAttachmentRemove")
        self.remove_button.clicked.connect(self.remove_selected)

        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(self.table)
        layout.addWidget(self.none)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        # Never taller than it needs: the body takes the dialog's spare height.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        if read_only:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.add_button.hide()
            self.remove_button.hide()
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # --- rows -----------------------------------------------------------------------------

    def add_row(self, filename: str = "", nextcloud_path: str = "") -> int:
        items = [QStandardItem(filename), QStandardItem(nextcloud_path)]
        for item in items:
            item.setEditable(not self.read_only)
        self.model.appendRow(items)
        return self.model.rowCount() - 1

    def set_attachments(self, attachments: Iterable[CommAttachment]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for attachment in attachments:
            self.add_row(attachment.filename, attachment.nextcloud_path)
        # A stored communication without attachments says so rather than show an empty table.
        empty = self.read_only and self.model.rowCount() == 0
        self.table.setVisible(not empty)
        self.none.setVisible(empty)

    def add_files(self, files: Iterable[Path], sync_folder: str | None) -> int:
        """Attach local files by their Nextcloud path; a file already attached is skipped."""
        known = {row["nextcloud_path"] for row in self.values()}
        added = 0
        for file in files:
            path = nextcloud.path_for_file(file, sync_folder, self.customer_folder)
            if path not in known:
                known.add(path)
                self.add_row(file.name, path)
                added += 1
        return added

    def add_blank(self) -> None:
        """A new row, its file name ready to type."""
        row = self.add_row()
        index = self.model.index(row, Column.filename)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.edit(index)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        for row in reversed(rows):
            self.model.removeRow(row)
        self._update_buttons()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)

    def values(self) -> list[dict[str, str]]:
        """Each row that has anything in it, as CommAttachment's fields (validated later)."""
        rows = []
        for row in range(self.model.rowCount()):
            filename = self.model.item(row, Column.filename).text()
            path = self.model.item(row, Column.nextcloud_path).text()
            if filename.strip() or path.strip():
                rows.append({"filename": filename, "nextcloud_path": path})
        return rows

    # --- reactions ------------------------------------------------------------------------

    def _suggest_path(self, item: QStandardItem) -> None:
        # A typed file name gets the customer's folder as its path, until a path is typed.
        if item.column() != Column.filename:
            return
        path_item = self.model.item(item.row(), Column.nextcloud_path)
        name = item.text().strip()
        if path_item is not None and not path_item.text() and name:
            path_item.setText(nextcloud.join(self.customer_folder, name))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.selectionModel().hasSelection())
