"""The shared database: peewee tables, the connection, and the schema.

The web backend owns the schema. This module creates only what is missing, with the
backend's own statements, adds indexes of its own, and never changes, drops or migrates
anything it finds. Everything specific to SQLite lives here, so that the layers above
speak only peewee's query builder.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import apsw
import peewee
from playhouse.apsw_ext import APSWDatabase

from crm_desktop import timeutil
from crm_desktop.errors import NotADatabaseError, SchemaMismatchError
from crm_desktop.i18n import tr

# The models are bound to this proxy; init_db() points it at a real database.
database_proxy = peewee.DatabaseProxy()

# How long a statement waits for another process's lock before it gives up.
BUSY_TIMEOUT_SECONDS = 10.0

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
# timeline by customer and time (id breaks ties for stable paging), media by customer and
# by order, customers by name for the sorted list.
INDEX_DDL = (
    "CREATE INDEX IF NOT EXISTS crm_desktop_comms_by_customer_time "
    "ON crm_comms_log (customer_id, occurred_at, id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_media_by_customer "
    "ON crm_media (customer_id, created_at, id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_media_by_order ON crm_media (order_id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_customers_by_name "
    "ON crm_customers (name COLLATE NOCASE, id)",
)

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
        raise NotADatabaseError(path, tr("database", "this is a folder, not a database file"))
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotADatabaseError(
            path, tr("database", "the file cannot be read ({reason})").format(reason=exc.strerror)
        ) from exc
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(path, tr("database", "this file is not a SQLite database"))


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


def _pragmas() -> dict[str, object]:
    return {
        # Readers never block the backend's writer, and it never blocks ours.
        "journal_mode": "wal",
        # FULL: a committed record survives a power cut, not only a crash.
        "synchronous": "full",
        "cache_size": -8000,  # KiB: enough for the hot index pages, small in memory
        "temp_store": "memory",
    }


def open_database(path: str | Path, *, pragmas: bool = True) -> APSWDatabase:
    """A database object for ``path``, not yet bound to the models.

    Writes begin ``IMMEDIATE``: with two writers in WAL, a deferred transaction that reads
    and then writes fails at once with "database is locked" whatever the busy timeout.
    Without ``pragmas`` the connection changes nothing in the file (not even its journal mode).
    """
    return APSWDatabase(
        str(path),
        pragmas=_pragmas() if pragmas else (),
        timeout=BUSY_TIMEOUT_SECONDS,
        lock_type="IMMEDIATE",
    )


def _not_a_database(path: Path, exc: peewee.DatabaseError) -> NotADatabaseError | None:
    if "not a database" in str(exc) or "file is encrypted" in str(exc):
        return NotADatabaseError(path, tr("database", "this file is not a SQLite database"))
    return None


def inspect_schema(path: Path) -> dict[str, list[str]]:
    """schema_problems() of an existing file, read without changing a byte of it."""
    db = open_database(path, pragmas=False)
    try:
        return schema_problems(db)
    except peewee.DatabaseError as exc:
        raise (_not_a_database(path, exc) or exc) from exc
    finally:
        db.close()


def init_db(path: str | Path) -> APSWDatabase:
    """Open (creating if missing) the database file at ``path`` and bind the models to it.

    Creates missing tables with the backend's statements and the app's indexes; raises
    NotADatabaseError or SchemaMismatchError, naming the file, when it cannot be used,
    and then leaves the file exactly as it was.
    """
    path = Path(path).expanduser().absolute()
    check_sqlite_file(path)
    if path.exists():
        problems = inspect_schema(path)
        if problems:
            raise SchemaMismatchError(path, problems)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    try:
        db.connect()
        with db.atomic():
            for ddl in (*TABLE_DDL.values(), *INDEX_DDL):
                db.execute_sql(ddl)
    except peewee.DatabaseError as exc:
        db.close()
        raise (_not_a_database(path, exc) or exc) from exc
    except BaseException:
        db.close()
        raise
    database_proxy.initialize(db)
    return db


def close_db() -> None:
    """Close this thread's connection and unbind the models."""
    db = database_proxy.obj
    if db is not None:
        db.close()
    database_proxy.initialize(None)


def case_insensitive(field: peewee.Field) -> peewee.Node:
    """An ordering key that ignores case and can use the app's name index (SQLite's NOCASE)."""
    return field.collate("NOCASE")
