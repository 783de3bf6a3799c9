"""Outlook .msg files read with ``olefile`` following [MS-OXMSG] and [MS-OXPROPS].

A .msg is a compound file: each object (the message, each recipient, each attachment, an
attached message) is a storage with a property stream (fixed-size values) and one stream per
variable-size value (``__substg1.0_IIIITTTT``: property id, property type).

Rules:
- Strings are Unicode (type 001F, UTF-16LE) or 8-bit (001E) in the code page of
  PidTagMessageCodepage, else PidTagInternetCodepage, else Windows-1252.
- Body: PidTagBody; else PidTagHtml as text; else PidTagRtfCompressed (its encapsulated
  HTML as text, or its plain text).
- Sender: the SMTP address (PidTagSenderSmtpAddress, or PidTagSenderEmailAddress when its
  type is SMTP, or the "sent representing" ones, or the internet headers' From); an
  Exchange-internal address (``/O=…``) is not an e-mail address and is not used.
- When: PidTagClientSubmitTime (the mail's Date, as an .eml of it has), else
  PidTagMessageDeliveryTime, else the internet headers' Date; else none, with a note.
- Key: PidTagInternetMessageId, else the internet headers' Message-ID, else a hash as for .eml.
- Attachments: by value (PidTagAttachDataBinary, named by PidTagAttachLongFilename, then
  PidTagAttachFilename, then PidTagDisplayName). An attached Outlook message becomes
  ``<subject>.eml`` (its text, sender, date and own attachments, made with Python's ``email``
  package), up to MAX_DEPTH deep. OLE objects and links are left out with a note. Inline
  images follow the .eml rule (smaller than INLINE_IMAGE_MIN: left out).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from email import policy
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.parser import HeaderParser
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import BinaryIO

import olefile

from crm_desktop.i18n import translate
from crm_desktop.messages import ids
from crm_desktop.messages.eml import INLINE_IMAGE_MIN, decode_words, parse_date
from crm_desktop.messages.html_text import html_to_text
from crm_desktop.messages.rtf import RtfError, decompress, rtf_to_text
from crm_desktop.messages.sources import FileStamp
from crm_desktop.messages.text import (
    clean_line,
    clean_text,
    decode,
    known_codec,
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

MAX_DEPTH = 3  # attached messages inside attached messages

# Property ids ([MS-OXPROPS]).
SUBJECT = 0x0037
MESSAGE_CLASS = 0x001A
CLIENT_SUBMIT_TIME = 0x0039
SENT_REPRESENTING_NAME = 0x0042
SENT_REPRESENTING_ADDRESS_TYPE = 0x0064
SENT_REPRESENTING_EMAIL = 0x0065
TRANSPORT_HEADERS = 0x007D
SENDER_NAME = 0x0C1A
SENDER_ADDRESS_TYPE = 0x0C1E
SENDER_EMAIL = 0x0C1F
RECIPIENT_TYPE = 0x0C15
MESSAGE_DELIVERY_TIME = 0x0E06
BODY = 0x1000
RTF_COMPRESSED = 0x1009
HTML = 0x1013
INTERNET_MESSAGE_ID = 0x1035
DISPLAY_NAME = 0x3001
ADDRESS_TYPE = 0x3002
EMAIL_ADDRESS = 0x3003
ATTACH_DATA = 0x3701
ATTACH_FILENAME = 0x3704
ATTACH_METHOD = 0x3705
ATTACH_LONG_FILENAME = 0x3707
ATTACH_MIME_TAG = 0x370E
ATTACH_CONTENT_ID = 0x3712
ATTACH_FLAGS = 0x3714
SMTP_ADDRESS = 0x39FE
INTERNET_CODEPAGE = 0x3FDE
MESSAGE_CODEPAGE = 0x3FFD
SENDER_SMTP_ADDRESS = 0x5D01
SENT_REPRESENTING_SMTP_ADDRESS = 0x5D02
ATTACHMENT_HIDDEN = 0x7FFE

# Property types ([MS-OXCDATA] 2.11.1).
PT_LONG = 0x0003
PT_BOOLEAN = 0x000B
PT_OBJECT = 0x000D
PT_STRING8 = 0x001E
PT_UNICODE = 0x001F
PT_SYSTIME = 0x0040
PT_BINARY = 0x0102

ATTACH_BY_VALUE = 1
ATTACH_EMBEDDED_MESSAGE = 5
ATT_MHTML_REF = 0x4

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class _Properties:
    """The properties of one object: fixed values from its property stream, variable ones
    from its ``__substg1.0_`` streams."""

    def __init__(
        self, ole: olefile.OleFileIO[str], storage: list[str], header: int, codec: str | None
    ) -> None:
        self.ole = ole
        self.storage = storage
        self.fixed: dict[int, tuple[int, bytes]] = {}
        stream = [*storage, "__properties_version1.0"]
        if ole.exists("/".join(stream)):
            data = ole.openstream(stream).read()
            for offset in range(header, len(data) - 15, 16):
                tag, _flags, value = struct.unpack_from("<II8s", data, offset)
                self.fixed[tag >> 16] = (tag & 0xFFFF, value)
        self.codec = codec or self._codec()

    def _codec(self) -> str:
        for prop in (MESSAGE_CODEPAGE, INTERNET_CODEPAGE):
            page = self.integer(prop)
            if page:
                codec = known_codec(_CODEPAGES.get(page, f"cp{page}"))
                if codec:
                    return codec
        return "cp1252"

    def path(self, prop: int, kind: int) -> list[str]:
        return [*self.storage, f"__substg1.0_{prop:04X}{kind:04X}"]

    def has(self, prop: int, kind: int) -> bool:
        return bool(self.ole.exists("/".join(self.path(prop, kind))))

    def size(self, prop: int, kind: int) -> int:
        return int(self.ole.get_size("/".join(self.path(prop, kind))))

    def binary(self, prop: int, kind: int = PT_BINARY) -> bytes | None:
        if not self.has(prop, kind):
            return None
        return bytes(self.ole.openstream(self.path(prop, kind)).read())

    def string(self, prop: int) -> str | None:
        data = self.binary(prop, PT_UNICODE)
        if data is not None:
            return clean_text(data.decode("utf-16-le", "replace").split("\x00", 1)[0])
        data = self.binary(prop, PT_STRING8)
        if data is not None:
            text = data.split(b"\x00", 1)[0].decode(self.codec, "replace")
            return clean_text(text)
        return None

    def line(self, prop: int) -> str | None:
        return clean_line(self.string(prop))

    def integer(self, prop: int) -> int | None:
        found = self.fixed.get(prop)
        if found is None or found[0] not in (PT_LONG, PT_BOOLEAN):
            return None
        return int(struct.unpack_from("<i", found[1])[0])

    def time(self, prop: int) -> datetime | None:
        found = self.fixed.get(prop)
        if found is None or found[0] != PT_SYSTIME:
            return None
        ticks = struct.unpack_from("<Q", found[1])[0]
        if ticks == 0 or ticks >= 0x7FFFFFFFFFFFFFFF:
            return None
        try:
            return datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=ticks // 10)
        except OverflowError:
            return None

    def children(self, prefix: str) -> list[list[str]]:
        """The sub-storages named ``prefix#XXXXXXXX`` (recipients, attachments), in order."""
        depth = len(self.storage)
        names = {
            entry[depth]
            for entry in self.ole.listdir(streams=True, storages=True)
            if len(entry) > depth + 1
            and entry[:depth] == self.storage
            and entry[depth].startswith(prefix)
        }
        return [[*self.storage, name] for name in sorted(names)]


# Code pages Windows names by number whose Python names differ from "cpNNNN".
_CODEPAGES = {
    65001: "utf-8",
    20127: "ascii",
    28591: "latin-1",
    28592: "iso8859-2",
    28595: "iso8859-5",
    28597: "iso8859-7",
    28599: "iso8859-9",
    28605: "iso8859-15",
    20866: "koi8-r",
    21866: "koi8-u",
    50220: "iso2022-jp",
    51932: "euc-jp",
    54936: "gb18030",
    10000: "mac-roman",
    1200: "utf-16-le",
}


def is_ole(head: bytes) -> bool:
    return head.startswith(OLE_MAGIC)


def read_msg(path: Path, limits: Limits = DEFAULT_LIMITS) -> FileOutcome:
    stamp = FileStamp.of(path)
    if stamp.size > limits.message_file:
        return unreadable(path, _too_big(stamp.size, limits.message_file), SourceFormat.msg)
    try:
        ole = olefile.OleFileIO(str(path))
    except Exception:  # olefile raises OSError and its own errors for damaged files
        return unreadable(path, _damaged(), SourceFormat.msg)
    with ole:
        if not ole.exists("__properties_version1.0") or (
            not ole.exists(f"__substg1.0_{MESSAGE_CLASS:04X}{PT_UNICODE:04X}")
            and not ole.exists(f"__substg1.0_{MESSAGE_CLASS:04X}{PT_STRING8:04X}")
        ):
            return unreadable(
                path,
                translate(
                    "messages",
                    "This is an Office document, not an Outlook message.",
                ),
                SourceFormat.msg,
            )
        try:
            props = _Properties(ole, [], 32, None)
            kind = props.line(MESSAGE_CLASS) or ""
            if not _is_mail(kind):
                return unreadable(path, _not_mail(kind), SourceFormat.msg)
            message = _read(props, stamp, limits, 0)
        except Exception:  # sectors past the end, broken chains: a damaged or cut-off file
            return unreadable(path, _damaged(), SourceFormat.msg)
    return FileOutcome(path, SourceFormat.msg, messages=(message,))


_MAIL_CLASSES = ("IPM.NOTE", "IPM.SCHEDULE.MEETING", "REPORT.", "IPM.POST")


def _is_mail(kind: str) -> bool:
    kind = kind.upper()
    return kind == "" or kind.startswith(
        ("IPM.NOTE", "IPM.SCHEDULE.MEETING", "REPORT.", "IPM.POST")
    )


def _not_mail(kind: str) -> str:
    names = {
        "IPM.CONTACT": translate("messages", "a contact (save it as a vCard, .vcf, and drop that)"),
        "IPM.APPOINTMENT": translate("messages", "a calendar entry"),
        "IPM.TASK": translate("messages", "a task"),
        "IPM.STICKYNOTE": translate("messages", "a note"),
        "IPM.DISTLIST": translate("messages", "a contact group"),
    }
    what = names.get(kind.upper().split(".IPM", 1)[0], kind)
    return translate("messages", "This Outlook item is {what}, not an e-mail.").format(what=what)


def _damaged() -> str:
    return translate(
        "messages",
        "The Outlook file is damaged or incomplete (it may have been cut off while it was"
        " copied). Save the message from Outlook again.",
    )


def _too_big(size: int, limit: int) -> str:
    return translate(
        "messages",
        "The file is {size}; Outlook messages larger than {limit} are not read here. Save its"
        " attachments from Outlook and drop them on the media panel instead.",
    ).format(size=size_text(size), limit=size_text(limit))


def _read(props: _Properties, stamp: FileStamp, limits: Limits, depth: int) -> ParsedMessage:
    problems: list[str] = []
    headers = _headers(props.string(TRANSPORT_HEADERS))
    subject = props.line(SUBJECT)
    sender = _sender(props, headers)
    recipients = tuple(_recipients(props))
    occurred_at = (
        props.time(CLIENT_SUBMIT_TIME)
        or props.time(MESSAGE_DELIVERY_TIME)
        or parse_date(headers.get("date"))
    )
    if occurred_at is None:
        problems.append(
            translate("messages", "The message says nowhere when it was sent (a draft?).")
        )
    body = _body(props, problems)
    attachments = _attachments(props, stamp, limits, depth, problems)
    key = (
        ids.message_id(props.string(INTERNET_MESSAGE_ID))
        or ids.message_id(headers.get("message-id"))
        or ids.derived_id(
            "email",
            sender.email or "" if sender else "",
            occurred_at.isoformat() if occurred_at else "",
            subject or "",
            body,
        )
    )
    return ParsedMessage(
        type=CommType.email,
        source_format=SourceFormat.msg,
        subject=subject,
        body=body,
        occurred_at=occurred_at,
        sender=sender,
        recipients=recipients,
        ext_message_id=key,
        attachments=attachments,
        problems=tuple(dict.fromkeys(problems)),
    )


def _headers(text: str | None) -> dict[str, str]:
    """The internet headers Outlook kept from the mail as it arrived (first of each)."""
    if not text:
        return {}
    try:
        parsed = HeaderParser(policy=policy.compat32).parsestr(text.strip() + "\n\n")
    except Exception:
        return {}
    found: dict[str, str] = {}
    for name, value in parsed.items():
        found.setdefault(name.lower(), " ".join(str(value).split()))
    return found


def _smtp(value: str | None) -> str | None:
    value = clean_line(value)
    if value and "@" in value and not value.startswith("/"):
        return value.strip("<>")
    return None


def _sender(props: _Properties, headers: dict[str, str]) -> Address | None:
    name = props.line(SENDER_NAME) or props.line(SENT_REPRESENTING_NAME)
    email = (
        _smtp(props.string(SENDER_SMTP_ADDRESS))
        or _smtp(props.string(SENDER_EMAIL))
        or _smtp(props.string(SENT_REPRESENTING_SMTP_ADDRESS))
        or _smtp(props.string(SENT_REPRESENTING_EMAIL))
    )
    if email is None and headers.get("from"):
        header_name, header_email = parseaddr(headers["from"])
        email = _smtp(header_email)
        name = name or clean_line(decode_words(header_name)) if header_name else name
    if name and email and name.strip("'\"").casefold() == email.casefold():
        name = None
    if not name and not email:
        return None
    return Address(name, email)


def _recipients(props: _Properties) -> Iterator[Address]:
    for storage in props.children("__recip_version1.0_#"):
        recipient = _Properties(props.ole, storage, 8, props.codec)
        email = _smtp(recipient.string(SMTP_ADDRESS)) or _smtp(recipient.string(EMAIL_ADDRESS))
        name = recipient.line(DISPLAY_NAME)
        if name and email and name.strip("'\"").casefold() == email.casefold():
            name = None
        if name or email:
            yield Address(name, email)


def _body(props: _Properties, problems: list[str]) -> str:
    text = props.string(BODY)
    if text is not None and text.strip():
        return tidy_body(text)
    html = _html(props, problems)
    if html is not None:
        return tidy_body(html_to_text(html))
    compressed = props.binary(RTF_COMPRESSED)
    if compressed:
        try:
            return tidy_body(rtf_to_text(decompress(compressed)))
        except RtfError:
            problems.append(translate("messages", "The message's text could not be unpacked."))
    return ""


def _html(props: _Properties, problems: list[str]) -> str | None:
    data = props.binary(HTML)
    if data is None:
        text = props.string(HTML)
        return text if text and text.strip() else None
    page = props.integer(INTERNET_CODEPAGE)
    charset = _CODEPAGES.get(page, f"cp{page}") if page else None
    text, note = decode(data, charset)
    if note:
        problems.append(note)
    return text if text.strip() else None


# --- attachments ------------------------------------------------------------------------------

Opener = Callable[[], AbstractContextManager[BinaryIO]]


def _attachments(
    props: _Properties, stamp: FileStamp, limits: Limits, depth: int, problems: list[str]
) -> tuple[Attachment, ...]:
    found: list[tuple[str, int, str | None, str | None, bool, Opener]] = []
    for number, storage in enumerate(props.children("__attach_version1.0_#")):
        attach = _Properties(props.ole, storage, 8, props.codec)
        name = (
            attach.string(ATTACH_LONG_FILENAME)
            or attach.string(ATTACH_FILENAME)
            or attach.string(DISPLAY_NAME)
        )
        fallback = translate("messages", "Attachment {number}").format(number=number + 1)
        if attach.has(ATTACH_DATA, PT_OBJECT):
            if attach.integer(ATTACH_METHOD) != ATTACH_EMBEDDED_MESSAGE:
                problems.append(_left_out(name))
                continue
            embedded = _embedded(attach, stamp, limits, depth, problems)
            if embedded is None:
                continue
            subject, content = embedded
            fallback = translate("messages", "Attached e-mail")
            filename = safe_filename(f"{subject or fallback}.eml", f"{fallback}.eml")
            if len(content) > limits.attachment:
                problems.append(_attachment_too_big(filename, len(content), limits.attachment))
                continue
            found.append((filename, len(content), "message/rfc822", None, False, _kept(content)))
            continue
        if not attach.has(ATTACH_DATA, PT_BINARY):
            problems.append(_left_out(name))  # a link, or an attachment stored elsewhere
            continue
        size = attach.size(ATTACH_DATA, PT_BINARY)
        mime = attach.line(ATTACH_MIME_TAG)
        content_id = attach.line(ATTACH_CONTENT_ID)
        hidden = bool(attach.integer(ATTACHMENT_HIDDEN))
        referenced = bool((attach.integer(ATTACH_FLAGS) or 0) & ATT_MHTML_REF)
        inline = bool(
            content_id and (mime or "image/").startswith("image/") and (hidden or referenced)
        )
        if inline and size < INLINE_IMAGE_MIN:
            continue
        filename = safe_filename(name, fallback)
        if size > limits.attachment:
            problems.append(_attachment_too_big(filename, size, limits.attachment))
            continue
        opener = _stream_opener(stamp, attach.path(ATTACH_DATA, PT_BINARY))
        found.append((filename, size, mime, content_id, inline, opener))
    names = unique_names([entry[0] for entry in found])
    return tuple(
        Attachment(
            filename=name,
            size=size,
            mime_type=mime,
            opener=opener,
            content_id=content_id.strip("<>") if content_id else None,
            inline=inline,
        )
        for name, (_name, size, mime, content_id, inline, opener) in zip(names, found, strict=True)
    )


def _left_out(name: str | None) -> str:
    return translate("messages", "{name} is a link or an embedded object and was left out.").format(
        name=clean_line(name) or translate("messages", "An attachment")
    )


def _attachment_too_big(name: str, size: int, limit: int) -> str:
    return translate(
        "messages",
        "{name} ({size}) was left out: attachments larger than {limit} are not taken from"
        " e-mails. Save it from the mail program and drop it on the media panel.",
    ).format(name=name, size=size_text(size), limit=size_text(limit))


def _embedded(
    attach: _Properties, stamp: FileStamp, limits: Limits, depth: int, problems: list[str]
) -> tuple[str | None, bytes] | None:
    """An attached Outlook message as (its subject, an .eml of it)."""
    if depth + 1 > MAX_DEPTH:
        problems.append(
            translate(
                "messages", "Messages attached deeper than {depth} levels were left out."
            ).format(depth=MAX_DEPTH)
        )
        return None
    inner = _Properties(attach.ole, attach.path(ATTACH_DATA, PT_OBJECT), 24, None)
    message = _read(inner, stamp, limits, depth + 1)
    problems.extend(message.problems)
    return message.subject, _as_eml(message, limits)


def _as_eml(message: ParsedMessage, limits: Limits) -> bytes:
    mail = EmailMessage(policy=policy.default.clone(linesep="\r\n"))
    if message.sender is not None:
        mail["From"] = _address_header(message.sender)
    if message.recipients:
        mail["To"] = ", ".join(_address_header(r) for r in message.recipients)
    if message.subject:
        mail["Subject"] = message.subject
    if message.occurred_at is not None:
        mail["Date"] = format_datetime(message.occurred_at)
    if not ids.is_derived(message.ext_message_id):
        mail["Message-ID"] = message.ext_message_id
    mail.set_content(message.body or "")
    budget = limits.attachment
    for attachment in message.attachments:
        if attachment.size > budget:
            continue
        budget -= attachment.size
        maintype, _slash, subtype = (attachment.mime_type or "application/octet-stream").partition(
            "/"
        )
        if maintype == "message" or "/" not in (attachment.mime_type or "/"):
            maintype, subtype = "application", "octet-stream"
        mail.add_attachment(
            attachment.read_bytes(),
            maintype=maintype,
            subtype=subtype or "octet-stream",
            filename=attachment.filename,
        )
    return mail.as_bytes()


def _address_header(address: Address) -> str:
    try:
        return str(HeaderAddress(display_name=address.name or "", addr_spec=address.email or ""))
    except (ValueError, IndexError):
        return address.email or ""


def _kept(content: bytes) -> Opener:
    @contextmanager
    def open_kept() -> Iterator[BinaryIO]:
        yield io.BytesIO(content)

    return open_kept


def _stream_opener(stamp: FileStamp, stream: list[str]) -> Opener:
    @contextmanager
    def open_stream() -> Iterator[BinaryIO]:
        stamp.check()
        try:
            with olefile.OleFileIO(str(stamp.path)) as ole:
                data: BinaryIO = ole.openstream(stream)
        except Exception as exc:  # a damaged file: say so in words
            raise AttachmentUnavailableError(
                translate("messages", "{name} cannot be read again.").format(name=stamp.path.name)
            ) from exc
        yield data

    return open_stream
