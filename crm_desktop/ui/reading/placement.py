"""Where the reading pane goes: below the timeline, in the window's middle column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from crm_desktop.ui.context import AppContext
from crm_desktop.ui.layout_state import keep_splitter

# About 55/45 at first; what the user makes of it is remembered.
SIZES = (550, 450)


def timeline_splitter(timeline: QWidget, pane: QWidget, context: AppContext) -> QSplitter:
    """``timeline`` above ``pane`` in a vertical splitter (``timelineSplitter``) whose
    sizes are remembered; neither can be squeezed away entirely."""
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setObjectName("timelineSplitter")
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(timeline)
    splitter.addWidget(pane)
    splitter.setStretchFactor(0, 11)
    splitter.setStretchFactor(1, 9)
    keep_splitter(splitter, context.settings, "MainWindow/timelineSplitter", SIZES)
    return splitter
