"""Customer ▸ Export… and Customer ▸ Print…, for the customer chosen in the window.

An export runs on a worker thread (its own database connection), with its progress and
a Cancel button in the status bar; the window stays usable. What came out is said in the
status bar; an error in a message box.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from crm_desktop.errors import Cancelled
from crm_desktop.service import TimelineFilter, count_timeline, get_customer
from crm_desktop.ui import icons
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.dossier.text import DossierRequest, filter_description, has_filters
from crm_desktop.ui.task_status import TaskStatus
from crm_desktop.ui.worker import Worker

if TYPE_CHECKING:
    # The dialog, the PDF and CSV writers and the print preview load with the first export
    # or print, not at start-up (QtPrintSupport, the PDF layout).
    from crm_desktop.ui.dossier.dialog import ExportChoice, ExportDialog
    from crm_desktop.ui.dossier.export import ExportResult
    from crm_desktop.ui.dossier.printing import DossierPrint

# How long (ms) the outcome of an export stays in the status bar.
MESSAGE_MS = 15_000


class DossierActions(QObject):
    """The two actions, and the export that runs (one at a time)."""

    def __init__(
        self,
        window: QMainWindow,
        context: AppContext,
        current_customer: Callable[[], str | None],
        current_filter: Callable[[], TimelineFilter],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self._current_customer = current_customer
        self._current_filter = current_filter

        self.export_action = QAction(icons.icon("export"), self.tr("&Export…"), window)
        self.export_action.setObjectName("exportDossierAction")
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setStatusTip(
            self.tr("Save the customer's dossier (card, communications, media) as PDF or CSV")
        )
        self.export_action.triggered.connect(self.open_export_dialog)
        self.print_action = QAction(icons.icon("print"), self.tr("&Print…"), window)
        self.print_action.setObjectName("printDossierAction")
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setStatusTip(self.tr("Print the customer's dossier, with a preview"))
        self.print_action.triggered.connect(self.print_dossier)

        self.status = TaskStatus("export", window)
        window.statusBar().addPermanentWidget(self.status)
        self.worker = Worker(self)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.status.cancel_requested.connect(self.cancel)
        self.preview: DossierPrint | None = None
        self.set_customer(current_customer())

    def actions(self) -> list[QAction]:
        return [self.export_action, self.print_action]

    def set_customer(self, customer_id: str | None) -> None:
        self.export_action.setEnabled(customer_id is not None and not self.worker.busy)
        self.print_action.setEnabled(customer_id is not None)

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def _source(self) -> str:
        return self.context.location.display_name

    # --- export ---------------------------------------------------------------------------

    def open_export_dialog(self) -> ExportDialog | None:
        customer_id = self._current_customer()
        if customer_id is None or self.worker.busy:
            return None
        try:
            customer = get_customer(customer_id)
            filters = self._current_filter()
            total = count_timeline(customer_id)
            shown = count_timeline(customer_id, filters) if has_filters(filters) else total
        except Exception as exc:
            self.context.prompts.error(self.window, exc)
            return None
        from crm_desktop.ui.dossier.dialog import ExportDialog

        dialog = ExportDialog(
            self.context, customer.id, customer.name, filters, (shown, total), self.window
        )
        dialog.accepted.connect(lambda: self._chosen(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _chosen(self, dialog: ExportDialog) -> None:
        if dialog.choice is not None:
            self.export(dialog.choice)

    def export(self, choice: ExportChoice) -> None:
        """Start writing the file ``choice`` says (on the worker thread)."""
        from crm_desktop.ui.dossier.export import export_dossier

        source = self._source()

        def work(cancel: threading.Event, report: Callable[[Any], None]) -> ExportResult:
            return export_dossier(
                choice.request,
                choice.path,
                source,
                separator=choice.separator,
                progress=lambda done, total: report((done, total)),
                cancelled=cancel.is_set,
            )

        self.status.start(self.tr("Exporting to {name}…").format(name=choice.path.name))
        self.export_action.setEnabled(False)
        self.worker.start(work)

    def cancel(self) -> None:
        if self.worker.busy:
            self.status.cancelling()
            self.worker.cancel()

    def _progress(self, value: tuple[int, int]) -> None:
        self.status.progress(*value)

    def _finished(self, result: ExportResult) -> None:
        from crm_desktop.ui.dossier.export import ExportFormat

        self._done()
        count = self.tr("%Ln communications", "", result.entries)
        if result.format is ExportFormat.pdf:
            pages = self.tr("%Ln pages", "", result.pages)
            text = self.tr("Exported {name}: {count}, {pages}, to {path}")
        else:
            pages = ""
            text = self.tr("Exported {name}: {count}, to {path}")
        message = text.format(name=result.customer, count=count, pages=pages, path=result.path)
        self.window.statusBar().showMessage(message, MESSAGE_MS)

    def _failed(self, exc: BaseException) -> None:
        self._done()
        if isinstance(exc, Cancelled):
            message = self.tr("Export cancelled; no file was written.")
            self.window.statusBar().showMessage(message, MESSAGE_MS)
            return
        self.context.prompts.error(self.window, exc)

    def _done(self) -> None:
        self.status.finish()
        self.set_customer(self._current_customer())

    def shutdown(self) -> None:
        """Cancel a running export and wait for it (the window closes)."""
        self.worker.shutdown()

    # --- print ----------------------------------------------------------------------------

    def print_dossier(self) -> DossierPrint | None:
        """Open the print preview of the chosen customer's dossier (with the timeline's
        filters, if it has any)."""
        customer_id = self._current_customer()
        if customer_id is None:
            return None
        try:
            customer = get_customer(customer_id)
        except Exception as exc:
            self.context.prompts.error(self.window, exc)
            return None
        filters: TimelineFilter | None = self._current_filter()
        if has_filters(filters):
            answer = self.context.prompts.choose(
                self.window,
                self.tr("Print {name}").format(name=customer.name),
                self.tr("The timeline shows only some communications ({filters}).").format(
                    filters=filter_description(filters)
                ),
                [self.tr("Print what the timeline shows"), self.tr("Print all communications")],
            )
            if answer < 0:
                return None
            filters = filters if answer == 0 else None
        else:
            filters = None
        request = DossierRequest(
            customer_id=customer.id,
            filters=filters,
            oldest_first=self.context.settings.export_oldest_first,
        )
        from crm_desktop.ui.dossier.printing import DossierPrint

        self.preview = DossierPrint(request, self._source(), customer.name, self.window)
        self.preview.dialog.open()
        return self.preview
