"""What a start opens, and whether it can start at all: no widgets here (the command line's
answers come from here, before any window or even a QApplication exists).

- A plain start opens the last *real* database (never the demo), else the default one in
  the data folder, the only database ever created without a question (the first start).
- A path that does not exist is never created on the way: the caller refuses it (command
  line) or asks (the window's start; see crm_desktop.ui.database_choice).
- Without a graphical display, Qt would abort with exit 134 and an xcb message: the app
  says so in one sentence instead, unless Qt is asked for a platform that needs none.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from crm_desktop import paths
from crm_desktop.errors import DatabaseMissingError, explain
from crm_desktop.i18n import translate
from crm_desktop.locations import DatabaseLocation, Kind, parse_location
from crm_desktop.settings import Settings

# Exit codes of the command line (--check has its own 0/1/2 for usable/not/unreadable).
EXIT_DATABASE = 2  # the database cannot be opened: missing, not one, damaged, refused
EXIT_NO_DISPLAY = 3  # no graphical display to show the window on

# Qt platforms that draw without a display server.
HEADLESS_PLATFORMS = frozenset(
    {"offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"}
)


class Origin(StrEnum):
    command_line = "command_line"  # --db
    demo = "demo"  # --demo
    remembered = "remembered"  # the last real database used
    default = "default"  # the default database in the data folder
    chosen = "chosen"  # picked in a dialog (at start, or in the window)


@dataclass(frozen=True)
class DatabaseChoice:
    """A database to open, where the choice came from, and whether it may be created."""

    location: DatabaseLocation
    origin: Origin
    create: bool = False

    @property
    def missing(self) -> bool:
        path = self.location.path
        return path is not None and not path.exists() and not self.create


def default_database() -> DatabaseChoice:
    return DatabaseChoice(
        DatabaseLocation(Kind.sqlite, path=paths.default_db_path()), Origin.default, create=True
    )


def database_to_open(db_argument: str | None, demo: bool, settings: Settings) -> DatabaseChoice:
    """What this start opens: ``--db``, the demo, the last real database, or the default.
    A LocationError for a ``--db`` address that cannot be used."""
    if db_argument is not None:
        return DatabaseChoice(parse_location(db_argument), Origin.command_line)
    if demo:
        return DatabaseChoice(
            DatabaseLocation(Kind.sqlite, path=paths.demo_db_path()), Origin.demo, create=True
        )
    remembered = settings.last_database
    if remembered:
        try:
            return DatabaseChoice(parse_location(remembered), Origin.remembered)
        except Exception:  # a remembered text that no longer parses: as if there were none
            pass
    return default_database()


def refusal(exc: BaseException, location: DatabaseLocation | None = None) -> str:
    """The one sentence the command line says when a database cannot be opened."""
    explanation = explain(exc)
    if isinstance(exc, DatabaseMissingError):
        return translate(
            "startup",
            "crm-desktop: there is no database at {path} ({reason}); nothing was created. Check "
            "the path, or make a new database in the app with File > New database.",
        ).format(path=exc.path, reason=exc.reason)
    target = str(location) if location is not None else ""
    reason = getattr(exc, "reason", "") or str(exc)
    if target and location is not None and location.is_file:
        return translate(
            "startup",
            "crm-desktop: {path} cannot be opened: {reason}. Open another database, or see "
            "what is wrong with: crm-desktop --check --db {path}",
        ).format(path=target, reason=reason.rstrip("."))
    return translate("startup", "crm-desktop: {title}: {text}").format(
        title=explanation.title, text=" ".join(explanation.text.split())
    )


def display_problem(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why no window can be shown here (one sentence), or None.

    On Linux and the BSDs Qt needs an X11 or Wayland display unless ``QT_QPA_PLATFORM``
    names a platform that draws without one (offscreen, minimal, vnc, eglfs, …); an
    explicit ``QT_QPA_PLATFORM`` is respected either way. Windows and macOS always have one.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    requested = [
        name.split(":", 1)[0].strip().lower()
        for name in environ.get("QT_QPA_PLATFORM", "").split(";")
        if name.strip()
    ]
    if any(name in HEADLESS_PLATFORMS for name in requested):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return translate(
        "startup",
        "crm-desktop: no graphical display: start CRM Desktop from a desktop session, or use "
        "--check / --self-test",
    )


def screenshot_platform(environ: dict[str, str] | os._Environ[str] | None = None) -> None:
    """``--screenshot`` draws offscreen where there is no display (and no platform chosen)."""
    environ = os.environ if environ is None else environ
    if not environ.get("QT_QPA_PLATFORM") and display_problem(environ) is not None:
        environ["QT_QPA_PLATFORM"] = "offscreen"


def image_formats() -> list[str]:
    """The file suffixes Qt's image writer can save (png, jpg, webp, …)."""
    from PySide6.QtGui import QImageWriter

    return sorted(bytes(name.data()).decode() for name in QImageWriter.supportedImageFormats())


def screenshot_format(path: Path) -> str | None:
    """The image format a screenshot's name asks for, or None when Qt cannot write it."""
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in image_formats() else None
