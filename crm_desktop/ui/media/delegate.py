"""Painting for the media views: file tiles in the icon view, middle-elided names in the table.

A tile shows the thumbnail of an image (when its file is synced locally), or a neutral card
with the type's line icon and the file's extension; below it the name on up to two lines.
Colours come from the palette, so tiles read well in light and dark colour schemes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPainterPath, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from crm_desktop.ui.media.model import MediaRole

Index = QModelIndex | QPersistentModelIndex

PADDING = 6
RADIUS = 6.0
TYPE_ICON = 36
TEXT_LINES = 2


def name_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """``text`` on at most two lines of ``width``: broken after a separator where possible,
    and the rest elided in the middle, so that the extension stays visible."""
    if metrics.horizontalAdvance(text) <= width:
        return [text]
    fit = 1
    while fit < len(text) and metrics.horizontalAdvance(text[: fit + 1]) <= width:
        fit += 1
    # Prefer a break after "-", "_", " " or "." in the second half of the line.
    breaks = [i + 1 for i, c in enumerate(text[:fit]) if c in "-_ ." and i + 1 > fit // 2]
    cut = breaks[-1] if breaks else fit
    rest = metrics.elidedText(text[cut:], Qt.TextElideMode.ElideMiddle, width)
    return [text[:cut], rest][:TEXT_LINES]


class TileDelegate(QStyledItemDelegate):
    """A file tile of ``tile`` size with a square picture area of ``picture`` pixels."""

    def __init__(self, tile: QSize, picture: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tile = tile
        self._picture = picture

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self._tile

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        tile = QRectF(option.rect).adjusted(2, 2, -2, -2)
        self._paint_background(painter, option, tile)
        picture = QRect(
            int(tile.center().x() - self._picture / 2),
            int(tile.top() + PADDING),
            self._picture,
            self._picture,
        )
        thumbnail = index.data(MediaRole.Thumbnail)
        if isinstance(thumbnail, QPixmap) and not thumbnail.isNull():
            self._paint_thumbnail(painter, picture, thumbnail, palette)
        else:
            self._paint_card(painter, picture, index, palette)
        text_rect = QRect(
            int(tile.left() + PADDING // 2),
            picture.bottom() + PADDING,
            int(tile.width() - PADDING),
            int(tile.bottom() - picture.bottom() - PADDING),
        )
        self._paint_name(painter, option, text_rect, str(index.data() or ""))
        painter.restore()

    def _paint_background(
        self, painter: QPainter, option: QStyleOptionViewItem, tile: QRectF
    ) -> None:
        palette = option.palette
        state = option.state
        highlight = palette.color(QPalette.ColorRole.Highlight)
        fill: QColor | None = None
        if state & QStyle.StateFlag.State_Selected:
            fill = QColor(highlight)
            fill.setAlpha(70)
        elif state & QStyle.StateFlag.State_MouseOver:
            fill = QColor(palette.color(QPalette.ColorRole.Mid))
            fill.setAlpha(45)
        if fill is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(tile, RADIUS, RADIUS)
        if state & QStyle.StateFlag.State_HasFocus:
            # The keyboard's place, also when it is not selected.
            painter.setPen(highlight)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tile.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)

    def _paint_thumbnail(
        self, painter: QPainter, area: QRect, pixmap: QPixmap, palette: QPalette
    ) -> None:
        size = pixmap.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(area.center())
        path = QPainterPath()
        path.addRoundedRect(QRectF(target), 4, 4)
        painter.save()
        painter.setClipPath(path)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, pixmap)
        painter.restore()
        border = QColor(palette.color(QPalette.ColorRole.Shadow))
        border.setAlpha(60)
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _paint_card(self, painter: QPainter, area: QRect, index: Index, palette: QPalette) -> None:
        card = QRectF(area).adjusted(8, 2, -8, -2)
        painter.setPen(QColor(palette.color(QPalette.ColorRole.Mid)))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(card, RADIUS, RADIUS)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        icon_rect = QRect(0, 0, TYPE_ICON, TYPE_ICON)
        icon_rect.moveCenter(card.center().toPoint())
        icon_rect.moveTop(int(card.top() + 10))
        if isinstance(icon, QIcon):
            icon.paint(painter, icon_rect)
        extension = str(index.data(MediaRole.Extension) or "")
        if extension:
            font = painter.font()
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            label = QRectF(card.left(), icon_rect.bottom() + 2, card.width(), card.bottom() - 2)
            label.setBottom(card.bottom() - 2)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, extension
            )

    def _paint_name(
        self, painter: QPainter, option: QStyleOptionViewItem, area: QRect, name: str
    ) -> None:
        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        top = area.top()
        for line in name_lines(name, metrics, area.width()):
            painter.drawText(
                QRect(area.left(), top, area.width(), metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                line,
            )
            top += metrics.height()
