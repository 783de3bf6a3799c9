"""``crm-desktop --self-test``: checks a built or installed app without a person.

It makes a database in a temporary folder, creates, reads, updates and deletes a customer,
a communication and a media record through the service, builds the main window offscreen
and checks that the customer list, the timeline and the media view show the data. The
result goes to a plain-text report file and, when there is one, to the console: a windowed
build on Windows has no console, so the exit code and the file are what a script reads.
"""

from __future__ import annotations

import functools
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import apsw
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QImageReader
from PySide6.QtWidgets import QAbstractItemView, QApplication

from crm_desktop import APP_DISPLAY_NAME, __version__, i18n, paths, service
from crm_desktop.database import close_db, init_db
from crm_desktop.errors import NotFoundError
from crm_desktop.settings import Settings
from crm_desktop.ui import icons
from crm_desktop.ui.application import application, create_main_window
from crm_desktop.ui.prompts import Prompts

REPORT_NAME = "self-test-report.txt"
# APSW bundles its own SQLite; 3.51.3 fixed a WAL corruption with concurrent writers.
MIN_SQLITE = (3, 51, 3)
# What the icons and the media panel's thumbnails need from Qt's image format plugins.
IMAGE_FORMATS = ("png", "jpeg", "gif", "ico", "svg", "webp", "tiff")
WAIT_SECONDS = 10.0

CUSTOMER = {"name": "Self-Test Kunde GmbH", "email": "selftest@example.com"}
COMM_SUBJECT = "Self-test call"
# The first menu of the main window in each language the app ships.
TRANSLATED_MENUS = {"en": "File", "de": "Datei"}
MEDIA_FILENAME = "self-test-photo.jpg"


class CheckError(Exception):
    """A check found something wrong; the message says what."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckError(message)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, CheckError):
        return str(exc)
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    place = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{place}"


@dataclass
class Results:
    lines: list[str] = field(default_factory=list)
    failed: int = 0

    def add(self, passed: bool, name: str, detail: str) -> None:
        self.lines.append(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}")
        self.failed += not passed

    def run(self, name: str, check: Callable[[], str]) -> bool:
        """Run one check; any exception is a failure with its reason, never a crash."""
        try:
            detail = check()
        except Exception as exc:
            self.add(False, name, _describe(exc))
            return False
        self.add(True, name, detail)
        return True


class RecordingPrompts(Prompts):
    """Prompts that never open a dialog: an error the window shows becomes a failed check."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, parent: Any, exc: BaseException) -> None:
        self.errors.append(_describe(exc))

    def inform(self, parent: Any, title: str, text: str) -> None:
        pass

    def confirm(self, parent: Any, title: str, text: str, action: str) -> bool:
        return False

    def choose(self, parent: Any, title: str, text: str, options: list[str]) -> int:
        return -1


class SelfTest:
    """The checks; each returns what it saw or raises saying what is wrong."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db_path = folder / "self-test.sqlite3"
        self.customer_id = ""
        self.comm_id = ""
        self.media_id = ""

    # --- what the bundle carries ----------------------------------------------------------

    def check_sqlite(self) -> str:
        version = apsw.sqlite_lib_version()
        numbers = tuple(int(part) for part in version.split(".")[:3])
        expect(numbers >= MIN_SQLITE, f"SQLite {version} is older than 3.51.3")
        return f"SQLite {version} (APSW {apsw.apsw_version()})"

    def check_resources(self) -> str:
        folder = paths.resources_dir()
        expect((folder / "styles" / "app.qss").is_file(), f"no styles/app.qss in {folder}")
        missing = [
            s for s in sorted(icons.all_stems()) if not (folder / "icons" / f"{s}.svg").exists()
        ]
        expect(not missing, f"icons missing from {folder}: {', '.join(missing)}")
        expect(not icons.app_icon().pixmap(32, 32).isNull(), "the app icon (SVG) does not render")
        expect(not icons.icon("add").pixmap(16, 16).isNull(), "an action icon does not render")
        return f"icons and style sheet in {folder}"

    def check_image_formats(self) -> str:
        known = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
        missing = [name for name in IMAGE_FORMATS if name not in known]
        expect(not missing, f"Qt cannot read {', '.join(missing)} (image format plugins missing)")
        return f"Qt reads {', '.join(IMAGE_FORMATS)}"

    # --- the service ----------------------------------------------------------------------

    def check_server_driver(self) -> str:
        """The office-server driver (and its libpq) loads, as opening a server would. The
        installers ship it; a pip install has it only with the postgres extra."""
        try:
            import psycopg
        except ImportError:
            expect(not getattr(sys, "frozen", False), "the installer lacks the psycopg driver")
            return "not installed (optional: pip install 'crm-desktop[postgres]')"
        return f"psycopg {psycopg.__version__}, libpq {psycopg.pq.version()}"

    def check_database(self) -> str:
        init_db(self.db_path)
        expect(self.db_path.is_file(), f"{self.db_path} was not created")
        return f"created {self.db_path}"

    def check_customer(self) -> str:
        created = service.create_customer(CUSTOMER)
        self.customer_id = created.id
        expect(service.get_customer(created.id).name == CUSTOMER["name"], "read back differs")
        updated = service.update_customer(created.id, {"organization": "Self-Test AG"})
        expect(updated.organization == "Self-Test AG", "the update was not kept")
        found = [c.id for c in service.list_customers(search="Self-Test")]
        expect(found == [created.id], f"the search found {found}")
        return "created, read, updated, found by search"

    def check_comm(self) -> str:
        created = service.create_comm(
            {
                "customer_id": self.customer_id,
                "type": "call",
                "direction": "inbound",
                "subject": "Draft",
                "body": "Asked about the offer.",
                "logged_by": "self-test",
            }
        )
        self.comm_id = created.id
        expect(service.get_comm(created.id).body == "Asked about the offer.", "read back differs")
        updated = service.update_comm(created.id, {"subject": COMM_SUBJECT})
        expect(updated.subject == COMM_SUBJECT, "the update was not kept")
        listed = [c.id for c in service.list_comms(self.customer_id)]
        expect(listed == [created.id], f"the customer's list holds {listed}")
        return "created, read, updated, listed"

    def check_media(self) -> str:
        created = service.create_media(
            {
                "customer_id": self.customer_id,
                "filename": MEDIA_FILENAME,
                "nextcloud_path": f"/CRM/Self-Test/{MEDIA_FILENAME}",
                "mime_type": "image/jpeg",
                "direction": "received",
                "uploaded_by": "self-test",
            }
        )
        self.media_id = created.id
        expect(service.get_media(created.id).filename == MEDIA_FILENAME, "read back differs")
        updated = service.update_media_tags(created.id, ["self-test", "photo"])
        expect(updated.tags == ["self-test", "photo"], f"the tags are {updated.tags}")
        listed = [m.id for m in service.list_media(customer_id=self.customer_id)]
        expect(listed == [created.id], f"the customer's list holds {listed}")
        return "created, read, tags updated, listed"

    def check_dossier(self) -> str:
        """The customer's dossier as PDF and CSV, as Customer ▸ Export… writes them: the
        PDF's text needs fonts (DejaVu Sans on Linux, which the .deb depends on) and the
        print preview needs QtPrintSupport in the bundle."""
        from PySide6.QtPrintSupport import QPrinter

        from crm_desktop.ui.dossier.export import export_dossier
        from crm_desktop.ui.dossier.text import DossierRequest

        request = DossierRequest(self.customer_id)
        pdf = export_dossier(request, self.folder / "dossier.pdf", self.db_path.name)
        data = pdf.path.read_bytes()
        expect(data.startswith(b"%PDF") and pdf.pages == 1, f"the PDF has {pdf.pages} pages")
        expect(b"/FontFile2" in data, "the PDF embeds no font: its text would not show")
        if sys.platform.startswith("linux"):
            expect(b"DejaVuSans" in data, "the PDF is not set in DejaVu Sans (fonts-dejavu-core)")
        csv = export_dossier(request, self.folder / "dossier.csv", self.db_path.name)
        text = csv.path.read_text(encoding="utf-8-sig")
        expect(COMM_SUBJECT in text, "the CSV lacks the communication")
        QPrinter(QPrinter.PrinterMode.HighResolution)
        return f"PDF ({len(data):,} bytes, fonts embedded) and CSV written; printing loads"

    def check_main_window(self) -> str:
        close_db()  # the window opens the file itself, as the app does
        qsettings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        prompts = RecordingPrompts()
        window = create_main_window(self.db_path, Settings(qsettings), prompts)
        try:
            # Laid out and painted like a shown window, but never put on a real screen.
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
            window.resize(1200, 800)
            window.show()
            expect(window.customers.select_customer(self.customer_id), "customer not selectable")
            for name, text in (
                ("customerList", CUSTOMER["name"]),
                ("commsTimeline", COMM_SUBJECT),
                ("mediaView", MEDIA_FILENAME),
            ):
                view = window.findChild(QAbstractItemView, name)
                if view is None:
                    raise CheckError(f"no view named {name}")
                _wait_for(functools.partial(_shows, view, text))
                expect(_shows(view, text), f"{name} does not show {text!r}")
                expect(view.isVisible(), f"{name} is not visible")
            expect(not window.grab().isNull(), "the window does not render")
            expect(not prompts.errors, f"the window reported errors: {'; '.join(prompts.errors)}")
            menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()
        return (
            "customerList, commsTimeline and mediaView show the records; "
            f"menus in the system's language: {', '.join(menus)}"
        )

    def check_translations(self) -> str:
        """Every language the app ships: its catalogue and Qt's own load, and the main
        window's menus are in it (German: "Datei", not "File")."""
        app = QCoreApplication.instance()
        assert app is not None
        seen = []
        try:
            for language in i18n.available_languages():
                expect(
                    i18n.install_translations(app, language) == language,
                    f"the {language} catalogue does not load from {i18n.translations_dir()}",
                )
                menus = self._menus()
                if language in TRANSLATED_MENUS:
                    expect(
                        menus[0] == TRANSLATED_MENUS[language],
                        f"the {language} menus read {', '.join(menus)}",
                    )
                if language != "en":
                    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
                    expect(cancel != "Cancel", f"Qt's own {language} words do not load")
                seen.append(f"{language}: {', '.join(menus)}")
        finally:
            i18n.install_translations(app, Settings().language)
        expect("de" in i18n.available_languages(), "the German catalogue is not in the bundle")
        return "; ".join(seen)

    def _menus(self) -> list[str]:
        close_db()
        qsettings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        window = create_main_window(self.db_path, Settings(qsettings), RecordingPrompts())
        try:
            return [action.text().replace("&", "") for action in window.menuBar().actions()]
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()

    def check_delete(self) -> str:
        close_db()
        init_db(self.db_path)
        service.delete_media(self.media_id)
        service.delete_comm(self.comm_id)
        service.delete_customer(self.customer_id)
        for kind, read, record_id in (
            ("media record", service.get_media, self.media_id),
            ("communication", service.get_comm, self.comm_id),
            ("customer", service.get_customer, self.customer_id),
        ):
            try:
                read(record_id)
            except NotFoundError:
                continue
            raise CheckError(f"the {kind} is still there after delete")
        expect(service.count_customers() == 0, "customers are left in the database")
        return "media record, communication and customer deleted"


def _shows(view: QAbstractItemView, text: str) -> bool:
    """True when a row of the view's model shows ``text`` in some column."""
    model = view.model()
    if model is None:
        return False
    for row in range(min(model.rowCount(), 500)):
        for column in range(model.columnCount()):
            if text in str(model.index(row, column).data() or ""):
                return True
    return False


def _wait_for(condition: Callable[[], bool]) -> None:
    """Let Qt run (layouts, queued loads) until ``condition`` holds or time runs out."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _use_offscreen_without_display() -> None:
    """Without a screen (a server, a CI root) Qt must draw offscreen, or it aborts."""
    if QApplication.instance() is not None or sys.platform in ("win32", "darwin"):
        return
    if not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def default_report_path() -> Path:
    """Next to the app's log, in the per-user data folder."""
    return paths.data_dir() / REPORT_NAME


def _header() -> list[str]:
    kind = "bundle" if getattr(sys, "frozen", False) else "Python package"
    started = datetime.now().isoformat(timespec="seconds")
    return [
        f"{APP_DISPLAY_NAME} {__version__} self-test, {started}",
        f"Running from: {kind} ({sys.executable})",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}, "
        f"SQLite {apsw.sqlite_lib_version()} (APSW)",
        f"System: {platform.platform()}, Qt platform: {QGuiApplication.platformName()}",
        "",
    ]


def _run_checks(folder: Path) -> Results:
    results = Results()
    test = SelfTest(folder)
    for name, check in (
        ("SQLite", test.check_sqlite),
        ("Resources", test.check_resources),
        ("Image formats", test.check_image_formats),
        ("Office-server driver", test.check_server_driver),
    ):
        results.run(name, check)
    # Each data step needs the ones before it; the window and the deletes need them all.
    steps = [
        ("Database", test.check_database),
        ("Customer create/read/update", test.check_customer),
        ("Communication create/read/update", test.check_comm),
        ("Media create/read/update", test.check_media),
    ]
    later = [
        ("Dossier export", test.check_dossier),
        ("Main window", test.check_main_window),
        ("Translations", test.check_translations),
        ("Delete", test.check_delete),
    ]
    for position, (name, check) in enumerate(steps):
        if not results.run(name, check):
            for skipped, _ in [*steps[position + 1 :], *later]:
                results.add(False, skipped, f"not run, because {name} failed")
            return results
    for name, check in later:
        results.run(name, check)
    return results


def run_self_test(report: Path | None = None) -> int:
    """Run every check and write the report; 0 when all passed and the report was written."""
    _use_offscreen_without_display()
    application()  # the app's own styled QApplication, or the one that already runs
    with tempfile.TemporaryDirectory(
        prefix="crm-desktop-self-test-", ignore_cleanup_errors=True
    ) as folder:
        try:
            results = _run_checks(Path(folder))
        finally:
            close_db()  # before the folder goes: Windows cannot delete an open file

    verdict = "PASSED" if results.failed == 0 else f"FAILED ({results.failed} check(s))"
    text = "\n".join([*_header(), *results.lines, "", f"Self-test {verdict}", ""])
    report = report or default_report_path()
    written = True
    try:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(text, encoding="utf-8")
        text += f"Report written to {report}\n"
    except OSError as exc:
        written = False
        text += f"Could not write the report to {report}: {exc}\n"
    stream = sys.stdout or sys.stderr  # both None in a windowed Windows build
    if stream is not None:
        stream.write(text)
        stream.flush()
    return 0 if results.failed == 0 and written else 1
