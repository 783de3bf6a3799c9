"""The media panel's two views over one model: a table, and a grid of file tiles."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView, QWidget

from crm_desktop.settings import Settings
from crm_desktop.ui import timefmt
from crm_desktop.ui.columns import offer_column_choice
from crm_desktop.ui.delegates import MiddleElideDelegate
from crm_desktop.ui.layout_state import keep_header
from crm_desktop.ui.media.delegate import TileDelegate
from crm_desktop.ui.media.model import MediaColumn, MediaModel

# "media/columns": the file name takes the room since issue 15 (the older "media/header"
# state had fixed widths everywhere, so it is left behind).
HEADER_STATE = "media/columns"
ICON_SIZE = 72
GRID_SIZE = QSize(120, 124)
TABLE_ICON_SIZE = QSize(20, 20)
_COLUMN_WIDTHS = {
    MediaColumn.type: 100,
    MediaColumn.direction: 88,
    MediaColumn.tags: 104,
    MediaColumn.order: 80,
    MediaColumn.uploaded_by: 90,
}

_HIDDEN_AT_FIRST = (MediaColumn.order, MediaColumn.uploaded_by)
# The file name takes what the other columns leave, and at least this; the columns shown
# at first are those that fit beside it, in this order (the rest: a right click on the
# header away), so that no column is cut off: on a 1366x768 laptop the file and its date
# (the icon says its kind; the type in words is in the tooltip); on a 1920x1080 screen
# the type and direction too.
FILENAME_MIN = 240
_FIT_ORDER = (MediaColumn.date, MediaColumn.type, MediaColumn.direction, MediaColumn.tags)


def _common(view: QAbstractItemView, model: MediaModel) -> None:
    view.setModel(model)
    # Always there: a scroll bar that came and went with the customer's number of records
    # would resize the list, and paint it twice, whenever another customer is chosen.
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # No drops on the views: drags pass through to the panel, the one drop target.
    view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)


class MediaTable(QTableView):
    """The records as a table; column widths and order are remembered in the settings."""

    def __init__(
        self, model: MediaModel, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("mediaView")
        self.setAccessibleName(self.tr("Media records"))
        _common(self, model)
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in the other lists
        self.setIconSize(TABLE_ICON_SIZE)
        self.verticalHeader().setDefaultSectionSize(max(26, self.fontMetrics().height() + 10))
        self.setItemDelegateForColumn(MediaColumn.filename, MiddleElideDelegate(self))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MediaColumn.filename, QHeaderView.ResizeMode.Stretch)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.resizeSection(MediaColumn.date, self._date_width())
        # The order and who uploaded a file are a right click on the header away: the
        # panel is narrow on a laptop, and the file, its type and direction come first.
        for column in _HIDDEN_AT_FIRST:
            header.setSectionHidden(column, True)
        # Newest first, as the service orders them; a click on a column sorts by it (in SQL).
        header.setSortIndicator(MediaColumn.date, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        offer_column_choice(header)
        # Without a layout of the user's, the columns are fitted to the panel when it
        # first shows (its width is known only then).
        self._fit_pending = not keep_header(header, settings, HEADER_STATE)
        model.modelReset.connect(self._lay_out_now)

    def _lay_out_now(self) -> None:
        # Qt lays a reset table out at a later turn of the event loop, after its first
        # paint (whose header then asks for it): another customer's records were painted
        # twice, the second time with the scroll range. Laid out now (a table's layout is
        # its scroll range and header), they paint once.
        self.doItemsLayout()

    def _date_width(self) -> int:
        metrics = self.fontMetrics()
        sample = timefmt.short("2026-12-28T22:48:00")
        return metrics.horizontalAdvance(sample) + 3 * metrics.averageCharWidth()

    def fit_columns(self, width: int) -> None:
        """Show the columns that fit beside the file name in ``width`` pixels, in
        _FIT_ORDER, and hide the others (the user can show them on the header)."""
        header = self.horizontalHeader()
        room = width - FILENAME_MIN
        for column in _FIT_ORDER:
            size = header.sectionSize(column) or _COLUMN_WIDTHS.get(column, 100)
            if column == MediaColumn.date:
                size = self._date_width()
            fits = size <= room
            header.setSectionHidden(column, not fits)
            if fits:
                header.resizeSection(column, size)
                room -= size

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self._fit_pending = False
            self.fit_columns(self.viewport().width())


class MediaIconView(QListView):
    """The records as a grid of tiles: thumbnails of synced images, type cards otherwise."""

    def __init__(self, model: MediaModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediaIconView")
        self.setAccessibleName(self.tr("Media records as icons"))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setGridSize(GRID_SIZE)
        self.setItemDelegate(TileDelegate(GRID_SIZE, ICON_SIZE, self))
        self.setMouseTracking(True)  # hover highlight on tiles
        _common(self, model)
