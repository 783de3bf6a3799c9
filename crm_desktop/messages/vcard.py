"""vCard files (.vcf, versions 2.1, 3.0 and 4.0, one or more contacts) read with ``vobject``.

Each card is read on its own, so one broken card does not lose the others. vCard 2.1's
quoted-printable values may continue over lines ending in ``=``; vobject does not join
those, so they are joined first. The file is UTF-8 (with or without BOM), UTF-16 with a
BOM, or else Windows-1252 (old phones).

Fields: the name is FN, else N (given and family name), else the organization, else the
first e-mail; organization is ORG (with its department); the first e-mail and phone fill
those fields; NOTE, then further e-mails, phones and addresses go to the notes; the first
address (ADR) as lines: street, ``postcode city``, region, country; CATEGORIES are the tags.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import vobject

from crm_desktop.i18n import translate
from crm_desktop.messages.text import clean_line, clean_text, decode, size_text
from crm_desktop.messages.types import (
    DEFAULT_LIMITS,
    FileOutcome,
    Limits,
    ParsedContact,
    SourceFormat,
    unreadable,
)

_CARD = re.compile(r"^BEGIN:VCARD\s*$.*?^END:VCARD\s*$", re.I | re.M | re.S)


def looks_like_vcard(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:11].upper() == "BEGIN:VCARD"


def read_vcard(path: Path, limits: Limits = DEFAULT_LIMITS) -> FileOutcome:
    size = path.stat().st_size
    if size > limits.contacts_file:
        return unreadable(
            path,
            translate(
                "messages", "The file is {size}; contact files larger than {limit} are not read."
            ).format(size=size_text(size), limit=size_text(limits.contacts_file)),
            SourceFormat.vcard,
        )
    text = read_text(path.read_bytes())
    contacts: list[ParsedContact] = []
    problems: list[str] = []
    blocks = _CARD.findall(text.replace("\r\n", "\n").replace("\r", "\n"))
    for number, block in enumerate(blocks, 1):
        try:
            card = vobject.readOne(_join_soft_breaks(block))
            contact = _contact(card)
        except Exception:  # vobject raises its own and plain errors for malformed cards
            contact = None
        if contact is None:
            problems.append(
                translate("messages", "Contact {number} of the file could not be read.").format(
                    number=number
                )
            )
        else:
            contacts.append(contact)
    if not contacts:
        reason = (
            translate("messages", "This is not a vCard file: it holds no contact.")
            if not blocks
            else translate("messages", "None of the contacts in the file could be read.")
        )
        return unreadable(path, reason, SourceFormat.vcard)
    return FileOutcome(path, SourceFormat.vcard, contacts=tuple(contacts), problems=tuple(problems))


def read_text(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    return decode(raw.removeprefix(b"\xef\xbb\xbf"), "utf-8")[0]


def _join_soft_breaks(block: str) -> str:
    """Quoted-printable values (vCard 2.1) continued over lines ending in ``=``, joined."""
    lines = block.split("\n")
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if "QUOTED-PRINTABLE" in line.split(":", 1)[0].upper():
            while line.endswith("=") and index < len(lines):
                line = line[:-1] + lines[index].lstrip(" \t")
                index += 1
        joined.append(line)
    return "\n".join(joined)


def _values(card: Any, name: str) -> list[Any]:
    return [line.value for line in card.contents.get(name, [])]


def _text(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, list):
        value = ", ".join(str(part) for part in value if str(part).strip())
    return clean_line(str(value)) if value is not None else None


def _contact(card: Any) -> ParsedContact | None:
    emails = [e for e in (_text(v) for v in _values(card, "email")) if e]
    phones = [p.removeprefix("tel:") for p in (_text(v) for v in _values(card, "tel")) if p]
    addresses = [a for a in (_address(v) for v in _values(card, "adr")) if a]
    organization = next((o for o in (_text(v) for v in _values(card, "org")) if o), None)
    name = next((n for n in (_text(v) for v in _values(card, "fn")) if n), None)
    if name is None:
        name = next((n for n in (_name(v) for v in _values(card, "n")) if n), None)
    name = name or organization or (emails[0] if emails else None)
    if not name:
        return None
    notes = [clean_text(str(v)).strip() for v in _values(card, "note") if str(v).strip()]
    more = (
        [translate("messages", "E-mail: {value}").format(value=e) for e in emails[1:]]
        + [translate("messages", "Phone: {value}").format(value=p) for p in phones[1:]]
        + [
            translate("messages", "Address: {value}").format(value=a.replace("\n", ", "))
            for a in addresses[1:]
        ]
    )
    if more:
        notes.append("\n".join(more))
    categories: list[str] = []
    for value in _values(card, "categories"):
        parts = value if isinstance(value, list) else str(value).split(",")
        categories.extend(c for c in (clean_line(str(p)) for p in parts) if c)
    return ParsedContact(
        name=name,
        organization=organization,
        email=emails[0] if emails else None,
        phone=phones[0] if phones else None,
        address=addresses[0] if addresses else None,
        notes="\n\n".join(notes) or None,
        categories=tuple(dict.fromkeys(categories)),
        emails=tuple(emails),
        phones=tuple(phones),
    )


def _name(value: Any) -> str | None:
    parts = [
        getattr(value, field, "") for field in ("prefix", "given", "additional", "family", "suffix")
    ]
    words = [" ".join(p) if isinstance(p, list) else str(p) for p in parts]
    return clean_line(" ".join(w for w in words if w.strip()))


def _address(value: Any) -> str | None:
    def part(field: str) -> str:
        found = getattr(value, field, "")
        text = " ".join(found) if isinstance(found, list) else str(found)
        return clean_line(text) or ""

    lines = [part("box"), part("extended"), part("street")]
    lines.append(" ".join(p for p in (part("code"), part("city")) if p))
    lines.extend([part("region"), part("country")])
    text = "\n".join(line for line in lines if line)
    return text or None
