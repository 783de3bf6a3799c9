"""Hearing of other desktops' changes: a connection and a thread of the desktop's own that
LISTENs, and reconnects with growing pauses while the server cannot be reached."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg

from crm_desktop.database.postgres.errors import connect_failure, connection_error, first_line
from crm_desktop.database.postgres.link import Link, connection_parameters, server_url
from crm_desktop.errors import ServerConnectionError
from crm_desktop.locations import DatabaseLocation

log = logging.getLogger("crm_desktop.database.postgres")

# Other desktops hear of every committed change on this channel (payload: the table).
CHANNEL = "crm_desktop_changes"

# Pauses between reconnection attempts while the server cannot be reached: the first try
# comes at once (a restarted server is often back already), then they grow to a cap.
RETRY_DELAYS_SECONDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)

# How often the listening thread looks up from waiting for notifications (to stop).
LISTEN_SLICE_SECONDS = 0.1


class ChangeListener:
    """Hears of other desktops' changes, on a connection and a thread of its own.

    The thread LISTENs, waits for notifications, and, while the server cannot be reached,
    reconnects with growing pauses (RETRY_DELAYS_SECONDS), keeping ``link`` up to date.
    ``poll()`` (the app's thread) never waits: it says whether another connection committed
    a change since the last poll, or raises ServerConnectionError while the server is away.
    ``subscribe()`` names a function the thread calls when there is news, so that the app
    need not wait for its next poll (it must be safe to call from another thread).
    """

    def __init__(
        self,
        location: DatabaseLocation,
        own_pid: Callable[[], int | None] = lambda: None,
        link: Link | None = None,
    ) -> None:
        self._location = location
        self._own_pid = own_pid  # the app's own writes: the views know of them already
        # Shared with the open database's connections (ServerDatabase.change_watch()), so
        # that they fail at once while this thread knows the server to be away.
        self._link = link or Link()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connection: psycopg.Connection[Any] | None = None
        self._pids: set[int] = set()  # server processes that notified since the last poll
        self._changed = False  # back after a gap: whatever happened meanwhile is unknown
        self._wake: Callable[[], None] | None = None
        self._wake_pending = False
        self.attempts = 0  # connection attempts so far (the first one included)

    @property
    def link(self) -> Link:
        return self._link

    @property
    def listening(self) -> bool:
        with self._lock:
            return self._connection is not None

    def subscribe(self, wake: Callable[[], None] | None) -> None:
        with self._lock:
            self._wake = wake
            self._wake_pending = False

    def retry_in(self) -> float | None:
        """Seconds until the next connection attempt (0 while one runs); None while the
        server can be reached."""
        return self._link.retry_in()

    def poll(self) -> bool:
        """True if another connection committed a change since the last poll (or the
        server came back). Raises ServerConnectionError while it cannot be reached."""
        self._start()
        with self._lock:
            self._wake_pending = False
            pids, self._pids = self._pids, set()
            changed, self._changed = self._changed, False
        problem = self._link.problem
        if problem is not None:
            raise ServerConnectionError(problem.detail, problem.problem)
        own = self._own_pid() if pids else None
        return changed or any(pid != own for pid in pids)

    def close(self) -> None:
        """Stop listening. Waits a moment for the thread; one busy connecting to a server
        that does not answer finishes on its own (it changes nothing after this)."""
        self.subscribe(None)
        with self._lock:  # after this, the thread changes neither the link nor anything else
            self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=4 * LISTEN_SLICE_SECONDS)
        self._link.restored()  # nobody watches now: the app's threads connect as before

    # --- the thread ---

    def _start(self) -> None:
        if self._thread is None and not self._stop.is_set():
            self._thread = threading.Thread(
                target=self._run, name="crm-desktop-listener", daemon=True
            )
            self._thread.start()

    def _connect(self) -> psycopg.Connection[Any]:
        connection = psycopg.connect(
            server_url(self._location), autocommit=True, **connection_parameters(self._location)
        )
        try:
            connection.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            connection.close()
            raise
        return connection

    def _run(self) -> None:
        failures = 0
        ever_connected = False
        while not self._stop.is_set():
            if self._connection is None:
                self._update_link(self._link.attempting)
                self._tell()
                self.attempts += 1
                try:
                    connection = self._connect()
                except psycopg.Error as exc:
                    delay = RETRY_DELAYS_SECONDS[min(failures, len(RETRY_DELAYS_SECONDS) - 1)]
                    failures += 1
                    problem = connect_failure(exc)
                    if failures == 1:
                        log.warning("The server cannot be reached: %s", problem.detail)
                    self._update_link(self._link.lost, problem, time.monotonic() + delay)
                    self._tell()
                    self._stop.wait(delay)
                    continue
                if self._stop.is_set():
                    connection.close()
                    break
                with self._lock:
                    self._connection = connection
                    self._changed = self._changed or ever_connected
                if ever_connected or failures:
                    log.info("The server can be reached again")
                ever_connected, failures = True, 0
                self._update_link(self._link.restored)
                self._tell()
            try:
                self._receive(self._connection)
            except psycopg.Error as exc:
                problem = connection_error(exc) or ServerConnectionError(first_line(exc))
                log.warning("The connection to the server was lost: %s", problem.detail)
                self._drop_connection()
                self._update_link(self._link.lost, problem, time.monotonic())  # try at once
                self._tell()
        self._drop_connection()

    def _update_link(self, change: Callable[..., None], *args: Any) -> None:
        with self._lock:  # never after close(): the app's threads then connect as before
            if not self._stop.is_set():
                change(*args)

    def _receive(self, connection: psycopg.Connection[Any]) -> None:
        for notification in connection.notifies(timeout=LISTEN_SLICE_SECONDS):
            with self._lock:
                if len(self._pids) < 1000:  # a burst: the views re-read once anyway
                    self._pids.add(notification.pid)
            self._tell()

    def _tell(self) -> None:
        """Wake the app's thread (once until it polls): something changed."""
        with self._lock:
            if self._wake is None or self._wake_pending or self._stop.is_set():
                return
            self._wake_pending = True
            wake = self._wake
        with contextlib.suppress(RuntimeError):  # a window that closed meanwhile
            wake()

    def _drop_connection(self) -> None:
        with self._lock:
            connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.close()
