"""A dossier drawn on pages: a PDF with real text (QPdfWriter), or a printer (QPrinter).

Only QtGui: a QTextDocument lays out a batch of entries at a time (so memory stays bounded
however long the history), and the batch is cut into pages between its lines, never
through one. An entry's heading never stays alone at the foot of a page. The fonts are
DejaVu Sans where it is installed (it covers Latin, Greek and Cyrillic; the Debian package
depends on it), then the system's usual sans-serif fonts; Qt falls back per character for
anything else and embeds what it used in the PDF, as searchable, selectable text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from crm_desktop import APP_DISPLAY_NAME
from crm_desktop.errors import Cancelled
from crm_desktop.i18n import translate
from crm_desktop.models import CommInDB, CustomerInDB, MediaInDB
from crm_desktop.ui.dossier import text
from crm_desktop.ui.dossier.text import Dossier

FONT_FAMILIES = [
    "DejaVu Sans",
    "Noto Sans",
    "Segoe UI",
    "Arial",
    "Helvetica",
    # Emoji in outline (a PDF cannot show the bitmaps of colour emoji fonts).
    "Symbola",
    "Noto Emoji",
    "Segoe UI Symbol",
]
BODY_POINTS = 9.5
MARGIN_MM = 16.0
RESOLUTION_DPI = 300
# A batch: this many entries, or this many characters of text, laid out at once.
BATCH_ENTRIES = 40
BATCH_CHARACTERS = 60_000
# An entry's heading is kept with at least this many lines of what follows it.
KEEP_LINES = 3

_HAIR = 0.25  # device pixels
_LINE_SEPARATOR = "\u2028"  # a line break inside a paragraph (card values keep their indent)
_MUTED = QColor("#505a66")
_BAND = QColor("#e8edf3")
_RULE = QColor("#9aa5b1")

Progress = Callable[[int, int], None]


def page_size(locale: QLocale | None = None) -> QPageSize:
    """Letter in North America, A4 everywhere else."""
    country = (locale or QLocale()).territory()
    letter = {QLocale.Country.UnitedStates, QLocale.Country.Canada}
    return QPageSize(QPageSize.PageSizeId.Letter if country in letter else QPageSize.PageSizeId.A4)


def base_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(BODY_POINTS)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # No ligatures: a PDF reader would give "ﬁ" (one character) for "fi" when text is
    # copied or searched.
    for feature in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


class _Formats:
    """The document's formats. Qt scales top and bottom margins and tab stops from 96-dpi
    pixels to the device, but takes left margins and indents in device pixels (measured);
    ``unit`` is one 96-dpi pixel in device pixels."""

    def __init__(self, width: float, unit: float, label_width: float) -> None:
        width /= unit
        self.plain = QTextCharFormat()
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.muted = QTextCharFormat()
        self.muted.setForeground(_MUTED)
        self.small_muted = QTextCharFormat(self.muted)
        self.small_muted.setFontPointSize(BODY_POINTS * 0.85)
        self.italic_muted = QTextCharFormat(self.muted)
        self.italic_muted.setFontItalic(True)
        self.title = QTextCharFormat()
        self.title.setFontPointSize(BODY_POINTS * 2)
        self.title.setFontWeight(QFont.Weight.Bold)
        self.subtitle = QTextCharFormat()
        self.subtitle.setFontPointSize(BODY_POINTS * 1.3)
        self.heading = QTextCharFormat()
        self.heading.setFontPointSize(BODY_POINTS * 1.45)
        self.heading.setFontWeight(QFont.Weight.Bold)
        self.subject = QTextCharFormat(self.bold)
        self.subject.setFontPointSize(BODY_POINTS * 1.08)

        self.paragraph = QTextBlockFormat()
        self.entry_head = QTextBlockFormat()
        self.entry_head.setBackground(_BAND)
        self.entry_head.setTopMargin(BODY_POINTS * 1.6)
        self.entry_head.setBottomMargin(BODY_POINTS * 0.3)
        self.entry_head.setTabPositions([QTextOption.Tab(width, QTextOption.TabType.RightTab)])
        self.section = QTextBlockFormat()
        self.section.setTopMargin(BODY_POINTS * 2.2)
        self.section.setBottomMargin(BODY_POINTS * 0.4)
        self.section.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 1)
        self.after = QTextBlockFormat()
        self.after.setTopMargin(BODY_POINTS * 0.3)
        self.media = QTextBlockFormat()
        self.media.setTopMargin(BODY_POINTS * 0.7)
        self.media.setTabPositions([QTextOption.Tab(width, QTextOption.TabType.RightTab)])
        self.field = QTextBlockFormat()
        self.field.setLeftMargin(label_width)  # continued lines of a value start there
        self.field.setTextIndent(-label_width)
        tab = QTextOption.Tab(label_width / unit, QTextOption.TabType.LeftTab)
        self.field.setTabPositions([tab])
        self.field.setTopMargin(BODY_POINTS * 0.2)


class _Batch:
    """A QTextDocument for a run of blocks, with where each entry starts."""

    def __init__(self, device: QPagedPaintDevice, width: float, formats: _Formats) -> None:
        self.document = QTextDocument()
        self.document.setUndoRedoEnabled(False)
        self.document.setDocumentMargin(0)
        self.document.setDefaultFont(base_font())
        self.document.documentLayout().setPaintDevice(device)
        self.document.setTextWidth(width)
        self.cursor = QTextCursor(self.document)
        # One layout for the whole batch when it is done (see finish()), not one per insert.
        self.cursor.beginEditBlock()
        self.formats = formats
        self.marks: list[QTextBlock] = []  # where each entry starts (its heading)
        self.characters = 0
        self._first = True

    def block(self, fmt: QTextBlockFormat, *runs: tuple[str, QTextCharFormat]) -> QTextBlock:
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self._first = False
        else:
            self.cursor.insertBlock(fmt)
        for run, char_format in runs:
            self.cursor.insertText(run, char_format)
            self.characters += len(run)
        return self.cursor.block()

    def paragraphs(self, fmt: QTextBlockFormat, body: str, char_format: QTextCharFormat) -> None:
        for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            self.block(fmt, (line, char_format))

    def finish(self) -> QTextDocument:
        self.cursor.endEditBlock()
        return self.document

    def mark(self, block: QTextBlock) -> None:
        self.marks.append(block)


class DossierPainter:
    """Draws a dossier, page after page, on a QPdfWriter or a QPrinter."""

    def __init__(self, device: QPagedPaintDevice, dossier: Dossier) -> None:
        self.device = device
        self.dossier = dossier
        rect = device.pageLayout().paintRectPixels(device.logicalDpiY())
        points = device.logicalDpiY() / 72.0
        self.footer_height = BODY_POINTS * 2.6 * points
        self.width = float(rect.width())
        self.body_height = float(rect.height()) - self.footer_height
        unit = device.logicalDpiY() / 96.0
        metrics = QFontMetricsF(base_font(), device)
        labels = [label for label, _value in _card_fields(dossier.customer)]
        label_width = max((metrics.horizontalAdvance(label) for label in labels), default=0)
        self.formats = _Formats(self.width - unit, unit, label_width + 12 * points)
        self.painter = QPainter()
        self.page = 0
        self.y = 0.0  # where the next slice goes on the current page

    # --- the whole run --------------------------------------------------------------------

    def run(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> int:
        """Draw everything; returns the number of pages. Cancelled when ``cancelled()``."""
        if not self.painter.begin(self.device):
            raise OSError(
                translate("Dossier", "The pages cannot be drawn (is the file or printer writable?)")
            )
        try:
            self._start_page()
            batch = self._new_batch()
            self._card(batch)
            done, total = 0, self.dossier.comm_count + self.dossier.media_count
            for comm in self.dossier.comms():
                self._entry(batch, comm)
                done += 1
                if self._full(batch):
                    self._flush(batch)
                    batch = self._new_batch()
                    if cancelled is not None and cancelled():
                        raise Cancelled(
                            translate("Dossier", "The export was cancelled; no file was written.")
                        )
                    if progress is not None:
                        progress(done, total)
            self._media_heading(batch)
            for media in self.dossier.media():
                self._media(batch, media)
                done += 1
                if self._full(batch):
                    self._flush(batch)
                    batch = self._new_batch()
                    if cancelled is not None and cancelled():
                        raise Cancelled(
                            translate("Dossier", "The export was cancelled; no file was written.")
                        )
                    if progress is not None:
                        progress(done, total)
            self._flush(batch)
            if progress is not None:
                progress(total, total)
        finally:
            self.painter.end()
        return self.page

    def _new_batch(self) -> _Batch:
        return _Batch(self.device, self.width, self.formats)

    @staticmethod
    def _full(batch: _Batch) -> bool:
        return len(batch.marks) >= BATCH_ENTRIES or batch.characters >= BATCH_CHARACTERS

    # --- content --------------------------------------------------------------------------

    def _card(self, batch: _Batch) -> None:
        f, customer = self.formats, self.dossier.customer
        batch.block(f.paragraph, (customer.name, f.title))
        if customer.organization:
            batch.block(f.paragraph, (customer.organization, f.subtitle))
        first = True
        for label, value in _card_fields(customer):
            fmt = QTextBlockFormat(f.field)
            if first:
                fmt.setTopMargin(BODY_POINTS * 1.2)
                first = False
            shown = value.replace("\r\n", "\n").replace("\n", _LINE_SEPARATOR)
            batch.block(fmt, (label, f.muted), ("\t", f.plain), (shown, f.plain))
        self._summary(batch)

    def _summary(self, batch: _Batch) -> None:
        f, dossier = self.formats, self.dossier
        order = (
            translate("Dossier", "oldest first")
            if dossier.request.oldest_first
            else translate("Dossier", "newest first")
        )
        heading = translate("Dossier", "Communications ({count}, {order})").format(
            count=QLocale().toString(dossier.comm_count), order=order
        )
        batch.block(f.section, (heading, f.heading))
        notes = [
            translate("Dossier", "Times in local time, {zone}.").format(zone=text.time_zone()),
        ]
        if text.has_filters(dossier.request.filters):
            notes.append(
                translate(
                    "Dossier",
                    "Only those the timeline's filters show ({filters}): {count} of {total}.",
                ).format(
                    filters=text.filter_description(dossier.request.filters),
                    count=QLocale().toString(dossier.comm_count),
                    total=QLocale().toString(dossier.comm_total),
                )
            )
        batch.block(f.after, (" ".join(notes), f.muted))
        if dossier.comm_count == 0:
            batch.block(f.after, (translate("Dossier", "No communications."), f.italic_muted))

    def _entry(self, batch: _Batch, comm: CommInDB) -> None:
        f = self.formats
        heading = " · ".join(
            part
            for part in (text.moment(comm.occurred_at), text.kind(comm), text.direction(comm))
            if part
        )
        runs: list[tuple[str, QTextCharFormat]] = [(heading, f.bold)]
        if comm.logged_by:
            runs += [
                ("\t", f.plain),
                (translate("Dossier", "logged by {name}").format(name=comm.logged_by), f.muted),
            ]
        batch.mark(batch.block(f.entry_head, *runs))
        if comm.subject:
            batch.block(f.after, (comm.subject, f.subject))
        if comm.body:
            batch.paragraphs(f.paragraph, comm.body, f.plain)
        names = text.attachment_names(comm)
        if names:
            label = translate("Dossier", "Attachments: {names}").format(names=", ".join(names))
            batch.block(f.after, (label, f.italic_muted))
        if comm.problems:
            note = translate("Dossier", "Stored as another program wrote it: {problems}").format(
                problems="; ".join(comm.problems)
            )
            batch.block(f.after, (note, f.small_muted))

    def _media_heading(self, batch: _Batch) -> None:
        f = self.formats
        heading = translate("Dossier", "Media ({count})").format(
            count=QLocale().toString(self.dossier.media_count)
        )
        batch.mark(batch.block(f.section, (heading, f.heading)))
        if self.dossier.media_count == 0:
            batch.block(f.after, (translate("Dossier", "No media records."), f.italic_muted))

    def _media(self, batch: _Batch, media: MediaInDB) -> None:
        f = self.formats
        details = [
            text.media_kind(media),
            text.media_direction(media),
            translate("Dossier", "tags: {tags}").format(tags=", ".join(media.tags))
            if media.tags
            else "",
            translate("Dossier", "order {order}").format(order=media.order_id)
            if media.order_id
            else "",
            translate("Dossier", "uploaded by {name}").format(name=media.uploaded_by)
            if media.uploaded_by
            else "",
        ]
        second = " · ".join(part for part in details if part)
        batch.mark(
            batch.block(
                f.media,
                (media.filename, f.bold),
                ("\t", f.plain),
                (text.moment(media.created_at), f.muted),
            )
        )
        lines = media.nextcloud_path + (_LINE_SEPARATOR + second if second else "")
        batch.block(f.paragraph, (lines, f.small_muted))

    # --- pages ----------------------------------------------------------------------------

    def _start_page(self) -> None:
        if self.page > 0:
            self.device.newPage()
        self.page += 1
        self.y = 0.0
        self._footer()

    def _footer(self) -> None:
        painter = self.painter
        points = self.device.logicalDpiY() / 72.0
        font = base_font()
        font.setPointSizeF(BODY_POINTS * 0.8)
        painter.save()
        painter.setFont(font)
        painter.setPen(_RULE)
        top = self.body_height + self.footer_height * 0.35
        painter.drawLine(QPointF(0, top), QPointF(self.width, top))
        painter.setPen(_MUTED)
        exported = text.moment(self.dossier.exported_at)
        left = translate("Dossier", "{name} · exported {moment} from {source} by {app}").format(
            name=self.dossier.customer.name,
            moment=exported,
            source=self.dossier.source,
            app=APP_DISPLAY_NAME,
        )
        box = QRectF(0, top + 2 * points, self.width, self.footer_height * 0.6)
        page = translate("Dossier", "Page {number}").format(number=self.page)
        right_width = painter.fontMetrics().horizontalAdvance(page) + 8 * points
        painter.drawText(
            box.adjusted(0, 0, -right_width, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            painter.fontMetrics().elidedText(
                left, Qt.TextElideMode.ElideMiddle, int(box.width() - right_width)
            ),
        )
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page)
        painter.restore()

    def _flush(self, batch: _Batch) -> None:
        """Draw a batch onto the pages, cutting between lines where a page is full."""
        document = batch.finish()
        layout = document.documentLayout()
        height = layout.documentSize().height()
        lines = _line_edges(document)
        starts = sorted(layout.blockBoundingRect(block).top() for block in batch.marks)
        top = 0.0
        while top < height - 0.5:
            room = self.body_height - self.y
            cut = _cut(lines, top, top + room)
            cut = _keep_headings(cut, top, starts, lines)
            if cut <= top:
                if self.y > 0:
                    self._start_page()
                    continue
                cut = top + room  # a single line taller than a page: cut through it
            self._draw(document, top, cut)
            self.y += cut - top
            top = _next_line_top(lines, cut, height)
            if top < height - 0.5:
                self._start_page()

    def _draw(self, document: QTextDocument, top: float, bottom: float) -> None:
        # Qt draws every line that touches the clip, only hiding what lies outside it; a
        # PDF keeps hidden text, so a reader would find the lines on either side of a page
        # break twice. A clip a hair inside the cut leaves them out.
        painter = self.painter
        painter.save()
        painter.translate(0, self.y - top)
        clip = QRectF(0, top + _HAIR, self.width, bottom - top - 2 * _HAIR)
        document.drawContents(painter, clip)
        painter.restore()


def _card_fields(customer: CustomerInDB) -> list[tuple[str, str]]:
    """The card's fields that have a value, as (label, value)."""
    fields = [
        (translate("Dossier", "E-mail"), customer.email),
        (translate("Dossier", "Phone"), customer.phone),
        (translate("Dossier", "Address"), customer.address),
        (translate("Dossier", "Tags"), ", ".join(customer.tags)),
        (translate("Dossier", "Nextcloud folder"), customer.nextcloud_folder),
        (translate("Dossier", "Notes"), customer.notes),
        (translate("Dossier", "Customer since"), text.moment(customer.created_at)),
    ]
    return [(label, value) for label, value in fields if value]


def _line_edges(document: QTextDocument) -> list[tuple[float, float]]:
    """(top, bottom) of every laid-out line of the document, top to bottom."""
    edges = []
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        origin = text_layout.position().y() if text_layout is not None else rect.top()
        count = text_layout.lineCount() if text_layout is not None else 0
        if count == 0:
            edges.append((rect.top(), rect.bottom()))
        for number in range(count):
            line = text_layout.lineAt(number)
            top = origin + line.y()
            edges.append((top, top + line.height()))
        if block.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth):
            edges[-1] = (edges[-1][0], max(edges[-1][1], rect.bottom()))
        block = block.next()
    return edges


def _cut(lines: list[tuple[float, float]], top: float, limit: float) -> float:
    """The lowest line bottom at or above ``limit`` among the lines below ``top``."""
    cut = top
    for line_top, line_bottom in lines:
        if line_top < top - 0.5:
            continue
        if line_bottom > limit:
            break
        cut = line_bottom
    return cut


def _keep_headings(
    cut: float, top: float, starts: list[float], lines: list[tuple[float, float]]
) -> float:
    """Move ``cut`` up to an entry's start when fewer than KEEP_LINES of it would be left
    above the cut (its heading would stand alone at the foot of the page)."""
    for start in starts:
        if start <= top + 0.5 or start >= cut:
            continue
        following = [bottom for line_top, bottom in lines if line_top >= start - 0.5]
        needed = following[min(KEEP_LINES, len(following)) - 1] if following else start
        if cut < needed:
            return start
    return cut


def _next_line_top(lines: list[tuple[float, float]], cut: float, height: float) -> float:
    """Where the next page continues: the top of the first line below the cut (the space
    between two paragraphs is not carried over to the top of a page)."""
    for line_top, _bottom in lines:
        if line_top >= cut - 0.5:
            return max(cut, line_top)
    return height


def pdf_writer(path: Path, dossier: Dossier) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            page_size(),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(translate("Dossier", "{name}: dossier").format(name=dossier.customer.name))
    writer.setCreator(APP_DISPLAY_NAME)
    return writer


def write_pdf(
    dossier: Dossier,
    path: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the dossier as a PDF to ``path``; returns the number of pages."""
    writer = pdf_writer(path, dossier)
    return DossierPainter(writer, dossier).run(progress, cancelled)
