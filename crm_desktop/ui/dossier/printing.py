"""Customer ▸ Print…: the dossier in Qt's print preview, then on paper (or a PDF printer).

The preview asks for its pages whenever it is shown or its page setup changes; each time
the dossier is read afresh and drawn by the same painter as the PDF export. A long
dossier shows a progress dialog with Cancel meanwhile (modal to the preview: its
``setValue`` lets the window repaint), and a cancelled preview shows the pages drawn so far.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QProgressDialog, QWidget

from crm_desktop.errors import Cancelled
from crm_desktop.i18n import translate
from crm_desktop.ui.dossier.pdf import MARGIN_MM, DossierPainter, page_size
from crm_desktop.ui.dossier.text import Dossier, DossierRequest

# Dossiers with more entries than this show a progress dialog while the preview draws.
PROGRESS_FROM = 300


def new_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            page_size(),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setDocName(title)
    return printer


class DossierPrint:
    """The preview of one customer's dossier; ``dialog`` is the QPrintPreviewDialog."""

    def __init__(self, request: DossierRequest, source: str, title: str, parent: QWidget) -> None:
        self.request = request
        self.source = source
        self.pages = 0  # drawn the last time the preview asked
        self.printer = new_printer(title)
        self.dialog = QPrintPreviewDialog(self.printer, parent)
        self.dialog.setObjectName("printPreview")
        self.dialog.setWindowTitle(translate("Dossier", "Print {title}").format(title=title))
        self.dialog.paintRequested.connect(self.paint)
        self.dialog.finished.connect(self.dialog.deleteLater)

    def paint(self, printer: QPrinter) -> None:
        dossier = Dossier.read(self.request, self.source)
        total = dossier.comm_count + dossier.media_count
        progress: QProgressDialog | None = None
        if total > PROGRESS_FROM:
            progress = QProgressDialog(
                translate("Dossier", "Drawing the pages of {name}…").format(
                    name=dossier.customer.name
                ),
                translate("Dossier", "Cancel"),
                0,
                total,
                self.dialog,
            )
            progress.setObjectName("printProgress")
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(400)
        painter = DossierPainter(printer, dossier)
        try:
            self.pages = painter.run(
                progress=None if progress is None else lambda done, _t: progress.setValue(done),
                cancelled=None if progress is None else progress.wasCanceled,
            )
        except Cancelled:
            self.pages = painter.page
        finally:
            if progress is not None:
                progress.close()
                progress.deleteLater()
