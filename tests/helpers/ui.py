"""Helpers for driving real widgets: shortcuts only fire in the active window."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def show_active(qtbot: QtBot, widget: QWidget) -> QWidget:
    """Show a top-level widget and wait until it is the active window."""
    with qtbot.waitActive(widget):
        widget.show()
    return widget


def wait_active(qtbot: QtBot, widget: QWidget) -> QWidget:
    """Wait until a dialog opened with open() has become the active window."""
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def settle() -> None:
    """Deliver whatever a change set off: posted events, zero timers, paints."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


class PaintCounter(QObject):
    """Counts the paint events a widget gets (a view's viewport: how often its rows are
    painted)."""

    def __init__(self, watched: QObject) -> None:
        super().__init__()
        self.count = 0
        watched.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.Paint
        return False


class GapMeter:
    """The longest time the GUI thread did not get round to a 10 ms timer: how long the
    window could not have answered input."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.longest = 0.0  # seconds
        self._last: float | None = None
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._tick()
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.longest = max(self.longest, now - self._last)
        self._last = now


class UrlCatcher(QObject):
    """Stands in for the desktop's default applications (file manager, mail, phone, browser):
    remembers what it was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@contextmanager
def catching_urls(*schemes: str) -> Iterator[list[QUrl]]:
    """What the app hands to QDesktopServices in these schemes, caught instead of opened."""
    catcher = UrlCatcher()
    for scheme in schemes:
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    try:
        yield catcher.urls
    finally:
        for scheme in schemes:
            QDesktopServices.unsetUrlHandler(scheme)
