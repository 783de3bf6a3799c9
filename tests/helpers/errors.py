"""Database errors as the drivers raise them, for tests that stand one in for a real one:
peewee's own type, with the driver's error (whose type tells what happened) inside."""

from __future__ import annotations

import apsw
import peewee


def as_peewee_raises(driver_error: Exception) -> peewee.OperationalError:
    """``driver_error`` as peewee raises it: its own type, with the driver's as the cause."""
    try:
        try:
            raise driver_error
        except Exception as exc:
            raise peewee.OperationalError(exc, *exc.args) from exc  # as peewee's wrapper does
    except peewee.OperationalError as wrapped:
        return wrapped


def database_busy() -> peewee.OperationalError:
    """Another program holds SQLite's write lock (SQLITE_BUSY)."""
    return as_peewee_raises(apsw.BusyError("database is locked"))


def disk_io_error() -> peewee.OperationalError:
    """The file's drive failed (SQLITE_IOERR)."""
    return as_peewee_raises(apsw.IOError("disk I/O error"))
