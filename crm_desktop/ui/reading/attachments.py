"""An entry's attachments in the reading pane: a list of files, and what to do with one.

Open, Show in folder and Copy path act on the chosen attachment. A file is opened where
the Nextcloud client syncs it (crm_desktop.nextcloud.local_file()); when it is not on this
computer, the pane says why (no sync folder set, or the file is not there) in place of the
buttons that could not work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import nextcloud
from crm_desktop.models import CommAttachment
from crm_desktop.ui import icons
from crm_desktop.ui.labels import guess_mime

Index = QModelIndex | QPersistentModelIndex

VISIBLE_ROWS = 3  # the list grows to this many rows, then scrolls


@dataclass(frozen=True)
class AttachedFile:
    filename: str
    nextcloud_path: str
    local: Path | None  # the synced copy on this computer, None when it is not here


class AttachmentRole(IntEnum):
    NextcloudPath = Qt.ItemDataRole.UserRole + 1
    LocalPath = Qt.ItemDataRole.UserRole + 2  # str, or None when the file is not here


class AttachmentModel(QAbstractListModel):
    """The attachments of one entry (a handful: they come with the entry, whole)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._files: list[AttachedFile] = []

    def set_files(self, files: Sequence[AttachedFile]) -> None:
        self.beginResetModel()
        self._files = list(files)
        self.endResetModel()

    def file_at(self, row: int) -> AttachedFile | None:
        return self._files[row] if 0 <= row < len(self._files) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._files)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        file = self.file_at(index.row())
        if file is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if file.local is None:
                return self.tr("{name} (not on this computer)").format(name=file.filename)
            return file.filename
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.mime_icon(guess_mime(file.filename))
        if role == Qt.ItemDataRole.ToolTipRole:
            if file.local is None:
                return self.tr("{path}\nThis file is not in the sync folder.").format(
                    path=file.nextcloud_path
                )
            return str(file.local)
        if role == AttachmentRole.NextcloudPath:
            return file.nextcloud_path
        if role == AttachmentRole.LocalPath:
            return None if file.local is None else str(file.local)
        return None


def attached_files(
    attachments: Sequence[CommAttachment], sync_folder: str | None
) -> list[AttachedFile]:
    """The attachments with their copies on this computer, where the sync folder has them."""
    files = []
    for attachment in attachments:
        try:
            local = nextcloud.local_file(attachment.nextcloud_path, sync_folder)
        except OSError:  # an unreadable folder on the way: as if not synced
            local = None
        files.append(AttachedFile(attachment.filename, attachment.nextcloud_path, local))
    return files


class AttachmentList(QWidget):
    """A heading with the buttons, the list, and what is wrong with the chosen file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingAttachmentsBox")
        self._sync_folder: str | None = None
        self.model = AttachmentModel(self)

        self.heading = QLabel(self)
        self.heading.setObjectName("readingAttachmentsHeading")
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.open_button = self._button(
            "readingOpenAttachment", "open-file", self.tr("Open"), self.open_current
        )
        self.open_button.setToolTip(self.tr("Open the file with its application (Enter)"))
        self.folder_button = self._button(
            "readingShowAttachmentFolder", "open", self.tr("Show in folder"), self.show_folder
        )
        self.folder_button.setToolTip(self.tr("Open the folder that holds the file"))
        self.copy_button = self._button(
            "readingCopyAttachmentPath", "copy", self.tr("Copy path"), self.copy_path
        )
        self.copy_button.setToolTip(self.tr("Copy the file's Nextcloud path"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.heading, 1)
        for button in (self.open_button, self.folder_button, self.copy_button):
            row.addWidget(button)

        self.view = QListView(self)
        self.view.setObjectName("readingAttachments")
        self.view.setAccessibleName(self.tr("Attachments"))
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.activated.connect(self.open_current)
        self.view.selectionModel().currentChanged.connect(self._update)

        self.status = QLabel(self)
        self.status.setObjectName("readingAttachmentStatus")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        # Ctrl+C on the list copies the path, as in the media panel.
        copy = QAction(self.tr("Copy path"), self.view)
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_path)
        self.view.addAction(copy)
        self._update()

    def _button(self, name: str, icon: str, text: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(icons.icon(icon))
        button.setText(text)
        button.setAccessibleName(text)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(slot)
        return button

    # --- public ---------------------------------------------------------------------------

    def set_attachments(
        self, attachments: Sequence[CommAttachment], sync_folder: str | None
    ) -> None:
        self._sync_folder = sync_folder or None
        self.model.set_files(attached_files(attachments, sync_folder))
        count = self.model.rowCount()
        self.heading.setText(self.tr("%n attachments", "", count))
        rows = max(1, min(count, VISIBLE_ROWS))
        self.view.setFixedHeight(rows * self._row_height() + 2 * self.view.frameWidth())
        if count:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.setVisible(count > 0)
        self._update()

    def current(self) -> AttachedFile | None:
        return self.model.file_at(self.view.currentIndex().row())

    def open_current(self) -> bool:
        """Open the chosen file with the system's application; False when it is not here."""
        file = self.current()
        if file is None or file.local is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(file.local)))

    def show_folder(self) -> bool:
        """Open the folder that holds the chosen file in the file manager."""
        file = self.current()
        if file is None or file.local is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(file.local.parent)))

    def copy_path(self) -> None:
        """The chosen file's Nextcloud path on the clipboard."""
        file = self.current()
        if file is not None:
            QGuiApplication.clipboard().setText(file.nextcloud_path)

    # --- internals ------------------------------------------------------------------------

    def _row_height(self) -> int:
        hint = self.view.sizeHintForRow(0) if self.model.rowCount() else -1
        return max(hint, self.view.fontMetrics().height() + 6, 22)

    def _update(self, *_args: object) -> None:
        file = self.current()
        here = file is not None and file.local is not None
        self.open_button.setVisible(here)
        self.folder_button.setVisible(here)
        self.copy_button.setVisible(file is not None)
        if file is None or here:
            self.status.hide()
            return
        if not self._sync_folder:
            text = self.tr(
                "{name} cannot be opened here: no Nextcloud sync folder is set (File ▸ Settings)."
            ).format(name=file.filename)
        else:
            text = self.tr("{name} is not in the sync folder ({path}).").format(
                name=file.filename, path=file.nextcloud_path
            )
        self.status.setText(text)
        self.status.show()
