"""Slow work of a drop (scanning, copying, writing) on a worker thread, told back by signals.

The GUI thread stays free to paint and to take a click on Cancel. Each job gets a
``threading.Event`` to cancel it and a ``report`` callback whose calls reach the GUI thread
as ``progress`` signals, at most every ``PROGRESS_INTERVAL`` seconds (a 10,000-file drop
would otherwise queue 10,000 repaints).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from crm_desktop.service.session import release_thread_connection
from crm_desktop.ui.garbage import objects_set_aside

log = logging.getLogger("crm_desktop.ui.drops")

PROGRESS_INTERVAL = 0.05

Work = Callable[[threading.Event, Callable[[Any], None]], Any]


class _Relay(QObject):
    """Lives in the GUI thread: signals emitted by the worker arrive there queued."""

    progress = Signal(object)
    finished = Signal(object)  # the work's result
    failed = Signal(object)  # the exception (Cancelled when cancelled)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, work: Work, cancel: threading.Event) -> None:
        super().__init__()
        self._relay = relay
        self._work = work
        self._cancel = cancel
        self._last = 0.0

    def _report(self, value: Any) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._emit(self._relay.progress, value)

    def run(self) -> None:
        try:
            with objects_set_aside():
                result = self._work(self._cancel, self._report)
        except Exception as exc:  # never let a worker thread die with a traceback
            self._emit(self._relay.failed, exc)
        else:
            self._emit(self._relay.finished, result)
        finally:
            release_thread_connection()

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        # A RuntimeError says the relay is gone (its dialog closed): nobody waits any more.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class Worker(QObject):
    """Runs one job at a time on its own thread; ``cancel()`` asks it to stop."""

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progress)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._cancel = threading.Event()
        self._busy = False

    @property
    def busy(self) -> bool:
        """True from start() until finished or failed has been emitted."""
        return self._busy

    def start(self, work: Work) -> None:
        if self._busy:
            raise RuntimeError("a drop job is already running")
        self._busy = True
        self._cancel = threading.Event()
        self._pool.start(_Job(self._relay, work, self._cancel))

    def cancel(self) -> None:
        self._cancel.set()

    def shutdown(self) -> None:
        """Cancel and wait for the running job (before the owner goes away)."""
        self._cancel.set()
        self._pool.waitForDone()
        self._busy = False

    def _progress(self, value: Any) -> None:
        if self._busy:
            self.progress.emit(value)

    def _finished(self, result: Any) -> None:
        if self._busy:
            self._busy = False
            self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if self._busy:
            self._busy = False
            self.failed.emit(exc)
