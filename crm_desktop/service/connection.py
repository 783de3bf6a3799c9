"""Opening, watching and closing the database, for the layers above the service.

The widgets never reach below the service: these are the database's own functions,
named here for them.
"""

from __future__ import annotations

from crm_desktop.database import (
    ChangeWatch,
    CrmDatabase,
    IndexBuild,
    change_watch,
    close_db,
    current_database,
    init_db,
    reset_connection,
)
from crm_desktop.locations import DatabaseLocation

__all__ = [
    "ChangeWatch",
    "CrmDatabase",
    "IndexBuild",
    "change_watch",
    "close_db",
    "current_database",
    "init_db",
    "probe_server",
    "release_thread_connection",
    "reset_connection",
]


def release_thread_connection() -> None:
    """Close this thread's connection (peewee keeps one per thread): a pooled worker thread
    must not hold one open after its job."""
    database = current_database()
    if database is not None:
        database.close()


def probe_server(location: DatabaseLocation) -> tuple[bool, str]:
    """Whether an office server can be used, in words (blocks up to a few seconds)."""
    from crm_desktop.postgres import probe

    return probe(location)
