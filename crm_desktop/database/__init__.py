"""The data layer's front: open a database, a file or an office server, and bind the
tables to it.

``init_db(location)`` picks the engine from the location (``crm_desktop.database.sqlite``
for a file, ``crm_desktop.database.postgres`` for a server, which loads only then) and
returns what it opened: a ``Database`` (``crm_desktop.database.interface``), the small
interface both engines implement. The tables (``crm_desktop.database.tables``) are bound
to it through ``database_proxy``; the service writes its queries with peewee's query
builder and reaches what differs between the engines through the functions here
(``case_insensitive()``, ``index_ready()``, ``change_watch()``).

Layers above the service never import this package: they go through the service.
"""

from __future__ import annotations

from pathlib import Path

import peewee

from crm_desktop.database import search
from crm_desktop.database.interface import BackgroundWork, ChangeWatch, Database
from crm_desktop.database.sqlite import (
    BUSY_TIMEOUT_SECONDS,
    SQLITE_HEADER,
    CrmDatabase,
    IndexBuild,
    open_file,
)
from crm_desktop.database.tables import (
    COMMS_DDL,
    COMMS_INDEX,
    CUSTOMERS_DDL,
    INDEX_DDL,
    MEDIA_DDL,
    TABLE_DDL,
    TABLES,
    BaseTable,
    CommTable,
    CustomerTable,
    JsonListField,
    MediaTable,
    TimestampField,
    database_proxy,
    index_name,
    new_id,
    required_columns,
    schema_problems,
)
from crm_desktop.errors import DriverMissingError, driver_missing
from crm_desktop.locations import DatabaseLocation, Kind, parse_location
from crm_desktop.storage import Storage

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "COMMS_DDL",
    "COMMS_INDEX",
    "CUSTOMERS_DDL",
    "INDEX_DDL",
    "MEDIA_DDL",
    "SQLITE_HEADER",
    "TABLES",
    "TABLE_DDL",
    "BackgroundWork",
    "BaseTable",
    "ChangeWatch",
    "CommTable",
    "CrmDatabase",
    "CustomerTable",
    "Database",
    "IndexBuild",
    "JsonListField",
    "MediaTable",
    "TimestampField",
    "case_insensitive",
    "change_watch",
    "close_db",
    "current_database",
    "database_proxy",
    "index_name",
    "index_ready",
    "init_db",
    "new_id",
    "on_server",
    "required_columns",
    "reset_connection",
    "schema_problems",
]


def init_db(
    location: str | Path | DatabaseLocation,
    *,
    read_only: bool | None = None,
    storage: Storage | None = None,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    create: bool = True,
) -> Database:
    """Open the database at ``location`` and bind the tables to it: a file (a path or
    ``sqlite:///path``) or an office server (``postgresql://…``), which behave the same
    from here up.

    A missing file is created only with ``create`` (what File ▸ New database… and the
    first start's default database ask for); otherwise, and always when its folder is
    missing, DatabaseMissingError: no folder is ever made on the way to a database.

    Creates missing tables with the backend's statements and the app's indexes; raises
    NotADatabaseError, SchemaMismatchError or DatabaseFileError, naming the file or the
    server, when it cannot be used, and then leaves it exactly as it was. A file the app
    cannot write (``read_only`` None: found out) is opened read-only, changing nothing in
    it. ``storage`` (found out when None) decides whether the file may use WAL.
    ``busy_timeout`` is how long a statement waits for another program's lock (SQLite
    retries meanwhile) before it fails with "database is locked".
    """
    if not isinstance(location, DatabaseLocation):
        location = parse_location(location)
    db: Database
    if location.kind is Kind.postgresql:
        try:
            # The driver loads here, for a server only.
            from crm_desktop.database import postgres
        except ModuleNotFoundError as exc:
            if driver_missing(exc):
                raise DriverMissingError(location.url) from exc
            raise
        db = postgres.open_server(location)
    else:
        assert location.path is not None
        db = open_file(
            location.path,
            read_only=read_only,
            storage=storage,
            busy_timeout=busy_timeout,
            create=create,
        )
    # A new or small database gets its search index at once (a big one: in the background).
    search.build_now_if_small(db)
    database_proxy.initialize(db)
    return db


def close_db() -> None:
    """Close this thread's connection and unbind the tables."""
    db = database_proxy.obj
    if db is not None:
        db.close()
    database_proxy.initialize(None)


def current_database() -> Database | None:
    """The open database, or None."""
    db: Database | None = database_proxy.obj
    return db


def _open() -> Database:
    db = current_database()
    if db is None:
        raise peewee.InterfaceError("No database is open (init_db() was not called).")
    return db


def reset_connection() -> None:
    """Drop this thread's connection if it broke (a server restarted): the next statement
    opens a new one instead of failing on the dead one."""
    db = current_database()
    if db is None or db.is_closed():
        return
    try:
        db.close()
    except Exception:  # a broken connection may fail to close: it is dropped all the same
        return


def on_server() -> bool:
    return current_database() is not None and _open().location.kind is Kind.postgresql


def case_insensitive(column: peewee.ColumnBase) -> peewee.ColumnBase:
    """An ordering key that ignores case and can use the app's name index (SQLite's NOCASE,
    an index on lower(name) on a server)."""
    return _open().case_insensitive(column)


def index_ready(name: str) -> bool:
    """False while one of the app's indexes is still being built for the open file."""
    db = current_database()
    return db is None or db.index_ready(name)


def change_watch() -> ChangeWatch:
    """How the open database tells of other programs' changes (``poll()`` says whether
    something changed; it raises while the database cannot be reached)."""
    return _open().change_watch()
