"""The README's picture of global search: the main window with the demo data at a 1366x768
laptop's size, "wartung" typed into the search field and its results below it.

    .venv/bin/python -m tests.screenshots.global_search resources/screenshots/global-search.png

Offscreen (``QT_QPA_PLATFORM=offscreen`` is set for you), on a demo database in a temporary
folder: nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

_SCREEN = Path(tempfile.gettempdir()) / "crm-shot-screen-1366x768.json"
_SCREEN.write_text(
    '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,'
    ' "logicalDpi": 96, "dpr": 1}]}'
)
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--text", default="wartung", help="what is typed (default: wartung)")
    parser.add_argument("--size", default="1366x768", help="the window's size")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtTest import QTest

    from crm_desktop.app import create_main_window
    from crm_desktop.database import close_db
    from crm_desktop.demo import ensure_demo_database
    from crm_desktop.locations import parse_location
    from crm_desktop.settings import Settings
    from crm_desktop.ui.application import application
    from tests.helpers.prompts import ScriptedPrompts

    app = application()
    width, height = (int(part) for part in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="crm-shot-") as temporary:
        folder = Path(temporary)
        ensure_demo_database(folder / "demo.sqlite3")
        close_db()
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        window = create_main_window(
            parse_location(folder / "demo.sqlite3"), settings, ScriptedPrompts()
        )
        window.resize(width, height)
        window.show()
        window.activateWindow()
        window.customers.select_first()
        search = window.global_search
        search.focus_action.trigger()
        QTest.keyClicks(search.field, args.text)
        deadline = time.monotonic() + 30
        while (search.searching or not search.popup.isVisible()) and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        QTest.keyClick(search.field, Qt.Key.Key_Down)  # the second hit chosen, as a person would
        for _ in range(20):
            QCoreApplication.processEvents()
        saved = window.grab().save(str(args.output))
        window.close()
        close_db()
    del app
    if not saved:
        print(f"could not save {args.output}", file=sys.stderr)
        return 1
    print(f"saved {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
