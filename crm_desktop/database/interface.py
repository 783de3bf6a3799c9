"""What every database engine provides: the small interface the layers above rely on.

Two engines implement it, neither importing the other: a file on this computer
(crm_desktop.database.sqlite) and an office PostgreSQL server
(crm_desktop.database.postgres). ``crm_desktop.database.init_db()`` picks one from the
location and binds the tables to what it opened; the service then speaks peewee's query
builder, which is the same on both.

Something that differs between the engines (a query piece, a way of watching for changes)
becomes a method here, implemented by both; the service reaches it through
``crm_desktop.database`` (see ``case_insensitive()`` there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import peewee

from crm_desktop.database.search.index import SearchIndex
from crm_desktop.locations import DatabaseLocation


class ChangeWatch(Protocol):
    """How an open database tells of other programs' changes.

    ``poll()`` says whether another connection committed a change since the last poll; it
    raises while the database cannot be reached. An engine that learns of changes by itself
    (a server's listening thread) calls the function given to ``subscribe()`` when there is
    news, from its own thread; a file's watch never calls it (the app polls a file).
    ``retry_in()`` is, while the database is away, how many seconds until the next attempt
    to reach it (0 while one runs); None when there is nothing to count down to.
    """

    def poll(self) -> bool: ...

    def subscribe(self, wake: Callable[[], None] | None) -> None: ...

    def retry_in(self) -> float | None: ...

    def close(self) -> None: ...


class BackgroundWork(Protocol):
    """Work for a thread of its own (building indexes): ``run()`` there, ``stop()`` from
    any thread to interrupt it; what was done stays done."""

    def run(self) -> None: ...

    def stop(self) -> None: ...


class Database(Protocol):
    """An open database, as the layers above the engines see it."""

    # Why the database can only be read (a read-only file or folder), or "" when writable.
    read_only_reason: str
    # Sentences about the database that the user should know (e.g. a network drive).
    warnings: list[str]

    @property
    def location(self) -> DatabaseLocation: ...

    def change_watch(self) -> ChangeWatch:
        """A new watch for other programs' changes to this database."""
        ...

    def index_work(self) -> BackgroundWork | None:
        """The app's indexes that this database still lacks, to build on a thread of its
        own (a big file opened for the first time); None when none are missing."""
        ...

    def index_ready(self, name: str) -> bool:
        """False while the app's index ``name`` is still to be built."""
        ...

    def case_insensitive(self, column: peewee.ColumnBase) -> peewee.ColumnBase:
        """An ordering key for ``column`` that ignores case and can use the app's index."""
        ...

    def search_index(self) -> SearchIndex:
        """The app's search index of this database (crm_desktop.database.search), one
        object per open database."""
        ...

    def close(self) -> bool: ...

    def is_closed(self) -> bool: ...
