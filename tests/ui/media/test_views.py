"""The table and the icon grid over the media model."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView

from crm_desktop.ui.media.model import MediaColumn, MediaModel
from crm_desktop.ui.media.views import MediaIconView, MediaTable


def test_table_remembers_its_header(qtbot, db_path, settings):
    model = MediaModel()
    table = MediaTable(model, settings)
    qtbot.addWidget(table)
    assert table.isSortingEnabled()  # in SQL: service.media_page(sort=...)
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    header.resizeSection(MediaColumn.type, 171)
    header.moveSection(MediaColumn.date, 1)
    assert settings.state("media/header") is not None

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
