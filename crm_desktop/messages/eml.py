"""E-mail files (.eml, RFC 5322/MIME) read with Python's ``email`` package, ``policy.default``.

Rules:
- Body: the plain-text part (``format=flowed`` joined again); when there is none, the HTML
  part as readable text (html_text); never raw HTML.
- When: the ``Date`` header in UTC (a date without a zone, ``-0000``, is UTC as RFC 5322
  says). Missing or unreadable: the time the receiving server noted in the newest
  ``Received`` header, with a note; without that, no time, with a note.
- Key: the ``Message-ID``; without one, a hash of sender, date, subject and body.
- Charsets: see text.decode(); headers with raw 8-bit bytes are read as UTF-8 or Windows-1252.
- Attachments: every part that is not the body, in the order of the mail; a forwarded
  mail (message/rfc822) becomes ``<subject>.eml``. Inline images (parts of
  multipart/related, or ``inline`` with a Content-ID) count as attachments when they are
  at least INLINE_IMAGE_MIN bytes: smaller ones are signature logos, icons and tracking
  pixels. An attachment above the size limit is left out with a note.
"""

from __future__ import annotations

import base64
import io
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from email import policy
from email.feedparser import BytesFeedParser
from email.header import decode_header
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage, Message, MIMEPart
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO

from crm_desktop.i18n import translate
from crm_desktop.messages import ids
from crm_desktop.messages.html_text import html_to_text
from crm_desktop.messages.sources import FileStamp
from crm_desktop.messages.text import (
    clean_line,
    decode,
    recover_8bit,
    safe_filename,
    size_text,
    tidy_body,
    unique_names,
)
from crm_desktop.messages.types import (
    DEFAULT_LIMITS,
    Address,
    Attachment,
    AttachmentUnavailableError,
    FileOutcome,
    Limits,
    ParsedMessage,
    SourceFormat,
    unreadable,
)
from crm_desktop.models import CommType

INLINE_IMAGE_MIN = 16_000  # bytes: smaller inline images are logos and icons, not content

# Headers of which a mail file has at least one at its start (a mail without any is junk).
_MAIL_HEADERS = frozenset(
    {
        "from", "to", "cc", "subject", "date", "message-id", "received", "return-path",
        "mime-version", "delivered-to", "reply-to", "sender", "x-mailer", "content-type",
    }
)  # fmt: skip
_HEADER_LINE = re.compile(rb"^[\x21-\x39\x3b-\x7e]+[ \t]*:")


def looks_like_mail(head: bytes) -> bool:
    """True when ``head`` (the file's first few kB) starts with mail headers."""
    head = _skip_mbox_line(head.lstrip(b"\xef\xbb\xbf"))
    ends = [found for found in (head.find(b"\n\n"), head.find(b"\r\n\r\n")) if found != -1]
    block = head[: min(ends)] if ends else head
    if not _HEADER_LINE.match(block) or b"\x00" in block:
        return False
    names = {name.lower() for name in _HEADER_NAMES.findall(block)}
    return bool(names & _MAIL_HEADER_BYTES)


_HEADER_NAMES = re.compile(rb"^([\x21-\x39\x3b-\x7e]+)[ \t]*:", re.M)
_MAIL_HEADER_BYTES = frozenset(name.encode() for name in _MAIL_HEADERS)


def _skip_mbox_line(data: bytes) -> bytes:
    # An mbox export's separator line "From sender date" is not a header.
    if data.startswith(b"From "):
        return data.split(b"\n", 1)[1] if b"\n" in data else b""
    return data


def read_eml(path: Path, limits: Limits = DEFAULT_LIMITS, head: bytes | None = None) -> FileOutcome:
    """``head``: the file's first ``_HEAD`` bytes when the caller read them already."""
    stamp = FileStamp.of(path)
    if stamp.size > limits.message_file:
        return unreadable(path, _too_big(stamp.size, limits.message_file), SourceFormat.eml)
    if head is None:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    if not looks_like_mail(head):
        return unreadable(
            path,
            translate("messages", "This is not an e-mail: it does not start with mail headers."),
            SourceFormat.eml,
        )
    message = parse_file(path, head)
    return FileOutcome(path, SourceFormat.eml, messages=(read_message(message, stamp, limits),))


_HEAD = 65536
_CHUNK = 1 << 20


class _Headers(HeaderRegistry):
    """policy.default's header factory, remembering what it made for each (name, value).

    policy.default parses a header into its object at every look, and the walk over a
    mail's parts looks at Content-Type and Content-Disposition again and again: 4.2 ms a
    mail, against 0.9 ms under the compat32 policy, and 1,000 e-mails would miss their
    2 s to the review. A header's object depends only on its name and text and is never
    changed, so the one made at the first look serves again: 1.2 ms a mail, policy.default
    in everything else. Bounded: cleared when full. (tests/benchmarks/bench_messages.py)
    """

    LIMIT = 4096

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[tuple[str, str], BaseHeader] = {}
        self._lock = threading.Lock()

    def __call__(self, name: str, value: str) -> BaseHeader:
        key = (name.lower(), value)
        made = self._made.get(key)
        if made is None:
            made = super().__call__(name, value)
            with self._lock:  # workers read files in parallel
                if len(self._made) >= self.LIMIT:
                    self._made.clear()
                self._made[key] = made
        return made


# Python's policy.default (as the issue asks), with the remembering header factory.
POLICY = policy.default.clone(header_factory=_Headers())


def parse_file(path: Path, head: bytes | None = None) -> EmailMessage:
    """A mail file parsed in chunks (``POLICY``): the file is never in memory twice (bytes
    and text). ``head``: its first ``_HEAD`` bytes, when they were read already."""
    parser = BytesFeedParser(policy=POLICY)
    with path.open("rb") as handle:
        if head is None:
            head = handle.read(_HEAD)
        else:
            handle.seek(len(head))
        parser.feed(_mend_headers(_skip_mbox_line(head.lstrip(b"\xef\xbb\xbf"))))
        while chunk := handle.read(_CHUNK):
            parser.feed(chunk)
    parsed = parser.close()
    assert isinstance(parsed, EmailMessage)  # policy.default's message_factory
    return parsed


def _mend_headers(data: bytes) -> bytes:
    """Continuation lines that a mailer forgot to indent (seen with long encoded subjects)
    indented, so that the parser does not take them for the start of the body."""
    ends = [found for found in (data.find(b"\r\n\r\n"), data.find(b"\n\n")) if found != -1]
    if not ends:
        return data  # the headers go on past what was read: leave them as they are
    end = min(ends)
    head = data[:end]
    lines = head.split(b"\n")
    mended = [
        line if index == 0 or line[:1] in (b" ", b"\t") or _HEADER_LINE.match(line) else b" " + line
        for index, line in enumerate(lines)
    ]
    if mended == lines:
        return data
    return b"\n".join(mended) + data[end:]


def _too_big(size: int, limit: int) -> str:
    return translate(
        "messages",
        "The file is {size}; e-mails larger than {limit} are not read here. Save its"
        " attachments from the mail program and drop them on the media panel instead.",
    ).format(size=size_text(size), limit=size_text(limit))


def read_message(message: EmailMessage, stamp: FileStamp | None, limits: Limits) -> ParsedMessage:
    """One parsed mail as a ParsedMessage; ``stamp`` is where attachments are read again."""
    problems: list[str] = []
    subject = clean_line(_header(message, "subject"))
    sender = _first(_addresses(message, "from")) or _first(_addresses(message, "sender"))
    recipients = tuple(
        address for name in ("to", "cc", "bcc") for address in _addresses(message, name)
    )
    occurred_at = _date(message, problems)
    body = _body(message, problems)
    attachments = _attachments(message, stamp, limits, problems)
    key = ids.message_id(_header(message, "message-id")) or ids.derived_id(
        "email",
        sender.email or "" if sender else "",
        occurred_at.isoformat() if occurred_at else "",
        subject or "",
        body,
    )
    return ParsedMessage(
        type=CommType.email,
        source_format=SourceFormat.eml,
        subject=subject,
        body=body,
        occurred_at=occurred_at,
        sender=sender,
        recipients=recipients,
        ext_message_id=key,
        attachments=attachments,
        problems=tuple(dict.fromkeys(problems)),
    )


# --- headers ----------------------------------------------------------------------------------


def _header(message: Message, name: str) -> str | None:
    """A header's text with its encoded words decoded (see decode_words)."""
    raw = _raw_header(message, name)
    return None if raw is None else decode_words(raw)


def _raw_header(message: Message, name: str) -> str | None:
    """A header as written (unfolded), encoded words and all; the first if it repeats."""
    for key, value in message.raw_items():
        if key.lower() == name:
            return " ".join(str(value).split())
    return None


def decode_words(raw: str) -> str:
    """RFC 2047 encoded words decoded, adjacent ones of one charset together (mailers split
    a character across two words); raw 8-bit text as UTF-8 or Windows-1252."""
    try:
        chunks = decode_header(raw)
    except Exception:  # a malformed encoded word: keep the text as written
        return recover_8bit(raw)
    parts = []
    for value, charset in chunks:
        if isinstance(value, str):
            parts.append(recover_8bit(value))
        elif charset is None:
            parts.append(recover_8bit(value.decode("raw-unicode-escape", "replace")))
        else:
            parts.append(decode(value, charset)[0])
    return "".join(parts)


_ADDR_SPEC = re.compile(r"[^\s<>,;:\"()\[\]]+@[^\s<>,;:\"()\[\]]+")


def _addresses(message: Message, name: str) -> list[Address]:
    raw = _raw_header(message, name)
    if not raw:
        return []
    pairs = [pair for pair in getaddresses([raw]) if pair != ("", "")]
    if not pairs:  # unparseable: take what looks like an address
        pairs = [("", found) for found in _ADDR_SPEC.findall(raw)]
    found = []
    for display, spec in pairs:
        email = clean_line(recover_8bit(spec))
        if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
            email = None
        name_text = clean_line(decode_words(display)) if display else None
        if email or name_text:
            found.append(Address(name_text, email))
    return found


def _first(addresses: list[Address]) -> Address | None:
    return addresses[0] if addresses else None


def _date(message: Message, problems: list[str]) -> datetime | None:
    raw = _raw_header(message, "date")
    moment = parse_date(raw)
    if moment is not None:
        return moment
    for received in _received(message):
        moment = parse_date(received.rpartition(";")[2])
        if moment is not None:
            problems.append(
                translate(
                    "messages",
                    "The e-mail has no date that can be read; the time it arrived is used.",
                )
            )
            return moment
    problems.append(translate("messages", "The e-mail says nowhere when it was sent."))
    return None


def _received(message: Message) -> list[str]:
    return [str(value) for key, value in message.raw_items() if key.lower() == "received"]


def parse_date(text: str | None) -> datetime | None:
    if not text or not text.strip():
        return None
    try:
        moment = parsedate_to_datetime(" ".join(text.split()))
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


# --- the body ---------------------------------------------------------------------------------


def _body(message: EmailMessage, problems: list[str]) -> str:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except Exception:
        part = None
    if part is None:
        return ""
    text = _part_text(part, problems)
    if part.get_content_subtype() == "html":
        return tidy_body(html_to_text(text))
    if part.get_param("format", "", header="content-type") == "flowed":
        delsp = str(part.get_param("delsp", "", header="content-type")).lower() == "yes"
        text = unflow(text, delsp)
    return tidy_body(text)


def _part_text(part: Message, problems: list[str]) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_param("charset", None, header="content-type")
    text, note = decode(payload, str(charset) if charset else None)
    if note:
        problems.append(note)
    return text


def unflow(text: str, delsp: bool = False) -> str:
    """RFC 3676 format=flowed text with its soft line breaks joined again."""
    out: list[str] = []
    paragraph = ""
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if line == "-- ":  # the signature separator is never flowed
            out.append(paragraph + line) if paragraph else out.append(line)
            paragraph = ""
            continue
        if line.startswith(" "):
            line = line[1:]  # space-stuffing
        if line.endswith(" "):
            paragraph += line[:-1] if delsp else line
        else:
            out.append(paragraph + line)
            paragraph = ""
    if paragraph:
        out.append(paragraph)
    return "\n".join(out)


# --- attachments ------------------------------------------------------------------------------


def _leaves(part: MIMEPart) -> Iterator[MIMEPart]:
    """The parts that are not the body, in order; a forwarded mail counts as one part."""
    given: set[int] = set()
    for sub in part.iter_attachments():
        given.add(id(sub))
        if sub.get_content_maintype() == "multipart":
            yield from _leaves(sub)
        else:
            yield sub
    # The body's own multiparts (related, alternative) hold the inline images.
    for sub in part.iter_parts():
        if id(sub) not in given and sub.get_content_maintype() == "multipart":
            yield from _leaves(sub)


def _content(part: MIMEPart) -> bytes | None:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        if not isinstance(inner, Message):
            return None
        try:
            content = inner.as_bytes(policy=policy.compat32.clone(linesep="\r\n"))
        except Exception:
            return None
        if str(part.get("content-transfer-encoding", "")).strip().lower() == "base64":
            # Not allowed for message/rfc822, but written: the parser took the base64
            # text for the mail; decode it.
            try:
                return base64.b64decode(b"".join(content.split()), validate=False)
            except ValueError:
                return None
        return content
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else None


def _estimated_size(part: MIMEPart) -> int:
    """About the decoded size of a part, without decoding it (exact enough for limits)."""
    payload = part.get_payload()
    if not isinstance(payload, str):
        return 0
    encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
    if encoding == "base64":
        blanks = payload.count("\n") + payload.count("\r") + payload.count(" ")
        return (len(payload) - blanks) * 3 // 4
    return len(payload)


def _is_inline_image(part: MIMEPart, in_related: bool) -> bool:
    if part.get_content_maintype() != "image":
        return False
    disposition = part.get_content_disposition()
    return disposition != "attachment" and (in_related or bool(part.get("content-id")))


def _attachment_parts(message: MIMEPart) -> list[tuple[MIMEPart, bool]]:
    """(part, inline) for each attachment part; the same list every time for one file."""
    related = {
        id(sub)
        for part in message.walk()
        if part.get_content_type() == "multipart/related"
        for sub in part.iter_parts()
    }
    return [(leaf, _is_inline_image(leaf, id(leaf) in related)) for leaf in _leaves(message)]


def _attachments(
    message: EmailMessage, stamp: FileStamp | None, limits: Limits, problems: list[str]
) -> tuple[Attachment, ...]:
    try:
        parts = _attachment_parts(message)
    except Exception:
        problems.append(translate("messages", "The attachments could not be told apart."))
        return ()
    found: list[tuple[int, str, int, str | None, str | None, bool, bytes | None]] = []
    for index, (part, inline) in enumerate(parts):
        estimate = _estimated_size(part)
        if estimate > limits.attachment * 1.01:  # clearly too big: not even decoded
            name = _attachment_name(part, index)
            problems.append(_attachment_too_big(name, estimate, limits.attachment))
            continue
        content = _content(part)
        if content is None:
            problems.append(translate("messages", "An attachment could not be read."))
            continue
        if inline and len(content) < INLINE_IMAGE_MIN:
            continue
        name = _attachment_name(part, index)
        if len(content) > limits.attachment:
            problems.append(_attachment_too_big(name, len(content), limits.attachment))
            continue
        content_id = ids.message_id(_header(part, "content-id"))
        # Without a file to read again (a mail inside a .msg), the bytes are kept.
        kept = content if stamp is None else None
        found.append((index, name, len(content), part.get_content_type(), content_id, inline, kept))
    names = unique_names([entry[1] for entry in found])
    return tuple(
        Attachment(
            filename=name,
            size=size,
            mime_type=mime,
            opener=_opener(stamp, index, kept),
            content_id=content_id.strip("<>") if content_id else None,
            inline=inline,
        )
        for name, (index, _name, size, mime, content_id, inline, kept) in zip(
            names, found, strict=True
        )
    )


def _attachment_name(part: MIMEPart, index: int) -> str:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if name is not None:
        name = decode_words(str(name))  # also =?utf-8?…?= names, as Outlook writes them
    if not name and part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        subject = clean_line(_header(inner, "subject")) if isinstance(inner, Message) else None
        name = (subject or translate("messages", "Forwarded e-mail")) + ".eml"
    extension = _EXTENSIONS.get(part.get_content_type(), ".bin")
    if not name:
        # An inline image is often named in its Content-ID: <image001.png@01DA…>.
        content_id = ids.message_id(_header(part, "content-id")) or ""
        local = content_id.strip("<>").split("@", 1)[0]
        name = local if "." in local else f"{local}{extension}" if local else None
    numbered = translate("messages", "Attachment {number}").format(number=index + 1)
    return safe_filename(name or numbered + extension, numbered)


_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/html": ".html",
    "text/calendar": ".ics",
    "text/vcard": ".vcf",
    "text/x-vcard": ".vcf",
}


def _attachment_too_big(name: str, size: int, limit: int) -> str:
    return translate(
        "messages",
        "{name} ({size}) was left out: attachments larger than {limit} are not taken from"
        " e-mails. Save it from the mail program and drop it on the media panel.",
    ).format(name=name, size=size_text(size), limit=size_text(limit))


def _opener(
    stamp: FileStamp | None, index: int, kept: bytes | None
) -> Callable[[], AbstractContextManager[BinaryIO]]:
    @contextmanager
    def open_attachment() -> Iterator[BinaryIO]:
        if kept is not None:
            yield io.BytesIO(kept)
            return
        assert stamp is not None
        stamp.check()
        try:
            content = _content(_attachment_parts(parse_file(stamp.path))[index][0])
        except (OSError, IndexError):
            content = None
        if content is None:
            raise AttachmentUnavailableError(
                translate("messages", "{name} cannot be read again.").format(name=stamp.path.name)
            )
        yield io.BytesIO(content)

    return open_attachment
