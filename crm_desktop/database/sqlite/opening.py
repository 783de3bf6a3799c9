"""Opening a file: checked before anything is written, created only when asked, read-only
when it cannot be written, with WAL only where it is safe."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import apsw
import peewee

from crm_desktop.database.sqlite.connection import BUSY_TIMEOUT_SECONDS, CrmDatabase
from crm_desktop.database.sqlite.errors import file_problem, sqlite_error
from crm_desktop.database.sqlite.indexes import create_missing
from crm_desktop.database.tables import TABLES, schema_problems
from crm_desktop.errors import (
    DatabaseFileError,
    DatabaseMissingError,
    NotADatabaseError,
    SchemaMismatchError,
)
from crm_desktop.i18n import translate
from crm_desktop.storage import Storage, StorageKind, storage_of

SQLITE_HEADER = b"SQLite format 3\x00"

Result = TypeVar("Result")


def check_sqlite_file(path: Path) -> None:
    """Raise NotADatabaseError unless ``path`` is missing, empty, or starts like a SQLite file."""
    if path.is_dir():
        raise NotADatabaseError(
            path, translate("database", "this is a folder, not a database file")
        )
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotADatabaseError(
            path,
            translate("database", "the file cannot be read ({reason})").format(reason=exc.strerror),
        ) from exc
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(path, translate("database", "this file is not a SQLite database"))


def _readable(path: Path, db: CrmDatabase, action: Callable[[], Result]) -> Result:
    """Run ``action``; SQLite's "not a database" becomes NotADatabaseError naming the file."""
    try:
        return action()
    except peewee.DatabaseError as exc:
        db.close()
        problem = file_problem(path, exc)
        if problem is not None:
            raise problem from exc
        raise


def inspect_schema(path: Path, read_only: bool = False) -> dict[str, list[str]]:
    """schema_problems() of an existing file, read without changing a byte of it."""
    db = connect_read_only(path) if read_only else CrmDatabase(path, pragmas=False)
    try:
        return _readable(path, db, lambda: schema_problems(db))
    finally:
        db.close()


def connect_read_only(path: Path) -> CrmDatabase:
    """A connection that can only read (and never changes the file, nor files beside it)."""
    db = CrmDatabase(path, read_only=True)
    try:
        _readable(path, db, lambda: (db.connect(), db.get_tables()))
    except peewee.OperationalError:
        # A WAL file without its -shm index in a read-only folder cannot be opened for
        # shared reading; read it as an unchanging snapshot instead.
        db.close()
        db = CrmDatabase(path, read_only=True, immutable=True)
        _readable(path, db, lambda: (db.connect(), db.get_tables()))
        db.warnings.append(
            translate(
                "database",
                "Changes that other programs make to this file will not show until it is "
                "opened again.",
            )
        )
    return db


def read_only_reason(path: Path) -> str | None:
    """Why the app can only read this file (in words), or None when it can write it."""
    if path.exists() and not os.access(path, os.W_OK):
        return translate("database", "the file is read-only")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    # SQLite writes its journal (or WAL and its index) beside the file.
    if not os.access(folder, os.W_OK | os.X_OK):
        return translate("database", "its folder is read-only")
    return None


def _storage_warning(storage: Storage, journal_mode: str) -> str:
    where = {
        StorageKind.network: translate("database", "a network drive ({fs})"),
        StorageKind.bind_mount: translate("database", "a container's bind mount ({fs})"),
    }[storage.kind].format(fs=storage.file_system)
    if journal_mode == "wal":
        return translate(
            "database",
            "This file is on {where} and already uses SQLite's WAL journal, which is not safe "
            "there: two programs writing at once can damage it. Keep the file on a local "
            "drive, or use an office database server.",
        ).format(where=where)
    return translate(
        "database",
        "This file is on {where}. It is opened without SQLite's WAL journal, which is not "
        "safe there; only one program should write to it at a time.",
    ).format(where=where)


def open_file(
    path: Path,
    *,
    read_only: bool | None = None,
    storage: Storage | None = None,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    create: bool = True,
) -> CrmDatabase:
    """Open the file at ``path`` (see crm_desktop.database.init_db for what is checked,
    created and refused)."""
    check_sqlite_file(path)
    if not path.exists() and (not create or not path.parent.is_dir()):
        raise DatabaseMissingError(path)
    reason = (
        read_only_reason(path)
        if read_only is None
        else (translate("database", "it was opened read-only") if read_only else None)
    )
    if reason is not None and not path.exists():
        raise DatabaseFileError(
            path,
            translate("database", "the database cannot be created here: {reason}").format(
                reason=reason
            ),
        )
    if path.exists():
        problems = inspect_schema(path, read_only=reason is not None)
        if problems:
            raise SchemaMismatchError(path, problems)
    storage = storage or storage_of(path)
    db: CrmDatabase | None = None
    if reason is None:
        writer = CrmDatabase(path, wal=storage.wal_safe, busy_timeout=busy_timeout)
        try:
            writer.pending_indexes = _readable(path, writer, lambda: create_missing(writer))
            db = writer
        except peewee.OperationalError as exc:
            writer.close()
            if not isinstance(sqlite_error(exc), apsw.ReadOnlyError):
                raise
            reason = translate("database", "the file cannot be written to")
    if db is None:
        db = _open_read_only(path)
        db.read_only_reason = reason or ""
    db.storage = storage
    if not storage.wal_safe:
        db.warnings.append(_storage_warning(storage, db.journal_mode))
    return db


def _open_read_only(path: Path) -> CrmDatabase:
    db = connect_read_only(path)
    missing = {table._meta.table_name for table in TABLES} - set(db.get_tables())
    if missing:
        db.close()
        raise DatabaseFileError(
            path,
            translate("database", "the file is read-only and lacks the tables {tables}").format(
                tables=", ".join(sorted(missing))
            ),
        )
    return db
