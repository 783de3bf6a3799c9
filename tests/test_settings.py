from __future__ import annotations

import getpass

from PySide6.QtCore import QByteArray, QSettings

from crm_desktop.settings import MAX_RECENT, Settings


def make(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def test_defaults(tmp_path):
    settings = make(tmp_path)
    assert settings.user_name == getpass.getuser()
    assert settings.nextcloud_folder == ""
    assert settings.recent_databases == []
    assert settings.state("nothing") is None


def test_values_survive_a_restart(tmp_path):
    settings = make(tmp_path)
    settings.user_name = "anna"
    settings.set_state("w", QByteArray(b"\x01\x02"))
    for i in range(MAX_RECENT + 2):
        settings.remember_database(f"/db/{i}.sqlite3")
    settings.remember_database("/db/3.sqlite3")
    settings.sync()
    again = make(tmp_path)
    assert again.user_name == "anna"
    assert again.state("w") == QByteArray(b"\x01\x02")
    assert again.database_path == "/db/3.sqlite3"
    assert again.recent_databases[:2] == ["/db/3.sqlite3", f"/db/{MAX_RECENT + 1}.sqlite3"]
    assert len(again.recent_databases) == MAX_RECENT


def test_a_single_recent_file_is_a_list(tmp_path):
    settings = make(tmp_path)
    settings.remember_database("/only.sqlite3")
    settings.sync()
    assert make(tmp_path).recent_databases == ["/only.sqlite3"]


def test_the_demo_is_never_remembered(tmp_path):
    from crm_desktop import paths

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    real = tmp_path / "office.sqlite3"
    settings.remember_database(real)
    settings.remember_database(paths.demo_db_path())
    assert settings.last_database == str(real)
    assert settings.recent_databases == [str(real)]
    # An older version remembered the demo: a plain start does not open it.
    settings.database_path = str(paths.demo_db_path())
    assert settings.last_database == ""
