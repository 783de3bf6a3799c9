"""Shared fixtures. Every test runs headless, with the user's folders in a temporary place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: no display here, and no test may touch the real user's files.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_session_home = Path(tempfile.mkdtemp(prefix="crm-desktop-tests-"))
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_session_home / _name.lower())
os.environ.setdefault("XDG_RUNTIME_DIR", str(_session_home / "runtime"))
# The tests read the app's English words, whatever language the machine speaks (tests of
# other languages install their catalogue themselves).
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, parents=True, exist_ok=True)

import uuid  # noqa: E402

import pytest  # noqa: E402

from crm_desktop.database import close_db, init_db  # noqa: E402
from tests.helpers.postgres import Server, remove, start_server  # noqa: E402


def _build_stale_catalogues() -> None:
    """.ci/setup builds the .qm catalogues; after a catalogue changed (a rebase, a new
    translation) the tests build it again rather than read an old one."""
    import shutil
    import subprocess
    import sys

    folder = Path(__file__).resolve().parents[1] / "resources" / "translations"
    stale = [
        str(ts)
        for ts in folder.glob("*.ts")
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if stale and lrelease is not None:
        subprocess.run([lrelease, "-silent", *stale], check=True)


@pytest.fixture(scope="session", autouse=True)
def english_words(qapp):
    """The English catalogue, as the app installs it: its plural forms ("1 customer")."""
    from crm_desktop import i18n

    _build_stale_catalogues()
    i18n.install_translations(qapp, "en")


@pytest.fixture
def german(qapp) -> Iterator[None]:
    """The app in German for one test (the catalogues .ci/setup built), then English again."""
    from crm_desktop import i18n

    assert i18n.install_translations(qapp, "de") == "de"
    yield
    i18n.install_translations(qapp, "en")


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data, config and cache folders (QStandardPaths reads these)."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    # A fresh config folder is a first start: the welcome dialog is for people, not tests.
    monkeypatch.setenv("CRM_DESKTOP_NO_WELCOME", "1")
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A real SQLite file made by the app's own init_db(), bound for the test's duration."""
    path = tmp_path / "crm.sqlite3"
    init_db(path)
    yield path
    close_db()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server | None]:
    """A PostgreSQL server of the tests' own, or None where PostgreSQL is not installed."""
    server = start_server()
    yield server
    if server is not None:
        remove(server)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """The app's database bound for the test: a real SQLite file, or a schema of its own on a
    real PostgreSQL server (the same tests run against both). Yields the file's path or the
    server's URL, which tests/helpers/backend.connect() takes either way."""
    if request.param == "sqlite":
        path = tmp_path / "crm.sqlite3"
        init_db(path)
        yield path
        close_db()
        return
    server = request.getfixturevalue("postgres_server")
    if server is None:
        if os.environ.get("CRM_TESTS_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required here but not installed")
        pytest.skip("PostgreSQL is not installed (Debian's postgresql package)")
    import psycopg  # the postgres extra: only where a server is there to test

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    url = server.url(schema=schema)
    init_db(url)
    yield url
    close_db()
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
