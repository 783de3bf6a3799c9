"""WhatsApp's "Export chat": the .txt, or a .zip with the .txt and the media.

Rules:
- A message starts with a line ``14/02/2026, 18:22 - Name: text`` (Android) or
  ``[14.02.26, 18:22:09] Name: text`` (iOS), with dots, slashes or dashes, 2- or 4-digit
  years, 24-hour or 12-hour clocks (``AM``/``PM``, ``a. m.``/``p. m.``, with a normal, a
  no-break or a narrow no-break space); lines that do not start so belong to the message
  before them. A byte order mark and iOS's U+200E marks are ignored.
- Day and month: from the whole file. A first field above 12 means day first; a second one
  above 12 means month first; else the order in which the dates run forward (an export is
  in time order) decides; else day first, except with slashes and a 12-hour clock
  (the United States' form).
- Time: the chat says no zone; its times are taken in this computer's zone (``zone``) and
  stored as UTC.
- Skipped: the export's notices and texts that stand for what it left out
  (whatsapp_lines), and lines without a sender.
- Files: a line naming a file (``IMG-….jpg (file attached)``, ``<attached: ….jpg>``) makes
  that file of the .zip an attachment of its message; when the file is not in the export the
  line stays in the text and a note says so.
- Key: a hash of the chat's name (from the export's file name), the local time as written,
  the sender, the text and the files, and a counter for the same message repeated in the
  same minute; so a later export of the chat gives the same keys to the same messages.
"""

from __future__ import annotations

import functools
import re
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import BinaryIO, cast

from crm_desktop.i18n import translate
from crm_desktop.messages import ids
from crm_desktop.messages.sources import FileStamp
from crm_desktop.messages.text import clean_line, clean_text, decode, safe_filename, size_text
from crm_desktop.messages.types import (
    DEFAULT_LIMITS,
    Address,
    Attachment,
    AttachmentUnavailableError,
    FileOutcome,
    Limits,
    Opener,
    ParsedMessage,
    SourceFormat,
    unreadable,
)
from crm_desktop.messages.whatsapp_lines import (
    ATTACHED,
    EDITED,
    ENCRYPTION_NOTICES,
    NOTICES,
    OMITTED,
)
from crm_desktop.models import CommType

_MARKS = "\u200e\u200f\ufeff\u202a\u202b\u202c"
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \u202f\u00a0]?[AaPp]\.?[ \u202f\u00a0]?[Mm]\.?)?"
_START = re.compile(
    rf"^[{_MARKS}]*(?:\[(?P<idate>{_DATE}),? (?P<itime>{_TIME})\] (?P<irest>.*)"
    rf"|(?P<adate>{_DATE}),? (?P<atime>{_TIME}) [-\u2013] (?P<arest>.*))$",
    re.DOTALL,
)
_TIME_PARTS = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[ \u202f\u00a0]?([AaPp]))?")
_CHAT_NAME = re.compile(
    r"^(?:whatsapp[- ]chat (?:with|mit|con|avec|met|com) |whatsapp[- ]chat - "
    r"|chat de whatsapp con )"
    r"(?P<name>.+?)(?: \(\d+\))?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone who wrote in a chat: the later phase asks which of them is the customer."""

    name: str
    messages: int
    first: datetime | None
    last: datetime | None


def participants(messages: Iterable[ParsedMessage]) -> list[Participant]:
    """The chat's senders, those with the most messages first."""
    counts: dict[str, int] = {}
    first: dict[str, datetime | None] = {}
    last: dict[str, datetime | None] = {}
    for message in messages:
        name = message.sender.name if message.sender is not None else None
        if name:
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, message.occurred_at)
            last[name] = message.occurred_at
    found = [Participant(name, count, first[name], last[name]) for name, count in counts.items()]
    return sorted(found, key=lambda p: (-p.messages, p.name.casefold()))


def chat_title(file_name: str) -> str:
    """The chat's name from an export's file name (``WhatsApp Chat with Anna.txt``: Anna)."""
    stem = Path(file_name).stem
    found = _CHAT_NAME.match(stem.strip())
    return clean_line(found.group("name") if found else stem) or stem


def is_export_name(file_name: str) -> bool:
    """True for the names WhatsApp gives an export (``WhatsApp Chat with Anna.txt``,
    ``WhatsApp-Chat mit Anna.zip``, iOS's ``_chat.txt``): such a file is meant as a chat
    even when it cannot be read as one."""
    path = Path(file_name)
    if path.suffix.lower() not in (".txt", ".zip"):
        return False
    stem = path.stem.strip()
    return stem.lower() == "_chat" or _CHAT_NAME.match(stem) is not None


def looks_like_chat(text: str) -> bool:
    """True when one of the first non-empty lines starts like a WhatsApp message."""
    lines = [line for line in text.lstrip("\ufeff").splitlines()[:20] if line.strip()]
    return any(_START.match(line) for line in lines[:5])


# --- reading ----------------------------------------------------------------------------------


def read_chat_text(
    path: Path, limits: Limits = DEFAULT_LIMITS, zone: tzinfo | None = None
) -> FileOutcome:
    stamp = FileStamp.of(path)
    if stamp.size > limits.chat_text:
        return unreadable(path, _chat_too_big(stamp.size, limits.chat_text), SourceFormat.whatsapp)
    text, note = _text(path.read_bytes())
    title = chat_title(path.name)
    return parse_chat(path, text, title, {}, None, zone, [note] if note else [])


def read_chat_zip(
    path: Path, limits: Limits = DEFAULT_LIMITS, zone: tzinfo | None = None
) -> FileOutcome:
    stamp = FileStamp.of(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            problem = _archive_problem(infos, limits)
            if problem is not None:
                return unreadable(path, problem, SourceFormat.whatsapp)
            chats = sorted(
                (info for info in infos if _is_chat_name(info.filename)),
                key=lambda info: (not info.filename.endswith("_chat.txt"), info.filename),
            )
            if not chats:
                return unreadable(
                    path,
                    translate("messages", "The .zip holds no WhatsApp chat (.txt)."),
                    SourceFormat.whatsapp,
                )
            chat = chats[0]
            if chat.file_size > limits.chat_text:
                reason = _chat_too_big(chat.file_size, limits.chat_text)
                return unreadable(path, reason, SourceFormat.whatsapp)
            with archive.open(chat) as stream:
                raw = stream.read(limits.chat_text + 1)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        RuntimeError,
        ValueError,
        NotImplementedError,
    ):
        return unreadable(
            path,
            translate("messages", "The .zip is damaged or incomplete; export the chat again."),
            SourceFormat.whatsapp,
        )
    text, note = _text(raw)
    media = {_base(info.filename): info for info in infos if not info.is_dir() and info is not chat}
    inner = _base(chat.filename)
    title = chat_title(path.name if inner.startswith("_chat") else inner)
    return parse_chat(path, text, title, media, stamp, zone, [note] if note else [], limits)


def _is_chat_name(name: str) -> bool:
    base = _base(name)
    return base.lower().endswith(".txt") and not base.startswith(".") and "__MACOSX" not in name


def _base(name: str) -> str:
    """A member's own name: never a folder part (so never outside where it is written)."""
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def _archive_problem(infos: list[zipfile.ZipInfo], limits: Limits) -> str | None:
    if len(infos) > limits.archive_members:
        return translate("messages", "The .zip holds more than {count} files.").format(
            count=limits.archive_members
        )
    total = sum(info.file_size for info in infos)
    bomb = any(
        info.file_size > 1_000_000
        and info.file_size > limits.compression_ratio * max(info.compress_size, 1)
        for info in infos
    )
    if bomb or total > limits.archive_total:
        return translate(
            "messages",
            "The .zip would unpack to far more than it holds ({size}); it is not opened.",
        ).format(size=size_text(total))
    if any(info.flag_bits & 0x1 for info in infos):
        return translate("messages", "The .zip is protected with a password.")
    return None


def _chat_too_big(size: int, limit: int) -> str:
    return translate(
        "messages", "The chat is {size}; chats larger than {limit} are not read here."
    ).format(size=size_text(size), limit=size_text(limit))


def _text(raw: bytes) -> tuple[str, str | None]:
    """The chat's text, storable (NFC, no NUL or stray control characters)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return clean_text(raw.decode("utf-16", "replace")), None
    text, note = decode(raw.removeprefix(b"\xef\xbb\xbf"), "utf-8")
    return clean_text(text), note


# --- parsing ----------------------------------------------------------------------------------

_Record = tuple[str, str, str, list[str]]  # (date, time, first line's rest, further lines)


def parse_chat(
    path: Path,
    text: str,
    title: str,
    media: dict[str, zipfile.ZipInfo],
    stamp: FileStamp | None,
    zone: tzinfo | None,
    problems: list[str],
    limits: Limits = DEFAULT_LIMITS,
) -> FileOutcome:
    records: list[_Record] = []
    stray = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        found = _START.match(line)
        if found is not None:
            date, time, rest = found.group("adate", "atime", "arest")
            if date is None:
                date, time, rest = found.group("idate", "itime", "irest")
            records.append((date, time, rest, []))
        elif records:
            records[-1][3].append(line)
        elif line.strip():
            stray += 1
    if not records:
        reason = (
            translate("messages", "The chat is empty.")
            if not text.strip()
            else translate(
                "messages",
                "This is not a WhatsApp chat export: no line starts with a date and a time.",
            )
        )
        return unreadable(path, reason, SourceFormat.whatsapp)
    order = date_order([record[0] for record in records])
    messages: list[ParsedMessage] = []
    seen: dict[tuple[str, str, str], int] = {}
    moments: dict[tuple[str, str], tuple[str, datetime] | None] = {}
    missing: list[str] = []
    large: list[str] = []
    skipped = 0
    chat_key = " ".join(title.casefold().split())
    for date, time, rest, more in records:
        if (date, time) in moments:
            moment = moments[(date, time)]
        else:
            moment = moments[(date, time)] = _moment(date, time, order, zone)
        parsed = _split(rest)
        if moment is None or parsed is None:
            skipped += 1
            continue
        sender, first = parsed
        lines = [first, *more] if more else [first]
        body_lines, names = _attachments(lines, media, missing)
        body = "\n".join(body_lines).strip()
        if not names and _is_left_out(body):
            skipped += 1
            continue
        local, utc = moment
        hashed = body + "\x1e" + "\x1e".join(names)
        counter_key = (local, sender, hashed)
        occurrence = seen.get(counter_key, 0)
        seen[counter_key] = occurrence + 1
        attachments = _media(names, media, stamp, limits, large) if names else ()
        messages.append(
            ParsedMessage(
                type=CommType.whatsapp,
                source_format=SourceFormat.whatsapp,
                subject=None,
                body=body,
                occurred_at=utc,
                sender=Address(sender, None),
                recipients=(),
                ext_message_id=ids.derived_id(
                    "whatsapp", chat_key, local, sender, hashed, str(occurrence)
                ),
                attachments=attachments,
            )
        )
    if missing:
        problems.append(
            translate(
                "messages",
                "{count} files named in the chat are not in the export (export the chat"
                " with media, as a .zip, to have them).",
            ).format(count=len(missing))
        )
    for note in large:
        problems.append(note)
    if not messages:
        return unreadable(
            path,
            translate("messages", "The chat holds no messages, only notices."),
            SourceFormat.whatsapp,
        )
    return FileOutcome(
        path,
        SourceFormat.whatsapp,
        messages=tuple(messages),
        problems=tuple(problems),
        chat_title=title,
    )


def date_order(dates: list[str]) -> str:
    """ "dmy", "mdy" or "ymd" for the dates of one export (see the module's rules)."""
    fields = [f for f in (_fields(date) for date in dict.fromkeys(dates)) if f is not None]
    if any(len(f[0]) == 4 for f in fields):
        return "ymd"
    if any(int(f[0]) > 12 for f in fields):
        return "dmy"
    if any(int(f[1]) > 12 for f in fields):
        return "mdy"
    backwards = {"dmy": 0, "mdy": 0}
    for order in backwards:
        previous: tuple[int, int, int] | None = None
        for f in fields:
            day, month = (int(f[0]), int(f[1])) if order == "dmy" else (int(f[1]), int(f[0]))
            current = (_year(f[2]), month, day)
            if previous is not None and current < previous:
                backwards[order] += 1
            previous = current
    if backwards["dmy"] != backwards["mdy"]:
        return min(backwards, key=lambda order: backwards[order])
    return "dmy"


_DATE_SEPARATOR = re.compile(r"[./-]")


@functools.lru_cache(maxsize=4096)
def _fields(date: str) -> tuple[str, str, str] | None:
    parts = _DATE_SEPARATOR.split(date.rstrip("."))
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _moment(date: str, time: str, order: str, zone: tzinfo | None) -> tuple[str, datetime] | None:
    """(the local time as ISO text, the moment in UTC), or None for an impossible date."""
    fields = _fields(date)
    clock = _TIME_PARTS.match(time)
    if fields is None or clock is None:
        return None
    if order == "ymd":
        year, month, day = int(fields[0]), int(fields[1]), int(fields[2])
    elif order == "mdy":
        month, day, year = int(fields[0]), int(fields[1]), _year(fields[2])
    else:
        day, month, year = int(fields[0]), int(fields[1]), _year(fields[2])
    hour, minute = int(clock.group(1)), int(clock.group(2))
    second = int(clock.group(3) or 0)
    half = clock.group(4)
    if half is not None:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if half in "Pp" else 0)
    try:
        local = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    # A naive time's astimezone() takes it as this computer's local time.
    aware = local.replace(tzinfo=zone) if zone is not None else local
    return local.isoformat(), aware.astimezone(UTC)


_ENCRYPTION = re.compile("|".join(re.escape(notice) for notice in ENCRYPTION_NOTICES))
_NOTICE = re.compile("|".join(re.escape(notice) for notice in NOTICES))


def _split(rest: str) -> tuple[str, str] | None:
    """(sender, text) of a message line, or None for a notice."""
    if _ENCRYPTION.search(rest.casefold()):
        return None
    sender, colon, text = rest.partition(": ")
    if not colon:
        sender, colon, text = rest.partition(":")  # an empty message: "Name:"
        if not colon or text:
            return None
    sender = sender.strip(_MARKS + " ")
    if not sender or len(sender) > 100:
        return None
    if _NOTICE.search(sender.casefold()):
        return None
    if text.startswith("\u200e") and _NOTICE.search(text.casefold()):
        return None
    return sender, text


def _is_left_out(body: str) -> bool:
    folded = body.strip(_MARKS + " \n").casefold()
    return not folded or folded in OMITTED


def _attachments(
    lines: list[str], media: dict[str, zipfile.ZipInfo], missing: list[str]
) -> tuple[list[str], list[str]]:
    """The message's lines without those that name a file of the export, and those names."""
    kept: list[str] = []
    names: list[str] = []
    for line in lines:
        bare = line.strip(_MARKS + " ")
        if not bare.endswith((")", ">")):  # neither a file's line nor an edit mark
            kept.append(line.lstrip(_MARKS))
            continue
        for edited in EDITED:
            if bare.casefold().endswith(edited):
                bare = line = bare[: -len(edited)].rstrip()
        name = _named_file(bare)
        if name is not None and name in media:
            names.append(name)
            continue
        if name is not None:
            missing.append(name)
        kept.append(line.lstrip(_MARKS))
    return kept, names


def _named_file(line: str) -> str | None:
    for pattern in ATTACHED:
        found = pattern.match(line)
        if found is not None:
            return found.group("name").strip()
    return None


def _media(
    names: list[str],
    media: dict[str, zipfile.ZipInfo],
    stamp: FileStamp | None,
    limits: Limits,
    large: list[str],
) -> tuple[Attachment, ...]:
    found = []
    for name in names:
        info = media[name]
        if info.file_size > limits.media:
            large.append(
                translate(
                    "messages", "{name} ({size}) is larger than {limit} and was left out."
                ).format(name=name, size=size_text(info.file_size), limit=size_text(limits.media))
            )
            continue
        assert stamp is not None  # media come from a .zip
        found.append(
            Attachment(
                filename=safe_filename(name, "media"),
                size=info.file_size,
                mime_type=None,
                opener=_member_opener(stamp, info.filename),
            )
        )
    return tuple(found)


def _member_opener(stamp: FileStamp, member: str) -> Opener:
    @contextmanager
    def open_member() -> Iterator[BinaryIO]:
        stamp.check()
        try:
            archive = zipfile.ZipFile(stamp.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise AttachmentUnavailableError(
                translate("messages", "{name} cannot be read again.").format(name=stamp.path.name)
            ) from exc
        with archive, archive.open(member) as stream:
            yield cast(BinaryIO, stream)  # a ZipExtFile: a binary, readable stream

    return open_member
