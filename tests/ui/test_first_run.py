"""The first start asks for the name and offers the sync folder; the read-only banner says
why and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from crm_desktop.app import NO_WELCOME, create_main_window, parse_args
from crm_desktop.settings import Settings
from crm_desktop.ui.welcome import WelcomeDialog, is_first_start, usual_sync_folder, welcome
from tests.helpers import backend
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active, wait_active


@pytest.fixture
def fresh_settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot) -> QLabel:
    result = QLabel("the window")
    qtbot.addWidget(result)
    return show_active(qtbot, result)


@pytest.fixture
def dialog(qtbot, context, fresh_settings, window) -> WelcomeDialog:
    context.settings = fresh_settings
    return wait_active(qtbot, welcome(context, window))


def test_a_first_start_is_one_without_a_name(fresh_settings):
    assert is_first_start(fresh_settings)
    fresh_settings.user_name = "Anna Schmidt"
    assert not is_first_start(fresh_settings)


def test_tests_never_see_it_unless_asked(monkeypatch):
    import os

    assert os.environ.get(NO_WELCOME)  # tests/conftest.py: no welcome in any test start
    assert parse_args(["--welcome"]).welcome and not parse_args([]).welcome


def test_the_name_and_sync_folder_are_saved(qtbot, dialog, fresh_settings, tmp_path, prompts):
    sync = tmp_path / "Nextcloud"
    sync.mkdir()
    name = dialog.findChild(QLineEdit, "welcomeName")
    assert name.hasFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Anna Schmidt")
    prompts.paths = [sync]
    qtbot.mouseClick(dialog.findChild(QPushButton, "welcomeBrowse"), Qt.MouseButton.LeftButton)
    assert dialog.findChild(QLineEdit, "welcomeSyncFolder").text() == str(sync)
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert fresh_settings.user_name == "Anna Schmidt"
    assert fresh_settings.nextcloud_folder == str(sync)
    assert not is_first_start(fresh_settings)


def test_it_says_what_is_wrong_and_keeps_what_was_typed(qtbot, dialog, fresh_settings, tmp_path):
    name = dialog.findChild(QLineEdit, "welcomeName")
    name.clear()
    folder = dialog.findChild(QLineEdit, "welcomeSyncFolder")
    folder.clear()
    qtbot.keyClicks(folder, str(tmp_path / "nowhere"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "welcomeStart"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.error_text("user_name") == "Please enter your name, or choose Later."
    assert dialog.form.error_text("nextcloud_folder") == "This folder does not exist."
    assert folder.text() == str(tmp_path / "nowhere")
    assert not fresh_settings.has_user_name


def test_later_skips_it_and_it_is_not_asked_again(qtbot, dialog, fresh_settings):
    qtbot.mouseClick(dialog.findChild(QPushButton, "welcomeLater"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert not fresh_settings.has_user_name and fresh_settings.nextcloud_folder == ""
    assert not is_first_start(fresh_settings)


def test_the_usual_nextcloud_folder_is_offered(tmp_path):
    assert usual_sync_folder(tmp_path) == ""
    (tmp_path / "Nextcloud").mkdir()
    assert usual_sync_folder(tmp_path) == str(tmp_path / "Nextcloud")


def test_the_read_only_banner_says_why_and_what_to_do(qtbot, tmp_path, settings):
    from crm_desktop.database import close_db
    from tests.helpers.readonly import read_only_file

    path = tmp_path / "office.sqlite3"
    backend.create_schema(path)
    with read_only_file(path):
        window = create_main_window(path, settings, ScriptedPrompts())
        qtbot.addWidget(window)
        window.show()
        try:
            text = window.findChild(QLabel, "databaseBanner").text()
            assert text.startswith("Read-only: the file is read-only.")
            assert "ask for write access to" in text and "File ▸ Open database…" in text
        finally:
            window.close()
            close_db()
