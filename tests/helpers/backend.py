"""Writes and reads rows the way the web backend does: plain sqlite3, its DDL, its formats.

The backend (FastAPI + aiosqlite) stores ``str(uuid.uuid4())`` ids,
``datetime.utcnow().isoformat()`` timestamps and ``json.dumps(list)`` for JSON columns.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crm_desktop.database import COMMS_DDL, CUSTOMERS_DDL, MEDIA_DDL, database_proxy


def utcnow_iso() -> str:
    # The backend's datetime.utcnow().isoformat(), without the deprecated call.
    return datetime.now(UTC).replace(tzinfo=None).isoformat()


def is_server(target: Path | str) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


class Row(tuple):
    """A server's row as tests use sqlite3.Row: by position, by name, and as a dict."""

    _names: tuple[str, ...] = ()

    def __new__(cls, values: Any, names: tuple[str, ...]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def keys(self) -> tuple[str, ...]:
        return self._names

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)


class ServerConnection:
    """The part of sqlite3.Connection that tests use, over psycopg to an office server:
    ``?`` placeholders, autocommit, explicit BEGIN/COMMIT."""

    def __init__(self, url: str) -> None:
        import psycopg

        def rows(cursor: Any) -> Any:
            names = tuple(column.name for column in cursor.description or ())
            return lambda values: Row(values, names)

        self._connection = psycopg.connect(url, autocommit=True, row_factory=rows)

    def execute(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        if sql.strip().upper().startswith("BEGIN"):
            sql = "BEGIN"  # BEGIN IMMEDIATE is SQLite's
        return self._connection.execute(sql.replace("?", "%s"), tuple(params))

    def close(self) -> None:
        self._connection.close()


def open_connection(target: Path | str) -> sqlite3.Connection | ServerConnection:
    if is_server(target):
        return ServerConnection(str(target))
    connection = sqlite3.connect(target, timeout=30, isolation_level=None)
    connection.row_factory = sqlite3.Row
    return connection


@contextmanager
def connect(target: Path | str) -> Iterator[Any]:
    """A plain connection (sqlite3 to a file, psycopg to a server), autocommit, closed on
    leaving.

    Two SQLite libraries in one process (the app's APSW and Python's sqlite3) do not see each
    other's POSIX locks: the sqlite3 connection, believing itself the last one, would
    checkpoint and delete the WAL under the app's open connection. So the app's connection in
    this thread is closed first (peewee reopens it on next use). Tests that write at the same
    time as the app run the backend in a separate process, as it runs in real life.
    """
    app_db = database_proxy.obj
    if app_db is not None and not app_db.is_closed() and not is_server(target):
        app_db.close()
    connection = open_connection(target)
    try:
        yield connection
    finally:
        connection.close()


def create_schema(path: Path) -> None:
    """The backend's init_db(): its CREATE TABLE IF NOT EXISTS statements, nothing more."""
    with connect(path) as connection:
        for ddl in (CUSTOMERS_DDL, COMMS_DDL, MEDIA_DDL):
            connection.execute(ddl)


def insert_customer(connection: sqlite3.Connection, name: str, **fields: Any) -> str:
    customer_id = fields.pop("id", str(uuid.uuid4()))
    now = utcnow_iso()
    row = {
        "id": customer_id,
        "name": name,
        "tags": json.dumps(fields.pop("tags", [])),
        "created_at": now,
        "updated_at": now,
        **fields,
    }
    _insert(connection, "crm_customers", row)
    return customer_id


def insert_comm(connection: sqlite3.Connection, customer_id: str, **fields: Any) -> str:
    comm_id = fields.pop("id", str(uuid.uuid4()))
    attachments = fields.pop("attachments", [])
    row = {
        "id": comm_id,
        "customer_id": customer_id,
        "type": fields.pop("type", "email"),
        "direction": fields.pop("direction", "inbound"),
        "attachments": attachments if isinstance(attachments, str) else json.dumps(attachments),
        "occurred_at": fields.pop("occurred_at", utcnow_iso()),
        "created_at": utcnow_iso(),
        **fields,
    }
    _insert(connection, "crm_comms_log", row)
    return comm_id


def insert_media(connection: sqlite3.Connection, customer_id: str | None, **fields: Any) -> str:
    media_id = fields.pop("id", str(uuid.uuid4()))
    tags = fields.pop("tags", [])
    row = {
        "id": media_id,
        "customer_id": customer_id,
        "filename": fields.pop("filename", "photo.jpg"),
        "nextcloud_path": fields.pop("nextcloud_path", "/CRM/photo.jpg"),
        "tags": tags if isinstance(tags, str) else json.dumps(tags),
        "created_at": utcnow_iso(),
        **fields,
    }
    _insert(connection, "crm_media", row)
    return media_id


def _insert(connection: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


def read_comm(connection: sqlite3.Connection, comm_id: str) -> dict[str, Any]:
    """A row parsed as the backend parses it: JSON columns back to lists."""
    row = dict(
        connection.execute("SELECT * FROM crm_comms_log WHERE id = ?", (comm_id,)).fetchone()
    )
    row["attachments"] = json.loads(row["attachments"])
    return row


def read_media(connection: sqlite3.Connection, media_id: str) -> dict[str, Any]:
    row = dict(connection.execute("SELECT * FROM crm_media WHERE id = ?", (media_id,)).fetchone())
    row["tags"] = json.loads(row["tags"])
    return row
