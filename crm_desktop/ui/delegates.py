"""Item delegates that more than one list uses."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex

TEXT_MARGIN = 2  # as the style keeps text off a cell's edges


class MiddleElideDelegate(QStyledItemDelegate):
    """For file names in a table: elided in the middle, keeping the extension."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class TwoLineDelegate(QStyledItemDelegate):
    """A cell of two lines: the display text, and below it, quieter, the text of
    ``detail_role`` ("ACME GmbH" over "Bäckerei Hoffmann · info@acme.example"). Both are
    elided at the cell's width; the model's tooltip gives them whole. The row height is
    the view's (``two_line_height()``)."""

    def __init__(self, detail_role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._detail_role = detail_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(TEXT_MARGIN, 0, -TEXT_MARGIN, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = opt.palette.color(group, role)
        background = opt.palette.color(
            group, QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        )
        muted = QColor.fromRgbF(
            text_color.redF() * 0.62 + background.redF() * 0.38,
            text_color.greenF() * 0.62 + background.greenF() * 0.38,
            text_color.blueF() * 0.62 + background.blueF() * 0.38,
        )
        metrics = opt.fontMetrics
        line = metrics.lineSpacing()
        detail = str(index.data(self._detail_role) or "")
        top = rect.top() + max(0, (rect.height() - (2 * line if detail else line)) // 2)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(text_color)
        first = QRect(rect.left(), top, rect.width(), line)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(first, flags, metrics.elidedText(title, opt.textElideMode, rect.width()))
        if detail:
            painter.setPen(muted)
            second = first.translated(0, line)
            painter.drawText(
                second, flags, metrics.elidedText(detail, Qt.TextElideMode.ElideRight, rect.width())
            )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), two_line_height(option.fontMetrics)))


def two_line_height(metrics: QFontMetrics) -> int:
    """The height of a row that shows two lines of text (TwoLineDelegate)."""
    return 2 * metrics.lineSpacing() + 10
