"""Where the app keeps things: per-user folders from QStandardPaths, and its resources."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from crm_desktop import APP_DISPLAY_NAME, APP_NAME, __version__

DEFAULT_DB_NAME = "crm.sqlite3"
DEMO_DB_NAME = "demo.sqlite3"


def configure_identity() -> None:
    """Names that QStandardPaths and QSettings derive folders from; call before using them."""
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)


def _writable(location: QStandardPaths.StandardLocation) -> Path:
    configure_identity()
    folder = Path(QStandardPaths.writableLocation(location))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def data_dir() -> Path:
    """The per-user data folder (``~/.local/share/crm-desktop`` on Linux)."""
    return _writable(QStandardPaths.StandardLocation.AppDataLocation)


def config_dir() -> Path:
    return _writable(QStandardPaths.StandardLocation.AppConfigLocation)


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_NAME


def log_dir() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@cache  # asked for every icon and catalogue: the folder does not move while the app runs
def resources_dir() -> Path:
    """The resources folder: in a PyInstaller bundle, an installed wheel, or the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "resources"] if bundle else []
    package = Path(__file__).resolve().parent
    candidates += [package / "resources", package.parent / "resources"]
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    raise FileNotFoundError(f"{APP_DISPLAY_NAME}: resources folder not found in {candidates}")
