"""Live refresh: what another program writes appears without a click; a lost database shows.

On a file, SQLite's ``PRAGMA data_version`` says whether another connection committed; on
an office server, PostgreSQL notifies every change. Either way the watcher asks every
``POLL_INTERVAL_MS`` (cheap when nothing changed) and, on a change, tells every view, which
re-reads only what it shows and keeps the user's selection. When the database cannot be
reached (a server restarting, a network drop, a vanished drive) it says so once, keeps
asking, and says so again when it is back.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from crm_desktop.errors import explain
from crm_desktop.service.connection import ChangeWatch, change_watch, reset_connection
from crm_desktop.ui.events import DataEvents

log = logging.getLogger("crm_desktop.ui.live_refresh")

# Well inside the two seconds in which staff should see the backend's new rows.
POLL_INTERVAL_MS = 700


class DatabaseWatcher(QObject):
    changed = Signal()
    offline = Signal(str)  # why, in words
    online = Signal()

    def __init__(self, events: DataEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events = events
        self._watch: ChangeWatch | None = None
        self._offline = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll)

    @property
    def is_offline(self) -> bool:
        return self._offline

    def start(self) -> None:
        """Watch the database that is open now."""
        self.stop()
        self._watch = change_watch()
        self._offline = False
        try:
            self._watch.poll()  # the starting point: nothing is announced for it
        except Exception as exc:
            self._offline = True
            self.offline.emit(explain(exc).text)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._watch is not None:
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
            if not self._offline:
                self._offline = True
                log.warning("The database cannot be reached: %s", exc)
                self.offline.emit(explain(exc).text)
            return False
        if self._offline:
            self._offline = False
            log.info("The database can be reached again")
            reset_connection()  # the app's own connection may have died meanwhile
            self.online.emit()
            changed = True  # whatever happened meanwhile is unknown: re-read
        if changed:
            self.changed.emit()
            self._events.customers_changed.emit("")
            self._events.comms_changed.emit("")
            self._events.media_changed.emit("")
        return changed
