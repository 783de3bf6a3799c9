from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop import service


@pytest.fixture
def db_path(any_db: Path | str) -> Path | str:
    """Every service test runs on a SQLite file and on a PostgreSQL server (see any_db)."""
    return any_db


@pytest.fixture
def customer(db_path) -> str:
    return service.create_customer({"name": "ACME GmbH", "nextcloud_folder": "/CRM/ACME"}).id


@pytest.fixture
def other_customer(db_path) -> str:
    return service.create_customer({"name": "Beta AG"}).id
