"""On an office server, Back up and Restore say that the server's own tools do this, and
Export works as on a file."""

from __future__ import annotations

import csv
import os
import uuid

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QRadioButton

from crm_desktop import service
from crm_desktop.app import create_main_window
from crm_desktop.database import close_db
from crm_desktop.settings import Settings
from crm_desktop.ui.dossier.dialog import ExportDialog
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active, wait_active

pytestmark = pytest.mark.slow


@pytest.fixture
def url(postgres_server):
    if postgres_server is None:
        if os.environ.get("CRM_TESTS_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required here but not installed")
        pytest.skip("PostgreSQL is not installed (Debian's postgresql package)")
    import psycopg

    schema = f"backup_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    yield postgres_server.url(schema=schema)
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def prompts():
    return ScriptedPrompts()


@pytest.fixture
def window(qtbot, qapp, url, tmp_path, prompts):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    result = create_main_window(url, settings, prompts)
    qtbot.addWidget(result)
    show_active(qtbot, result)
    yield result
    result.close()
    assert not prompts.errors, prompts.errors
    close_db()


def test_back_up_and_restore_point_to_the_servers_tools(window, prompts):
    window.backups.back_up()
    assert prompts.asked[-1].kind == "inform" and "pg_dump" in prompts.asked[-1].text
    window.backups.restore()
    assert prompts.asked[-1].kind == "inform" and "pg_restore" in prompts.asked[-1].text
    assert not window.backups.busy and not window.backups.start_daily()


def test_export_works_on_a_server(qtbot, window, tmp_path):
    customer = service.create_customer({"name": "Server GmbH"}).id
    service.create_comm(
        {"customer_id": customer, "type": "note", "direction": "internal", "body": "Grüße €"}
    )
    window.customers.model.reload()
    window.customers.select_customer(customer)
    window.dossier.export_action.trigger()
    dialog = wait_active(qtbot, window.findChild(ExportDialog, "exportDialog"))
    dialog.findChild(QRadioButton, "exportFormatCsv").setChecked(True)
    target = tmp_path / "server.csv"
    dialog.findChild(QLineEdit, "exportPath").setText(str(target))
    separator = dialog.separator.currentData()
    dialog.save()
    qtbot.waitUntil(lambda: not window.dossier.busy and target.exists())
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=separator))
    assert rows[1][4] == "Grüße €" and rows[1][7] == "Server GmbH"
