"""What reading a message file gives: plain typed values, nothing written anywhere yet.

A file gives a ``FileOutcome``: the messages (e-mail, Outlook, WhatsApp) or contacts (vCard)
read from it, warnings about the file, or why it could not be read at all, in plain words.
Attachments carry their name and size and re-read their bytes from the file on demand, so
that a drop of a thousand e-mails holds no attachment in memory while it is reviewed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from crm_desktop import timeutil
from crm_desktop.i18n import translate
from crm_desktop.models import CommType

MB = 1_000_000


class SourceFormat(StrEnum):
    """What kind of file a result was read from."""

    eml = "eml"  # an RFC 5322 e-mail (Thunderbird, Apple Mail, most webmail downloads)
    msg = "msg"  # an Outlook item ([MS-OXMSG])
    whatsapp = "whatsapp"  # WhatsApp's "Export chat": the .txt, or a .zip with the .txt and media
    vcard = "vcard"  # one or more contacts (.vcf)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a file may hold before it is refused or a part of it left out.

    Files are refused unread above ``message_file`` (an .eml is parsed in memory); an
    attachment above ``attachment`` is left out with a reason (the message itself is kept).
    """

    message_file: int = 100 * MB  # an .eml or .msg file
    attachment: int = 40 * MB  # one attachment of an e-mail (mail systems carry 20-35 MB)
    chat_text: int = 64 * MB  # WhatsApp's chat text (20,000 messages are about 2 MB)
    media: int = 2_000 * MB  # one media file in a WhatsApp .zip (WhatsApp's own limit: 2 GB)
    archive_members: int = 20_000  # files in a WhatsApp .zip
    archive_total: int = 20_000 * MB  # all files of a .zip together, unpacked
    compression_ratio: int = 200  # unpacked/packed above this (and above 1 MB): a zip bomb
    contacts_file: int = 20 * MB  # a .vcf file (photos included)


DEFAULT_LIMITS = Limits()


class AttachmentUnavailableError(Exception):
    """An attachment's bytes cannot be had any more (the file changed or went away).

    ``str(error)`` is a sentence for people.
    """


Opener = Callable[[], AbstractContextManager[BinaryIO]]


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file that came with a message.

    ``filename`` is safe to use as a file name (no folders, no control characters, NFC);
    ``size`` is in bytes. The bytes are read from the source file when asked for.
    """

    filename: str
    size: int
    mime_type: str | None
    opener: Opener = field(repr=False, compare=False)
    content_id: str | None = None  # the cid: an HTML body refers to it by (inline images)
    inline: bool = False  # shown inside the body rather than attached

    def open(self) -> AbstractContextManager[BinaryIO]:
        """A binary stream of the content; raises AttachmentUnavailableError."""
        return self.opener()

    def read_bytes(self) -> bytes:
        with self.open() as stream:
            return stream.read()

    def write_to(self, target: BinaryIO) -> int:
        """Copy the content into ``target`` in chunks; returns the number of bytes."""
        written = 0
        with self.open() as stream:
            while chunk := stream.read(1 << 20):
                target.write(chunk)
                written += len(chunk)
        return written

    def save_as(self, path: Path) -> int:
        """Write the content to a new file ``path`` (never over an existing one)."""
        with path.open("xb") as target, self.open() as stream:
            shutil.copyfileobj(stream, target, 1 << 20)
            return target.tell()


@dataclass(frozen=True, slots=True)
class Address:
    """A sender or recipient: a display name, an e-mail address, or both."""

    name: str | None = None
    email: str | None = None  # as written; compare with normalize.email_key()

    def __str__(self) -> str:
        if self.name and self.email:
            return f"{self.name} <{self.email}>"
        return self.name or self.email or ""


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """One message as read from a file, ready to become a communication entry.

    ``type`` is the spec's CommType (email for .eml and .msg, whatsapp for chats).
    ``occurred_at`` is an aware UTC datetime, or None when the file does not say when
    (``problems`` then says so). ``ext_message_id`` is always set: the e-mail's Message-ID
    (``<id@host>``), or a derived key (``crm:…``) that is the same for the same message
    read again; it is the key for "already logged".
    """

    type: CommType
    source_format: SourceFormat
    subject: str | None
    body: str
    occurred_at: datetime | None
    sender: Address | None
    recipients: tuple[Address, ...]
    ext_message_id: str
    attachments: tuple[Attachment, ...] = ()
    problems: tuple[str, ...] = ()  # what was odd or left out, in words; it is still usable

    @property
    def occurred_at_storage(self) -> str | None:
        """``occurred_at`` as the shared file stores it (naive UTC ISO-8601 text)."""
        return None if self.occurred_at is None else timeutil.to_storage(self.occurred_at)


@dataclass(frozen=True, slots=True)
class ParsedContact:
    """One contact of a vCard file, with fields as the customer record has them."""

    name: str
    organization: str | None = None
    email: str | None = None  # the first one; the others are in ``notes``
    phone: str | None = None  # the first one; the others are in ``notes``
    address: str | None = None  # the first address, formatted on lines
    notes: str | None = None  # the card's NOTE, then further e-mails, phones, addresses
    categories: tuple[str, ...] = ()  # the card's CATEGORIES: the customer's tags
    emails: tuple[str, ...] = ()  # all of them, first first
    phones: tuple[str, ...] = ()  # all of them, first first
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What one file gave: messages, contacts, or why nothing could be read from it."""

    path: Path
    source_format: SourceFormat | None  # None when the file was not recognised
    messages: tuple[ParsedMessage, ...] = ()
    contacts: tuple[ParsedContact, ...] = ()
    problems: tuple[str, ...] = ()  # about the file as a whole, e.g. lines that were skipped
    unreadable: str | None = None  # why nothing was read, in words (None: it was read)
    chat_title: str | None = None  # a WhatsApp chat's name, from the export's file name

    @property
    def ok(self) -> bool:
        return self.unreadable is None


def unreadable(path: Path, reason: str, source_format: SourceFormat | None = None) -> FileOutcome:
    return FileOutcome(path, source_format, unreadable=reason)


def changed_meanwhile(path: Path) -> AttachmentUnavailableError:
    return AttachmentUnavailableError(
        translate(
            "messages", "{name} changed or went away after it was read; drop it again."
        ).format(name=path.name)
    )


@contextmanager
def _bytes_stream(data: bytes) -> Iterator[BinaryIO]:
    import io

    yield io.BytesIO(data)


def from_bytes(data: bytes) -> Opener:
    """An opener over bytes already in memory (small parts only)."""
    return lambda: _bytes_stream(data)
