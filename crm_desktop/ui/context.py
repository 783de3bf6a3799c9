"""The application context: what every widget needs, passed explicitly (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QUndoStack

from crm_desktop.settings import Settings
from crm_desktop.ui.events import DataEvents
from crm_desktop.ui.prompts import Prompts


@dataclass
class AppContext:
    db_path: Path
    settings: Settings
    events: DataEvents = field(default_factory=DataEvents)
    undo_stack: QUndoStack = field(default_factory=QUndoStack)
    prompts: Prompts = field(default_factory=Prompts)

    @property
    def user_name(self) -> str:
        return self.settings.user_name
