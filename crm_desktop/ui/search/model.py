"""The results of a global search as a list model: a heading for each kind of hit
(Customers, Communications, Files), then its hits in the service's order.

Headings are rows a view shows but cannot select; the hits are at most
``service.search_all``'s limit, handed over whole by the worker that searched (a list of
fifty is one page: nothing to fetch later).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from crm_desktop.models import SearchHit
from crm_desktop.ui import icons, timefmt

Index = QModelIndex | QPersistentModelIndex

KINDS = ("customer", "communication", "media")


class SearchRole(IntEnum):
    Hit = Qt.ItemDataRole.UserRole + 1  # the SearchHit; None on a heading
    IsHeading = Qt.ItemDataRole.UserRole + 2
    Kind = Qt.ItemDataRole.UserRole + 3  # "customer", "communication" or "media"
    Details = Qt.ItemDataRole.UserRole + 4  # whose it is and when, in words
    Snippet = Qt.ItemDataRole.UserRole + 5  # (text, spans of the matches): the field named


@dataclass(frozen=True, slots=True)
class _Row:
    kind: str
    hit: SearchHit | None  # None: the heading of its kind
    details: str = ""
    count: int = 0  # a heading's number of hits


def kind_icon(kind: str) -> QIcon:
    if kind == "customer":
        return icons.icon("user")
    if kind == "communication":
        return icons.icon("log-comm")
    return icons.mime_icon(None)


class SearchResultsModel(QAbstractListModel):
    """Hits grouped by kind under headings; ``set_hits`` replaces them all."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def heading(self, kind: str, count: int) -> str:
        if kind == "customer":
            return self.tr("Customers (%Ln)", "", count)
        if kind == "communication":
            return self.tr("Communications (%Ln)", "", count)
        return self.tr("Files (%Ln)", "", count)

    def set_hits(self, hits: Iterable[SearchHit], names: Mapping[str, str] | None = None) -> None:
        """Show these hits, grouped by kind in the order given; ``names`` are the customers'
        names by id, to say whose entry or file a hit is."""
        names = names or {}
        grouped: dict[str, list[SearchHit]] = {kind: [] for kind in KINDS}
        for hit in hits:
            grouped.setdefault(hit.kind, []).append(hit)
        rows: list[_Row] = []
        for kind, kind_hits in grouped.items():
            if kind_hits:
                rows.append(_Row(kind, None, count=len(kind_hits)))
                rows.extend(_Row(kind, hit, self._details(hit, names)) for hit in kind_hits)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits(())

    def field_label(self, field: str) -> str:
        """The name of a field whose words are not self-explanatory, for the snippet."""
        labels = {
            "notes": self.tr("Notes:"),
            "tags": self.tr("Tags:"),
            "attachments": self.tr("Attachment:"),
            "order_id": self.tr("Order:"),
        }
        return labels.get(field, "")

    def snippet(self, hit: SearchHit) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The snippet after the name of its field where that helps, with its matches."""
        label = self.field_label(hit.field) if hit.snippet else ""
        if not label:
            return hit.snippet, hit.snippet_matches
        shift = len(label) + 1
        spans = tuple((start + shift, end + shift) for start, end in hit.snippet_matches)
        return f"{label} {hit.snippet}", spans

    def _details(self, hit: SearchHit, names: Mapping[str, str]) -> str:
        name = names.get(hit.customer_id or "", "") if hit.kind != "customer" else ""
        when = timefmt.relative(hit.time) if hit.time else ""
        return " · ".join(part for part in (name, when) if part)

    # --- for the field and the view -------------------------------------------------------

    @property
    def hits(self) -> Sequence[SearchHit]:
        return tuple(row.hit for row in self._rows if row.hit is not None)

    def hit_at(self, index: Index) -> SearchHit | None:
        row = self._row(index)
        return row.hit if row is not None else None

    def is_heading(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].hit is None

    def next_hit_row(self, row: int, step: int) -> int:
        """The row of the hit after (``step`` 1) or before (-1) ``row``, skipping headings;
        ``row`` itself when there is none that way (-1 when there are no hits at all)."""
        position = row + step
        while 0 <= position < len(self._rows):
            if self._rows[position].hit is not None:
                return position
            position += step
        return row if 0 <= row < len(self._rows) and self._rows[row].hit is not None else -1

    def first_hit_row(self) -> int:
        return self.next_hit_row(-1, 1)

    # --- Qt -------------------------------------------------------------------------------

    def _row(self, index: Index) -> _Row | None:
        if not index.isValid() or index.parent().isValid():
            return None
        return self._rows[index.row()] if 0 <= index.row() < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self._row(index)
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        if row.hit is None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        hit = row.hit
        if role == Qt.ItemDataRole.DisplayRole:
            return self.heading(row.kind, row.count) if hit is None else hit.title
        if role == SearchRole.Hit:
            return hit
        if role == SearchRole.IsHeading:
            return hit is None
        if role == SearchRole.Kind:
            return row.kind
        if role == SearchRole.Details:
            return row.details
        if role == SearchRole.Snippet:
            return None if hit is None else self.snippet(hit)
        if role == Qt.ItemDataRole.DecorationRole and hit is not None:
            return kind_icon(row.kind)
        if role == Qt.ItemDataRole.ToolTipRole and hit is not None:
            return self.snippet(hit)[0] or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if hit is None:
                return self.heading(row.kind, row.count)
            snippet = self.snippet(hit)[0]
            return ", ".join(part for part in (hit.title, row.details, snippet) if part)
        return None
