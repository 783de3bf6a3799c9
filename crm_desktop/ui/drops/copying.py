"""Copying dropped files into the Nextcloud sync folder: never over a file, and undoable.

The Nextcloud client uploads what appears in its folder, so a file copied there by mistake
would be uploaded; ``undo()`` removes every file (and folder) this copier made, partial
copies included, so that a cancelled or failed drop leaves the folder as it was.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO

from crm_desktop import nextcloud
from crm_desktop.errors import CrmError
from crm_desktop.i18n import translate
from crm_desktop.ui.drops.rules import checkpoint

# Opens the bytes to copy: a file, or an attachment read again from its message.
Opener = Callable[[], AbstractContextManager[BinaryIO]]

CHUNK = 1 << 20  # cancel is checked between chunks: a big video stops within milliseconds


class CopyError(CrmError):
    """A file could not be copied into the sync folder; says which and why in plain words."""

    def __init__(self, source: Path, target: Path, exc: OSError) -> None:
        self.source, self.target = source, target
        reason = exc.strerror or str(exc)
        super().__init__(
            translate("drops", "{name} could not be copied to {target}: {reason}").format(
                name=source.name, target=target, reason=reason
            )
        )


def _folded(name: str) -> str:
    """A name as the sync clients compare them: in NFC, whatever its case."""
    return nextcloud.nfc(name).casefold()


def numbered(name: str, number: int) -> str:
    """``photo.jpg`` as ``photo (2).jpg``; ``backup.tar.gz`` as ``backup (2).tar.gz``."""
    stem, suffix = os.path.splitext(name)
    if stem.lower().endswith(".tar"):
        stem, suffix = stem[:-4], stem[-4:] + suffix
    if not stem:  # ".profile": all of it is the name
        stem, suffix = name, ""
    return f"{stem} ({number}){suffix}"


class Copier:
    """Copies files to their Nextcloud path under ``sync_folder``; a name that is taken (on
    disk, by this copier, or in ``reserved`` Nextcloud paths) gets a number instead."""

    def __init__(self, sync_folder: str | Path, reserved: Iterable[str] = ()) -> None:
        self.root = Path(sync_folder).expanduser().resolve()
        # Case-insensitively: Windows and macOS clients cannot hold both a.jpg and A.jpg;
        # in NFC: nor "ü" spelt as one character and as "u" with a combining diaeresis.
        self._taken = {_folded(path) for path in reserved}
        self.created: list[Path] = []
        self._folders: list[Path] = []
        self._listed: dict[Path, set[str]] = {}  # folder -> its names, casefolded

    def target(self, nextcloud_path: str) -> Path:
        """The file the copy goes to: inside the sync folder, whatever the path says."""
        target = nextcloud.in_sync_folder(nextcloud.nfc(nextcloud_path), self.root)
        if target is None:
            raise ValueError(f"not a Nextcloud file path in the sync folder: {nextcloud_path!r}")
        return target

    def copy(
        self,
        source: Path,
        nextcloud_path: str,
        cancel: threading.Event | None = None,
        copied: Callable[[int], None] | None = None,
    ) -> str:
        """Copy ``source`` and return the Nextcloud path it got (numbered if the name was
        taken). ``copied(n)`` is told of each chunk; raises Cancelled or CopyError."""
        try:
            info = source.stat()
        except OSError as exc:
            raise CopyError(source, self.target(nextcloud_path), exc) from exc
        # Keep the file's own date: for a photo it says when it was taken.
        return self.write(
            lambda: source.open("rb"),
            nextcloud_path,
            cancel,
            copied,
            times_ns=(info.st_atime_ns, info.st_mtime_ns),
            name=source.name,
        )

    def write(
        self,
        source: Opener,
        nextcloud_path: str,
        cancel: threading.Event | None = None,
        copied: Callable[[int], None] | None = None,
        *,
        times_ns: tuple[int, int] | None = None,
        name: str = "",
    ) -> str:
        """Write what ``source()`` opens (e.g. an e-mail's attachment) to a new file at
        ``nextcloud_path`` (numbered if the name was taken) and return the path it got.
        ``times_ns`` (access, modification) dates the file; ``name`` is said in errors.
        Raises Cancelled or CopyError (or what the source raises)."""
        target = self.target(nextcloud_path)
        try:
            self._make_folders(target.parent)
            handle, final = self._claim(target)
            with handle, source() as reader:
                while chunk := reader.read(CHUNK):
                    checkpoint(cancel)
                    handle.write(chunk)
                    if copied is not None:
                        copied(len(chunk))
            if times_ns is not None:
                os.utime(final, ns=times_ns)
        except OSError as exc:
            raise CopyError(Path(name or target.name), target, exc) from exc
        return "/" + final.relative_to(self.root).as_posix()

    def undo(self) -> None:
        """Remove every file and folder this copier made (a partial copy too)."""
        for file in reversed(self.created):
            file.unlink(missing_ok=True)
        self.created.clear()
        for folder in reversed(self._folders):
            # Not empty any more: someone else put a file there meanwhile, so it stays.
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._folders.clear()

    def _key(self, path: Path) -> str:
        return _folded("/" + path.relative_to(self.root).as_posix())

    def _claim(self, target: Path) -> tuple[BinaryIO, Path]:
        """Create the first free name: "x" opens only a new file, so nothing is overwritten
        even if another program makes the same name between two checks."""
        number = 1
        while True:
            candidate = target if number == 1 else target.with_name(numbered(target.name, number))
            key = self._key(candidate)
            if key not in self._taken and _folded(candidate.name) not in self._names(target.parent):
                try:
                    handle = candidate.open("xb")
                except FileExistsError:
                    pass
                else:
                    self._taken.add(key)
                    self.created.append(candidate)  # before writing: undo removes a partial copy
                    return handle, candidate
            number += 1

    def _names(self, folder: Path) -> set[str]:
        """The names in a folder, listed once: ``exists()`` would miss A.jpg beside a.jpg."""
        if folder not in self._listed:
            try:
                self._listed[folder] = {_folded(name) for name in os.listdir(folder)}
            except OSError:
                self._listed[folder] = set()
        return self._listed[folder]

    def _make_folders(self, folder: Path) -> None:
        missing = []
        while not folder.exists() and folder != self.root and folder != folder.parent:
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            self._folders.append(path)
