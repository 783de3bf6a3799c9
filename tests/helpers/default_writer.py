"""Writers in a process of their own that use Python's ``sqlite3`` with its defaults.

Run as ``python -m tests.helpers.default_writer DB CUSTOMER_ID [options]``: ``--threads``
writers (a web backend taking that many requests at a time), each with a connection of its
own made by ``sqlite3.connect(DB)`` (5 s busy timeout, deferred transactions), each
inserting a communication and committing, pausing ``--pause`` seconds between requests.
It prints ``writing`` once the first write is in, runs until a line arrives on stdin (or
``--seconds`` pass), then prints one JSON line: writes, failures (by message), the longest
and the 99th-percentile wait of one write, and the rowids it wrote.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Any

INSERT = (
    "INSERT INTO crm_comms_log (id, customer_id, type, direction, subject, attachments, "
    "occurred_at, created_at) VALUES (?, ?, 'email', 'inbound', ?, '[]', ?, ?)"
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("customer")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--pause", type=float, default=0.02)
    parser.add_argument("--seconds", type=float, default=120.0)
    args = parser.parse_args(argv)

    stop = threading.Event()
    started = threading.Event()
    lock = threading.Lock()
    waits: list[float] = []
    failures: dict[str, int] = {}
    rowids: list[int] = []

    def write(number: int) -> None:
        connection = sqlite3.connect(args.db)  # the defaults: what the lead means by "plain"
        count = 0
        while not stop.is_set():
            now = datetime.now(UTC).replace(tzinfo=None).isoformat()
            began = time.monotonic()
            try:
                cursor = connection.execute(
                    INSERT, (str(uuid.uuid4()), args.customer, f"w{number}-{count}", now, now)
                )
                connection.commit()
                rowid, error = cursor.lastrowid, None
            except sqlite3.Error as exc:
                connection.rollback()
                rowid, error = None, str(exc)
            waited = time.monotonic() - began
            with lock:
                waits.append(waited)
                if error is None:
                    rowids.append(int(rowid or 0))
                else:
                    failures[error] = failures.get(error, 0) + 1
            started.set()
            count += 1
            stop.wait(args.pause)
        connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(args.threads)]
    for thread in threads:
        thread.start()
    started.wait()
    print("writing", flush=True)
    watcher = threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True)
    watcher.start()
    stop.wait(args.seconds)
    stop.set()
    for thread in threads:
        thread.join()
    ordered = sorted(waits)
    summary: dict[str, Any] = {
        "writes": len(rowids),
        "failures": failures,
        "longest_wait": ordered[-1] if ordered else 0.0,
        "p99_wait": ordered[int(len(ordered) * 0.99)] if ordered else 0.0,
        "rowids": sorted(rowids),
    }
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
