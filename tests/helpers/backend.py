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


@contextmanager
def connect(path: Path | str) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection in autocommit mode, closed on leaving.

    Two SQLite libraries in one process (the app's APSW and Python's sqlite3) do not see each
    other's POSIX locks: the sqlite3 connection, believing itself the last one, would
    checkpoint and delete the WAL under the app's open connection. So the app's connection in
    this thread is closed first (peewee reopens it on next use). Tests that write at the same
    time as the app run the backend in a separate process, as it runs in real life.
    """
    app_db = database_proxy.obj
    if app_db is not None and not app_db.is_closed():
        app_db.close()
    connection = sqlite3.connect(path, timeout=10, isolation_level=None)
    connection.row_factory = sqlite3.Row
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
