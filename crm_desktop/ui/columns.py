"""Which columns a table shows: a right click on its header offers every column to show or
hide (the layout helper, crm_desktop.ui.layout_state, remembers the choice)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu


def offer_column_choice(header: QHeaderView) -> None:
    """A right click on ``header`` opens column_menu()."""
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(partial(_show_menu, header))


def column_menu(header: QHeaderView) -> QMenu:
    """A menu with a tick per column: shown or hidden. The last column shown cannot be
    hidden (a table without columns could not be brought back)."""
    menu = QMenu(header)
    menu.setObjectName("columnMenu")
    model = header.model()
    shown = [s for s in range(header.count()) if not header.isSectionHidden(s)]
    for section in range(header.count()):
        title = model.headerData(section, header.orientation()) if model is not None else None
        action = QAction(str(title or section + 1), menu)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(section))
        action.setEnabled(shown != [section])
        action.toggled.connect(partial(_set_shown, header, section))
        menu.addAction(action)
    return menu


def _set_shown(header: QHeaderView, section: int, shown: bool) -> None:
    header.setSectionHidden(section, not shown)
    if shown and header.sectionSize(section) < header.minimumSectionSize() * 2:
        header.resizeSection(section, header.defaultSectionSize())


def _show_menu(header: QHeaderView, position: QPoint) -> None:
    menu = column_menu(header)
    menu.aboutToHide.connect(menu.deleteLater)
    menu.popup(header.mapToGlobal(position))
