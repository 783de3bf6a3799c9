"""The timeline's item model: one customer's communications, newest first, a page at a time."""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from crm_desktop import service, timeutil
from crm_desktop.service import TimelineEntry, TimelineFilter
from crm_desktop.ui import icons, timefmt
from crm_desktop.ui.labels import entry_heading
from crm_desktop.ui.paged_model import PagedTableModel
from crm_desktop.ui.timeline.labels import direction_label, type_label

Index = QModelIndex | QPersistentModelIndex

log = logging.getLogger("crm_desktop.ui.timeline")


class TimelineRole(IntEnum):
    Entry = Qt.ItemDataRole.UserRole + 1  # the TimelineEntry
    Id = Qt.ItemDataRole.UserRole + 2
    TypeLabel = Qt.ItemDataRole.UserRole + 3  # "E-mail", or an unknown type as stored
    DirectionLabel = Qt.ItemDataRole.UserRole + 4  # "Inbound", ...
    When = Qt.ItemDataRole.UserRole + 5  # local time, relative when recent


class TimelineModel(PagedTableModel[TimelineEntry]):
    """One column; the delegate paints each entry from the roles above."""

    # A screen shows about ten entries: the first page reads a few screenfuls, quickly.
    FIRST_PAGE_SIZE = 50
    ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
            *TimelineRole,
        }
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._customer_id: str | None = None
        self._filter = TimelineFilter()
        # occurred_at -> (the minute it was worded in, "5 min ago"): painting asks for every
        # visible entry on every repaint, and the words change once a minute at most.
        self._when: dict[str, tuple[int, str]] = {}

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    @property
    def filter(self) -> TimelineFilter:
        return self._filter

    def set_customer(self, customer_id: str | None) -> None:
        self._customer_id = customer_id or None
        self.reload()

    def set_filter(self, filters: TimelineFilter) -> None:
        filters = TimelineFilter(filters.types, filters.directions, " ".join(filters.text.split()))
        if filters != self._filter:
            self._filter = filters
            self.reload()

    # --- PagedTableModel ------------------------------------------------------------------

    def is_active(self) -> bool:
        return self._customer_id is not None

    def fetch_page(
        self, last: TimelineEntry | None, offset: int, limit: int
    ) -> list[TimelineEntry]:
        if self._customer_id is None:
            return []
        return service.timeline_page(
            self._customer_id, self._filter, after=last.key if last else None, limit=limit
        )

    # --- Qt -------------------------------------------------------------------------------

    def column_titles(self) -> list[str]:
        return [self.tr("Communication")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_of(index)
        if entry is None:
            return None
        try:
            return self._data(entry, role)
        except Exception:
            # A row another client wrote can hold anything; a view must never see an exception.
            log.exception("Timeline entry %r cannot be shown (role %s)", entry.id, role)
            return None

    def _data(self, entry: TimelineEntry, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.subject(entry)
        if role == TimelineRole.Entry:
            return entry
        if role == TimelineRole.Id:
            return entry.id
        if role == TimelineRole.TypeLabel:
            return type_label(entry.type)
        if role == TimelineRole.DirectionLabel:
            return direction_label(entry.direction)
        if role == TimelineRole.When:
            return self.when(entry)
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.comm_type_icon(entry.type)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._sentence(entry)
        return None

    def subject(self, entry: TimelineEntry) -> str:
        """The subject; an SMS, chat or call without one by its first line (never
        "(no subject)"), an entry without any words by its type."""
        return entry_heading(entry.subject, entry.body_preview, entry.type)

    def when(self, entry: TimelineEntry) -> str:
        """When it happened in words (the When role), worded again each minute."""
        minute = int(timeutil.utc_now().timestamp() // 60)
        kept = self._when.get(entry.occurred_at)
        if kept is not None and kept[0] == minute:
            return kept[1]
        if len(self._when) > 50_000:
            self._when.clear()
        text = timefmt.relative(entry.occurred_at)
        self._when[entry.occurred_at] = (minute, text)
        return text

    def texts(self, entry: TimelineEntry) -> tuple[str, str, str, str]:
        """What the delegate writes for an entry, as the roles give it: the subject, when,
        the direction and the type in words."""
        return (
            self.subject(entry),
            self.when(entry),
            direction_label(entry.direction),
            type_label(entry.type),
        )

    def _tooltip(self, entry: TimelineEntry) -> str:
        # The heading first: the delegate elides it in a narrow timeline.
        lines = [self.subject(entry), timefmt.exact(entry.occurred_at)]
        if entry.logged_by:
            lines.append(self.tr("Logged by {name}").format(name=entry.logged_by))
        lines.extend(entry.problems)
        return "\n".join(lines)

    def _sentence(self, entry: TimelineEntry) -> str:
        """What a screen reader says: the whole line in words."""
        text = self.tr("{type}, {direction}, {when}: {subject}.").format(
            type=type_label(entry.type),
            direction=direction_label(entry.direction),
            when=timefmt.exact(entry.occurred_at),
            subject=self.subject(entry),
        )
        if entry.logged_by:
            text += " " + self.tr("Logged by {name}.").format(name=entry.logged_by)
        if entry.attachments:
            text += " " + self.tr("%n attachments.", "", len(entry.attachments))
        if entry.problems:
            text += " " + self.tr("This entry does not fit the expected format.")
        return text
