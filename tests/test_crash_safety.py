"""A writer killed mid-batch leaves all of the batch or none of it, and a healthy file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from crm_desktop import service
from crm_desktop.database import close_db, init_db
from tests.helpers import backend
from tests.helpers.processes import REPO, start_writer

pytestmark = pytest.mark.slow


def integrity(path: Path) -> str:
    with backend.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def count(path: Path, table: str, where: str = "1") -> int:
    with backend.connect(path) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}").fetchone()[0]


def kill_when(process: subprocess.Popen, ready, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the writer never got going"
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()  # reaps it and closes its pipes
    assert process.returncode == -signal.SIGKILL  # killed, not finished


def app_process(db: Path, code: str) -> subprocess.Popen:
    script = textwrap.dedent(
        f"""
        import sys
        from crm_desktop import service
        from crm_desktop.database import init_db
        init_db({str(db)!r})
        print("writing", flush=True)
        """
    ) + textwrap.dedent(code)
    return subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wal_grew(db: Path, size: int) -> bool:
    wal = db.with_name(db.name + "-wal")
    return wal.exists() and wal.stat().st_size > size


def test_backend_batch_killed_midway_leaves_nothing(tmp_path):
    db = tmp_path / "crm.sqlite3"
    init_db(db)
    close_db()
    writer = start_writer(db, "--batch", "--customers", "5000", "--delay", "0.0005")
    lines = []
    kill_when(writer, lambda: len(lines) > 200 or lines.append(writer.stdout.readline()))
    assert count(db, "crm_customers") == 0
    assert integrity(db) == "ok"


def test_app_bulk_media_write_killed_midway_leaves_whole_slices_and_a_sound_file(tmp_path):
    """A bulk write holds the write lock in short slices (crm_desktop.bulk_writes), each its
    own transaction: a kill keeps the slices committed before it, each whole (batches of 90
    rows), never a part of one, and the file stays sound. (A cancel or an error, unlike a
    kill, deletes them again: tests/test_bulk_writes.py.)"""
    db = tmp_path / "crm.sqlite3"
    init_db(db)
    customer = service.create_customer({"name": "ACME"}).id
    close_db()
    total = 150_000
    writer = app_process(
        db,
        f"""
        items = [{{"customer_id": {customer!r}, "filename": f"{{i}}.jpg",
                   "nextcloud_path": f"/CRM/ACME/{{i}}.jpg", "tags": ["x"]}}
                 for i in range({total})]
        service.create_media_many(items)
        print("done", flush=True)
        """,
    )
    assert writer.stdout.readline().strip() == "writing"
    kill_when(writer, lambda: wal_grew(db, 2_000_000))
    written = count(db, "crm_media")
    assert written % 90 == 0 or written == total
    assert integrity(db) == "ok"
    init_db(db)  # and the app opens it as usual
    close_db()


def test_customer_delete_killed_midway_is_all_or_nothing(tmp_path):
    db = tmp_path / "crm.sqlite3"
    init_db(db)
    customer = service.create_customer({"name": "Busy"}).id
    close_db()
    with backend.connect(db) as connection:
        connection.execute("BEGIN")
        for i in range(60_000):
            backend.insert_comm(connection, customer, body="x" * 200, subject=f"s{i}")
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    writer = app_process(db, f"service.delete_customer({customer!r})\nprint('done', flush=True)")
    assert writer.stdout.readline().strip() == "writing"
    kill_when(writer, lambda: wal_grew(db, 1_000_000))
    comms = count(db, "crm_comms_log")
    customers = count(db, "crm_customers")
    assert (comms, customers) in ((60_000, 1), (0, 0))
    assert integrity(db) == "ok"
