"""Asking which database to open when the one at hand cannot be: never a silent empty file.

A remembered database that has gone missing (an unplugged drive, a renamed folder) gets
the question "locate it, create a new one, or open the default"; a file that is not a
database or is damaged names the file and what is wrong, and offers another one. Used at
start (before the window exists) and by the window for a recent file that has vanished.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from crm_desktop import paths
from crm_desktop.errors import DatabaseMissingError, explain
from crm_desktop.i18n import translate
from crm_desktop.locations import DatabaseLocation, Kind
from crm_desktop.startup import DatabaseChoice, Origin, default_database
from crm_desktop.ui.prompts import Prompts


def file_filter() -> str:
    return translate("DatabaseChoice", "CRM databases (*.sqlite3 *.sqlite *.db);;All files (*)")


def nearest_folder(path: Path | None) -> Path:
    """The folder to start a file dialog in: ``path``'s own, or the nearest one above it
    that exists, or the home folder."""
    folder = path if path is not None and path.is_dir() else (path.parent if path else None)
    while folder is not None and not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder if folder is not None and folder.is_dir() else Path.home()


def _chosen(path: Path, create: bool = False) -> DatabaseChoice:
    return DatabaseChoice(DatabaseLocation(Kind.sqlite, path=path), Origin.chosen, create)


class DatabaseChooser:
    """Asks through ``prompts`` (tests script the answers); None means: give up (at start,
    quit; in the window, keep the database that is open)."""

    def __init__(
        self, prompts: Prompts, parent: QWidget | None = None, at_start: bool = True
    ) -> None:
        self.prompts = prompts
        self.parent = parent
        self.at_start = at_start

    def _give_up(self) -> str:
        return (
            translate("DatabaseChoice", "Quit")
            if self.at_start
            else translate("DatabaseChoice", "Cancel")
        )

    def locate(self, near: Path | None = None) -> DatabaseChoice | None:
        """File ▸ Open: an existing database file."""
        path = self.prompts.open_path(
            self.parent,
            translate("DatabaseChoice", "Open database"),
            nearest_folder(near),
            file_filter(),
        )
        return _chosen(path) if path is not None else None

    def create(self, suggested: Path | None = None) -> DatabaseChoice | None:
        """File ▸ New database…: a new file, asked for explicitly (an existing one is opened
        as it is, never overwritten)."""
        if suggested is None or not suggested.parent.is_dir():
            suggested = nearest_folder(suggested) / paths.DEFAULT_DB_NAME
        path = self.prompts.save_path(
            self.parent, translate("DatabaseChoice", "New database"), suggested, file_filter()
        )
        return _chosen(path, create=True) if path is not None else None

    def after_missing(self, missing: DatabaseMissingError) -> DatabaseChoice | None:
        """The database to open instead of one that is not there."""
        path = Path(missing.path)
        while True:
            answer = self.prompts.choose(
                self.parent,
                translate("DatabaseChoice", "The database is not there"),
                translate(
                    "DatabaseChoice",
                    "This database is not there:\n{path}\n\n{reason}. Is its drive unplugged, "
                    "or was it renamed or moved? Nothing was created in its place.",
                ).format(path=path, reason=_sentence(missing.reason)),
                [
                    translate("DatabaseChoice", "Locate it…"),
                    translate("DatabaseChoice", "Create a new database…"),
                    translate("DatabaseChoice", "Open the default database"),
                    self._give_up(),
                ],
            )
            if answer == 0:
                choice = self.locate(path)
            elif answer == 1:
                choice = self.create(path)
            elif answer == 2:
                return default_database()
            else:
                return None
            if choice is not None:
                return choice

    def after_failure(
        self, location: DatabaseLocation, exc: BaseException
    ) -> DatabaseChoice | None:
        """The database to open instead of one that cannot be used (not a database,
        damaged, a server that refused): the file and what is wrong, in words."""
        if isinstance(exc, DatabaseMissingError):
            return self.after_missing(exc)
        explanation = explain(exc)
        is_default = location.path == paths.default_db_path()
        if location.is_file:
            advice = translate(
                "DatabaseChoice",
                "Open another database, or find out what is wrong with this one:\n"
                "crm-desktop --check --db {path}",
            ).format(path=location)
        else:
            advice = translate("DatabaseChoice", "Open another database, or try again later.")
        options = [translate("DatabaseChoice", "Open another database…")]
        if not is_default:
            options.append(translate("DatabaseChoice", "Open the default database"))
        options.append(self._give_up())
        while True:
            answer = self.prompts.choose(
                self.parent,
                explanation.title,
                f"{explanation.text}\n\n{advice}",
                options,
            )
            if answer == 0:
                choice = self.locate(location.path)
                if choice is not None:
                    return choice
            elif answer == 1 and not is_default:
                return default_database()
            else:
                return None


def _sentence(reason: str) -> str:
    return reason[:1].upper() + reason[1:] if reason else reason
