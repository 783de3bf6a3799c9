"""The real message boxes: every one is seen, with its headline in the box itself."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.errors import DatabaseMissingError
from crm_desktop.ui.prompts import Prompts
from tests.helpers.errors import database_busy


def shown_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


@pytest.fixture
def boxes(qapp):
    yield shown_boxes
    for box in shown_boxes():
        box.done(0)


def test_a_box_without_a_parent_window_is_seen(qtbot, boxes):
    """Before the window exists (at start) there is no parent: the box must not be garbage
    collected before it appears."""
    Prompts().inform(None, "Backup done", "The backup is in ~/Backups.")
    gc.collect()
    qtbot.waitUntil(lambda: len(boxes()) == 1)
    (box,) = boxes()
    assert box.text() == "Backup done" and box.informativeText() == "The backup is in ~/Backups."


def test_an_error_box_says_its_headline_in_the_box_and_the_details_below(qtbot, tmp_path, boxes):
    Prompts().error(None, DatabaseMissingError(tmp_path / "gone" / "crm.sqlite3"))
    gc.collect()
    qtbot.waitUntil(lambda: len(boxes()) == 1)
    (box,) = boxes()
    assert box.objectName() == "errorMessage"
    assert box.text() == "There is no database there"
    assert str(tmp_path / "gone" / "crm.sqlite3") in box.informativeText()
    assert box.detailedText().startswith("DatabaseMissingError: ")


def test_a_busy_database_keeps_sqlites_words_under_show_details(qtbot, boxes):
    Prompts().error(None, database_busy())
    qtbot.waitUntil(lambda: len(boxes()) == 1)
    (box,) = boxes()
    assert box.text() == "The database is busy" and box.icon() == QMessageBox.Icon.Warning
    assert box.detailedText() == "OperationalError: database is locked"
