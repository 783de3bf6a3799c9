"""Paints a search hit: its kind's icon, the title and below it the snippet, the matching
words in bold, whose it is and when on the right; and the headings between the kinds.

The texts are drawn as plain text, piece by piece (never as rich text): a subject or a
body is data, and whatever markup it holds is shown as the characters it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from crm_desktop.models import SearchHit
from crm_desktop.ui.search.model import SearchRole
from crm_desktop.ui.timeline.delegate import mix

Index = QModelIndex | QPersistentModelIndex
Spans = Sequence[tuple[int, int]]

PADDING = 6
ICON = 16
GAP = 8
LINE_GAP = 2
HEADING_TOP = 6


def pieces(text: str, spans: Spans) -> Iterator[tuple[str, bool]]:
    """``text`` cut into runs, each with whether it is a match (the spans, in order)."""
    position = 0
    for start, end in sorted(spans):
        start, end = max(start, position), min(end, len(text))
        if start >= end:
            continue
        if start > position:
            yield text[position:start], False
        yield text[start:end], True
        position = end
    if position < len(text):
        yield text[position:], False


def draw_marked(
    painter: QPainter,
    rect: QRect,
    text: str,
    spans: Spans,
    fonts: tuple[QFont, QFont],
    colors: tuple[QColor, QColor],
) -> None:
    """``text`` on one line in ``rect``, the spans in the second font and colour, elided
    with "…" where it does not fit."""
    x, right = rect.left(), rect.right() + 1
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
    for piece, marked in pieces(text, spans):
        font, color = fonts[marked], colors[marked]
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(piece)
        if x + width > right:
            piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, max(0, right - x))
            if not piece:
                piece = "…"
            width = right - x
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(QRect(x, rect.top(), max(0, width), rect.height()), flags, piece)
        x += width
        if x >= right:
            break


class SearchHitDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        """The normal font, a bold one for matches, and a smaller one for the details."""
        normal = QFont(option.font)
        strong = QFont(normal)
        strong.setBold(True)
        small = QFont(normal)
        if normal.pointSizeF() > 0:
            small.setPointSizeF(normal.pointSizeF() * 0.9)
        return normal, strong, small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        normal, _strong, small = self._fonts(option)
        line = QFontMetrics(normal).height()
        if index.data(SearchRole.IsHeading):
            return QSize(200, HEADING_TOP + QFontMetrics(small).height() + PADDING // 2)
        return QSize(200, PADDING * 2 + line * 2 + LINE_GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        painter.save()
        try:
            if index.data(SearchRole.IsHeading):
                self._paint_heading(painter, view_option, str(index.data() or ""))
            else:
                hit = index.data(SearchRole.Hit)
                if isinstance(hit, SearchHit):
                    self._paint_hit(painter, view_option, index, hit)
        finally:
            painter.restore()

    def _paint_heading(self, painter: QPainter, option: QStyleOptionViewItem, title: str) -> None:
        _normal, _strong, small = self._fonts(option)
        small.setBold(True)
        palette = option.palette
        role = QPalette.ColorRole
        muted = mix(palette.color(role.Text), palette.color(role.Base), 0.45)
        rect = option.rect.adjusted(PADDING, HEADING_TOP, -PADDING, 0)
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)

    def _paint_hit(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index, hit: SearchHit
    ) -> None:
        style = option.widget.style() if option.widget is not None else QApplication.style()
        # The background as the style paints an item (hover, selection), without its text.
        background = QStyleOptionViewItem(option)
        background.text = ""
        background.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)

        normal, strong, small = self._fonts(option)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        base = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        muted = mix(text, base, 0.3 if selected else 0.4)
        line = QFontMetrics(normal).height()
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)

        icon_rect = QRect(rect.left(), rect.top() + (line - ICON) // 2, ICON, ICON)
        option.icon.paint(painter, icon_rect)
        left = rect.left() + ICON + GAP

        details = str(index.data(SearchRole.Details) or "")
        details_width = 0
        if details:
            metrics = QFontMetrics(small)
            details_width = min(metrics.horizontalAdvance(details) + 2, rect.width() // 2)
            details = metrics.elidedText(details, Qt.TextElideMode.ElideLeft, details_width)
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(
                QRect(rect.right() - details_width + 1, rect.top(), details_width, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                details,
            )
        title_rect = QRect(left, rect.top(), rect.right() - left - details_width - GAP, line)
        fonts = (normal, strong)
        draw_marked(painter, title_rect, hit.title, hit.title_matches, fonts, (text, text))
        snippet_rect = QRect(left, rect.top() + line + LINE_GAP, rect.right() - left + 1, line)
        snippet, spans = index.data(SearchRole.Snippet) or (hit.snippet, hit.snippet_matches)
        draw_marked(painter, snippet_rect, snippet, spans, fonts, (muted, text))
