"""The application: command line, Qt set-up, logging, the database, the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from crm_desktop import APP_DISPLAY_NAME, APP_NAME, __version__, paths
from crm_desktop.database import close_db, init_db
from crm_desktop.errors import CrmError, DatabaseMissingError
from crm_desktop.locations import DatabaseLocation, parse_location
from crm_desktop.log import setup_logging
from crm_desktop.settings import Settings
from crm_desktop.startup import (
    EXIT_DATABASE,
    EXIT_NO_DISPLAY,
    Origin,
    database_to_open,
    display_problem,
    image_formats,
    refusal,
    screenshot_format,
    screenshot_platform,
)
from crm_desktop.ui import icons
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.database_choice import DatabaseChooser
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.prompts import Prompts

log = logging.getLogger("crm_desktop.app")

# For the benchmarks (tests/benchmarks), which time whole processes up to the window shown:
# with this set, the app paints its window (first customer chosen), prints "shown" and quits.
EXIT_AFTER_SHOWN = "CRM_DESKTOP_EXIT_AFTER_SHOWN"
DAILY_BACKUP_DELAY_MS = 3000


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="crm-desktop",
        description=f"{APP_DISPLAY_NAME}: customers, their communications and media.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the database: a file, or an office server as postgresql://user@host/dbname "
        "(default: the last one used)",
    )
    parser.add_argument("--demo", action="store_true", help="open a demo database with sample data")
    parser.add_argument(
        "--screenshot",
        metavar="FILE",
        type=Path,
        help="save the window as an image and exit (its format from FILE's suffix: .png, "
        ".jpg, .webp, …)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="report the database's integrity and compatibility, change nothing, and exit "
        "(non-zero when the app cannot use it)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the app without a person (temporary database, offscreen window) and exit",
    )
    parser.add_argument(
        "--self-test-report",
        metavar="FILE",
        type=Path,
        help="where --self-test writes its report (default: in the data folder)",
    )
    parser.add_argument(
        "--export",
        metavar="CUSTOMER",
        help="write the dossier of the customer with this id or exact name to the file given "
        "with --to, and exit",
    )
    parser.add_argument(
        "--to", metavar="FILE", type=Path, help="where --export writes: a .pdf or a .csv file"
    )
    parser.add_argument(
        "--backup",
        metavar="FILE",
        type=Path,
        help="back the database file up to a new FILE (never overwritten), check it, and exit",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    args = parser.parse_args(argv)
    if (args.export is None) != (args.to is None):
        parser.error("--export CUSTOMER and --to FILE go together")
    if args.export is not None and args.backup is not None:
        parser.error("--export and --backup: one at a time")
    if args.screenshot is not None:
        if screenshot_format(args.screenshot) is None:
            kind = args.screenshot.suffix or "a file without a suffix"
            formats = ", ".join(image_formats())
            parser.error(
                f"cannot save a screenshot as {kind}: name it .png or .jpg (or: {formats})"
            )
        if not args.screenshot.absolute().parent.is_dir():
            parser.error(f"the folder {args.screenshot.absolute().parent} does not exist")
    return args


def application() -> QApplication:
    """The QApplication, created and styled once."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "crm-desktop"])
    assert isinstance(app, QApplication)
    paths.configure_identity()
    # Worker threads (drops, index builds) run Python too: the window, whose every paint
    # calls into Python, waits for the GIL at most this long instead of 5 ms each time.
    sys.setswitchinterval(0.001)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    # Lets Wayland desktops match the window to its menu entry (crm-desktop.desktop).
    app.setDesktopFileName(APP_NAME)
    configure_locale()
    app.setWindowIcon(icons.app_icon())
    if app.property("crm_translated") is not True:
        install_translations(app)
        app.setProperty("crm_translated", True)
    if app.property("crm_styled") is not True:
        app.setStyle("Fusion")
        style = paths.resources_dir() / "styles" / "app.qss"
        app.setStyleSheet(style.read_text(encoding="utf-8"))
        app.setProperty("crm_styled", True)
    return app


def configure_locale() -> None:
    if QLocale.system().name() == "C":
        # No locale configured (a bare system or a CI box): the "C" locale writes dates as
        # "13 11 2026"; British English is unambiguous for day and month.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def install_translations(app: QApplication) -> None:
    """Qt's own words (standard buttons, dialogs) and the app's, in the system's language,
    where a translation exists: resources/translations/crm_desktop_<lang>.qm, made with
    pyside6-lupdate and pyside6-lrelease from the tr() strings."""
    folders = {
        "qtbase": QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        "crm_desktop": str(paths.resources_dir() / "translations"),
    }
    for name, folder in folders.items():
        translator = QTranslator(app)
        if translator.load(QLocale(), name, "_", folder):
            app.installTranslator(translator)


def create_main_window(
    db_path: Path | str | DatabaseLocation,
    settings: Settings | None = None,
    prompts: Prompts | None = None,
    *,
    create: bool = False,
) -> MainWindow:
    """Open the database at ``db_path`` (a file, or an office server's URL) and build the
    main window (a QApplication exists). A file that does not exist is created only with
    ``create``; otherwise DatabaseMissingError, and nothing is made or remembered."""
    if QApplication.instance() is None:
        raise RuntimeError("create_main_window() needs a QApplication")
    paths.configure_identity()
    location = db_path if isinstance(db_path, DatabaseLocation) else parse_location(db_path)
    db = init_db(location, create=create)
    context = AppContext(
        location=location,
        settings=settings or Settings(),
        prompts=prompts or Prompts(),
        read_only_reason=db.read_only_reason,
        warnings=list(db.warnings),
    )
    context.settings.remember_database(location)
    return MainWindow(context)


def install_excepthook(window: MainWindow) -> None:
    """Unexpected errors are logged and shown in a dialog; the app keeps running."""

    def show(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("Unexpected error", exc_info=(kind, exc, tb))
        if isinstance(exc, KeyboardInterrupt):
            QApplication.quit()
            return
        window.context.prompts.error(window, exc)

    def show_thread(args: threading.ExceptHookArgs) -> None:
        log.error(
            "Unexpected error in a thread",
            exc_info=args.exc_value,
        )

    sys.excepthook = show
    threading.excepthook = show_thread


def save_screenshot(window: MainWindow, path: Path) -> int:
    """Show the window with the first customer chosen, save it in the format its name says
    (see parse_args()); 0 if saved."""
    window.resize(1400, 860)
    window.show()
    window.customers.select_first()
    for _ in range(5):  # let layouts settle and lazy pages arrive
        QApplication.processEvents()
    saved = window.grab().save(str(path), screenshot_format(path))
    if not saved:
        print(f"crm-desktop: could not save the screenshot to {path}", file=sys.stderr)
    return 0 if saved else 1


def exit_when_shown(window: MainWindow) -> None:
    """Paint the window now, say so on stdout and quit (see EXIT_AFTER_SHOWN)."""
    QApplication.sendPostedEvents()
    window.repaint()
    print("shown", flush=True)
    QApplication.quit()


def _existing_database(args: argparse.Namespace) -> str | None:
    """For the work without a window (--check, --export, --backup): the database to use,
    or None after saying in one sentence why there is none (nothing is created)."""
    paths.configure_identity()
    try:
        choice = database_to_open(args.db, args.demo, Settings())
    except CrmError as exc:
        print(refusal(exc), file=sys.stderr)
        return None
    path = choice.location.path
    if path is not None and not path.exists():
        print(refusal(DatabaseMissingError(path)), file=sys.stderr)
        if choice.origin is Origin.demo:
            print("Start crm-desktop --demo once to make the demo database.", file=sys.stderr)
        return None
    return str(choice.location)


def open_first_window(
    args: argparse.Namespace, settings: Settings, prompts: Prompts
) -> MainWindow | None:
    """The main window on the database this start opens; when that one is missing or
    cannot be used, the command line (--db, --screenshot) refuses it in one sentence, and
    a window start asks for another (ui.database_choice). None: nothing to open."""
    try:
        choice = database_to_open(args.db, args.demo, settings)
    except CrmError as exc:
        print(refusal(exc), file=sys.stderr)
        return None
    chooser = DatabaseChooser(prompts, at_start=True)
    asks = args.screenshot is None
    while True:
        try:
            if choice.origin is Origin.demo:
                from crm_desktop.demo import ensure_demo_database

                assert choice.location.path is not None
                ensure_demo_database(choice.location.path)
                close_db()
            return create_main_window(choice.location, settings, prompts, create=choice.create)
        except CrmError as exc:  # missing, not a database, damaged, a server that refused
            log.warning("Cannot open %s: %s", choice.location, exc)
            missing = isinstance(exc, DatabaseMissingError)
            if not asks or (missing and choice.origin is Origin.command_line):
                print(refusal(exc, choice.location), file=sys.stderr)
                return None
            if not missing:
                print(refusal(exc, choice.location), file=sys.stderr)
            chosen = chooser.after_failure(choice.location, exc)
            if chosen is None:
                return None
            choice = chosen


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        # Before application(): without a screen the self-test picks the offscreen platform.
        from crm_desktop.selftest import run_self_test

        return run_self_test(args.self_test_report)
    if args.check:
        from crm_desktop.check import run_check  # only here: the window does not need it

        database = _existing_database(args)
        return EXIT_DATABASE if database is None else run_check(database)
    if args.export is not None or args.backup is not None:
        from crm_desktop import commands  # work for scripts: no window

        database = _existing_database(args)
        if database is None:
            return EXIT_DATABASE
        if args.backup is not None:
            return commands.run_backup(database, args.backup)
        return commands.run_export(database, args.export, args.to)
    if args.screenshot is not None:
        screenshot_platform()
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    app = application()
    log_file = setup_logging()
    log.info("Starting %s %s", APP_DISPLAY_NAME, __version__)
    settings = Settings()
    window = open_first_window(args, settings, Prompts())
    if window is None:
        return EXIT_DATABASE
    install_excepthook(window)
    if args.screenshot is not None:
        code = save_screenshot(window, args.screenshot)
        window.close()
        close_db()
        return code
    window.show()
    QTimer.singleShot(0, window.select_first_customer)
    if os.environ.get(EXIT_AFTER_SHOWN):
        QTimer.singleShot(0, lambda: exit_when_shown(window))
    elif window.context.location.path != paths.demo_db_path():
        # The daily backup, once the window is up and has read its first screenful.
        QTimer.singleShot(DAILY_BACKUP_DELAY_MS, window.backups.start_daily)
    log.info("Log file: %s", log_file)
    code = app.exec()
    close_db()
    return code


def run() -> None:
    """The ``crm-desktop`` command."""
    sys.exit(main())
