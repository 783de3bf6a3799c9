"""The highlight a drop target shows while a drag hovers: a tinted frame and a line of text.

A child widget drawn over the target, transparent for the mouse (and so for the drag, which
finds the widget under the cursor the same way), so the target needs no paint code of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

# Amber, not red: a refused drop is a hint ("choose a customer first"), not an error.
REFUSING_COLOR = "#d97706"


class DropHighlight(QWidget):
    """``show_over(rect, text)`` frames ``rect`` (None: the whole target); ``clear()`` hides."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("dropHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._area: QRect | None = None
        self._text = ""
        self._refusing = False
        self.hide()
        target.installEventFilter(self)

    @property
    def text(self) -> str:
        return self._text if self.isVisible() else ""

    @property
    def area(self) -> QRect | None:
        return self._area

    @property
    def refusing(self) -> bool:
        return self._refusing

    def show_over(self, area: QRect | None = None, text: str = "", refusing: bool = False) -> None:
        if self.isVisible() and (area, text, refusing) == (self._area, self._text, self._refusing):
            return  # a drag sends a move event for every pixel: repaint only on a change
        self._area, self._text, self._refusing = area, text, refusing
        target = self.parentWidget()
        if target is not None:
            self.setGeometry(target.rect())
        self.raise_()
        self.show()
        self.update()

    def clear(self) -> None:
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        palette = self.palette()
        color = (
            QColor(REFUSING_COLOR)
            if self._refusing
            else palette.color(QPalette.ColorRole.Highlight)
        )
        whole = self._area is None
        area = QRectF(self.rect().adjusted(3, 3, -3, -3) if self._area is None else self._area)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(color)
        fill.setAlpha(28 if whole else 48)
        pen = QPen(color, 2, Qt.PenStyle.DashLine if whole else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(area.adjusted(1, 1, -1, -1), 6, 6)
        if self._text:
            self._paint_text(painter, area, color, palette)
        painter.end()

    def _paint_text(
        self, painter: QPainter, area: QRectF, color: QColor, palette: QPalette
    ) -> None:
        """The text in a pill in the middle: readable over whatever the target shows."""
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width = min(metrics.horizontalAdvance(self._text) + 32, int(area.width()) - 16)
        pill = QRectF(0, 0, width, metrics.height() + 16)
        pill.moveCenter(area.center())
        background = palette.color(QPalette.ColorRole.Base)
        background.setAlpha(240)
        painter.setPen(QPen(color, 1))
        painter.setBrush(background)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        text = metrics.elidedText(self._text, Qt.TextElideMode.ElideMiddle, int(pill.width()) - 24)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
