from __future__ import annotations

import pytest

from crm_desktop import service


@pytest.fixture
def customer(db_path) -> str:
    return service.create_customer({"name": "ACME GmbH", "nextcloud_folder": "/CRM/ACME"}).id


@pytest.fixture
def other_customer(db_path) -> str:
    return service.create_customer({"name": "Beta AG"}).id
