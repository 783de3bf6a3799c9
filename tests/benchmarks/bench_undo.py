"""The undo of a customer's delete: how long taking and putting back a big customer takes,
and how long the backend's writes wait meanwhile.

``python -m tests.benchmarks.bench_undo [--entries 20000] [--media 200]`` makes a fresh
SQLite file with one customer of that many entries and media records (and another one for
the backend's writes), then, while a process writes through Python's ``sqlite3`` with its
defaults as the web backend does (tests/helpers/default_writer.py), takes the customer
(service.take_customer: one transaction, as a delete always was) and puts them back
(service.restore_customer: slices of 200 ms with room between them). It prints one line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.harness import REPO


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_undo")
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--media", type=int, default=200)
    args = parser.parse_args(argv)

    from crm_desktop import service
    from crm_desktop.database import close_db, init_db

    path = Path(tempfile.mkdtemp(prefix="bench-undo-")) / "crm.sqlite3"
    init_db(path)
    customer = service.create_customer({"name": "Big customer"}).id
    neighbour = service.create_customer({"name": "The backend's customer"}).id
    service.create_comms_many(
        [
            {
                "customer_id": customer,
                "type": "email",
                "direction": "inbound",
                "subject": f"Entry {n}",
                "body": "A line of text. " * 20,
            }
            for n in range(args.entries)
        ]
    )
    service.create_media_many(
        [
            {
                "customer_id": customer,
                "filename": f"{n}.pdf",
                "nextcloud_path": f"/CRM/Big/{n}.pdf",
                "mime_type": "application/pdf",
            }
            for n in range(args.media)
        ]
    )
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.default_writer", str(path), neighbour],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "writing"
    started = time.perf_counter()
    records = service.take_customer(customer)
    taken = time.perf_counter() - started
    started = time.perf_counter()
    service.restore_customer(records)
    restored = time.perf_counter() - started
    out, _err = writer.communicate("stop\n", timeout=120)
    summary = json.loads(out.strip().splitlines()[-1])
    assert service.count_comms(customer) == args.entries
    close_db()
    print(
        f"undo of a customer's delete, {args.entries:,} entries and {args.media} media "
        f"records: take {taken:.2f} s, put back {restored:.2f} s; the backend's longest "
        f"write {summary['longest_wait'] * 1000:.0f} ms, {len(summary['failures'])} failed"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
