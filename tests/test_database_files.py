"""Bad files: each gets a plain message, no crash, and nothing written over."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from crm_desktop import service
from crm_desktop.check import NOT_USABLE, UNREADABLE, USABLE, check_database, run_check
from crm_desktop.database import close_db, current_database, init_db
from crm_desktop.errors import DatabaseFileError, NotADatabaseError, SchemaMismatchError
from crm_desktop.storage import Storage, StorageKind
from tests.helpers import backend
from tests.helpers.readonly import read_only_file, read_only_folder


def digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in paths]


@pytest.fixture
def filled(tmp_path) -> Path:
    """A database with a customer and a communication, closed and checkpointed."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "crm.sqlite3"
    init_db(path)
    customer = service.create_customer({"name": "ACME"}).id
    service.create_comm({"customer_id": customer, "type": "call", "direction": "inbound"})
    close_db()  # the last connection checkpoints the WAL into the file
    return path


def test_a_read_only_file_opens_read_only_and_stays_unchanged(filled):
    with read_only_file(filled):
        before = digest(filled)
        db = init_db(filled)
        try:
            assert db.read_only and "read-only" in db.read_only_reason
            assert [c.name for c in service.list_customers()] == ["ACME"]
            with pytest.raises(Exception) as caught:
                service.create_customer({"name": "Nope"})
            assert "readonly" in str(caught.value).lower() or "read-only" in str(caught.value)
        finally:
            close_db()
        assert digest(filled) == before


def test_a_read_only_folder_opens_read_only_and_stays_unchanged(filled):
    folder = filled.parent
    with read_only_folder(folder) as view:
        path = view / filled.name
        before = digest(path)
        db = init_db(path)
        try:
            assert db.read_only and "read-only" in db.read_only_reason
            assert service.count_comms(service.list_customers()[0].id) == 1
        finally:
            close_db()
        assert digest(path) == before
        assert sorted(p.name for p in view.iterdir()) == ["crm.sqlite3"]
        with pytest.raises(DatabaseFileError, match="cannot be created"):
            init_db(view / "new.sqlite3")
        assert run_check(path, io.StringIO()) == USABLE


def test_a_missing_folder_is_never_created(tmp_path):
    with pytest.raises(DatabaseFileError, match="does not exist"):
        init_db(tmp_path / "a" / "b" / "crm.sqlite3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]  # the test's own


def test_a_corrupt_file_is_named_and_left_alone(filled):
    data = bytearray(filled.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, after the header
    filled.write_bytes(bytes(data))
    before = digest(filled)
    with pytest.raises(DatabaseFileError) as caught:
        init_db(filled)
    assert str(filled) in str(caught.value)
    assert "damaged" in caught.value.reason or "not a SQLite" in caught.value.reason
    assert digest(filled) == before
    assert current_database() is None
    out = io.StringIO()
    assert run_check(filled, out) in (NOT_USABLE, UNREADABLE)
    assert "FAIL" in out.getvalue()


def test_damaged_data_pages_fail_the_integrity_check(filled):
    init_db(filled)
    customer = service.list_customers()[0].id
    for i in range(300):  # enough rows for pages beyond the first few
        service.create_comm(
            {
                "customer_id": customer,
                "type": "note",
                "direction": "internal",
                "body": f"note {i} " * 20,
            }
        )
    close_db()
    data = bytearray(filled.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle + 8 : middle + 4000] = bytes(range(256)) * 15 + bytes(range(32))
    filled.write_bytes(bytes(data))
    report = check_database(filled)
    assert not report.usable
    assert any(f.topic == "integrity" and f.status == "fail" for f in report.findings)


def test_not_sqlite_and_missing_files_in_check(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 20)
    out = io.StringIO()
    assert run_check(notes, out) == UNREADABLE and "not a SQLite database" in out.getvalue()
    assert run_check(tmp_path / "missing.sqlite3", io.StringIO()) == NOT_USABLE
    assert not (tmp_path / "missing.sqlite3").exists()
    with pytest.raises(NotADatabaseError):
        init_db(notes)


def test_check_reports_a_healthy_file_and_foreign_rows(filled):
    with backend.connect(filled) as connection:
        customer = connection.execute("SELECT id FROM crm_customers").fetchone()[0]
        backend.insert_comm(connection, customer, type="fax", attachments="[oops")
    before = digest(filled)
    out = io.StringIO()
    assert run_check(filled, out) == USABLE
    text = out.getvalue()
    assert "integrity_check found no damage" in text
    assert "'fax' x1" in text and "not JSON" in text
    assert "SQLite" in text and "3." in text
    assert digest(filled) == before


def test_check_names_missing_columns(tmp_path):
    path = tmp_path / "old.sqlite3"
    with backend.connect(path) as connection:
        connection.execute("CREATE TABLE crm_media (id TEXT PRIMARY KEY, filename TEXT)")
    out = io.StringIO()
    assert run_check(path, out) == NOT_USABLE
    assert "crm_media: lacks customer_id" in out.getvalue()
    with pytest.raises(SchemaMismatchError):
        init_db(path)


def test_network_storage_keeps_the_journal_mode_and_warns(tmp_path):
    path = tmp_path / "share.sqlite3"
    backend.create_schema(path)  # a rollback-journal file, as the backend makes it
    db = init_db(path, storage=Storage(StorageKind.network, "cifs", "/mnt/office"))
    try:
        assert db.journal_mode == "delete"
        assert any("network drive (cifs)" in warning for warning in db.warnings)
        service.create_customer({"name": "Still works"})
    finally:
        close_db()
    assert not (tmp_path / "share.sqlite3-wal").exists()


def test_a_wal_file_on_network_storage_is_called_unsafe(tmp_path):
    path = tmp_path / "share.sqlite3"
    init_db(path)
    close_db()
    db = init_db(path, storage=Storage(StorageKind.network, "nfs4", "/mnt/nfs"))
    try:
        assert any("already uses SQLite's WAL" in warning for warning in db.warnings)
    finally:
        close_db()
