"""The daily backup's part of the Settings dialog: on or off, the folder, how many kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from crm_desktop.settings import Settings
from crm_desktop.ui.forms import FieldForm
from crm_desktop.ui.prompts import Prompts

MAX_KEPT = 365


class BackupSettings(QObject):
    """Adds its fields to ``form``; the dialog calls errors() before save()."""

    def __init__(self, form: FieldForm, settings: Settings, prompts: Prompts) -> None:
        super().__init__(form)
        self._settings = settings
        self._prompts = prompts
        self._form = form
        self.daily = QCheckBox(self.tr("Back up the database file once a day, at start"), form)
        self.daily.setObjectName("settingsBackupDaily")
        self.daily.setChecked(settings.backup_daily)
        self.daily.setToolTip(
            self.tr(
                "When the newest daily backup is older than a day, the app makes one in the "
                "background as it starts. Office servers are backed up on the server."
            )
        )
        form.form.addRow(self.tr("Backups:"), self.daily)

        self.folder = QLineEdit(str(settings.daily_backup_folder()), form)
        self.folder.setObjectName("settingsBackupFolder")
        self.folder.setToolTip(
            self.tr("Best on another disk or a network share, so a broken disk spares them.")
        )
        browse = QPushButton(self.tr("Browse…"), form)
        browse.setObjectName("settingsBackupBrowse")
        browse.clicked.connect(self._browse)
        self.keep = QSpinBox(form)
        self.keep.setObjectName("settingsBackupKeep")
        self.keep.setRange(1, MAX_KEPT)
        self.keep.setValue(max(1, min(MAX_KEPT, settings.backup_keep)))
        self.keep.setSuffix(self.tr(" kept"))
        self.keep.setToolTip(self.tr("Older daily backups are deleted (only the app's own)."))
        row = QWidget(form)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.folder, 1)
        line.addWidget(browse)
        line.addWidget(self.keep)
        form.add_field("backup_folder", self.tr("Backup &folder:"), row)
        self.daily.toggled.connect(row.setEnabled)
        row.setEnabled(self.daily.isChecked())

    def _browse(self) -> None:
        folder = self._prompts.choose_folder(
            self._form, self.tr("Backup folder"), Path(self.folder.text()).expanduser()
        )
        if folder is not None:
            self.folder.setText(str(folder))

    def errors(self) -> dict[str, str]:
        if not self.daily.isChecked():
            return {}
        text = self.folder.text().strip()
        if not text:
            return {"backup_folder": self.tr("Choose a folder for the daily backups.")}
        folder = Path(text).expanduser()
        if folder.exists() and not folder.is_dir():
            return {"backup_folder": self.tr("This is a file, not a folder.")}
        return {}

    def save(self) -> None:
        settings = self._settings
        settings.backup_daily = self.daily.isChecked()
        folder = Path(self.folder.text().strip()).expanduser()
        default = settings.daily_backup_folder() if not settings.backup_folder else None
        if default is None or folder != default:
            settings.backup_folder = str(folder)
        settings.backup_keep = self.keep.value()
