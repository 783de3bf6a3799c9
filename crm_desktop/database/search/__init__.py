"""The app's own search index of the shared tables, on a file or a server (data layer).

- Change tracking: trivial triggers on the shared tables record each changed row's id in
  ``crm_desktop_changes`` (the engines' ``search`` modules say what they may and may not do).
- The index: folded words (crm_desktop.folding) of every customer, communication and media
  record, in side tables named ``crm_desktop_…``, and the customer list's sort keys;
  ``index.SearchIndex`` is the interface, crm_desktop.database.sqlite.search (FTS5) and
  crm_desktop.database.postgres.search (tsvector/GIN) implement it, and an open database
  hands out its own (``Database.search_index()``).
- Keeping it current: :class:`~crm_desktop.database.search.work.IndexWork` applies the change
  log and builds what is missing in short write slices (crm_desktop.bulk_writes) on a
  worker; the app's own writes are applied at once, inside their own transaction
  (:func:`own_writes`); a new or small database is indexed while it opens.

Nothing of the shared tables' columns changes; the index can always be built again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import peewee

from crm_desktop.database.search.documents import CustomerKeyTable, Fields, document, fields
from crm_desktop.database.search.index import (
    BUILD_ORDER,
    COMPLETE,
    Change,
    IndexBusy,
    Kind,
    KindState,
    Phase,
    SearchIndex,
    Tier,
    run_sql,
)
from crm_desktop.database.tables import TABLE_DDL

if TYPE_CHECKING:
    from crm_desktop.database.search.work import IndexWork, Progress

# A database with at most this many rows gets its index built while it is opened (a new or
# small one: some 0.1 s); a bigger one in the background once the window shows.
BUILD_AT_OPEN_ROWS = 2_000

# Own writes of at most this many rows are indexed inside their transaction; bigger ones
# (a customer deleted with thousands of entries, a big drop) by the worker, moments later.
OWN_WRITE_ROWS = 64

__all__ = [
    "BUILD_AT_OPEN_ROWS",
    "BUILD_ORDER",
    "Change",
    "CustomerKeyTable",
    "Fields",
    "IndexBusy",
    "IndexWork",
    "Kind",
    "KindState",
    "Phase",
    "Progress",
    "SearchIndex",
    "Tier",
    "build_now_if_small",
    "customer_keys_ready",
    "document",
    "fields",
    "index_of",
    "own_writes",
    "progress",
]


def __getattr__(name: str) -> Any:
    # The work that builds and updates the index loads when first needed (the window's
    # worker, the first save), not while the app starts.
    if name in {"IndexWork", "Progress", "progress"}:
        from crm_desktop.database.search import work

        return getattr(work, name)
    raise AttributeError(name)


def index_of(db: peewee.Database | None) -> SearchIndex | None:
    """The search index of the open database ``db`` (None: no database)."""
    if db is None:
        return None
    search_index = getattr(db, "search_index", None)
    found: SearchIndex | None = search_index() if callable(search_index) else None
    return found


def _rows_up_to(db: peewee.Database, most: int) -> int:
    """How many rows the shared tables hold, counting at most ``most + 1`` of each."""
    rows = 0
    for table in TABLE_DDL:
        statement = f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} LIMIT {most + 1}) AS t"
        rows += int(run_sql(db, statement).fetchone()[0])
    return rows


def build_now_if_small(db: peewee.Database) -> None:
    """At open: build the index of a small database right away (a new one: instantly), so
    that it is complete before anything searches it; a big one is left to the window's
    worker. Reads no shared table when the index is complete (a server's opening must not
    wait for a lock on one)."""
    index = index_of(db)
    if index is None or not index.writable or not index.available():
        return
    if all(index.state(kind).phase is Phase.done for kind in BUILD_ORDER):
        return
    if _rows_up_to(db, BUILD_AT_OPEN_ROWS) > BUILD_AT_OPEN_ROWS:
        return
    from crm_desktop.database.search.work import IndexWork

    IndexWork(index, slice_seconds=60.0, room_seconds=0.0).run()


_KEYS_BUILT = "_crm_customer_keys_built"


def customer_keys_ready(db: peewee.Database | None) -> bool:
    """Whether the customer list may go by the app's keys (folded search, sort keys):
    every customer has them, and no change of another program is waiting for the index
    (until it is applied, moments later, the list goes by the shared columns alone)."""
    index = index_of(db)
    if index is None or not index.available():
        return False
    if not getattr(index, _KEYS_BUILT, False):
        # Once built they stay built while the database is open: asked again only until
        # then (each page of the list asks).
        if index.state(Kind.customer).phase not in COMPLETE:
            return False
        setattr(index, _KEYS_BUILT, True)
    return not index.pending(Kind.customer, 1)


@contextlib.contextmanager
def own_writes(db: peewee.Database | None) -> Iterator[None]:
    """Around one write transaction of the app (inside it): the rows it changed are indexed
    before it commits, so the app's own edits are found at once and their log entries never
    reach the worker. Bigger writes are left to the worker."""
    index = index_of(db)
    mark: Any = None
    if index is not None and index.writable and index.available():
        mark = index.change_mark()
    yield
    if mark is None or index is None:
        return
    changes = index.own_changes(mark, OWN_WRITE_ROWS + 1)
    if changes and len(changes) <= OWN_WRITE_ROWS:
        from crm_desktop.database.search.work import apply

        apply(index, changes)
