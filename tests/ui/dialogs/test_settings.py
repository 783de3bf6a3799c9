"""The settings dialog: remembered values, checked before they are kept."""

from __future__ import annotations

from pathlib import Path

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


def test_a_missing_postgresql_driver_is_said_in_words(qtbot, context, monkeypatch):
    """Without the office-server extra, "Test connection" said ModuleNotFoundError: psycopg."""
    from crm_desktop.ui.dialogs import settings as settings_module

    def no_driver(_location):
        raise ModuleNotFoundError("No module named 'psycopg'", name="psycopg")

    monkeypatch.setattr(settings_module, "probe_server", no_driver)
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.on_server.setChecked(True)
    dialog.server_url.setText("postgresql://anna@db.office.example/crm")
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
    text = dialog.connection_status.text()
    assert "PostgreSQL driver is not installed" in text and "crm-desktop[postgres]" in text
    assert "ModuleNotFoundError" not in text


def test_browse_starts_at_the_sync_folder_and_the_database(qtbot, context, tmp_path):
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.nextcloud_folder.setText(str(tmp_path / "Nextcloud" / "not yet"))
    (tmp_path / "Nextcloud").mkdir()
    assert dialog.sync_start_folder() == tmp_path / "Nextcloud"
    dialog.nextcloud_folder.setText("")
    assert dialog.sync_start_folder() == Path.home()
    assert dialog.database_start_path() == context.db_path
    dialog._browse_database()  # the file dialog opens beside the open database
    assert context.prompts.asked[-1].kind == "open_path"
    assert context.prompts.asked[-1].text == str(context.db_path.parent)


def test_choosing_folders_goes_through_the_prompts(qtbot, context, tmp_path):
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    context.prompts.paths[:] = [tmp_path, None]
    dialog._browse_folder()
    assert context.prompts.asked[-1].kind == "choose_folder"
    assert dialog.nextcloud_folder.text() == str(tmp_path)
    dialog._browse_folder()  # cancelled: what was there stays
    assert dialog.nextcloud_folder.text() == str(tmp_path)


def test_new_in_settings_creates_the_chosen_file(qtbot, context, tmp_path):
    new = tmp_path / "office" / "new.sqlite3"
    new.parent.mkdir()
    context.prompts.paths.append(new)
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog._new_database()
    assert dialog.chosen_database().path == new and dialog.creates_database
    dialog.database.setCurrentText(str(tmp_path / "typed.sqlite3"))
    assert not dialog.creates_database  # typed by hand: opening it will ask first


def test_the_language_follows_the_system_unless_chosen(qtbot, context, qapp):
    from crm_desktop import i18n
    from crm_desktop.ui.main_window import MainWindow

    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["As the system (English)", "English", "Deutsch"]
    assert dialog.language.currentIndex() == 0 and not dialog.language_note.isVisibleTo(dialog)
    dialog.language.setCurrentIndex(2)
    assert dialog.language_note.isVisibleTo(dialog)  # "Takes effect when … starts again."
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert context.settings.language == "de"
    # At the next start (application() passes the setting on):
    try:
        assert i18n.install_translations(qapp, context.settings.language) == "de"
        window = MainWindow(context)
        qtbot.addWidget(window)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&Datei", "&Bearbeiten", "&Kunde", "K&ommunikation", "&Medien", "&Hilfe"]
    finally:
        i18n.install_translations(qapp, "en")


def test_the_offices_addresses_and_the_country_code_are_remembered(qtbot, context):
    from crm_desktop.ui.drops.settings_section import country_code

    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    assert "+" in dialog.messages.country.placeholderText()  # the region's, or an example
    dialog.messages.addresses.setText(" info@roofing.example, @roofing.example ")
    dialog.messages.country.setText("0049x")
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.save()
    assert "1 to 4 digits" in dialog.form.error_text("phone_country_code")
    dialog.messages.country.setText("+43")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert context.settings.office_addresses == "info@roofing.example, @roofing.example"
    assert context.settings.phone_country_code == "+43"
    assert country_code(context.settings) == "43"
    again = SettingsDialog(context)
    qtbot.addWidget(again)
    assert again.messages.country.text() == "+43"
