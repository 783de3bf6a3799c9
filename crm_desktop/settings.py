"""Every setting the app remembers, declared in one place with its default (QSettings)."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from crm_desktop import paths
from crm_desktop.locations import DatabaseLocation

T = TypeVar("T")
MAX_RECENT = 8


class _Setting(Generic[T]):
    """A typed QSettings value as an attribute: ``settings.user_name = "anna"``."""

    def __init__(self, key: str, default: T | Callable[[], T], read: Callable[[object], T]) -> None:
        self.key, self.default, self.read = key, default, read

    def __get__(self, settings: Settings, owner: type | None = None) -> T:
        default = self.default() if callable(self.default) else self.default
        return self.read(settings.qsettings.value(self.key, default))

    def __set__(self, settings: Settings, value: T) -> None:
        settings.qsettings.setValue(self.key, value)


def _is_demo(text: str) -> bool:
    if not text or "://" in text:
        return False
    try:
        return Path(text).expanduser().absolute() == paths.demo_db_path()
    except (OSError, ValueError):
        return False


# How a value comes back from the INI file (as text, whatever was stored).
def _text(value: object) -> str:
    return "" if value is None else str(value)


def _flag(value: object) -> bool:
    return value.lower() == "true" if isinstance(value, str) else bool(value)


def _number(value: object) -> int:
    return int(value) if isinstance(value, int | float | str) else 0


def _texts(value: object) -> list[str]:
    # QSettings gives back a str for a one-element list and None for an empty one.
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value] if isinstance(value, list | tuple) else []


def _account_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class Settings:
    """The app's settings, in an INI file in the per-user config folder (tests pass their own)."""

    user_name = _Setting("user/name", _account_name, _text)
    nextcloud_folder = _Setting("nextcloud/sync_folder", "", _text)
    database_path = _Setting("database/path", "", _text)
    recent_databases = _Setting("database/recent", [], _texts)
    media_view_mode = _Setting("media/view_mode", "table", _text)
    # The language of the app's words: "" follows the system, else "de", "en", … (applied
    # at the next start: crm_desktop.ui.application.install_translations).
    language = _Setting("ui/language", "", _text)
    # The first start's welcome (crm_desktop.ui.welcome) was shown: saved or skipped.
    welcomed = _Setting("ui/welcomed", False, _flag)
    # Daily backups of the open database file (crm_desktop/ui/backups): on or off, where
    # ("" = the default folder, backups_folder()), and how many to keep.
    backup_daily = _Setting("backup/daily", True, _flag)
    backup_folder = _Setting("backup/folder", "", _text)
    backup_keep = _Setting("backup/keep", 7, _number)
    # Where the last backup by hand, restore, and export went (the file dialogs start there).
    backup_last_folder = _Setting("backup/last_folder", "", _text)
    export_folder = _Setting("export/folder", "", _text)
    export_format = _Setting("export/format", "pdf", _text)
    export_oldest_first = _Setting("export/oldest_first", False, _flag)
    export_separator = _Setting("export/csv_separator", "", _text)
    # Dropped message files (crm_desktop/ui/drops): the office's own e-mail addresses or
    # domains (an e-mail from one of them is outbound), and the country calling code for
    # national phone numbers ("" = the system region's).
    office_addresses = _Setting("messages/office_addresses", "", _text)
    phone_country_code = _Setting("messages/country_code", "", _text)

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            path = paths.config_dir() / "settings.ini"
            qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        self.qsettings = qsettings

    @property
    def has_user_name(self) -> bool:
        """Whether the user gave a name (else user_name is the account's name)."""
        return bool(self.qsettings.contains("user/name") and self.user_name)

    def remember_database(self, path: Path | str | DatabaseLocation) -> None:
        """Make ``path`` the database to open next time, at the top of the recent files.
        The demo database is never remembered: a plain start after ``--demo`` opens the
        last real database, where real customers belong."""
        text = str(path)
        if _is_demo(text):
            return
        self.database_path = text
        self.recent_databases = [
            text,
            *(p for p in self.recent_databases if p not in (text, "") and not _is_demo(p)),
        ][:MAX_RECENT]

    @property
    def last_database(self) -> str:
        """The last real database used ("" when none): never the demo, even if an older
        version remembered it."""
        text = self.database_path
        return "" if _is_demo(text) else text

    def daily_backup_folder(self) -> Path:
        """Where daily backups go: the chosen folder, or ``backups`` in the data folder."""
        return (
            Path(self.backup_folder).expanduser()
            if self.backup_folder
            else (paths.data_dir() / "backups")
        )

    def state(self, key: str) -> QByteArray | None:
        """Saved geometry or state (window, splitter, header) under ``key``."""
        value: Any = self.qsettings.value(f"state/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"state/{key}", value)

    def sync(self) -> None:
        self.qsettings.sync()
