"""The command line, as a person or a script runs it: each case a process of its own, with
its home and XDG folders in the test's temporary folder."""

from __future__ import annotations

import configparser
import hashlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from crm_desktop import __version__
from crm_desktop.app import install_excepthook
from tests.helpers import backend
from tests.helpers.processes import REPO

pytestmark = pytest.mark.slow

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def crm(
    home: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``crm-desktop ARGS`` with HOME and the XDG folders in ``home`` (offscreen unless
    ``env`` says otherwise)."""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        **(env or {}),
    }
    for name, value in list(environment.items()):
        if value is None:
            del environment[name]
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def without_display() -> dict[str, str]:
    """The environment of an SSH session or a service: no display, no platform chosen."""
    return {name: None for name in NO_DISPLAY}  # type: ignore[misc]


def data_folder(home: Path) -> Path:
    return home / "data" / "crm-desktop"


def remembered(home: Path) -> str:
    settings = configparser.ConfigParser(interpolation=None)
    settings.read(home / "config" / "crm-desktop" / "settings.ini")
    return settings.get("database", "path", fallback="")


def a_database(path: Path) -> Path:
    """A database file as the backend leaves it (its tables, a customer)."""
    backend.create_schema(path)
    with backend.connect(path) as connection:
        backend.insert_customer(connection, "ACME GmbH")
    return path


def files_under(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def test_version(tmp_path):
    result = crm(tmp_path, "--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_first_start_makes_the_default_database_in_the_data_folder(tmp_path):
    shot = tmp_path / "shot.png"
    result = crm(tmp_path, "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert (data_folder(tmp_path) / "crm.sqlite3").exists()
    assert shot.stat().st_size > 10_000
    assert remembered(tmp_path) == str(data_folder(tmp_path) / "crm.sqlite3")


def test_the_demo_is_never_remembered(tmp_path):
    """Someone who tried the demo and then starts work must not type real customers into
    it: a plain start opens the last real database (or the default), --demo --check the
    demo."""
    default = data_folder(tmp_path) / "crm.sqlite3"
    demo = data_folder(tmp_path) / "demo.sqlite3"
    assert crm(tmp_path, "--demo", "--screenshot", str(tmp_path / "demo.png")).returncode == 0
    assert demo.exists() and remembered(tmp_path) == ""
    # Nothing real was ever opened: a plain check looks at the default database (not there).
    first = crm(tmp_path, "--check")
    assert first.returncode == 2 and str(default) in first.stderr
    assert not default.exists()
    assert crm(tmp_path, "--screenshot", str(tmp_path / "real.png")).returncode == 0
    assert crm(tmp_path, "--demo", "--screenshot", str(tmp_path / "demo2.png")).returncode == 0
    assert remembered(tmp_path) == str(default)
    plain = crm(tmp_path, "--check")
    assert plain.returncode == 0, plain.stderr
    assert f"checking {default}" in plain.stdout
    demo_check = crm(tmp_path, "--demo", "--check")
    assert demo_check.returncode == 0 and f"checking {demo}" in demo_check.stdout


@pytest.mark.parametrize(
    "args",
    [("--screenshot", "{tmp}/shot.png"), ("--check",), ()],
    ids=["screenshot", "check", "window"],
)
def test_a_missing_path_on_the_command_line_is_refused_and_nothing_is_made(tmp_path, args):
    typo = tmp_path / "path" / "with" / "a" / "typo" / "crm.sqlite3"
    before = files_under(tmp_path)
    result = crm(tmp_path, "--db", str(typo), *(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(typo) in lines[0] and "Traceback" not in result.stderr
    assert f"the folder {tmp_path / 'path'} does not exist" in lines[0]
    assert not (tmp_path / "path").exists()
    made = files_under(tmp_path) - before
    assert not [name for name in made if ".sqlite3" in name]  # no database anywhere
    assert remembered(tmp_path) == ""
    assert not (tmp_path / "shot.png").exists()


def test_a_missing_file_in_an_existing_folder_is_not_created(tmp_path):
    missing = tmp_path / "Office" / "crm.sqlite3"
    missing.parent.mkdir()
    result = crm(tmp_path, "--db", str(missing), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2 and str(missing) in result.stderr
    assert "no database file there" in result.stderr
    assert list(missing.parent.iterdir()) == []


def test_a_remembered_database_that_went_missing_is_refused_on_the_command_line(tmp_path):
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    path = a_database(stick / "crm.sqlite3")
    assert crm(tmp_path, "--db", str(path), "--screenshot", str(tmp_path / "a.png")).returncode == 0
    assert remembered(tmp_path) == str(path)
    stick.rename(tmp_path / "unplugged")  # the drive is gone
    for args in (("--screenshot", str(tmp_path / "b.png")), ("--check",)):
        result = crm(tmp_path, *args)
        assert result.returncode == 2 and str(path) in result.stderr
    assert not stick.exists() and not (tmp_path / "b.png").exists()
    assert not (data_folder(tmp_path) / "crm.sqlite3").exists()  # no silent default either
    assert remembered(tmp_path) == str(path)


def test_without_a_display_it_says_so_in_one_sentence(tmp_path):
    result = crm(tmp_path, env=without_display())
    assert result.returncode == 3, result.stderr
    assert result.stderr.strip() == (
        "crm-desktop: no graphical display: start CRM Desktop from a desktop session, or use "
        "--check / --self-test"
    )
    assert not (data_folder(tmp_path) / "crm.sqlite3").exists()
    # An explicit platform is respected: one that needs a display still has none...
    xcb = crm(tmp_path, env={**without_display(), "QT_QPA_PLATFORM": "xcb"})
    assert xcb.returncode == 3 and "no graphical display" in xcb.stderr
    # ...and --check, a screenshot and a platform that draws offscreen need none.
    path = a_database(tmp_path / "office.sqlite3")
    assert crm(tmp_path, "--db", str(path), "--check", env=without_display()).returncode == 0
    shot = tmp_path / "shot.png"
    done = crm(tmp_path, "--db", str(path), "--screenshot", str(shot), env=without_display())
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_self_test_needs_no_display(tmp_path):
    report = tmp_path / "report.txt"
    result = crm(tmp_path, "--self-test", "--self-test-report", str(report), env=without_display())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in report.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "magic"),
    [("shot.png", b"\x89PNG"), ("shot.JPG", b"\xff\xd8\xff"), ("shot.webp", b"RIFF")],
)
def test_a_screenshot_is_written_in_the_format_its_name_says(tmp_path, name, magic):
    shot = tmp_path / name
    result = crm(tmp_path, "--demo", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes().startswith(magic) and shot.stat().st_size > 20_000


def test_a_screenshot_name_qt_cannot_write_is_refused(tmp_path):
    before = files_under(tmp_path)
    for name in ("shot.xyz", "shot"):
        result = crm(tmp_path, "--demo", "--screenshot", str(tmp_path / name))
        assert result.returncode == 2
        assert "cannot save a screenshot as" in result.stderr and ".png" in result.stderr
    assert files_under(tmp_path) == before  # refused before anything: not even the demo
    missing = crm(tmp_path, "--demo", "--screenshot", str(tmp_path / "no" / "shot.png"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert not (tmp_path / "no").exists()


def test_a_file_that_is_not_a_database_gives_a_plain_message(tmp_path):
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("my notes\n" * 100)
    before = hashlib.sha256(notes.read_bytes()).hexdigest()
    result = crm(tmp_path, "--db", str(notes), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert str(notes) in result.stderr and "not a SQLite database" in result.stderr
    assert f"crm-desktop --check --db {notes}" in result.stderr  # what to do
    assert "Traceback" not in result.stderr
    assert hashlib.sha256(notes.read_bytes()).hexdigest() == before
    assert remembered(tmp_path) == ""


def test_check_says_whether_a_file_is_usable(tmp_path):
    good = a_database(tmp_path / "good.sqlite3")
    result = crm(tmp_path, "--db", str(good), "--check")
    assert result.returncode == 0, result.stdout
    assert "integrity_check found no damage" in result.stdout and "usable" in result.stdout
    missing = crm(tmp_path, "--db", str(tmp_path / "none.sqlite3"), "--check")
    assert missing.returncode == 2 and "no database file there" in missing.stderr
    assert not (tmp_path / "none.sqlite3").exists()


def test_unexpected_errors_are_shown_and_logged_not_fatal(qtbot, tmp_path):
    from crm_desktop.app import create_main_window
    from crm_desktop.database import close_db
    from tests.helpers.prompts import ScriptedPrompts

    prompts = ScriptedPrompts()
    window = create_main_window(tmp_path / "x.sqlite3", prompts=prompts, create=True)
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


def test_a_screenshot_at_the_size_asked_for(tmp_path):
    from PySide6.QtGui import QImage

    shot = tmp_path / "laptop.png"
    result = crm(tmp_path, "--demo", "--screenshot", str(shot), "--window-size", "1366x768")
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1366, 768)
    for wrong in ("1366", "big", "10x10"):
        refused = crm(tmp_path, "--demo", "--screenshot", str(shot), "--window-size", wrong)
        assert refused.returncode == 2 and "--window-size" in refused.stderr
