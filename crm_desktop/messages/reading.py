"""One entry point: a dropped file in, what it holds out, or why not, in plain words.

What a file is follows from its content first (an Outlook file named .eml is read as
Outlook's), then from its name. Nothing here raises for a bad file: every failure becomes
``FileOutcome.unreadable``.
"""

from __future__ import annotations

import logging
import os
import stat
from datetime import tzinfo
from pathlib import Path

from crm_desktop.i18n import translate
from crm_desktop.messages.types import DEFAULT_LIMITS, FileOutcome, Limits, SourceFormat, unreadable

log = logging.getLogger(__name__)

SUFFIXES = frozenset({".eml", ".msg", ".txt", ".zip", ".vcf", ".vcard"})
_ZIP_MAGIC = b"PK\x03\x04"
_HEAD = 65536  # as much as the readers look at first (eml._HEAD)


def handles(path: str | Path) -> bool:
    """True for the names of files this reads (a drop target's quick check, no disk access)."""
    return Path(path).suffix.lower() in SUFFIXES


def read_message_file(
    path: str | Path, limits: Limits = DEFAULT_LIMITS, zone: tzinfo | None = None
) -> FileOutcome:
    """What ``path`` holds: messages (.eml, .msg, WhatsApp .txt/.zip) or contacts (.vcf).

    ``zone`` is the zone of a WhatsApp chat's times (default: this computer's).
    Never raises for a bad file; ``unreadable`` then says why.
    """
    path = Path(path)
    try:
        return _read(path, limits, zone)
    except MemoryError:
        return unreadable(path, translate("messages", "The file is too large to be read."))
    except Exception:  # a bug or a library's surprise must not stop a drop of many files
        log.exception("reading %s failed", path)
        return unreadable(
            path,
            translate("messages", "The file could not be read; it may be damaged."),
        )


def _read(path: Path, limits: Limits, zone: tzinfo | None) -> FileOutcome:
    problem = _file_problem(path)
    if problem is not None:
        return unreadable(path, problem)
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError as exc:
        return unreadable(path, _os_reason(exc))
    suffix = path.suffix.lower()
    try:
        return _dispatch(path, head, suffix, limits, zone)
    except OSError as exc:
        return unreadable(path, _os_reason(exc))


def _dispatch(
    path: Path, head: bytes, suffix: str, limits: Limits, zone: tzinfo | None
) -> FileOutcome:
    from crm_desktop.messages import eml, msg, vcard, whatsapp

    if msg.is_ole(head):
        return msg.read_msg(path, limits)
    if head.startswith(_ZIP_MAGIC):
        return whatsapp.read_chat_zip(path, limits, zone)
    text = vcard.read_text(head[:8192])
    if vcard.looks_like_vcard(text):
        return vcard.read_vcard(path, limits)
    if whatsapp.looks_like_chat(text):
        return whatsapp.read_chat_text(path, limits, zone)
    if eml.looks_like_mail(head):
        return eml.read_eml(path, limits, head)
    return unreadable(path, _not_recognised(suffix), _expected(suffix))


def _expected(suffix: str) -> SourceFormat | None:
    return {
        ".eml": SourceFormat.eml,
        ".msg": SourceFormat.msg,
        ".txt": SourceFormat.whatsapp,
        ".zip": SourceFormat.whatsapp,
        ".vcf": SourceFormat.vcard,
        ".vcard": SourceFormat.vcard,
    }.get(suffix)


def _not_recognised(suffix: str) -> str:
    if suffix == ".eml":
        return translate("messages", "This is not an e-mail: it does not start with mail headers.")
    if suffix == ".msg":
        return translate("messages", "This is not an Outlook message.")
    if suffix in (".vcf", ".vcard"):
        return translate("messages", "This is not a vCard file: it holds no contact.")
    if suffix == ".txt":
        return translate(
            "messages",
            "This is not a WhatsApp chat export: no line starts with a date and a time.",
        )
    return translate(
        "messages",
        "This is not a message file. Drop e-mails (.eml), Outlook messages (.msg),"
        " WhatsApp chats (.txt or .zip) or contacts (.vcf).",
    )


def _file_problem(path: Path) -> str | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return translate("messages", "The file does not exist (any more).")
    except OSError as exc:
        return _os_reason(exc)
    if not stat.S_ISREG(info.st_mode):
        return translate("messages", "This is not a file (a folder, a pipe or a device).")
    if info.st_size == 0:
        return translate("messages", "The file is empty.")
    return None


def _os_reason(exc: OSError) -> str:
    return translate("messages", "The file cannot be read: {reason}.").format(
        reason=exc.strerror or os.strerror(exc.errno or 0) or str(exc)
    )
