"""The command line: its options, logging, which database a start opens, the main window
shown, and the work without a window (--self-test, --check, --export, --backup)."""

from __future__ import annotations

import argparse
import linecache
import logging
import os
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication

from crm_desktop import APP_DISPLAY_NAME, __version__, paths
from crm_desktop.errors import CrmError, DatabaseMissingError
from crm_desktop.log import setup_logging
from crm_desktop.service.session import close_database
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
from crm_desktop.ui.application import (
    application,
    configure_locale,
    create_main_window,
    log_qt_messages,
)
from crm_desktop.ui.database_choice import DatabaseChooser
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.prompts import Prompts
from crm_desktop.ui.welcome import is_first_start, welcome

# Public names of the command line's module, kept where office scripts and tests find them
# (they live in crm_desktop.ui.application, below the self-test and the commands).
__all__ = ["application", "configure_locale", "create_main_window", "main", "run"]

log = logging.getLogger("crm_desktop.app")

# For the benchmarks (tests/benchmarks), which time whole processes up to the window shown:
# with this set, the app paints its window (first customer chosen), prints "shown" and quits.
EXIT_AFTER_SHOWN = "CRM_DESKTOP_EXIT_AFTER_SHOWN"
# Set (tests do): a first start does not show the welcome dialog (--welcome still does).
NO_WELCOME = "CRM_DESKTOP_NO_WELCOME"
DAILY_BACKUP_DELAY_MS = 3000
SCREENSHOT_SIZE = QSize(1400, 860)
MIN_WINDOW_SIZE = QSize(640, 400)


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
        "--window-size",
        metavar="WIDTHxHEIGHT",
        type=window_size,
        help="the window's size in pixels, e.g. 1366x768 (with --screenshot: the picture's "
        "size; default 1400x860)",
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
    parser.add_argument(
        "--welcome",
        action="store_true",
        help="ask for your name and the Nextcloud sync folder, as at the first start",
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


def window_size(text: str) -> QSize:
    """``1366x768`` as a size; argparse says what is wrong with anything else."""
    width, separator, height = text.lower().replace("\u00d7", "x").partition("x")
    if separator and width.strip().isdigit() and height.strip().isdigit():
        size = QSize(int(width), int(height))
        if MIN_WINDOW_SIZE.width() <= size.width() and MIN_WINDOW_SIZE.height() <= size.height():
            return size
        raise argparse.ArgumentTypeError(
            f"{text} is too small: at least {MIN_WINDOW_SIZE.width()}x{MIN_WINDOW_SIZE.height()}"
        )
    raise argparse.ArgumentTypeError(f"{text} is not a size such as 1366x768")


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


def save_screenshot(window: MainWindow, path: Path, size: QSize | None = None) -> int:
    """Show the window at ``size`` (default 1400x860) with the first customer chosen, save
    it in the format its name says (see parse_args()); 0 if saved."""
    window.resize(size or SCREENSHOT_SIZE)
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
                close_database()
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
    # PySide6's import hook reads the source of every module imported after it into
    # linecache (4 MB of text for the app's modules): kept only for tracebacks, which read
    # the files again when they need them.
    linecache.clearcache()
    log_file = setup_logging()
    log_qt_messages()
    log.info("Starting %s %s", APP_DISPLAY_NAME, __version__)
    settings = Settings()
    window = open_first_window(args, settings, Prompts())
    if window is None:
        return EXIT_DATABASE
    linecache.clearcache()
    install_excepthook(window)
    if args.screenshot is not None:
        code = save_screenshot(window, args.screenshot, args.window_size)
        window.close()
        close_database()
        return code
    if args.window_size is not None:
        window.resize(args.window_size)
    window.show()
    QTimer.singleShot(0, window.select_first_customer)
    quiet = any(os.environ.get(name) for name in (EXIT_AFTER_SHOWN, NO_WELCOME))
    if args.welcome or (is_first_start(settings) and not quiet):
        QTimer.singleShot(0, lambda: welcome(window.context, window))
    if os.environ.get(EXIT_AFTER_SHOWN):
        QTimer.singleShot(0, lambda: exit_when_shown(window))
    elif window.context.location.path != paths.demo_db_path():
        # The daily backup, once the window is up and has read its first screenful.
        QTimer.singleShot(DAILY_BACKUP_DELAY_MS, window.backups.start_daily)
    log.info("Log file: %s", log_file)
    code = app.exec()
    close_database()
    return code


def run() -> None:
    """The ``crm-desktop`` command."""
    sys.exit(main())
