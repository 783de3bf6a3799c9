"""Words for stored values, in one place for the lists, the dialogs and the dossier:
communication types and directions, media directions, file types (MIME).

A stored value that is not one of the spec's (a foreign row) is shown as it is.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, QMimeDatabase

from crm_desktop.i18n import QT_TRANSLATE_NOOP, translate
from crm_desktop.models import CommDirection, CommType

_CONTEXT = "Timeline"

# QT_TRANSLATE_NOOP marks the strings for lupdate; they are translated when shown.
_TYPE_LABELS: dict[str | None, str] = {
    CommType.email: QT_TRANSLATE_NOOP("Timeline", "E-mail"),
    CommType.whatsapp: QT_TRANSLATE_NOOP("Timeline", "WhatsApp"),
    CommType.call: QT_TRANSLATE_NOOP("Timeline", "Call"),
    CommType.sms: QT_TRANSLATE_NOOP("Timeline", "SMS"),
    CommType.note: QT_TRANSLATE_NOOP("Timeline", "Note"),
    CommType.in_person: QT_TRANSLATE_NOOP("Timeline", "In person"),
}

_DIRECTION_LABELS: dict[str | None, str] = {
    CommDirection.inbound: QT_TRANSLATE_NOOP("Timeline", "Inbound"),
    CommDirection.outbound: QT_TRANSLATE_NOOP("Timeline", "Outbound"),
    CommDirection.internal: QT_TRANSLATE_NOOP("Timeline", "Internal"),
}

# The order in which choices and filter buttons appear.
TYPES: tuple[CommType, ...] = tuple(CommType)
DIRECTIONS: tuple[CommDirection, ...] = tuple(CommDirection)


def _translate(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def type_label(value: str | None) -> str:
    """``"E-mail"`` for ``"email"``; an unknown value as it is stored."""
    # StrEnum members hash like their values, so the stored text finds its label.
    source = _TYPE_LABELS.get(value)
    return _translate(source) if source else (value or "")


def direction_label(value: str | None) -> str:
    source = _DIRECTION_LABELS.get(value)
    return _translate(source) if source else (value or "")


def media_direction_names() -> dict[str, str]:
    """The media directions in words, in the spec's order (translated at call time)."""
    return {
        "received": translate("media", "Received"),
        "sent": translate("media", "Sent"),
        "internal": translate("media", "Internal"),
    }


def media_direction_label(value: str | None) -> str:
    """``"Received"`` for ``"received"``; an unknown value as it is stored."""
    text = "" if value is None else str(value)
    return media_direction_names().get(text, text)


_MIME_DB = QMimeDatabase()


@cache
def mime_comment(mime_type: str) -> str:
    """A MIME type in words ("JPEG image"); the raw value when Qt does not know it."""
    mime = _MIME_DB.mimeTypeForName(mime_type)
    return mime.comment() if mime.isValid() and mime.comment() else mime_type


@cache
def guess_mime(filename: str) -> str | None:
    """The MIME type that a file name's extension suggests, or None for an unknown one."""
    mime = _MIME_DB.mimeTypeForFile(filename, QMimeDatabase.MatchMode.MatchExtension)
    return None if mime.isDefault() else mime.name()


def first_line(text: str | None) -> str:
    """The first line of ``text`` that has words in it, its spaces tidied ("" if none)."""
    for line in (text or "").splitlines():
        words = line.split()
        if words:
            return " ".join(words)
    return ""


def after_first_line(text: str | None) -> str:
    """``text`` without its first line that has words (what first_line() took)."""
    lines = (text or "").splitlines()
    for number, line in enumerate(lines):
        if line.split():
            return "\n".join(lines[number + 1 :])
    return ""


def entry_heading(subject: str | None, body: str | None, comm_type: str | None) -> str:
    """What an entry is called in a list or a heading: its subject; an SMS, a chat message
    or a call without one by its first line; an entry with no words at all by its type."""
    return (subject or "").strip() or first_line(body) or type_label(comm_type)


def file_size(size: int) -> str:
    """A file's size as people read it: "709 kB", "2.4 MB" ("2,4 MB" in German), in the
    units of file managers and mail programs (1 kB = 1024 bytes), never "KiB"."""
    locale = QLocale()
    precision = 0 if size < 1024 * 1024 else 1
    return locale.formattedDataSize(
        size, precision, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )
