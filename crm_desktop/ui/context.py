"""The application context: what every widget needs, passed explicitly (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QUndoStack

from crm_desktop.locations import DatabaseLocation
from crm_desktop.settings import Settings
from crm_desktop.ui.events import DataEvents
from crm_desktop.ui.prompts import Prompts


@dataclass
class AppContext:
    location: DatabaseLocation  # the file or the office server that is open
    settings: Settings
    events: DataEvents = field(default_factory=DataEvents)
    undo_stack: QUndoStack = field(default_factory=QUndoStack)
    prompts: Prompts = field(default_factory=Prompts)
    # Why the database can only be read (a read-only file or folder), or "" when writable.
    read_only_reason: str = ""
    # Sentences about the file that the user should know (e.g. it is on a network drive).
    warnings: list[str] = field(default_factory=list)

    @property
    def db_path(self) -> Path | None:
        """The open file, or None on an office server."""
        return self.location.path

    @property
    def folder(self) -> Path:
        """Where to start looking for database files."""
        return self.location.path.parent if self.location.path else Path.home()

    @property
    def writable(self) -> bool:
        return not self.read_only_reason

    @property
    def user_name(self) -> str:
        return self.settings.user_name
