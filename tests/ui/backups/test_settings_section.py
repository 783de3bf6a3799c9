"""The daily backup's fields in the Settings dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox

from crm_desktop import paths
from crm_desktop.ui.dialogs.settings import SettingsDialog


def test_defaults_on_in_the_data_folder_seven_kept(qtbot, context):
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QCheckBox, "settingsBackupDaily").isChecked()
    folder = dialog.findChild(QLineEdit, "settingsBackupFolder")
    assert folder.text() == str(paths.data_dir() / "backups")
    assert dialog.findChild(QSpinBox, "settingsBackupKeep").value() == 7
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert context.settings.backup_folder == ""  # still follows the data folder


def test_a_folder_and_a_count_are_kept(qtbot, context, tmp_path):
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "settingsBackupFolder").setText(str(tmp_path / "usb"))
    dialog.findChild(QSpinBox, "settingsBackupKeep").setValue(30)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert context.settings.daily_backup_folder() == tmp_path / "usb"
    assert context.settings.backup_keep == 30 and context.settings.backup_daily


def test_a_file_is_no_backup_folder(qtbot, context, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "settingsBackupFolder").setText(str(blocker))
    dialog.save()
    assert dialog.form.error_text("backup_folder") == "This is a file, not a folder."
    daily = dialog.findChild(QCheckBox, "settingsBackupDaily")
    daily.setChecked(False)
    assert not dialog.findChild(QLineEdit, "settingsBackupFolder").isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert not context.settings.backup_daily
