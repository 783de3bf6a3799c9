"""The same tables on an office PostgreSQL server (``pip install .[postgres]``).

Imported only when a server is opened: the driver (psycopg) loads then, never for a file.
The tables are the spec's, created with the same statements as in the SQLite file, and the
same indexes. What differs lives here: lower(name) where SQLite has NOCASE, a notification
on every change so other desktops refresh, and staying usable while the server goes away
and comes back. Credentials follow libpq's own conventions (``~/.pgpass``, ``PGPASSWORD``,
service files); the app never sees a password.

Each desktop holds two connections, named "CRM Desktop - <user>" on the server: its
queries (``connection``: peewee's, on the GUI thread) and a listening one owned by a thread
of its own (``listener``), which also reconnects, with growing pauses, while the server
cannot be reached; both share a ``link`` (what is known of the server's reachability).
``schema`` sets the tables up, ``errors`` tells the server's errors apart by SQLSTATE.
"""

from crm_desktop.database.postgres.connection import ServerDatabase
from crm_desktop.database.postgres.errors import (
    LOST_SQLSTATES,
    TOO_MANY_CONNECTIONS,
    connect_failure,
    connection_error,
    connection_lost,
    driver_error,
    first_line,
)
from crm_desktop.database.postgres.link import (
    CONNECT_TIMEOUT_SECONDS,
    KEEPALIVES,
    Link,
    application_name,
    connection_parameters,
    server_url,
)
from crm_desktop.database.postgres.listener import (
    CHANNEL,
    LISTEN_SLICE_SECONDS,
    RETRY_DELAYS_SECONDS,
    ChangeListener,
)
from crm_desktop.database.postgres.schema import (
    NOTIFIED_TABLES,
    NOTIFY_FUNCTION,
    SETUP_LOCK_KEY,
    create_missing,
    index_ddl,
    missing_statements,
    open_server,
    probe,
    trigger_ddl,
)

__all__ = [
    "CHANNEL",
    "CONNECT_TIMEOUT_SECONDS",
    "KEEPALIVES",
    "LISTEN_SLICE_SECONDS",
    "LOST_SQLSTATES",
    "NOTIFIED_TABLES",
    "NOTIFY_FUNCTION",
    "RETRY_DELAYS_SECONDS",
    "SETUP_LOCK_KEY",
    "TOO_MANY_CONNECTIONS",
    "ChangeListener",
    "Link",
    "ServerDatabase",
    "application_name",
    "connect_failure",
    "connection_error",
    "connection_lost",
    "connection_parameters",
    "create_missing",
    "driver_error",
    "first_line",
    "index_ddl",
    "missing_statements",
    "open_server",
    "probe",
    "server_url",
    "trigger_ddl",
]
