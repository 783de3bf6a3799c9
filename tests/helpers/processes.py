"""Start the backend writer (tests/helpers/backend_writer.py) as a separate process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
