"""From dropped items to candidate files: folders walked, each file checked and described.

Runs off the GUI thread for big drops (``cancel`` and ``progress`` are for that); every
check is a plain file-system call, so a drop of thousands of files takes a fraction of a
second. A file with a problem stays in the list with the problem in words, so that the
person sees why it was not recorded while the rest of the drop goes through.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeDatabase, QUrl

from crm_desktop import nextcloud
from crm_desktop.i18n import translate
from crm_desktop.ui.drops.items import Dropped
from crm_desktop.ui.drops.rules import checkpoint, record_problem

# Inside a dropped folder these are the file manager's and the system's, not the customer's
# (and the Nextcloud client does not sync hidden files either); dropped one by one they count.
_JUNK = frozenset({".ds_store", "thumbs.db", "desktop.ini"})

ScanProgress = Callable[[int, int], None]  # (files looked at, files found)


@dataclass(frozen=True)
class ScanOptions:
    sync_folder: str | Path | None = None  # the local folder the Nextcloud client syncs
    customer_folder: str | None = None  # the customer's folder in Nextcloud
    detect_mime: bool = True  # off when only names and paths matter (attachments)


@dataclass(frozen=True)
class Candidate:
    """A dropped file as found: what it is, where it belongs in Nextcloud, what is wrong."""

    source: str  # what was dropped, as people read it
    path: Path | None  # the local file, None for a URL that is not one
    filename: str
    file_problem: str | None = None  # unusable whatever its name: missing, empty, unreadable…
    mime_type: str = ""
    size: int = 0
    nextcloud_path: str = ""
    in_sync_folder: bool = False  # already where the Nextcloud client syncs it

    @property
    def problem(self) -> str | None:
        """Why it cannot be recorded as it is (the file, or a name Nextcloud refuses)."""
        return self.file_problem or record_problem(self.filename, self.nextcloud_path)

    @property
    def ok(self) -> bool:
        return self.problem is None


def scan(
    items: Iterable[Dropped],
    options: ScanOptions = ScanOptions(),  # frozen: a safe default
    cancel: threading.Event | None = None,
    progress: ScanProgress | None = None,
) -> list[Candidate]:
    """The candidate files of a drop, in a stable order: dropped order, folders by name.

    Raises Cancelled when ``cancel`` is set meanwhile.
    """
    found = _expand(items, cancel)
    mimes = QMimeDatabase() if options.detect_mime else None
    candidates = []
    for done, (source, path, problem) in enumerate(found, 1):
        checkpoint(cancel)
        candidates.append(_inspect(source, path, problem, options, mimes))
        if progress is not None:
            progress(done, len(found))
    return candidates


# --- folders --------------------------------------------------------------------------------

_Found = tuple[str, Path | None, str | None]  # (source, path, problem known already)


def _expand(items: Iterable[Dropped], cancel: threading.Event | None) -> list[_Found]:
    found: list[_Found] = []
    visited: set[Path] = set()  # real folders seen: a link loop or an overlap is walked once
    for item in items:
        checkpoint(cancel)
        if item.path is None:
            found.append(
                (item.source, None, translate("drops", "it is not a file on this computer"))
            )
        elif _is_folder(item.path):
            before = len(found)
            _walk(item.path, found, visited, cancel)
            if len(found) == before:
                found.append(
                    (item.source, item.path, translate("drops", "the folder has no files"))
                )
        else:
            found.append((item.source, item.path, None))
    return found


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()  # follows a link to a folder
    except OSError:
        return False


def _walk(
    folder: Path, found: list[_Found], visited: set[Path], cancel: threading.Event | None
) -> None:
    real = folder.resolve()
    if real in visited:
        return
    visited.add(real)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: (entry.name.casefold(), entry.name))
    except OSError as exc:
        problem = translate("drops", "the folder cannot be read ({reason})").format(
            reason=_reason(exc)
        )
        found.append((str(folder), folder, problem))
        return
    folders = []
    for entry in entries:
        checkpoint(cancel)
        if entry.name.startswith(".") or entry.name.lower() in _JUNK:
            continue
        path = Path(entry.path)
        if _is_folder(path):
            folders.append(path)
        else:
            found.append((str(path), path, None))
    # A folder's own files first, then its subfolders': the list reads from the top down.
    for path in folders:
        _walk(path, found, visited, cancel)


# --- one file -------------------------------------------------------------------------------


def _inspect(
    source: str,
    path: Path | None,
    problem: str | None,
    options: ScanOptions,
    mimes: QMimeDatabase | None,
) -> Candidate:
    if path is None:
        return Candidate(source, None, _url_name(source), problem)
    if problem is None:
        problem, size = _file_problem(path)
    else:
        size = 0
    if problem is not None:
        return Candidate(source, path, path.name, problem, size=size)
    relative = nextcloud.relative_to_sync_folder(path, options.sync_folder)
    return Candidate(
        source,
        path,
        nextcloud.nfc(path.name),
        None,
        # From the content and the name: a photo without extension is still a JPEG.
        mime_type=mimes.mimeTypeForFile(str(path)).name() if mimes is not None else "",
        size=size,
        nextcloud_path=relative or nextcloud.join(options.customer_folder, path.name),
        in_sync_folder=relative is not None,
    )


def _file_problem(path: Path) -> tuple[str | None, int]:
    """What keeps a local file from being recorded, and its size."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            try:
                info = path.stat()
            except OSError:  # the target is gone, or the links go round in a loop
                return translate("drops", "it is a broken link (what it pointed to is gone)"), 0
    except FileNotFoundError:
        return translate("drops", "it does not exist (any more)"), 0
    except OSError as exc:
        return translate("drops", "it cannot be read ({reason})").format(reason=_reason(exc)), 0
    if not stat.S_ISREG(info.st_mode):
        # Opening a pipe or a device to read it could wait forever.
        return translate("drops", "it is not a regular file (a pipe, a device or a socket)"), 0
    if info.st_size == 0:
        return translate("drops", "the file is empty"), 0
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        return translate("drops", "it cannot be read ({reason})").format(reason=_reason(exc)), 0
    return None, info.st_size


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return translate("drops", "no permission")
    return exc.strerror or str(exc)


def _url_name(source: str) -> str:
    name = QUrl(source).fileName()
    return name or source
