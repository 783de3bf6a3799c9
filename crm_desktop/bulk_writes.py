"""Sharing SQLite's one write lock with the other program: bulk work in short slices.

A SQLite file has one write lock. A writer that finds it taken sleeps in its busy handler
and tries again after 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50 ms, then every 100 ms, until
its busy timeout (Python's ``sqlite3``: 5 s) is used up; then it fails with "database is
locked". So a program that holds the lock for seconds makes the other one wait that long,
and a program that writes again at once after every commit wins nearly every race against a
writer that has waited a while (it only looks every 100 ms) and may starve it past 5 s.

The rule for every write of the app (#12): hold the lock, or keep writing back to back, for
at most ``SLICE_SECONDS``, then leave it free for ``ROOM_SECONDS`` (longer than a waiting
writer's longest sleep, so each one that waits gets its turn). A writer using Python's
``sqlite3`` with its defaults then never fails because of the app and waits at most about one
slice, or the one statement that cannot be split (CREATE INDEX on a million rows, ~1.5 s).

Two tools, one rule:

- :class:`BulkWrite` runs a bulk write (index builds, drop saves, imports, search-index
  builds, restores) as a sequence of small steps in time-boxed transactions with room
  between them, and can be stopped from any thread::

      bulk = BulkWrite(database_proxy)               # or a connection of the thread's own
      bulk.run(steps)                                # steps: callables, each a small write
      bulk.run(steps, steps_per_slice=1)             # at most one step per transaction
      bulk.stop()                                    # from another thread: interrupts it

  Each slice commits on its own, so other programs (and the app's own views) see the work
  grow slice by slice; a caller that must be all-or-nothing undoes ``bulk.committed`` steps
  itself after an error or a stop (the drop's save deletes the records it wrote).
- :class:`WritePacer` applies the same rule to single writes: the database calls it at every
  BEGIN and COMMIT, so a loop of one-by-one writes (2,000 entries in a row) pauses for the
  room after each slice's worth of writing, while a person's occasional save never waits.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import peewee

from crm_desktop.errors import Cancelled

# The longest the app keeps the write lock (or keeps writing back to back) in one go.
SLICE_SECONDS = 0.2
# The room left between two slices: longer than the 100 ms a waiting writer sleeps at most
# between two looks at the lock (SQLite's default busy handler), with a margin for a busy CPU.
ROOM_SECONDS = 0.15

Step = Callable[[], Any]


class BulkWriteStopped(Cancelled):
    """``BulkWrite.stop()`` came before the last step; ``committed`` steps are in the file.
    (A Cancelled: the layers above see a person's Cancel, whatever the work was.)"""

    def __init__(self, committed: int) -> None:
        super().__init__(f"stopped after {committed} committed step(s)")
        self.committed = committed


class BulkWrite:
    """Runs a bulk write as small steps in short transactions, with room between them.

    ``db`` is the peewee database (or the proxy) whose connection in the running thread does
    the writing. Each transaction begins IMMEDIATE on a file (see database.CrmDatabase), runs
    steps until ``slice_seconds`` have passed (or ``steps_per_slice`` steps ran), commits,
    then waits ``room_seconds`` before the next one; a single step is never split, however
    long it takes. ``at_slice_start`` runs first in every transaction (e.g. to check again
    that a customer is still there). ``stop()`` (from any thread) ends the wait, or
    interrupts the running statement on SQLite; that slice is rolled back and ``run()``
    raises BulkWriteStopped. A step's error rolls its slice back and propagates; either way
    ``committed`` says how many steps are in the file. Inside a transaction that the caller
    holds, the steps simply run as a part of it (the lock cannot be let go there).
    """

    def __init__(
        self,
        db: peewee.Database | peewee.DatabaseProxy,
        *,
        slice_seconds: float | None = None,
        room_seconds: float | None = None,
        stop_event: threading.Event | None = None,
    ) -> None:
        self.db = db
        self.slice_seconds = SLICE_SECONDS if slice_seconds is None else slice_seconds
        self.room_seconds = ROOM_SECONDS if room_seconds is None else room_seconds
        self.committed = 0
        self.slices = 0
        self.longest_slice = 0.0  # seconds: the longest the lock was held (benchmarks)
        self._commit_per_step: float | None = None  # what a commit took per step, learnt
        self._stop = stop_event or threading.Event()
        self._connection: Any = None

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def stop(self) -> None:
        """Stop as soon as possible: during the room at once, during a statement by
        interrupting it (SQLite), otherwise after the running step."""
        self._stop.set()
        connection = self._connection
        if connection is not None and hasattr(connection, "interrupt"):
            with contextlib.suppress(Exception):
                connection.interrupt()

    def _checkpoint(self) -> None:
        """Copy the slice's pages from the WAL into the file now, in the room, on this
        thread: else the other program's next commit would do it (SQLite checkpoints
        after any commit that leaves more than 1,000 pages in the WAL), and its write would
        take as long as copying the app's bulk work."""
        database = getattr(self.db, "obj", self.db)  # a DatabaseProxy's database
        checkpoint = getattr(database, "checkpoint", None)
        if callable(checkpoint):
            checkpoint()

    def run(
        self,
        steps: Iterable[Step],
        *,
        steps_per_slice: int | None = None,
        at_slice_start: Step | None = None,
        after_slice: Step | None = None,
    ) -> int:
        """Run every step; returns how many were committed (all of them). ``after_slice``
        runs after each slice's commit, outside the transaction (e.g. to tell the window
        what it may now read)."""
        pending = iter(steps)
        if self.db.in_transaction():
            # Inside the caller's transaction the lock cannot be let go: one part of it.
            with self.db.atomic():
                for each in pending:
                    each()
                    self.committed += 1
            return self.committed
        step: Step | None = next(pending, None)
        if self._connection is None:
            self._connection = self.db.connection()
        try:
            while step is not None:
                if self.slices and self._stop.wait(self.room_seconds):
                    raise BulkWriteStopped(self.committed)
                if self._stop.is_set():
                    raise BulkWriteStopped(self.committed)
                done = 0
                # The commit writes every page the slice changed (and syncs): it holds the
                # lock too, so the slice ends early enough for it, as the last one's took.
                # The first slice is short until that is known.
                budget = (
                    self.slice_seconds
                    if self._commit_per_step is not None
                    else (self.slice_seconds / 4)
                )
                per_step = self._commit_per_step or 0.0
                try:
                    with self.db.atomic():
                        started = time.monotonic()
                        if at_slice_start is not None:
                            at_slice_start()
                        while step is not None:
                            step()
                            done += 1
                            step = next(pending, None)
                            if self._stop.is_set():
                                raise BulkWriteStopped(self.committed)
                            if steps_per_slice is not None and done >= steps_per_slice:
                                break
                            if time.monotonic() - started + per_step * done >= budget:
                                break
                        committing = time.monotonic()
                except peewee.OperationalError:
                    if self._stop.is_set():  # the interrupted statement
                        raise BulkWriteStopped(self.committed) from None
                    raise
                ended = time.monotonic()
                self._commit_per_step = (ended - committing) / done
                self.committed += done
                self.slices += 1
                self.longest_slice = max(self.longest_slice, ended - started)
                self._checkpoint()
                if after_slice is not None:
                    after_slice()
        finally:
            self._connection = None
        return self.committed


class WritePacer:
    """Keeps the app's single writes to one file from holding SQLite's write lock back to
    back for longer than a slice (see the module's docstring).

    ``begin()`` before a write transaction begins, ``end()`` after it committed or rolled
    back (database.CrmDatabase does both). Writes with less than the room between them
    count as one run; once a run has lasted ``slice_seconds``, the next ``begin()`` first
    sleeps until the lock has been free for ``room_seconds``. Thread-safe: the GUI thread
    and the app's workers share one pacer per file.
    """

    def __init__(
        self, slice_seconds: float | None = None, room_seconds: float | None = None
    ) -> None:
        self.slice_seconds = SLICE_SECONDS if slice_seconds is None else slice_seconds
        self.room_seconds = ROOM_SECONDS if room_seconds is None else room_seconds
        self.paused_seconds = 0.0  # in all (for tests and benchmarks)
        self._lock = threading.Lock()
        self._run_started = float("-inf")
        self._last_end = float("-inf")

    def begin(self) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                free_for = now - self._last_end
                if free_for >= self.room_seconds:
                    self._run_started = now  # the lock had its room: a new run begins
                    return
                if now - self._run_started < self.slice_seconds:
                    return
                wait = self.room_seconds - free_for
                self.paused_seconds += wait
            time.sleep(wait)

    def end(self) -> None:
        with self._lock:
            self._last_end = time.monotonic()


_pacers: dict[Path, WritePacer] = {}
_pacers_lock = threading.Lock()


def pacer_for(path: Path) -> WritePacer:
    """The one pacer of this process for the file at ``path`` (shared by its connections)."""
    key = path.absolute()
    with _pacers_lock:
        pacer = _pacers.get(key)
        if pacer is None:
            pacer = _pacers[key] = WritePacer()
        return pacer
