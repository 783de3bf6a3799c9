"""The undo bar: "Deleted “ACME GmbH”  [Undo]" at the foot of the window for a few seconds,
as Gmail does after a delete.

It follows the application's QUndoStack: a command pushed with an ``undo_bar_text``
attribute (the deletes of customers, entries and media records) shows the bar; Undo (its
button, or Ctrl+Z anywhere in the window) undoes it through the stack, like Edit ▸ Undo.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QEnterEvent, QHideEvent, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from crm_desktop.ui import icons

SHOWN_MS = 10_000
MARGIN = 16


class UndoBar(QFrame):
    """Floats at the bottom centre of ``parent`` (the window's central widget)."""

    def __init__(self, stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.stack = stack
        self.setObjectName("undoBar")
        self.setAccessibleName(self.tr("Undo"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.message = QLabel(self)
        self.message.setObjectName("undoMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton(icons.icon("undo"), self.tr("Undo"), self)
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(self.tr("Undo the delete (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        close = QToolButton(self)
        close.setObjectName("undoBarClose")
        close.setIcon(icons.icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 4, 4)
        layout.setSpacing(12)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)

        self.timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self.timer.timeout.connect(self.hide)
        self._index = stack.index()
        stack.indexChanged.connect(self._stack_moved)
        parent.installEventFilter(self)
        self.hide()

    def _stack_moved(self, index: int) -> None:
        previous, self._index = self._index, index
        if index > previous and index > 0:
            command = self.stack.command(index - 1)
            text = getattr(command, "undo_bar_text", "") if command is not None else ""
            if text:
                self.show_message(text)
                return
        self.hide()  # undone, redone or another change: this undo no longer applies

    def show_message(self, text: str) -> None:
        # Elided, so that a long name never makes the bar wider than the window.
        parent = self.parentWidget()
        room = max(200, (parent.width() if parent else 600) - 2 * MARGIN - 200)
        self.message.setText(
            self.message.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, room)
        )
        self.message.setToolTip(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self.timer.start()

    def undo(self) -> None:
        self.hide()
        self.stack.undo()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # A pointer resting on the bar keeps it: the person is about to click Undo.
    def enterEvent(self, event: QEnterEvent) -> None:
        self.timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self.isVisible():
            self.timer.start()
        super().leaveEvent(event)

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        size = self.sizeHint()
        self.resize(size)
        self.move((parent.width() - size.width()) // 2, parent.height() - size.height() - MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)
