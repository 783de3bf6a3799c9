"""The Qt application and the main window on a database: what the command line
(crm_desktop.app), the self-test and the commands share, below all three of them."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QLocale,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from crm_desktop import APP_DISPLAY_NAME, APP_NAME, i18n, paths
from crm_desktop.locations import DatabaseLocation, parse_location
from crm_desktop.service import session
from crm_desktop.settings import Settings
from crm_desktop.ui import icons
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.prompts import Prompts

qt_log = logging.getLogger("crm_desktop.qt")


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
        i18n.install_translations(app, Settings().language)
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


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

QtMessageHandler = Callable[[QtMsgType, QMessageLogContext, str], Any]
_handed_on: list[QtMessageHandler | None] = []


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
    previous = _handed_on[0] if _handed_on else None
    if previous is not None:
        previous(kind, context, message)


def log_qt_messages() -> None:
    """Qt's own warnings (a style sheet it cannot parse, a plugin that will not load) go to
    the app's log, as records of "crm_desktop.qt"; a handler installed before (pytest-qt's,
    which fails a test on a warning) still gets each of them."""
    previous = qInstallMessageHandler(_log_qt_message)
    if previous is not _log_qt_message:
        _handed_on[:] = [previous]


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
    opened = session.open_database(location, create=create)
    context = AppContext(
        location=location,
        settings=settings or Settings(),
        prompts=prompts or Prompts(),
        read_only_reason=opened.read_only_reason,
        warnings=list(opened.warnings),
    )
    context.settings.remember_database(location)
    return MainWindow(context)
