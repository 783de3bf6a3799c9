"""Opening the shared file while the other program is in the middle of a write."""

from __future__ import annotations

import pytest

from crm_desktop import service
from crm_desktop.database import close_db, init_db
from tests.helpers import backend
from tests.helpers.processes import start_writer

pytestmark = pytest.mark.slow


def test_switching_a_rollback_journal_file_to_wal_waits_for_a_writer(tmp_path):
    """The switch to WAL needs the write lock, taken after a read lock: SQLite does not call
    its busy handler there, so the open failed at once ("database is locked") whenever the
    backend was in the middle of a write. It waits like any other statement now."""
    path = tmp_path / "backend.sqlite3"
    backend.create_schema(path)  # Python's sqlite3: a rollback journal
    with backend.connect(path) as connection:
        backend.insert_customer(connection, "ACME")
    writer = start_writer(path, "--journal", "delete", "--hold", "0.4", "--customers", "1")
    try:
        assert writer.stdout.readline().strip() == "locked"  # it holds the write lock now
        db = init_db(path)
        try:
            assert db.journal_mode == "wal"
            assert service.count_customers() >= 1
        finally:
            close_db()
    finally:
        _out, err = writer.communicate(timeout=30)
    assert writer.returncode == 0, err
