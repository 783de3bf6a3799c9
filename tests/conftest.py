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
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, parents=True, exist_ok=True)

import pytest  # noqa: E402

from crm_desktop.database import close_db, init_db  # noqa: E402


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data, config and cache folders (QStandardPaths reads these)."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A real SQLite file made by the app's own init_db(), bound for the test's duration."""
    path = tmp_path / "crm.sqlite3"
    init_db(path)
    yield path
    close_db()
