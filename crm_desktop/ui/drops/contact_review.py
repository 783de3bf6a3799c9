"""A drop of vCards on the customer list: one row per contact, each a new customer unless
the list has them already; saved all at once.

No Qt widgets (read and saved on a worker thread, tested without a window). The rules:

- Every contact of every card (.vcf, 2.1/3.0/4.0, several a file) is a row: name,
  organization, first e-mail and phone (the others go into the notes), address, note,
  categories as tags (see crm_desktop.messages.vcard); the new customer's Nextcloud folder
  is the one the customer dialog suggests (``/CRM/Customers/<name>``).
- "Already in the list": a customer has one of the contact's e-mail addresses or phone
  numbers, compared by key (crm_desktop.contact_keys: case and spelling ignored, national
  numbers in the country code of the settings or of the system's region); such a contact
  is not added again, nor one that an earlier row of the drop holds already.
- A phone or e-mail the customer form would refuse goes into the notes, with the rest of
  the contact kept; a contact without a name, and a file that is no vCard, are listed with
  the reason.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from crm_desktop import nextcloud, service
from crm_desktop.contact_keys import email_key, phone_key
from crm_desktop.i18n import translate
from crm_desktop.messages import ParsedContact, SourceFormat, read_message_file
from crm_desktop.models import CustomerCreate, CustomerInDB, field_errors
from crm_desktop.service import ContactMatch
from crm_desktop.ui.drops.items import Dropped
from crm_desktop.ui.drops.rules import checkpoint


class ContactStatus(StrEnum):
    new = "new"
    known = "known"  # already in the list
    repeated = "repeated"  # an earlier row of this drop
    unreadable = "unreadable"


@dataclass(slots=True)
class ContactRow:
    file: str
    status: ContactStatus
    contact: ParsedContact | None = None
    data: dict[str, Any] | None = None  # the new customer's fields
    reason: str | None = None
    notes: tuple[str, ...] = ()
    match: ContactMatch | None = None  # the customer who has the contact's e-mail or phone
    repeats: int = -1
    keep: bool = False

    @property
    def name(self) -> str:
        return self.contact.name if self.contact is not None else self.file


class ContactReview:
    """The contacts of one drop of vCards, as the person ticks them."""

    def __init__(self, rows: list[ContactRow], country_code: str | None) -> None:
        self.rows = rows
        self.country_code = country_code

    def set_keep(self, position: int, keep: bool) -> bool:
        row = self.rows[position]
        if row.status is not ContactStatus.new:
            return False
        row.keep = keep
        return True

    def set_all(self, keep: bool) -> None:
        for position in range(len(self.rows)):
            self.set_keep(position, keep)

    def kept(self) -> list[int]:
        return [position for position, row in enumerate(self.rows) if row.keep]

    def count(self, status: ContactStatus) -> int:
        return sum(row.status is status for row in self.rows)

    def customers(self) -> list[dict[str, Any]]:
        return [row.data for row in self.rows if row.keep and row.data is not None]


def read_contacts(
    items: Sequence[Dropped],
    country_code: str | None,
    *,
    cancel: threading.Event | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ContactReview:
    """Read the dropped vCards and find who is in the list already (a worker's job)."""
    rows: list[ContactRow] = []
    for done, item in enumerate(items, 1):
        checkpoint(cancel)
        rows.extend(_rows_of(item))
        if progress is not None:
            progress(done, len(items))
    contacts = [row.contact for row in rows if row.contact is not None]
    checkpoint(cancel)
    matches = service.customers_by_contact(
        [address for contact in contacts for address in contact.emails],
        [number for contact in contacts for number in contact.phones],
        country_code,
    )
    seen: dict[str, int] = {}
    for position, row in enumerate(rows):
        contact = row.contact
        if contact is None or row.status is ContactStatus.unreadable:
            continue
        keys = _keys(contact, country_code)
        row.match = next((matches[key] for key in keys if key in matches), None)
        earlier = next((seen[key] for key in keys if key in seen), None)
        if row.match is not None:
            row.status = ContactStatus.known
        elif earlier is not None:
            row.status, row.repeats = ContactStatus.repeated, earlier
        for key in keys:
            seen.setdefault(key, position)
        row.keep = row.status is ContactStatus.new
    return ContactReview(rows, country_code)


def save_contacts(
    review: ContactReview, *, cancel: threading.Event | None = None
) -> list[CustomerInDB]:
    """Add the ticked contacts as customers, all or nothing (Cancelled, InvalidInputError)."""
    return service.create_customers_many(review.customers(), stop=cancel)


def _keys(contact: ParsedContact, country_code: str | None) -> list[str]:
    keys = [key for key in map(email_key, contact.emails) if key]
    keys += [key for key in (phone_key(p, country_code) for p in contact.phones) if key]
    if not keys:  # nothing to compare with the list: the same name twice in the drop
        keys.append("name:" + " ".join(f"{contact.name} {contact.organization or ''}".split()))
    return keys


def _rows_of(item: Dropped) -> list[ContactRow]:
    path = item.path
    if path is None or path.suffix.lower() not in (".vcf", ".vcard"):
        reason = translate(
            "drops",
            "This is not a vCard. Drop e-mails, chats and other files onto a customer: they"
            " are logged for them.",
        )
        return [ContactRow(Path(item.source).name, ContactStatus.unreadable, reason=reason)]
    outcome = read_message_file(path)
    if not outcome.ok or outcome.source_format is not SourceFormat.vcard:
        reason = outcome.unreadable or translate("drops", "This is not a vCard file.")
        return [ContactRow(path.name, ContactStatus.unreadable, reason=reason)]
    rows = []
    for contact in outcome.contacts:
        data, notes = customer_data(contact)
        rows.append(
            ContactRow(
                path.name,
                ContactStatus.new if data is not None else ContactStatus.unreadable,
                contact,
                data,
                reason=None if data is not None else "; ".join(notes),
                notes=(*contact.problems, *outcome.problems, *(notes if data else ())),
            )
        )
    return rows


def customer_data(contact: ParsedContact) -> tuple[dict[str, Any] | None, list[str]]:
    """The new customer's fields from a contact, or None with the reason; a phone or e-mail
    that the customer form refuses goes into the notes instead (said in the list)."""
    data: dict[str, Any] = {
        "name": contact.name,
        "organization": contact.organization,
        "email": contact.email,
        "phone": contact.phone,
        "address": contact.address,
        "notes": contact.notes,
        "tags": list(contact.categories),
        "nextcloud_folder": nextcloud.customer_folder(contact.name) or None,
    }
    notes: list[str] = []
    errors = _errors(data)
    for name in ("email", "phone"):
        if name in errors and data.get(name):
            label = translate("drops", "E-mail") if name == "email" else translate("drops", "Phone")
            value = data.pop(name)
            data["notes"] = "\n".join(filter(None, [data.get("notes"), f"{label}: {value}"]))
            notes.append(
                translate("drops", "{field} “{value}” went into the notes: {reason}").format(
                    field=label, value=value, reason=errors.pop(name)
                )
            )
    if errors or (notes and _errors(data)):
        return None, [f"{name}: {text}" for name, text in (errors or _errors(data)).items()]
    return data, notes


def _errors(data: dict[str, Any]) -> dict[str, str]:
    try:
        CustomerCreate.model_validate(data)
    except ValidationError as exc:
        return field_errors(exc)
    return {}
