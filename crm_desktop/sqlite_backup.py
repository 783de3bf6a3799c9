"""Copies of a live SQLite file, checks of a copy, and putting a copy back (data layer).

**Backing up while the web backend writes.** SQLite's online backup (APSW's backup API)
copies pages through a connection of its own, so it sees every committed transaction,
including those still in the WAL. How it holds the backend up depends on the journal:

- *WAL* (the app's normal case): the copy runs inside one read transaction on the source.
  In WAL a reader never blocks a writer, and the snapshot stays fixed however much the
  backend writes meanwhile, so the copy is consistent and never restarts. It is copied in
  steps of 16 MB, each flushed to the disk before the next: left to the kernel, the
  hundreds of MB of a big copy were flushed all at once and the backend's own ``fsync``
  waited behind them (0.3-0.4 s stalls, measured; with the steps, none beyond its usual).
  ``VACUUM INTO`` would also copy a snapshot without blocking writers, but it rebuilds
  every table and index, cannot run inside a transaction, and gives no progress.
- *Rollback journal* (files on network drives, where the app leaves WAL off): a reader
  holds a shared lock that keeps every writer out. So the copy goes in small slices, each
  holding the lock for a few milliseconds, with a pause between them for the backend. A
  write between two slices makes SQLite start the copy again; after ``MAX_RESTARTS`` such
  restarts the whole file is copied inside one read transaction, which the backend then
  waits for once, but only when that takes at most ``LOCK_BUDGET_SECONDS`` (measured on
  the slices so far). A bigger file that the backend keeps writing is refused, in words:
  a backup must never make the backend's writes fail.

The copy is written to a temporary file beside the target, checked (``quick_check``),
switched to the rollback journal (a backup is one self-contained file), flushed, and only
then given its name, which must be free: a backup never overwrites a file.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import apsw
import peewee

from crm_desktop import safe_files
from crm_desktop.database.sqlite import SQLITE_HEADER, connect_read_only
from crm_desktop.database.tables import TABLES
from crm_desktop.database.tables import schema_problems as table_problems
from crm_desktop.errors import Cancelled, CrmError, ExplainedError
from crm_desktop.i18n import translate

# Bytes per step of a WAL copy (then flushed); pages per slice of a rollback-journal copy,
# and the pause after each slice that lets a waiting writer in.
WAL_STEP_BYTES = 16 * 1024 * 1024
ROLLBACK_SLICE_BYTES = 2 * 1024 * 1024
ROLLBACK_PAUSE_SECONDS = 0.01
MAX_RESTARTS = 3
# The longest a rollback-journal copy may keep the backend waiting (its own busy timeout
# is 5 s by default; Python's sqlite3 and aiosqlite alike).
LOCK_BUDGET_SECONDS = 1.0
BUSY_TIMEOUT_MS = 5000
# How long a restore waits for the live file's lock before it says another program has it.
RESTORE_LOCK_TIMEOUT_MS = 2000
BEFORE_RESTORE = ".before-restore"
_COMPANIONS = ("-wal", "-shm", "-journal")

# pages copied, pages in all
Progress = Callable[[int, int], None]


class BackupError(ExplainedError):
    """A backup or restore that cannot be done, naming the file and the ``reason``."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            translate("backup", "Backup or restore not possible"),
            translate("backup", "{path}\n\n{reason}").format(path=path, reason=reason),
        )


@dataclass(frozen=True)
class BackupResult:
    path: Path
    bytes: int
    seconds: float
    journal_mode: str  # of the source: "wal", or a rollback journal ("delete", …)
    restarts: int  # rollback journal only: copies begun again after the backend wrote
    locked_rest: bool  # rollback journal only: the rest was copied holding the lock


@dataclass(frozen=True)
class BackupInfo:
    """What a checked backup file holds."""

    path: Path
    bytes: int
    rows: dict[str, int] = field(default_factory=dict)  # table name -> rows


def _no_op(_done: int, _total: int) -> None:
    pass


def _never() -> bool:
    return False


def _open_source(path: Path) -> apsw.Connection:
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)
    flags = apsw.SQLITE_OPEN_READWRITE if writable else apsw.SQLITE_OPEN_READONLY
    connection = apsw.Connection(str(path), flags=flags)
    connection.set_busy_timeout(BUSY_TIMEOUT_MS)
    return connection


def _pragma(connection: apsw.Connection, name: str) -> str:
    row = connection.execute(f"PRAGMA {name}").fetchone()
    return "" if row is None else str(row[0])


def _begin_read(connection: apsw.Connection) -> None:
    """Start a read transaction and take its snapshot now (BEGIN alone defers it)."""
    connection.execute("BEGIN")
    connection.execute("SELECT 1 FROM sqlite_schema LIMIT 1").fetchall()


def back_up_file(
    source: Path,
    target: Path,
    progress: Progress = _no_op,
    cancelled: Callable[[], bool] = _never,
) -> BackupResult:
    """Copy the live SQLite file ``source`` to the new file ``target`` (see the module's
    docstring). FileExistsError when ``target`` exists; Cancelled when ``cancelled()``
    turned true; BackupError when the source cannot be read or the copy is not sound. No
    file is left under ``target`` unless the whole, checked copy is."""
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise BackupError(source, translate("backup", "the database file does not exist"))
    started = time.perf_counter()
    with safe_files.written_whole(target, replace=False) as part:
        try:
            mode, restarts, locked = _copy(source, part, progress, cancelled)
            _finish_copy(part, target)
        finally:
            for suffix in _COMPANIONS:
                safe_files.remove_quietly(part.with_name(part.name + suffix))
    return BackupResult(
        path=target,
        bytes=target.stat().st_size,
        seconds=time.perf_counter() - started,
        journal_mode=mode,
        restarts=restarts,
        locked_rest=locked,
    )


def _copy(
    source: Path, part: Path, progress: Progress, cancelled: Callable[[], bool]
) -> tuple[str, int, bool]:
    try:
        src = _open_source(source)
    except apsw.Error as exc:
        raise BackupError(source, str(exc)) from exc
    dst = apsw.Connection(str(part))
    # The copy is a temporary file until it is checked and flushed: no journal of its own.
    dst.execute("PRAGMA journal_mode = OFF")
    dst.execute("PRAGMA synchronous = OFF")
    flush = os.open(part, os.O_RDONLY)
    restarts, locked = 0, False
    try:
        mode = _pragma(src, "journal_mode").lower()
        page_size = int(_pragma(src, "page_size"))
        wal = mode == "wal"
        if wal:
            _begin_read(src)
        pages = max(1, (WAL_STEP_BYTES if wal else ROLLBACK_SLICE_BYTES) // page_size)
        with dst.backup("main", src, "main") as backup:
            remaining: int | None = None
            copied, copying = 0, 0.0  # pages copied in unlocked steps, and the time it took
            while not backup.done:
                if cancelled():
                    raise Cancelled(translate("backup", "The backup was cancelled."))
                began = time.perf_counter()
                try:
                    backup.step(-1 if locked else pages)
                except apsw.BusyError:
                    time.sleep(ROLLBACK_PAUSE_SECONDS)  # a writer is committing: after it
                    continue
                if not locked:
                    copying += time.perf_counter() - began
                    copied += pages
                if remaining is not None and backup.remaining >= remaining:
                    restarts += 1
                    if not wal and restarts >= MAX_RESTARTS:
                        _lock_for_the_rest(source, src, backup.page_count, copied, copying)
                        locked = True
                remaining = backup.remaining
                if not locked:  # under the lock the backend waits: no flush then
                    os.fdatasync(flush) if hasattr(os, "fdatasync") else os.fsync(flush)
                total = backup.page_count
                progress(total - backup.remaining, total)
                if not wal and not locked:
                    time.sleep(ROLLBACK_PAUSE_SECONDS)
        if src.in_transaction:
            src.execute("COMMIT")
        check = [str(row[0]) for row in dst.execute("PRAGMA quick_check(5)").fetchall()]
        if check != ["ok"]:
            raise BackupError(
                part,
                translate("backup", "the copy did not pass SQLite's check: {details}").format(
                    details="; ".join(check)
                ),
            )
        # One self-contained file: a backup needs no -wal or -shm beside it.
        dst.execute("PRAGMA journal_mode = DELETE").fetchall()
    except apsw.Error as exc:
        raise BackupError(source, str(exc)) from exc
    finally:
        os.close(flush)
        dst.close()
        src.close()
    return mode, restarts, locked


def _lock_for_the_rest(
    source: Path, src: apsw.Connection, total: int, copied: int, seconds: float
) -> None:
    """Rollback journal, after MAX_RESTARTS: copy the whole file again inside one read
    transaction, if the time that holds the backend up (estimated from the copying so far)
    is within LOCK_BUDGET_SECONDS; otherwise give up, saying why (the backend's writes
    must never fail, and its busy timeout is a few seconds)."""
    pages_per_second = copied / seconds if seconds > 0 else float("inf")
    needed = total / pages_per_second
    if needed > LOCK_BUDGET_SECONDS:
        raise BackupError(
            source,
            translate(
                "backup",
                "the web backend writes to this file too often for a copy that does not hold "
                "it up. The file does not use SQLite's WAL journal (it is on a network drive "
                "or the like), so a consistent copy needs the backend to wait about {seconds} "
                "s. Back up while the backend is stopped or quiet, or keep the file on a local "
                "drive.",
            ).format(seconds=f"{needed:.1f}"),
        )
    _begin_read(src)  # the backend waits once, for the rest


def _finish_copy(part: Path, target: Path) -> None:
    with part.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(target, translate("backup", "the copy is not a SQLite file"))


# --- checking a backup ----------------------------------------------------------------------


def check_backup(path: Path, progress: Progress = _no_op) -> BackupInfo:
    """A file that a restore may put in place: a SQLite file that passes SQLite's full
    integrity check and has the app's tables with the columns it needs. BackupError
    (naming what is wrong) otherwise. Reads the file without changing it."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(path, translate("backup", "the file does not exist"))
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(path, translate("backup", "this file is not a SQLite database"))
    try:
        db = connect_read_only(path)
    except (CrmError, peewee.DatabaseError) as exc:
        raise BackupError(path, str(exc)) from exc
    try:
        progress(0, 2)
        damage = [row[0] for row in db.execute_sql("PRAGMA integrity_check(10)").fetchall()]
        if damage != ["ok"]:
            raise BackupError(
                path,
                translate("backup", "the file is damaged: {details}").format(
                    details="; ".join(damage)
                ),
            )
        progress(1, 2)
        present = set(db.get_tables())
        missing = [t._meta.table_name for t in TABLES if t._meta.table_name not in present]
        if missing:
            raise BackupError(
                path,
                translate(
                    "backup", "this is not a CRM database: it lacks the tables {tables}"
                ).format(tables=", ".join(missing)),
            )
        problems = table_problems(db)
        if problems:
            details = "; ".join(f"{table}: {', '.join(cols)}" for table, cols in problems.items())
            raise BackupError(
                path,
                translate("backup", "its tables lack columns the app needs ({details})").format(
                    details=details
                ),
            )
        rows = {
            t._meta.table_name: int(
                db.execute_sql(f'SELECT COUNT(*) FROM "{t._meta.table_name}"').fetchone()[0]
            )
            for t in TABLES
        }
        progress(2, 2)
    except (peewee.DatabaseError, apsw.Error) as exc:
        raise BackupError(
            path, translate("backup", "the file is damaged: {details}").format(details=exc)
        ) from exc
    finally:
        db.close()
    return BackupInfo(path=path, bytes=path.stat().st_size, rows=rows)


# --- restoring ------------------------------------------------------------------------------


def kept_name(live: Path) -> Path:
    """Where a restore keeps the file it replaces: ``crm.sqlite3.before-restore``, or
    ``crm.sqlite3.2.before-restore``… when an older one is there (never overwritten)."""
    candidate = live.with_name(live.name + BEFORE_RESTORE)
    number = 2
    while candidate.exists():
        candidate = live.with_name(f"{live.name}.{number}{BEFORE_RESTORE}")
        number += 1
    return candidate


def restore_file(backup: Path, live: Path, progress: Progress = _no_op) -> Path | None:
    """Put ``backup`` (checked with check_backup() first) in place of the ``live`` file,
    keeping the replaced file beside it (see kept_name(); returned, or None when there was
    no live file).

    Every connection of this process to ``live`` must be closed first. The live file is
    switched out of WAL first, which SQLite allows only when no other program has it open
    (the web backend keeps a connection open while it runs): BackupError says so then.
    That also folds the -wal file into the live file and removes it with the -shm, so no
    stale WAL can be replayed onto the restored file. The backup is copied to a temporary
    file beside ``live`` (through SQLite, so a backup's own WAL counts), flushed, and then
    renamed over ``live`` while the old file is locked exclusively.
    """
    backup, live = Path(backup), Path(live)
    part = safe_files.temporary_beside(live)
    try:
        _copy_whole(backup, part, progress)
        return _swap(part, live)
    finally:
        for suffix in ("", *_COMPANIONS):
            safe_files.remove_quietly(part.with_name(part.name + suffix))


def _copy_whole(backup: Path, part: Path, progress: Progress) -> None:
    try:
        src = apsw.Connection(str(backup), flags=apsw.SQLITE_OPEN_READONLY)
    except apsw.Error as exc:
        raise BackupError(backup, str(exc)) from exc
    dst = apsw.Connection(str(part))
    try:
        dst.execute("PRAGMA journal_mode = OFF")
        dst.execute("PRAGMA synchronous = OFF")
        with dst.backup("main", src, "main") as copy:
            while not copy.done:
                copy.step(max(1, WAL_STEP_BYTES // 4096))
                progress(copy.page_count - copy.remaining, copy.page_count)
        dst.execute("PRAGMA journal_mode = DELETE").fetchall()
    except apsw.Error as exc:
        raise BackupError(backup, str(exc)) from exc
    finally:
        dst.close()
        src.close()
    safe_files.fsync_file(part)


def _swap(part: Path, live: Path) -> Path | None:
    if not live.exists():
        safe_files.publish(part, live, replace=False)
        return None
    connection = apsw.Connection(str(live))
    connection.set_busy_timeout(RESTORE_LOCK_TIMEOUT_MS)
    try:
        try:
            connection.execute("PRAGMA journal_mode = DELETE").fetchall()
            # Nobody reads or writes the old file from here until it has been replaced.
            connection.execute("BEGIN EXCLUSIVE")
        except apsw.BusyError as exc:
            raise BackupError(
                live,
                translate(
                    "backup",
                    "another program has the database open (the web backend?). Stop it, "
                    "then restore again. Nothing was changed.",
                ),
            ) from exc
        wal = live.with_name(live.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise BackupError(
                live,
                translate(
                    "backup", "{name} is still beside the database; nothing was changed."
                ).format(name=wal.name),
            )
        for suffix in _COMPANIONS:
            safe_files.remove_quietly(live.with_name(live.name + suffix))
        kept = kept_name(live)
        try:
            os.link(live, kept)
        except OSError:
            # No hard links here (FAT, some network shares): a copy, made under the lock.
            shutil.copyfile(live, kept)
            safe_files.fsync_file(kept)
        if os.name == "nt":
            connection.close()  # Windows renames no file that is open
        os.replace(part, live)
        safe_files.fsync_folder(live.parent)
    finally:
        connection.close()
    return kept
