"""The same tables on an office PostgreSQL server (``pip install .[postgres]``).

The tables are the spec's, created with the same statements as in the SQLite file, and the
same indexes. What differs lives here: lower(name) where SQLite has NOCASE, a
notification on every change so other desktops refresh, and staying usable while the
server goes away and comes back. Credentials follow libpq's own conventions
(``~/.pgpass``, ``PGPASSWORD``, service files); the app never sees a password.

A whole office starts at the same minute: opening reads the catalog first and, only when
something is missing, creates it under a transaction-level advisory lock, one desktop at
a time. Each desktop holds two connections, named "CRM Desktop - <user>" on the server:
its queries (peewee's, on the GUI thread) and a listening one owned by a thread of its own,
which also reconnects, with growing pauses, while the server cannot be reached. Lost
connections are told by SQLSTATE and psycopg's exception types, never by message text.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import threading
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

import peewee

from crm_desktop.errors import (
    DatabaseFileError,
    SchemaMismatchError,
    ServerConnectionError,
    explain,
)
from crm_desktop.i18n import translate
from crm_desktop.locations import DatabaseLocation, server_parameters

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger("crm_desktop.postgres")

# Other desktops hear of every committed change on this channel (payload: the table).
CHANNEL = "crm_desktop_changes"

# How long to wait for the server before saying it cannot be reached (unless the address
# sets connect_timeout itself).
CONNECT_TIMEOUT_SECONDS = 5

# TCP keepalives, so that a connection whose server vanished from the network (no reset
# ever arrives) is noticed in about 25 s instead of the system's two hours.
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}

# Pauses between reconnection attempts while the server cannot be reached: the first try
# comes at once (a restarted server is often back already), then they grow to a cap.
RETRY_DELAYS_SECONDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)

# How often the listening thread looks up from waiting for notifications (to stop).
LISTEN_SLICE_SECONDS = 0.1

# The advisory lock that serializes schema set-up between desktops (with the schema's hash
# as the second key); "CRMD" in ASCII.
SETUP_LOCK_KEY = 0x43524D44

# SQLSTATEs of a connection that is gone (besides class 08, connection exceptions):
# admin_shutdown (a server stopping or restarting, or pg_terminate_backend), crash_shutdown,
# cannot_connect_now (starting up or shutting down), idle_session_timeout.
LOST_SQLSTATES = frozenset({"57P01", "57P02", "57P03", "57P05"})
TOO_MANY_CONNECTIONS = "53300"

# The server's words for "too many connections" while a connection starts: libpq hands no
# SQLSTATE out before a session exists (psycopg's error has sqlstate None), so these are
# the only sign there. A server answering in another language reads as "cannot be reached"
# with its own message, which still says it.
_FULL_SERVER_WORDS = ("too many clients", "connection slots are reserved", "too many connections")

NOTIFY_FUNCTION = "crm_desktop_notify"
NOTIFY_BODY = f"""
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END
"""
NOTIFY_FUNCTION_DDL = (
    f"CREATE OR REPLACE FUNCTION {NOTIFY_FUNCTION}() RETURNS trigger LANGUAGE plpgsql "
    f"AS $${NOTIFY_BODY}$$"
)
NOTIFIED_TABLES = ("crm_customers", "crm_comms_log", "crm_media")


def trigger_ddl(table: str) -> str:
    return (
        f"CREATE TRIGGER {NOTIFY_FUNCTION} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {NOTIFY_FUNCTION}()"
    )


def application_name() -> str:
    """How the server lists this desktop's connections (pg_stat_activity): "CRM Desktop -
    <login>". ASCII only: PostgreSQL shows other characters of an application_name as
    question marks (15) or escapes (16+)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment or the user database
        user = "unknown"
    plain = unicodedata.normalize("NFKD", user).encode("ascii", "ignore").decode("ascii")
    return f"CRM Desktop - {plain or 'unknown'}"[:63]  # the server keeps 63 bytes


def server_url(location: DatabaseLocation) -> str:
    """The address as libpq takes it (postgres:// and postgresql:// mean the same)."""
    return "postgresql://" + location.url.split("://", 1)[1]


def connection_parameters(location: DatabaseLocation) -> dict[str, Any]:
    """psycopg.connect()'s keywords besides the address: the app's defaults for what the
    address does not set itself (an administrator's ``?application_name=…`` wins)."""
    given = server_parameters(server_url(location))
    defaults: dict[str, Any] = {
        "application_name": application_name(),
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        **KEEPALIVES,
    }
    return {key: value for key, value in defaults.items() if key not in given}


# --- telling errors apart ---------------------------------------------------------------


def _causes(exc: BaseException) -> Iterator[BaseException]:
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


def driver_error(exc: BaseException) -> psycopg.Error | None:
    import psycopg

    return next((e for e in _causes(exc) if isinstance(e, psycopg.Error)), None)


def connection_lost(error: psycopg.Error) -> bool:
    """Whether ``error`` means the connection is gone (rather than a statement that failed):
    SQLSTATE class 08 or one of LOST_SQLSTATES; or psycopg's OperationalError with no
    SQLSTATE at all, which is libpq's own (the socket closed or failed: no server answer
    carried a code)."""
    import psycopg

    state = error.sqlstate
    if state:
        return state.startswith("08") or state in LOST_SQLSTATES
    return isinstance(error, psycopg.OperationalError | psycopg.InterfaceError)


def _first_line(exc: BaseException) -> str:
    """libpq's message, first line only (the address holds no password, so neither does it)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def server_full(error: psycopg.Error) -> bool:
    if error.sqlstate:
        return error.sqlstate == TOO_MANY_CONNECTIONS
    message = str(error).lower()
    return any(words in message for words in _FULL_SERVER_WORDS)


def connection_error(exc: BaseException) -> ServerConnectionError | None:
    """``exc`` as a ServerConnectionError when it means the server cannot be used now (a
    lost connection, a failed connect, a full server); None for any other error."""
    for cause in _causes(exc):
        if isinstance(cause, ServerConnectionError):
            return cause
    error = driver_error(exc)
    if error is None or not (connection_lost(error) or server_full(error)):
        return None
    return ServerConnectionError(_first_line(error), full=server_full(error))


# --- the state of the link to the server ------------------------------------------------


class Link:
    """What the listening thread last found out about the server: reachable, or not (why,
    and when it tries next). The app's threads read it, to fail at once while the server is
    known to be away instead of each waiting for a connection attempt of its own."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._problem: ServerConnectionError | None = None
        self._next_attempt: float | None = None  # time.monotonic(); None: trying now

    @property
    def problem(self) -> ServerConnectionError | None:
        with self._lock:
            return self._problem

    def retry_in(self) -> float | None:
        """Seconds until the next attempt (0 while one runs); None while reachable."""
        with self._lock:
            if self._problem is None:
                return None
            if self._next_attempt is None:
                return 0.0
            return max(0.0, self._next_attempt - time.monotonic())

    def lost(self, problem: ServerConnectionError, next_attempt: float) -> None:
        with self._lock:
            self._problem, self._next_attempt = problem, next_attempt

    def attempting(self) -> None:
        with self._lock:
            self._next_attempt = None

    def restored(self) -> None:
        with self._lock:
            self._problem, self._next_attempt = None, None


# --- the connection for queries ---------------------------------------------------------

_COLUMNS_QUERY = """
SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
    coalesce(a.attnum = ANY(i.indkey::int2[]), false),
    CASE WHEN a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> ''
        THEN 'DEFAULT' END
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_index i ON i.indrelid = c.oid AND i.indisprimary
WHERE c.relname = %s AND n.nspname = coalesce(%s, current_schema())
    AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
"""


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


class ServerDatabase(peewee.PostgresqlDatabase):
    """The app's connection to an office server (peewee's, one per thread).

    Connection problems come out as ServerConnectionError. A connection that broke outside
    a transaction (a restarted server, an ended session) is replaced once, and the
    statement run again, as peewee's ReconnectMixin would; while the listening thread knows
    the server to be away (``link``), connecting fails at once rather than making the
    thread wait up to the connect timeout.
    """

    def __init__(self, location: DatabaseLocation, link: Link | None = None) -> None:
        # libpq takes the URL as it is (sslmode, service, options) and finds the password
        # in ~/.pgpass or PGPASSWORD itself.
        super().__init__(server_url(location), **connection_parameters(location))
        self._adapter = Psycopg3Adapter()
        self.location = location
        self.link = link or Link()
        self.path = None
        self.read_only = False
        self.read_only_reason = ""
        self.warnings: list[str] = []
        self.pending_indexes: dict[str, str] = {}  # a server builds its indexes at once

    def connect(self, reuse_if_open: bool = False) -> bool:
        problem = self.link.problem
        if problem is not None and self.is_closed():
            raise ServerConnectionError(problem.detail, full=problem.full)
        try:
            return bool(super().connect(reuse_if_open))
        except peewee.PeeweeException as exc:
            error = driver_error(exc)
            if error is None:
                raise
            # Whatever stopped a connection from starting (refused, timed out, login,
            # full): the server cannot be used now.
            raise ServerConnectionError(_first_line(error), full=server_full(error)) from exc

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        return self._replacing_lost(super().execute_sql, sql, params)

    def begin(self, isolation_level: Any = None) -> None:
        self._replacing_lost(super().begin, isolation_level)

    def commit(self) -> Any:
        try:
            return super().commit()
        except peewee.PeeweeException as exc:
            problem = connection_error(exc)
            if problem is None:
                raise
            raise problem from exc  # the transaction's fate is the server's: it rolls back

    def rollback(self) -> Any:
        try:
            return super().rollback()
        except peewee.PeeweeException as exc:
            if connection_error(exc) is None:
                raise
            return None  # nothing to undo here: the server ended the transaction with it

    def _replacing_lost(self, action: Callable[..., Any], *args: Any) -> Any:
        try:
            return action(*args)
        except peewee.PeeweeException as exc:
            problem = connection_error(exc)
            if problem is None:
                raise
            failed_to_connect = any(isinstance(c, ServerConnectionError) for c in _causes(exc))
            if failed_to_connect or self.in_transaction() or self.link.problem is not None:
                self._forget_connection()
                raise problem from exc
        log.info("The connection to the server broke; opening a new one")
        self._forget_connection()
        try:
            return action(*args)
        except peewee.PeeweeException as exc:
            problem = connection_error(exc)
            if problem is None:
                raise
            self._forget_connection()
            raise problem from exc

    def _forget_connection(self) -> None:
        """Drop this thread's broken connection, unless a transaction still holds it (its
        rollback comes next, then the next statement drops it)."""
        if not self.in_transaction():
            with contextlib.suppress(peewee.PeeweeException):
                self.close()

    def get_columns(self, table: str, schema: str | None = None) -> list[Any]:
        """The table's columns, from the catalog alone. peewee's own query prints each
        default with pg_get_expr(), which waits for a lock on the table, and opening must
        not; so ``default`` only says whether there is one (a default, an identity or a
        generated column): "DEFAULT", or None."""
        rows = self.execute_sql(_COLUMNS_QUERY, (table, schema)).fetchall()
        return [
            peewee.ColumnMetadata(name, data_type, nullable, primary, table, default)
            for name, data_type, nullable, primary, default in rows
        ]

    def backend_pid(self) -> int | None:
        """The server process of this thread's connection (its notifications are its own)."""
        if self.is_closed():
            return None
        try:
            connection: Any = cast(Any, self).connection()  # (peewee is untyped)
            return int(connection.info.backend_pid) or None
        except Exception:  # a connection that broke has no server process any more
            return None


# --- opening: the schema ----------------------------------------------------------------


def index_ddl() -> tuple[str, ...]:
    """The app's indexes on a server: the file's, with lower(name) for SQLite's NOCASE (as
    database.case_insensitive() orders on a server)."""
    from crm_desktop.database import INDEX_DDL

    return tuple(ddl.replace("name COLLATE NOCASE", "lower(name)") for ddl in INDEX_DDL)


_CATALOG_QUERY = f"""
SELECT 'relation', c.relname::text  -- (text: a function's source is longer than a name)
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND left(c.relname, 3) = 'crm'
UNION ALL
SELECT 'trigger', c.relname
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND t.tgname = '{NOTIFY_FUNCTION}'
UNION ALL
SELECT 'function', p.prosrc
FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema() AND p.proname = '{NOTIFY_FUNCTION}' AND p.pronargs = 0
"""


def missing_statements(db: ServerDatabase, table_ddl: tuple[str, ...]) -> list[str]:
    """The set-up statements for what the server's schema lacks, found in the catalog
    (reading it takes no lock on the tables)."""
    found: dict[str, set[str]] = {"relation": set(), "trigger": set(), "function": set()}
    for kind, name in db.execute_sql(_CATALOG_QUERY).fetchall():
        found[kind].add(name.strip() if kind == "function" else name)
    statements = [ddl for ddl in table_ddl if ddl.split()[5] not in found["relation"]]
    statements += [ddl for ddl in index_ddl() if ddl.split()[5] not in found["relation"]]
    if NOTIFY_BODY.strip() not in found["function"]:
        statements.append(NOTIFY_FUNCTION_DDL)  # missing, or another version's
    statements += [trigger_ddl(t) for t in NOTIFIED_TABLES if t not in found["trigger"]]
    return statements


def create_missing(db: ServerDatabase, table_ddl: tuple[str, ...]) -> list[str]:
    """Create what the schema lacks; the statements run (none when all is there).

    Desktops starting at the same moment take turns under a transaction-level advisory
    lock (released at commit), and each looks again once it has the lock: only the first
    creates anything, and no two run DDL on the same tables at once (which deadlocks).
    """
    if not missing_statements(db, table_ddl):
        return []
    with db.atomic():
        db.execute_sql(
            "SELECT pg_advisory_xact_lock(%s, hashtext(coalesce(current_schema(), '')))",
            (SETUP_LOCK_KEY,),
        )
        statements = missing_statements(db, table_ddl)
        for ddl in statements:
            db.execute_sql(ddl)
    if statements:
        log.info(
            "Created on the server: %s", ", ".join(" ".join(s.split()[:6]) for s in statements)
        )
    return statements


def _open_failure(location: DatabaseLocation, problem: ServerConnectionError) -> DatabaseFileError:
    return DatabaseFileError(
        location.url, explain(problem).text if problem.full else problem.detail
    )


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
    except ServerConnectionError as exc:
        db.close()
        raise _open_failure(location, exc) from exc
    except peewee.DatabaseError as exc:
        db.close()
        raise DatabaseFileError(location.url, _first_line(exc)) from exc
    except BaseException:
        db.close()
        raise
    return db


# --- hearing of other desktops' changes -------------------------------------------------


class ChangeListener:
    """Hears of other desktops' changes, on a connection and a thread of its own.

    The thread LISTENs, waits for notifications, and, while the server cannot be reached,
    reconnects with growing pauses (RETRY_DELAYS_SECONDS), keeping ``link`` up to date.
    ``poll()`` (the app's thread) never waits: it says whether another connection committed
    a change since the last poll, or raises ServerConnectionError while the server is away.
    ``subscribe()`` names a function the thread calls when there is news, so that the app
    need not wait for its next poll (it must be safe to call from another thread).
    """

    def __init__(
        self,
        location: DatabaseLocation,
        own_pid: Callable[[], int | None] = lambda: None,
        link: Link | None = None,
    ) -> None:
        self._location = location
        self._own_pid = own_pid  # the app's own writes: the views know of them already
        self._link = link or _link_of_open_server(location) or Link()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connection: psycopg.Connection[Any] | None = None
        self._pids: set[int] = set()  # server processes that notified since the last poll
        self._changed = False  # back after a gap: whatever happened meanwhile is unknown
        self._wake: Callable[[], None] | None = None
        self._wake_pending = False
        self.attempts = 0  # connection attempts so far (the first one included)

    @property
    def link(self) -> Link:
        return self._link

    @property
    def listening(self) -> bool:
        with self._lock:
            return self._connection is not None

    def subscribe(self, wake: Callable[[], None] | None) -> None:
        with self._lock:
            self._wake = wake
            self._wake_pending = False

    def retry_in(self) -> float | None:
        """Seconds until the next connection attempt (0 while one runs); None while the
        server can be reached."""
        return self._link.retry_in()

    def poll(self) -> bool:
        """True if another connection committed a change since the last poll (or the
        server came back). Raises ServerConnectionError while it cannot be reached."""
        self._start()
        with self._lock:
            self._wake_pending = False
            pids, self._pids = self._pids, set()
            changed, self._changed = self._changed, False
        problem = self._link.problem
        if problem is not None:
            raise ServerConnectionError(problem.detail, full=problem.full)
        own = self._own_pid() if pids else None
        return changed or any(pid != own for pid in pids)

    def close(self) -> None:
        """Stop listening. Waits a moment for the thread; one busy connecting to a server
        that does not answer finishes on its own (it changes nothing after this)."""
        self.subscribe(None)
        with self._lock:  # after this, the thread changes neither the link nor anything else
            self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=4 * LISTEN_SLICE_SECONDS)
        self._link.restored()  # nobody watches now: the app's threads connect as before

    # --- the thread ---

    def _start(self) -> None:
        if self._thread is None and not self._stop.is_set():
            self._thread = threading.Thread(
                target=self._run, name="crm-desktop-listener", daemon=True
            )
            self._thread.start()

    def _connect(self) -> psycopg.Connection[Any]:
        import psycopg

        connection = psycopg.connect(
            server_url(self._location), autocommit=True, **connection_parameters(self._location)
        )
        try:
            connection.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            connection.close()
            raise
        return connection

    def _run(self) -> None:
        import psycopg

        failures = 0
        ever_connected = False
        while not self._stop.is_set():
            if self._connection is None:
                self._update_link(self._link.attempting)
                self._tell()
                self.attempts += 1
                try:
                    connection = self._connect()
                except psycopg.Error as exc:
                    delay = RETRY_DELAYS_SECONDS[min(failures, len(RETRY_DELAYS_SECONDS) - 1)]
                    failures += 1
                    problem = ServerConnectionError(_first_line(exc), full=server_full(exc))
                    if failures == 1:
                        log.warning("The server cannot be reached: %s", problem.detail)
                    self._update_link(self._link.lost, problem, time.monotonic() + delay)
                    self._tell()
                    self._stop.wait(delay)
                    continue
                if self._stop.is_set():
                    connection.close()
                    break
                with self._lock:
                    self._connection = connection
                    self._changed = self._changed or ever_connected
                if ever_connected or failures:
                    log.info("The server can be reached again")
                ever_connected, failures = True, 0
                self._update_link(self._link.restored)
                self._tell()
            try:
                self._receive(self._connection)
            except psycopg.Error as exc:
                problem = connection_error(exc) or ServerConnectionError(_first_line(exc))
                log.warning("The connection to the server was lost: %s", problem.detail)
                self._drop_connection()
                self._update_link(self._link.lost, problem, time.monotonic())  # try at once
                self._tell()
        self._drop_connection()

    def _update_link(self, change: Callable[..., None], *args: Any) -> None:
        with self._lock:  # never after close(): the app's threads then connect as before
            if not self._stop.is_set():
                change(*args)

    def _receive(self, connection: psycopg.Connection[Any]) -> None:
        for notification in connection.notifies(timeout=LISTEN_SLICE_SECONDS):
            with self._lock:
                if len(self._pids) < 1000:  # a burst: the views re-read once anyway
                    self._pids.add(notification.pid)
            self._tell()

    def _tell(self) -> None:
        """Wake the app's thread (once until it polls): something changed."""
        with self._lock:
            if self._wake is None or self._wake_pending or self._stop.is_set():
                return
            self._wake_pending = True
            wake = self._wake
        with contextlib.suppress(RuntimeError):  # a window that closed meanwhile
            wake()

    def _drop_connection(self) -> None:
        with self._lock:
            connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.close()


def _link_of_open_server(location: DatabaseLocation) -> Link | None:
    """The link of the server the app has open at ``location`` (its queries then fail at
    once while this listener knows the server to be away)."""
    from crm_desktop.database import current_database

    db = current_database()
    if isinstance(db, ServerDatabase) and db.location == location:
        return db.link
    return None


def probe(location: DatabaseLocation) -> tuple[bool, str]:
    """Try the server (for the settings dialog's "Test connection"): whether it can be used,
    and what was found or what failed, in words. Blocks up to CONNECT_TIMEOUT_SECONDS."""
    from crm_desktop.database import TABLES, schema_problems

    db = ServerDatabase(location)
    try:
        db.connect()
        version = db.execute_sql("SHOW server_version").fetchone()[0]
        problems = schema_problems(db)
        missing = {t._meta.table_name for t in TABLES} - set(db.get_tables())
    except peewee.DatabaseError as exc:
        explanation = explain(exc)
        detail = explanation.text if getattr(exc, "full", False) else _first_line(exc)
        return False, f"{explanation.title}: {detail}"
    finally:
        db.close()
    if problems:
        return False, str(SchemaMismatchError(location.display_name, problems).reason)
    found = (
        translate("postgres", "the CRM tables are there")
        if not missing
        else translate("postgres", "the CRM tables will be created when it is opened")
    )
    return True, translate("postgres", "Connected to PostgreSQL {version}; {found}.").format(
        version=version, found=found
    )
