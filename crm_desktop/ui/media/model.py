"""The media panel's item model: a customer's media records, filtered in SQL, a page at a time."""

from __future__ import annotations

import logging
from enum import IntEnum
from pathlib import Path, PurePosixPath
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QPixmap

from crm_desktop import nextcloud, service
from crm_desktop.models import MediaInDB
from crm_desktop.service import MediaFilter, MediaSort
from crm_desktop.ui import icons, timefmt
from crm_desktop.ui.labels import guess_mime, media_direction_names, mime_comment
from crm_desktop.ui.media.thumbnails import ThumbnailKey, ThumbnailLoader
from crm_desktop.ui.paged_model import PagedTableModel

Index = QModelIndex | QPersistentModelIndex

log = logging.getLogger("crm_desktop.ui.media")


class MediaColumn(IntEnum):
    filename = 0
    type = 1
    direction = 2
    tags = 3
    order = 4
    uploaded_by = 5
    date = 6


_COLUMNS = tuple(MediaColumn)


class MediaRole(IntEnum):
    Record = Qt.ItemDataRole.UserRole + 1  # the MediaInDB
    LocalFile = Qt.ItemDataRole.UserRole + 2  # the Path of the local copy, or None
    Id = Qt.ItemDataRole.UserRole + 3
    NextcloudPath = Qt.ItemDataRole.UserRole + 4
    Thumbnail = Qt.ItemDataRole.UserRole + 5  # a QPixmap once made, else None (a load starts)
    Extension = Qt.ItemDataRole.UserRole + 6  # "PDF", for the icon view's file cards


def effective_mime(record: MediaInDB) -> str | None:
    """The record's MIME type, or (for rows typed in without one) the one its name suggests."""
    return record.mime_type or guess_mime(record.filename)


_SORTS = {
    MediaColumn.filename: MediaSort.filename,
    MediaColumn.type: MediaSort.type,
    MediaColumn.direction: MediaSort.direction,
    MediaColumn.tags: MediaSort.tags,
    MediaColumn.order: MediaSort.order,
    MediaColumn.uploaded_by: MediaSort.uploaded_by,
    MediaColumn.date: MediaSort.date,
}


class MediaModel(PagedTableModel[MediaInDB]):
    """The media records of one customer (none: an empty, inactive model), newest first."""

    # A panel shows about 30 rows or 20 tiles: a customer's first page is a screenful and
    # more, read (and validated) quickly when a customer is chosen; whole pages follow.
    FIRST_PAGE_SIZE = 60

    ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
            *MediaRole,
        }
    )

    def __init__(self, sync_folder: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._customer_id: str | None = None
        self._filters = MediaFilter()
        self._sort = MediaSort.date
        self._descending = True  # newest first
        self._sync_folder = sync_folder
        # nextcloud_path -> (local file, mtime) or None; forgotten on every re-read, since
        # the Nextcloud client adds and removes files at any time.
        self._local: dict[str, tuple[Path, int] | None] = {}
        # (record id, column) -> the cell's text, worded once (a view asks for every visible
        # cell on every repaint); forgotten whenever the rows are read again.
        self._texts: dict[tuple[str, int], str] = {}
        self.thumbnails = ThumbnailLoader(parent=self)
        self.thumbnails.ready.connect(self._thumbnail_ready)

    # --- what is shown --------------------------------------------------------------------

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    @property
    def filters(self) -> MediaFilter:
        return self._filters

    @property
    def sync_folder(self) -> str:
        return self._sync_folder

    def set_customer(self, customer_id: str | None) -> None:
        if customer_id != self._customer_id:
            self._customer_id = customer_id
            self.reload()

    def set_filter(self, filters: MediaFilter) -> None:
        if filters != self._filters:
            self._filters = filters
            self.reload()

    def set_sync_folder(self, folder: str) -> None:
        if folder != self._sync_folder:
            self._sync_folder = folder
            self._forget_local_files()

    def is_active(self) -> bool:
        return self._customer_id is not None

    def fetch_page(self, last: MediaInDB | None, offset: int, limit: int) -> list[MediaInDB]:
        if self._customer_id is None:
            return []
        return service.media_page(
            self._customer_id, self._filters, offset, limit, self._sort, self._descending
        )

    @property
    def sort_order(self) -> tuple[MediaSort, bool]:
        """By what and whether descending (newest first: ``(MediaSort.date, True)``)."""
        return self._sort, self._descending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL (service.media_page): pages stay lazy in any order."""
        try:
            sort = _SORTS[MediaColumn(column)]
        except (ValueError, KeyError):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort, descending) != (self._sort, self._descending):
            self._sort, self._descending = sort, descending
            self.reload()

    def reload(self) -> None:
        self._local.clear()
        self._texts.clear()
        super().reload()

    def refresh(self) -> None:
        self._texts.clear()
        super().refresh()
        self._forget_local_files()

    def shutdown(self) -> None:
        """Wait for thumbnail threads (call before the model goes away)."""
        self.thumbnails.shutdown()

    # --- local copies and thumbnails ------------------------------------------------------

    def local_file(self, record: MediaInDB) -> Path | None:
        found = self._local_entry(record)
        return found[0] if found else None

    def _local_entry(self, record: MediaInDB) -> tuple[Path, int] | None:
        key = record.nextcloud_path
        if key not in self._local:
            entry = None
            try:
                path = nextcloud.local_file(key, self._sync_folder)
                if path is not None:
                    entry = (path, path.stat().st_mtime_ns)
            except (OSError, ValueError):
                entry = None  # unreadable or vanished meanwhile: as if not synced
            self._local[key] = entry
        return self._local[key]

    def _forget_local_files(self) -> None:
        self._local.clear()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, MediaColumn.filename),
                self.index(len(self._rows) - 1, MediaColumn.filename),
                [Qt.ItemDataRole.DecorationRole, MediaRole.LocalFile, MediaRole.Thumbnail],
            )

    def thumbnail(self, record: MediaInDB) -> QPixmap | None:
        """The thumbnail of a locally synced image; None while it loads, or for other files."""
        entry = self._local_entry(record)
        if entry is None or not (effective_mime(record) or "").startswith("image/"):
            return None
        return self.thumbnails.thumbnail(*entry)

    def type_icon(self, record: MediaInDB) -> QIcon:
        return icons.mime_icon(effective_mime(record))

    def _thumbnail_ready(self, key: ThumbnailKey) -> None:
        for position, record in enumerate(self._rows):
            entry = self._local.get(record.nextcloud_path)
            if entry is not None and (str(entry[0]), entry[1]) == key:
                index = self.index(position, MediaColumn.filename)
                self.dataChanged.emit(
                    index, index, [Qt.ItemDataRole.DecorationRole, MediaRole.Thumbnail]
                )

    # --- Qt -------------------------------------------------------------------------------

    def column_titles(self) -> list[str]:
        # In MediaColumn's order.
        return [
            self.tr("Filename"),
            self.tr("Type"),
            self.tr("Direction"),
            self.tr("Tags"),
            self.tr("Order"),
            self.tr("Uploaded by"),
            self.tr("Date"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.row_of(index)
        if record is None:
            return None
        try:
            return self._data(record, _COLUMNS[index.column()], role)
        except Exception:
            # A row another client wrote may hold anything: show a gap, never a traceback.
            log.exception("Showing media record %s failed", record.id)
            return None

    def _data(self, record: MediaInDB, column: MediaColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == MediaColumn.filename:
                pixmap = self.thumbnail(record)
                return QIcon(pixmap) if pixmap is not None else self.type_icon(record)
            if column == MediaColumn.direction and record.direction:
                if record.direction in media_direction_names():
                    return icons.media_direction_icon(record.direction)
                return icons.icon("warning")  # a value this app does not know
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == MediaRole.Record:
            return record
        if role == MediaRole.LocalFile:
            return self.local_file(record)
        if role == MediaRole.Id:
            return record.id
        if role == MediaRole.NextcloudPath:
            return record.nextcloud_path
        if role == MediaRole.Thumbnail:
            return self.thumbnail(record)
        if role == MediaRole.Extension:
            suffix = PurePosixPath(record.filename).suffix.lstrip(".")
            return suffix.upper() if 0 < len(suffix) <= 5 else ""
        return None

    def _display(self, record: MediaInDB, column: MediaColumn) -> str:
        key = (record.id, column)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = self._worded(record, column)
        return text

    def _worded(self, record: MediaInDB, column: MediaColumn) -> str:
        if column == MediaColumn.filename:
            return record.filename
        if column == MediaColumn.type:
            return mime_comment(record.mime_type) if record.mime_type else ""
        if column == MediaColumn.direction:
            if not record.direction:
                return ""
            # An unknown value written by another client is shown as it is.
            return media_direction_names().get(record.direction, str(record.direction))
        if column == MediaColumn.tags:
            return ", ".join(record.tags)
        if column == MediaColumn.order:
            return record.order_id or ""
        if column == MediaColumn.uploaded_by:
            return record.uploaded_by or ""
        return timefmt.short(record.created_at)

    def _tooltip(self, record: MediaInDB, column: MediaColumn) -> str:
        # The cell's whole text first: a narrow panel elides it.
        lines = []
        if column == MediaColumn.date:
            lines.append(timefmt.exact(record.created_at))
        elif column == MediaColumn.type and record.mime_type:
            lines.append(f"{self._display(record, column)} ({record.mime_type})")
        elif self._display(record, column):
            lines.append(self._display(record, column))
        if column == MediaColumn.filename and record.mime_type:
            # The type in words, for a panel too narrow for the type column.
            lines.append(self._display(record, MediaColumn.type))
        lines.append(self.tr("Nextcloud: {path}").format(path=record.nextcloud_path))
        local = self.local_file(record)
        if local is not None:
            lines.append(self.tr("On this computer: {path}").format(path=local))
        lines.extend(f"⚠ {problem}" for problem in record.problems)
        return "\n".join(lines)
