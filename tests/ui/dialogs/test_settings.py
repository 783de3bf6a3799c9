"""The settings dialog: remembered values, checked before they are kept."""

from __future__ import annotations

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
    assert dialog.chosen_database() == context.db_path


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
    assert dialog.chosen_database() == tmp_path / "a.sqlite3"
