"""The settings dialog: the user's name, the Nextcloud sync folder, the database file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)

from crm_desktop import paths
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.forms import FieldForm, dialog_layout


class SettingsDialog(QDialog):
    """Saves to QSettings on OK; the window opens the chosen database (chosen_database())."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        settings = context.settings

        self.form = FieldForm(self)
        self.user_name = QLineEdit(settings.user_name, self)
        self.user_name.setObjectName("settingsUserName")
        self.user_name.setPlaceholderText(self.tr("Shown as “logged by” and “uploaded by”"))
        self.form.add_field("user_name", self.tr("Your &name:"), self.user_name)

        self.nextcloud_folder = QLineEdit(settings.nextcloud_folder, self)
        self.nextcloud_folder.setObjectName("settingsNextcloudFolder")
        self.nextcloud_folder.setPlaceholderText(self.tr("The folder the Nextcloud client syncs"))
        browse_folder = QPushButton(self.tr("Browse…"), self)
        browse_folder.clicked.connect(self._browse_folder)
        self.form.add_field(
            "nextcloud_folder",
            self.tr("Nextcloud &sync folder:"),
            self.nextcloud_folder,
            browse_folder,
        )

        self.database = QComboBox(self)
        self.database.setObjectName("settingsDatabase")
        self.database.setEditable(True)
        self.database.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.database.addItems(
            [str(context.db_path)]
            + [p for p in settings.recent_databases if p != str(context.db_path)]
        )
        self.database.setToolTip(self.tr("The database file; recent files are in the list."))
        browse_db = QPushButton(self.tr("Open…"), self)
        browse_db.clicked.connect(self._browse_database)
        new_db = QPushButton(self.tr("New…"), self)
        new_db.clicked.connect(self._new_database)
        default_db = QPushButton(self.tr("Default"), self)
        default_db.setToolTip(str(paths.default_db_path()))
        default_db.clicked.connect(
            lambda: self.database.setCurrentText(str(paths.default_db_path()))
        )
        self.form.add_field(
            "database", self.tr("&Database file:"), self.database, browse_db, new_db, default_db
        )

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("settingsOk")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        dialog_layout(self, self.form, buttons=buttons)
        state = context.settings.state("dialog/SettingsDialog")
        if state is not None:
            self.restoreGeometry(state)

    def chosen_database(self) -> Path | None:
        text = self.database.currentText().strip()
        return Path(text).expanduser().absolute() if text else None

    def save(self) -> None:
        errors = {}
        folder = self.nextcloud_folder.text().strip()
        if folder and not Path(folder).expanduser().is_dir():
            errors["nextcloud_folder"] = self.tr("This folder does not exist.")
        chosen = self.chosen_database()
        if chosen is None:
            errors["database"] = self.tr("Choose a database file.")
        elif chosen.is_dir():
            errors["database"] = self.tr("This is a folder; choose a file inside it.")
        if errors:
            self.form.show_errors(errors)
            return
        settings = self.context.settings
        settings.user_name = self.user_name.text().strip()
        settings.nextcloud_folder = folder
        settings.sync()
        self.accept()

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Nextcloud sync folder"), self.nextcloud_folder.text()
        )
        if folder:
            self.nextcloud_folder.setText(folder)

    def _browse_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(self.context.db_path.parent),
            self.tr("CRM databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if name:
            self.database.setCurrentText(name)

    def _new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(self.context.db_path.parent),
            self.tr("CRM databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if name:
            self.database.setCurrentText(name)

    def done(self, result: int) -> None:
        self.context.settings.set_state("dialog/SettingsDialog", self.saveGeometry())
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        event.accept()
