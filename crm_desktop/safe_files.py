"""Files that appear whole or not at all.

Everything the app writes for people to keep (exports, backups, restored databases) is
first written under a temporary name in the target's own folder (so that the last step is
a rename on one file system), flushed to the disk, and only then given its name. A crash,
a full disk or a Cancel leaves at most a ``.crm-desktop-*.part`` file, never a half-written
file under the name the person chose.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

TEMP_PREFIX = ".crm-desktop-"
TEMP_SUFFIX = ".part"


def temporary_beside(target: Path) -> Path:
    """A new, empty file in ``target``'s folder, named so that it is clearly unfinished,
    with the permissions a new file gets there (the umask's, as any program would)."""
    while True:
        name = f"{TEMP_PREFIX}{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        path = target.parent / name
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(handle)
        return path


def fsync_file(path: Path) -> None:
    """Flush a closed file's data to the disk (``fdatasync`` where there is one)."""
    handle = os.open(path, os.O_RDONLY)
    try:
        (getattr(os, "fdatasync", None) or os.fsync)(handle)
    finally:
        os.close(handle)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new name in ``folder`` survive a power cut (no-op where folders
    cannot be opened, as on Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def publish(temporary: Path, target: Path, *, replace: bool) -> None:
    """Give the finished ``temporary`` its final name ``target`` (same folder), atomically.

    ``replace=False`` never touches an existing ``target`` (FileExistsError): a hard link
    makes the name only if it is free, then the temporary name goes. Where hard links are not
    possible (FAT, some network shares) the name is claimed with an exclusive create first,
    and the finished file renamed over that empty claim.
    """
    fsync_file(temporary)
    if replace:
        os.replace(temporary, target)
    else:
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV):
                raise
            _claim(target)
            os.replace(temporary, target)
        else:
            temporary.unlink()
    fsync_folder(target.parent)


def _claim(target: Path) -> None:
    handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.close(handle)


@contextlib.contextmanager
def written_whole(target: Path, *, replace: bool) -> Iterator[Path]:
    """``with written_whole(target) as part: write(part)``: on success ``part`` becomes
    ``target`` (see publish()); on any error or exception the partial file is removed."""
    if not replace and target.exists():
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
    part = temporary_beside(target)
    try:
        yield part
        publish(part, target, replace=replace)
    except BaseException:
        remove_quietly(part)
        raise


def free_name(wanted: Path) -> Path:
    """``wanted``, or ``stem (2).suffix``, ``stem (3).suffix``… whichever does not exist."""
    if not wanted.exists():
        return wanted
    number = 2
    while True:
        candidate = wanted.with_name(f"{wanted.stem} ({number}){wanted.suffix}")
        if not candidate.exists():
            return candidate
        number += 1
