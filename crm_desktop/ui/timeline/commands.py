"""Undoable changes to the timeline, for the application's QUndoStack."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from crm_desktop import service
from crm_desktop.ui.context import AppContext

log = logging.getLogger("crm_desktop.ui.timeline")


class DeleteCommCommand(QUndoCommand):
    """Delete a communication; undo puts the stored row back exactly as it was.

    The row is read again on every redo, so an edit made after an undo is not lost by a redo.
    A delete that fails is reported and never lands on the stack (``setObsolete``).
    """

    def __init__(
        self, context: AppContext, comm_id: str, customer_id: str, subject: str, widget: QWidget
    ) -> None:
        super().__init__(
            QCoreApplication.translate(
                "DeleteCommCommand", "Delete communication “{subject}”"
            ).format(subject=subject)
        )
        # Shown by the window's undo bar (crm_desktop.ui.undo_bar).
        self.undo_bar_text = QCoreApplication.translate(
            "DeleteCommCommand", "Deleted “{subject}”"
        ).format(subject=subject)
        self.context = context
        self.comm_id = comm_id
        self.customer_id = customer_id
        self.record: dict[str, Any] | None = None
        self._widget = widget

    def redo(self) -> None:
        try:
            self.record = service.comm_record(self.comm_id)
            service.delete_comm(self.comm_id)
        except Exception as exc:
            self.setObsolete(True)
            self._report(exc)
        self.context.events.comms_changed.emit(self.customer_id)

    def undo(self) -> None:
        if self.record is None:
            return
        try:
            service.restore_comm(self.record)
        except Exception as exc:
            self._report(exc)
            self.context.events.comms_changed.emit(self.customer_id)
            return
        self.context.events.comms_changed.emit(self.customer_id)
        self.context.events.restored.emit("communication", self.customer_id, [self.comm_id])

    def _report(self, exc: Exception) -> None:
        # The panel may be gone by the time Ctrl+Z reaches an old command.
        parent = self._widget if isValid(self._widget) else None
        self.context.prompts.error(parent, exc)
