"""Undoable changes to customers, for the application's QUndoStack."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from crm_desktop import service
from crm_desktop.service import CustomerRecords
from crm_desktop.ui.context import AppContext


class DeleteCustomerCommand(QUndoCommand):
    """Delete a customer with their communications and media records; undo puts every row
    back exactly as it was stored (service.take_customer / restore_customer), nothing else.

    Each redo takes the rows afresh (an edit made after an undo is not lost by a redo). A
    delete that fails is reported and leaves the stack (``setObsolete``).
    """

    def __init__(self, context: AppContext, customer_id: str, name: str, widget: QWidget) -> None:
        super().__init__(
            QCoreApplication.translate("DeleteCustomerCommand", "Delete customer “{name}”").format(
                name=name
            )
        )
        # Shown by the window's undo bar (crm_desktop.ui.undo_bar).
        self.undo_bar_text = QCoreApplication.translate(
            "DeleteCustomerCommand", "Deleted “{name}”"
        ).format(name=name)
        self.context = context
        self.customer_id = customer_id
        self.records: CustomerRecords | None = None
        self._widget = widget

    def redo(self) -> None:
        self.records = None
        try:
            self.records = service.take_customer(self.customer_id)
        except Exception as exc:
            self.setObsolete(True)
            self._report(exc)
        self._changed()

    def undo(self) -> None:
        if self.records is None:
            return
        # A customer with thousands of entries takes a second or two to put back (in short
        # slices, so that the backend's writes get their turns): the pointer says so.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            service.restore_customer(self.records)
        except Exception as exc:
            QGuiApplication.restoreOverrideCursor()
            self._report(exc)
            return
        QGuiApplication.restoreOverrideCursor()
        self._changed()
        self.context.events.restored.emit("customer", self.customer_id, [self.customer_id])

    def _changed(self) -> None:
        events = self.context.events
        events.customers_changed.emit(self.customer_id)
        events.comms_changed.emit(self.customer_id)
        events.media_changed.emit(self.customer_id)

    def _report(self, exc: Exception) -> None:
        # The panel may be gone by the time Ctrl+Z reaches an old command.
        parent = self._widget if isValid(self._widget) else None
        self.context.prompts.error(parent, exc)
