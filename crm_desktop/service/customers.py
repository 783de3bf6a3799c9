"""Customers: the backend's earlier steps own the table; these are its functions here."""

from __future__ import annotations

import dataclasses
import itertools
import json
import threading
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

import peewee

from crm_desktop import timeutil
from crm_desktop.contact_keys import email_key, phone_key
from crm_desktop.database import (
    COMMS_INDEX,
    CommTable,
    CustomerTable,
    MediaTable,
    case_insensitive,
    database_proxy,
    index_ready,
    new_id,
)
from crm_desktop.database.search import CustomerKeyTable as Keys
from crm_desktop.database.search import customer_keys_ready
from crm_desktop.errors import NotFoundError
from crm_desktop.folding import words
from crm_desktop.i18n import translate
from crm_desktop.models import CustomerCreate, CustomerInDB, CustomerUpdate
from crm_desktop.queries import exact_rows, fetch_tuples, readable, readable_row
from crm_desktop.service._common import (
    Problems,
    check_unchanged,
    undecodable_problems,
    validated,
    write_transaction,
)
from crm_desktop.service.bulk import insert_all_or_nothing, restore_all_or_nothing
from crm_desktop.service.rows import CustomerRow

_CUSTOMER_FIELDS = tuple(CustomerTable._meta.sorted_fields)
_CUSTOMER_NAMES = tuple(field.name for field in _CUSTOMER_FIELDS)
_CUSTOMER_COLUMNS = _CUSTOMER_FIELDS
_ROW_NAMES = ("id", "name", "organization", "email", "phone", "last_contact")


class CustomerSort(StrEnum):
    name = "name"
    organization = "organization"
    contact = "contact"
    last_contact = "last_contact"


def customer_from_row(row: dict[str, Any]) -> CustomerInDB:
    row = {name: readable(value) for name, value in row.items()}
    problems = Problems()
    problems.undecodable(row)
    tags = problems.text_list(row["tags"], translate("service", "tags"))
    return CustomerInDB.model_construct(
        **{**row, "tags": tags},
        problems=tuple(problems),
    )


def _keyed() -> bool:
    """Whether the list goes by the app's keys: search with case and accents ignored, names
    in address-book order (crm_desktop.folding); else by the shared columns alone."""
    return customer_keys_ready(database_proxy.obj)


def _search(
    query: peewee.ModelSelect[CustomerTable], search: str | None, keyed: bool = False
) -> peewee.ModelSelect[CustomerTable]:
    """Every word of the search must appear in the name, organization, e-mail or phone:
    in their folded words with the app's keys ("schroder" finds "Schröder"), else as typed
    (case ignored for ASCII letters only)."""
    if keyed:
        query = query.join(Keys, on=(Keys.customer_id == CustomerTable.id))
        folded = words(search or "")
        for word in folded:
            query = query.where(Keys.folded.contains(word))
        if folded:
            return query
        # No letter or digit in it ("@", "+49"'s plus): looked for as typed.
    for word in (search or "").split():
        query = query.where(
            CustomerTable.name.contains(word)
            | CustomerTable.organization.contains(word)
            | CustomerTable.email.contains(word)
            | CustomerTable.phone.contains(word)
        )
    return query


def list_customers(
    search: str | None = None, limit: int | None = 100, offset: int = 0
) -> list[CustomerInDB]:
    keyed = _keyed()
    query = _search(CustomerTable.select(*_CUSTOMER_COLUMNS), search, keyed)
    query = query.order_by(*_sort_keys(CustomerSort.name, False, keyed)).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [
        customer_from_row(dict(zip(_CUSTOMER_NAMES, row, strict=True)))
        for row in fetch_tuples(query)
    ]


def count_customers(search: str | None = None) -> int:
    return _search(CustomerTable.select(), search, _keyed() if search else False).count()


def get_customer(customer_id: str) -> CustomerInDB:
    row = _raw_customer(customer_id)
    if row is None:
        raise NotFoundError("customer", customer_id)
    return customer_from_row(row)


def create_customer(data: CustomerCreate | dict[str, Any]) -> CustomerInDB:
    row = customer_row(validated(CustomerCreate, data))
    with write_transaction():
        CustomerTable.insert(row).execute()
    return customer_from_row(row)


def customer_row(customer: CustomerCreate) -> dict[str, Any]:
    """A new customer's row as the backend writes it (a new id, created and updated now)."""
    row = customer.model_dump(mode="json")
    row["tags"] = json.dumps(row["tags"])
    row["id"] = new_id()
    row["created_at"] = row["updated_at"] = timeutil.now_storage()
    return row


def create_customers_many(
    customers: Sequence[CustomerCreate | dict[str, Any]], *, stop: threading.Event | None = None
) -> list[CustomerInDB]:
    """Add many customers (a dropped address book): all of them, or (on any error, or when
    ``stop`` is set) none; in short slices with room for the backend (service.bulk)."""
    rows = [customer_row(validated(CustomerCreate, item)) for item in customers]
    insert_all_or_nothing([(CustomerTable, rows)], stop=stop)
    return [customer_from_row(row) for row in rows]


@dataclasses.dataclass(frozen=True)
class ContactMatch:
    """A customer whose e-mail or phone is the same as a contact's."""

    customer_id: str
    name: str


def customers_by_contact(
    emails: Iterable[str | None],
    phones: Iterable[str | None],
    country_code: str | None = None,
) -> dict[str, ContactMatch]:
    """The customers who have one of these e-mail addresses or phone numbers, by the key
    that matched (contact_keys: ``anna@example.com``, ``+4930123456``).

    Compared by key, not by text: ``Anna@Example.COM`` is ``anna@example.com`` and
    ``030 123456`` (with country code 49) is ``+49 30 123456``. The keys cannot be made in
    SQL alike on both engines, so the customers' e-mail and phone columns are read once,
    those that have either (a few hundred milliseconds for 100,000 customers).
    """
    wanted = {key for key in map(email_key, emails) if key}
    wanted |= {key for key in (phone_key(phone, country_code) for phone in phones) if key}
    if not wanted:
        return {}
    query = CustomerTable.select(
        CustomerTable.id, CustomerTable.name, CustomerTable.email, CustomerTable.phone
    ).where(CustomerTable.email.is_null(False) | CustomerTable.phone.is_null(False))
    found: dict[str, ContactMatch] = {}
    for values in fetch_tuples(query):
        customer_id, name, email, phone = readable_row(values)
        for key in (email_key(email), phone_key(phone, country_code)):
            if key in wanted and key not in found:
                found[key] = ContactMatch(customer_id, name)
    return found


def update_customer(
    customer_id: str,
    data: CustomerUpdate | dict[str, Any],
    expected: CustomerInDB | None = None,
) -> CustomerInDB:
    """Change the given fields (and ``updated_at``); no other column is written.

    With ``expected`` (the customer as the user saw them), ConflictError instead of writing
    over a field that someone else changed, or over a customer they deleted, meanwhile.
    """
    update = validated(CustomerUpdate, data)
    changes: dict[str, Any] = update.model_dump(include=update.model_fields_set)
    edited = set(changes)
    if "tags" in changes:
        changes["tags"] = json.dumps(changes["tags"])
    changes["updated_at"] = timeutil.now_storage()
    with write_transaction():
        row = _raw_customer(customer_id)
        current = customer_from_row(row) if row is not None else None
        check_unchanged("customer", customer_id, current, expected, edited)
        if current is None:
            raise NotFoundError("customer", customer_id)
        CustomerTable.update(changes).where(CustomerTable.id == customer_id).execute()
    return get_customer(customer_id)


def _raw_customer(customer_id: str) -> dict[str, Any] | None:
    query = CustomerTable.select(*_CUSTOMER_COLUMNS).where(CustomerTable.id == customer_id)
    rows = fetch_tuples(query.limit(1))
    return dict(zip(_CUSTOMER_NAMES, rows[0], strict=True)) if rows else None


def delete_customer(customer_id: str) -> None:
    """Delete the customer with their communications and media records, all in one transaction."""
    with write_transaction():
        CommTable.delete().where(CommTable.customer_id == customer_id).execute()
        MediaTable.delete().where(MediaTable.customer_id == customer_id).execute()
        if not CustomerTable.delete().where(CustomerTable.id == customer_id).execute():
            raise NotFoundError("customer", customer_id)


@dataclasses.dataclass(frozen=True)
class CustomerRecords:
    """A deleted customer's rows exactly as they were stored, with their communications and
    media records: what restore_customer() puts back."""

    customer: dict[str, Any]
    comms: list[dict[str, Any]]
    media: list[dict[str, Any]]

    @property
    def id(self) -> str:
        return str(self.customer["id"])


def _exact(table: type[peewee.Model], where: peewee.Expression) -> list[dict[str, Any]]:
    fields = tuple(table._meta.sorted_fields)
    names = [field.name for field in fields]
    return [
        dict(zip(names, row, strict=True)) for row in exact_rows(table.select(*fields).where(where))
    ]


def take_customer(customer_id: str) -> CustomerRecords:
    """Delete the customer with their communications and media records (one transaction,
    as delete_customer()), and return the rows as they were, for an undo."""
    with write_transaction():
        customers = _exact(CustomerTable, CustomerTable.id == customer_id)
        if not customers:
            raise NotFoundError("customer", customer_id)
        records = CustomerRecords(
            customers[0],
            _exact(CommTable, CommTable.customer_id == customer_id),
            _exact(MediaTable, MediaTable.customer_id == customer_id),
        )
        CommTable.delete().where(CommTable.customer_id == customer_id).execute()
        MediaTable.delete().where(MediaTable.customer_id == customer_id).execute()
        CustomerTable.delete().where(CustomerTable.id == customer_id).execute()
    return records


def restore_customer(records: CustomerRecords) -> None:
    """Put back a customer taken by take_customer(), with their communications and media,
    byte for byte: all or nothing, in short slices (the backend's writes never wait long).
    No other row is written."""
    restore_all_or_nothing(
        [
            (CustomerTable, [records.customer]),
            (CommTable, records.comms),
            (MediaTable, records.media),
        ]
    )


def customer_exists(customer_id: str) -> bool:
    return CustomerTable.select().where(CustomerTable.id == customer_id).exists()


def customer_names(customer_ids: Iterable[str]) -> dict[str, str]:
    """The names of these customers by id (those that exist), in one query: what a list
    of search hits says whose entry each one is."""
    wanted = sorted(set(customer_ids))
    if not wanted:
        return {}
    rows = fetch_tuples(
        CustomerTable.select(CustomerTable.id, CustomerTable.name).where(
            CustomerTable.id.in_(wanted)
        )
    )
    return {str(readable(row_id)): str(readable(name) or "") for row_id, name in rows}


# --- the customer list ----------------------------------------------------------------------


def _last_contact() -> peewee.ModelSelect[CommTable]:
    comm = CommTable.alias()
    return comm.select(peewee.fn.MAX(comm.occurred_at)).where(comm.customer_id == CustomerTable.id)


def _sort_keys(
    sort: CustomerSort, descending: bool, keyed: bool = False
) -> list[peewee.ColumnBase]:
    """The list's order. With the app's keys (``keyed``, the query joined to them) names
    and organizations sort as in an address book ("Ärztehaus" with A, see
    folding.sort_key), compared byte by byte on every engine; else by the shared columns,
    case ignored for ASCII letters only."""

    def order(node: peewee.ColumnBase) -> peewee.ColumnBase:
        # Empty values go last whichever way the list is sorted.
        return node.desc(nulls="LAST") if descending else node.asc(nulls="LAST")

    name: peewee.ColumnBase = Keys.name_key if keyed else case_insensitive(CustomerTable.name)
    row_id = Keys.customer_id if keyed else CustomerTable.id
    if sort is CustomerSort.organization:
        organization = (
            Keys.organization_key if keyed else case_insensitive(CustomerTable.organization)
        )
        keys = [order(organization), name.asc()]
    elif sort is CustomerSort.contact:
        contact = peewee.fn.COALESCE(CustomerTable.email, CustomerTable.phone)
        keys = [order(case_insensitive(contact)), name.asc()]
    elif sort is CustomerSort.last_contact:
        keys = [order(peewee.SQL("last_contact")), name.asc()]
    elif keyed and descending:  # the name index backwards, ties too
        return [name.desc(), row_id.desc()]
    else:
        keys = [name.desc() if descending else name.asc()]
    return [*keys, row_id.asc()]


def customer_page(
    search: str | None = None,
    sort: CustomerSort = CustomerSort.name,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[CustomerRow]:
    """One page of the customer list: only the columns it shows, sorted and searched in SQL."""
    columns = (
        CustomerTable.id,
        CustomerTable.name,
        CustomerTable.organization,
        CustomerTable.email,
        CustomerTable.phone,
    )
    keyed = _keyed()
    if sort is not CustomerSort.last_contact and not index_ready(COMMS_INDEX):
        # The timeline's index is still being built: a subquery per row would read the whole
        # table each time, so the page's last contacts come from one pass over it instead.
        query = _search(CustomerTable.select(*columns), search, keyed)
        page = fetch_tuples(
            query.order_by(*_sort_keys(sort, descending, keyed)).offset(offset).limit(limit)
        )
        last = _last_contacts([row[0] for row in page])
        return _marked([(*row, last.get(row[0])) for row in page], page)
    query = _search(
        CustomerTable.select(*columns, peewee.Alias(_last_contact(), "last_contact")),
        search,
        keyed,
    )
    query = query.order_by(*_sort_keys(sort, descending, keyed))
    return _marked(fetch_tuples(query.offset(offset).limit(limit)))


def _marked(
    rows: list[tuple[Any, ...]], read: list[tuple[Any, ...]] | None = None
) -> list[CustomerRow]:
    """The rows as CustomerRows; on a page that had to be read leniently (a value that is
    not valid text, see queries.lenient_rows), each such row carries a problem saying so.
    ``read`` is the page as it was read, when ``rows`` were made from it."""
    if type(rows if read is None else read) is list and bytes not in set(
        map(type, itertools.chain.from_iterable(rows))
    ):  # the usual page: no value that is not text (a BLOB comes back as bytes)
        return [CustomerRow(*row) for row in rows]
    return [
        dataclasses.replace(CustomerRow(*values), problems=undecodable_problems(_ROW_NAMES, values))
        for values in map(readable_row, rows)
    ]


def _last_contacts(customer_ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for batch in peewee.chunked(customer_ids, 500):
        query = (
            CommTable.select(CommTable.customer_id, peewee.fn.MAX(CommTable.occurred_at))
            .where(CommTable.customer_id.in_(batch))
            .group_by(CommTable.customer_id)
        )
        found.update(fetch_tuples(query))
    return found


def customer_position(
    customer_id: str,
    search: str | None = None,
    sort: CustomerSort = CustomerSort.name,
    descending: bool = False,
) -> int | None:
    """The row of a customer in the list as customer_page() orders it, or None if not in it."""
    keyed = _keyed()
    if search:
        # A search that does not list them (the usual case while typing): one row looked
        # at, not the ids of every match read to find that they are not among them.
        own = CustomerTable.select(CustomerTable.id).where(CustomerTable.id == customer_id)
        if not _search(own, search, keyed).exists():
            return None
    columns: list[peewee.Node] = [CustomerTable.id]
    if sort is CustomerSort.last_contact:  # the sort key: the other orders need no subquery
        columns.append(peewee.Alias(_last_contact(), "last_contact"))
    ids = _search(CustomerTable.select(*columns), search, keyed).order_by(
        *_sort_keys(sort, descending, keyed)
    )
    for position, row in enumerate(fetch_tuples(ids)):
        if row[0] == customer_id:
            return position
    return None
