"""File ▸ Back up…, File ▸ Restore from backup… and the daily backup, in the real window."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from crm_desktop import service
from crm_desktop.app import create_main_window
from crm_desktop.database import close_db
from crm_desktop.service import backups
from crm_desktop.settings import Settings
from crm_desktop.sqlite_backup import BackupError
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    result = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    result.backup_folder = str(tmp_path / "daily")
    return result


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def live(tmp_path: Path) -> Path:
    folder = tmp_path / "office"
    folder.mkdir()
    return folder / "crm.sqlite3"


@pytest.fixture
def window(qtbot, qapp, live, settings, prompts):
    result = create_main_window(live, settings, prompts, create=True)
    for name in ("ACME GmbH", "Beta AG"):
        service.create_customer({"name": name})
    result.customers.model.reload()
    qtbot.addWidget(result)
    show_active(qtbot, result)
    yield result
    result.close()
    assert not prompts.errors, prompts.errors
    close_db()


def test_the_file_menu_has_back_up_and_restore(window):
    menu = next(m for m in window.menuBar().actions() if m.text() == "&File").menu()
    names = [action.objectName() for action in menu.actions()]
    assert "backupAction" in names and "restoreAction" in names


def test_back_up_by_hand(qtbot, window, tmp_path, prompts, settings):
    target = tmp_path / "saved" / "Montag.sqlite3"
    target.parent.mkdir()
    prompts.paths = [target]
    window.findChild(QAction, "backupAction").trigger()
    assert prompts.asked[-1].kind == "save_path"
    assert prompts.asked[-1].text.endswith(".sqlite3")  # a suggested name
    qtbot.waitUntil(lambda: not window.backups.busy and target.exists())
    assert backups.check_backup(target).rows["crm_customers"] == 2
    assert window.statusBar().currentMessage().startswith(f"Backed up to {target}")
    assert settings.backup_last_folder == str(target.parent)


def test_back_up_never_over_a_file(window, tmp_path, prompts):
    taken = tmp_path / "taken.sqlite3"
    taken.write_bytes(b"mine")
    prompts.paths = [taken]
    window.backups.back_up()
    assert not window.backups.busy
    assert prompts.asked[-1].kind == "inform" and "never overwrites" in prompts.asked[-1].text
    assert taken.read_bytes() == b"mine"


def test_restore_checks_asks_keeps_the_old_file_and_reopens(qtbot, window, live, tmp_path, prompts):
    saved = backups.back_up_database(tmp_path / "saved.sqlite3").path
    beta = next(c.id for c in service.list_customers() if c.name == "Beta AG")
    service.delete_customer(beta)
    service.create_customer({"name": "After the backup"})
    prompts.paths = [saved]
    prompts.answers = [True]

    window.findChild(QAction, "restoreAction").trigger()

    qtbot.waitUntil(lambda: any(a.kind == "inform" for a in prompts.asked))
    question = next(a for a in prompts.asked if a.kind == "confirm")
    assert question.title == "Restore from this backup?"
    assert "2 customers" in question.text and "crm.sqlite3.before-restore" in question.text
    assert "Stop the web backend" in question.text
    kept = live.with_name("crm.sqlite3.before-restore")
    assert kept.exists()
    assert sorted(c.name for c in service.list_customers()) == ["ACME GmbH", "Beta AG"]
    assert window.customers.model.rowCount() == 2
    assert window.centralWidget().isEnabled() and window.menuBar().isEnabled()
    assert not window.context.undo_stack.canUndo()
    done = next(a for a in prompts.asked if a.kind == "inform")
    assert "kept as" in done.text and str(kept) in done.text


def test_restore_asks_first_and_changes_nothing_when_told_no(
    qtbot, window, live, tmp_path, prompts
):
    saved = backups.back_up_database(tmp_path / "saved.sqlite3").path
    service.create_customer({"name": "Keep me"})
    prompts.paths = [saved]
    prompts.answers = [False]
    window.backups.restore()
    qtbot.waitUntil(
        lambda: not window.backups.busy and any(a.kind == "confirm" for a in prompts.asked)
    )
    assert service.count_customers() == 3
    assert not live.with_name("crm.sqlite3.before-restore").exists()


def test_a_damaged_backup_is_refused_before_anything_is_asked(qtbot, window, tmp_path, prompts):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    prompts.paths = [bad]
    window.backups.restore()
    qtbot.waitUntil(lambda: bool(prompts.errors))
    assert isinstance(prompts.errors.pop(), BackupError)
    assert not any(a.kind == "confirm" for a in prompts.asked)
    assert service.count_customers() == 2


def test_restore_is_refused_while_another_program_has_the_file_open(
    qtbot, window, live, tmp_path, prompts
):
    saved = backups.back_up_database(tmp_path / "saved.sqlite3").path
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT COUNT(*) FROM crm_customers').fetchall(); "
            "print('open', flush=True); sys.stdin.readline()",
            str(live),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        prompts.paths = [saved]
        prompts.answers = [True]
        window.backups.restore()
        qtbot.waitUntil(lambda: bool(prompts.errors))
        error = prompts.errors.pop()
        assert isinstance(error, BackupError) and "another program" in error.reason
    finally:
        holder.communicate("\n", timeout=30)
    qtbot.waitUntil(lambda: not window.backups.busy)
    assert window.centralWidget().isEnabled()
    assert service.count_customers() == 2  # the window works on the same file as before
    assert not live.with_name("crm.sqlite3.before-restore").exists()


def test_the_daily_backup_runs_at_start_when_due(qtbot, window, settings, live):
    now = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    assert window.backups.start_daily(now)
    outcome = window.findChild(QLabel, "backupOutcome")
    qtbot.waitUntil(lambda: not window.backups.busy and outcome.isVisible())
    assert outcome.text().startswith("Backed up")
    folder = settings.daily_backup_folder()
    assert [b.made_at for b in backups.scheduled_backups(folder, live)] == [now]

    assert not window.backups.start_daily(now + timedelta(hours=5))  # not due again
    assert outcome.text().startswith("Last backup")
    assert window.backups.start_daily(now + timedelta(days=1, minutes=1))
    qtbot.waitUntil(lambda: not window.backups.busy)
    assert len(backups.scheduled_backups(folder, live)) == 2


def test_the_daily_backup_is_off_when_turned_off(window, settings):
    settings.backup_daily = False
    assert not window.backups.start_daily()


def test_a_failed_daily_backup_is_said_in_the_status_bar(qtbot, window, settings, tmp_path):
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    settings.backup_folder = str(blocker)
    assert window.backups.start_daily()
    outcome = window.findChild(QLabel, "backupOutcome")
    qtbot.waitUntil(lambda: not window.backups.busy and outcome.isVisible())
    assert outcome.text() == "Daily backup failed" and outcome.toolTip()


def test_one_backup_at_a_time_and_no_restore_of_a_read_only_file(qtbot, window, prompts, tmp_path):
    assert window.backups.start_daily()
    window.backups.back_up()
    window.backups.restore()
    busy = [a for a in prompts.asked if a.kind == "inform"]
    assert len(busy) == 2 and all("under way" in a.text for a in busy)
    qtbot.waitUntil(lambda: not window.backups.busy)
    window.context.read_only_reason = "the file is read-only"
    window.backups.restore()
    assert "read-only" in prompts.asked[-1].text
    assert not any(a.kind == "open_path" for a in prompts.asked)
