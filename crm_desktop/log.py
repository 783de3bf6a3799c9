"""Logging: named loggers per area, a rotating file in the user's data folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from crm_desktop import paths

LOG_FILE_NAME = "crm-desktop.log"


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Send the app's log records to a rotating file; returns the file's path."""
    path = (folder or paths.log_dir()) / LOG_FILE_NAME
    root = logging.getLogger("crm_desktop")
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    return path
