"""The search index of the open database, built and kept current on a thread of its own.

The first time the app opens a big file (the backend's, with a million communications),
its search index takes a few minutes to build; meanwhile the window works, search reads
the rows the index does not hold yet, and the status bar shows how far it is. Afterwards
the index only follows what other programs change: the live-refresh watcher pokes this
worker at every look (every 0.7 s), and the worker applies the change log in short write
slices (service.search_index_work). Stopping (another file opened, the app quitting)
interrupts the running statement: what was committed stays, the rest follows next time.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from crm_desktop.service.search import IndexWork, Progress, SearchKind

log = logging.getLogger("crm_desktop.ui.search_index")

# The worker starts this long after the window asked (a start, another file opened): the
# window's first paint and its first pages come first.
START_DELAY_MS = 1000

# How long a stop waits for the worker: it notices within a statement or a step (a few
# tens of ms); a quitting app does not wait longer (the thread is a daemon, and what it
# committed is complete: a step is one transaction's part).
STOP_WAIT_SECONDS = 0.1


class SearchIndexer(QObject):
    """Runs the open database's IndexWork whenever poke()d, on a thread of its own.

    ``progress`` (indexed, total, complete) comes while a build goes on, and once at its
    end; ``customers_changed`` when the customer list's keys changed (the list re-reads).
    """

    progress = Signal(int, int, bool)
    customers_changed = Signal()
    # From the worker thread, queued to this object's (the GUI) thread.
    _progressed = Signal(object)
    _applied = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work: IndexWork | None = None
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._quit = threading.Event()
        self._building = False
        self._customers_ready = False
        self._starting = QTimer(self)
        self._starting.setSingleShot(True)
        self._starting.timeout.connect(self._begin)
        self._progressed.connect(self._show_progress)
        self._applied.connect(self._tell_applied)

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def building(self) -> bool:
        """Whether the index is still being built (the status bar says so)."""
        return self._building

    def start(self) -> None:
        """Start working on the database that is open now, in a moment (nothing happens
        for a read-only file, which cannot be updated here)."""
        self.stop()
        self._starting.start(START_DELAY_MS)

    def _begin(self) -> bool:
        # (Imported here: searching is not needed while the window starts.)
        from crm_desktop.service.search import search_index_work

        work = search_index_work(self._progressed.emit, self._applied.emit)
        if work is None:
            return False
        self._work = work
        self._wake = threading.Event()
        self._quit = threading.Event()
        self._wake.set()  # a first round at once: the change log since the last session
        self._thread = threading.Thread(
            target=self._run,
            args=(work, self._wake, self._quit),
            name="crm-desktop-search-index",
            daemon=True,
        )
        self._thread.start()
        return True

    def poke(self) -> None:
        """Look at the change log soon (the live-refresh watcher's every look)."""
        if self._thread is not None:
            self._wake.set()

    def stop(self, wait: float = STOP_WAIT_SECONDS) -> None:
        """Stop working (the file is closed, the app quits): the running statement is
        interrupted; the rest is done next time. Waits at most ``wait`` seconds."""
        self._starting.stop()
        work, thread = self._work, self._thread
        self._work = self._thread = None
        self._building = False
        self._quit.set()
        self._wake.set()
        if work is not None:
            work.stop()
        if thread is not None:
            thread.join(timeout=wait)

    def _run(self, work: IndexWork, wake: threading.Event, quit_: threading.Event) -> None:
        try:
            while not quit_.is_set():
                wake.wait()
                wake.clear()
                if quit_.is_set():
                    break
                try:
                    work.run()
                except Exception:  # logged; the app works without an index, only slower
                    log.exception("Updating the search index failed")
                    quit_.wait(5.0)  # not again at once (a broken file, a server away)
        finally:
            work.release()

    def _show_progress(self, done: Progress) -> None:
        if self._work is None:
            return  # stopped meanwhile
        self._building = not done.complete
        self.progress.emit(done.indexed, done.total, done.complete)
        ready = any(kind.value == "customer" for kind in done.ready)
        if ready and not self._customers_ready:
            self.customers_changed.emit()  # the list now goes by its keys
        self._customers_ready = ready

    def _tell_applied(self, kinds: frozenset[SearchKind]) -> None:
        if self._work is not None and any(kind.value == "customer" for kind in kinds):
            self.customers_changed.emit()
