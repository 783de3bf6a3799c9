"""Work for scripts, without a window: ``--export CUSTOMER --to OUT.pdf|OUT.csv`` and
``--backup OUT.sqlite3``.

Each prints one line saying what it did (stdout) or why it could not (stderr), writes no
file unless the whole file is written, and exits 0 when done, 1 when it refused (an
unknown or ambiguous customer, a backup file that exists, an office server), 2 when the
database could not be opened.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QGuiApplication

from crm_desktop import paths
from crm_desktop.database import close_db, init_db
from crm_desktop.errors import CrmError, explain
from crm_desktop.locations import DatabaseLocation, Kind, parse_location

DONE, REFUSED, UNUSABLE = 0, 1, 2


def _say_error(exc: BaseException, out: TextIO) -> None:
    explanation = explain(exc)
    print(f"{explanation.title}: {explanation.text}", file=out)


def _open(database: Path | str, err: TextIO) -> DatabaseLocation | None:
    """Open an existing database (never creates one); None after saying why not."""
    try:
        location = parse_location(database)
        if location.kind is Kind.sqlite:
            assert location.path is not None
            if not location.path.is_file():
                print(f"No database file at {location.path}", file=err)
                return None
        db = init_db(location)
    except CrmError as exc:
        _say_error(exc, err)
        return None
    indexes = db.index_work()
    if indexes is not None:
        # A big file the app has not opened before: its lists need the app's indexes, and
        # so does an export of thousands of entries (the window builds them the same way).
        indexes.run()
    return location


def gui_application() -> QCoreApplication:
    """A QGuiApplication for drawing pages (fonts), offscreen: no window is shown."""
    app = QCoreApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([sys.argv[0] if sys.argv else "crm-desktop"])
        paths.configure_identity()
    return app


def run_export(
    database: Path | str,
    customer: str,
    target: Path,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """``--export CUSTOMER --to TARGET``: the customer's dossier as a PDF or a CSV."""
    from crm_desktop.service.dossier import find_customer
    from crm_desktop.ui.application import configure_locale
    from crm_desktop.ui.dossier.export import ExportFormat, export_dossier, format_of
    from crm_desktop.ui.dossier.text import DossierRequest

    gui_application()
    configure_locale()
    try:
        format_of(target)
    except CrmError as exc:
        _say_error(exc, err)
        return REFUSED
    location = _open(database, err)
    if location is None:
        return UNUSABLE
    try:
        found = find_customer(customer)
        result = export_dossier(DossierRequest(found.id), target, location.display_name)
    except CrmError as exc:
        _say_error(exc, err)
        return REFUSED
    except OSError as exc:
        _say_error(exc, err)
        return UNUSABLE
    finally:
        close_db()
    locale = QLocale()
    pages = f", {locale.toString(result.pages)} pages" if result.format is ExportFormat.pdf else ""
    entries = "communication" if result.entries == 1 else "communications"
    print(
        f"{result.path}: {locale.toString(result.entries)} {entries} of "
        f"{result.customer} ({found.id}){pages}, {result.seconds:.1f} s",
        file=out,
    )
    return DONE


def run_backup(
    database: Path | str,
    target: Path,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """``--backup TARGET``: a consistent copy of the database file, never over a file. The
    live file is only read (it is not opened the way the window opens it)."""
    from crm_desktop.service.backups import ServerBackupError
    from crm_desktop.sqlite_backup import back_up_file

    try:
        location = parse_location(database)
        if location.kind is not Kind.sqlite or location.path is None:
            raise ServerBackupError()
        result = back_up_file(location.path, Path(target).expanduser().absolute())
    except FileExistsError:
        print(f"{target} exists; a backup never overwrites a file. Choose a new name.", file=err)
        return REFUSED
    except CrmError as exc:
        _say_error(exc, err)
        return REFUSED
    except OSError as exc:
        _say_error(exc, err)
        return UNUSABLE
    print(
        f"{result.path}: backup of {location} ({result.bytes / 1e6:.1f} MB, "
        f"{result.seconds:.1f} s), checked",
        file=out,
    )
    return DONE
