"""The same tables on an office PostgreSQL server (``pip install .[postgres]``).

The tables are the spec's, created with the same statements as in the SQLite file, and the
same indexes. What differs lives here: lower(name) where SQLite has NOCASE, a
notification on every change so other desktops refresh, and reconnecting after the
server went away. Credentials follow libpq's own conventions (``~/.pgpass``,
``PGPASSWORD``, service files); the app never sees a password.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

import peewee
from playhouse.shortcuts import ReconnectMixin

from crm_desktop.errors import DatabaseFileError, SchemaMismatchError
from crm_desktop.locations import DatabaseLocation

log = logging.getLogger("crm_desktop.postgres")

# Other desktops hear of every committed change on this channel (payload: the table).
CHANNEL = "crm_desktop_changes"

# How long to wait for the server before saying it cannot be reached.
CONNECT_TIMEOUT_SECONDS = 5

NOTIFY_DDL = (
    f"""CREATE OR REPLACE FUNCTION crm_desktop_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END
$$""",
    *(
        f"CREATE OR REPLACE TRIGGER crm_desktop_notify AFTER INSERT OR UPDATE OR DELETE "
        f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION crm_desktop_notify()"
        for table in ("crm_customers", "crm_comms_log", "crm_media")
    ),
)


class Psycopg3Adapter(peewee.Psycopg3Adapter):
    """peewee's psycopg 3 adapter, with the driver imported here, when a server is opened.

    (crm_desktop.database keeps peewee from importing it at start-up, so peewee's own
    module-level references to it are None.)
    """

    def __init__(self) -> None:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb

        super().__init__()
        self.psycopg = psycopg
        self.json_type, self.jsonb_type = Json, Jsonb
        self.txn_idle = TransactionStatus.IDLE
        self.txn_inerror = TransactionStatus.INERROR
        self.txn_unknown = TransactionStatus.UNKNOWN
        self._in_transaction = TransactionStatus.INTRANS

    def check_driver(self) -> None:
        pass  # imported above, or this adapter would not exist

    def get_binary_type(self) -> Any:
        return self.psycopg.Binary

    def connect(self, db: peewee.PostgresqlDatabase, **params: Any) -> Any:
        params.setdefault("conninfo", db.database)
        return self.psycopg.connect(**params)

    def server_side_cursor(self, conn: Any) -> Any:
        in_transaction = self.txn_status(conn) == self._in_transaction
        return conn.cursor(name=str(uuid.uuid1()), withhold=not in_transaction)


class ServerDatabase(ReconnectMixin, peewee.PostgresqlDatabase):
    """The app's connection to an office server; reconnects when the server came back."""

    # A restarted server or a dropped network: the next statement outside a transaction
    # opens a new connection instead of failing forever.
    reconnect_errors = (
        (peewee.OperationalError, "terminating connection"),
        (peewee.OperationalError, "server closed the connection"),
        (peewee.OperationalError, "the connection is closed"),
        (peewee.OperationalError, "connection is lost"),
        (peewee.OperationalError, "consuming input failed"),
        (peewee.InterfaceError, "connection already closed"),
        (peewee.InterfaceError, "the connection is closed"),
    )

    def __init__(self, location: DatabaseLocation) -> None:
        # peewee hands a postgresql:// URL to libpq as it is: libpq understands sslmode,
        # service and options, and finds the password in ~/.pgpass or PGPASSWORD itself.
        url = "postgresql://" + location.url.split("://", 1)[1]
        super().__init__(url, connect_timeout=CONNECT_TIMEOUT_SECONDS)
        self._adapter = Psycopg3Adapter()
        self.location = location
        self.path = None
        self.read_only = False
        self.read_only_reason = ""
        self.warnings: list[str] = []
        self.pending_indexes: dict[str, str] = {}  # a server builds its indexes at once

    def backend_pid(self) -> int | None:
        """The server process of this thread's connection (its notifications are its own)."""
        if self.is_closed():
            return None
        return int(self.connection().info.backend_pid)


def _plain(exc: Exception) -> str:
    """libpq's message, first line only, without anything that could be a password."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def index_ddl() -> tuple[str, ...]:
    """The app's indexes on a server: the file's, with lower(name) for SQLite's NOCASE (as
    database.case_insensitive() orders on a server)."""
    from crm_desktop.database import INDEX_DDL

    return tuple(ddl.replace("name COLLATE NOCASE", "lower(name)") for ddl in INDEX_DDL)


def create_missing(db: ServerDatabase, table_ddl: tuple[str, ...]) -> None:
    with db.atomic():
        for ddl in (*table_ddl, *index_ddl(), *NOTIFY_DDL):
            db.execute_sql(ddl)


def open_server(location: DatabaseLocation, table_ddl: tuple[str, ...]) -> ServerDatabase:
    """Connect, check the tables, create what is missing; DatabaseFileError (naming the
    server and what is wrong) when the server cannot be used."""
    from crm_desktop.database import schema_problems

    db = ServerDatabase(location)
    try:
        db.connect()
        problems = schema_problems(db)
        if problems:
            raise SchemaMismatchError(location.url, problems)
        create_missing(db, table_ddl)
    except peewee.DatabaseError as exc:
        db.close()
        raise DatabaseFileError(location.url, _plain(exc)) from exc
    except BaseException:
        db.close()
        raise
    return db


class ChangeListener:
    """A connection of its own that LISTENs for other desktops' changes.

    ``poll()`` never blocks: it reads what notifications arrived, and says whether the
    server is reachable (reconnecting when it is back).
    """

    def __init__(
        self, location: DatabaseLocation, own_pid: Callable[[], int | None] = lambda: None
    ) -> None:
        self._location = location
        self._own_pid = own_pid  # the app's own writes: the views know of them already
        self._connection: Any = None

    def _connect(self) -> None:
        import psycopg

        url = "postgresql://" + self._location.url.split("://", 1)[1]
        self._connection = psycopg.connect(
            url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS
        )
        self._connection.execute(f"LISTEN {CHANNEL}")

    def poll(self) -> bool:
        """True if another connection committed a change since the last poll.

        Raises peewee.OperationalError while the server cannot be reached.
        """
        import psycopg

        try:
            if self._connection is None or self._connection.closed:
                self._connect()
                return True  # back after a gap: whatever happened meanwhile is unknown
            # A cheap round trip also notices a server that went away.
            self._connection.execute("SELECT 1")
            own = self._own_pid()
            changed = False
            for notification in self._connection.notifies(timeout=0, stop_after=1000):
                changed = changed or notification.pid != own
            return changed
        except psycopg.Error as exc:
            self.close()
            raise peewee.OperationalError(_plain(exc)) from exc

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except psycopg_errors():
                pass
            self._connection = None


def psycopg_errors() -> tuple[type[BaseException], ...]:
    import psycopg

    return (psycopg.Error, OSError)


def probe(location: DatabaseLocation) -> tuple[bool, str]:
    """Try the server (for the settings dialog's "Test connection"): whether it can be used,
    and what was found or what failed, in words. Blocks up to CONNECT_TIMEOUT_SECONDS."""
    from crm_desktop.database import TABLES, schema_problems
    from crm_desktop.errors import explain

    db = ServerDatabase(location)
    try:
        db.connect()
        version = db.execute_sql("SHOW server_version").fetchone()[0]
        problems = schema_problems(db)
        missing = {t._meta.table_name for t in TABLES} - set(db.get_tables())
    except peewee.DatabaseError as exc:
        explanation = explain(exc)
        return False, f"{explanation.title}: {_plain(exc)}"
    finally:
        db.close()
    if problems:
        return False, str(SchemaMismatchError(location.display_name, problems).reason)
    found = (
        "the CRM tables are there"
        if not missing
        else "the CRM tables will be created when it is opened"
    )
    return True, f"Connected to PostgreSQL {version}; {found}."
