"""Drags as a file manager sends them: enter, move and drop events with real QMimeData."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

COPY_OR_MOVE = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
_BUTTONS = (Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def hover(
    target: QWidget,
    mime: QMimeData,
    at: QPoint | None = None,
    actions: Qt.DropAction = COPY_OR_MOVE,
) -> tuple[QDragEnterEvent, QDragMoveEvent]:
    """A drag coming in over ``target`` and moving to ``at`` (its middle by default)."""
    at = at or target.rect().center()
    enter = QDragEnterEvent(at, actions, mime, *_BUTTONS)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(at, actions, mime, *_BUTTONS)
    QApplication.sendEvent(target, move)
    return enter, move


def leave(target: QWidget) -> None:
    QApplication.sendEvent(target, QDragLeaveEvent())


def drop(
    target: QWidget,
    mime: QMimeData,
    at: QPoint | None = None,
    actions: Qt.DropAction = COPY_OR_MOVE,
) -> tuple[QDragEnterEvent, QDragMoveEvent, QDropEvent]:
    """Enter, move and drop: the three events a file manager's drag sends."""
    enter, move = hover(target, mime, at, actions)
    event = QDropEvent(QPointF(at or target.rect().center()), actions, mime, *_BUTTONS)
    QApplication.sendEvent(target, event)
    return enter, move, event
