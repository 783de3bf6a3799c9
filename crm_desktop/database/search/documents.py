"""What the search index holds of each shared row, the same for every engine.

A row becomes a :class:`~crm_desktop.database.search.index.Document`: its title words (a
customer's name and organization, a communication's subject and attachment names, a media
record's file name and order) and all its words (the title's, then the other fields:
e-mail, phone, notes and tags; the body; the tags), each folded by crm_desktop.folding into
space-separated words. A customer also gets the keys of the customer list
(:class:`~crm_desktop.database.search.index.CustomerKeys`), stored in
``crm_desktop_customer_keys`` (:class:`CustomerKeyTable`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import peewee

from crm_desktop.database.search.index import CustomerKeys, Document, Kind
from crm_desktop.database.tables import BaseTable
from crm_desktop.folding import folded_text, sort_key

# At most this much of one field is indexed (a 5 MB body is searched in its first 200,000
# characters): a server's tsvector holds at most 1 MB, and nobody types a word from the
# middle of a mail archive pasted into one entry.
MAX_FIELD_CHARS = 200_000


class CustomerKeyTable(BaseTable):
    """``crm_desktop_customer_keys``: the customer list's folded words and sort keys of each
    customer (app-owned; kept by the index, see CustomerKeys)."""

    customer_id = peewee.TextField(primary_key=True)
    folded = peewee.TextField()
    name_key = peewee.TextField()
    organization_key = peewee.TextField(null=True)

    class Meta:
        table_name = "crm_desktop_customer_keys"


@dataclass(frozen=True, slots=True)
class Fields:
    """A row's searchable text, field by field (column name → text), in the order shown."""

    kind: Kind
    row_id: Any
    customer_id: str | None
    at: str | None  # the entry's time as stored (a customer's: when it was created)
    title: tuple[tuple[str, str], ...]
    rest: tuple[tuple[str, str], ...]
    comm_type: str | None = None

    @property
    def all(self) -> tuple[tuple[str, str], ...]:
        return self.title + self.rest


def text(value: Any) -> str | None:
    """A stored value as text: bytes that are not valid UTF-8 (another program's) with
    U+FFFD, at most MAX_FIELD_CHARS."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    found = value if isinstance(value, str) else str(value)
    return found[:MAX_FIELD_CHARS]


def _json_texts(value: Any, key: str | None = None) -> list[str]:
    """The strings of a JSON list (a tag list; with ``key``, that field of each item, as
    an attachment's file name); the text itself where it is not such JSON."""
    found = text(value)
    if not found or found == "[]":
        return []
    try:
        items = json.loads(found)
    except ValueError:
        return [found]
    if not isinstance(items, list):
        return [found]
    texts = []
    for item in items:
        if key is not None and isinstance(item, dict):
            item = item.get(key)
        if isinstance(item, str):
            texts.append(item)
    return texts


def _pairs(*pairs: tuple[str, str | None]) -> tuple[tuple[str, str], ...]:
    return tuple((name, value) for name, value in pairs if value)


def fields(kind: Kind, row: Sequence[Any]) -> Fields:
    """A row (COLUMNS[kind] in order) as its searchable fields."""
    if kind is Kind.customer:
        row_id, name, organization, email, phone, notes, tags, created_at = row
        return Fields(
            kind,
            row_id,
            text(row_id),
            text(created_at),
            _pairs(("name", text(name)), ("organization", text(organization))),
            _pairs(
                ("email", text(email)),
                ("phone", text(phone)),
                ("notes", text(notes)),
                ("tags", ", ".join(_json_texts(tags))),
            ),
        )
    if kind is Kind.communication:
        row_id, customer_id, subject, attachments, body, occurred_at, comm_type = row
        files = [("attachments", name) for name in _json_texts(attachments, "filename")]
        return Fields(
            kind,
            row_id,
            text(customer_id),
            text(occurred_at),
            _pairs(("subject", text(subject)), *files),
            _pairs(("body", text(body))),
            text(comm_type),
        )
    row_id, customer_id, filename, order_id, tags, created_at = row
    return Fields(
        kind,
        row_id,
        text(customer_id),
        text(created_at),
        _pairs(("filename", text(filename)), ("order_id", text(order_id))),
        _pairs(("tags", ", ".join(_json_texts(tags)))),
    )


def document(found: Fields) -> Document:
    title = folded_text(*(value for _name, value in found.title))
    rest = folded_text(*(value for _name, value in found.rest))
    return Document(
        found.kind,
        found.row_id,
        found.customer_id,
        found.at,
        title,
        f"{title} {rest}" if title and rest else title or rest,
    )


def customer_keys(row: Sequence[Any]) -> CustomerKeys:
    """The list keys of a customer row (COLUMNS[Kind.customer] in order)."""
    row_id, name, organization, email, phone = row[:5]
    name_text, organization_text = text(name), text(organization)
    return CustomerKeys(
        row_id,
        folded_text(name_text, organization_text, text(email), text(phone)),
        sort_key(name_text),
        sort_key(organization_text) if organization_text else None,
    )
