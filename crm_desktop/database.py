"""The shared database: peewee tables, the connection, and the schema.

The web backend owns the schema. This module creates only what is missing, with the
backend's own statements, adds indexes of its own, and never changes, drops or migrates
anything it finds. Everything specific to SQLite lives here, so that the layers above
speak only peewee's query builder.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

import apsw
import peewee
from playhouse.apsw_ext import APSWDatabase

from crm_desktop import timeutil
from crm_desktop.bulk_writes import BulkWrite, BulkWriteStopped, pacer_for
from crm_desktop.errors import (
    DatabaseFileError,
    DatabaseMissingError,
    DriverMissingError,
    NotADatabaseError,
    SchemaMismatchError,
    driver_missing,
    sqlite_error,
)
from crm_desktop.i18n import translate
from crm_desktop.locations import DatabaseLocation, Kind, parse_location
from crm_desktop.storage import Storage, StorageKind, storage_of

if TYPE_CHECKING:
    from crm_desktop.postgres import ServerDatabase


class ChangeWatch(Protocol):
    def poll(self) -> bool: ...

    def close(self) -> None: ...


# The models are bound to this proxy; init_db() points it at a real database.
database_proxy = peewee.DatabaseProxy()

# How long a statement waits for another process's lock before it gives up: the backend's
# writes take milliseconds, and the window must not freeze for long behind one.
BUSY_TIMEOUT_SECONDS = 5.0

# The spec's statements, verbatim (crm-step-04-backend.md).
COMMS_DDL = """CREATE TABLE IF NOT EXISTS crm_comms_log (
id TEXT PRIMARY KEY,
customer_id TEXT NOT NULL,
type TEXT NOT NULL,
direction TEXT NOT NULL,
subject TEXT,
body TEXT,
attachments TEXT DEFAULT '[]',
ext_message_id TEXT,
logged_by TEXT,
occurred_at TEXT NOT NULL,
created_at TEXT NOT NULL
)"""

MEDIA_DDL = """CREATE TABLE IF NOT EXISTS crm_media (
id TEXT PRIMARY KEY,
customer_id TEXT,
order_id TEXT,
filename TEXT NOT NULL,
nextcloud_path TEXT NOT NULL,
mime_type TEXT,
direction TEXT,
tags TEXT DEFAULT '[]',
uploaded_by TEXT,
created_at TEXT NOT NULL
)"""

# Customers belong to the backend's earlier steps; this is their table as those steps define it.
CUSTOMERS_DDL = """CREATE TABLE IF NOT EXISTS crm_customers (
id TEXT PRIMARY KEY,
name TEXT NOT NULL,
organization TEXT,
email TEXT,
phone TEXT,
address TEXT,
notes TEXT,
tags TEXT DEFAULT '[]',
nextcloud_folder TEXT,
created_at TEXT NOT NULL,
updated_at TEXT NOT NULL
)"""

# Indexes of this app's own (named so that they cannot clash with the backend's): the
# timeline by customer and time (id breaks ties for stable paging), media by customer, by
# order and by time (the tags used lately, for completion), customers by name for the
# sorted list.
INDEX_DDL = (
    "CREATE INDEX IF NOT EXISTS crm_desktop_comms_by_customer_time "
    "ON crm_comms_log (customer_id, occurred_at, id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_media_by_customer "
    "ON crm_media (customer_id, created_at, id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_media_by_order ON crm_media (order_id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_customers_by_name "
    "ON crm_customers (name COLLATE NOCASE, id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_media_by_time ON crm_media (created_at, id)",
)
COMMS_INDEX = "crm_desktop_comms_by_customer_time"

# A file with more rows than this that lacks some of the app's indexes (a big file the app
# opens for the first time) gets them built on a thread after the window is shown, rather
# than while the person waits for the window; the app works without them, only slower.
BACKGROUND_INDEX_ROWS = 100_000

TABLE_DDL = {
    "crm_customers": CUSTOMERS_DDL,
    "crm_comms_log": COMMS_DDL,
    "crm_media": MEDIA_DDL,
}

SQLITE_HEADER = b"SQLite format 3\x00"


def new_id() -> str:
    """A record id as the backend makes them: ``str(uuid.uuid4())``, with dashes."""
    return str(uuid.uuid4())


class TimestampField(peewee.TextField):
    """A timestamp stored as the backend's text: naive UTC ISO-8601 with a ``T``.

    peewee's DateTimeField writes a space instead of the ``T``, which would sort wrongly
    beside the backend's rows. Reads return the stored text unchanged: rows that other
    clients wrote may not parse, and the service decides what to make of them.
    """

    def db_value(self, value: object) -> Any:
        if isinstance(value, datetime):
            return timeutil.to_storage(value)
        return value


class JsonListField(peewee.TextField):
    """A list stored as ``json.dumps(list)``, byte for byte as the backend writes it.

    (playhouse's JSONField writes minified JSON.) Reads return the stored text: the
    service parses it and marks rows whose text does not parse.
    """

    def db_value(self, value: object) -> Any:
        if isinstance(value, list | tuple):
            return json.dumps(list(value))
        return value


class BaseTable(peewee.Model):
    class Meta:
        database = database_proxy


class CustomerTable(BaseTable):
    id = peewee.TextField(primary_key=True, default=new_id)
    name = peewee.TextField()
    organization = peewee.TextField(null=True)
    email = peewee.TextField(null=True)
    phone = peewee.TextField(null=True)
    address = peewee.TextField(null=True)
    notes = peewee.TextField(null=True)
    tags = JsonListField(null=True, default="[]")
    nextcloud_folder = peewee.TextField(null=True)
    created_at = TimestampField()
    updated_at = TimestampField()

    class Meta:
        table_name = "crm_customers"


class CommTable(BaseTable):
    id = peewee.TextField(primary_key=True, default=new_id)
    customer_id = peewee.TextField()
    type = peewee.TextField()
    direction = peewee.TextField()
    subject = peewee.TextField(null=True)
    body = peewee.TextField(null=True)
    attachments = JsonListField(null=True, default="[]")
    ext_message_id = peewee.TextField(null=True)
    logged_by = peewee.TextField(null=True)
    occurred_at = TimestampField()
    created_at = TimestampField()

    class Meta:
        table_name = "crm_comms_log"


class MediaTable(BaseTable):
    id = peewee.TextField(primary_key=True, default=new_id)
    customer_id = peewee.TextField(null=True)
    order_id = peewee.TextField(null=True)
    filename = peewee.TextField()
    nextcloud_path = peewee.TextField()
    mime_type = peewee.TextField(null=True)
    direction = peewee.TextField(null=True)
    tags = JsonListField(null=True, default="[]")
    uploaded_by = peewee.TextField(null=True)
    created_at = TimestampField()

    class Meta:
        table_name = "crm_media"


TABLES: tuple[type[BaseTable], ...] = (CustomerTable, CommTable, MediaTable)


def required_columns(table: type[BaseTable]) -> list[str]:
    return [field.column_name for field in table._meta.sorted_fields]


def sqlite_library_version() -> str:
    """The SQLite that the app's connections use (APSW's own, not the system's)."""
    return apsw.sqlite_lib_version()


def check_sqlite_file(path: Path) -> None:
    """Raise NotADatabaseError unless ``path`` is missing, empty, or starts like a SQLite file."""
    if path.is_dir():
        raise NotADatabaseError(
            path, translate("database", "this is a folder, not a database file")
        )
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotADatabaseError(
            path,
            translate("database", "the file cannot be read ({reason})").format(reason=exc.strerror),
        ) from exc
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(path, translate("database", "this file is not a SQLite database"))


def schema_problems(db: peewee.Database) -> dict[str, list[str]]:
    """Per table, what stops the app from using it: missing columns, or columns the
    backend added as NOT NULL without a default (the app's inserts could not fill them)."""
    problems: dict[str, list[str]] = {}
    existing = set(db.get_tables())
    for table in TABLES:
        name = table._meta.table_name
        if name not in existing:
            continue
        columns = {column.name: column for column in db.get_columns(name)}
        wanted = required_columns(table)
        missing = [column for column in wanted if column not in columns]
        unfillable = [
            column.name
            for column in columns.values()
            if column.name not in wanted
            and not column.null
            and column.default is None
            and not column.primary_key
        ]
        if missing or unfillable:
            problems[name] = missing + [f"{column} (NOT NULL, no default)" for column in unfillable]
    return problems


PRAGMAS: dict[str, object] = {
    # FULL: a committed record survives a power cut, not only a crash.
    "synchronous": "full",
    "cache_size": -8000,  # KiB: a big file's customers table and hot index pages (search)
    "temp_store": "memory",
}


def switch_to_wal(connection: apsw.Connection, busy_timeout: float) -> None:
    """``PRAGMA journal_mode = wal``, waiting for other programs' locks like any statement.

    WAL: readers never block the backend's writer, and it never blocks ours. The switch takes
    the write lock while already holding a read lock, a step where SQLite does not call its
    busy handler (that could deadlock two upgraders): with another program in the middle of
    a write to a rollback-journal file, the switch fails at once with SQLITE_BUSY. So it is
    retried here, with growing pauses, until ``busy_timeout`` is used up.
    """
    deadline = time.monotonic() + busy_timeout
    pause = 0.001
    while True:
        try:
            connection.execute("PRAGMA journal_mode = wal").fetchall()
            return
        except apsw.BusyError:
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.025)


class CrmDatabase(APSWDatabase):
    """The app's connection to one file, with what was learnt while opening it."""

    def __init__(
        self,
        path: Path,
        *,
        pragmas: bool = True,
        wal: bool = True,
        read_only: bool = False,
        immutable: bool = False,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    ) -> None:
        flags = (
            apsw.SQLITE_OPEN_READONLY
            if read_only
            else (apsw.SQLITE_OPEN_READWRITE | apsw.SQLITE_OPEN_CREATE)
        )
        name = str(path)
        if immutable:
            # A read-only WAL file whose folder cannot hold the -shm index: read it as a
            # snapshot (no locking); the app says that it will not see later changes.
            flags |= apsw.SQLITE_OPEN_URI
            name = f"file:{quote(path.as_posix())}?immutable=1"
        self.wal = wal and pragmas and not read_only
        self.busy_timeout = busy_timeout
        super().__init__(
            name,
            pragmas=PRAGMAS if pragmas and not read_only else (),
            timeout=busy_timeout,
            # Writes begin IMMEDIATE: with two writers in WAL, a deferred transaction that
            # reads and then writes fails at once with "database is locked", whatever the
            # busy timeout.
            lock_type="IMMEDIATE",
            flags=flags,
        )
        self.path = path
        self.pacer = pacer_for(path)
        self.read_only = read_only
        self.read_only_reason = ""
        self.storage = Storage(StorageKind.local)
        self.warnings: list[str] = []
        # The app's indexes still to build (name -> statement): see IndexBuild.
        self.pending_indexes: dict[str, str] = {}

    def begin(self, lock_type: str | None = None) -> None:
        # Every write transaction of the app takes its turn (bulk_writes.WritePacer).
        self.pacer.begin()
        super().begin(lock_type)

    def commit(self) -> bool:
        try:
            return bool(super().commit())
        finally:
            self.pacer.end()

    def rollback(self) -> bool:
        try:
            return bool(super().rollback())
        finally:
            self.pacer.end()

    def _initialize_connection(self, conn: apsw.Connection) -> None:
        super()._initialize_connection(conn)
        if self.wal:
            switch_to_wal(conn, self.busy_timeout)

    def checkpoint(self) -> None:
        """A passive WAL checkpoint: copies what it can into the file, waits for nobody, and
        blocks no writer (bulk_writes.BulkWrite runs one between its slices)."""
        if self.wal and not self.read_only:
            with contextlib.suppress(peewee.DatabaseError):
                self.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    @property
    def journal_mode(self) -> str:
        return str(self.execute_sql("PRAGMA journal_mode").fetchone()[0]).lower()


def _not_a_database(path: Path, exc: peewee.DatabaseError) -> DatabaseFileError | None:
    """The file-level problem SQLite's result code says (SQLITE_NOTADB, SQLITE_CORRUPT)."""
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


def _readable(path: Path, db: CrmDatabase, action: Callable[[], Any]) -> Any:
    """Run ``action``; SQLite's "not a database" becomes NotADatabaseError naming the file."""
    try:
        return action()
    except peewee.DatabaseError as exc:
        db.close()
        problem = _not_a_database(path, exc)
        if problem is not None:
            raise problem from exc
        raise


def inspect_schema(path: Path, read_only: bool = False) -> dict[str, list[str]]:
    """schema_problems() of an existing file, read without changing a byte of it."""
    db = connect_read_only(path) if read_only else CrmDatabase(path, pragmas=False)
    try:
        return _readable(path, db, lambda: schema_problems(db))
    finally:
        db.close()


def connect_read_only(path: Path) -> CrmDatabase:
    """A connection that can only read (and never changes the file, nor files beside it)."""
    db = CrmDatabase(path, read_only=True)
    try:
        _readable(path, db, lambda: (db.connect(), db.get_tables()))
    except peewee.OperationalError:
        # A WAL file without its -shm index in a read-only folder cannot be opened for
        # shared reading; read it as an unchanging snapshot instead.
        db.close()
        db = CrmDatabase(path, read_only=True, immutable=True)
        _readable(path, db, lambda: (db.connect(), db.get_tables()))
        db.warnings.append(
            translate(
                "database",
                "Changes that other programs make to this file will not show until it is "
                "opened again.",
            )
        )
    return db


def read_only_reason(path: Path) -> str | None:
    """Why the app can only read this file (in words), or None when it can write it."""
    if path.exists() and not os.access(path, os.W_OK):
        return translate("database", "the file is read-only")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    # SQLite writes its journal (or WAL and its index) beside the file.
    if not os.access(folder, os.W_OK | os.X_OK):
        return translate("database", "its folder is read-only")
    return None


def _storage_warning(storage: Storage, journal_mode: str) -> str:
    where = {
        StorageKind.network: translate("database", "a network drive ({fs})"),
        StorageKind.bind_mount: translate("database", "a container's bind mount ({fs})"),
    }[storage.kind].format(fs=storage.file_system)
    if journal_mode == "wal":
        return translate(
            "database",
            "This file is on {where} and already uses SQLite's WAL journal, which is not safe "
            "there: two programs writing at once can damage it. Keep the file on a local "
            "drive, or use an office database server.",
        ).format(where=where)
    return translate(
        "database",
        "This file is on {where}. It is opened without SQLite's WAL journal, which is not "
        "safe there; only one program should write to it at a time.",
    ).format(where=where)


def init_db(
    location: str | Path | DatabaseLocation,
    *,
    read_only: bool | None = None,
    storage: Storage | None = None,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    create: bool = True,
) -> CrmDatabase | ServerDatabase:
    """Open the database at ``location`` and bind the models to it: a file (a path or
    ``sqlite:///path``) or an office server (``postgresql://…``, see crm_desktop.postgres,
    which behaves the same from here up).

    A missing file is created only with ``create`` (what File ▸ New database… and the
    first start's default database ask for); otherwise, and always when its folder is
    missing, DatabaseMissingError: no folder is ever made on the way to a database.

    Creates missing tables with the backend's statements and the app's indexes; raises
    NotADatabaseError, SchemaMismatchError or DatabaseFileError, naming the file, when it
    cannot be used, and then leaves the file exactly as it was. A file the app cannot
    write (``read_only`` None: found out) is opened read-only, changing nothing in it.
    ``storage`` (found out when None) decides whether the file may use WAL.
    ``busy_timeout`` is how long a statement waits for another program's lock (SQLite
    retries meanwhile) before it fails with "database is locked".
    """
    if not isinstance(location, DatabaseLocation):
        location = parse_location(location)
    if location.kind is Kind.postgresql:
        try:
            from crm_desktop import postgres

            server = postgres.open_server(location, tuple(TABLE_DDL.values()))
        except ModuleNotFoundError as exc:
            if driver_missing(exc):
                raise DriverMissingError(location.url) from exc
            raise
        database_proxy.initialize(server)
        return server
    assert location.path is not None
    path = location.path
    check_sqlite_file(path)
    if not path.exists() and (not create or not path.parent.is_dir()):
        raise DatabaseMissingError(path)
    reason = (
        read_only_reason(path)
        if read_only is None
        else (translate("database", "it was opened read-only") if read_only else None)
    )
    if reason is not None and not path.exists():
        raise DatabaseFileError(
            path,
            translate("database", "the database cannot be created here: {reason}").format(
                reason=reason
            ),
        )
    if path.exists():
        problems = inspect_schema(path, read_only=reason is not None)
        if problems:
            raise SchemaMismatchError(path, problems)
    storage = storage or storage_of(path)
    if reason is None:
        db = CrmDatabase(path, wal=storage.wal_safe, busy_timeout=busy_timeout)
        try:
            _readable(path, db, lambda: _create_missing(db))
        except peewee.OperationalError as exc:
            db.close()
            if not isinstance(sqlite_error(exc), apsw.ReadOnlyError):
                raise
            reason = translate("database", "the file cannot be written to")
    if reason is not None:
        db = _open_read_only(path)
        db.read_only_reason = reason
    db.storage = storage
    if not storage.wal_safe:
        db.warnings.append(_storage_warning(storage, db.journal_mode))
    database_proxy.initialize(db)
    return db


def index_name(ddl: str) -> str:
    return ddl.split()[5]


def _create_missing(db: CrmDatabase) -> None:
    """Create missing tables, and the app's missing indexes unless the file is big: then
    they are left in ``db.pending_indexes`` for IndexBuild (once the window shows)."""
    db.connect()
    with db.atomic():
        for ddl in TABLE_DDL.values():
            db.execute_sql(ddl)
        present = {
            row[0]
            for row in db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
            ).fetchall()
        }
        missing = {index_name(ddl): ddl for ddl in INDEX_DDL if index_name(ddl) not in present}
        if missing and _rows_about(db) > BACKGROUND_INDEX_ROWS:
            db.pending_indexes = missing
            return
        for ddl in missing.values():
            db.execute_sql(ddl)


def _rows_about(db: CrmDatabase) -> int:
    """Roughly how many rows the tables hold: their largest rowids (no table is read), or a
    count for a table that another program made without rowids."""
    total = 0
    for table in TABLE_DDL:
        try:
            rows = db.execute_sql(f"SELECT MAX(rowid) FROM {table}").fetchone()[0]
        except peewee.OperationalError:
            rows = db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        total += int(rows or 0)
    return total


class IndexBuild:
    """Builds the app's indexes that an open file still lacks (``db.pending_indexes``).

    ``run()`` is for a thread of its own, with a connection of its own: reading goes on
    meanwhile (WAL), and the indexes are built through BulkWrite, one per transaction with
    room between them, so that the backend's writes wait at most for the largest one (about
    1.5 s for a million communications), never for the whole build. ``stop()`` (from any
    thread) interrupts it; the index being built is rolled back, the others stay, and what
    is missing is built on the next start. ``built`` names the indexes in place.
    """

    def __init__(self, db: CrmDatabase) -> None:
        self.db = db
        self._statements = dict(db.pending_indexes)
        self._bulk: BulkWrite | None = None
        self._stopped = False
        self.built: list[str] = []
        self.longest_index_seconds = 0.0  # the longest CREATE INDEX (for the benchmarks)

    def run(self) -> None:
        if self._stopped:
            return
        builder = CrmDatabase(self.db.path, wal=self.db.storage.wal_safe)
        bulk = self._bulk = BulkWrite(builder)
        names = list(self._statements)
        try:
            builder.connect()
            # Sorting a million keys in memory (the app's temp_store) takes twice as long as
            # SQLite's own temporary files: the longest CREATE INDEX, which other programs
            # may have to wait for, goes from ~2.7 s to ~1.2 s here.
            builder.execute_sql("PRAGMA temp_store = file")
            if self._stopped:
                return
            bulk.run(
                (functools.partial(builder.execute_sql, ddl) for ddl in self._statements.values()),
                steps_per_slice=1,
            )
        except BulkWriteStopped:
            return
        finally:
            self.built = names[: bulk.committed]
            self.longest_index_seconds = bulk.longest_slice
            self._bulk = None
            builder.close()

    def stop(self) -> None:
        self._stopped = True
        bulk = self._bulk
        if bulk is not None:
            bulk.stop()


def index_ready(name: str) -> bool:
    """False while one of the app's indexes is still being built for the open file."""
    db = database_proxy.obj
    return not isinstance(db, CrmDatabase) or name not in db.pending_indexes


def _open_read_only(path: Path) -> CrmDatabase:
    db = connect_read_only(path)
    missing = {table._meta.table_name for table in TABLES} - set(db.get_tables())
    if missing:
        db.close()
        raise DatabaseFileError(
            path,
            translate("database", "the file is read-only and lacks the tables {tables}").format(
                tables=", ".join(sorted(missing))
            ),
        )
    return db


def close_db() -> None:
    """Close this thread's connection and unbind the models."""
    db = database_proxy.obj
    if db is not None:
        db.close()
    database_proxy.initialize(None)


def current_database() -> CrmDatabase | ServerDatabase | None:
    return database_proxy.obj


def reset_connection() -> None:
    """Drop this thread's connection if it broke (a server restarted): the next statement
    opens a new one instead of failing on the dead one."""
    db = database_proxy.obj
    if db is None or db.is_closed():
        return
    with contextlib.suppress(Exception):
        db.close()


def on_server() -> bool:
    return isinstance(database_proxy.obj, peewee.PostgresqlDatabase)


def case_insensitive(field: peewee.Field) -> peewee.Node:
    """An ordering key that ignores case and can use the app's name index (SQLite's NOCASE,
    an index on lower(name) on a server)."""
    if on_server():
        return peewee.fn.lower(field)
    return field.collate("NOCASE")


class DataVersionWatch:
    """Tells whether another connection committed to the file since the last look.

    SQLite's ``PRAGMA data_version`` changes only on other connections' commits, costs
    microseconds and reads no table, so the app can ask every second.
    """

    def __init__(self) -> None:
        self._version: int | None = None

    def poll(self) -> bool:
        version = int(database_proxy.execute_sql("PRAGMA data_version").fetchone()[0])
        changed = self._version is not None and version != self._version
        self._version = version
        return changed

    def close(self) -> None:
        pass


def change_watch() -> ChangeWatch:
    """How the open database tells of other programs' changes (``poll()`` says whether
    something changed; it raises while the database cannot be reached)."""
    db = database_proxy.obj
    if isinstance(db, peewee.PostgresqlDatabase):
        from crm_desktop.postgres import ChangeListener

        return ChangeListener(db.location, db.backend_pid)
    return DataVersionWatch()
