"""The settings dialog: remembered values, checked before they are kept."""

from __future__ import annotations

import pytest

from crm_desktop.ui.dialogs.settings import SettingsDialog


def test_saves_name_and_sync_folder(qtbot, context, tmp_path):
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.user_name.setText("  Bernd ")
    dialog.nextcloud_folder.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert context.settings.user_name == "Bernd"
    assert context.settings.nextcloud_folder == str(tmp_path)
    assert dialog.chosen_database() == context.location


def test_a_missing_folder_is_refused_at_the_field(qtbot, context, tmp_path):
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.nextcloud_folder.setText(str(tmp_path / "nope"))
    dialog.database.setCurrentText(str(tmp_path))
    dialog.save()
    assert dialog.form.error_text("nextcloud_folder") == "This folder does not exist."
    assert "folder" in dialog.form.error_text("database")
    assert context.settings.nextcloud_folder == ""


def test_offers_the_recent_databases(qtbot, context, tmp_path):
    context.settings.remember_database(tmp_path / "a.sqlite3")
    context.settings.remember_database(context.db_path)
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    items = [dialog.database.itemText(i) for i in range(dialog.database.count())]
    assert items == [str(context.db_path), str(tmp_path / "a.sqlite3")]
    dialog.database.setCurrentIndex(1)
    assert dialog.chosen_database().path == tmp_path / "a.sqlite3"


def test_an_office_server_is_chosen_by_its_address(qtbot, context):
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.on_file.isChecked() and not dialog.server_url.isEnabled()
    dialog.on_server.setChecked(True)
    assert dialog.server_url.isEnabled() and not dialog.database.isEnabled()
    dialog.server_url.setText("postgresql://anna@db.office.example/crm?password=Sup3rSecret")
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.save()
    assert "password" in dialog.form.error_text("server")
    assert "Sup3rSecret" not in dialog.form.error_text("server")
    dialog.test_connection()  # refused before trying: nothing to wait for
    assert "Sup3rSecret" not in dialog.form.error_text("server")
    assert not any("Sup3rSecret" in p for p in context.settings.recent_databases)
    dialog.server_url.setText("postgresql://anna@db.office.example/crm?sslmode=require")
    chosen = dialog.chosen_database()
    assert not chosen.is_file and chosen.display_name == "crm on db.office.example"
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()


def test_test_connection_says_what_failed(qtbot, context):
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.on_server.setChecked(True)
    dialog.server_url.setText("postgresql://nobody@127.0.0.1:1/crm?connect_timeout=2")
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
    assert "cannot be reached" in dialog.connection_status.text()


def test_test_connection_to_a_real_server(qtbot, context, postgres_server):
    if postgres_server is None:
        pytest.skip("PostgreSQL is not installed (Debian's postgresql package)")
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.on_server.setChecked(True)
    dialog.server_url.setText(postgres_server.url())
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
    assert dialog.connection_status.text().startswith("Connected to PostgreSQL")
