"""Words for communication types and directions, in one place for the timeline and the dossier.

A stored value that is not one of the spec's (a foreign row) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm_desktop.i18n import QT_TRANSLATE_NOOP
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
