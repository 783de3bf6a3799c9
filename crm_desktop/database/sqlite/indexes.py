"""The app's indexes on a file: made with the tables, or, on a big file that another program
made, built later on a thread of their own, in slices the backend's writes fit between."""

from __future__ import annotations

import functools
from typing import Protocol

import peewee

from crm_desktop.bulk_writes import BulkWrite, BulkWriteStopped
from crm_desktop.database.sqlite import search
from crm_desktop.database.tables import INDEX_DDL, TABLE_DDL, index_name

# A file with more rows than this that lacks some of the app's indexes (a big file the app
# opens for the first time) gets them built on a thread after the window is shown, rather
# than while the person waits for the window; the app works without them, only slower.
BACKGROUND_INDEX_ROWS = 100_000


class IndexedFile(Protocol):
    """What IndexBuild needs of an open file (crm_desktop.database.sqlite.CrmDatabase)."""

    # The app's indexes still to build (name -> statement).
    pending_indexes: dict[str, str]

    def another_connection(self) -> peewee.Database:
        """A connection of its own to the same file, for a writer on another thread."""
        ...


def create_missing(db: peewee.Database) -> dict[str, str]:
    """Create missing tables, and the app's missing indexes unless the file is big; returns
    the indexes left to build (IndexBuild, once the window shows)."""
    db.connect()
    with db.atomic():
        for ddl in TABLE_DDL.values():
            db.execute_sql(ddl)
        # The change log with its triggers, and the search index (sqlite.search).
        search.install(db)
        present = {
            row[0]
            for row in db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
            ).fetchall()
        }
        missing = {index_name(ddl): ddl for ddl in INDEX_DDL if index_name(ddl) not in present}
        if missing and _rows_about(db) > BACKGROUND_INDEX_ROWS:
            return missing
        for ddl in missing.values():
            db.execute_sql(ddl)
    return {}


def _rows_about(db: peewee.Database) -> int:
    """Roughly how many rows the tables hold: their largest rowids (no table is read), or a
    count for a table that another program made without rowids."""
    total = 0
    for table in TABLE_DDL:
        try:
            rows = db.execute_sql(f"SELECT MAX(rowid) FROM {table}").fetchone()[0]
        except peewee.OperationalError:
            rows = db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        total += int(rows or 0)
    return total


class IndexBuild:
    """Builds the app's indexes that an open file still lacks (``db.pending_indexes``).

    ``run()`` is for a thread of its own, with a connection of its own: reading goes on
    meanwhile (WAL), and the indexes are built through BulkWrite, one per transaction with
    room between them, so that the backend's writes wait at most for the largest one (about
    1.5 s for a million communications), never for the whole build. ``stop()`` (from any
    thread) interrupts it; the index being built is rolled back, the others stay, and what
    is missing is built on the next start. ``built`` names the indexes in place; once all
    are, they leave ``db.pending_indexes``.
    """

    def __init__(self, db: IndexedFile) -> None:
        self.db = db
        self._statements = dict(db.pending_indexes)
        self._bulk: BulkWrite | None = None
        self._stopped = False
        self.built: list[str] = []
        self.longest_index_seconds = 0.0  # the longest CREATE INDEX (for the benchmarks)

    def run(self) -> None:
        if self._stopped:
            return
        builder = self.db.another_connection()
        bulk = self._bulk = BulkWrite(builder)
        names = list(self._statements)
        try:
            builder.connect()
            # Sorting a million keys in memory (the app's temp_store) takes twice as long as
            # SQLite's own temporary files: the longest CREATE INDEX, which other programs
            # may have to wait for, goes from ~2.7 s to ~1.2 s here.
            builder.execute_sql("PRAGMA temp_store = file")
            if self._stopped:
                return
            bulk.run(
                (functools.partial(builder.execute_sql, ddl) for ddl in self._statements.values()),
                steps_per_slice=1,
            )
        except BulkWriteStopped:
            return
        else:
            for name in names:  # all built: the lists may use them now
                self.db.pending_indexes.pop(name, None)
        finally:
            self.built = names[: bulk.committed]
            self.longest_index_seconds = bulk.longest_slice
            self._bulk = None
            builder.close()

    def stop(self) -> None:
        self._stopped = True
        bulk = self._bulk
        if bulk is not None:
            bulk.stop()
