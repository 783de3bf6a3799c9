"""A whole office on one server: opening together, named connections, lost connections told
by SQLSTATE, a full server in plain words, and reconnecting with growing pauses."""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import psycopg
import psycopg.errors as pg_errors
import pytest

from crm_desktop import service
from crm_desktop.database import INDEX_DDL, TABLE_DDL, change_watch, close_db, init_db
from crm_desktop.database.postgres import (
    NOTIFIED_TABLES,
    RETRY_DELAYS_SECONDS,
    ChangeListener,
    application_name,
    connection_error,
    connection_lost,
    missing_statements,
)
from crm_desktop.errors import DatabaseFileError, ServerConnectionError, explain
from tests.helpers.postgres import Server, remove, start_server
from tests.helpers.processes import REPO
from tests.helpers.tcp_proxy import Proxy


@pytest.fixture
def server(postgres_server: Server | None) -> Server:
    if postgres_server is None:
        if os.environ.get("CRM_TESTS_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required here but not installed")
        pytest.skip("PostgreSQL is not installed (Debian's postgresql package)")
    return postgres_server


@pytest.fixture
def schema(server: Server) -> Iterator[str]:
    name = f"office_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    yield name
    close_db()
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {name} CASCADE")


def _url(port: int, schema: str, *settings: str) -> str:
    options = " ".join([f"-c search_path={schema}", *(f"-c {s}" for s in settings)])
    return f"postgresql://postgres@127.0.0.1:{port}/postgres?options={quote(options)}"


def _until(condition, timeout: float = 10.0) -> None:
    """Wait for another thread's doing (no Qt here to wait with)."""
    done = threading.Event()
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        done.wait(0.02)
    assert condition(), "timed out"


def _catalog(server: Server, schema: str) -> dict[str, int]:
    with psycopg.connect(server.url(), autocommit=True) as admin:
        row = admin.execute(
            """SELECT
                (SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = %(s)s AND t.tgname = 'crm_desktop_notify'),
                (SELECT count(*) FROM pg_indexes
                 WHERE schemaname = %(s)s AND indexname LIKE 'crm_desktop_%%'
                 AND tablename IN ('crm_customers', 'crm_comms_log', 'crm_media')),
                (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = %(s)s AND p.proname = 'crm_desktop_notify')""",
            {"s": schema},
        ).fetchone()
    assert row is not None
    return {"triggers": row[0], "indexes": row[1], "functions": row[2]}


# --- opening --------------------------------------------------------------------------------


@pytest.mark.slow
def test_thirty_desktops_opening_at_the_same_moment_all_open(server, schema):
    """Monday, 8 am: 30 processes open at once, first on an empty schema (one of them sets
    it up, the others wait their turn), then on the complete one. None fails or deadlocks."""
    url = _url(server.port, schema)
    for moment in ("first start", "every later start"):
        done = subprocess.run(
            [sys.executable, "-m", "tests.helpers.desktops", "open", url, "--count", "30"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        results = json.loads(done.stdout)["results"]
        failed = [r["error"] for r in results if "error" in r]
        assert not failed, f"{moment}: {len(failed)} of 30 failed: {failed[:3]}"
    assert _catalog(server, schema) == {
        "triggers": 3,
        "indexes": len(INDEX_DDL),  # the app's own, each made once
        "functions": 1,
    }


def test_opening_where_everything_exists_takes_no_lock_on_the_tables(server, schema):
    url = _url(server.port, schema, "lock_timeout=2000")
    init_db(url)  # the first start creates everything
    close_db()
    with psycopg.connect(_url(server.port, schema)) as other:
        # Another session holds the strongest lock on every table, as long DDL would: a
        # start that only reads the catalog is not held up by it.
        other.execute(f"LOCK TABLE {', '.join(NOTIFIED_TABLES)} IN ACCESS EXCLUSIVE MODE")
        db = init_db(url)
        assert missing_statements(db, tuple(TABLE_DDL.values())) == []
        close_db()
        other.rollback()


def test_another_versions_notify_function_is_replaced(server, schema):
    url = _url(server.port, schema)
    init_db(url)
    close_db()
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(
            "CREATE OR REPLACE FUNCTION crm_desktop_notify() RETURNS trigger LANGUAGE plpgsql "
            "AS $$ BEGIN RETURN NULL; END $$"
        )
    db = init_db(url)
    assert missing_statements(db, tuple(TABLE_DDL.values())) == []
    assert _catalog(server, schema)["functions"] == 1


def test_every_connection_is_named_for_the_server(server, schema):
    url = _url(server.port, schema)
    db = init_db(url)
    listener = change_watch()
    try:
        listener.poll()
        _until(lambda: listener.listening)
        with psycopg.connect(server.url(), autocommit=True) as admin:
            names = admin.execute(
                "SELECT application_name FROM pg_stat_activity "
                "WHERE pid = %s OR query = 'LISTEN crm_desktop_changes'",
                (db.backend_pid(),),
            ).fetchall()
    finally:
        listener.close()
    assert application_name() == f"CRM Desktop - {getpass.getuser()}"
    # Its queries' connection and its listening one (a test before may still be leaving).
    assert len(names) >= 2 and {name for (name,) in names} == {application_name()}


def test_an_administrators_application_name_in_the_address_wins(server, schema):
    url = _url(server.port, schema) + "&application_name=Reception"
    db = init_db(url)
    name = db.execute_sql("SELECT current_setting('application_name')").fetchone()[0]
    assert name == "Reception"


# --- lost connections -----------------------------------------------------------------------


def test_lost_connections_are_told_by_sqlstate_and_type_not_by_words():
    assert connection_lost(pg_errors.AdminShutdown("Verbindung wird beendet"))  # 57P01
    assert connection_lost(pg_errors.CannotConnectNow("das Datenbanksystem fährt herunter"))
    assert connection_lost(pg_errors.ConnectionFailure("irgendwas"))  # class 08
    assert connection_lost(psycopg.OperationalError("libpq: the socket closed"))  # no SQLSTATE
    # Words that sound like a lost connection do not make one.
    assert not connection_lost(pg_errors.QueryCanceled("server closed the connection"))
    assert not connection_lost(pg_errors.SyntaxError("terminating connection"))
    assert connection_error(pg_errors.TooManyConnections("zu viele")).full


def test_a_connection_the_server_ended_is_replaced_outside_a_transaction(server, schema):
    db = init_db(_url(server.port, schema))
    first = db.backend_pid()
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (first,))
    customer = service.create_customer({"name": "After the restart"})
    assert db.backend_pid() not in (None, first)
    assert service.get_customer(customer.id).name == "After the restart"


def test_inside_a_transaction_a_lost_connection_fails_plainly(server, schema):
    db = init_db(_url(server.port, schema))
    with (
        psycopg.connect(server.url(), autocommit=True) as admin,
        pytest.raises(ServerConnectionError) as lost,
        db.atomic(),
    ):
        service.create_customer({"name": "Half-way"})
        admin.execute("SELECT pg_terminate_backend(%s)", (db.backend_pid(),))
        service.create_customer({"name": "Never"})
    assert explain(lost.value).title == "The office server cannot be reached"
    names = {c.name for c in service.list_customers()}  # a new connection, nothing half-kept
    assert names == set()


# --- a full server --------------------------------------------------------------------------


@pytest.fixture
def small_server() -> Iterator[Server]:
    started = start_server({"max_connections": "4", "superuser_reserved_connections": "0"})
    if started is None:
        pytest.skip("PostgreSQL is not installed")
    yield started
    close_db()
    remove(started)


@pytest.mark.slow
def test_a_full_server_is_said_in_one_plain_sentence(small_server):
    url = small_server.url()
    init_db(url)  # this desktop's query connection
    fillers = []
    try:
        while True:  # the rest of the office takes every other connection
            try:
                fillers.append(psycopg.connect(url))
            except psycopg.OperationalError:
                break
        listener = change_watch()
        listener.poll()
        _until(lambda: listener.link.problem is not None)
        with pytest.raises(ServerConnectionError) as full:
            listener.poll()
        sentence = explain(full.value).text
        assert "server is full" in sentence and "max_connections" in sentence
        assert sentence.count(". ") == 0  # one sentence
        with pytest.raises(DatabaseFileError) as refused:
            init_db(url)  # one desktop more
        assert refused.value.reason == sentence
        fillers.pop().close()  # room again: the listener gets in by itself
        _until(lambda: listener.listening, timeout=RETRY_DELAYS_SECONDS[3] * 4)
        assert listener.link.problem is None
        listener.close()
    finally:
        for filler in fillers:
            filler.close()


# --- reconnecting ---------------------------------------------------------------------------


@pytest.fixture
def proxy(server: Server) -> Iterator[Proxy]:
    relay = Proxy(server.port)
    yield relay
    close_db()
    relay.close()


def test_the_listener_reconnects_by_itself_with_growing_pauses(proxy, schema):
    url = proxy.url(schema=schema, connect_timeout="2")
    db = init_db(url)
    listener = change_watch()
    assert isinstance(listener, ChangeListener) and listener.link is db.link
    try:
        listener.poll()
        _until(lambda: listener.listening)
        proxy.refuse()  # the server goes down
        _until(lambda: listener.link.problem is not None)
        # The app's own queries now fail at once instead of trying to connect each time.
        with pytest.raises(ServerConnectionError):
            service.count_customers()
        _until(lambda: listener.attempts >= 4 and (listener.retry_in() or 0) > 0)
        waits = listener.retry_in()
        assert waits is not None and RETRY_DELAYS_SECONDS[1] < waits <= RETRY_DELAYS_SECONDS[3]
        proxy.forward()  # back
        _until(lambda: listener.link.problem is None, timeout=10)
        assert listener.poll()  # came back: whatever happened meanwhile is re-read
        assert service.count_customers() == 0
    finally:
        listener.close()


# --- passwords --------------------------------------------------------------------------


@pytest.mark.slow
def test_no_password_is_ever_printed_or_logged(tmp_path):
    """An address with a password, in any form, is refused by --check and at start; the
    password shows nowhere: not on screen, not in the log, not in the settings."""
    secret = "Sup3rSecret"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        **{name: str(tmp_path / name.lower()) for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")},
    }
    runs = [
        ["--db", f"postgresql://crm@127.0.0.1:1/crm?password={secret}", "--check"],
        ["--db", f"host=127.0.0.1 port=1 dbname=crm password={secret}", "--check"],
        ["--db", f"postgresql://crm:{secret}@127.0.0.1:1/crm", "--check"],
        ["--db", f"postgresql://crm@127.0.0.1:1/crm?password={secret}", "--screenshot", "x.png"],
    ]
    for args in runs:
        done = subprocess.run(
            [sys.executable, "-m", "crm_desktop", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode != 0
        assert "password" in (done.stdout + done.stderr).lower()
        assert secret not in done.stdout + done.stderr, args
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert secret not in path.read_text(encoding="utf-8", errors="replace"), path
