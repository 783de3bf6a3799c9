"""Splitter and column layouts remembered in the settings, for every panel alike.

``keep_splitter(splitter, settings, "key")`` and ``keep_header(header, settings, "key")``
restore what was saved under ``state/<key>`` (settings.ini) and save every change the user
makes as it happens (QSettings writes the file a moment later, once, however many changes
a drag makes). What was saved by another version that no longer fits is dropped: Qt's own
``restoreState`` refuses it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHeaderView, QSplitter

from crm_desktop.settings import Settings

Stateful = QSplitter | QHeaderView


class _Keeper(QObject):
    """Saves one widget's state under one key; a child of the widget, gone with it."""

    def __init__(self, widget: Stateful, settings: Settings, key: str) -> None:
        super().__init__(widget)
        self.setObjectName(f"layoutKeeper_{key}")
        self._widget = widget
        self._settings = settings
        self._key = key

    def save(self, *_args: object) -> None:
        self._settings.set_state(self._key, self._widget.saveState())


def _restore(widget: Stateful, settings: Settings, key: str) -> bool:
    saved = settings.state(key)
    return saved is not None and widget.restoreState(saved)


def keep_splitter(
    splitter: QSplitter, settings: Settings, key: str, sizes: Sequence[int] = ()
) -> bool:
    """Restore the splitter's sizes from ``key`` (else set ``sizes``, if given) and save
    them whenever the user moves a handle. True when a saved layout was restored."""
    restored = _restore(splitter, settings, key)
    if not restored and sizes:
        splitter.setSizes(list(sizes))
    splitter.splitterMoved.connect(_Keeper(splitter, settings, key).save)
    return restored


def keep_header(header: QHeaderView, settings: Settings, key: str) -> bool:
    """Restore a view's columns (widths, order, hidden ones, the sort column) from ``key``
    and save them whenever they change. Call it once the view has its model (a header
    without columns has nothing to restore). True when a saved layout was restored."""
    restored = _restore(header, settings, key)
    keeper = _Keeper(header, settings, key)
    header.sectionResized.connect(keeper.save)
    header.sectionMoved.connect(keeper.save)
    header.sortIndicatorChanged.connect(keeper.save)
    return restored
