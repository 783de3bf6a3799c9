"""The customer list's columns, readable on a 1366x768 laptop.

The name takes the room: two lines per row, the name over the organization and the e-mail
or phone ("Andreas Hoffmann" over "Bäckerei Hoffmann · a.hoffmann@…"), so that a name of
40 characters reads whole in the list's third of the window; the last contact stays on
the right. The organization and contact columns are there to sort by, hidden at first; a
right click on the header shows them (crm_desktop.ui.columns). Widths, hidden columns and
the sort order are remembered.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from crm_desktop import timeutil
from crm_desktop.settings import Settings
from crm_desktop.ui import timefmt
from crm_desktop.ui.columns import offer_column_choice
from crm_desktop.ui.customers.model import CustomerColumn, CustomerRole
from crm_desktop.ui.delegates import TwoLineDelegate, two_line_height
from crm_desktop.ui.layout_state import keep_header

HEADER_STATE = "customers/header"
WIDTHS = {
    CustomerColumn.organization: 140,
    CustomerColumn.contact: 170,
    CustomerColumn.last_contact: 96,
}


def last_contact_width(view: QTableView) -> int:
    """Room for the longest way "Last contact" is worded in this language and locale:
    "yesterday 14:30", a weekday and a time, or a date."""
    now = datetime.now(UTC)
    samples = [
        timefmt.relative(timeutil.to_storage(now - timedelta(days=days)), now) for days in (1, 3)
    ]
    samples.append(timefmt.format_date(QDate(2026, 12, 28)))
    metrics = view.fontMetrics()
    widest = max(metrics.horizontalAdvance(text) for text in samples)
    return max(WIDTHS[CustomerColumn.last_contact], widest + 3 * metrics.averageCharWidth())


def configure_columns(view: QTableView, settings: Settings) -> None:
    """Set up the list's columns and rows (after the view has its model)."""
    view.setItemDelegateForColumn(
        CustomerColumn.customer_name, TwoLineDelegate(CustomerRole.Detail, view)
    )
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setDefaultSectionSize(two_line_height(view.fontMetrics()))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # The name takes what room there is; the other columns keep a useful width.
    header.setSectionResizeMode(CustomerColumn.customer_name, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, width in WIDTHS.items():
        header.resizeSection(column, width)
    header.resizeSection(CustomerColumn.last_contact, last_contact_width(view))
    for column in (CustomerColumn.organization, CustomerColumn.contact):
        header.setSectionHidden(column, True)
    offer_column_choice(header)
    keep_header(header, settings, HEADER_STATE)
