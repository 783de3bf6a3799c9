"""A customer's dossier: their card, every communication and their media, for export.

The entries come in pages (keyset paging, one short read each), so an export of the
heavy customer's 20,000 communications never holds more than a page in memory and never
keeps a read transaction open while a PDF is being drawn; the same on a file and on a
server.
"""

from __future__ import annotations

from collections.abc import Iterator

import peewee

from crm_desktop.database import CommTable, CustomerTable, MediaTable
from crm_desktop.errors import ExplainedError
from crm_desktop.i18n import translate
from crm_desktop.models import CommInDB, CustomerInDB, MediaInDB
from crm_desktop.queries import fetch_tuples
from crm_desktop.service.comms import _COMM_COLUMNS, _comm, filtered
from crm_desktop.service.customers import get_customer
from crm_desktop.service.media import _MEDIA_COLUMNS, _media
from crm_desktop.service.rows import TimelineFilter

# Rows per read: big enough that the reads cost little beside formatting the rows,
# small enough that a page of long e-mails stays a few MB.
PAGE_ROWS = 500
# How many matching customers an ambiguous name lists.
MAX_LISTED = 20

_EVERYTHING = TimelineFilter()


class UnknownCustomerError(ExplainedError):
    def __init__(self, text: str) -> None:
        self.text_given = text
        super().__init__(
            translate("dossier", "No such customer"),
            translate("dossier", "No customer has the id or the exact name “{name}”.").format(
                name=text
            ),
        )


class AmbiguousCustomerError(ExplainedError):
    def __init__(self, text: str, matches: list[CustomerInDB], total: int) -> None:
        self.matches = matches
        listed = "\n".join(
            f"  {customer.id}  {customer.name}"
            + (f" ({customer.organization})" if customer.organization else "")
            for customer in matches
        )
        if total > len(matches):
            listed += "\n  …"
        super().__init__(
            translate("dossier", "More than one customer has this name"),
            translate(
                "dossier", "{count} customers are named “{name}”; give one of their ids:\n{ids}"
            ).format(count=total, name=text, ids=listed),
        )


def find_customer(text: str) -> CustomerInDB:
    """The customer whose id, or else whose exact name, is ``text``;
    UnknownCustomerError or AmbiguousCustomerError (listing the ids) otherwise."""
    wanted = text.strip()
    if not wanted:
        raise UnknownCustomerError(text)
    by_id = CustomerTable.select(CustomerTable.id).where(CustomerTable.id == wanted).first()
    if by_id is not None:
        return get_customer(wanted)
    ids = [
        row[0]
        for row in fetch_tuples(
            CustomerTable.select(CustomerTable.id)
            .where(CustomerTable.name == wanted)
            .order_by(CustomerTable.created_at, CustomerTable.id)
            .limit(MAX_LISTED + 1)
        )
    ]
    if not ids:
        raise UnknownCustomerError(wanted)
    matches = [get_customer(customer_id) for customer_id in ids]
    if len(matches) > 1:
        total = int(CustomerTable.select().where(CustomerTable.name == wanted).count())
        raise AmbiguousCustomerError(wanted, matches[:MAX_LISTED], total)
    return matches[0]


def count_dossier_comms(customer_id: str, filters: TimelineFilter | None = None) -> int:
    query = CommTable.select().where(CommTable.customer_id == customer_id)
    return int(filtered(query, filters or _EVERYTHING).count())


def dossier_comms(
    customer_id: str,
    filters: TimelineFilter | None = None,
    oldest_first: bool = False,
    page_rows: int = PAGE_ROWS,
) -> Iterator[CommInDB]:
    """Every communication of the customer (those ``filters`` let through), whole, newest
    first (or oldest first), read a page at a time."""
    base = filtered(
        CommTable.select(*_COMM_COLUMNS).where(CommTable.customer_id == customer_id),
        filters or _EVERYTHING,
    )
    key = peewee.Tuple(CommTable.occurred_at, CommTable.id)
    order = (
        (CommTable.occurred_at.asc(), CommTable.id.asc())
        if oldest_first
        else (CommTable.occurred_at.desc(), CommTable.id.desc())
    )
    after: tuple[str, str] | None = None
    while True:
        query = base
        if after is not None:
            edge = peewee.Tuple(*after)
            query = query.where(key > edge if oldest_first else key < edge)
        rows = fetch_tuples(query.order_by(*order).limit(page_rows))
        for values in rows:
            yield _comm(values)
        if len(rows) < page_rows:
            return
        last = rows[-1]
        after = (last[_OCCURRED_AT], last[_ID])


_ID = [field.name for field in _COMM_COLUMNS].index("id")
_OCCURRED_AT = [field.name for field in _COMM_COLUMNS].index("occurred_at")
_MEDIA_ID = [field.name for field in _MEDIA_COLUMNS].index("id")
_MEDIA_CREATED = [field.name for field in _MEDIA_COLUMNS].index("created_at")


def count_dossier_media(customer_id: str) -> int:
    return int(MediaTable.select().where(MediaTable.customer_id == customer_id).count())


def dossier_media(customer_id: str, page_rows: int = PAGE_ROWS) -> Iterator[MediaInDB]:
    """The customer's media records, newest first, a page at a time."""
    key = peewee.Tuple(MediaTable.created_at, MediaTable.id)
    after: tuple[str, str] | None = None
    while True:
        query = MediaTable.select(*_MEDIA_COLUMNS).where(MediaTable.customer_id == customer_id)
        if after is not None:
            query = query.where(key < peewee.Tuple(*after))
        rows = fetch_tuples(
            query.order_by(MediaTable.created_at.desc(), MediaTable.id.desc()).limit(page_rows)
        )
        for values in rows:
            yield _media(values)
        if len(rows) < page_rows:
            return
        after = (rows[-1][_MEDIA_CREATED], rows[-1][_MEDIA_ID])
