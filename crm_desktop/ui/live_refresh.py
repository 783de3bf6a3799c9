"""Live refresh: what another program writes appears without a click; a lost database shows.

On a file, SQLite's ``PRAGMA data_version`` says whether another connection committed; the
watcher asks every ``POLL_INTERVAL_MS`` (cheap when nothing changed). On an office server,
PostgreSQL notifies every change to a listening thread (crm_desktop.database.postgres), which wakes
the watcher at once and reconnects by itself, with growing pauses, while the server is
away: nothing here waits for the network. On a change the watcher tells every view, which
re-reads only what it shows and keeps the user's selection. When the database cannot be
reached it says so once (and, for a server, when it tries next), and again when it is back.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from crm_desktop.errors import ServerConnectionError, explain
from crm_desktop.service.session import ChangeWatch, reconnect, watch_changes
from crm_desktop.ui.events import DataEvents

log = logging.getLogger("crm_desktop.ui.live_refresh")

# Well inside the two seconds in which staff should see the backend's new rows.
POLL_INTERVAL_MS = 700
# While offline: often enough for a countdown that moves each second.
OFFLINE_POLL_INTERVAL_MS = 250


class _Wakeup(QObject):
    """Carries the listening thread's "there is news" over to the GUI thread."""

    news = Signal()


class DatabaseWatcher(QObject):
    changed = Signal()
    # At every look that reached the database, changed or not (the search index's worker
    # follows the change log from here).
    polled = Signal()
    offline = Signal(str)  # why, in words
    online = Signal()
    # While a server is away: whole seconds until the next attempt (0: one runs now).
    retrying = Signal(int)

    def __init__(self, events: DataEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events = events
        self._watch: ChangeWatch | None = None
        self._offline = False
        self._retry_seconds: int | None = None
        self._wakeup = _Wakeup(self)
        self._wakeup.news.connect(self.poll, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll)

    @property
    def is_offline(self) -> bool:
        return self._offline

    def start(self) -> None:
        """Watch the database that is open now."""
        self.stop()
        self._watch = watch_changes()
        # A server's listening thread wakes the watcher at once (a file's watch never does).
        self._watch.subscribe(self._wakeup.news.emit)
        self._offline = False
        try:
            self._watch.poll()  # the starting point: nothing is announced for it
        except Exception as exc:
            self._went_offline(exc)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._watch is not None:
            self._watch.subscribe(None)
            self._watch.close()
            self._watch = None

    def restart(self) -> None:
        """After another database was opened."""
        self.start()

    def poll(self) -> bool:
        """Look once now; True if another program changed the data (or it came back)."""
        if self._watch is None:
            return False
        try:
            changed = self._watch.poll()
        except Exception as exc:  # unreachable: say it once, keep asking
            self._went_offline(exc)
            return False
        self.polled.emit()
        if self._offline:
            self._offline = False
            self._retry_seconds = None
            self._timer.setInterval(POLL_INTERVAL_MS)
            log.info("The database can be reached again")
            reconnect()  # the app's own connection may have died meanwhile
            self.online.emit()
            changed = True  # whatever happened meanwhile is unknown: re-read
        if changed:
            self.changed.emit()
            self._events.customers_changed.emit("")
            self._events.comms_changed.emit("")
            self._events.media_changed.emit("")
        return changed

    def _went_offline(self, exc: Exception) -> None:
        if not self._offline:
            self._offline = True
            log.warning("The database cannot be reached: %s", exc)
            self.offline.emit(_offline_reason(exc))
        retry_in = self._watch.retry_in() if self._watch is not None else None
        if retry_in is not None:
            # A server's: only a flag to read, so a countdown may move every second (a file's
            # poll may wait for a vanished drive, and keeps its pace).
            self._timer.setInterval(OFFLINE_POLL_INTERVAL_MS)
            seconds = math.ceil(retry_in)
            if seconds != self._retry_seconds:
                self._retry_seconds = seconds
                self.retrying.emit(seconds)


def _offline_reason(exc: Exception) -> str:
    """Why, for the banner: the explanation's title (its text is about a failed action,
    "nothing was saved"), or the whole of it for a full server (what to do about it)."""
    explanation = explain(exc)
    if isinstance(exc, ServerConnectionError) and exc.full:
        return explanation.text
    return f"{explanation.title}."
