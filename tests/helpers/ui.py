"""Helpers for driving real widgets: shortcuts only fire in the active window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
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
