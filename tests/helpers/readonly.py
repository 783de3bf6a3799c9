"""Really read-only files and folders, also for root (whom chmod does not stop).

As root: ``chattr +i`` for a file, a read-only bind mount for a folder. As another user:
chmod. Where neither is possible the test is skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True).returncode == 0


@contextmanager
def read_only_file(path: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield path
        finally:
            path.chmod(0o644)
        return
    if not shutil.which("chattr") or not _run("chattr", "+i", str(path)):
        pytest.skip("cannot make a file read-only for root here (chattr +i)")
    try:
        yield path
    finally:
        _run("chattr", "-i", str(path))


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """The same files as ``folder``, seen through a read-only view of it."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    view = folder.with_name(folder.name + "-ro")
    view.mkdir()
    if not _run("mount", "--bind", str(folder), str(view)):
        view.rmdir()
        pytest.skip("cannot make a read-only bind mount here")
    try:
        if not _run("mount", "-o", "remount,ro,bind", str(view)):
            pytest.skip("cannot make a read-only bind mount here")
        yield view
    finally:
        _run("umount", str(view))
        view.rmdir()
