"""The shared schema: the app's file and the backend's file must be interchangeable."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import apsw
import peewee
import pytest

from crm_desktop import database
from crm_desktop.database import (
    CommTable,
    CustomerTable,
    MediaTable,
    close_db,
    database_proxy,
    init_db,
)
from crm_desktop.errors import DatabaseMissingError, NotADatabaseError, SchemaMismatchError
from tests.helpers import backend

# The spec's statements, copied here on purpose (not imported from the app): the app's DDL
# must match what the backend runs, and a typo on either side must fail this test.
SPEC_COMMS_DDL = """CREATE TABLE IF NOT EXISTS crm_comms_log (
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
);"""
SPEC_MEDIA_DDL = """CREATE TABLE IF NOT EXISTS crm_media (
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
);"""
ISSUE_CUSTOMERS_DDL = (
    "CREATE TABLE IF NOT EXISTS crm_customers (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
    "organization TEXT, email TEXT, phone TEXT, address TEXT, notes TEXT, "
    "tags TEXT DEFAULT '[]', nextcloud_folder TEXT, created_at TEXT NOT NULL, "
    "updated_at TEXT NOT NULL)"
)


def table_info(path: Path, table: str) -> list[tuple]:
    with backend.connect(path) as connection:
        return [tuple(row) for row in connection.execute(f"PRAGMA table_info({table})")]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backend_file(tmp_path: Path) -> Path:
    """A file made by the backend itself: its statements run through plain sqlite3."""
    path = tmp_path / "backend.sqlite3"
    with backend.connect(path) as connection:
        connection.execute(ISSUE_CUSTOMERS_DDL)
        connection.execute(SPEC_COMMS_DDL)
        connection.execute(SPEC_MEDIA_DDL)
    return path


@pytest.mark.parametrize("table", ["crm_comms_log", "crm_media", "crm_customers"])
def test_app_file_has_the_backends_table_definitions(tmp_path, backend_file, table):
    app_file = tmp_path / "app.sqlite3"
    init_db(app_file)
    close_db()
    assert table_info(app_file, table) == table_info(backend_file, table)
    assert table_info(app_file, table)  # not two empty lists


def test_opening_a_backend_file_changes_no_table_and_keeps_rows(backend_file):
    with backend.connect(backend_file) as connection:
        customer = backend.insert_customer(connection, "ACME GmbH")
        backend.insert_comm(connection, customer, subject="Hello")
    before = {t: table_info(backend_file, t) for t in ("crm_comms_log", "crm_media")}

    init_db(backend_file)
    close_db()

    assert {t: table_info(backend_file, t) for t in before} == before
    with backend.connect(backend_file) as connection:
        assert [tuple(r) for r in connection.execute("SELECT subject FROM crm_comms_log")] == [
            ("Hello",)
        ]
        indexes = {
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'crm_desktop_%'"
            )
        }
    assert {
        "crm_desktop_comms_by_customer_time",
        "crm_desktop_media_by_customer",
        "crm_desktop_media_by_order",
    } <= indexes


def test_timeline_query_uses_the_apps_index(db_path):
    with backend.connect(db_path) as connection:
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM crm_comms_log WHERE customer_id = ? "
            "ORDER BY occurred_at DESC, id DESC LIMIT 100",
            ("x",),
        ).fetchall()
    text = " ".join(str(tuple(row)) for row in plan)
    assert "crm_desktop_comms_by_customer_time" in text
    assert "TEMP B-TREE" not in text


def test_creates_a_missing_file_only_when_asked_and_never_a_folder(tmp_path):
    deep = tmp_path / "deep" / "er" / "crm.sqlite3"
    with pytest.raises(DatabaseMissingError, match=r"folder .*deep does not exist"):
        init_db(deep)
    assert not (tmp_path / "deep").exists()
    path = tmp_path / "crm.sqlite3"
    with pytest.raises(DatabaseMissingError, match="no database file there"):
        init_db(path, create=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]  # the test's own
    db = init_db(path)
    try:
        assert path.exists()
        assert isinstance(db, peewee.SqliteDatabase)
        assert database_proxy.obj is db
        assert set(db.get_tables()) >= {"crm_customers", "crm_comms_log", "crm_media"}
    finally:
        close_db()
    assert database_proxy.obj is None


def test_connection_is_wal_with_a_busy_timeout(db_path):
    db = database_proxy.obj
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_write_transactions_begin_immediate(db_path):
    """Inside the app's transaction another writer is locked out at once, before any write."""
    # The other writer uses the same SQLite library (APSW's): two different SQLite copies in
    # one process do not see each other's POSIX locks. Cross-process tests use plain sqlite3.
    other = apsw.Connection(str(db_path))
    try:
        with database_proxy.atomic():
            # Nothing written yet: a deferred BEGIN would not hold the write lock here.
            database_proxy.execute_sql("SELECT 1").fetchall()
            with pytest.raises(apsw.BusyError):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_timestamp_field_writes_the_backends_text(db_path):
    moment = datetime(2026, 11, 25, 23, 1, 7, 607137, tzinfo=timezone(timedelta(hours=1)))
    CustomerTable.insert(
        id="c1", name="A", created_at=moment, updated_at=datetime(2026, 1, 2, 3, 4, 5)
    ).execute()
    with backend.connect(db_path) as connection:
        created, updated = connection.execute(
            "SELECT created_at, updated_at FROM crm_customers"
        ).fetchone()
    assert created == "2026-11-25T22:01:07.607137"  # converted to UTC, with a T
    assert updated == "2026-01-02T03:04:05.000000"  # naive taken as UTC, fixed width


def test_json_field_writes_json_dumps_text(db_path):
    MediaTable.insert(
        id="m1",
        filename="a",
        nextcloud_path="/a",
        tags=["Büro", "x y"],
        created_at=datetime.now(UTC),
    ).execute()
    CommTable.insert(
        id="k1",
        customer_id="c",
        type="email",
        direction="inbound",
        attachments=[{"filename": "a.pdf", "nextcloud_path": "/CRM/a.pdf"}],
        occurred_at=datetime.now(UTC),
        created_at=datetime.now(UTC),
    ).execute()
    with backend.connect(db_path) as connection:
        (tags,) = connection.execute("SELECT tags FROM crm_media").fetchone()
        (attachments,) = connection.execute("SELECT attachments FROM crm_comms_log").fetchone()
    assert tags == json.dumps(["Büro", "x y"]) == '["B\\u00fcro", "x y"]'
    assert attachments == '[{"filename": "a.pdf", "nextcloud_path": "/CRM/a.pdf"}]'


def test_ids_are_uuid4_text_with_dashes():
    value = database.new_id()
    assert len(value) == 36 and value.count("-") == 4 and value[14] == "4"


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("These are my notes, not a database.\n" * 50)
    before = file_digest(path)
    with pytest.raises(NotADatabaseError) as caught:
        init_db(path)
    assert str(path) in str(caught.value)
    assert "not a SQLite database" in str(caught.value)
    assert file_digest(path) == before
    assert database_proxy.obj is None


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(NotADatabaseError, match="folder"):
        init_db(tmp_path)


def test_tables_lacking_columns_are_named_and_nothing_changes(tmp_path):
    path = tmp_path / "old.sqlite3"
    with backend.connect(path) as connection:
        connection.execute(
            "CREATE TABLE crm_comms_log (id TEXT PRIMARY KEY, customer_id TEXT, type TEXT)"
        )
    before = file_digest(path)
    with pytest.raises(SchemaMismatchError) as caught:
        init_db(path)
    message = str(caught.value)
    assert str(path) in message
    assert "crm_comms_log" in message and "direction" in message and "occurred_at" in message
    assert caught.value.missing["crm_comms_log"][0] == "direction"
    assert file_digest(path) == before
    with backend.connect(path) as connection:
        tables = {n for (n,) in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"crm_comms_log", "sqlite_autoindex_crm_comms_log_1"}


def test_a_required_column_the_app_cannot_fill_is_reported(tmp_path):
    path = tmp_path / "extra.sqlite3"
    with backend.connect(path) as connection:
        connection.execute(
            ISSUE_CUSTOMERS_DDL.replace(
                "updated_at TEXT NOT NULL", "updated_at TEXT NOT NULL, status TEXT NOT NULL"
            )
        )
    with pytest.raises(SchemaMismatchError, match="status"):
        init_db(path)


def test_extra_columns_with_defaults_are_fine(tmp_path):
    path = tmp_path / "extra.sqlite3"
    with backend.connect(path) as connection:
        connection.execute(
            ISSUE_CUSTOMERS_DDL.replace(
                "updated_at TEXT NOT NULL", "updated_at TEXT NOT NULL, status TEXT DEFAULT 'lead'"
            )
        )
    init_db(path)
    close_db()
