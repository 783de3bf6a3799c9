"""Paints one timeline entry: type badge, subject and time, direction, body preview, attachments.

Every entry has the same height (the attachment line is always reserved), so the view can
use uniform item sizes and never measures rows: a timeline of 20,000 entries scrolls as fast
as one of twenty. Colours come from the palette only, so light and dark schemes both work.

Painting is the larger part of showing a timeline, so what does not change from entry to
entry (fonts and their metrics, colours, the type badges, tinted icons) is made once and
kept, and text is measured as little as the layout needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from crm_desktop.service import TimelineEntry
from crm_desktop.ui import icons
from crm_desktop.ui.labels import after_first_line, first_line
from crm_desktop.ui.timeline.model import TimelineModel, TimelineRole

Index = QModelIndex | QPersistentModelIndex

PADDING = 10  # around an entry
BADGE = 34  # diameter of the type circle
BADGE_ICON = 18
GAP = 12  # between the badge and the text
LINE_GAP = 3
SMALL_ICON = 14
BODY_LINES = 2
MIN_WIDTH = 240
SEPARATOR = " · "


def mix(color: QColor, other: QColor, amount: float) -> QColor:
    """``color`` moved ``amount`` (0..1) of the way towards ``other``: muted text, lines."""
    return QColor.fromRgbF(
        color.redF() + (other.redF() - color.redF()) * amount,
        color.greenF() + (other.greenF() - color.greenF()) * amount,
        color.blueF() + (other.blueF() - color.blueF()) * amount,
    )


@dataclass(frozen=True)
class Colors:
    """The colours of one entry, from the palette, for its state (selected or not)."""

    text: QColor
    muted: QColor
    line: QColor
    background: QColor
    selected: bool

    @classmethod
    def of(cls, option: QStyleOptionViewItem) -> Colors:
        """The colours for the option's palette and state (kept: they repeat on every entry)."""
        state = option.state
        key = (
            option.palette.cacheKey(),
            bool(state & QStyle.StateFlag.State_Enabled),
            bool(state & QStyle.StateFlag.State_Active),
            bool(state & QStyle.StateFlag.State_Selected),
        )
        colors = _colors.get(key)
        if colors is None:
            if len(_colors) > 64:  # a few palettes and states; never grows with the data
                _colors.clear()
            colors = _colors[key] = cls._of(option)
        return colors

    @classmethod
    def _of(cls, option: QStyleOptionViewItem) -> Colors:
        palette = option.palette
        state = option.state
        if not state & QStyle.StateFlag.State_Enabled:
            group = QPalette.ColorGroup.Disabled
        elif state & QStyle.StateFlag.State_Active:
            group = QPalette.ColorGroup.Active
        else:
            group = QPalette.ColorGroup.Inactive
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            text = palette.color(group, QPalette.ColorRole.HighlightedText)
            background = palette.color(group, QPalette.ColorRole.Highlight)
        else:
            text = palette.color(group, QPalette.ColorRole.Text)
            background = palette.color(group, QPalette.ColorRole.Base)
        return cls(
            text=text,
            muted=mix(text, background, 0.38 if not selected else 0.2),
            line=mix(text, background, 0.88),
            background=palette.color(group, QPalette.ColorRole.Base),
            selected=selected,
        )


@dataclass(frozen=True)
class Fonts:
    """The fonts of an entry and the height that follows from them, for one view font."""

    title: QFont
    meta: QFont
    body: QFont
    title_height: int
    meta_height: int
    body_line: int
    untitled: QFont  # the title of an entry without a subject: italic
    title_metrics: QFontMetrics
    untitled_metrics: QFontMetrics
    meta_metrics: QFontMetrics
    body_metrics: QFontMetrics

    @classmethod
    def for_font(cls, font: QFont) -> Fonts:
        title = QFont(font)
        title.setBold(True)
        meta = QFont(font)
        if font.pointSizeF() > 0:
            meta.setPointSizeF(font.pointSizeF() * 0.9)
        elif font.pixelSize() > 0:
            meta.setPixelSize(max(8, round(font.pixelSize() * 0.9)))
        untitled = QFont(title)
        untitled.setItalic(True)
        return cls(
            title=title,
            meta=meta,
            body=QFont(font),
            title_height=QFontMetrics(title).height(),
            meta_height=max(QFontMetrics(meta).height(), SMALL_ICON),
            body_line=QFontMetrics(font).lineSpacing(),
            untitled=untitled,
            title_metrics=QFontMetrics(title),
            untitled_metrics=QFontMetrics(untitled),
            meta_metrics=QFontMetrics(meta),
            body_metrics=QFontMetrics(font),
        )

    @property
    def height(self) -> int:
        return (
            PADDING
            + self.title_height
            + LINE_GAP
            + self.meta_height
            + LINE_GAP * 2
            + self.body_line * BODY_LINES
            + LINE_GAP
            + self.meta_height
            + PADDING
        )


def preview_lines(text: str, metrics: QFontMetrics, width: int, count: int) -> list[str]:
    """The first ``count`` lines of ``text`` wrapped at ``width`` pixels; the last is elided.

    Blank lines are skipped: a preview shows words, not an e-mail's empty lines. Each line
    takes as many words as fit (at least one); the widest run that fits is found by halving,
    so a line costs a few measurements rather than one per word.
    """
    tokens: list[str | None] = []  # words, None where a paragraph ends
    for paragraph in text.splitlines():
        words = paragraph.split()
        if words:
            if tokens:
                tokens.append(None)
            tokens.extend(words)
    lines: list[str] = []
    position = 0
    while position < len(tokens) and len(lines) < count - 1:
        if tokens[position] is None:
            position += 1
            continue
        end = position
        while end < len(tokens) and tokens[end] is not None:
            end += 1
        words = [token for token in tokens[position:end] if token is not None]
        taken = _words_that_fit(words, metrics, width)
        if taken == len(words) and end == len(tokens):
            break  # the last words fit on one line: they are the rest
        lines.append(" ".join(words[:taken]))
        position += taken
    # The last line takes whatever is left, elided at the width.
    rest = [token for token in tokens[position:] if token is not None]
    if rest:
        lines.append(" ".join(rest))
    return [_elided(line, metrics, width) for line in lines]


def _words_that_fit(words: list[str], metrics: QFontMetrics, width: int) -> int:
    """How many of ``words`` (at least one) fit on a line of ``width`` pixels.

    The first guess comes from the font's average character width; measuring then walks
    from there (widths only grow as words are added), so a line costs two or three
    measurements of about a line of text, not one of the whole paragraph per word.
    """

    def fits(count: int) -> bool:
        return count <= 1 or metrics.horizontalAdvance(" ".join(words[:count])) <= width

    characters = width // max(1, metrics.averageCharWidth())
    guess, length = 0, -1
    while guess < len(words) and length + 1 + len(words[guess]) <= characters:
        length += 1 + len(words[guess])
        guess += 1
    guess = max(1, guess)
    if fits(guess):
        while guess < len(words) and fits(guess + 1):
            guess += 1
        return guess
    while not fits(guess - 1):
        guess -= 1
    return guess - 1


def _elided(line: str, metrics: QFontMetrics, width: int) -> str:
    """``line`` elided at ``width``. A long line is cut short first (to about twice what
    fits), so that a 400-character body is not shaped to show forty characters of it."""
    cut = 2 * width // max(1, metrics.averageCharWidth()) + 8
    if len(line) > cut:
        short = metrics.elidedText(line[:cut], Qt.TextElideMode.ElideRight, width)
        if short.endswith("…"):
            return short
    return metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)


class EntryTexts(NamedTuple):
    """The words of one entry, as the model's roles give them."""

    subject: str
    when: str
    direction: str
    type: str


def entry_texts(index: Index, entry: TimelineEntry) -> EntryTexts:
    model = index.model()
    if isinstance(model, TimelineModel):  # straight from the model: no role round trips
        return EntryTexts(*model.texts(entry))
    return EntryTexts(
        str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
        str(index.data(TimelineRole.When) or ""),
        str(index.data(TimelineRole.DirectionLabel) or ""),
        str(index.data(TimelineRole.TypeLabel) or ""),
    )


class TimelineDelegate(QStyledItemDelegate):
    """Draws entries from TimelineRole data with small helpers, one per part of the entry."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, Fonts] = {}

    def fonts(self, font: QFont) -> Fonts:
        key = font.key()
        if key not in self._fonts:
            self._fonts[key] = Fonts.for_font(font)
        return self._fonts[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # The same for every entry: the view lays out 20,000 rows without asking each one.
        return QSize(MIN_WIDTH, self.fonts(option.font).height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        painter.save()
        try:
            # Selection and hover exactly as the style draws them. The view's option carries
            # the state already; initStyleOption() would only add the text and icon roles,
            # which this delegate draws itself (and the app's style selects whole rows).
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
            entry = index.data(TimelineRole.Entry)
            if isinstance(entry, TimelineEntry):
                self._paint_entry(painter, option, entry_texts(index, entry), entry)
        finally:
            painter.restore()

    def _paint_entry(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        texts: EntryTexts,
        entry: TimelineEntry,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fonts = self.fonts(opt.font)
        colors = Colors.of(opt)
        box = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        draw_badge(painter, QRect(box.left(), box.top(), BADGE, BADGE), entry.type, colors)
        left = box.left() + BADGE + GAP
        width = max(0, box.right() - left + 1)
        top = box.top()
        title = QRect(left, top, width, fonts.title_height)
        # Without a subject the first line of the text is the heading (an SMS, a chat
        # message, a call's note): the preview goes on after it rather than repeat it.
        preview = entry.body_preview or ""
        worded = bool(entry.subject) or bool(first_line(preview))
        if not entry.subject:
            preview = after_first_line(preview)
        draw_title(
            painter,
            title,
            fonts,
            colors,
            subject=texts.subject,
            has_subject=worded,
            when=texts.when,
            has_problems=bool(entry.problems),
        )
        top = title.bottom() + 1 + LINE_GAP
        meta = QRect(left, top, width, fonts.meta_height)
        draw_meta(
            painter,
            meta,
            fonts,
            colors,
            direction=entry.direction,
            parts=[texts.direction, texts.type, logged_by_text(entry.logged_by)],
        )
        top = meta.bottom() + 1 + LINE_GAP * 2
        body = QRect(left, top, width, fonts.body_line * BODY_LINES)
        draw_body(painter, body, fonts, colors, preview)
        top = body.bottom() + 1 + LINE_GAP
        if entry.attachments:
            names = ", ".join(attachment.filename for attachment in entry.attachments)
            draw_attachments(
                painter, QRect(left, top, width, fonts.meta_height), fonts, colors, names
            )
        draw_separator(painter, opt.rect, colors)


def logged_by_text(name: str | None) -> str:
    if not name:
        return ""
    return QApplication.translate("TimelineDelegate", "logged by {name}").format(name=name)


# --- drawing helpers ------------------------------------------------------------------------

# What repeats on every entry, made once: a handful of icons, colours and types, so these
# never grow with the data (each is emptied past a bound all the same).
_colors: dict[tuple[int, bool, bool, bool], Colors] = {}
_tinted: dict[tuple[str, int, int, float], QPixmap] = {}
_badges: dict[tuple[str, int, float], QPixmap] = {}


def _ratio(painter: QPainter) -> float:
    device = painter.device()
    return device.devicePixelRatioF() if device is not None else 1.0


def tinted_pixmap(name: str, icon: QIcon, size: int, color: QColor, ratio: float) -> QPixmap:
    """The icon's shape filled with ``color``: icons follow the text they stand beside."""
    key = (name, size, color.rgba(), ratio)
    pixmap = _tinted.get(key)
    if pixmap is None:
        if len(_tinted) > 256:
            _tinted.clear()
        pixmap = QPixmap(icon.pixmap(QSize(size, size), ratio))
        tint = QPainter(pixmap)
        tint.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        tint.fillRect(pixmap.rect(), color)
        tint.end()
        _tinted[key] = pixmap
    return pixmap


def draw_icon(painter: QPainter, name: str, icon: QIcon | None, rect: QRect, color: QColor) -> None:
    """A small icon centred in ``rect``, in ``color`` (``icon`` is made only when not kept)."""
    size = min(SMALL_ICON, rect.width(), rect.height())
    if size <= 0:
        return
    ratio = _ratio(painter)
    pixmap = _tinted.get((name, size, color.rgba(), ratio))
    if pixmap is None:
        pixmap = tinted_pixmap(name, icon or _named_icon(name), size, color, ratio)
    target = QRect(0, 0, size, size)
    target.moveCenter(rect.center())
    painter.drawPixmap(target, pixmap)


def _named_icon(name: str) -> QIcon:
    kind, _, value = name.partition(":")
    return icons.direction_icon(value) if kind == "direction" else icons.icon(value)


def draw_badge(painter: QPainter, rect: QRect, comm_type: str, colors: Colors) -> None:
    """A circle tinted with the type's colour, its icon inside (readable on any selection)."""
    ratio = _ratio(painter)
    key = (comm_type, colors.background.rgba(), ratio)
    badge = _badges.get(key)
    if badge is None:
        if len(_badges) > 64:
            _badges.clear()
        badge = _badges[key] = _badge(comm_type, colors.background, ratio)
    painter.drawPixmap(rect.topLeft(), badge)


def _badge(comm_type: str, background: QColor, ratio: float) -> QPixmap:
    pixmap = QPixmap(QSize(round(BADGE * ratio), round(BADGE * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRect(0, 0, BADGE, BADGE)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(background)
    painter.drawEllipse(rect)
    tint = QColor(icons.comm_type_color(comm_type))
    tint.setAlphaF(0.16)
    painter.setBrush(tint)
    painter.drawEllipse(rect)
    icon_rect = QRect(0, 0, BADGE_ICON, BADGE_ICON)
    icon_rect.moveCenter(rect.center())
    icons.comm_type_icon(comm_type).paint(painter, icon_rect, Qt.AlignmentFlag.AlignCenter)
    painter.end()
    return pixmap


def draw_title(
    painter: QPainter,
    rect: QRect,
    fonts: Fonts,
    colors: Colors,
    *,
    subject: str,
    has_subject: bool,
    when: str,
    has_problems: bool,
) -> None:
    """The subject in bold, elided; the time on the right; a warning if the row does not fit."""
    painter.setFont(fonts.meta)
    painter.setPen(colors.muted)
    when_width = fonts.meta_metrics.horizontalAdvance(when)
    painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when)
    right = rect.right() - when_width - (GAP if when else 0)
    if has_problems:
        marker = QRect(0, 0, SMALL_ICON, SMALL_ICON)
        marker.moveCenter(rect.center())
        marker.moveRight(right)
        draw_icon(painter, "icon:warning", None, marker, colors.text)
        right = marker.left() - LINE_GAP * 2
    painter.setFont(fonts.title if has_subject else fonts.untitled)
    painter.setPen(colors.text if has_subject else colors.muted)
    metrics = fonts.title_metrics if has_subject else fonts.untitled_metrics
    space = QRect(rect.left(), rect.top(), max(0, right - rect.left()), rect.height())
    text = _elided(subject, metrics, space.width())
    painter.drawText(space, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def draw_meta(
    painter: QPainter, rect: QRect, fonts: Fonts, colors: Colors, direction: str, parts: list[str]
) -> None:
    """The direction's arrow, then "Inbound · E-mail · logged by anna"."""
    arrow = QRect(rect.left(), rect.top(), SMALL_ICON, rect.height())
    draw_icon(painter, f"direction:{direction}", None, arrow, colors.muted)
    text_rect = rect.adjusted(SMALL_ICON + LINE_GAP * 2, 0, 0, 0)
    draw_line(
        painter,
        text_rect,
        fonts.meta,
        fonts.meta_metrics,
        colors.muted,
        SEPARATOR.join(p for p in parts if p),
    )


def draw_body(painter: QPainter, rect: QRect, fonts: Fonts, colors: Colors, text: str) -> None:
    painter.setFont(fonts.body)
    painter.setPen(colors.muted)
    lines = preview_lines(text, fonts.body_metrics, rect.width(), BODY_LINES)
    for number, line in enumerate(lines):
        line_rect = QRect(
            rect.left(), rect.top() + number * fonts.body_line, rect.width(), fonts.body_line
        )
        painter.drawText(
            line_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line
        )


def draw_attachments(
    painter: QPainter, rect: QRect, fonts: Fonts, colors: Colors, names: str
) -> None:
    clip = QRect(rect.left(), rect.top(), SMALL_ICON, rect.height())
    draw_icon(painter, "icon:attachment", None, clip, colors.muted)
    draw_line(
        painter,
        rect.adjusted(SMALL_ICON + LINE_GAP * 2, 0, 0, 0),
        fonts.meta,
        fonts.meta_metrics,
        colors.muted,
        names,
    )


def draw_line(
    painter: QPainter,
    rect: QRect,
    font: QFont,
    metrics: QFontMetrics,
    color: QColor,
    text: str,
) -> None:
    """One line of text, elided to fit."""
    painter.setFont(font)
    painter.setPen(color)
    elided = _elided(text, metrics, rect.width())
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)


def draw_separator(painter: QPainter, rect: QRect, colors: Colors) -> None:
    """A hairline between entries, indented like the text so the badges stand out."""
    if colors.selected:
        return
    painter.setPen(colors.line)
    y = rect.bottom()
    painter.drawLine(rect.left() + PADDING + BADGE + GAP, y, rect.right() - PADDING, y)
