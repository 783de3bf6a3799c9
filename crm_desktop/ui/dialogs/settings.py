"""The settings dialog: the user's name, the Nextcloud sync folder, and where the data is
(a database file on this computer, or the office's PostgreSQL server)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from crm_desktop import paths
from crm_desktop.errors import explain
from crm_desktop.i18n import available_languages
from crm_desktop.locations import DatabaseLocation, LocationError, parse_location
from crm_desktop.service.session import probe_server
from crm_desktop.ui.backups.settings_section import BackupSettings
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.database_choice import DatabaseChooser, nearest_folder
from crm_desktop.ui.dialogs.base import RememberedDialog
from crm_desktop.ui.drops.settings_section import MessageSettings
from crm_desktop.ui.forms import FieldForm, dialog_layout


class _Probe(QObject):
    """Tries a server on a pool thread and answers on the GUI thread (a queued signal)."""

    answered = Signal(bool, str)

    def run(self, location: DatabaseLocation) -> None:
        try:
            usable, text = probe_server(location)
        except Exception as exc:  # a missing driver, anything else: said, not raised
            explanation = explain(exc)
            usable, text = False, f"{explanation.title}. {explanation.text}"
        with contextlib.suppress(RuntimeError):  # the dialog is gone: nobody asks any more
            self.answered.emit(usable, text)


def _language_name(code: str) -> str:
    """A language in its own words: "Deutsch", "English"."""
    if code in ("", "C", "en"):
        return "English"
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


class SettingsDialog(RememberedDialog):
    """Saves to QSettings on OK; the window opens the chosen database (chosen_database())."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(680)
        settings = context.settings
        self._new_path: Path | None = None  # a file asked for with "New…" (may be created)

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

        self.language = QComboBox(self)
        self.language.setObjectName("settingsLanguage")
        system = QLocale.system()
        self.language.addItem(
            self.tr("As the system ({language})").format(
                language=_language_name(system.name().split("_")[0])
            ),
            "",
        )
        for code in available_languages():
            self.language.addItem(_language_name(code), code)
        chosen = self.language.findData(settings.language)
        self.language.setCurrentIndex(max(0, chosen))
        self.language_note = QLabel(self.tr("Takes effect when CRM Desktop starts again."), self)
        self.language_note.setObjectName("settingsLanguageNote")
        self.language_note.setEnabled(False)
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda: self.language_note.setVisible(self.language.currentData() != settings.language)
        )
        self.form.add_field("language", self.tr("&Language:"), self.language, self.language_note)

        # Where the data is: a file on this computer, or the office's server.
        self.on_file = QRadioButton(self.tr("This &computer (a file)"), self)
        self.on_file.setObjectName("settingsOnFile")
        self.on_server = QRadioButton(self.tr("Office &server (PostgreSQL)"), self)
        self.on_server.setObjectName("settingsOnServer")
        choice = QWidget(self)
        choice_row = QHBoxLayout(choice)
        choice_row.setContentsMargins(0, 0, 0, 0)
        choice_row.addWidget(self.on_file)
        choice_row.addWidget(self.on_server)
        choice_row.addStretch(1)
        self.form.form.addRow(self.tr("Data:"), choice)

        current = context.location
        files = [p for p in settings.recent_databases if "://" not in p]
        servers = [p for p in settings.recent_databases if "://" in p]
        self.database = QComboBox(self)
        self.database.setObjectName("settingsDatabase")
        self.database.setEditable(True)
        self.database.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        first_file = str(current.path) if current.is_file else str(paths.default_db_path())
        self.database.addItems([first_file] + [p for p in files if p != first_file])
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
        self._file_widgets = [self.database, browse_db, new_db, default_db]

        self.server_url = QLineEdit(self)
        self.server_url.setObjectName("settingsServerUrl")
        self.server_url.setPlaceholderText(
            "postgresql://anna@db.office.example/crm?sslmode=require"
        )
        self.server_url.setToolTip(
            self.tr(
                "The server's address. The password goes in ~/.pgpass (or the PGPASSWORD "
                "variable, or a PostgreSQL service file), never here."
            )
        )
        self.server_url.setText(current.url if not current.is_file else (servers or [""])[0])
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.setObjectName("settingsTestConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.form.add_field(
            "server", self.tr("Server &address:"), self.server_url, self.test_button
        )
        self.connection_status = QLabel(self)
        self.connection_status.setObjectName("settingsConnectionStatus")
        self.connection_status.setWordWrap(True)
        self.connection_status.setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding
        )
        self.form.form.addRow("", self.connection_status)
        self._server_widgets = [self.server_url, self.test_button]
        self._probe = _Probe(self)
        self._probe.answered.connect(self._connection_tested)
        self.backups = BackupSettings(self.form, settings, context.prompts)
        self.messages = MessageSettings(self.form, settings)

        self.on_file.toggled.connect(self._choose_kind)
        (self.on_file if current.is_file else self.on_server).setChecked(True)
        self._choose_kind()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("settingsOk")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        dialog_layout(self, self.form, buttons=buttons)
        self.restore_geometry()

    def _choose_kind(self) -> None:
        on_file = self.on_file.isChecked()
        for widget in self._file_widgets:
            widget.setEnabled(on_file)
        for widget in self._server_widgets:
            widget.setEnabled(not on_file)
        self.connection_status.setVisible(not on_file)
        self.adjustSize()

    def chosen_database(self) -> DatabaseLocation | None:
        """The file or server chosen; None when the address cannot be used (see save())."""
        try:
            return self._location()
        except LocationError:
            return None

    def _location(self) -> DatabaseLocation:
        if self.on_file.isChecked():
            text = self.database.currentText().strip()
            if not text:
                raise LocationError(self.tr("Choose a database file."))
            return parse_location(Path(text).expanduser())
        location = parse_location(self.server_url.text().strip())
        if location.is_file:
            raise LocationError(self.tr("A server's address starts with postgresql://"))
        return location

    def test_connection(self) -> None:
        """Try the server off the GUI thread; the answer shows under the address."""
        try:
            location = self._location()
        except LocationError as exc:
            self.form.show_errors({"server": str(exc)})
            return
        self.form.clear_errors()
        self.test_button.setEnabled(False)
        self.connection_status.setText(self.tr("Connecting…"))
        QThreadPool.globalInstance().start(lambda: self._probe.run(location))

    def _connection_tested(self, usable: bool, text: str) -> None:
        self.test_button.setEnabled(self.on_server.isChecked())
        self.connection_status.setProperty("role", "" if usable else "error")
        self.connection_status.style().unpolish(self.connection_status)
        self.connection_status.style().polish(self.connection_status)
        self.connection_status.setText(text)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.adjustSize()  # room for the answer, however long

    def save(self) -> None:
        errors = {}
        folder = self.nextcloud_folder.text().strip()
        if folder and not Path(folder).expanduser().is_dir():
            errors["nextcloud_folder"] = self.tr("This folder does not exist.")
        field = "database" if self.on_file.isChecked() else "server"
        try:
            chosen = self._location()
        except LocationError as exc:
            errors[field] = str(exc)
        else:
            if chosen.path is not None and chosen.path.is_dir():
                errors[field] = self.tr("This is a folder; choose a file inside it.")
        errors.update(self.backups.errors())
        errors.update(self.messages.errors())
        if errors:
            self.form.show_errors(errors)
            return
        self.backups.save()
        self.messages.save()
        settings = self.context.settings
        settings.user_name = self.user_name.text().strip()
        settings.nextcloud_folder = folder
        settings.language = str(self.language.currentData() or "")
        settings.sync()
        self.accept()

    def sync_start_folder(self) -> Path:
        """Where "Browse…" for the sync folder starts: the folder typed (or the nearest one
        above it that exists), else the home folder; never the app's working folder."""
        text = self.nextcloud_folder.text().strip()
        return nearest_folder(Path(text).expanduser() if text else None)

    def database_start_path(self) -> Path | None:
        """Where the database file dialogs start: the file typed, else the open one."""
        text = self.database.currentText().strip()
        return Path(text).expanduser() if text and "://" not in text else self.context.db_path

    def _browse_folder(self) -> None:
        folder = self.context.prompts.choose_folder(
            self, self.tr("Nextcloud sync folder"), self.sync_start_folder()
        )
        if folder is not None:
            self.nextcloud_folder.setText(str(folder))

    def _chooser(self) -> DatabaseChooser:
        return DatabaseChooser(self.context.prompts, self, at_start=False)

    def _browse_database(self) -> None:
        choice = self._chooser().locate(self.database_start_path())
        if choice is not None:
            self.database.setCurrentText(str(choice.location))

    def _new_database(self) -> None:
        near = self.database_start_path()
        choice = self._chooser().create(
            near.parent / paths.DEFAULT_DB_NAME if near is not None else None
        )
        if choice is not None and choice.location.path is not None:
            self._new_path = choice.location.path
            self.database.setCurrentText(str(choice.location.path))

    @property
    def creates_database(self) -> bool:
        """The file chosen is the one asked for with "New…" (so it may be created)."""
        chosen = self.chosen_database()
        return chosen is not None and chosen.path is not None and chosen.path == self._new_path
