"""The open database, for the layers above the service: open, close, watch, reconnect.

Widgets and the app's window never touch the data layer: these functions open a database
(a file or an office server) and hand back plain facts about it (``OpenedDatabase``), a
watch for other programs' changes, and the app's indexes still to build as work for a
thread (``BackgroundWork``); both are the data layer's small interfaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crm_desktop import database
from crm_desktop.database.interface import BackgroundWork, ChangeWatch
from crm_desktop.locations import DatabaseLocation

__all__ = [
    "BackgroundWork",
    "ChangeWatch",
    "OpenedDatabase",
    "close_database",
    "database_file",
    "index_work",
    "open_database",
    "probe_server",
    "reconnect",
    "release_thread_connection",
    "watch_changes",
]


@dataclass(frozen=True)
class OpenedDatabase:
    """What the window shows about the database it opened."""

    location: DatabaseLocation
    # Why the database can only be read (a read-only file or folder), or "" when writable.
    read_only_reason: str
    # Sentences about it that the user should know (e.g. it is on a network drive).
    warnings: tuple[str, ...]


def open_database(
    location: str | Path | DatabaseLocation, *, create: bool = False
) -> OpenedDatabase:
    """Open the database at ``location`` for this process (see crm_desktop.database.init_db:
    what is checked and refused, and the errors that say why); a missing file is created
    only with ``create``."""
    db = database.init_db(location, create=create)
    return OpenedDatabase(db.location, db.read_only_reason, tuple(db.warnings))


def close_database() -> None:
    """Close the open database (this thread's connection) and unbind the tables."""
    database.close_db()


def database_file() -> Path | None:
    """The open database's file; None on an office server or when none is open."""
    db = database.current_database()
    return db.location.path if db is not None else None


def watch_changes() -> ChangeWatch:
    """A watch for other programs' changes to the open database."""
    return database.change_watch()


def reconnect() -> None:
    """After the database was away: drop this thread's connection if it broke, so that the
    next statement opens a new one."""
    database.reset_connection()


def index_work() -> BackgroundWork | None:
    """The app's indexes the open file still lacks (a big file opened for the first time),
    to build on a thread of its own; None when nothing is missing or it cannot be written."""
    db = database.current_database()
    return db.index_work() if db is not None else None


def release_thread_connection() -> None:
    """Close this thread's connection (peewee keeps one per thread): a pooled worker thread
    must not hold one open after its job."""
    db = database.current_database()
    if db is not None:
        db.close()


def probe_server(location: DatabaseLocation) -> tuple[bool, str]:
    """Whether an office server can be used, in words (blocks up to a few seconds)."""
    from crm_desktop.database.postgres import probe  # the driver loads for a server only

    return probe(location)
