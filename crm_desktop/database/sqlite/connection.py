"""The app's connection to a SQLite file (APSW's SQLite, through peewee): WAL, a busy
timeout, writes that begin IMMEDIATE and take their turn, and a cheap look for other
programs' commits."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import apsw
import peewee
from playhouse.apsw_ext import APSWDatabase

from crm_desktop.bulk_writes import pacer_for
from crm_desktop.database.interface import BackgroundWork, ChangeWatch
from crm_desktop.database.sqlite.indexes import IndexBuild
from crm_desktop.database.sqlite.search import SqliteSearchIndex, change_log_counter
from crm_desktop.database.tables import database_proxy
from crm_desktop.locations import DatabaseLocation, Kind
from crm_desktop.storage import Storage, StorageKind

# How long a statement waits for another process's lock before it gives up: the backend's
# writes take milliseconds, and the window must not freeze for long behind one.
BUSY_TIMEOUT_SECONDS = 5.0

PRAGMAS: dict[str, object] = {
    # FULL: a committed record survives a power cut, not only a crash.
    "synchronous": "full",
    "cache_size": -8000,  # KiB: a big file's customers table and hot index pages (search)
    "temp_store": "memory",
}


def sqlite_library_version() -> str:
    """The SQLite that the app's connections use (APSW's own, not the system's)."""
    return apsw.sqlite_lib_version()


def switch_to_wal(connection: apsw.Connection, busy_timeout: float) -> None:
    """``PRAGMA journal_mode = wal``, waiting for other programs' locks like any statement.

    WAL: readers never block the backend's writer, and it never blocks ours. The switch takes
    the write lock while already holding a read lock, a step where SQLite does not call its
    busy handler (that could deadlock two upgraders): with another program in the middle of
    a write to a rollback-journal file, the switch fails at once with SQLITE_BUSY. So it is
    retried here, with growing pauses, until ``busy_timeout`` is used up.
    """
    deadline = time.monotonic() + busy_timeout
    pause = 0.001
    while True:
        try:
            connection.execute("PRAGMA journal_mode = wal").fetchall()
            return
        except apsw.BusyError:
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.025)


# playhouse (peewee's extensions) has no type information: its APSWDatabase is Any here.
class CrmDatabase(APSWDatabase):  # type: ignore[misc]
    """The app's connection to one file, with what was learnt while opening it (the
    crm_desktop.database.interface.Database of a file)."""

    def __init__(
        self,
        path: Path,
        *,
        pragmas: bool = True,
        wal: bool = True,
        read_only: bool = False,
        immutable: bool = False,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    ) -> None:
        flags = (
            apsw.SQLITE_OPEN_READONLY
            if read_only
            else (apsw.SQLITE_OPEN_READWRITE | apsw.SQLITE_OPEN_CREATE)
        )
        name = str(path)
        if immutable:
            # A read-only WAL file whose folder cannot hold the -shm index: read it as a
            # snapshot (no locking); the app says that it will not see later changes.
            flags |= apsw.SQLITE_OPEN_URI
            name = f"file:{quote(path.as_posix())}?immutable=1"
        self.wal = wal and pragmas and not read_only
        self.busy_timeout = busy_timeout
        super().__init__(
            name,
            pragmas=PRAGMAS if pragmas and not read_only else (),
            timeout=busy_timeout,
            # Writes begin IMMEDIATE: with two writers in WAL, a deferred transaction that
            # reads and then writes fails at once with "database is locked", whatever the
            # busy timeout.
            lock_type="IMMEDIATE",
            flags=flags,
        )
        self.path = path
        self.pacer = pacer_for(path)
        self.read_only = read_only
        self.read_only_reason = ""
        self.storage = Storage(StorageKind.local)
        self.warnings: list[str] = []
        # The app's indexes still to build (name -> statement): see IndexBuild.
        self.pending_indexes: dict[str, str] = {}
        self._search_index: SqliteSearchIndex | None = None

    @property
    def location(self) -> DatabaseLocation:
        return DatabaseLocation(Kind.sqlite, path=self.path)

    def begin(self, lock_type: str | None = None) -> None:
        # Every write transaction of the app takes its turn (bulk_writes.WritePacer).
        self.pacer.begin()
        super().begin(lock_type)

    def commit(self) -> bool:
        try:
            return bool(super().commit())
        finally:
            self.pacer.end()

    def rollback(self) -> bool:
        try:
            return bool(super().rollback())
        finally:
            self.pacer.end()

    def _initialize_connection(self, conn: apsw.Connection) -> None:
        super()._initialize_connection(conn)
        if self.wal:
            switch_to_wal(conn, self.busy_timeout)

    def checkpoint(self) -> None:
        """A passive WAL checkpoint: copies what it can into the file, waits for nobody, and
        blocks no writer (bulk_writes.BulkWrite runs one between its slices)."""
        if self.wal and not self.read_only:
            with contextlib.suppress(peewee.DatabaseError):
                self.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    @property
    def journal_mode(self) -> str:
        return str(self.execute_sql("PRAGMA journal_mode").fetchone()[0]).lower()

    # --- the engine's side of crm_desktop.database.interface.Database ---------------------

    def another_connection(self) -> CrmDatabase:
        """A writing connection of its own to the same file (for a thread of its own)."""
        return CrmDatabase(self.path, wal=self.storage.wal_safe)

    def change_watch(self) -> ChangeWatch:
        return DataVersionWatch()

    def index_work(self) -> BackgroundWork | None:
        if not self.pending_indexes or self.read_only_reason:
            return None
        return IndexBuild(self)

    def index_ready(self, name: str) -> bool:
        return name not in self.pending_indexes

    def case_insensitive(self, column: peewee.ColumnBase) -> peewee.ColumnBase:
        # SQLite's NOCASE, as the app's name index is made.
        return column.collate("NOCASE")

    def search_index(self) -> SqliteSearchIndex:
        if self._search_index is None:
            self._search_index = SqliteSearchIndex(self)
        return self._search_index


class DataVersionWatch:
    """Tells whether another connection committed to the shared tables since the last look.

    SQLite's ``PRAGMA data_version`` changes only on other connections' commits, costs
    microseconds and reads no table, so the app can ask every second. It has no thread of
    its own: it never wakes the app, and has no attempt to count down to. The app's own
    search index is written on a connection of its own too, in slices, for minutes on a big
    file: so when the file's change log (crm_desktop.database.search) is kept by all its
    triggers, a commit that left the log's counter where it was changed no shared row, and
    is not announced.
    """

    def __init__(self) -> None:
        self._version: int | None = None
        self._logged: int | None = None  # the change log's counter at the last look

    def poll(self) -> bool:
        version = int(database_proxy.execute_sql("PRAGMA data_version").fetchone()[0])
        changed = self._version is not None and version != self._version
        first = self._version is None
        self._version = version
        if changed or first:
            logged = change_log_counter(database_proxy)
            if changed and logged is not None and logged == self._logged:
                changed = False  # only the app's own index moved
            self._logged = logged
        return changed

    def subscribe(self, wake: Callable[[], None] | None) -> None:
        pass

    def retry_in(self) -> float | None:
        return None

    def close(self) -> None:
        pass
