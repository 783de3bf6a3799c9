"""Undoable changes to media records, for the application's QUndoStack."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from crm_desktop import service
from crm_desktop.errors import NotFoundError
from crm_desktop.ui.context import AppContext

log = logging.getLogger("crm_desktop.ui.media")


class DeleteMediaCommand(QUndoCommand):
    """Delete media records; undo puts the stored rows back exactly as they were.

    Each redo saves the rows just before deleting them (another client may have changed
    them after an undo). QUndoStack calls redo/undo from C++, where an exception would only
    be printed, so errors go to ``report`` and the command keeps what it really did.
    """

    def __init__(
        self,
        context: AppContext,
        media_ids: Sequence[str],
        text: str,
        report: Callable[[BaseException], None],
        bar_text: str = "",
    ) -> None:
        super().__init__(text)
        self.undo_bar_text = bar_text  # shown by the window's undo bar (ui.undo_bar)
        self._context = context
        self._ids = list(media_ids)
        self._report = report
        self._records: list[dict[str, Any]] = []

    @property
    def records(self) -> list[dict[str, Any]]:
        """The rows this command deleted (as stored), for undo."""
        return list(self._records)

    def redo(self) -> None:
        self._records = []
        try:
            for media_id in self._ids:
                try:
                    record = service.media_record(media_id)
                except NotFoundError:
                    continue  # already gone (deleted elsewhere): nothing to delete or restore
                service.delete_media(media_id)
                self._records.append(record)
        except Exception as exc:
            self._report(exc)
        finally:
            # A command that deleted nothing leaves the stack (Qt drops obsolete commands).
            self.setObsolete(not self._records)
            self._changed(self._records)

    def undo(self) -> None:
        restored: list[dict[str, Any]] = []
        try:
            for record in self._records:
                service.restore_media(record)
                restored.append(record)
        except Exception as exc:
            self._report(exc)
        finally:
            self._changed(restored)
        customers = {record["customer_id"] or "" for record in restored}
        if restored and len(customers) == 1:
            ids = [record["id"] for record in restored]
            self._context.events.restored.emit("media", customers.pop(), ids)

    def _changed(self, records: list[dict[str, Any]]) -> None:
        for customer_id in dict.fromkeys(record["customer_id"] or "" for record in records):
            self._context.events.media_changed.emit(customer_id)
