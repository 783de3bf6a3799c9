"""Baselines in plain ``sqlite3``, in a process of its own.

The app's SQLite (APSW's) and Python's ``sqlite3`` must never share a process while both
have the file open (they do not see each other's locks), so the baselines run here: the
benchmark sends the statements to replay as JSON lines on stdin, and this process answers
with how long it took, timed inside this process (no pipe in the figure).

``python -m tests.benchmarks.rawsql`` is the process; ``RawSql`` is its client.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]

Statement = tuple[str, list[Any]]


class _Worker:
    def __init__(self) -> None:
        self._connections: dict[str, sqlite3.Connection] = {}

    def connection(self, path: str) -> sqlite3.Connection:
        if path not in self._connections:
            # The defaults of a plain backend connection (autocommit, default cache).
            self._connections[path] = sqlite3.connect(path, isolation_level=None)
        return self._connections[path]

    def replay(self, path: str, statements: list[Statement], json_column: str | None) -> float:
        """Run each statement and fetch all its rows; with ``json_column``, rows become
        dicts with that column parsed by ``json.loads`` (what the backend's service does)."""
        connection = self.connection(path)
        started = time.perf_counter()
        for sql, params in statements:
            cursor = connection.execute(sql, params)
            if json_column is None:
                cursor.fetchall()
                continue
            names = [column[0] for column in cursor.description]
            for values in cursor.fetchall():
                row = dict(zip(names, values, strict=True))
                row[json_column] = json.loads(row[json_column])
        return time.perf_counter() - started

    def close(self, path: str) -> None:
        connection = self._connections.pop(path, None)
        if connection is not None:
            connection.close()

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        op = request["op"]
        if op == "replay":
            statements = [(sql, params) for sql, params in request["statements"]]
            return {"seconds": self.replay(request["path"], statements, request.get("json"))}
        if op == "close":
            self.close(request["path"])
            return {}
        if op == "version":
            return {"sqlite": sqlite3.sqlite_version}
        raise ValueError(op)


def serve() -> int:
    worker = _Worker()
    for line in sys.stdin:
        try:
            answer = worker.handle(json.loads(line))
        except Exception as exc:  # answered, so the benchmark can say what went wrong
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


class RawSql:
    """The client: ``replay()`` returns the seconds plain sqlite3 took for the statements."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.benchmarks.rawsql"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def _ask(self, **request: Any) -> dict[str, Any]:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        answer = json.loads(self._process.stdout.readline())
        if "error" in answer:
            raise RuntimeError(f"plain sqlite3: {answer['error']}")
        return answer

    def replay(
        self, path: Path, statements: list[Statement], json_column: str | None = None
    ) -> float:
        return float(
            self._ask(op="replay", path=str(path), statements=statements, json=json_column)[
                "seconds"
            ]
        )

    def close_file(self, path: Path) -> None:
        self._ask(op="close", path=str(path))

    def sqlite_version(self) -> str:
        return str(self._ask(op="version")["sqlite"])

    def stop(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            self._process.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(serve())
