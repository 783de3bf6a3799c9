"""What a dossier says and how its values read, shared by the CSV and the PDF.

Times are stored in UTC and shown in the system's local time; types and directions in the
app's words (``E-mail``, ``Inbound``), unknown values as they are stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale, QTimeZone

from crm_desktop import timeutil
from crm_desktop.i18n import translate
from crm_desktop.models import CommInDB, CustomerInDB, MediaInDB
from crm_desktop.service import TimelineFilter, get_customer
from crm_desktop.service.dossier import (
    count_dossier_comms,
    count_dossier_media,
    dossier_comms,
    dossier_media,
)
from crm_desktop.ui.labels import (
    direction_label,
    media_direction_label,
    mime_comment,
    type_label,
)
from crm_desktop.ui.timefmt import to_local


@dataclass(frozen=True)
class DossierRequest:
    """Which customer, and which of their communications, in which order."""

    customer_id: str
    # The timeline's filters to apply, or None for every communication.
    filters: TimelineFilter | None = None
    oldest_first: bool = False


@dataclass
class Dossier:
    """A customer's dossier as it is read for one export: the card and the counts now,
    the entries read page by page while they are written out."""

    request: DossierRequest
    customer: CustomerInDB
    comm_count: int
    comm_total: int  # before filters
    media_count: int
    source: str  # the database, as the window title names it
    exported_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @classmethod
    def read(cls, request: DossierRequest, source: str) -> Dossier:
        customer = get_customer(request.customer_id)
        total = count_dossier_comms(customer.id)
        count = (
            total if request.filters is None else count_dossier_comms(customer.id, request.filters)
        )
        return cls(
            request=request,
            customer=customer,
            comm_count=count,
            comm_total=total,
            media_count=count_dossier_media(customer.id),
            source=source,
        )

    def comms(self) -> Iterator[CommInDB]:
        return dossier_comms(self.customer.id, self.request.filters, self.request.oldest_first)

    def media(self) -> Iterator[MediaInDB]:
        return dossier_media(self.customer.id)


def _local(stored: str | datetime | None) -> QDateTime | None:
    if isinstance(stored, datetime):
        moment: datetime | None = stored
    else:
        moment = timeutil.parse_stored(stored)
    return None if moment is None else to_local(moment)


def moment(stored: str | datetime | None) -> str:
    """A stored time in local time, in the locale's short form with a four-digit year."""
    local = _local(stored)
    if local is None:
        return stored if isinstance(stored, str) else ""
    locale = QLocale()
    date_format = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in date_format:
        date_format = date_format.replace("yy", "yyyy")
    time_format = locale.timeFormat(QLocale.FormatType.ShortFormat)
    return locale.toString(local, f"{date_format} {time_format}")


def sortable_moment(stored: str | None) -> str:
    """A stored time in local time as ``2026-11-25 14:03:07``, which spreadsheets read as a
    date in any language."""
    local = _local(stored)
    if local is None:
        return stored or ""
    return local.toString("yyyy-MM-dd HH:mm:ss")


def time_zone() -> str:
    """The local time zone as people know it: ``CET (UTC+01:00)``."""
    zone = QTimeZone.systemTimeZone()
    now = QDateTime.currentDateTime()
    offset = zone.offsetFromUtc(now)
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset) // 60, 60)
    name = zone.abbreviation(now)
    if offset == 0 and name in ("", "UTC", "GMT"):
        return "UTC"
    utc = f"UTC{sign}{hours:02d}:{minutes:02d}"
    return utc if not name or name == utc else f"{name} ({utc})"


def kind(comm: CommInDB) -> str:
    return type_label(str(comm.type) if comm.type is not None else None)


def direction(comm: CommInDB) -> str:
    return direction_label(str(comm.direction) if comm.direction is not None else None)


def attachment_names(comm: CommInDB) -> list[str]:
    return [attachment.filename for attachment in comm.attachments]


def filter_description(filters: TimelineFilter | None) -> str:
    """The timeline's filters in words, or "" for none."""
    if filters is None:
        return ""
    parts = []
    if filters.types:
        parts.append(", ".join(sorted(type_label(value) for value in filters.types)))
    if filters.directions:
        parts.append(", ".join(sorted(direction_label(value) for value in filters.directions)))
    if filters.text.strip():
        parts.append(translate("Dossier", "containing “{text}”").format(text=filters.text.strip()))
    return "; ".join(parts)


def has_filters(filters: TimelineFilter | None) -> bool:
    return bool(filters and (filters.types or filters.directions or filters.text.strip()))


def media_direction(media: MediaInDB) -> str:
    return media_direction_label(None if media.direction is None else str(media.direction))


def media_kind(media: MediaInDB) -> str:
    """The MIME type in words (``JPEG image``), or as stored when Qt does not know it."""
    return mime_comment(media.mime_type) if media.mime_type else ""
