"""The app's indexes of a big file, built on a thread of their own after the window is shown.

The first time the app opens a big file that another program made (the backend's, with a
million communications), its indexes take a few seconds to build. Building them before the
window appears would keep the person waiting with nothing on screen; so opening leaves
them to this builder (service.session.index_work()), and the lists work meanwhile, only
slower.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from crm_desktop.service.session import BackgroundWork, index_work

log = logging.getLogger("crm_desktop.ui.indexes")

# How long stopping waits for the build's thread (Ctrl+Q must be immediate).
STOP_WAIT_SECONDS = 0.1


class IndexBuilder(QObject):
    """Builds the open file's pending indexes; ``finished`` (in the GUI thread) says when."""

    finished = Signal()
    # From the worker thread; queued to this object's (the GUI) thread.
    _done = Signal(object, object)  # the work, and its error or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._build: BackgroundWork | None = None
        self._thread: threading.Thread | None = None
        self._done.connect(self._finish)

    @property
    def running(self) -> bool:
        return self._build is not None

    def start(self) -> bool:
        """Start building what the open database lacks; False when it lacks nothing."""
        if self.running:
            return False
        build = index_work()
        if build is None:
            return False
        self._build = build
        self._thread = threading.Thread(
            target=self._run, args=(build,), name="crm-desktop-indexes", daemon=True
        )
        self._thread.start()
        return True

    def stop(self, wait: float = STOP_WAIT_SECONDS) -> None:
        """Interrupt a build (the file is closed or the app quits); it resumes next time.

        Waits at most ``wait`` seconds: SQLite notices the interrupt between rows, but not
        while it sorts a big index's keys (up to a second or two). A build still sorting
        then ends by itself, in its own transaction on its own connection: its index is
        rolled back (or never started), and a quitting app does not wait for it."""
        build, thread = self._build, self._thread
        self._build = self._thread = None
        if build is not None:
            build.stop()
        if thread is not None:
            thread.join(timeout=wait)

    def _run(self, build: BackgroundWork) -> None:
        error: BaseException | None = None
        try:
            build.run()
        except Exception as exc:  # reported in the GUI thread; the app works without them
            error = exc
        self._done.emit(build, error)

    def _finish(self, build: BackgroundWork, error: BaseException | None) -> None:
        if build is not self._build:
            return  # stopped meanwhile
        self._build = self._thread = None
        if error is not None:
            log.warning("Building the indexes failed", exc_info=error)
            return
        log.info("The indexes are built")
        self.finished.emit()
