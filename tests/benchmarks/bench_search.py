"""Searching everything on the big file (issue 16): the index's build, its size, what the
backend and the window wait meanwhile, and every kind of search against a full scan.

- **The build**, as the app does it the first time it opens the backend's file: a fresh
  copy of ``spec.sqlite3`` opened in the real main window (offscreen), which builds the
  app's indexes and then the search index on its workers, while a second process writes
  every 20 ms through Python's ``sqlite3`` with its defaults (tests/helpers/default_writer.py)
  and a 5 ms timer in the window's event loop notes its longest gap. Reported: the time
  until search is complete, the index's size, the writer's longest wait and failures, the
  window's longest stall.
- **Each search**, ``service.search_all(term)`` on ``big.sqlite3`` (whose search index was
  built when it was generated, as the app leaves a file), taking turns with one full scan
  of the bodies in plain ``sqlite3`` in a process of its own
  (``SELECT COUNT(*) FROM crm_comms_log WHERE body LIKE '%word%'``). Target: at most 1/20
  of that scan, and under 30 ms.

``python -m tests.benchmarks.bench_search --prepare FILE`` builds a file's search index
quickly (no room left between slices: nobody else writes to a file being generated).
"""

# The table speaks of ratios with the multiplication sign (×).
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.data import BigFile
from tests.benchmarks.harness import REPO, Result, interleaved, log, median, timed
from tests.benchmarks.rawsql import RawSql

# What office staff type: the term, and what it stands for.
TERMS = (
    ("die", "a word in nearly every entry"),
    ("d", "a one-letter beginning"),
    ("ku", "a two-letter beginning"),
    ("kund", "a beginning of a frequent word"),
    ("rückfrage termin", "two words"),
    ("wechselrichter fehler", "two words, rarer"),
    ("asbest", "a rarer word"),
    ("schroder", "a name without its umlaut"),
    ("A-2024-0012", "an order id"),
    ("IMG_1234", "a file name"),
    ("zzzz", "nothing matches"),
)
LIKE_SCAN = "SELECT COUNT(*) FROM crm_comms_log WHERE body LIKE ?"
SIDE_TABLES = (
    "SELECT name FROM sqlite_master WHERE tbl_name LIKE 'crm_desktop_search%' "
    "OR tbl_name IN ('crm_desktop_customer_keys', 'crm_desktop_changes')"
)


def prepare(path: Path) -> dict[str, float]:
    """Build the search index of ``path`` (in this process: the app's SQLite only)."""
    from crm_desktop.database import close_db, init_db
    from crm_desktop.database.search import index_of
    from crm_desktop.database.search.work import IndexWork

    started = time.perf_counter()
    db = init_db(path)
    work = IndexWork(index_of(db), slice_seconds=5.0, room_seconds=0.0)
    work.run()
    close_db()
    return {"seconds": time.perf_counter() - started}


def index_size_mb(path: Path) -> dict[str, float]:
    """The search index's share of the file, by part (MB)."""
    import apsw

    connection = apsw.Connection(str(path), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        names = [row[0] for row in connection.execute(SIDE_TABLES)]
        marks = ", ".join("?" * len(names))
        sizes = dict(
            connection.execute(
                f"SELECT name, SUM(pgsize) FROM dbstat WHERE name IN ({marks}) GROUP BY name",
                names,
            ).fetchall()
        )
    finally:
        connection.close()

    def part(*prefixes: str) -> float:
        return sum(v for k, v in sizes.items() if k.startswith(prefixes)) / 1e6

    total = sum(sizes.values()) / 1e6
    words = part("crm_desktop_search_words")
    keys = part("crm_desktop_customer_keys", "sqlite_autoindex_crm_desktop_customer_keys")
    maps = sum(v for k, v in sizes.items() if k.endswith(("_docs", "_docs_1"))) / 1e6
    return {"total": total, "words": words, "keys": keys, "maps": maps}


def watch_build(path: Path, customer: str) -> dict[str, Any]:
    """In this process: open ``path`` in the main window as the app does; once the app's own
    indexes are built (the first start's other work, measured by bench_startup and
    bench_neighbour), start a backend writer and note, until search is complete, how long
    the window stalled and the writer waited."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from crm_desktop import service
    from crm_desktop.app import application, create_main_window

    app = application()
    clock = QElapsedTimer()
    clock.start()
    window = create_main_window(path)
    window.show()
    QTimer.singleShot(0, window.select_first_customer)
    state: dict[str, Any] = {
        "last": 0,
        "longest": 0,
        "from": -1.0,
        "done": -1.0,
        "longest_slice": 0.0,
    }
    writers: list[subprocess.Popen[str]] = []

    def beat() -> None:
        now = clock.elapsed()
        if state["from"] >= 0:
            state["longest"] = max(state["longest"], now - state["last"])
        state["last"] = now

    def look() -> None:
        if state["from"] < 0 and not window.indexes.running:
            writers.append(_start_writer(path, customer))
            state["from"] = clock.elapsed() / 1000
            state["last"] = clock.elapsed()
        elif state["from"] >= 0 and service.search_status().complete:
            state["done"] = clock.elapsed() / 1000
            work = window.search_index._work  # (quitting closes the window: it stops)
            state["longest_slice"] = work.longest_slice if work is not None else 0.0
            app.quit()

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    looker = QTimer()
    looker.setInterval(500)
    looker.timeout.connect(look)
    looker.start()
    QTimer.singleShot(3_600_000, app.quit)
    app.exec()
    window.close()
    out, _err = writers[0].communicate("stop\n", timeout=120)
    summary = json.loads(out.strip().splitlines()[-1])
    summary.pop("rowids", None)
    return {
        "seconds": state["done"],
        "search_seconds": state["done"] - state["from"],
        "longest_stall_ms": float(state["longest"]),
        "longest_slice": state["longest_slice"],
        **summary,
    }


def _start_writer(path: Path, customer: str) -> subprocess.Popen[str]:
    """tests/helpers/default_writer.py: Python's sqlite3 with its defaults, every 20 ms."""
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.helpers.default_writer",
            str(path),
            customer,
            "--threads",
            "1",
            "--pause",
            "0.02",
            "--seconds",
            "3600",
        ],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
    return writer


def measure_build(data: BigFile) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="crm-bench-search-", dir=data.folder))
    try:
        copy = folder / "backend.sqlite3"
        shutil.copyfile(data.spec, copy)
        os.sync()
        output = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.benchmarks.bench_search",
                "--watch",
                str(copy),
                data.other_id,
            ],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
            timeout=3600,
        ).stdout
        figures: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
        figures["size"] = index_size_mb(copy)
        return figures
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure_searches(data: BigFile, raw: RawSql, runs: int) -> list[Result]:
    from crm_desktop import service
    from crm_desktop.database import close_db, init_db
    from crm_desktop.folding import query_words

    init_db(data.big)
    results = []
    try:
        assert service.search_status().complete, "the big file's search index is not built"
        for term, meaning in TERMS:
            word = max(query_words(term), key=len)
            found = len(service.search_all(term))
            app_times, (scan_times,) = interleaved(
                lambda term=term: timed(lambda: service.search_all(term)),
                [lambda word=word: raw.replay(data.big, [(LIKE_SCAN, [f"%{word}%"])])],
                runs,
            )
            app = median(app_times) * 1000
            scan = median(scan_times) * 1000
            results.append(
                Result(
                    f"search_all(“{term}”): {meaning}",
                    app,
                    scan,
                    f"one LIKE '%{word}%' scan of the bodies, plain sqlite3",
                    "ms",
                    "≤ 1/20 and < 30 ms",
                    app <= scan / 20 and app < 30,
                    runs,
                    [f"{found} hits (of at most 50)"],
                )
            )
    finally:
        close_db()
    return results


def build_results(figures: dict[str, Any], rows: int) -> list[Result]:
    size = figures["size"]
    fts = size["total"] - size["maps"] - size["words"] - size["keys"]
    failures = sum(figures["failures"].values())
    seconds = float(figures["seconds"])
    return [
        Result(
            "Search index build on the backend's 1M-row file (window open, backend writing)",
            seconds,
            None,
            "",
            "s",
            "information",
            None,
            1,
            [
                f"{rows:,} rows; from the window shown until search is complete, of which "
                f"{figures['search_seconds']:.0f} s after the app's own indexes were built "
                f"({rows / seconds:,.0f} rows/s in all); its longest write slice "
                f"{figures['longest_slice'] * 1000:.0f} ms"
            ],
        ),
        Result(
            "Search index size",
            size["total"],
            None,
            "",
            "MB",
            "information",
            None,
            1,
            [
                f"FTS5 tables {fts:.0f} MB, row-id maps {size['maps']:.0f} MB, "
                f"word list {size['words']:.0f} MB, customer list keys {size['keys']:.1f} MB"
            ],
        ),
        Result(
            "Backend write's longest wait while the search index is built",
            float(figures["longest_wait"]),
            None,
            "",
            "s",
            "≤ 1 s, no failure",
            float(figures["longest_wait"]) <= 1.0 and failures == 0,
            1,
            [
                f"a writer with sqlite3's defaults every 20 ms: {figures['writes']:,} writes, "
                f"{failures} failed; its 99th percentile wait "
                f"{float(figures['p99_wait']) * 1000:.0f} ms; from the end of the app's own "
                "index build (its CREATE INDEX waits are bench_neighbour's) until search is "
                "complete"
            ],
        ),
        Result(
            "Longest GUI stall while the search index is built",
            float(figures["longest_stall_ms"]),
            None,
            "",
            "ms",
            "≤ 100 ms",
            float(figures["longest_stall_ms"]) <= 100,
            1,
            [
                "a 5 ms heartbeat timer in the window's event loop; its longest gap while the "
                "search index is built and the backend writes (live refresh included)"
            ],
        ),
    ]


def trigger_cost(folder: Path, writes: int = 2000) -> dict[str, float]:
    """In a process of its own with Python's sqlite3 (the backend's): ``writes`` single-row
    inserts, each committed, into a file with the app's change tracking and into one
    without, in turns; the median time of one write in each."""
    import sqlite3
    import statistics
    import uuid

    from crm_desktop.database import COMMS_DDL, CUSTOMERS_DDL, MEDIA_DDL
    from crm_desktop.database.sqlite.search import CHANGES_DDL, TRACKED_TABLES, trigger_ddl

    connections = {}
    for name, tracked in (("plain", False), ("tracked", True)):
        path = folder / f"{name}.sqlite3"
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA journal_mode = wal")
        for ddl in (CUSTOMERS_DDL, COMMS_DDL, MEDIA_DDL):
            connection.execute(ddl)
        if tracked:
            connection.execute(CHANGES_DDL)
            for table in TRACKED_TABLES:
                for statement in trigger_ddl(table).values():
                    connection.execute(statement)
        connections[name] = connection
    insert = (
        "INSERT INTO crm_comms_log (id, customer_id, type, direction, subject, body, "
        "attachments, occurred_at, created_at) VALUES (?, 'c', 'email', 'inbound', ?, ?, "
        "'[]', '2026-01-01T00:00:00', '2026-01-01T00:00:00')"
    )
    times: dict[str, list[float]] = {"plain": [], "tracked": []}
    for number in range(writes):
        for name, connection in connections.items():
            started = time.perf_counter()
            connection.execute("BEGIN")
            connection.execute(insert, (str(uuid.uuid4()), f"entry {number}", "text " * 40))
            connection.execute("COMMIT")
            times[name].append(time.perf_counter() - started)
    for connection in connections.values():
        connection.close()
    return {name: statistics.median(values) for name, values in times.items()}


def measure_triggers(data: BigFile) -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="crm-bench-triggers-", dir=data.folder))
    try:
        output = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.bench_search", "--triggers", str(folder)],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        ).stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    figures = json.loads(output.strip().splitlines()[-1])
    tracked, plain = figures["tracked"] * 1000, figures["plain"] * 1000
    return [
        Result(
            "Backend's insert (plain sqlite3, WAL, committed) with the change tracking",
            tracked,
            plain,
            "the same insert without the app's triggers",
            "ms",
            "≤ 1.2×",
            tracked <= 1.2 * plain,
            2000,
            ["each insert also writes its row id into crm_desktop_changes; median of 2,000"],
        )
    ]


def run(data: BigFile, raw: RawSql, runs: int) -> list[Result]:
    log("  search: the change tracking's cost to the backend's writes…")
    results = measure_triggers(data)
    log("  search: each kind of search on the big file…")
    results += measure_searches(data, raw, runs)
    log("  search: building the index of a fresh copy in the window (some minutes)…")
    rows = sum(data.size[key] for key in ("customers", "comms", "media"))
    return results + build_results(measure_build(data), rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--prepare", type=Path)
    parser.add_argument("--watch", type=Path)
    parser.add_argument("--triggers", type=Path)
    parser.add_argument("customer", nargs="?")
    arguments = parser.parse_args()
    if arguments.prepare is not None:
        print(json.dumps(prepare(arguments.prepare)))
    elif arguments.triggers is not None:
        print(json.dumps(trigger_cost(arguments.triggers)))
    else:
        print(json.dumps(watch_build(arguments.watch, arguments.customer)))
