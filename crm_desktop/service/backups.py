"""Backups of the open database file: made by hand or every day, checked, restored.

The copying itself is SQLite's and lives in the data layer (crm_desktop.sqlite_backup);
this module decides what to copy where, names the daily backups and prunes them. On an
office server there is nothing to copy from here: the server's own tools do it.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crm_desktop import safe_files
from crm_desktop.database import current_database
from crm_desktop.errors import ExplainedError
from crm_desktop.i18n import translate
from crm_desktop.sqlite_backup import (
    BackupError,
    BackupInfo,
    BackupResult,
    Progress,
    back_up_file,
    check_backup,
    kept_name,
    restore_file,
)

__all__ = [
    "BackupError",
    "BackupInfo",
    "BackupResult",
    "ScheduledBackup",
    "ServerBackupError",
    "back_up_database",
    "back_up_scheduled",
    "check_backup",
    "database_file",
    "kept_name",
    "last_scheduled_backup",
    "prune_scheduled",
    "restore_database",
    "scheduled_backup_due",
    "scheduled_backups",
    "scheduled_name",
    "suggested_backup_name",
]

# A daily backup is due when the newest is older than this.
SCHEDULE_INTERVAL = timedelta(days=1)
# An unfinished copy (a crash mid-backup) older than this is no copy still being made.
STALE_PART = timedelta(hours=6)
_STAMP = "%Y%m%dT%H%M%SZ"
_SCHEDULED = re.compile(
    r"^(?P<stem>.+)-backup-(?P<stamp>\d{8}T\d{6}Z)-(?P<key>[0-9a-f]{6})\.sqlite3$"
)


class ServerBackupError(ExplainedError):
    def __init__(self) -> None:
        super().__init__(
            translate("backup", "Backups are made on the server"),
            translate(
                "backup",
                "This database is on an office PostgreSQL server. Its data is backed up on "
                "the server with PostgreSQL's own tools, for example every night with\n\n"
                "    pg_dump --format=custom --file=crm.dump DBNAME\n\n"
                "and restored with pg_restore. Ask whoever runs the server; the app "
                "cannot copy the server's database from here.",
            ),
        )


@dataclass(frozen=True)
class ScheduledBackup:
    path: Path
    made_at: datetime  # UTC, from the file's name


@dataclass(frozen=True)
class ScheduledOutcome:
    result: BackupResult
    pruned: tuple[Path, ...]


def database_file() -> Path:
    """The open database's file; ServerBackupError on an office server."""
    db = current_database()
    path = db.location.path if db is not None else None
    if path is None:
        raise ServerBackupError()
    return path


def suggested_backup_name(database: Path, now: datetime | None = None) -> str:
    """A name for a backup made by hand: ``crm 2026-11-25 14.03.sqlite3`` (local time).
    Never taken for a daily backup, so pruning never deletes it."""
    local = (now or datetime.now(UTC)).astimezone()
    return f"{database.stem} {local:%Y-%m-%d %H.%M}.sqlite3"


def back_up_database(
    target: Path, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> BackupResult:
    """Back the open database file up to the new file ``target`` (never overwritten)."""
    source = database_file()
    return back_up_file(
        source, target, progress or (lambda _d, _t: None), cancelled or (lambda: False)
    )


def _key(database: Path) -> str:
    """Tells apart the daily backups of two databases with the same name in one folder."""
    text = str(database.expanduser().absolute())
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:6]


def scheduled_name(database: Path, when: datetime) -> str:
    """``crm-backup-20261125T140312Z-3fa2c1.sqlite3``: the database's name, the moment
    (UTC), and a key of the database's path."""
    stamp = when.astimezone(UTC).strftime(_STAMP)
    return f"{database.stem}-backup-{stamp}-{_key(database)}.sqlite3"


def scheduled_backups(folder: Path, database: Path) -> list[ScheduledBackup]:
    """The daily backups of ``database`` in ``folder``, newest first: only files whose name
    the app gave them for this very database (other files are never touched)."""
    found = []
    key = _key(database)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _SCHEDULED.match(entry.name)
        if not match or match["key"] != key or match["stem"] != database.stem:
            continue
        if entry.is_symlink() or not entry.is_file():
            continue
        made = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(ScheduledBackup(entry, made))
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def last_scheduled_backup(folder: Path, database: Path) -> ScheduledBackup | None:
    backups = scheduled_backups(folder, database)
    return backups[0] if backups else None


def scheduled_backup_due(folder: Path, database: Path, now: datetime | None = None) -> bool:
    """True when the newest daily backup is older than a day (or there is none)."""
    last = last_scheduled_backup(folder, database)
    now = now or datetime.now(UTC)
    return last is None or now - last.made_at >= SCHEDULE_INTERVAL


def prune_scheduled(folder: Path, database: Path, keep: int) -> list[Path]:
    """Delete the oldest daily backups of ``database`` beyond the newest ``keep`` (at least
    one is always kept), and unfinished copies of them left by a crash. Only files the
    app named are deleted."""
    deleted = []
    for backup in scheduled_backups(folder, database)[max(1, keep) :]:
        safe_files.remove_quietly(backup.path)
        deleted.append(backup.path)
    stale = time.time() - STALE_PART.total_seconds()
    prefix = safe_files.TEMP_PREFIX
    for entry in folder.glob(f"{prefix}*{safe_files.TEMP_SUFFIX}"):
        name = entry.name[len(prefix) :].rsplit(".", 2)[0]
        match = _SCHEDULED.match(name)
        if match and match["key"] == _key(database) and entry.stat().st_mtime < stale:
            safe_files.remove_quietly(entry)
            deleted.append(entry)
    return deleted


def back_up_scheduled(
    folder: Path,
    keep: int,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ScheduledOutcome:
    """Make today's backup of the open file in ``folder`` and prune the old ones."""
    source = database_file()
    # Only the backups folder itself: a chosen folder on a drive that is not plugged in
    # must fail in words, not grow again as an empty tree where the drive was mounted.
    folder.mkdir(exist_ok=True)
    target = folder / scheduled_name(source, now or datetime.now(UTC))
    result = back_up_file(source, target, progress or (lambda _d, _t: None))
    return ScheduledOutcome(result, tuple(prune_scheduled(folder, source, keep)))


def restore_database(backup: Path, live: Path, progress: Progress | None = None) -> Path | None:
    """Put ``backup`` (checked with check_backup()) in place of the file ``live``, whose
    connections must all be closed; returns where the replaced file was kept."""
    return restore_file(backup, live, progress or (lambda _d, _t: None))
