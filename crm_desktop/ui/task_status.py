"""Long work shown in the status bar: what runs, how far it is, and a Cancel button.

The window stays usable meanwhile (the work runs on a worker thread); the bar says what
is going on without a dialog in the way.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from crm_desktop.ui import icons


class TaskStatus(QWidget):
    """``start()`` shows it, ``progress()`` moves it, ``finish()`` hides it again.
    Child objectNames: ``<name>Label``, ``<name>Progress``, ``<name>Cancel``."""

    cancel_requested = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Status")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}Label")
        self.bar = QProgressBar(self)
        self.bar.setObjectName(f"{name}Progress")
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton(self)
        self.cancel.setObjectName(f"{name}Cancel")
        self.cancel.setIcon(icons.icon("close"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Cancel"))
        self.cancel.clicked.connect(self.cancel_requested)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def start(self, text: str, cancellable: bool = True) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first progress
        self.cancel.setVisible(cancellable)
        self.cancel.setEnabled(True)
        self.show()

    def progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def cancelling(self) -> None:
        self.cancel.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))

    def finish(self) -> None:
        self.hide()
