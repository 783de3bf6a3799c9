"""The same app on an office PostgreSQL server: offline and back, and two desktops at once."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from PySide6.QtCore import QSettings

from crm_desktop import service
from crm_desktop.app import create_main_window
from crm_desktop.database import close_db
from crm_desktop.settings import Settings
from crm_desktop.ui.timeline.composer import CommDialog
from tests.helpers.processes import REPO
from tests.helpers.prompts import ScriptedPrompts

pytestmark = pytest.mark.slow


@pytest.fixture
def server(postgres_server):
    if postgres_server is None:
        if os.environ.get("CRM_TESTS_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required here but not installed")
        pytest.skip("PostgreSQL is not installed (Debian's postgresql package)")
    return postgres_server


@pytest.fixture
def url(server):
    schema = f"desk_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    yield server.url(schema=schema)
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def window(qtbot, qapp, url, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    result = create_main_window(url, settings, ScriptedPrompts())
    qtbot.addWidget(result)
    result.show()
    yield result
    result.close()
    close_db()


def test_the_window_shows_offline_and_recovers_losing_nothing(qtbot, window, server):
    customer = service.create_customer({"name": "ACME GmbH"}).id
    window.context.events.customers_changed.emit(customer)
    window.customers.select_customer(customer)
    service.create_comm(
        {
            "customer_id": customer,
            "type": "call",
            "direction": "inbound",
            "subject": "before the restart",
        }
    )
    dialog = window.timeline.open_log_dialog()
    dialog.subject.setText("typed while the server was down")

    server.stop()
    try:
        qtbot.waitUntil(lambda: window.offline, timeout=3000)
        banner = window.banner.text()
        assert "Offline" in banner and "reconnects by itself" in banner
        assert "offline" in window.windowTitle()
        dialog.save()  # fails plainly; the dialog keeps what was typed
        assert dialog.isVisible() and "cannot be reached" in dialog.form.error_text("")
        assert dialog.subject.text() == "typed while the server was down"
    finally:
        server.start()
    qtbot.waitUntil(lambda: not window.offline, timeout=5000)
    assert not window.banner.isVisible()
    dialog.save()
    assert not dialog.isVisible()
    service.create_comm(
        {
            "customer_id": customer,
            "type": "note",
            "direction": "internal",
            "subject": "after the restart",
        }
    )
    subjects = {c.subject for c in service.list_comms(customer)}
    assert subjects == {
        "before the restart",
        "typed while the server was down",
        "after the restart",
    }
    assert isinstance(dialog, CommDialog)


def test_two_desktops_see_each_others_rows_within_two_seconds(qtbot, window, url, tmp_path):
    customer = service.create_customer({"name": "Shared GmbH"}).id
    window.context.events.customers_changed.emit(customer)
    assert window.customers.select_customer(customer)
    other = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.helpers.app_instance",
            url,
            customer,
            "3",
            str(tmp_path / "second"),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline().strip() == "ready", other.stderr.read()
        for number in range(3):
            service.create_comm(
                {
                    "customer_id": customer,
                    "type": "call",
                    "direction": "outbound",
                    "subject": f"first desktop {number}",
                }
            )
            window.context.events.comms_changed.emit(customer)
        # The other desktop logged its three right after "ready": they show here within 2 s.
        qtbot.waitUntil(lambda: window.timeline.model.rowCount() == 6, timeout=2000)
        out, err = other.communicate(timeout=30)
    finally:
        if other.poll() is None:
            other.kill()
            other.communicate()
    assert other.returncode == 0, out + err
    seen_after = float(out.split("after ")[1].split(" s")[0])
    assert seen_after < 2.0  # and the second desktop saw ours within two seconds


def test_check_reports_a_server(url):
    import io

    from crm_desktop.check import UNREADABLE, USABLE, run_check

    out = io.StringIO()
    assert run_check(url, out) == USABLE  # the tables are created when the app opens it
    assert (
        "PostgreSQL" in out.getvalue()
        and "missing (created when the app opens it)" in out.getvalue()
    )
    unreachable = "postgresql://nobody@127.0.0.1:1/crm?connect_timeout=2"
    assert run_check(unreachable, io.StringIO()) == UNREADABLE
    assert run_check("postgresql://anna:secret@host/crm", io.StringIO()) == UNREADABLE
