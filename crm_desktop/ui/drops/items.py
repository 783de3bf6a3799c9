"""What was dragged: the URLs of a drag's mime data as local paths (or the text of the rest).

This is the only step that runs inside a drop handler, so it reads nothing from the disk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl


@dataclass(frozen=True)
class Dropped:
    """One dragged item: its local path, or None with the URL's text when it is not local."""

    source: str  # as people read it: the local path, or the URL
    path: Path | None


def _one(item: QUrl | Path | str) -> Dropped:
    if isinstance(item, Path):
        return Dropped(str(item), item)
    url = item if isinstance(item, QUrl) else QUrl(item) if "://" in item else None
    if url is None:  # a plain path given as text
        return Dropped(str(item), Path(str(item)))
    if url.isLocalFile():
        path = Path(url.toLocalFile())
        return Dropped(str(path), path)
    return Dropped(url.toDisplayString(), None)


def from_urls(items: Iterable[QUrl | Path | str]) -> list[Dropped]:
    """Each URL (or path) in order, local or not: the scan says what is wrong with each."""
    return [_one(item) for item in items]


def dropped(mime: QMimeData | None) -> list[Dropped]:
    """The URLs of a drag (the file manager's ``text/uri-list``), in order."""
    if mime is None or not mime.hasUrls():
        return []
    return from_urls(mime.urls())


def has_local_files(mime: QMimeData | None) -> bool:
    """True when the drag carries at least one local path: worth accepting (cheap, no disk)."""
    return mime is not None and mime.hasUrls() and any(url.isLocalFile() for url in mime.urls())


# What a drop holds, told by the names alone (a drop handler reads nothing from the disk):
# message files (whether a .txt or .zip is a WhatsApp chat, the review finds out), contacts.
MESSAGE_SUFFIXES = frozenset({".eml", ".msg", ".txt", ".zip"})
CONTACT_SUFFIXES = frozenset({".vcf", ".vcard"})


def _suffix(item: Dropped) -> str:
    return item.path.suffix.lower() if item.path is not None else ""


def holds_messages(items: list[Dropped]) -> bool:
    """True when a dropped item may be a message file (an e-mail, a chat, a vCard)."""
    return any(_suffix(item) in MESSAGE_SUFFIXES | CONTACT_SUFFIXES for item in items)


def only_contacts(items: list[Dropped]) -> bool:
    """True for a drop of vCards only: on the customer list they become customers."""
    return bool(items) and all(_suffix(item) in CONTACT_SUFFIXES for item in items)


def urls_only_contacts(mime: QMimeData | None) -> bool:
    """``only_contacts`` for a drag still under way."""
    return only_contacts(dropped(mime))
