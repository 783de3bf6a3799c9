"""Start the backend writer (tests/helpers/backend_writer.py) as a separate process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def start_writer(db_path: Path, *args: str) -> subprocess.Popen[str]:
    """The writer; with ``--on-demand`` its stdin is a pipe that says when to commit."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.backend_writer", str(db_path), *args],
        cwd=REPO,
        stdin=subprocess.PIPE if "--on-demand" in args else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_writer(db_path: Path, *args: str, timeout: float = 60) -> str:
    process = start_writer(db_path, *args)
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return out


class DefaultWriters:
    """tests/helpers/default_writer.py running beside the test: Python's sqlite3 with its
    defaults, ``threads`` writers at once; ``finish()`` stops them and returns their summary."""

    def __init__(self, db_path: Path, customer_id: str, *args: str) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.helpers.default_writer",
                str(db_path),
                customer_id,
                *args,
            ],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        assert line == "writing", self.process.stderr.read() if self.process.stderr else line

    def finish(self) -> dict[str, Any]:
        out, err = self.process.communicate("stop\n", timeout=60)
        assert self.process.returncode == 0, err
        return json.loads(out.strip().splitlines()[-1])


def backend_edits(db: Path | str, *operations: dict[str, Any], timeout: float = 60) -> None:
    """Run ``operations`` in a second process, as the backend writes (see
    tests/helpers/backend_edits.py)."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.backend_edits", str(db), json.dumps(operations)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == "done", done.stderr
