"""Many new rows at once, all or nothing: the drops' and imports' writes (#12's seam).

``insert_all_or_nothing`` writes rows of one or more tables through BulkWrite, in slices of
a few hundred milliseconds with room between them, so that the backend's writes never wait
long; a write that fits in one slice is one transaction. On any error, or when ``stop`` is
set, the rows already committed are deleted again (in slices too) and the error (a
Cancelled for a stop) is raised: other programs may have seen the first slices meanwhile,
never a half of the drop that stays.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

import peewee

from crm_desktop.bulk_writes import BulkWrite
from crm_desktop.database import BaseTable, database_proxy
from crm_desktop.queries import PreparedInsert

log = logging.getLogger("crm_desktop.service")

# Rows a statement inserts: at most 999 variables in SQLite's oldest builds, so 90 rows of
# the widest table (11 columns).
ROWS_PER_INSERT = 90
ROWS_PER_DELETE = 500


def insert_all_or_nothing(
    parts: Sequence[tuple[type[BaseTable], Sequence[dict[str, Any]]]],
    *,
    at_slice_start: Callable[[], Any] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Insert every row of ``parts`` ((table, rows) in the order given), or none of them.

    ``at_slice_start`` runs first in each transaction (e.g. to check that the customers
    are still there); its error undoes the write like any other.
    """
    steps: list[tuple[type[BaseTable], list[dict[str, Any]]]] = [
        (table, list(batch))
        for table, rows in parts
        for batch in peewee.chunked(rows, ROWS_PER_INSERT)
    ]
    bulk = BulkWrite(database_proxy, stop_event=stop)
    try:
        bulk.run(
            (functools.partial(_insert, table, batch) for table, batch in steps),
            at_slice_start=at_slice_start,
        )
    except BaseException:
        _undo(steps[: bulk.committed])
        raise


def restore_all_or_nothing(
    parts: Sequence[tuple[type[BaseTable], Sequence[dict[str, Any]]]],
) -> None:
    """Put back rows read by ``exact_rows`` (undo of a delete), byte for byte: all of them or
    none, in short slices like insert_all_or_nothing. peewee writes each value as it was
    read (an expression for bytes that are not text), so nothing else of a row changes."""
    steps: list[tuple[type[BaseTable], list[dict[str, Any]]]] = [
        (table, list(batch))
        for table, rows in parts
        for batch in peewee.chunked(rows, ROWS_PER_INSERT)
    ]
    bulk = BulkWrite(database_proxy)
    try:
        bulk.run(functools.partial(_insert_exact, table, batch) for table, batch in steps)
    except BaseException:
        _undo(steps[: bulk.committed])
        raise


_PLAIN = (str, int, float, type(None))


def _insert_exact(table: type[BaseTable], rows: list[dict[str, Any]]) -> None:
    if all(type(value) in _PLAIN for row in rows for value in row.values()):
        _insert(table, rows)  # plain values (nearly always): the SQL made once, fast
    else:
        table.insert_many(rows).execute()  # a value kept as bytes: peewee writes it as read


_inserts: dict[tuple[type[BaseTable], tuple[str, ...]], PreparedInsert] = {}


def _insert(table: type[BaseTable], rows: list[dict[str, Any]]) -> None:
    columns = tuple(rows[0])
    prepared = _inserts.get((table, columns))
    if prepared is None:
        prepared = _inserts[(table, columns)] = PreparedInsert(table, columns)
    prepared.run(rows)


def _undo(steps: list[tuple[type[BaseTable], list[dict[str, Any]]]]) -> None:
    """Delete the rows of these committed steps again (the part that must not stay)."""
    by_table: dict[type[BaseTable], list[str]] = {}
    for table, rows in steps:
        by_table.setdefault(table, []).extend(row["id"] for row in rows)
    if not by_table:
        return
    try:
        BulkWrite(database_proxy).run(
            # BaseTable declares no column; each of its tables has the backend's text id,
            # which peewee's stubs cannot see through type[BaseTable].
            functools.partial(table.delete().where(table.id.in_(batch)).execute)  # type: ignore[attr-defined]
            for table, ids in by_table.items()
            for batch in peewee.chunked(ids, ROWS_PER_DELETE)
        )
    except Exception:  # the original error matters more; the log tells what is left
        log.exception(
            "Could not remove %d rows of a failed bulk write",
            sum(len(ids) for ids in by_table.values()),
        )
