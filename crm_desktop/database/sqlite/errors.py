"""SQLite's errors told apart by APSW's exception classes (one per result code), never by
their words: another SQLite build, or a translated one, says them differently."""

from __future__ import annotations

from pathlib import Path

import apsw

from crm_desktop.errors import (
    DatabaseFileError,
    DatabaseProblem,
    NotADatabaseError,
    add_problem_finder,
    causes,
)
from crm_desktop.i18n import translate

# APSW raises one class per primary result code (SQLITE_BUSY -> BusyError, …).
_PROBLEMS: tuple[tuple[type[apsw.Error], DatabaseProblem], ...] = (
    (apsw.BusyError, DatabaseProblem.busy),
    (apsw.LockedError, DatabaseProblem.busy),
    (apsw.ReadOnlyError, DatabaseProblem.read_only),
    (apsw.FullError, DatabaseProblem.disk_full),
    (apsw.CorruptError, DatabaseProblem.damaged),
    (apsw.NotADBError, DatabaseProblem.damaged),
    (apsw.CantOpenError, DatabaseProblem.unreachable),
    (apsw.IOError, DatabaseProblem.unreachable),
)


def sqlite_error(exc: BaseException) -> apsw.Error | None:
    """The SQLite (APSW) error behind ``exc``, if any: peewee raises its own exception
    types while handling APSW's, whose class tells the result code."""
    return next((cause for cause in causes(exc) if isinstance(cause, apsw.Error)), None)


def sqlite_problem(exc: BaseException) -> DatabaseProblem | None:
    """What an APSW error means for the person (None for other errors)."""
    if not isinstance(exc, apsw.Error):
        return None
    return next((problem for kind, problem in _PROBLEMS if isinstance(exc, kind)), None)


add_problem_finder(sqlite_problem)


def file_problem(path: Path, exc: BaseException) -> DatabaseFileError | None:
    """The file-level problem SQLite's result code says (SQLITE_NOTADB, SQLITE_CORRUPT), as
    an error naming the file; None for any other error."""
    error = sqlite_error(exc)
    if isinstance(error, apsw.NotADBError):
        return NotADatabaseError(path, translate("database", "this file is not a SQLite database"))
    if isinstance(error, apsw.CorruptError):
        return DatabaseFileError(
            path,
            translate(
                "database",
                "the file is damaged ({detail}). Open another database or a backup copy; "
                "crm-desktop --check --db FILE tells what is wrong",
            ).format(detail=str(exc)),
        )
    return None
