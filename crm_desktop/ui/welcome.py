"""The first start: the user's name (written with every entry) and the Nextcloud sync folder
(where media open from), both skippable and both in Settings later.

Shown once, on a start with no name in the settings; never for ``--screenshot``,
``--self-test`` or a start that quits once shown (tests, benchmarks), unless
``--welcome`` asks for it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from crm_desktop.settings import Settings
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.database_choice import nearest_folder
from crm_desktop.ui.forms import FieldForm, dialog_layout

# Where the Nextcloud desktop client puts its folder unless told otherwise.
USUAL_SYNC_FOLDERS = ("Nextcloud", "Nextcloud/CRM")


def is_first_start(settings: Settings) -> bool:
    """No name stored yet, and the welcome not skipped before."""
    return not settings.has_user_name and not settings.welcomed


def usual_sync_folder(home: Path | None = None) -> str:
    """The Nextcloud client's usual folder in the home folder, if it is there; else ""."""
    home = Path.home() if home is None else home
    for name in USUAL_SYNC_FOLDERS:
        if (home / name).is_dir():
            return str(home / name)
    return ""


class WelcomeDialog(QDialog):
    """Asks for the user's name and offers the sync folder; "Later" stores nothing but that
    it was shown (the settings keep their defaults)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to CRM Desktop"))
        self.setMinimumWidth(520)
        settings = context.settings

        intro = QLabel(
            self.tr(
                "Two things make the app yours. Both can be changed at any time under "
                "File ▸ Settings."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form = FieldForm(self)
        self.name = QLineEdit(settings.user_name, self)
        self.name.setObjectName("welcomeName")
        self.name.setPlaceholderText(self.tr("e.g. Anna Schmidt"))
        name_hint = self._hint(
            self.tr("Written with every entry and file you record (“logged by”).")
        )
        self.form.add_field("user_name", self.tr("Your &name:"), self.name)
        self.form.form.addRow("", name_hint)

        self.sync_folder = QLineEdit(settings.nextcloud_folder or usual_sync_folder(), self)
        self.sync_folder.setObjectName("welcomeSyncFolder")
        self.sync_folder.setPlaceholderText(self.tr("The folder the Nextcloud client syncs"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setObjectName("welcomeBrowse")
        browse.setAutoDefault(False)  # Enter means Start, wherever the focus is
        browse.clicked.connect(self._browse)
        self.form.add_field(
            "nextcloud_folder", self.tr("Nextcloud &sync folder:"), self.sync_folder, browse
        )
        self.form.form.addRow(
            "",
            self._hint(
                self.tr(
                    "Customers' files open from there. Without it the app still records "
                    "files, but cannot open them."
                )
            ),
        )

        buttons = QDialogButtonBox(self)
        self.start_button = buttons.addButton(
            self.tr("&Start"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setObjectName("welcomeStart")
        self.start_button.setDefault(True)
        self.later_button = buttons.addButton(
            self.tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setObjectName("welcomeLater")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        dialog_layout(self, intro, self.form, buttons=buttons)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name.selectAll()

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setProperty("role", "hint")
        return label

    def _browse(self) -> None:
        text = self.sync_folder.text().strip()
        folder = self.context.prompts.choose_folder(
            self,
            self.tr("Nextcloud sync folder"),
            nearest_folder(Path(text).expanduser() if text else None),
        )
        if folder is not None:
            self.sync_folder.setText(str(folder))

    def save(self) -> None:
        name = self.name.text().strip()
        folder = self.sync_folder.text().strip()
        errors = {}
        if not name:
            errors["user_name"] = self.tr("Please enter your name, or choose Later.")
        if folder and not Path(folder).expanduser().is_dir():
            errors["nextcloud_folder"] = self.tr("This folder does not exist.")
        if errors:
            self.form.show_errors(errors)
            return
        settings = self.context.settings
        settings.user_name = name
        if folder:
            settings.nextcloud_folder = str(Path(folder).expanduser())
        settings.welcomed = True
        settings.sync()
        self.context.events.settings_changed.emit()
        self.accept()

    def reject(self) -> None:
        self.context.settings.welcomed = True  # skipped: not asked at every start
        self.context.settings.sync()
        super().reject()


def welcome(context: AppContext, parent: QWidget) -> WelcomeDialog:
    """Open the welcome dialog over the window (not blocking the event loop)."""
    dialog = WelcomeDialog(context, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
