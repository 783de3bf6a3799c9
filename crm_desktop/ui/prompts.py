"""The one place that asks the user something or tells them about an error.

Widgets never open a QMessageBox themselves: they ask ``context.prompts``. Tests replace it
with a scripted one, so no modal dialog ever blocks a test.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from crm_desktop import APP_DISPLAY_NAME
from crm_desktop.errors import explain

log = logging.getLogger("crm_desktop.ui")


class Prompts:
    """Message boxes, modal to their window."""

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        """Ask before something that cannot be undone; ``action`` labels the yes-button."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def choose(self, parent: QWidget | None, title: str, text: str, options: list[str]) -> int:
        """Ask to pick one of ``options`` (button labels); returns its index, or -1 if closed."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else -1

    def save_path(
        self,
        parent: QWidget | None,
        title: str,
        suggested: Path,
        filters: str,
        confirm_overwrite: bool = True,
    ) -> Path | None:
        """Ask where to write a file (the system's file dialog); None when cancelled.
        ``confirm_overwrite=False`` for files that are never overwritten (the caller
        refuses an existing one in words)."""
        options = QFileDialog.Option(0)
        if not confirm_overwrite:
            options |= QFileDialog.Option.DontConfirmOverwrite
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters, "", options)
        return Path(name) if name else None

    def open_path(
        self, parent: QWidget | None, title: str, folder: Path, filters: str
    ) -> Path | None:
        """Ask for an existing file to read; None when cancelled."""
        name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
        return Path(name) if name else None

    def choose_folder(self, parent: QWidget | None, title: str, start: Path) -> Path | None:
        """Ask for an existing folder; None when cancelled."""
        name = QFileDialog.getExistingDirectory(parent, title, str(start))
        return Path(name) if name else None

    def about(self, parent: QWidget | None, title: str, text: str) -> None:
        """The app's About box (rich text)."""
        QMessageBox.about(parent, title, text)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, APP_DISPLAY_NAME, title, parent=parent)
        box.setObjectName("informMessage")
        box.setInformativeText(text)
        _show(box)

    def error(self, parent: QWidget | None, exc: BaseException) -> None:
        """Show an error in plain words: the headline, what it means, and what exactly
        happened under "Show details" (bugs are written to the log too)."""
        explanation = explain(exc)
        if explanation.is_bug:
            log.error("Unexpected error", exc_info=exc)
        else:
            log.warning("%s: %s", explanation.title, exc)
        box = QMessageBox(
            QMessageBox.Icon.Critical if explanation.is_bug else QMessageBox.Icon.Warning,
            APP_DISPLAY_NAME,
            explanation.title,
            parent=parent,
        )
        box.setObjectName("errorMessage")
        box.setInformativeText(explanation.text)
        box.setDetailedText(f"{type(exc).__name__}: {exc}")
        _show(box)


# Message boxes without a parent window: Python holds them until they are closed, or the
# garbage collector would take them before they ever appear.
_parentless: set[QMessageBox] = set()


def _show(box: QMessageBox) -> None:
    """Show without blocking: window-modal over its window, or application-modal alone."""
    if box.parent() is None:
        _parentless.add(box)
        box.finished.connect(lambda _result: _parentless.discard(box))
    box.open()
