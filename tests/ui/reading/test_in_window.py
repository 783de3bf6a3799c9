"""The reading pane in the main window: below the timeline, following its selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QSplitter

from crm_desktop.app import create_main_window
from crm_desktop.settings import Settings
from crm_desktop.ui.reading import ReadingPane
from tests.helpers import backend
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        acme = backend.insert_customer(connection, "ACME GmbH")
        backend.insert_comm(
            connection, acme, subject="Offer sent", body="The offer", occurred_at="2026-11-02"
        )
        backend.insert_comm(
            connection, acme, type="sms", body="Thanks!", occurred_at="2026-11-01T10:00:00"
        )
        backend.insert_customer(connection, "Beta AG")
    return path


def open_window(qtbot, db_file, settings):
    prompts = ScriptedPrompts()
    window = create_main_window(db_file, settings, prompts)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    show_active(qtbot, window)
    return window


def test_the_pane_sits_below_the_timeline_and_follows_it(qtbot, db_file, settings):
    window = open_window(qtbot, db_file, settings)
    splitter = window.findChild(QSplitter, "timelineSplitter")
    pane = window.findChild(ReadingPane, "readingPane")
    timeline = window.findChild(QAbstractItemView, "commsTimeline")
    assert splitter.orientation() == Qt.Orientation.Vertical
    assert splitter.widget(0).isAncestorOf(timeline) and splitter.widget(1) is pane
    assert window.findChild(QSplitter, "mainSplitter").indexOf(splitter) >= 0
    window.customers.select_first()
    qtbot.waitUntil(lambda: pane.entry is not None and pane.entry.subject == "Offer sent")
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: pane.entry is not None and pane.heading.text() == "Thanks!")
    # Another customer, with nothing logged: the pane says what to do.
    qtbot.keyClick(window.customers.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: pane.entry is None)
    assert pane.empty.isVisible()
    window.close()
    from crm_desktop.database import close_db

    close_db()
