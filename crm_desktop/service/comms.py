"""Communications: the spec's functions, and the timeline's pages."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from typing import Any

import peewee

from crm_desktop import timeutil
from crm_desktop.database import (
    CommTable,
    CustomerTable,
    MediaTable,
    new_id,
)
from crm_desktop.errors import InvalidInputError, NotFoundError
from crm_desktop.i18n import translate
from crm_desktop.models import (
    CommAttachment,
    CommCreate,
    CommDirection,
    CommInDB,
    CommType,
    CommUpdate,
    MediaCreate,
    MediaInDB,
    trusted,
)
from crm_desktop.queries import PreparedQuery, exact_rows, fetch_tuples, readable, readable_row
from crm_desktop.service._common import (
    Problems,
    check_unchanged,
    undecodable_problems,
    validated,
    write_transaction,
)
from crm_desktop.service.bulk import insert_all_or_nothing
from crm_desktop.service.media import media_from_row, media_row, require_customers
from crm_desktop.service.rows import Attachment, TimelineEntry, TimelineFilter

# How much of a body a timeline line reads: enough for its first lines, never a whole e-mail.
PREVIEW_CHARS = 400

_COMM_FIELDS = tuple(CommTable._meta.sorted_fields)
_COMM_NAMES = tuple(field.name for field in _COMM_FIELDS)
_COMM_COLUMNS = _COMM_FIELDS
_NEWEST_FIRST = (CommTable.occurred_at.desc(), CommTable.id.desc())
_TYPES = {member.value: member for member in CommType}
_DIRECTIONS = {member.value: member for member in CommDirection}
_NO_ATTACHMENTS = frozenset({None, "", "[]"})


def _attachments(problems: Problems, text: Any) -> list[tuple[str, str]]:
    pairs = []
    for item in problems.json_list(text, translate("service", "attachments")):
        if (
            isinstance(item, dict)
            and isinstance(item.get("filename"), str)
            and isinstance(item.get("nextcloud_path"), str)
        ):
            pairs.append((item["filename"], item["nextcloud_path"]))
        else:
            problems.append(
                translate("service", "An attachment lacks a filename or a Nextcloud path")
            )
    return pairs


def comm_from_row(row: dict[str, Any]) -> CommInDB:
    """A stored row as CommInDB, whatever another client wrote; what does not fit is named."""
    row = {name: readable(value) for name, value in row.items()}
    problems = Problems()
    problems.undecodable(row)
    comm_type = problems.enum(CommType, row["type"], translate("service", "type"))
    direction = problems.enum(CommDirection, row["direction"], translate("service", "direction"))
    attachments = [
        CommAttachment.model_construct(filename=name, nextcloud_path=path)
        for name, path in _attachments(problems, row["attachments"])
    ]
    occurred_at = problems.timestamp(row["occurred_at"], translate("service", "date"))
    return CommInDB.model_construct(
        id=row["id"],
        customer_id=row["customer_id"],
        type=comm_type,
        direction=direction,
        subject=row["subject"],
        body=row["body"],
        attachments=attachments,
        ext_message_id=row["ext_message_id"],
        logged_by=row["logged_by"],
        occurred_at=occurred_at,
        created_at=row["created_at"],
        problems=tuple(problems),
    )


def _plain_attachments(text: Any) -> list[CommAttachment] | None:
    """The attachments of a row whose JSON fits the spec; None when anything does not."""
    if text in _NO_ATTACHMENTS:
        return []
    try:
        items = json.loads(text)
    except (TypeError, ValueError):
        return None
    if not isinstance(items, list):
        return None
    attachments = []
    for item in items:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("filename"), str)
            and isinstance(item.get("nextcloud_path"), str)
        ):
            return None
        attachments.append(
            trusted(
                CommAttachment,
                {"filename": item["filename"], "nextcloud_path": item["nextcloud_path"]},
            )
        )
    return attachments


def _plain_files(text: Any) -> tuple[Attachment, ...] | None:
    """The timeline's attachments of a row whose JSON fits the spec; None otherwise."""
    attachments = _plain_attachments(text)
    if attachments is None:
        return None
    return tuple(Attachment(a.filename, a.nextcloud_path) for a in attachments)


def _comm(values: tuple[Any, ...]) -> CommInDB:
    """A stored row (values in column order) as CommInDB, as comm_from_row() makes it.

    A row that fits the spec takes the short way; any other (an UndecodableRow too) goes
    through comm_from_row(), which names what does not fit.
    """
    (
        comm_id,
        customer_id,
        comm_type,
        direction,
        subject,
        body,
        attachments,
        ext_message_id,
        logged_by,
        occurred_at,
        created_at,
    ) = values
    kind = _TYPES.get(comm_type)
    way = _DIRECTIONS.get(direction)
    files = _plain_attachments(attachments)
    if (
        kind is None
        or way is None
        or files is None
        or not timeutil.is_stored(occurred_at)
        or type(values) is not tuple  # an UndecodableRow
        # BLOBs (bytes, which SQLite returns without a word): read as text the long way
        or subject.__class__ is bytes
        or body.__class__ is bytes
        or logged_by.__class__ is bytes
        or ext_message_id.__class__ is bytes
    ):
        return comm_from_row(dict(zip(_COMM_NAMES, values, strict=True)))
    return trusted(
        CommInDB,
        {
            "problems": (),
            "id": comm_id,
            "customer_id": customer_id,
            "type": kind,
            "direction": way,
            "subject": subject,
            "body": body,
            "attachments": files,
            "ext_message_id": ext_message_id,
            "logged_by": logged_by,
            "occurred_at": occurred_at,
            "created_at": created_at,
        },
    )


def _require_customer(customer_id: str) -> None:
    if not CustomerTable.select().where(CustomerTable.id == customer_id).exists():
        raise InvalidInputError({"customer_id": translate("service", "There is no such customer.")})


def _enum_values(values: Iterable[Any] | Any | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return [str(values)]
    return [str(value) for value in values]


_NEWEST_COMMS = PreparedQuery(
    lambda customer_id, limit: (
        CommTable.select(*_COMM_COLUMNS)
        .where(CommTable.customer_id == customer_id)
        .order_by(*_NEWEST_FIRST)
        .limit(limit)
    )
)


def list_comms(
    customer_id: str,
    type: CommType | str | Iterable[CommType | str] | None = None,
    direction: CommDirection | str | Iterable[CommDirection | str] | None = None,
    limit: int | None = 100,
) -> list[CommInDB]:
    """The customer's communications, newest first (``ORDER BY occurred_at DESC``)."""
    types = _enum_values(type)
    directions = _enum_values(direction)
    if types is None and directions is None and limit is not None:
        return [_comm(values) for values in _NEWEST_COMMS.rows(customer_id, limit)]
    query = CommTable.select(*_COMM_COLUMNS).where(CommTable.customer_id == customer_id)
    if types is not None:
        query = query.where(CommTable.type.in_(types))
    if directions is not None:
        query = query.where(CommTable.direction.in_(directions))
    query = query.order_by(*_NEWEST_FIRST)
    if limit is not None:
        query = query.limit(limit)
    return [_comm(values) for values in fetch_tuples(query)]


def get_comm(comm_id: str) -> CommInDB:
    row = _raw_comm(comm_id)
    if row is None:
        raise NotFoundError("communication", comm_id)
    return comm_from_row(row)


def create_comm(data: CommCreate | dict[str, Any]) -> CommInDB:
    """Record a communication: a uuid4 id, ``created_at`` now, attachments as a JSON list."""
    comm = validated(CommCreate, data)
    row = comm_row(comm)
    with write_transaction():
        _require_customer(comm.customer_id)
        CommTable.insert(row).execute()
    return comm_from_row(row)


def comm_row(comm: CommCreate) -> dict[str, Any]:
    """A new entry's row as the backend writes it: a uuid4 id, ``created_at`` now, the
    attachments as ``json.dumps(list)``."""
    row = comm.model_dump(mode="json")
    row["attachments"] = json.dumps(row["attachments"])  # the backend's text, byte for byte
    row["id"] = new_id()
    row["created_at"] = timeutil.now_storage()
    return row


def create_comms_many(
    comms: Sequence[CommCreate | dict[str, Any]],
    media: Sequence[MediaCreate | dict[str, Any]] = (),
    *,
    stop: threading.Event | None = None,
) -> tuple[list[CommInDB], list[MediaInDB]]:
    """Record many communications, and media records with them (a dropped message's
    attachments): all of them, or (on any error, or when ``stop`` is set) none.

    Written in short slices with room between them (service.bulk: the backend's writes
    never wait long); a drop that fits in one slice is one transaction. Each customer
    named must exist, checked again in every slice.
    """
    entries = [validated(CommCreate, item) for item in comms]
    records = [validated(MediaCreate, item) for item in media]
    comm_rows = [comm_row(entry) for entry in entries]
    media_rows = [media_row(record) for record in records]
    customers: set[str | None] = {entry.customer_id for entry in entries}
    customers |= {record.customer_id for record in records}
    insert_all_or_nothing(
        [(CommTable, comm_rows), (MediaTable, media_rows)],
        at_slice_start=lambda: require_customers(customers),
        stop=stop,
    )
    return (
        [_new_comm(row, entry) for row, entry in zip(comm_rows, entries, strict=True)],
        [media_from_row(row) for row in media_rows],
    )


def _new_comm(row: dict[str, Any], comm: CommCreate) -> CommInDB:
    """A row just written from a validated entry, as CommInDB (as comm_from_row() would
    make it, without reading the row's text again: 20,000 chat messages are saved at once)."""
    return trusted(
        CommInDB,
        {
            "problems": (),
            "id": row["id"],
            "customer_id": comm.customer_id,
            "type": comm.type,
            "direction": comm.direction,
            "subject": comm.subject,
            "body": comm.body,
            "attachments": comm.attachments,
            "ext_message_id": comm.ext_message_id,
            "logged_by": comm.logged_by,
            "occurred_at": row["occurred_at"],
            "created_at": row["created_at"],
        },
    )


def logged_message_ids(customer_id: str, ext_message_ids: Iterable[str]) -> set[str]:
    """Which of these message keys (``ext_message_id``) are logged for the customer already:
    a message file dropped again adds nothing.

    The app's index on ext_message_id finds them (crm_desktop_comms_by_message_id); the
    customer is compared here, so that the index, not the customer's, is the one used.
    """
    wanted = list(dict.fromkeys(key for key in ext_message_ids if key))
    found: set[str] = set()
    for batch in peewee.chunked(wanted, 500):
        query = CommTable.select(CommTable.ext_message_id, CommTable.customer_id).where(
            CommTable.ext_message_id.in_(batch)
        )
        found.update(key for key, owner in fetch_tuples(query) if owner == customer_id)
    return found


def update_comm(
    comm_id: str, data: CommUpdate | dict[str, Any], expected: CommInDB | None = None
) -> CommInDB:
    """Change what CommUpdate allows (subject, body, occurred_at); only given fields are written.

    With ``expected`` (the entry as the user saw it), ConflictError instead of writing over
    a field that someone else changed or over an entry they deleted meanwhile.
    """
    update = validated(CommUpdate, data)
    changes = update.model_dump(include=update.model_fields_set)
    with write_transaction():
        row = _raw_comm(comm_id)
        current = comm_from_row(row) if row is not None else None
        check_unchanged("communication", comm_id, current, expected, set(changes))
        if current is None:
            raise NotFoundError("communication", comm_id)
        if changes:
            CommTable.update(changes).where(CommTable.id == comm_id).execute()
    return get_comm(comm_id)


def _raw_comm(comm_id: str) -> dict[str, Any] | None:
    rows = fetch_tuples(CommTable.select(*_COMM_COLUMNS).where(CommTable.id == comm_id).limit(1))
    return dict(zip(_COMM_NAMES, rows[0], strict=True)) if rows else None


def delete_comm(comm_id: str) -> None:
    with write_transaction():
        if not CommTable.delete().where(CommTable.id == comm_id).execute():
            raise NotFoundError("communication", comm_id)


def comm_record(comm_id: str) -> dict[str, Any]:
    """The stored row exactly as it is (raw text, even bytes that are not text), e.g. to
    restore it after a delete."""
    rows = exact_rows(CommTable.select(*_COMM_FIELDS).where(CommTable.id == comm_id).limit(1))
    if not rows:
        raise NotFoundError("communication", comm_id)
    return dict(zip(_COMM_NAMES, rows[0], strict=True))


def restore_comm(record: dict[str, Any]) -> None:
    """Put back a row saved by comm_record(), byte for byte (undo of a delete)."""
    with write_transaction():
        CommTable.insert(record).on_conflict_ignore().execute()


def count_comms(customer_id: str) -> int:
    return CommTable.select().where(CommTable.customer_id == customer_id).count()


# --- the timeline ---------------------------------------------------------------------------


_TIMELINE_COLUMNS = (
    CommTable.id,
    CommTable.type,
    CommTable.direction,
    CommTable.subject,
    peewee.fn.substr(CommTable.body, 1, PREVIEW_CHARS).alias("body_preview"),
    CommTable.attachments,
    CommTable.logged_by,
    CommTable.occurred_at,
)
_TIMELINE_NAMES = (
    "id",
    "type",
    "direction",
    "subject",
    "body_preview",
    "attachments",
    "logged_by",
    "occurred_at",
)


def _timeline_query(customer_id: str, filters: TimelineFilter) -> peewee.ModelSelect:
    query = CommTable.select(*_TIMELINE_COLUMNS).where(CommTable.customer_id == customer_id)
    return filtered(query, filters)


def filtered(query: peewee.ModelSelect[Any], filters: TimelineFilter) -> peewee.ModelSelect[Any]:
    """``query`` of communications narrowed to what the timeline's ``filters`` let through."""
    if filters.types:
        query = query.where(CommTable.type.in_(sorted(filters.types)))
    if filters.directions:
        query = query.where(CommTable.direction.in_(sorted(filters.directions)))
    for word in filters.text.split():
        query = query.where(CommTable.subject.contains(word) | CommTable.body.contains(word))
    return query


def _after(query: peewee.ModelSelect, occurred_at: Any, comm_id: Any) -> peewee.ModelSelect:
    """Keyset paging: the entries that come after (older than) the given one."""
    return query.where(
        peewee.Tuple(CommTable.occurred_at, CommTable.id) < peewee.Tuple(occurred_at, comm_id)
    )


# The timeline without filters, the one staff open all day: its SQL is made once.
_EVERYTHING = TimelineFilter()
_TIMELINE_FIRST = PreparedQuery(
    lambda customer_id, limit: (
        _timeline_query(customer_id, _EVERYTHING).order_by(*_NEWEST_FIRST).limit(limit)
    )
)
_TIMELINE_NEXT = PreparedQuery(
    lambda customer_id, occurred_at, comm_id, limit: (
        _after(_timeline_query(customer_id, _EVERYTHING), occurred_at, comm_id)
        .order_by(*_NEWEST_FIRST)
        .limit(limit)
    )
)
_TIMELINE_COUNT = PreparedQuery(
    lambda customer_id: CommTable.select(peewee.fn.COUNT(peewee.SQL("*"))).where(
        CommTable.customer_id == customer_id
    )
)


def timeline_page(
    customer_id: str,
    filters: TimelineFilter = TimelineFilter(),  # noqa: B008 (frozen)
    after: tuple[str, str] | None = None,
    limit: int = 200,
) -> list[TimelineEntry]:
    """One page of the timeline, newest first, starting after the entry whose key is ``after``.

    Keyset paging: each page costs the same however far down the timeline it is.
    """
    if filters == _EVERYTHING:
        rows = (
            _TIMELINE_FIRST.rows(customer_id, limit)
            if after is None
            else _TIMELINE_NEXT.rows(customer_id, *after, limit)
        )
    else:
        query = _timeline_query(customer_id, filters)
        if after is not None:
            query = _after(query, *after)
        rows = fetch_tuples(query.order_by(*_NEWEST_FIRST).limit(limit))
    return [_entry(customer_id, values) for values in rows]


def _entry(customer_id: str, values: tuple[Any, ...]) -> TimelineEntry:
    comm_id, comm_type, direction, subject, preview, attachments, logged_by, occurred_at = values
    files = () if attachments in _NO_ATTACHMENTS else _plain_files(attachments)
    if (
        files is not None
        and comm_type in _TYPES
        and direction in _DIRECTIONS
        and timeutil.is_stored(occurred_at)
        and type(values) is tuple  # not an UndecodableRow
        and subject.__class__ is not bytes  # no BLOB
        and preview.__class__ is not bytes
        and logged_by.__class__ is not bytes
    ):  # the short way for a row that fits the spec
        return TimelineEntry(
            comm_id,
            customer_id,
            comm_type,
            direction,
            subject,
            preview,
            files,
            logged_by,
            occurred_at,
        )
    values = readable_row(values)
    comm_id, comm_type, direction, subject, preview, attachments, logged_by, occurred_at = values
    problems = Problems(undecodable_problems(_TIMELINE_NAMES, values))
    problems.enum(CommType, comm_type, translate("service", "type"))
    problems.enum(CommDirection, direction, translate("service", "direction"))
    problems.timestamp(occurred_at, translate("service", "date"))
    return TimelineEntry(
        id=comm_id,
        customer_id=customer_id,
        type=comm_type,
        direction=direction,
        subject=subject,
        body_preview=preview,
        attachments=tuple(
            Attachment(name, path) for name, path in _attachments(problems, attachments)
        ),
        logged_by=logged_by,
        occurred_at=occurred_at,
        problems=tuple(problems),
    )


def count_timeline(customer_id: str, filters: TimelineFilter = TimelineFilter()) -> int:  # noqa: B008
    if filters == _EVERYTHING:
        return int(_TIMELINE_COUNT.rows(customer_id)[0][0])
    return _timeline_query(customer_id, filters).count()


def timeline_position(
    customer_id: str,
    comm_id: str,
    filters: TimelineFilter = TimelineFilter(),  # noqa: B008 (frozen)
) -> int | None:
    """The row of an entry in the customer's timeline as timeline_page() orders it (newest
    first; 0 is the first row), or None when the timeline (with ``filters``) does not show
    it: a view fetches pages until that row is loaded, then selects it (a search hit that
    is entry 15,000 of 20,000)."""
    query = _timeline_query(customer_id, filters)
    rows = fetch_tuples(
        query.select(CommTable.occurred_at, CommTable.id).where(CommTable.id == comm_id).limit(1)
    )
    if not rows:
        return None
    occurred_at, found_id = rows[0]
    newer = query.where(
        peewee.Tuple(CommTable.occurred_at, CommTable.id) > peewee.Tuple(occurred_at, found_id)
    )
    return int(newer.count())
