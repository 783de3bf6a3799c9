"""The shared tables as peewee models, with the backend's own statements: the same on a file
and on a server.

The web backend owns the schema. The engines create only what is missing, with these
statements verbatim, add the app's own indexes, and never change, drop or migrate anything
they find.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

import peewee

from crm_desktop import timeutil

# The tables are bound to this proxy; init_db() points it at the open database.
database_proxy = peewee.DatabaseProxy()

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
# sorted list, and communications by their message id (a dropped e-mail or chat message
# that is logged already: service.logged_message_ids). Written for SQLite; a server's
# engine adapts what differs (NOCASE).
INDEX_DDL = (
    "CREATE INDEX IF NOT EXISTS crm_desktop_comms_by_customer_time "
    "ON crm_comms_log (customer_id, occurred_at, id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_media_by_customer "
    "ON crm_media (customer_id, created_at, id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_media_by_order ON crm_media (order_id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_customers_by_name "
    "ON crm_customers (name COLLATE NOCASE, id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_media_by_time ON crm_media (created_at, id)",
    "CREATE INDEX IF NOT EXISTS crm_desktop_comms_by_message_id ON crm_comms_log (ext_message_id)",
)
COMMS_INDEX = "crm_desktop_comms_by_customer_time"

TABLE_DDL = {
    "crm_customers": CUSTOMERS_DDL,
    "crm_comms_log": COMMS_DDL,
    "crm_media": MEDIA_DDL,
}


def index_name(ddl: str) -> str:
    """The name a ``CREATE INDEX IF NOT EXISTS name …`` (or ``CREATE TABLE …``) makes."""
    return ddl.split()[5]


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
