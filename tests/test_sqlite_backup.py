"""Backups of a live file while another process writes, checks of a backup, restores."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop import service, sqlite_backup
from crm_desktop.check import run_check
from crm_desktop.database import close_db, init_db
from crm_desktop.errors import Cancelled
from crm_desktop.sqlite_backup import BackupError, back_up_file, check_backup, restore_file
from tests.helpers import backend
from tests.helpers.processes import start_writer

WRITER_GROUP = 10  # the writer commits its rows ten at a time: a copy holds whole groups


def _fill(path: Path, comms: int = 400) -> str:
    """A file made by the app, then rows written by the backend (plain sqlite3)."""
    init_db(path)
    close_db()
    with backend.connect(path) as connection:
        customer = backend.insert_customer(connection, "Müller & Söhne")
        connection.execute("BEGIN")
        for number in range(comms):
            backend.insert_comm(connection, customer, subject=f"entry {number}", body="x" * 400)
        connection.execute("COMMIT")
    return customer


def _rows(path: Path, where: str = "1") -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(f"SELECT COUNT(*) FROM crm_comms_log WHERE {where}").fetchone()[0]
    finally:
        connection.close()


def _integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def _journal_byte(path: Path) -> int:
    return path.read_bytes()[18]  # 1: rollback journal, 2: WAL


@pytest.fixture
def live(tmp_path: Path) -> Path:
    path = tmp_path / "live" / "crm.sqlite3"
    path.parent.mkdir()
    _fill(path)
    return path


def test_a_backup_is_one_checked_file_that_passes_check(live: Path, tmp_path: Path):
    target = tmp_path / "backups" / "copy.sqlite3"
    target.parent.mkdir()
    seen: list[tuple[int, int]] = []

    result = back_up_file(live, target, progress=lambda done, total: seen.append((done, total)))

    assert result.path == target and result.journal_mode == "wal"
    assert result.bytes == target.stat().st_size
    assert seen and seen[-1][0] == seen[-1][1]
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]
    assert _journal_byte(target) == 1  # self-contained: no -wal needed beside it
    assert _integrity(target) == ["ok"]
    assert _rows(target) == _rows(live) == 400
    report = io.StringIO()
    assert run_check(target, out=report) == 0
    assert "OK   integrity" in report.getvalue()


def test_a_backup_never_overwrites_a_file(live: Path, tmp_path: Path):
    target = tmp_path / "taken.sqlite3"
    target.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        back_up_file(live, target)
    assert target.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "live", "taken.sqlite3"]


def test_a_cancelled_backup_leaves_no_file(live: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(sqlite_backup, "WAL_STEP_BYTES", 4096)
    steps: list[int] = []
    target = tmp_path / "copy.sqlite3"
    with pytest.raises(Cancelled):
        back_up_file(live, target, lambda done, _total: steps.append(done), lambda: len(steps) > 2)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "live"]


class Backend:
    """The backend in a process of its own, committing a group of rows when told to."""

    def __init__(self, live: Path, groups: int) -> None:
        self.process = start_writer(
            live,
            *("--customer", "writer", "--comms", str(groups * WRITER_GROUP)),
            *("--group", str(WRITER_GROUP), "--on-demand"),
        )
        self.commits = 0

    def ask(self) -> None:
        """Tell it to commit its next group (it may have to wait for a lock)."""
        assert self.process.stdin is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()

    def answered(self) -> None:
        """Wait until the group asked for is committed."""
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line.startswith("committed"), self.process.stderr and self.process.stderr.read()
        self.commits += 1

    def commit(self) -> None:
        self.ask()
        self.answered()

    def finish(self) -> None:
        out, err = self.process.communicate("", timeout=60)
        assert self.process.returncode == 0, err
        self.commits += out.count("committed")


@pytest.mark.slow
def test_backup_while_another_process_writes_is_consistent(live: Path, tmp_path, monkeypatch):
    """WAL: the copy is one snapshot however much the backend commits between its steps,
    and the backend is never kept waiting (it commits during the copy)."""
    monkeypatch.setattr(sqlite_backup, "WAL_STEP_BYTES", 8 * 4096)
    writer = Backend(live, groups=40)
    writer.commit()
    before = _rows(live, "customer_id = 'writer'")
    during = []

    def step(done: int, total: int) -> None:
        if done < total:  # between two steps of the copy, the backend commits a group
            writer.commit()
            during.append(done)

    target = tmp_path / "copy.sqlite3"
    result = back_up_file(live, target, progress=step)
    writer.finish()

    assert len(during) >= 3 and result.restarts == 0 and not result.locked_rest
    copied = _rows(target, "customer_id = 'writer'")
    assert copied == before == WRITER_GROUP  # the snapshot taken when the copy began
    assert _integrity(target) == ["ok"]
    assert _rows(live, "customer_id = 'writer'") == (1 + len(during)) * WRITER_GROUP


@pytest.mark.slow
def test_rollback_journal_backup_lets_the_writer_in_between_slices(
    live: Path, tmp_path, monkeypatch
):
    """Without WAL the copy goes in slices and the backend commits between them; each
    commit restarts the copy, and after MAX_RESTARTS the rest is copied in one read
    transaction, while the backend waits."""
    with backend.connect(live) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    monkeypatch.setattr(sqlite_backup, "ROLLBACK_SLICE_BYTES", 4 * 4096)
    monkeypatch.setattr(sqlite_backup, "MAX_RESTARTS", 2)
    writer = Backend(live, groups=10)
    steps = []

    def step(done: int, total: int) -> None:
        steps.append(done)
        if len(steps) <= 2:
            writer.commit()  # in a pause between slices: it gets in at once
        elif len(steps) == 3:
            writer.ask()  # while the rest is copied under the lock: it waits

    target = tmp_path / "copy.sqlite3"
    result = back_up_file(live, target, progress=step)
    writer.answered()  # the waiting commit went through once the copy was done
    writer.finish()

    assert result.journal_mode == "delete"
    assert result.restarts == 2 and result.locked_rest
    assert _rows(target, "customer_id = 'writer'") == 2 * WRITER_GROUP
    assert _integrity(target) == ["ok"]
    assert _rows(live, "customer_id = 'writer'") == 3 * WRITER_GROUP


@pytest.mark.slow
def test_rollback_journal_backup_refuses_to_hold_a_busy_backend_up_long(
    live: Path, tmp_path, monkeypatch
):
    with backend.connect(live) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    monkeypatch.setattr(sqlite_backup, "ROLLBACK_SLICE_BYTES", 4 * 4096)
    monkeypatch.setattr(sqlite_backup, "MAX_RESTARTS", 2)
    monkeypatch.setattr(sqlite_backup, "LOCK_BUDGET_SECONDS", 0.0)
    writer = Backend(live, groups=10)
    target = tmp_path / "copy.sqlite3"
    with pytest.raises(BackupError, match="writes to this file too often"):
        back_up_file(live, target, progress=lambda done, total: writer.commit())
    writer.finish()
    assert writer.commits == 2  # each commit went through between two slices, never held
    assert not target.exists() and not list(tmp_path.glob(".crm-desktop-*"))


def test_check_backup_counts_rows(live: Path, tmp_path: Path):
    info = check_backup(live)
    assert info.rows == {"crm_customers": 1, "crm_comms_log": 400, "crm_media": 0}


def test_check_backup_refuses_what_cannot_be_restored(tmp_path: Path, live: Path):
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(BackupError, match="not a SQLite database"):
        check_backup(text)

    other = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE things (x)")
    connection.close()
    with pytest.raises(BackupError, match="lacks the tables"):
        check_backup(other)

    damaged = tmp_path / "damaged.sqlite3"
    copy = back_up_file(live, damaged).path
    data = bytearray(copy.read_bytes())
    page = 4096
    data[page * 5 : page * 5 + 200] = b"\xff" * 200  # a table page overwritten
    copy.write_bytes(bytes(data))
    with pytest.raises(BackupError, match=r"damaged|malformed"):
        check_backup(damaged)

    with pytest.raises(BackupError, match="does not exist"):
        check_backup(tmp_path / "missing.sqlite3")


def test_restore_keeps_the_replaced_file_and_leaves_no_wal(live: Path, tmp_path: Path):
    saved = back_up_file(live, tmp_path / "saved.sqlite3").path
    with backend.connect(live) as connection:  # after the backup: lost by the restore
        connection.execute("DELETE FROM crm_comms_log WHERE subject LIKE 'entry 1%'")
        connection.execute("PRAGMA journal_mode = WAL")
    changed = _rows(live)
    assert changed < 400

    kept = restore_file(saved, live)

    assert kept == live.with_name("crm.sqlite3.before-restore")
    assert _rows(live) == 400 and _rows(kept) == changed
    assert _integrity(live) == ["ok"]
    names = sorted(p.name for p in live.parent.iterdir())
    assert names == ["crm.sqlite3", "crm.sqlite3.before-restore"]

    again = restore_file(saved, live)
    assert again == live.with_name("crm.sqlite3.2.before-restore")
    assert _rows(kept) == changed  # the older one is never overwritten
    init_db(live)  # the app opens the restored file as usual
    assert service.count_customers() == 1
    close_db()


def test_restore_refuses_while_another_program_has_the_file_open(live: Path, tmp_path: Path):
    saved = back_up_file(live, tmp_path / "saved.sqlite3").path
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT COUNT(*) FROM crm_comms_log').fetchall(); "
            "print('open', flush=True); sys.stdin.readline()",
            str(live),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        before = live.read_bytes()
        with pytest.raises(BackupError, match="another program has the database open"):
            restore_file(saved, live)
        assert live.read_bytes() == before
        assert not list(live.parent.glob("*before-restore"))
        assert not list(live.parent.glob(".crm-desktop-*"))
    finally:
        holder.communicate("\n", timeout=30)
