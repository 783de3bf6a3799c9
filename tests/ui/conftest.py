"""Fixtures for widgets: a real database file, an app context with scripted prompts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from crm_desktop import service
from crm_desktop.locations import parse_location
from crm_desktop.settings import Settings
from crm_desktop.ui.context import AppContext
from tests.helpers.prompts import ScriptedPrompts


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    result = Settings(qsettings)
    result.user_name = "anna"
    return result


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def context(qapp, db_path: Path, settings: Settings, prompts: ScriptedPrompts) -> AppContext:
    result = AppContext(location=parse_location(db_path), settings=settings, prompts=prompts)
    yield result
    # An unexpected error shown to the user is a failure, unless the test took it out.
    assert not prompts.errors, prompts.errors


@pytest.fixture
def customer_id(db_path: Path) -> str:
    return service.create_customer(
        {"name": "ACME GmbH", "email": "info@acme.example", "nextcloud_folder": "/CRM/ACME"}
    ).id
