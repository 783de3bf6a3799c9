"""A database that is not there, or is none, at start and in the window: a question, never a
silent empty file in its place."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from crm_desktop import paths, service
from crm_desktop.app import open_first_window, parse_args
from crm_desktop.database import close_db
from crm_desktop.startup import display_problem
from tests.helpers import backend
from tests.helpers.prompts import ScriptedPrompts

LOCATE, CREATE, DEFAULT, QUIT = range(4)


def a_database(path: Path, customer: str = "ACME GmbH") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    backend.create_schema(path)
    with backend.connect(path) as connection:
        backend.insert_customer(connection, customer)
    return path


@pytest.fixture
def gone(tmp_path: Path, settings) -> Path:
    """The database used last, on a drive that has been unplugged since."""
    stick = tmp_path / "stick"
    stick.mkdir()
    path = a_database(stick / "office.sqlite3")
    settings.remember_database(path)
    shutil.rmtree(stick)
    return path


@pytest.fixture
def opened(qtbot):
    windows = []

    def keep(window):
        if window is not None:
            qtbot.addWidget(window)
            windows.append(window)
        return window

    yield keep
    for window in windows:
        window.close()
    close_db()


def start(settings, prompts, *args: str):
    return open_first_window(parse_args(list(args)), settings, prompts)


def test_a_remembered_file_that_went_missing_asks_and_opens_the_default(
    qapp, gone, settings, opened
):
    prompts = ScriptedPrompts(choices=[DEFAULT])
    window = opened(start(settings, prompts))
    (asked,) = prompts.asked
    assert asked.kind == "choose" and str(gone) in asked.text
    assert "Nothing was created" in asked.text
    assert window.context.db_path == paths.default_db_path()
    assert not gone.parent.exists()  # nothing made where the drive was
    assert settings.last_database == str(paths.default_db_path())


def test_it_can_be_located_or_a_new_one_created(qapp, gone, tmp_path, settings, opened):
    moved = a_database(tmp_path / "found" / "office.sqlite3", "Found GmbH")
    prompts = ScriptedPrompts(choices=[LOCATE], paths=[moved])
    window = opened(start(settings, prompts))
    assert window.context.db_path == moved
    assert [c.name for c in service.list_customers()] == ["Found GmbH"]
    assert settings.last_database == str(moved)
    window.close()
    close_db()

    settings.remember_database(gone)
    fresh = tmp_path / "found" / "new.sqlite3"
    # The first file dialog is cancelled: the question comes again.
    prompts = ScriptedPrompts(choices=[LOCATE, CREATE], paths=[None, fresh])
    window = opened(start(settings, prompts))
    assert window.context.db_path == fresh and fresh.exists()
    assert [a.kind for a in prompts.asked] == ["choose", "open_path", "choose", "save_path"]
    assert service.count_customers() == 0


def test_quitting_there_opens_and_makes_nothing(qapp, gone, settings):
    prompts = ScriptedPrompts(choices=[QUIT])
    assert start(settings, prompts) is None
    assert not gone.parent.exists()
    assert not paths.default_db_path().exists()


def test_a_file_that_is_no_database_is_named_with_what_to_do(
    qapp, tmp_path, settings, opened, capsys
):
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("my notes\n" * 100)
    digest = hashlib.sha256(notes.read_bytes()).hexdigest()
    good = a_database(tmp_path / "good.sqlite3")
    prompts = ScriptedPrompts(choices=[0], paths=[good])  # "Open another database…"
    window = opened(start(settings, prompts, "--db", str(notes)))
    asked = prompts.asked[0]
    assert str(notes) in asked.text and "not a SQLite database" in asked.text
    assert f"crm-desktop --check --db {notes}" in asked.text
    assert window.context.db_path == good
    assert hashlib.sha256(notes.read_bytes()).hexdigest() == digest
    assert str(notes) in capsys.readouterr().err  # said on the command line too


def test_a_missing_file_given_with_db_is_refused_without_a_question(qapp, tmp_path, settings):
    prompts = ScriptedPrompts()
    assert start(settings, prompts, "--db", str(tmp_path / "typo" / "x.sqlite3")) is None
    assert prompts.asked == [] and not (tmp_path / "typo").exists()


def test_file_new_database_creates_one_where_the_user_says(qtbot, tmp_path, settings, opened):
    first = a_database(tmp_path / "first.sqlite3")
    prompts = ScriptedPrompts(paths=[tmp_path / "second.sqlite3"])
    window = opened(start(settings, prompts, "--db", str(first)))
    window.new_database()
    assert window.context.db_path == tmp_path / "second.sqlite3"
    assert (tmp_path / "second.sqlite3").exists()
    assert settings.last_database == str(tmp_path / "second.sqlite3")
    assert prompts.asked[0].kind == "save_path"
    assert prompts.asked[0].text == str(tmp_path / paths.DEFAULT_DB_NAME)  # beside the open one


def test_a_recent_file_that_is_gone_asks_instead_of_creating_it(qtbot, tmp_path, settings, opened):
    first = a_database(tmp_path / "first.sqlite3")
    prompts = ScriptedPrompts(choices=[QUIT])  # here: "Cancel"
    window = opened(start(settings, prompts, "--db", str(first)))
    gone = tmp_path / "gone.sqlite3"
    assert not window.switch_database(gone)
    assert prompts.asked[0].kind == "choose" and str(gone) in prompts.asked[0].text
    assert not gone.exists() and window.context.db_path == first


def test_title_and_status_bar_say_which_file_is_open(qtbot, tmp_path, settings, opened):
    path = a_database(tmp_path / "office.sqlite3")
    window = opened(start(settings, ScriptedPrompts(), "--db", str(path)))
    assert window.windowTitle().startswith("office.sqlite3 — ")
    assert str(path) in window.database_label.text() or "~/" in window.database_label.text()
    window.close()
    close_db()
    demo = opened(start(settings, ScriptedPrompts(), "--demo"))
    assert demo.windowTitle().startswith("Demo data — ")
    assert demo.database_label.text().startswith("Demo data: ")
    assert "demo database" in demo.banner.text() and not demo.banner.isHidden()
    assert settings.last_database == str(path)  # the demo was not remembered


def test_ctrl_q_quits_on_every_platform(qtbot, tmp_path, settings, opened):
    path = a_database(tmp_path / "office.sqlite3")
    window = opened(start(settings, ScriptedPrompts(), "--db", str(path)))
    assert QKeySequence("Ctrl+Q") in window.quit_action.shortcuts()


@pytest.mark.parametrize(
    ("environ", "platform", "fine"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({"QT_QPA_PLATFORM": "minimal"}, "freebsd14", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "linux", True),
        ({}, "win32", True),
        ({}, "darwin", True),
    ],
)
def test_which_environments_have_a_display(environ, platform, fine):
    assert (display_problem(environ, platform) is None) is fine
