"""Drag-and-drop as a file manager does it: real events, real files, a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt

from crm_desktop.ui.drops.dialog import MediaDropDialog, Stage
from crm_desktop.ui.media.panel import MediaPanel
from tests.helpers import backend
from tests.helpers.ui import show_active


def review_dialog(qtbot, target) -> MediaDropDialog:
    """The review dialog a drop opened, once it has looked at the files."""
    qtbot.waitUntil(lambda: target.dialog is not None)
    dialog = target.dialog
    qtbot.waitUntil(lambda: dialog.stage == Stage.review)
    return dialog


def accept(qtbot, dialog: MediaDropDialog) -> list[str]:
    """Click the save button and wait until the records are written and the dialog closed."""
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog.saved_ids


def media_rows(db_path: Path, customer_id: str | None = None) -> list[dict]:
    """The media rows as the file holds them, read the way the web backend reads them."""
    with backend.connect(db_path) as connection:
        query = "SELECT * FROM crm_media"
        args: tuple = ()
        if customer_id is not None:
            query += " WHERE customer_id = ?"
            args = (customer_id,)
        rows = connection.execute(query + " ORDER BY nextcloud_path", args).fetchall()
    return [dict(row) for row in rows]


def tree_of(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.fixture
def sync_folder(tmp_path: Path, settings) -> Path:
    """A local Nextcloud sync folder, set in the settings, with the customer's folder in it."""
    folder = tmp_path / "Nextcloud"
    (folder / "CRM" / "ACME").mkdir(parents=True)
    settings.nextcloud_folder = str(folder)
    return folder


@pytest.fixture
def incoming(tmp_path: Path) -> Path:
    """Where dropped files come from: a folder outside the sync folder (e.g. Downloads)."""
    folder = tmp_path / "Downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def panel(qtbot, context, customer_id: str) -> MediaPanel:
    widget = MediaPanel(context)
    qtbot.addWidget(widget)
    widget.resize(640, 600)
    widget.set_customer(customer_id, "ACME GmbH", "/CRM/ACME")
    show_active(qtbot, widget)
    yield widget
    dialog = widget.drops.dialog
    if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
        dialog.done(0)  # waits for its worker: nothing runs on after the test
