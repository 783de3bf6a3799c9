"""The table and the icon grid over the media model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView

from crm_desktop.ui.media.model import MediaColumn, MediaModel
from crm_desktop.ui.media.views import FILENAME_MIN, HEADER_STATE, MediaIconView, MediaTable


def test_table_remembers_its_header(qtbot, db_path, settings):
    model = MediaModel()
    table = MediaTable(model, settings)
    qtbot.addWidget(table)
    assert table.isSortingEnabled()  # in SQL: service.media_page(sort=...)
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    header = table.horizontalHeader()
    # The file name takes the room the others leave; they keep the widths they are given.
    assert header.sectionResizeMode(MediaColumn.filename) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(MediaColumn.type) == QHeaderView.ResizeMode.Interactive
    header.resizeSection(MediaColumn.type, 171)
    header.moveSection(MediaColumn.date, 1)
    assert settings.state(HEADER_STATE) is not None

    again = MediaTable(model, settings)
    qtbot.addWidget(again)
    assert again.horizontalHeader().sectionSize(MediaColumn.type) == 171
    assert again.horizontalHeader().visualIndex(MediaColumn.date) == 1
    model.shutdown()


def test_icon_view_is_a_static_wrapping_grid(qtbot, db_path):
    model = MediaModel()
    view = MediaIconView(model)
    qtbot.addWidget(view)
    assert view.objectName() == "mediaIconView"
    assert view.viewMode() == QListView.ViewMode.IconMode
    assert view.isWrapping() and view.uniformItemSizes() and view.gridSize().isValid()
    assert view.movement() == QListView.Movement.Static
    assert not view.acceptDrops()  # drops go to the panel
    model.shutdown()


@pytest.mark.parametrize(
    ("width", "shown"),
    [
        (420, {"Filename", "Date"}),  # the media panel on a 1366x768 laptop
        (580, {"Filename", "Type", "Date", "Direction"}),  # ... on a 1920x1080 screen
        (900, {"Filename", "Type", "Date", "Direction", "Tags"}),
    ],
)
def test_the_columns_shown_at_first_fit_the_panel(qtbot, db_path, settings, width, shown):
    model = MediaModel()
    table = MediaTable(model, settings)
    qtbot.addWidget(table)
    table.resize(width + table.verticalScrollBar().sizeHint().width() + 2, 300)
    table.show()
    qtbot.waitExposed(table)
    header = table.horizontalHeader()
    titles = {
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(header.count())
        if not header.isSectionHidden(c)
    }
    assert titles == shown
    assert header.length() <= table.viewport().width()  # no column cut off
    assert header.sectionSize(MediaColumn.filename) >= FILENAME_MIN
    model.shutdown()
    # A layout of the user's is kept as it is, fitted or not.
    again = MediaTable(MediaModel(), settings)
    qtbot.addWidget(again)
    again.resize(2000, 300)
    again.show()
    qtbot.waitExposed(again)
    assert not again.horizontalHeader().isSectionHidden(MediaColumn.date)
    assert again.horizontalHeader().isSectionHidden(MediaColumn.order)
    again.model().shutdown()
