"""What both of a desktop's connections to the server share: how they connect (named,
with keepalives and a timeout) and what is known about the server's reachability."""

from __future__ import annotations

import getpass
import threading
import time
import unicodedata
from typing import Any

from crm_desktop.errors import ServerConnectionError
from crm_desktop.locations import DatabaseLocation, server_parameters

# How long to wait for the server before saying it cannot be reached (unless the address
# sets connect_timeout itself).
CONNECT_TIMEOUT_SECONDS = 5

# TCP keepalives, so that a connection whose server vanished from the network (no reset
# ever arrives) is noticed in about 25 s instead of the system's two hours.
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}


def application_name() -> str:
    """How the server lists this desktop's connections (pg_stat_activity): "CRM Desktop -
    <login>". ASCII only: PostgreSQL shows other characters of an application_name as
    question marks (15) or escapes (16+)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment or the user database
        user = "unknown"
    plain = unicodedata.normalize("NFKD", user).encode("ascii", "ignore").decode("ascii")
    return f"CRM Desktop - {plain or 'unknown'}"[:63]  # the server keeps 63 bytes


def server_url(location: DatabaseLocation) -> str:
    """The address as libpq takes it (postgres:// and postgresql:// mean the same)."""
    return "postgresql://" + location.url.split("://", 1)[1]


def connection_parameters(location: DatabaseLocation) -> dict[str, Any]:
    """psycopg.connect()'s keywords besides the address: the app's defaults for what the
    address does not set itself (an administrator's ``?application_name=…`` wins)."""
    given = server_parameters(server_url(location))
    defaults: dict[str, Any] = {
        "application_name": application_name(),
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        **KEEPALIVES,
    }
    return {key: value for key, value in defaults.items() if key not in given}


class Link:
    """What the listening thread last found out about the server: reachable, or not (why,
    and when it tries next). The app's threads read it, to fail at once while the server is
    known to be away instead of each waiting for a connection attempt of its own."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._problem: ServerConnectionError | None = None
        self._next_attempt: float | None = None  # time.monotonic(); None: trying now

    @property
    def problem(self) -> ServerConnectionError | None:
        with self._lock:
            return self._problem

    def retry_in(self) -> float | None:
        """Seconds until the next attempt (0 while one runs); None while reachable."""
        with self._lock:
            if self._problem is None:
                return None
            if self._next_attempt is None:
                return 0.0
            return max(0.0, self._next_attempt - time.monotonic())

    def lost(self, problem: ServerConnectionError, next_attempt: float) -> None:
        with self._lock:
            self._problem, self._next_attempt = problem, next_attempt

    def attempting(self) -> None:
        with self._lock:
            self._next_attempt = None

    def restored(self) -> None:
        with self._lock:
            self._problem, self._next_attempt = None, None
