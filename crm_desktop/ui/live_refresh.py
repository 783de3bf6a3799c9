"""Live refresh: what another program writes to the file appears without a click."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from crm_desktop import service
from crm_desktop.ui.events import DataEvents

log = logging.getLogger("crm_desktop.ui.live_refresh")

# Well inside the two seconds in which staff should see the backend's new rows.
POLL_INTERVAL_MS = 700


class DatabaseWatcher(QObject):
    """Asks the database every ``interval`` whether another connection committed; if so,
    tells every view (which re-reads only what it shows and keeps the user's selection)."""

    changed = Signal()

    def __init__(self, events: DataEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events = events
        self._version: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._version = self._read()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def restart(self) -> None:
        """After another database was opened."""
        self.stop()
        self.start()

    def _read(self) -> int | None:
        try:
            return service.change_counter()
        except Exception as exc:  # a vanished drive: say nothing here, the next write will
            log.debug("Polling the database failed: %s", exc)
            return None

    def poll(self) -> bool:
        """Check once now; True if another program changed the data."""
        version = self._read()
        if version is None or version == self._version:
            return False
        changed = self._version is not None
        self._version = version
        if changed:
            self.changed.emit()
            self._events.customers_changed.emit("")
            self._events.comms_changed.emit("")
            self._events.media_changed.emit("")
        return changed
