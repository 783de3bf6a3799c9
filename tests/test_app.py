"""The command line, as a person or a script runs it (each case in its own process)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from crm_desktop import __version__
from crm_desktop.app import install_excepthook
from tests.helpers.processes import REPO

pytestmark = pytest.mark.slow


def crm(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_version(tmp_path):
    result = crm(tmp_path, "--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_first_start_makes_the_default_database_in_the_data_folder(tmp_path):
    shot = tmp_path / "shot.png"
    result = crm(tmp_path, "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "crm-desktop" / "crm.sqlite3").exists()
    assert shot.stat().st_size > 10_000
    assert (tmp_path / "config" / "crm-desktop" / "settings.ini").exists()


def test_demo_screenshot(tmp_path):
    shot = tmp_path / "demo.png"
    result = crm(tmp_path, "--demo", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "crm-desktop" / "demo.sqlite3").exists()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


def test_a_file_that_is_not_a_database_gives_a_plain_message(tmp_path):
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("my notes\n" * 100)
    before = hashlib.sha256(notes.read_bytes()).hexdigest()
    result = crm(tmp_path, "--db", str(notes), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert str(notes) in result.stderr and "not a SQLite database" in result.stderr
    assert "Traceback" not in result.stderr
    assert hashlib.sha256(notes.read_bytes()).hexdigest() == before


def test_check_says_whether_a_file_is_usable(tmp_path):
    good = tmp_path / "good.sqlite3"
    assert crm(tmp_path, "--db", str(good), "--screenshot", str(tmp_path / "x.png")).returncode == 0
    result = crm(tmp_path, "--db", str(good), "--check")
    assert result.returncode == 0, result.stdout
    assert "integrity_check found no damage" in result.stdout and "usable" in result.stdout
    missing = crm(tmp_path, "--db", str(tmp_path / "none.sqlite3"), "--check")
    assert missing.returncode == 1 and "does not exist" in missing.stdout
    assert not (tmp_path / "none.sqlite3").exists()


def test_unexpected_errors_are_shown_and_logged_not_fatal(qtbot, tmp_path):
    from crm_desktop.app import create_main_window
    from crm_desktop.database import close_db
    from tests.helpers.prompts import ScriptedPrompts

    prompts = ScriptedPrompts()
    window = create_main_window(tmp_path / "x.sqlite3", prompts=prompts)
    qtbot.addWidget(window)
    previous, previous_thread = sys.excepthook, threading.excepthook
    install_excepthook(window)
    try:
        try:
            raise KeyError("boom")
        except KeyError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook, threading.excepthook = previous, previous_thread
        window.close()
        close_db()
    assert isinstance(prompts.errors[0], KeyError)
    assert "bug" in prompts.asked[0].text
