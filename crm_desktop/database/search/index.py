"""What the search index needs of an engine: one interface, a file's and a server's.

crm_desktop.database.sqlite.search (FTS5) and crm_desktop.database.postgres.search
(tsvector) implement :class:`SearchIndex`; an open database hands out its own
(``Database.search_index()``). Everything above (the work that builds and updates the index,
the service's search) speaks only this interface.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, Protocol, cast

import peewee

from crm_desktop.database.tables import BaseTable, CommTable, CustomerTable, MediaTable

# Raise the index's version when what it stores changes (the folding, the fields): an
# index of another version is cleared and built again.
INDEX_VERSION = 1


class Kind(StrEnum):
    """What a search hit is (models.SearchHit.kind)."""

    customer = "customer"
    communication = "communication"
    media = "media"


# The kinds in the order they are built: the customer list (and the customers' hits) first,
# then the small media table, then the communications.
BUILD_ORDER = (Kind.customer, Kind.media, Kind.communication)

TABLE_OF: dict[Kind, type[BaseTable]] = {
    Kind.customer: CustomerTable,
    Kind.communication: CommTable,
    Kind.media: MediaTable,
}
TABLE_NAME: dict[Kind, str] = {kind: table._meta.table_name for kind, table in TABLE_OF.items()}
KIND_OF_TABLE: dict[str, Kind] = {name: kind for kind, name in TABLE_NAME.items()}

# The columns read for each kind, in this order (row tuples follow it).
COLUMNS: dict[Kind, tuple[str, ...]] = {
    Kind.customer: (
        "id",
        "name",
        "organization",
        "email",
        "phone",
        "notes",
        "tags",
        "created_at",
    ),
    Kind.communication: (
        "id",
        "customer_id",
        "subject",
        "attachments",
        "body",
        "occurred_at",
        "type",
    ),
    Kind.media: ("id", "customer_id", "filename", "order_id", "tags", "created_at"),
}


class Phase(StrEnum):
    clear = "clear"  # what is indexed is stale (another version, lost triggers): removed first
    build = "build"  # rows are being indexed, newest first; ``cursor`` says how far
    check = "check"  # every row indexed? (a file: rows that VACUUM renumbered meanwhile)
    orphans = "orphans"  # every indexed row still there?
    done = "done"  # complete; kept current from the change log


# The phases in which every row is indexed (the checks after the build only confirm it).
COMPLETE = (Phase.check, Phase.orphans, Phase.done)


class Tier(StrEnum):
    titles = "titles"  # a customer's name or organization; a subject, attachment, file name
    everything = "everything"  # any field


@dataclass(frozen=True, slots=True)
class KindState:
    kind: Kind
    phase: Phase
    cursor: Any = None  # how far the current phase got (engine-specific)
    indexed: int = 0  # rows indexed so far by the build
    total: int = 0  # rows when the build began

    def moved(self, **changes: Any) -> KindState:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the change log: a shared row that was inserted, updated or deleted."""

    seq: int
    kind: Kind
    row_id: Any


@dataclass(frozen=True, slots=True)
class Document:
    """What the index stores for one row: its folded words (crm_desktop.folding)."""

    kind: Kind
    row_id: Any
    customer_id: str | None
    at: str | None  # the entry's time as stored (a customer's: when it was created)
    title_words: str
    all_words: str


@dataclass(frozen=True, slots=True)
class CustomerKeys:
    """The customer list's keys of one customer: the folded words it is searched in, and
    the sort keys of its name and organization (crm_desktop.folding.sort_key)."""

    customer_id: Any
    folded: str
    name_key: str
    organization_key: str | None


Row = tuple[Any, ...]


class SearchIndex(Protocol):
    """The search index of one open database (see crm_desktop.database.search)."""

    @property
    def database(self) -> peewee.Database:
        """The open database whose index this is (its connection in each thread)."""
        ...

    @property
    def writable(self) -> bool:
        """Whether this connection may update the index (not a read-only file)."""
        ...

    def available(self) -> bool:
        """Whether the index's tables exist at all."""
        ...

    # --- state ------------------------------------------------------------------------

    def state(self, kind: Kind) -> KindState: ...

    def save_state(self, state: KindState) -> None: ...

    def lock(self) -> None:
        """At the start of every write slice: raise IndexBusy when another desktop is
        updating the same index right now (a server), else nothing."""
        ...

    # --- the change log ---------------------------------------------------------------

    def changes(self, limit: int) -> list[Change]:
        """The oldest entries of the change log."""
        ...

    def change_mark(self) -> Any:
        """Where the change log stands now (for own_changes())."""
        ...

    def own_changes(self, mark: Any, limit: int) -> list[Change]:
        """The entries this connection's open transaction wrote (since ``mark``)."""
        ...

    def pending(self, kind: Kind, limit: int) -> list[Any]:
        """Row ids of ``kind`` with entries in the change log (at most ``limit``)."""
        ...

    def forget(self, changes: Sequence[Change]) -> None: ...

    # --- the shared rows, read whatever bytes they hold ---------------------------------

    def rows(self, kind: Kind, row_ids: Sequence[Any]) -> dict[Any, Row]:
        """The rows with these ids (id → row, COLUMNS[kind] order); ids without a row are
        left out. A value that is not valid text is read with U+FFFD, never an error."""
        ...

    def count(self, kind: Kind) -> int: ...

    def next_rows(self, kind: Kind, cursor: Any, limit: int) -> tuple[list[Row], Any]:
        """The next rows the build indexes after ``cursor`` (None: from the start), and the
        cursor after them."""
        ...

    def unindexed(self, kind: Kind, cursor: Any, after: Any, limit: int) -> tuple[list[Row], Any]:
        """Rows the build has not reached yet, continuing after ``after`` (None: from the
        first), and where to continue; for searching them slowly."""
        ...

    def passed(self, kind: Kind, row_ids: Sequence[Any], cursor: Any) -> set[Any]:
        """Which of these (existing) rows the build has passed (they are indexed, or must
        be when they change); the others it will reach itself."""
        ...

    def check_step(self, state: KindState, limit: int) -> tuple[list[Any], list[Any], Any]:
        """One step of the check and orphans phases: row ids the index lacks, row ids it
        holds of rows that are gone, and the cursor after them (None: the phase is over)."""
        ...

    def clear_step(self, kind: Kind, limit: int) -> bool:
        """Remove up to ``limit`` indexed rows; True when none is left."""
        ...

    # --- writing ----------------------------------------------------------------------

    def write(self, documents: Sequence[Document], *, building: bool) -> None:
        """Index these rows (again): ``building`` rows come in the build's order."""
        ...

    def delete(self, kind: Kind, row_ids: Sequence[Any]) -> None: ...

    def write_keys(self, keys: Sequence[CustomerKeys]) -> None: ...

    def delete_keys(self, customer_ids: Sequence[Any]) -> None: ...

    # --- searching --------------------------------------------------------------------

    def candidates(self, kind: Kind, tier: Tier, words: Sequence[str], limit: int) -> list[Any]:
        """Row ids whose ``tier`` words hold every one of ``words`` as a word's beginning,
        the most recently written first (a file) or the newest first (a server)."""
        ...


class IndexBusy(Exception):  # noqa: N818 (not an error: another desktop is at it)
    """Another desktop updates the server's index right now; try again later."""


def run_sql(
    db: peewee.Database | peewee.DatabaseProxy, statement: str, params: Sequence[Any] = ()
) -> Any:
    """``db.execute_sql()`` (peewee leaves it unannotated): a cursor over the rows."""
    return cast(Any, db).execute_sql(statement, tuple(params))


def marks(count: int, mark: str = "?") -> str:
    """``count`` parameter marks, separated by commas."""
    return ", ".join([mark] * count)
