"""Building the search index and keeping it current, in short write slices.

:class:`IndexWork` does both on the thread that runs it (the window's worker, with a
connection of its own): first the change log (what the backend and other desktops changed
since the last look, a few hundred rows a step), then the build of whatever kind is not
complete, newest rows first, a few hundred rows a step. Every step is a small write through
crm_desktop.bulk_writes: a slice of steps holds the write lock at most ~200 ms, then leaves
it free, so the backend's writes never wait long. Each step also saves how far the build
got, in the same transaction, so a build that was stopped (the app quit, crashed, the file
was closed) goes on where it stopped. :func:`apply` brings given rows up to date at once
(the app's own writes, inside their own transaction).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from crm_desktop.bulk_writes import BulkWrite, BulkWriteStopped
from crm_desktop.database.search.documents import customer_keys, document, fields
from crm_desktop.database.search.index import (
    BUILD_ORDER,
    Change,
    IndexBusy,
    Kind,
    KindState,
    Phase,
    Row,
    SearchIndex,
)

log = logging.getLogger("crm_desktop.database.search")

# Rows per step: a step of the build folds and indexes these (some 20-40 ms here).
BUILD_ROWS = 250
CHANGE_ROWS = 250
CHECK_ROWS = 5000
CLEAR_ROWS = 2000


def index_rows(engine: SearchIndex, kind: Kind, rows: Sequence[Row], *, building: bool) -> None:
    """Index these rows (COLUMNS[kind] order) as they are now."""
    engine.write([document(fields(kind, row)) for row in rows], building=building)
    if kind is Kind.customer:
        engine.write_keys([customer_keys(row) for row in rows])


def apply(engine: SearchIndex, changes: Sequence[Change]) -> None:
    """Bring the rows these changes name up to date (their current state: indexed again,
    or removed when gone), then forget the changes. Rows the build has not reached yet are
    left to it."""
    by_kind: dict[Kind, list[Any]] = {}
    for change in changes:
        if change.row_id is not None:
            by_kind.setdefault(change.kind, []).append(change.row_id)
    for kind, row_ids in by_kind.items():
        state = engine.state(kind)
        if state.phase is Phase.clear:
            continue  # everything is indexed anew after the clearing
        rows = engine.rows(kind, row_ids)
        gone = [row_id for row_id in dict.fromkeys(row_ids) if row_id not in rows]
        if state.phase is Phase.build:
            passed = engine.passed(kind, list(rows), state.cursor)
            rows = {row_id: row for row_id, row in rows.items() if row_id in passed}
        if rows:
            index_rows(engine, kind, list(rows.values()), building=False)
        if gone:
            engine.delete(kind, gone)
            if kind is Kind.customer:
                engine.delete_keys(gone)
    engine.forget(changes)


@dataclass(frozen=True, slots=True)
class Progress:
    """How far the index is: rows indexed of rows to index; the kinds it holds completely
    (the customer list goes by its keys once customers are among them)."""

    indexed: int
    total: int
    complete: bool
    ready: frozenset[Kind] = frozenset()

    @property
    def fraction(self) -> float:
        return 1.0 if self.complete or not self.total else min(1.0, self.indexed / self.total)


def progress(engine: SearchIndex) -> Progress:
    states = [engine.state(kind) for kind in BUILD_ORDER]
    complete = all(state.phase is Phase.done for state in states)
    total = sum(max(state.total, state.indexed) for state in states)
    indexed = sum(
        max(state.total, state.indexed) if state.phase is not Phase.build else state.indexed
        for state in states
        if state.phase not in (Phase.clear,)
    )
    ready = frozenset(
        state.kind for state in states if state.phase not in (Phase.clear, Phase.build)
    )
    return Progress(indexed, total, complete, ready)


class IndexWork:
    """Applies the change log and builds what is missing, until nothing is left (see the
    module's docstring). ``run()`` on a worker thread; ``stop()`` from any thread ends it
    within a statement (SQLite) or a step (a server), keeping what was committed."""

    def __init__(
        self,
        engine: SearchIndex,
        on_progress: Callable[[Progress], None] | None = None,
        on_applied: Callable[[frozenset[Kind]], None] | None = None,
        *,
        slice_seconds: float | None = None,
        room_seconds: float | None = None,
    ) -> None:
        self.engine = engine
        # Told after each committed slice, on the worker's thread: how far a build is, and
        # the kinds of the rows changes were applied to.
        self._on_progress = on_progress
        self._on_applied = on_applied
        self._applied: set[Kind] = set()
        self._built = False
        self._slice_seconds = slice_seconds
        self._room_seconds = room_seconds
        self._stop = threading.Event()
        self._idle = False
        self._bulk: BulkWrite | None = None
        self.changed_kinds: set[Kind] = set()  # kinds whose rows changed in the last run
        self.longest_slice = 0.0  # seconds (for the benchmark)

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def stop(self) -> None:
        self._stop.set()
        bulk = self._bulk
        if bulk is not None:
            bulk.stop()

    def run(self) -> bool:
        """Work until the index is complete and current; False when stopped, or when
        another desktop is at it (a server): then later again."""
        engine = self.engine
        if not engine.writable or self._stop.is_set() or not engine.available():
            return False
        self._idle = False
        self.changed_kinds = set()
        bulk = self._bulk = BulkWrite(
            engine.database,
            slice_seconds=self._slice_seconds,
            room_seconds=self._room_seconds,
            stop_event=self._stop,
        )
        try:
            bulk.run(self._steps(), at_slice_start=engine.lock, after_slice=self._committed)
        except BulkWriteStopped:
            return False
        except IndexBusy:
            return False
        finally:
            self.longest_slice = max(self.longest_slice, bulk.longest_slice)
            self._bulk = None
        return True

    def release(self) -> None:
        """Close the connection of the calling thread (the worker's, when it ends)."""
        self.engine.database.close()

    def _committed(self) -> None:
        bulk = self._bulk
        if bulk is not None:
            self.longest_slice = max(self.longest_slice, bulk.longest_slice)
        applied, self._applied = self._applied, set()
        if applied and self._on_applied is not None:
            self._on_applied(frozenset(applied))
        built, self._built = self._built, False
        if built and self._on_progress is not None:
            self._on_progress(progress(self.engine))

    def _steps(self) -> Iterator[Callable[[], None]]:
        while not self._idle and not self._stop.is_set():
            yield self._step

    def _step(self) -> None:
        engine = self.engine
        changes = engine.changes(CHANGE_ROWS)
        if changes:
            apply(engine, changes)
            kinds = {change.kind for change in changes}
            self.changed_kinds.update(kinds)
            self._applied.update(kinds)
            return
        for kind in BUILD_ORDER:
            state = engine.state(kind)
            if state.phase is not Phase.done:
                self._advance(state)
                self._built = True
                return
        self._idle = True

    def _advance(self, state: KindState) -> None:
        engine = self.engine
        kind = state.kind
        if state.phase is Phase.clear:
            if engine.clear_step(kind, CLEAR_ROWS):
                log.info("Search index of %s cleared; building it anew", kind.value)
                engine.save_state(state.moved(phase=Phase.build, cursor=None, indexed=0))
            return
        if state.phase is Phase.build:
            total = state.total
            if state.cursor is None and not state.indexed:
                total = engine.count(kind)
            rows, cursor = engine.next_rows(kind, state.cursor, BUILD_ROWS)
            if rows:
                index_rows(engine, kind, rows, building=True)
                state = state.moved(
                    cursor=cursor, indexed=state.indexed + len(rows), total=max(total, 0)
                )
            else:
                state = state.moved(phase=Phase.check, cursor=None, total=max(total, 0))
            engine.save_state(state)
            self.changed_kinds.add(kind)
            return
        missing, gone, cursor = engine.check_step(state, CHECK_ROWS)
        if missing:
            late = engine.rows(kind, missing)
            index_rows(engine, kind, list(late.values()), building=False)
            log.info("Search index of %s: %d row(s) indexed late", kind.value, len(late))
        if gone:
            engine.delete(kind, gone)
            if kind is Kind.customer:
                engine.delete_keys(gone)
        if cursor is not None:
            engine.save_state(state.moved(cursor=cursor))
        elif state.phase is Phase.check:
            engine.save_state(state.moved(phase=Phase.orphans, cursor=None))
        else:
            engine.save_state(state.moved(phase=Phase.done, cursor=None))
            log.info("Search index of %s is complete", kind.value)
