"""Fixtures for the media panel: records in the real database file, a Nextcloud sync folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from crm_desktop import service
from crm_desktop.models import MediaInDB
from crm_desktop.ui.media.panel import MediaPanel

AddMedia = Callable[..., MediaInDB]

# A completer's popup asks the window system to raise it and grab the keyboard, which the
# offscreen platform cannot do; it says so as a warning. Only for tests that type completions.
completion_popup = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


@pytest.fixture
def add_media(customer_id: str) -> AddMedia:
    """Record a media file for the customer (``name`` plus any MediaCreate fields)."""

    def add(name: str = "photo.jpg", **fields: Any) -> MediaInDB:
        data = {
            "customer_id": customer_id,
            "filename": name,
            "nextcloud_path": f"/CRM/ACME/{name}",
            **fields,
        }
        return service.create_media(data)

    return add


@pytest.fixture
def sync_folder(tmp_path: Path, settings) -> Path:
    """A local Nextcloud sync folder, set in the settings, with the customer's folder in it."""
    folder = tmp_path / "Nextcloud"
    (folder / "CRM" / "ACME").mkdir(parents=True)
    settings.nextcloud_folder = str(folder)
    return folder


def make_image(path: Path, width: int = 400, height: int = 300, color: str = "#2a9d8f") -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


@pytest.fixture
def panel(qtbot, context, customer_id: str) -> MediaPanel:
    """The panel showing the customer, on screen (shortcuts need a visible, active window)."""
    widget = MediaPanel(context)
    qtbot.addWidget(widget)
    widget.resize(600, 700)
    widget.set_customer(customer_id, "ACME GmbH", "/CRM/ACME")
    widget.show()
    wait_active(qtbot, widget)
    return widget


def wait_active(qtbot, window: QWidget) -> None:
    """Wait until ``window`` is the active window, as it is when a person uses it."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
