"""``python -m tests.benchmarks.quit_after MS [crm-desktop options]``: the app as a person
starts it, then its File ▸ Quit (Ctrl+Q) triggered MS milliseconds after the window showed.

Prints ``quit <time.time()>`` as it triggers Quit, so that the parent process measures the
time from there to the process's exit (bench_startup.quit_time)."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

import crm_desktop.app as app


def _quit_later(window: app.MainWindow) -> None:
    QApplication.sendPostedEvents()
    window.repaint()

    def quit_now() -> None:
        action = next(a for a in window.findChildren(QAction) if a.text() == "&Quit")
        print(f"quit {time.time():.6f}", flush=True)
        action.trigger()

    QTimer.singleShot(int(sys.argv[1]), quit_now)


if __name__ == "__main__":
    app.exit_when_shown = _quit_later  # main() calls it once the window has shown
    os.environ[app.EXIT_AFTER_SHOWN] = "1"
    sys.exit(app.main(sys.argv[2:]))
