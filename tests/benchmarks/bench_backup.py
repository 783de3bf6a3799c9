"""A backup of the big file (1,000,000 communications) while the web backend writes to it.

    .venv/bin/python -m tests.benchmarks.bench_backup [--runs 3]

The backend is a process of its own (plain sqlite3, as the backend's aiosqlite is) that
logs one communication per transaction, every 5 ms, for as long as the benchmark runs,
and notes how long each commit took from BEGIN IMMEDIATE to COMMIT. Its longest commit
while the backup runs is the longest it was held up; its longest commit while nothing
else runs (the same length of time, before the backup) is the baseline. The backup is the
app's (crm_desktop.sqlite_backup, as File ▸ Back up… and ``--backup`` make it), on a copy
of the big file in WAL mode (the app's normal case) and in rollback-journal mode (a file
on a network drive); for comparison, SQLite's backup in a single step (no flushes between
steps), which the app does not use.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from crm_desktop.sqlite_backup import LOCK_BUDGET_SECONDS
from tests.benchmarks import data as big_file
from tests.benchmarks.harness import Result, isolate_user_folders, log, median, text_table

WRITE_EVERY = 0.005  # seconds between two commits of the backend
STALL_TARGET_MS = 100.0  # "no more than a moment"

WRITER = r"""
import json, os, sqlite3, sys, time, uuid
from datetime import UTC, datetime
database, stop = sys.argv[1], sys.argv[2]
connection = sqlite3.connect(database, timeout=60, isolation_level=None)
commits = []
print("ready", flush=True)
while not os.path.exists(stop):
    began = time.monotonic()
    connection.execute("BEGIN IMMEDIATE")
    now = datetime.now(UTC).replace(tzinfo=None).isoformat()
    connection.execute(
        "INSERT INTO crm_comms_log VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (str(uuid.uuid4()), "benchmark-backend", "note", "internal", "a note", "text",
         "[]", None, "backend", now, now),
    )
    connection.execute("COMMIT")
    commits.append((began, time.monotonic() - began))
    time.sleep(%(every)r)
print(json.dumps(commits), flush=True)
"""


class Backend:
    """The writing backend, from start() until stop() returns its commits."""

    def __init__(self, database: Path, folder: Path) -> None:
        self.stop_file = folder / "stop"
        self.stop_file.unlink(missing_ok=True)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER % {"every": WRITE_EVERY},
                str(database),
                str(self.stop_file),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline() == "ready\n"

    def stop(self) -> list[tuple[float, float]]:
        self.stop_file.touch()
        out, _ = self.process.communicate(timeout=120)
        return [tuple(pair) for pair in json.loads(out.strip().splitlines()[-1])]


def _longest(commits: list[tuple[float, float]], start: float, end: float) -> float:
    """The longest commit (ms) of those that were under way between start and end."""
    during = [length for began, length in commits if began + length >= start and began <= end]
    return max(during, default=0.0) * 1000


def _app_backup(live: Path, target: Path) -> None:
    from crm_desktop.sqlite_backup import back_up_file

    back_up_file(live, target)


def _one_step_backup(live: Path, target: Path) -> None:
    import apsw

    source = apsw.Connection(str(live))
    copy = apsw.Connection(str(target))
    with copy.backup("main", source, "main") as backup:
        backup.step(-1)
    copy.close()
    source.close()


def _measure(
    live: Path, folder: Path, backup: Callable[[Path, Path], None], writing: bool = True
) -> tuple[float, float, float, str]:
    """(seconds, longest stall during, longest stall over as long before, what happened)
    for one backup while the backend writes (or, ``writing=False``, while it is idle)."""
    target = folder / "backup.sqlite3"
    target.unlink(missing_ok=True)
    backend = Backend(live, folder) if writing else None
    quiet_start = time.monotonic()
    if backend is not None:
        time.sleep(3.0)  # the baseline: the backend alone
    quiet_end = start = time.monotonic()
    outcome = "copied"
    try:
        backup(live, target)
    except Exception as exc:  # the app refusing to hold the backend up is a result too
        outcome = f"refused: {getattr(exc, 'reason', exc)}"
    end = time.monotonic()
    commits = backend.stop() if backend is not None else []
    seconds = end - start
    during = _longest(commits, start, end)
    before = _longest(commits, max(quiet_start, quiet_end - seconds), quiet_end)
    if outcome == "copied":
        check = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            check.close()
        target.unlink()
    return seconds, during, before, outcome


def _fresh_copy(source: Path, live: Path, mode: str) -> None:
    """The big file copied, in the given journal mode, and on the disk: the copy's own
    writing must not hold up the backend during the measurement."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, live)
    connection = sqlite3.connect(live, isolation_level=None)
    connection.execute(f"PRAGMA journal_mode = {mode}")
    connection.close()
    os.sync()


def run(data: big_file.BigFile, runs: int) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="crm-bench-backup-", dir=data.folder) as temp:
        folder = Path(temp)
        live = folder / "live.sqlite3"
        cases = [
            ("WAL, the app's way", "wal", _app_backup, True),
            ("WAL, in one step without flushes (not the app's way)", "wal", _one_step_backup, True),
            ("rollback journal, the backend writing", "delete", _app_backup, True),
            ("rollback journal, the backend idle", "delete", _app_backup, False),
        ]
        for label, mode, backup, writing in cases:
            log(f"  backup of the big file, {label}…")
            figures = []
            for _ in range(runs):
                _fresh_copy(data.big, live, mode)
                figures.append(_measure(live, folder, backup, writing))
            seconds = median([f[0] for f in figures])
            outcomes = sorted({f[3] for f in figures})
            size = data.big.stat().st_size / 1e6
            results.append(
                Result(
                    f"Backup of the 1M-row file, {label}",
                    seconds,
                    None,
                    "",
                    "s",
                    "",
                    None,
                    runs,
                    notes=[f"{size:.0f} MB file; " + "; ".join(outcomes)],
                )
            )
            if not writing:
                continue
            during = max(f[1] for f in figures)
            before = max(f[2] for f in figures)
            # WAL: a moment. Rollback journal: the app's own budget for holding it up.
            limit = STALL_TARGET_MS if mode == "wal" else LOCK_BUDGET_SECONDS * 1000
            targeted = backup is _app_backup
            results.append(
                Result(
                    f"  longest backend write meanwhile ({label})",
                    during,
                    before,
                    "its longest with no backup",
                    "ms",
                    f"≤ {limit:.0f} ms" if targeted else "",
                    during <= limit if targeted else None,
                    runs,
                    notes=["the worst of the runs; the backend commits every 5 ms"],
                )
            )
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{live}{suffix}").unlink(missing_ok=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_backup")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--data", type=Path, default=big_file.DEFAULT_FOLDER)
    args = parser.parse_args(argv)
    isolate_user_folders()
    results = run(big_file.ensure(args.data), args.runs)
    print(text_table(results))
    return 0 if all(r.met is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
