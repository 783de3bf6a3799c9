"""What the app's editing dialogs share: they remember their size, and they ask before
throwing away what was typed (Cancel, Escape, the window's close button alike)."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QWidget

from crm_desktop.ui.context import AppContext


class RememberedDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    @property
    def state_key(self) -> str:
        return f"dialog/{type(self).__name__}"

    def restore_geometry(self) -> None:
        """Call once the dialog is built: its last size and place, if it had one."""
        state = self.context.settings.state(self.state_key)
        if state is not None:
            self.restoreGeometry(state)

    def is_modified(self) -> bool:
        """Whether closing now would lose something typed (the dialogs that edit say)."""
        return False

    def discard_question(self) -> str:
        return self.tr("What you typed has not been saved.")

    def reject(self) -> None:
        if self.is_modified() and not self.context.prompts.confirm(
            self, self.tr("Discard changes?"), self.discard_question(), self.tr("Discard")
        ):
            return
        super().reject()

    def done(self, result: int) -> None:
        self.context.settings.set_state(self.state_key, self.saveGeometry())
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button asks like Cancel does; done() closes for real.
        event.ignore()
        self.reject()
