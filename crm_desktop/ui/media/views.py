"""The media panel's two views over one model: a table, and a grid of file tiles."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView, QWidget

from crm_desktop.settings import Settings
from crm_desktop.ui.columns import offer_column_choice
from crm_desktop.ui.delegates import MiddleElideDelegate
from crm_desktop.ui.layout_state import keep_header
from crm_desktop.ui.media.delegate import TileDelegate
from crm_desktop.ui.media.model import MediaColumn, MediaModel

HEADER_STATE = "media/header"
ICON_SIZE = 72
GRID_SIZE = QSize(120, 124)
TABLE_ICON_SIZE = QSize(20, 20)
# The file, its type, direction, tags and date fit the panel at 1920x1080; on a 1366x768
# laptop the file, type and direction do, and the rest scrolls.
_COLUMN_WIDTHS = {
    MediaColumn.filename: 180,
    MediaColumn.type: 100,
    MediaColumn.direction: 88,
    MediaColumn.tags: 104,
    MediaColumn.order: 80,
    MediaColumn.uploaded_by: 90,
}

_HIDDEN_AT_FIRST = (MediaColumn.order, MediaColumn.uploaded_by)


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
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        # The order and who uploaded a file are a right click on the header away: the
        # panel is narrow on a laptop, and the file, its type and direction come first.
        for column in _HIDDEN_AT_FIRST:
            header.setSectionHidden(column, True)
        # Newest first, as the service orders them; a click on a column sorts by it (in SQL).
        header.setSortIndicator(MediaColumn.date, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        offer_column_choice(header)
        keep_header(header, settings, HEADER_STATE)


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
