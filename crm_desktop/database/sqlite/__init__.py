"""The database in a SQLite file, shared with the web backend: everything SQLite-specific.

``connection`` is the app's connection (APSW's SQLite, WAL, IMMEDIATE writes that take
their turn, PRAGMA data_version for other programs' commits), ``opening`` checks a file
and opens it (created only when asked, read-only when it cannot be written), ``indexes``
makes the app's indexes (on a big file later, on a thread), ``errors`` tells SQLite's errors
apart by APSW's exception classes.
"""

from crm_desktop.database.sqlite.connection import (
    BUSY_TIMEOUT_SECONDS,
    PRAGMAS,
    CrmDatabase,
    DataVersionWatch,
    sqlite_library_version,
    switch_to_wal,
)
from crm_desktop.database.sqlite.errors import file_problem, sqlite_error, sqlite_problem
from crm_desktop.database.sqlite.indexes import BACKGROUND_INDEX_ROWS, IndexBuild, create_missing
from crm_desktop.database.sqlite.opening import (
    SQLITE_HEADER,
    check_sqlite_file,
    connect_read_only,
    inspect_schema,
    open_file,
    read_only_reason,
)

__all__ = [
    "BACKGROUND_INDEX_ROWS",
    "BUSY_TIMEOUT_SECONDS",
    "PRAGMAS",
    "SQLITE_HEADER",
    "CrmDatabase",
    "DataVersionWatch",
    "IndexBuild",
    "check_sqlite_file",
    "connect_read_only",
    "create_missing",
    "file_problem",
    "inspect_schema",
    "open_file",
    "read_only_reason",
    "sqlite_error",
    "sqlite_library_version",
    "sqlite_problem",
    "switch_to_wal",
]
