"""Backups through the service: of the open file, daily ones named and pruned; on a server
the service says that the server's own tools do it."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crm_desktop.database import close_db, init_db
from crm_desktop.service import backups
from crm_desktop.service.backups import ServerBackupError
from tests.helpers.backend import is_server

NOW = datetime(2026, 11, 25, 14, 3, 12, tzinfo=UTC)


def test_back_up_the_open_database(db_path, customer, tmp_path):
    if is_server(db_path):
        with pytest.raises(ServerBackupError, match="pg_dump"):
            backups.back_up_database(tmp_path / "copy.sqlite3")
        return
    result = backups.back_up_database(tmp_path / "copy.sqlite3")
    assert backups.check_backup(result.path).rows["crm_customers"] == 1


@pytest.fixture
def sqlite_file(tmp_path) -> Iterator[Path]:
    """Daily backups are of a file: these tests need no server."""
    path = tmp_path / "crm.sqlite3"
    init_db(path)
    yield path
    close_db()


def test_daily_backups_are_named_for_their_database(sqlite_file, tmp_path):
    name = backups.scheduled_name(sqlite_file, NOW)
    assert name.startswith("crm-backup-20261125T140312Z-") and name.endswith(".sqlite3")
    other = tmp_path / "elsewhere" / "crm.sqlite3"
    assert backups.scheduled_name(other, NOW) != name  # same name, another file


def test_a_daily_backup_is_due_after_a_day(sqlite_file, tmp_path):
    folder = tmp_path / "backups"
    assert backups.scheduled_backup_due(folder, sqlite_file, NOW)
    outcome = backups.back_up_scheduled(folder, keep=3, now=NOW)
    assert outcome.result.path.parent == folder and outcome.pruned == ()
    assert not backups.scheduled_backup_due(folder, sqlite_file, NOW + timedelta(hours=23))
    assert backups.scheduled_backup_due(folder, sqlite_file, NOW + timedelta(days=1))


def test_pruning_deletes_only_the_apps_own_old_backups(sqlite_file, tmp_path):
    folder = tmp_path / "backups"
    made = [
        backups.back_up_scheduled(folder, keep=10, now=NOW + timedelta(days=day)).result.path
        for day in range(4)
    ]
    foreign = [
        folder / "crm-backup-20200101T000000Z-000000.sqlite3",  # another database's key
        folder / "crm.sqlite3",
        folder / "notes.txt",
        folder / f"my {made[0].name}",
    ]
    for path in foreign:
        path.write_text("not ours", encoding="utf-8")
    link = folder / backups.scheduled_name(sqlite_file, NOW - timedelta(days=9))
    link.symlink_to(foreign[1])
    crashed = folder / f".crm-desktop-{backups.scheduled_name(sqlite_file, NOW)}.ab12cd34.part"
    crashed.write_bytes(b"half a copy")
    old = time.time() - 7 * 3600
    os.utime(crashed, (old, old))

    outcome = backups.back_up_scheduled(folder, keep=2, now=NOW + timedelta(days=4))

    assert set(outcome.pruned) == {made[0], made[1], made[2], crashed}
    remaining = {backup.path for backup in backups.scheduled_backups(folder, sqlite_file)}
    assert remaining == {made[3], outcome.result.path}
    for path in [*foreign, link]:
        assert path.is_symlink() or path.read_text(encoding="utf-8") == "not ours"


def test_at_least_one_daily_backup_is_kept(sqlite_file, tmp_path):
    folder = tmp_path / "backups"
    backups.back_up_scheduled(folder, keep=0, now=NOW)
    assert len(backups.scheduled_backups(folder, sqlite_file)) == 1
