"""The customer list's item model: searched and sorted in SQL, fetched a page at a time."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from crm_desktop import service
from crm_desktop.service import CustomerRow, CustomerSort
from crm_desktop.ui import icons, timefmt
from crm_desktop.ui.paged_model import PagedTableModel

Index = QModelIndex | QPersistentModelIndex

DETAIL_SEPARATOR = " · "


class CustomerColumn(IntEnum):
    customer_name = 0
    organization = 1
    contact = 2
    last_contact = 3


class CustomerRole(IntEnum):
    Row = Qt.ItemDataRole.UserRole + 1  # the CustomerRow
    Id = Qt.ItemDataRole.UserRole + 2
    # The name's second line in the list: "Bäckerei Hoffmann · a.hoffmann@example.de".
    Detail = Qt.ItemDataRole.UserRole + 3


_SORT_KEYS = {
    CustomerColumn.customer_name: CustomerSort.name,
    CustomerColumn.organization: CustomerSort.organization,
    CustomerColumn.contact: CustomerSort.contact,
    CustomerColumn.last_contact: CustomerSort.last_contact,
}


class CustomerModel(PagedTableModel[CustomerRow]):
    # A screen shows 30 to 40 customers: the list opens (and a keystroke of the search
    # answers) with a first page of a screenful and a half, each row's last contact looked
    # up; the rest follows in whole pages as the list scrolls.
    FIRST_PAGE_SIZE = 60
    ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
            *CustomerRole,
        }
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._sort = CustomerSort.name
        self._descending = False
        self._relative = timefmt.RelativeMemo()

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        text = " ".join(text.split())
        if text != self._search:
            self._search = text
            self.reload()

    def fetch_page(self, last: CustomerRow | None, offset: int, limit: int) -> list[CustomerRow]:
        return service.customer_page(self._search, self._sort, self._descending, offset, limit)

    def position_of(self, customer_id: str) -> int | None:
        """Where a customer is in the whole list (loaded or not), or None if filtered out."""
        return service.customer_position(customer_id, self._search, self._sort, self._descending)

    def column_titles(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Organization"),
            self.tr("E-mail or phone"),
            self.tr("Last contact"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CustomerColumn.customer_name:
                return row.name
            if column == CustomerColumn.organization:
                return row.organization or ""
            if column == CustomerColumn.contact:
                return row.contact
            if column == CustomerColumn.last_contact:
                return self._relative(row.last_contact) if row.last_contact else ""
        elif role == Qt.ItemDataRole.DecorationRole:
            # A row that another program wrote with bytes that are not text: marked.
            if column == CustomerColumn.customer_name and row.problems:
                return icons.icon("warning")
        elif role == Qt.ItemDataRole.ToolTipRole:
            # Every cell may be elided in a narrow list: its tooltip says it whole.
            if column == CustomerColumn.customer_name:
                lines = [row.name, row.organization, row.email, row.phone]
                lines += [f"⚠ {problem}" for problem in row.problems]
                return "\n".join(line for line in lines if line)
            if column == CustomerColumn.organization:
                return row.organization or None
            if column == CustomerColumn.last_contact and row.last_contact:
                return timefmt.exact(row.last_contact)
            if column == CustomerColumn.contact:
                return "\n".join(part for part in (row.email, row.phone) if part) or None
        elif role == CustomerRole.Detail:
            if column == CustomerColumn.customer_name:
                return DETAIL_SEPARATOR.join(
                    part for part in (row.organization, row.contact) if part
                )
        elif role == CustomerRole.Row:
            return row
        elif role == CustomerRole.Id:
            return row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL: a Python sort of a large list would take seconds."""
        if column not in _SORT_KEYS:
            return
        sort = _SORT_KEYS[CustomerColumn(column)]
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort, descending) == (self._sort, self._descending):
            return  # the same order (the view asks again as it is set up): nothing to re-read
        self._sort = sort
        self._descending = descending
        self.reload()
