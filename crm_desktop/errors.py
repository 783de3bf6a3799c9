"""The errors the app raises on purpose, each with a message a person can read."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Generic, TypeVar

import peewee

from crm_desktop.i18n import QT_TRANSLATE_NOOP, translate


class CrmError(Exception):
    """Base of the errors that the app expects and explains in plain words."""


class NotFoundError(CrmError):
    """A record that was asked for by id is not (or no longer) in the database."""

    def __init__(self, kind: str, record_id: str) -> None:
        self.kind = kind
        self.record_id = record_id
        super().__init__(f"No {kind} with id {record_id!r} exists (it may have been deleted).")


class InvalidInputError(CrmError):
    """Input that does not fit the models; ``field_errors`` maps each field to what is wrong."""

    def __init__(self, field_errors: dict[str, str]) -> None:
        self.field_errors = dict(field_errors)
        text = "; ".join(
            f"{name}: {message}" if name else message for name, message in field_errors.items()
        )
        super().__init__(text or "The input is not valid.")


class DatabaseFileError(CrmError):
    """A database file that the app cannot use as it is; names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        # A file's path, or a server's address (kept as text: a Path would mangle "//").
        self.path: Path | str = str(path) if "://" in str(path) else Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NotADatabaseError(DatabaseFileError):
    pass


class DatabaseMissingError(DatabaseFileError):
    """There is no database at this path, and the app creates none without being asked."""

    def __init__(self, path: Path) -> None:
        folder = path.parent
        if folder.is_dir():
            reason = translate("errors", "there is no database file there")
        else:
            while not folder.parent.is_dir() and folder != folder.parent:
                folder = folder.parent
            reason = translate("errors", "the folder {folder} does not exist").format(folder=folder)
        super().__init__(path, reason)


class DriverMissingError(DatabaseFileError):
    """The office server's database driver (psycopg) is not installed."""

    def __init__(self, address: str) -> None:
        super().__init__(
            address,
            translate(
                "errors",
                "the PostgreSQL driver is not installed. Install the app with its office-server "
                'part: pip install "crm-desktop[postgres]" (the installers include it).',
            ),
        )


class SchemaMismatchError(DatabaseFileError):
    """The file's tables lack columns that the app needs."""

    def __init__(self, path: Path | str, missing: dict[str, list[str]]) -> None:
        self.missing = missing
        parts = [f"table {table} lacks {', '.join(cols)}" for table, cols in missing.items()]
        super().__init__(
            path, "the database does not have the expected columns: " + "; ".join(parts)
        )


class DatabaseProblem(Enum):
    """Why the database could not do what was asked, as the engines tell it by the error's
    type or code (APSW's exception classes, PostgreSQL's SQLSTATE), never by its words."""

    busy = "busy"  # another program holds the lock
    read_only = "read_only"  # the file, its folder or the server's transaction is read-only
    disk_full = "disk_full"
    damaged = "damaged"  # not a database, or a damaged one
    unreachable = "unreachable"  # the file cannot be read or written (a drive gone)
    server_unreachable = "server_unreachable"  # the server or the network is down
    server_full = "server_full"  # every connection the server allows is in use
    login_refused = "login_refused"
    no_secure_connection = "no_secure_connection"  # TLS (sslmode) did not work out


class ServerConnectionError(peewee.OperationalError):
    """The office server cannot be used now: the connection broke, could not be made, the
    server is full or refused the login (``problem``). ``detail`` is libpq's first line
    (the address never holds a password, so neither does this); the app keeps trying by
    itself."""

    def __init__(
        self, detail: str, problem: DatabaseProblem = DatabaseProblem.server_unreachable
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.problem = problem

    @property
    def full(self) -> bool:
        return self.problem is DatabaseProblem.server_full


Record = TypeVar("Record")


class ConflictError(CrmError, Generic[Record]):
    """A record changed or vanished in the database while a person was editing it."""

    def __init__(
        self, kind: str, record_id: str, current: Record | None, fields: tuple[str, ...] = ()
    ) -> None:
        self.kind = kind
        self.record_id = record_id
        self.current = current  # the record as it is now, or None when it was deleted
        self.fields = fields  # what both sides changed
        what = "deleted" if current is None else "changed"
        super().__init__(f"The {kind} {record_id!r} was {what} by someone else meanwhile.")


class ExplainedError(CrmError):
    """An error that brings its own words for people: a title and a sentence or two."""

    def __init__(self, title: str, text: str) -> None:
        self.title = title
        self.text = text
        super().__init__(text)


class Cancelled(CrmError):  # noqa: N818 (no error: the person chose it)
    """Long work (an export, a backup) stopped because the person pressed Cancel."""


@dataclass(frozen=True)
class Explanation:
    """An error in words for people: a title, a sentence or two, and whether it is a bug.
    ``plain``: the text is the error's own sentence and the title only a generic heading
    (a message above a form shows the sentence alone)."""

    title: str
    text: str
    is_bug: bool = False
    plain: bool = False


def driver_missing(exc: BaseException) -> bool:
    """The office-server driver (psycopg) could not be imported."""
    return isinstance(exc, ModuleNotFoundError) and (exc.name or "").split(".")[0] in (
        "psycopg",
        "psycopg_binary",
        "psycopg_c",
    )


def explain(exc: BaseException) -> Explanation:
    """Sort an error into plain words; anything unexpected is a bug (shown with details)."""
    if isinstance(exc, InvalidInputError):
        return Explanation(translate("errors", "Please check the input"), str(exc))
    if isinstance(exc, NotFoundError):
        return Explanation(
            translate("errors", "Not found"),
            translate(
                "errors", "This {kind} no longer exists: someone may have deleted it."
            ).format(kind=translate("errors", exc.kind)),
        )
    if isinstance(exc, ConflictError):
        return Explanation(translate("errors", "Changed meanwhile"), str(exc))
    if isinstance(exc, ExplainedError):
        return Explanation(exc.title, exc.text)
    if isinstance(exc, DatabaseMissingError):
        return Explanation(
            translate("errors", "There is no database there"),
            translate("errors", "{path}\n\n{reason} Nothing was created.").format(
                path=exc.path, reason=_sentence(exc.reason)
            ),
        )
    if isinstance(exc, DatabaseFileError):
        return Explanation(
            translate("errors", "This database cannot be opened"),
            translate("errors", "{path}\n\n{reason}").format(
                path=exc.path, reason=_sentence(exc.reason)
            ),
        )
    if driver_missing(exc):
        return Explanation(
            translate("errors", "The PostgreSQL driver is not installed"),
            translate(
                "errors",
                "The office server needs the app's PostgreSQL part: pip install "
                '"crm-desktop[postgres]" (the installers include it).',
            ),
        )
    problem = database_problem(exc)
    if problem is not None:
        title, text = _PROBLEM_WORDS[problem]
        return Explanation(translate("errors", title), translate("errors", text))
    if isinstance(exc, CrmError):  # e.g. an address that cannot be used: already in words
        return Explanation(
            translate("errors", "This cannot be used as it is"), str(exc), plain=True
        )
    if isinstance(exc, OSError) and exc.errno in _OS_MESSAGES:
        title, text = _OS_MESSAGES[exc.errno]
        return Explanation(
            translate("errors", title), translate("errors", text).format(path=exc.filename or "")
        )
    return Explanation(
        translate("errors", "Something went wrong"),
        translate(
            "errors",
            "This is a bug in CRM Desktop. Nothing you saved before is affected. "
            "The details below are in the log file too.",
        ),
        is_bug=True,
    )


# What a person reads for each problem (the title, then what happened and what to do).
_PROBLEM_WORDS = {
    DatabaseProblem.busy: (
        QT_TRANSLATE_NOOP("errors", "The database is busy"),
        QT_TRANSLATE_NOOP(
            "errors",
            "Another program is writing to the database. Nothing was saved; try again in a moment.",
        ),
    ),
    DatabaseProblem.read_only: (
        QT_TRANSLATE_NOOP("errors", "The database is read-only"),
        QT_TRANSLATE_NOOP(
            "errors",
            "The database file cannot be written to (the file or its folder is read-only). "
            "Nothing was saved.",
        ),
    ),
    DatabaseProblem.disk_full: (
        QT_TRANSLATE_NOOP("errors", "The disk is full"),
        QT_TRANSLATE_NOOP(
            "errors",
            "There is no space left for the database. Free some space, then try again.",
        ),
    ),
    DatabaseProblem.damaged: (
        QT_TRANSLATE_NOOP("errors", "The database is damaged"),
        QT_TRANSLATE_NOOP(
            "errors",
            "The database file is damaged. Nothing was written to it; open a backup copy.",
        ),
    ),
    DatabaseProblem.unreachable: (
        QT_TRANSLATE_NOOP("errors", "The database cannot be reached"),
        QT_TRANSLATE_NOOP(
            "errors",
            "The database file cannot be read or written (is its drive or network share still "
            "there?). Nothing was saved.",
        ),
    ),
    DatabaseProblem.server_unreachable: (
        QT_TRANSLATE_NOOP("errors", "The office server cannot be reached"),
        QT_TRANSLATE_NOOP(
            "errors",
            "The server or the network is down. Nothing was saved; the app reconnects by itself "
            "when the server is back.",
        ),
    ),
    DatabaseProblem.server_full: (
        QT_TRANSLATE_NOOP("errors", "The office server is full"),
        QT_TRANSLATE_NOOP(
            "errors",
            "The office server is full (every connection it allows is in use): its "
            "administrator can raise max_connections to twice the number of desktops plus "
            "20 and restart it, or end connections that are no longer needed.",
        ),
    ),
    DatabaseProblem.login_refused: (
        QT_TRANSLATE_NOOP("errors", "The office server refused the login"),
        QT_TRANSLATE_NOOP(
            "errors",
            "Check the user name in the server's address, and the password in ~/.pgpass (or the "
            "PGPASSWORD variable, or a PostgreSQL service file). Nothing was saved.",
        ),
    ),
    DatabaseProblem.no_secure_connection: (
        QT_TRANSLATE_NOOP("errors", "No secure connection to the office server"),
        QT_TRANSLATE_NOOP(
            "errors",
            "The server's encryption (sslmode) did not work out. Ask whoever runs the server. "
            "Nothing was saved.",
        ),
    ),
}

# How each database engine tells its own errors apart, by the error's class or code and
# never by its words (crm_desktop/database/sqlite/errors.py,
# crm_desktop/database/postgres/errors.py add theirs when they are imported): this module
# sits below the data layer and knows no database driver.
ProblemFinder = Callable[[BaseException], DatabaseProblem | None]
_problem_finders: list[ProblemFinder] = []


def add_problem_finder(finder: ProblemFinder) -> None:
    """Let ``explain()`` ask ``finder`` what a driver's error means (an engine's own)."""
    if finder not in _problem_finders:
        _problem_finders.append(finder)


def causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and what it wraps: peewee keeps the driver's error as its first argument and
    as the context it was raised in."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend(arg for arg in current.args[:1] if isinstance(arg, BaseException))
        pending.extend(c for c in (current.__cause__, current.__context__) if c is not None)


def database_problem(exc: BaseException) -> DatabaseProblem | None:
    """What the database's error ``exc`` (or one it wraps) means, if an engine knows it."""
    for cause in causes(exc):
        if isinstance(cause, ServerConnectionError):
            return cause.problem
        for finder in _problem_finders:
            problem = finder(cause)
            if problem is not None:
                return problem
    return None


def _sentence(reason: str) -> str:
    """A reason ("the file is damaged") as a sentence: a capital letter, a full stop."""
    if not reason:
        return reason
    text = reason[:1].upper() + reason[1:]
    return text if text.endswith((".", "!", "?", ")")) else text + "."


_OS_MESSAGES = {
    errno.EACCES: (
        QT_TRANSLATE_NOOP("errors", "No permission"),
        QT_TRANSLATE_NOOP("errors", "You have no permission to use {path}."),
    ),
    errno.EPERM: (
        QT_TRANSLATE_NOOP("errors", "No permission"),
        QT_TRANSLATE_NOOP("errors", "You have no permission to use {path}."),
    ),
    errno.ENOSPC: (
        QT_TRANSLATE_NOOP("errors", "The disk is full"),
        QT_TRANSLATE_NOOP("errors", "There is no space left on the disk for {path}."),
    ),
    errno.EROFS: (
        QT_TRANSLATE_NOOP("errors", "Read-only"),
        QT_TRANSLATE_NOOP("errors", "{path} is on a read-only drive."),
    ),
    errno.ENOENT: (
        QT_TRANSLATE_NOOP("errors", "Not found"),
        QT_TRANSLATE_NOOP("errors", "{path} does not exist (any more)."),
    ),
}
