"""A whole office on one PostgreSQL server: desktops as real processes, the app's own code.

    .venv/bin/python -m tests.benchmarks.bench_office                  # about two minutes
    .venv/bin/python -m tests.benchmarks.bench_office --desktops 20 --writes 4   # quicker

It starts a server of its own on loopback (Debian's PostgreSQL, ``fsync`` on, room for two
connections per desktop plus 20) and measures, with desktops forked from one warm process
(``tests/helpers/desktops.py``) and released at the same moment:

1. opening: ``--opening`` desktops open the database at once (init_db, then LISTEN), on
   an empty database and then on the complete one;
2. a busy office: ``--desktops`` desktops each log ``--writes`` communications and read as
   many timeline pages, at random moments about ``--pace`` seconds apart, while each
   shows the same customer and re-reads what a window shows (customer list page and that
   customer's timeline) whenever another desktop's change is announced. Half of the
   writes go to that customer: from each one's commit to the moment each other desktop's
   re-read shows it is the live-refresh delay;
3. a server restart (``pg_ctl stop -m fast`` then start) while the desktops write about
   once a second: writes that failed, how soon each desktop was back, and whether every
   acknowledged write is in the database afterwards.

The desktops and the server share the machine's cores, as they would not in an office:
the figures are an upper bound for the server's share of the work.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import random
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import isolate_user_folders, log, machine
from tests.helpers.desktops import Work, fork_desktops, open_desktop
from tests.helpers.postgres import Server, remove, start_server

SEED_CUSTOMERS = 200
SEED_COMMS_PER_CUSTOMER = 10
DRAIN_SECONDS = 3.0  # a desktop keeps listening this long after its last write


def _ms(values: list[float]) -> str:
    """p50 / p95 / max in milliseconds."""
    if not values:
        return "none"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered) * 1000:.0f} / {p95 * 1000:.0f} / {ordered[-1] * 1000:.0f}"


def _wait_listening(listener: Any, limit: float = 30.0) -> None:
    pause = threading.Event()
    started = time.monotonic()
    while not listener.listening and time.monotonic() - started < limit:
        pause.wait(0.01)


def _seed(url: str) -> tuple[str, list[str]]:
    """Customers with a timeline each; the first is the one every desktop shows."""
    from crm_desktop import service
    from crm_desktop.database import close_db, init_db

    db = init_db(url)
    customers = []
    with db.atomic():
        for number in range(SEED_CUSTOMERS):
            customer = service.create_customer({"name": f"Kunde {number:03d} GmbH"})
            customers.append(customer.id)
            for comm in range(SEED_COMMS_PER_CUSTOMER):
                service.create_comm(
                    {
                        "customer_id": customer.id,
                        "type": "call",
                        "direction": "inbound",
                        "subject": f"Anruf {comm}",
                    }
                )
    close_db()  # nothing open when the desktops are forked
    return customers[0], customers


def busy_desktop(
    url: str, shown: str, customers: list[str], writes: int, pace: float, markers: bool
) -> Work:
    """A desktop at a busy pace: writes, page reads, and a window's re-read on news."""

    def work(index: int) -> dict[str, Any]:
        from crm_desktop import service
        from crm_desktop.database import change_watch, init_db
        from crm_desktop.errors import ServerConnectionError

        rng = random.Random(index)
        init_db(url)
        listener: Any = change_watch()
        news = threading.Event()
        listener.subscribe(news.set)
        listener.poll()
        _wait_listening(listener)
        creates: list[float] = []
        reads: list[float] = []
        refreshes: list[float] = []
        committed: dict[str, float] = {}  # marker id -> when its create returned
        seen: dict[str, float] = {}  # others' marker ids -> when a re-read showed them
        acknowledged: list[str] = []
        failed: list[float] = []  # when writes failed
        offline_since: float | None = None
        back: list[float] = []  # when the listener was back after being away
        start = time.monotonic()
        next_write = start + rng.uniform(0, pace)
        next_read = start + rng.uniform(0, pace)
        done_writing: float | None = None
        deadline = start + writes * pace * 3 + 60  # bounded, whatever happens

        def refresh() -> None:
            began = time.monotonic()
            service.customer_page(limit=50)
            page = service.timeline_page(shown, limit=50)
            now = time.monotonic()
            refreshes.append(now - began)
            for entry in page:
                if entry.subject and entry.subject.startswith("marker") and entry.id not in seen:
                    seen[entry.id] = now

        while time.monotonic() < deadline:
            now = time.monotonic()
            if done_writing is not None and now - done_writing > DRAIN_SECONDS:
                break
            due = min(next_write, next_read) if done_writing is None else done_writing + 0.2
            if news.wait(max(0.0, due - now)):
                news.clear()
                try:
                    changed = listener.poll()
                except ServerConnectionError:
                    if offline_since is None:
                        offline_since = time.monotonic()
                    continue
                if offline_since is not None:
                    back.append(time.monotonic())
                    offline_since = None
                if changed:
                    with contextlib.suppress(ServerConnectionError):
                        refresh()
                continue
            now = time.monotonic()
            if done_writing is None and now >= next_write:
                marker = markers and len(creates) % 2 == 0
                customer = shown if marker else rng.choice(customers)
                began = time.monotonic()
                try:
                    comm = service.create_comm(
                        {
                            "customer_id": customer,
                            "type": "note",
                            "direction": "internal",
                            "subject": f"{'marker' if marker else 'note'} {index}",
                        }
                    )
                except ServerConnectionError:
                    failed.append(time.monotonic())
                else:
                    finished = time.monotonic()
                    creates.append(finished - began)
                    acknowledged.append(comm.id)
                    if marker:
                        committed[comm.id] = finished
                if len(creates) + len(failed) >= writes:
                    done_writing = time.monotonic()
                next_write = now + pace * rng.uniform(0.5, 1.5)
            if done_writing is None and now >= next_read:
                began = time.monotonic()
                try:
                    service.timeline_page(rng.choice(customers), limit=50)
                    reads.append(time.monotonic() - began)
                except ServerConnectionError:
                    pass
                next_read = now + pace * rng.uniform(0.5, 1.5)
        listener.close()
        return {
            "creates": creates,
            "reads": reads,
            "refreshes": refreshes,
            "committed": committed,
            "seen": seen,
            "acknowledged": acknowledged,
            "failed": failed,
            "back": back,
            "listening": [start, time.monotonic()],
        }

    return work


def _refresh_delays(results: list[dict[str, Any]]) -> tuple[list[float], int]:
    """From each marker's commit to each other desktop's re-read that showed it; and how
    many it never showed while listening (it should be none)."""
    delays: list[float] = []
    missed = 0
    for writer, result in enumerate(results):
        for marker, committed in result.get("committed", {}).items():
            for observer, other in enumerate(results):
                if observer == writer or "listening" not in other:
                    continue
                began, ended = other["listening"]
                if marker in other["seen"]:
                    delays.append(max(0.0, other["seen"][marker] - committed))
                elif began <= committed <= ended - DRAIN_SECONDS:
                    missed += 1
    return delays, missed


def _errors(results: list[dict[str, Any]]) -> list[str]:
    return [r["error"] for r in results if "error" in r]


def measure_opening(url: str, count: int) -> list[tuple[str, str]]:
    rows = []
    for moment in ("empty database", "complete database"):
        results, seconds = fork_desktops(count, open_desktop(url, listen=True))
        opened = [r["ready_after"] for r in results if "error" not in r]
        failed = _errors(results)
        rows.append(
            (
                f"{count} desktops open at once ({moment})",
                f"{len(opened)} of {count} open, all within {seconds:.2f} s "
                f"(each: p50 {statistics.median(opened):.2f} s, max {max(opened):.2f} s)"
                + (f"; failed: {failed[0]}" if failed else ""),
            )
        )
    return rows


def measure_busy(
    url: str, shown: str, customers: list[str], desktops: int, writes: int, pace: float
) -> list[tuple[str, str]]:
    work = busy_desktop(url, shown, customers, writes, pace, markers=True)
    results, seconds = fork_desktops(desktops, work, timeout=writes * pace * 3 + 120)
    ok = [r for r in results if "error" not in r]
    creates = [t for r in ok for t in r["creates"]]
    reads = [t for r in ok for t in r["reads"]]
    refreshes = [t for r in ok for t in r["refreshes"]]
    delays, missed = _refresh_delays(ok)
    failed = sum(len(r["failed"]) for r in ok)
    rate = len(creates) / seconds if seconds else 0.0
    return [
        (
            f"{desktops} desktops busy: creates (p50 / p95 / max ms)",
            f"{_ms(creates)} ({len(creates)} writes, {rate:.1f}/s, {failed} failed)",
        ),
        (f"{desktops} desktops busy: page reads (p50 / p95 / max ms)", _ms(reads)),
        (
            f"{desktops} desktops busy: a window's re-read on news (p50 / p95 / max ms)",
            f"{_ms(refreshes)} ({len(refreshes)} re-reads)",
        ),
        (
            "live refresh, commit to the other windows' re-read (p50 / p95 / max ms)",
            f"{_ms(delays)} ({len(delays)} deliveries, {missed} missed)",
        ),
        ("desktops that failed", str(len(_errors(results)))),
    ]


def measure_restart(
    server: Server, url: str, shown: str, customers: list[str], desktops: int
) -> list[tuple[str, str]]:
    import psycopg

    writes, pace, restart_after = 12, 1.0, 4.0
    times: dict[str, float] = {}

    def restart(released: float) -> None:
        threading.Event().wait(max(0.0, released + restart_after - time.monotonic()))
        times["down"] = time.monotonic()
        server.stop("fast")
        server.start()  # returns once the server accepts connections (pg_ctl -w)
        times["up"] = time.monotonic()

    work = busy_desktop(url, shown, customers, writes, pace, markers=False)
    results, _ = fork_desktops(desktops, work, timeout=300, meanwhile=restart)
    ok = [r for r in results if "error" not in r]
    acknowledged = [comm for r in ok for comm in r["acknowledged"]]
    with psycopg.connect(url) as check:
        row = check.execute(
            "SELECT count(*) FROM crm_comms_log WHERE id = ANY(%s)", (acknowledged,)
        ).fetchone()
    kept = row[0] if row else 0
    failed = [t for r in ok for t in r["failed"]]
    after = [[t for t in r["back"] if t >= times["down"]] for r in ok]
    back = [min(times_back) - times["down"] for times_back in after if times_back]
    return [
        (
            "server restart (pg_ctl stop -m fast, start)",
            f"down for {times['up'] - times['down']:.2f} s while {desktops} desktops wrote "
            "about once a second each",
        ),
        (
            "writes that failed (each said so plainly)",
            f"{len(failed)} of {len(failed) + len(acknowledged)}",
        ),
        (
            "desktops back online, from the moment the restart began",
            f"{len(back)} of {len(ok)}: p50 {statistics.median(back):.2f} s, max {max(back):.2f} s"
            if back
            else "none",
        ),
        (
            "acknowledged writes in the database afterwards",
            f"{kept} of {len(acknowledged)} (lost: {len(acknowledged) - kept})",
        ),
        ("desktops that failed", str(len(_errors(results)))),
    ]


def _table(rows: list[tuple[str, str]]) -> str:
    lines = ["| What | Measured |", "|---|---|"]
    lines += [f"| {what} | {measured} |" for what, measured in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_office")
    parser.add_argument("--opening", type=int, default=30, help="desktops opening at once")
    parser.add_argument("--desktops", type=int, default=50, help="desktops at work at once")
    parser.add_argument("--writes", type=int, default=6, help="writes (and reads) per desktop")
    parser.add_argument("--pace", type=float, default=10.0, help="seconds between writes")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown here")
    args = parser.parse_args(argv)

    isolate_user_folders()
    logging.getLogger("crm_desktop").setLevel(logging.ERROR)  # the desktops' own log lines
    # Imported before forking: each desktop starts warm (and no thread runs yet).
    import psycopg

    import crm_desktop.database.postgres  # noqa: F401
    from crm_desktop import service  # noqa: F401

    connections = 2 * max(args.opening, args.desktops) + 20
    server = start_server({"fsync": "on", "max_connections": str(connections)})
    if server is None:
        print("PostgreSQL is not installed (Debian's postgresql package)", file=sys.stderr)
        return 2
    steps: list[Callable[[], list[tuple[str, str]]]] = []
    try:
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE office")
            version = admin.execute("SHOW server_version").fetchone()
        url = server.url("office")
        log(f"Opening: {args.opening} desktops at once…")
        rows = measure_opening(url, args.opening)
        shown, customers = _seed(url)
        log(f"A busy office: {args.desktops} desktops, {args.writes} writes each…")
        steps.append(
            lambda: measure_busy(url, shown, customers, args.desktops, args.writes, args.pace)
        )
        log("A server restart under load…")
        steps.append(lambda: measure_restart(server, url, shown, customers, args.desktops))
        for step in steps:
            rows += step()
    finally:
        remove(server)
    facts = {**machine(), "PostgreSQL": version[0] if version else "?"}
    table = _table(rows)
    where = (
        f"Measured on: {'; '.join(f'{k} {v}' for k, v in facts.items())}; the server on "
        f"loopback with fsync on and max_connections {connections}; the desktops are "
        "processes on the same cores."
    )
    print(table)
    print()
    print(where)
    if args.markdown is not None:
        args.markdown.write_text(table + "\n\n" + where + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
