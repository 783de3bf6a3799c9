"""The same app on an office PostgreSQL server: offline and back, and two desktops at once."""

from __future__ import annotations

import os
import re
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
from tests.helpers.processes import REPO, run_writer
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.tcp_proxy import Proxy
from tests.helpers.ui import GapMeter

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
def proxy(server):
    relay = Proxy(server.port)
    yield relay
    relay.close()


@pytest.fixture
def proxied_window(qtbot, qapp, url, proxy, tmp_path):
    """A window on the server through a relay that can make the server unreachable; each
    connection attempt waits up to 2 s for an answer (libpq's shortest connect_timeout)."""
    schema = url.split("search_path%3D")[1]
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    result = create_main_window(
        proxy.url(schema=schema, connect_timeout="2"), settings, ScriptedPrompts()
    )
    qtbot.addWidget(result)
    result.show()
    yield result
    result.close()
    close_db()


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


def test_an_unreachable_server_never_stalls_the_window(qtbot, proxied_window, proxy, url):
    """The server stops answering (each attempt to connect would hang for its whole
    timeout): the window says so, counts down to its next try, answers input all along (a
    timer in the GUI thread is never late by a hung attempt's 2 s), and is back by itself once
    the server answers again."""
    window = proxied_window
    listener = window.watcher._watch
    qtbot.waitUntil(lambda: listener.listening)
    announced: list[int] = []
    window.watcher.retrying.connect(announced.append)
    meter = GapMeter()
    meter.start()
    proxy.stall()
    qtbot.waitUntil(lambda: window.offline, timeout=5000)
    assert window.connection_status.isVisible()
    # Meanwhile the person keeps working: typing searches (and fails plainly, at once).
    qtbot.keyClicks(window.customers.search, "ACME")
    qtbot.waitUntil(lambda: listener.attempts >= 3, timeout=15_000)  # two hung for 2 s each
    assert re.fullmatch(
        r"Offline — (retrying in \d+ s|reconnecting…)", window.connection_status.text()
    )
    assert 0 in announced and 1 in announced  # "reconnecting…", then counting down
    proxy.forward()
    qtbot.waitUntil(lambda: not window.offline, timeout=10_000)
    meter.stop()
    # A connect attempt on the GUI thread would hold it for the attempt's whole 2 s; the
    # bound sits far below that and far above what a loaded 2-core machine's scheduling
    # adds (151 ms seen once): this checks where the reconnect runs, not how fast.
    assert meter.longest < 1.0, f"the GUI thread stalled for {meter.longest * 1000:.0f} ms"
    assert not window.connection_status.isVisible()
    # Back for real: another desktop's new customer shows without a click.
    window.customers.search.clear()
    run_writer(url, "--customers", "1")
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 1, timeout=5000)
