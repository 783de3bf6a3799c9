"""How long the backend's writes wait for the app's: the bulk-write rule, measured.

While the app does its longest bulk work on the big file, a second process writes through
Python's own ``sqlite3`` with its defaults (5 s busy timeout, deferred transactions), the
way the web backend does (tests/helpers/default_writer.py), and notes how long each of its
writes took and whether one failed. Each bulk operation runs twice on a fresh copy: as the
app does it (crm_desktop.bulk_writes: slices of 200 ms, 150 ms of room) and, as the
baseline, in one transaction, as the app did before.

- building the app's indexes on the million-row file (the first start on the backend's
  file): the writer may wait for the largest single CREATE INDEX, which cannot be split;
- a bulk write of 10,000 media records (a big drop);
- the app saving 2,000 entries one by one while eight writers (a backend taking eight
  requests at a time) write beside it, with the app's pacing and without it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.data import BigFile
from tests.benchmarks.harness import REPO, Result, log, median

ONE_TRANSACTION = 1e9  # a slice that never ends: the whole bulk work in one transaction


def _writers(path: Path, customer: str, threads: int, pause: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.helpers.default_writer",
            str(path),
            customer,
            "--threads",
            str(threads),
            "--pause",
            str(pause),
        ],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "writing"
    return process


def _finish(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, _err = process.communicate("stop\n", timeout=120)
    summary = json.loads(out.strip().splitlines()[-1])
    summary.pop("rowids", None)
    return summary


def _copy(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    for path in folder.glob(name + "*"):
        path.unlink()
    shutil.copyfile(source, target)
    return target


def _measure(kind: str, path: Path, customer: str, sliced: bool) -> dict[str, Any]:
    """In a process of its own (the app's SQLite beside nothing else): run ``kind`` on
    ``path`` with the writer going; returns the bulk work's and the writer's figures."""
    output = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.bench_neighbour",
            kind,
            str(path),
            customer,
            "sliced" if sliced else "whole",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
        timeout=900,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _indexes(path: Path, customer: str, sliced: bool) -> dict[str, Any]:
    from crm_desktop.database import CrmDatabase, IndexBuild, close_db, init_db

    db = init_db(path)
    pending = list(db.pending_indexes.values())
    assert pending, "the copy already has the app's indexes"
    writers = _writers(path, customer, 1, 0.02)
    started = time.perf_counter()
    longest_index = 0.0
    if sliced:
        build = IndexBuild(db)  # as the app builds them
        build.run()
        longest_index = build.longest_index_seconds
    else:  # as the app built them before: all in one transaction, on a connection like it
        builder = CrmDatabase(path)
        with builder.atomic():
            for ddl in pending:
                builder.execute_sql(ddl)
        builder.close()
    seconds = time.perf_counter() - started
    summary = _finish(writers)
    close_db()
    return {"seconds": seconds, "longest_index": longest_index, **summary}


def _media(path: Path, customer: str, sliced: bool) -> dict[str, Any]:
    from crm_desktop import bulk_writes, service
    from crm_desktop.database import close_db, init_db

    if not sliced:
        bulk_writes.SLICE_SECONDS = ONE_TRANSACTION
    init_db(path)
    items = [
        {
            "customer_id": customer,
            "filename": f"IMG_{number:05d}.jpg",
            "nextcloud_path": f"/CRM/Benchmark/IMG_{number:05d}.jpg",
            "mime_type": "image/jpeg",
            "tags": ["site", "roof"],
        }
        for number in range(10_000)
    ]
    writers = _writers(path, customer, 1, 0.02)
    started = time.perf_counter()
    service.create_media_many(items)
    seconds = time.perf_counter() - started
    summary = _finish(writers)
    close_db()
    return {"seconds": seconds, **summary}


def _one_by_one(path: Path, customer: str, sliced: bool) -> dict[str, Any]:
    from crm_desktop import service
    from crm_desktop.database import close_db, current_database, init_db

    init_db(path)
    pacer = current_database().pacer  # type: ignore[union-attr]
    if not sliced:
        pacer.slice_seconds = ONE_TRANSACTION  # never pauses: the app as it was
    writers = _writers(path, customer, 8, 0.01)
    started = time.perf_counter()
    for number in range(2_000):
        service.create_comm(
            {
                "customer_id": customer,
                "type": "note",
                "direction": "internal",
                "subject": f"app entry {number}",
            }
        )
    seconds = time.perf_counter() - started
    summary = _finish(writers)
    close_db()
    return {"seconds": seconds, "paused": pacer.paused_seconds, **summary}


def _backend_alone(path: Path, customer: str, seconds: float) -> dict[str, Any]:
    writers = _writers(path, customer, 8, 0.01)
    time.sleep(seconds)
    return _finish(writers)


def _fails(summary: dict[str, Any]) -> int:
    return sum(summary["failures"].values())


def neighbour(data: BigFile, runs: int) -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="crm-bench-neighbour-", dir=data.folder))
    customer = data.other_id
    figures: dict[str, list[dict[str, Any]]] = {}
    try:
        for _round in range(runs):
            for kind, source in (("indexes", data.spec), ("media", data.big)):
                for sliced in (True, False):
                    log(f"    {kind}, {'sliced' if sliced else 'one transaction'}…")
                    copy = _copy(source, folder, f"{kind}.sqlite3")
                    figures.setdefault(f"{kind} {sliced}", []).append(
                        _measure(kind, copy, customer, sliced)
                    )
            small = folder / "office.sqlite3"
            for path in folder.glob("office.sqlite3*"):
                path.unlink()
            small_customer = _small_file(small)
            for sliced in (True, False):
                log(f"    2,000 entries one by one, {'paced' if sliced else 'not paced'}…")
                figures.setdefault(f"single {sliced}", []).append(
                    _measure("one-by-one", small, small_customer, sliced)
                )
            alone_for = figures["single True"][-1]["seconds"]
            figures.setdefault("alone", []).append(_backend_alone(small, small_customer, alone_for))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return _results(figures, runs)


def _small_file(path: Path) -> str:
    """A fresh file with one customer, made by the app in a process of its own."""
    output = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_neighbour", "small", str(path), "-", "-"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])["customer"]


def _results(figures: dict[str, list[dict[str, Any]]], runs: int) -> list[Result]:
    def worst(key: str, field: str) -> float:
        return max(float(f[field]) for f in figures[key])

    def failed(key: str) -> int:
        return sum(_fails(f) for f in figures[key])

    def took(key: str) -> float:
        return median([float(f["seconds"]) for f in figures[key]])

    longest_index = worst("indexes True", "longest_index")
    results = [
        Result(
            "Backend write's longest wait while the indexes are built (1M rows)",
            worst("indexes True", "longest_wait"),
            worst("indexes False", "longest_wait"),
            "the whole build in one transaction",
            "s",
            f"≤ the largest index ({longest_index:.2f} s) + 0.25 s, no failure",
            worst("indexes True", "longest_wait") <= longest_index + 0.25
            and failed("indexes True") == 0,
            runs,
            [
                f"the build took {took('indexes True'):.1f} s "
                f"(one transaction: {took('indexes False'):.1f} s); "
                f"the largest single CREATE INDEX {longest_index:.2f} s; a writer with sqlite3's "
                f"defaults every 20 ms, its writes failed: {failed('indexes True')} "
                f"(one transaction: {failed('indexes False')}); worst of {runs} runs"
            ],
        ),
        Result(
            "Backend write's longest wait during a bulk write of 10,000 media records",
            worst("media True", "longest_wait"),
            worst("media False", "longest_wait"),
            "the records in one transaction",
            "s",
            "≤ 0.5 s (a slice, its commit, a look again), no failure",
            worst("media True", "longest_wait") <= 0.5 and failed("media True") == 0,
            runs,
            [
                f"the write took {took('media True'):.2f} s "
                f"(one transaction: {took('media False'):.2f} s); "
                f"into the big file; worst of {runs} runs"
            ],
        ),
        Result(
            "Backend's longest wait, 8 writers, while the app saves 2,000 entries one by one",
            worst("single True", "longest_wait"),
            worst("single False", "longest_wait"),
            "the app without pacing",
            "s",
            "no failure",
            failed("single True") == 0,
            runs,
            [
                f"eight writers with sqlite3's defaults, 10 ms between requests; failed: "
                f"{failed('single True')} of {sum(f['writes'] for f in figures['single True'])} "
                f"(without pacing {failed('single False')} of "
                f"{sum(f['writes'] for f in figures['single False'])}); their 99th percentile wait "
                f"{worst('single True', 'p99_wait') * 1000:.0f} ms (without pacing "
                f"{worst('single False', 'p99_wait') * 1000:.0f} ms; the backend alone "
                f"{worst('alone', 'p99_wait') * 1000:.0f} ms, longest "
                f"{worst('alone', 'longest_wait'):.2f} s); the app's 2,000 saves took "
                f"{took('single True'):.1f} s (without pacing "
                f"{took('single False'):.1f} s), of which "
                f"{median([f['paused'] for f in figures['single True']]):.1f} s room left to "
                "the backend; worst of the runs"
            ],
        ),
    ]
    return results


def run(data: BigFile, runs: int) -> list[Result]:
    log("  the backend's waits beside the app's bulk writes…")
    return neighbour(data, max(1, runs // 3))


def _make_small(path: Path) -> dict[str, Any]:
    from crm_desktop import service
    from crm_desktop.database import close_db, init_db

    init_db(path)
    customer = service.create_customer({"name": "ACME GmbH"}).id
    close_db()
    return {"customer": customer}


if __name__ == "__main__":
    kind, target, customer_id, mode = sys.argv[1:5]
    actions = {"indexes": _indexes, "media": _media, "one-by-one": _one_by_one}
    if kind == "small":
        print(json.dumps(_make_small(Path(target))))
    else:
        print(json.dumps(actions[kind](Path(target), customer_id, mode == "sliced")))
