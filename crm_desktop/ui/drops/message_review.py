"""A drop of message files under review: one row per message (and per other file), and the
rules that decide each row's direction, time and status before anything is written.

No Qt widgets: ``read_drop`` runs on a worker thread, and the review dialog's table model
shows a ``MessageReview`` and forwards the person's choices to it.

The rules:

- What is a message: ``.eml`` and ``.msg`` always (one that cannot be read is listed with
  the reason); a ``.txt`` or ``.zip`` when it reads as a WhatsApp chat, or when its name
  is one WhatsApp gives its exports (then a chat that cannot be read is listed with the
  reason); any other file of the drop is an ordinary file that becomes a media record of
  the customer, as in a media drop (copied into the customer's folder when it is outside
  the sync folder). vCards become customers only when dropped alone on the customer list;
  in a drop of messages they are listed with that hint.
- Direction of an e-mail: ``inbound`` when it comes from the customer's address,
  ``outbound`` when it comes from one of the office's own addresses (Settings; ``@firma.de``
  names a whole domain), else ``outbound`` when it went to the customer, ``inbound`` when it
  went to the office, else by the customer's domain; when none of these tells, ``inbound``
  marked "guessed". Each row's direction can be changed in the review.
- Who is the customer in a chat: the participant whose name is a phone number with the
  customer's phone's key, else the one named exactly as the customer, else the one the chat
  is named after (an export is named after the other person), else one who shares a word of
  the customer's name, else the one who is not the user and wrote most. Changeable per chat
  in the review; the customer's messages are ``inbound``, everyone else's ``outbound``.
- When: the message's own time (see crm_desktop.messages); a message that says nowhere when
  it was sent takes the file's modification time, marked in the review.
- Status: ``new``; ``already logged`` when the customer has an entry with the message's key
  (ext_message_id: an e-mail's Message-ID, a chat message's stable hash), and then it can
  not be ticked, so a file dropped twice adds nothing; ``twice in this drop`` for a message
  that an earlier row holds already (an .eml and a .msg of one mail); ``unreadable`` with
  the reason in full. Files: ``already recorded`` (same Nextcloud path) is unticked but may
  be ticked, as in a media drop.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from pathlib import Path

from crm_desktop import service
from crm_desktop.contact_keys import email_key, phone_key
from crm_desktop.i18n import translate
from crm_desktop.messages import (
    SUFFIXES,
    FileOutcome,
    ParsedMessage,
    Participant,
    SourceFormat,
    is_export_name,
    participants,
    read_message_file,
)
from crm_desktop.models import CommDirection, CommType
from crm_desktop.ui.drops.items import Dropped
from crm_desktop.ui.drops.message_save import PlannedEntry
from crm_desktop.ui.drops.rules import checkpoint
from crm_desktop.ui.drops.save import Planned
from crm_desktop.ui.drops.scanning import Candidate, ScanOptions, scan

CHAT_SUFFIXES = frozenset({".txt", ".zip"})

Report = Callable[[int, int], None]  # (files read, files in the drop)


class Kind(StrEnum):
    message = "message"  # becomes a communication entry
    file = "file"  # an ordinary file: becomes a media record
    unreadable = "unreadable"  # a message file that cannot be read: nothing is written


class Status(StrEnum):
    new = "new"
    logged = "logged"  # the customer has an entry with this message's key
    repeated = "repeated"  # an earlier row of this drop holds it already
    recorded = "recorded"  # a file: the customer has a record with its Nextcloud path
    unreadable = "unreadable"


@dataclass(frozen=True)
class Perspective:
    """Who is who in a drop: the customer it is for, and the office's side."""

    customer_id: str
    customer_name: str
    customer_email: str | None = None
    customer_phone: str | None = None
    customer_folder: str | None = None
    office_addresses: tuple[str, ...] = ()  # addresses, or domains written "@firma.de"
    user_name: str = ""
    country_code: str | None = None

    def is_customer(self, address: str | None) -> bool:
        key = email_key(address)
        return key is not None and key == email_key(self.customer_email)

    def is_office(self, address: str | None) -> bool:
        key = email_key(address)
        if key is None:
            return False
        domain = "@" + key.rpartition("@")[2]
        return any(entry in (key, domain) for entry in _office_keys(self.office_addresses))


def _office_keys(entries: Iterable[str]) -> set[str]:
    keys = set()
    for entry in entries:
        text = "".join(entry.split()).casefold()
        if not text:
            continue
        keys.add(text if "@" in text else "@" + text)  # a bare "firma.de" is a domain
    return keys


def office_addresses(text: str) -> tuple[str, ...]:
    """The office's addresses from the setting's text (separated by commas, semicolons or
    blanks), as typed."""
    return tuple(part for part in text.replace(";", ",").replace(",", " ").split() if part)


@dataclass(slots=True)
class Row:
    """One line of the review: a message, an ordinary file, or a file that cannot be read."""

    file: str  # the dropped file's name, as people read it
    path: Path | None
    kind: Kind
    status: Status
    message: ParsedMessage | None = None
    candidate: Candidate | None = None  # an ordinary file
    chat: int = -1  # which of the review's chats it belongs to
    direction: CommDirection | None = None
    guessed: bool = False  # no rule told the direction
    chosen: bool = False  # the person chose the direction
    occurred_at: datetime | None = None  # aware UTC
    date_from_file: bool = False
    reason: str | None = None  # why it cannot be read
    notes: tuple[str, ...] = ()  # what was odd about it (it is still usable)
    keep: bool = False
    picked: bool = False  # the person ticked or unticked it
    repeats: int = -1  # for a repeated row: the earlier row

    @property
    def key(self) -> str:
        """What tells two rows apart: the message's key, or the file's Nextcloud path."""
        if self.message is not None:
            return self.message.ext_message_id
        if self.candidate is not None:
            return self.candidate.nextcloud_path
        return ""

    @property
    def type(self) -> CommType | None:
        return self.message.type if self.message is not None else None

    @property
    def subject(self) -> str:
        """The subject, or for a chat message its first line, or a file's name."""
        if self.message is not None:
            if self.message.subject:
                return self.message.subject
            return self.message.body.strip().split("\n", 1)[0][:200]
        return self.candidate.filename if self.candidate is not None else self.file

    @property
    def tickable(self) -> bool:
        if self.kind is Kind.file:
            return self.status is not Status.unreadable
        return self.status is Status.new


@dataclass(frozen=True)
class Tally:
    """A review's counts, in one pass over its rows (the summary line)."""

    messages: int = 0
    messages_kept: int = 0
    files_kept: int = 0
    logged: int = 0
    repeated: int = 0  # messages twice in this drop
    unreadable: int = 0  # message files that cannot be read
    recorded: int = 0  # files recorded already


@dataclass
class Chat:
    """A WhatsApp chat of the drop, and which of its participants is the customer."""

    title: str
    file: str
    participants: list[Participant]
    customer: str | None  # the participant's name
    rows: list[int] = field(default_factory=list)


class MessageReview:
    """The rows of one drop of message files for one customer, as the person edits them."""

    def __init__(
        self,
        perspective: Perspective,
        rows: list[Row],
        chats: list[Chat],
        logged: set[str],
        recorded: set[str],
        notes: Sequence[str] = (),
    ) -> None:
        self.perspective = perspective
        self.rows = rows
        self.chats = chats
        self.notes = list(notes)  # about the drop as a whole (e.g. lines a chat skipped)
        self._logged = logged
        self._recorded = recorded
        self._tally: Tally | None = None
        self.update()

    def update(self) -> None:
        """Work out statuses and (where the person did not choose) directions and ticks."""
        self._tally = None
        first: dict[tuple[Kind, str], int] = {}
        for position, row in enumerate(self.rows):
            if row.kind is Kind.unreadable:
                row.status, row.keep = Status.unreadable, False
                continue
            if row.kind is Kind.file and row.candidate is not None and not row.candidate.ok:
                row.status, row.keep = Status.unreadable, False
                row.reason = row.candidate.problem
                continue
            earlier = first.setdefault((row.kind, row.key), position)
            row.repeats = -1
            if row.kind is Kind.message and row.key in self._logged:
                row.status = Status.logged
            elif row.kind is Kind.file and row.key in self._recorded:
                row.status = Status.recorded
            elif earlier != position:
                row.status, row.repeats = Status.repeated, earlier
            else:
                row.status = Status.new
            if not row.tickable:
                row.keep = False
            elif not row.picked:
                row.keep = row.status is Status.new
        for chat in self.chats:
            self._direct_chat(chat)

    def _direct_chat(self, chat: Chat) -> None:
        for position in chat.rows:
            row = self.rows[position]
            if row.chosen or row.message is None:
                continue
            sender = row.message.sender.name if row.message.sender is not None else None
            inbound = chat.customer is not None and sender == chat.customer
            row.direction = CommDirection.inbound if inbound else CommDirection.outbound

    # --- the person's choices -------------------------------------------------------------

    def set_keep(self, position: int, keep: bool) -> bool:
        row = self.rows[position]
        if not row.tickable:
            return False
        row.keep, row.picked = keep, True
        self._tally = None
        return True

    def set_all(self, keep: bool) -> None:
        for position in range(len(self.rows)):
            self.set_keep(position, keep)

    def set_direction(self, position: int, direction: CommDirection) -> None:
        row = self.rows[position]
        if row.kind is Kind.message:
            row.direction, row.chosen, row.guessed = direction, True, False

    def set_chat_customer(self, number: int, name: str | None) -> list[int]:
        """Make ``name`` the customer of a chat; returns the rows whose direction changed."""
        chat = self.chats[number]
        before = [self.rows[p].direction for p in chat.rows]
        chat.customer = name
        self._direct_chat(chat)
        return [
            p for p, old in zip(chat.rows, before, strict=True) if self.rows[p].direction != old
        ]

    # --- what it comes to -----------------------------------------------------------------

    @property
    def has_messages(self) -> bool:
        """False when no row is a message file (the drop was ordinary files after all)."""
        return any(row.kind is not Kind.file for row in self.rows)

    def kept(self) -> list[int]:
        return [position for position, row in enumerate(self.rows) if row.keep]

    def count(self, status: Status, kind: Kind | None = None) -> int:
        return sum(row.status is status and (kind is None or row.kind is kind) for row in self.rows)

    def tally(self) -> Tally:
        """The counts, kept until a row changes (read_drop makes them on its worker)."""
        if self._tally is None:
            self._tally = self._count_all()
        return self._tally

    def _count_all(self) -> Tally:
        counts = dict.fromkeys(Tally.__dataclass_fields__, 0)
        for row in self.rows:
            message = row.kind is Kind.message
            counts["messages"] += message
            if row.keep:
                counts["messages_kept" if message else "files_kept"] += 1
            status = row.status
            if status is Status.logged:
                counts["logged"] += 1
            elif status is Status.repeated and message:
                counts["repeated"] += 1
            elif status is Status.unreadable and row.kind is Kind.unreadable:
                counts["unreadable"] += 1
            elif status is Status.recorded:
                counts["recorded"] += 1
        return Tally(**counts)

    def attachments_kept(self) -> int:
        return sum(
            len(row.message.attachments)
            for row in self.rows
            if row.keep and row.message is not None
        )

    def entries(self) -> list[PlannedEntry]:
        """The messages to log."""
        planned = []
        for position, row in enumerate(self.rows):
            message = row.message
            if not row.keep or message is None or row.occurred_at is None:
                continue
            planned.append(
                PlannedEntry(
                    row=position,
                    type=message.type,
                    direction=row.direction or CommDirection.inbound,
                    subject=message.subject,
                    body=message.body,
                    occurred_at=row.occurred_at,
                    ext_message_id=message.ext_message_id,
                    attachments=message.attachments,
                )
            )
        return planned

    def files(self, copy_outside: bool) -> list[tuple[int, Planned]]:
        """The ordinary files to record ((row, file)); with ``copy_outside`` those from
        outside the sync folder are copied into the customer's folder."""
        planned = []
        for position, row in enumerate(self.rows):
            candidate = row.candidate
            if not row.keep or candidate is None or candidate.path is None:
                continue
            planned.append(
                (
                    position,
                    Planned(
                        source=candidate.path,
                        filename=candidate.filename,
                        nextcloud_path=candidate.nextcloud_path,
                        mime_type=candidate.mime_type or None,
                        copy=copy_outside and not candidate.in_sync_folder,
                        size=candidate.size,
                    ),
                )
            )
        return planned

    def recorded_paths(self) -> frozenset[str]:
        return frozenset(self._recorded)


# --- reading a drop -----------------------------------------------------------------------------


def is_message_name(path: Path | None) -> bool:
    """Whether a dropped item may be a message file, by its name alone (no disk access)."""
    return path is not None and path.suffix.lower() in SUFFIXES


def read_drop(
    items: Sequence[Dropped],
    perspective: Perspective,
    sync_folder: str | Path | None = None,
    *,
    zone: tzinfo | None = None,
    cancel: threading.Event | None = None,
    progress: Report | None = None,
) -> MessageReview:
    """Read every dropped file and build the review (on a worker thread: it reads files and
    asks the database). Raises Cancelled when ``cancel`` is set meanwhile."""
    rows: list[Row] = []
    chats: list[Chat] = []
    notes: list[str] = []
    others: list[Dropped] = []
    total = len(items)
    for done, item in enumerate(items, 1):
        checkpoint(cancel)
        path = item.path
        if path is None or not is_message_name(path) or _is_folder(path):
            others.append(item)
        else:
            outcome = read_message_file(path, zone=zone)
            if _ordinary_file(path, outcome):
                others.append(item)
            else:
                _add_outcome(outcome, perspective, rows, chats, notes, cancel)
        if progress is not None:
            progress(done, total)
    if others:
        options = ScanOptions(sync_folder, perspective.customer_folder)
        for candidate in scan(others, options, cancel):
            rows.append(
                Row(candidate.source, candidate.path, Kind.file, Status.new, None, candidate)
            )
    checkpoint(cancel)
    logged = service.logged_message_ids(
        perspective.customer_id, (row.key for row in rows if row.kind is Kind.message)
    )
    checkpoint(cancel)
    paths = [row.key for row in rows if row.kind is Kind.file and row.key]
    recorded = service.existing_media_paths(perspective.customer_id, paths) if paths else set()
    review = MessageReview(perspective, rows, chats, logged, recorded, notes)
    review.tally()  # here, not in the GUI thread
    return review


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _ordinary_file(path: Path, outcome: FileOutcome) -> bool:
    """A .txt or .zip that is no chat (and is not named like one) is just a file."""
    if path.suffix.lower() not in CHAT_SUFFIXES:
        return False
    if outcome.ok:
        return outcome.source_format is SourceFormat.vcard
    return not is_export_name(path.name)


def _add_outcome(
    outcome: FileOutcome,
    perspective: Perspective,
    rows: list[Row],
    chats: list[Chat],
    notes: list[str],
    cancel: threading.Event | None,
) -> None:
    name = outcome.path.name
    if not outcome.ok:
        rows.append(
            Row(name, outcome.path, Kind.unreadable, Status.unreadable, reason=outcome.unreadable)
        )
        return
    if outcome.source_format is SourceFormat.vcard:
        reason = translate(
            "drops",
            "A vCard holds contacts, not messages: drop it alone on the customer list to add"
            " its contacts as customers.",
        )
        rows.append(_unreadable(name, outcome.path, reason))
        return
    notes.extend(f"{name}: {problem}" for problem in outcome.problems)
    chat = -1
    if outcome.source_format is SourceFormat.whatsapp:
        people = participants(outcome.messages)
        title = outcome.chat_title or name
        chats.append(Chat(title, name, people, customer_in_chat(people, title, perspective)))
        chat = len(chats) - 1
    file_time: datetime | None = None
    for message in outcome.messages:
        checkpoint(cancel)
        occurred_at, from_file = message.occurred_at, False
        if occurred_at is None:
            if file_time is None:
                file_time = _modified(outcome.path)
            occurred_at, from_file = file_time, True
        row = Row(
            name,
            outcome.path,
            Kind.message,
            Status.new,
            message,
            chat=chat,
            occurred_at=occurred_at,
            date_from_file=from_file,
            notes=(_file_date_note(), *message.problems) if from_file else message.problems,
        )
        if chat < 0:
            row.direction, row.guessed = email_direction(message, perspective)
        else:
            chats[chat].rows.append(len(rows))
        rows.append(row)


def _file_date_note() -> str:
    return translate("drops", "No date in the message: the file's date is used.")


def _unreadable(name: str, path: Path, reason: str | None) -> Row:
    return Row(name, path, Kind.unreadable, Status.unreadable, reason=reason)


def _modified(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, UTC)
    except OSError:
        return datetime.now(UTC)


# --- the rules --------------------------------------------------------------------------------


def email_direction(message: ParsedMessage, who: Perspective) -> tuple[CommDirection, bool]:
    """An e-mail's direction for the customer, and whether it was only guessed."""
    sender = message.sender.email if message.sender is not None else None
    recipients = [address.email for address in message.recipients]
    if who.is_customer(sender):
        return CommDirection.inbound, False
    if who.is_office(sender):
        return CommDirection.outbound, False
    if any(who.is_customer(address) for address in recipients):
        return CommDirection.outbound, False
    if any(who.is_office(address) for address in recipients):
        return CommDirection.inbound, False
    domain = _domain(who.customer_email)
    if domain is not None:
        if _domain(sender) == domain:
            return CommDirection.inbound, False  # a colleague of the customer's wrote
        if any(_domain(address) == domain for address in recipients):
            return CommDirection.outbound, False
    return CommDirection.inbound, True


def _domain(address: str | None) -> str | None:
    key = email_key(address)
    return key.rpartition("@")[2] if key is not None else None


def folded(text: str) -> str:
    """A name as people compare names: case, accents and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def customer_in_chat(people: Sequence[Participant], title: str, who: Perspective) -> str | None:
    """Which participant of a chat is the customer (see the module's rules)."""
    if not people:
        return None
    names = [person.name for person in people]
    wanted_phone = phone_key(who.customer_phone, who.country_code)
    if wanted_phone is not None:
        for name in names:
            if phone_key(name, who.country_code) == wanted_phone:
                return name
    customer = folded(who.customer_name)
    for name in names:
        if folded(name) == customer:
            return name
    for name in names:
        if folded(name) == folded(title):
            return name
    words = set(customer.split())
    for name in names:
        if words & set(folded(name).split()):
            return name
    user = folded(who.user_name)
    others = [name for name in names if folded(name) != user] or names
    return others[0]  # participants() lists those who wrote most first
