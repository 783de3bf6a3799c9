"""Many desktops as real processes that start at the same moment (Monday, 8 am).

``fork_desktops()`` forks them from one parent that has imported the app already, so that
30 or 50 start within a fraction of a second on 2 cores (a fresh interpreter each would
take half a second of CPU apiece), holds them at a gate, and opens the gate for all at
once. It must run in a process of its own with no threads and no Qt application (a test
runs ``python -m tests.helpers.desktops``; a benchmark is such a process itself).

    python -m tests.helpers.desktops open URL --count 30 [--listen]

prints one JSON object: each desktop's result (opened or the error, in how many seconds)
and the seconds from the gate opening until the last desktop was done.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

Work = Callable[[int], dict[str, Any]]


def fork_desktops(
    count: int,
    work: Work,
    timeout: float = 120.0,
    meanwhile: Callable[[float], object] | None = None,
) -> tuple[list[dict[str, Any]], float]:
    """Run ``work(index)`` in ``count`` forked processes released together; their results
    (``{"error": …}`` for one that raised or did not finish) and the seconds from release
    until the last one finished. ``meanwhile(released)`` runs in this process once the gate
    is open (``released``: its time.monotonic(), which the desktops share on Linux)."""
    folder = Path(tempfile.mkdtemp(prefix="crm-desktops-"))
    gate_read, gate_write = os.pipe()
    ready_read, ready_write = os.pipe()
    children: list[int] = []
    for index in range(count):
        pid = os.fork()
        if pid == 0:  # the desktop
            os.close(gate_write)
            os.close(ready_read)
            os.write(ready_write, b".")
            os.read(gate_read, 1)  # blocks until the parent closes the gate's other end
            try:
                result = work(index)
            except BaseException as exc:
                result = {"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()}
            (folder / f"{index}.json").write_text(json.dumps(result), encoding="utf-8")
            os._exit(0)
        children.append(pid)
    os.close(gate_read)
    os.close(ready_write)
    arrived = 0
    while arrived < count:
        chunk = os.read(ready_read, count)
        if not chunk:
            break
        arrived += len(chunk)
    os.close(ready_read)
    released = time.monotonic()
    os.close(gate_write)  # the gate opens for all
    if meanwhile is not None:
        meanwhile(released)
    deadline = released + timeout
    pending = set(children)
    while pending and time.monotonic() < deadline:
        pid, _ = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            time.sleep(0.01)
        else:
            pending.discard(pid)
    elapsed = time.monotonic() - released
    for pid in pending:  # stuck (deadlocked?): reported as such
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    results = []
    for index in range(count):
        path = folder / f"{index}.json"
        results.append(
            json.loads(path.read_text(encoding="utf-8"))
            if path.exists()
            else {"error": f"did not finish within {timeout:.0f} s"}
        )
        path.unlink(missing_ok=True)
    folder.rmdir()
    return results, elapsed


def open_desktop(url: str, listen: bool) -> Work:
    """What a desktop does when it starts: open the database (and listen for changes)."""

    def work(index: int) -> dict[str, Any]:
        from crm_desktop.database import change_watch, close_db, init_db

        started = time.monotonic()
        init_db(url)
        opened = time.monotonic() - started
        if listen:
            listener: Any = change_watch()
            listener.poll()
            while not listener.listening and time.monotonic() - started < 60:
                time.sleep(0.01)
            listener.close()
        close_db()
        return {"opened_after": opened, "ready_after": time.monotonic() - started}

    return work


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.helpers.desktops")
    parser.add_argument("action", choices=["open"])
    parser.add_argument("url")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--listen", action="store_true", help="also LISTEN, as a window does")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    # Imported before forking, so that each desktop starts warm.
    import psycopg  # noqa: F401

    import crm_desktop.database
    import crm_desktop.database.postgres  # noqa: F401

    results, elapsed = fork_desktops(args.count, open_desktop(args.url, args.listen), args.timeout)
    json.dump({"results": results, "seconds": elapsed}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
