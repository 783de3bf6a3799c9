"""A second process that writes to the shared file the way the web backend does.

Run as ``python -m tests.helpers.backend_writer DB [options]``: its own plain-sqlite3
connection, the backend's formats, short autocommit writes (or one batch transaction).
It prints one line per committed write, so a test can follow it.
"""

from __future__ import annotations

import argparse
import sys
import time

from tests.helpers import backend


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", help="a file, or an office server's postgresql:// URL")
    parser.add_argument("--customer", help="log communications for this customer id")
    parser.add_argument("--customers", type=int, default=0, help="customers to add")
    parser.add_argument("--comms", type=int, default=0, help="communications to add")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds between writes")
    parser.add_argument("--prefix", default="backend", help="subject/name prefix")
    parser.add_argument(
        "--batch", action="store_true", help="all writes in one transaction (then COMMIT)"
    )
    parser.add_argument(
        "--group",
        type=int,
        default=0,
        help="commit every N communications, printing 'committed K' after each commit",
    )
    parser.add_argument(
        "--on-demand",
        action="store_true",
        help="with --group: before each group, wait for a line on stdin (a test's go-ahead)",
    )
    parser.add_argument("--journal", choices=["wal", "delete"], default=None)
    parser.add_argument(
        "--hold", type=float, default=0.0, help="hold the write lock this long, then commit"
    )
    args = parser.parse_args(argv)

    connection = backend.open_connection(args.db)
    if args.journal:
        connection.execute(f"PRAGMA journal_mode = {args.journal}")
    if args.hold:
        connection.execute("BEGIN IMMEDIATE")
        report("locked", args.hold)
        connection.execute("COMMIT")
    if args.batch:
        connection.execute("BEGIN IMMEDIATE")
    for i in range(args.customers):
        backend.insert_customer(connection, f"{args.prefix} customer {i:04d}")
        report(f"customer {i}", args.delay)
    for i in range(args.comms):
        if args.group and i % args.group == 0:
            if args.on_demand and not sys.stdin.readline():
                break
            connection.execute("BEGIN IMMEDIATE")
        backend.insert_comm(
            connection, args.customer, type="whatsapp", subject=f"{args.prefix} message {i:04d}"
        )
        if args.group and (i + 1) % args.group == 0:
            connection.execute("COMMIT")
            report(f"committed {(i + 1) // args.group}", args.delay)
        elif not args.group:
            report(f"comm {i}", args.delay)
    if args.batch:
        connection.execute("COMMIT")
        report("committed", 0)
    connection.close()
    return 0


def report(what: str, delay: float) -> None:
    print(what, flush=True)
    if delay:
        time.sleep(delay)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as exc:  # sqlite3's or psycopg's: say it, exit non-zero
        print(f"error: {exc}", file=sys.stderr, flush=True)
        sys.exit(3)
