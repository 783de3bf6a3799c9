"""Communications: the spec's functions, and the timeline's pages."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import peewee

from crm_desktop import timeutil
from crm_desktop.database import CommTable, CustomerTable, new_id
from crm_desktop.errors import InvalidInputError, NotFoundError
from crm_desktop.i18n import tr
from crm_desktop.models import (
    CommAttachment,
    CommCreate,
    CommDirection,
    CommInDB,
    CommType,
    CommUpdate,
)
from crm_desktop.service._common import (
    Problems,
    check_unchanged,
    validated,
    write_transaction,
)
from crm_desktop.service.rows import Attachment, TimelineEntry, TimelineFilter

# How much of a body a timeline line reads: enough for its first lines, never a whole e-mail.
PREVIEW_CHARS = 400

_COMM_COLUMNS = tuple(CommTable._meta.sorted_fields)


def _attachments(problems: Problems, text: Any) -> list[tuple[str, str]]:
    pairs = []
    for item in problems.json_list(text, tr("service", "attachments")):
        if (
            isinstance(item, dict)
            and isinstance(item.get("filename"), str)
            and isinstance(item.get("nextcloud_path"), str)
        ):
            pairs.append((item["filename"], item["nextcloud_path"]))
        else:
            problems.append(tr("service", "An attachment lacks a filename or a Nextcloud path"))
    return pairs


def comm_from_row(row: dict[str, Any]) -> CommInDB:
    """A stored row as CommInDB, whatever another client wrote; what does not fit is named."""
    problems = Problems()
    comm_type = problems.enum(CommType, row["type"], tr("service", "type"))
    direction = problems.enum(CommDirection, row["direction"], tr("service", "direction"))
    attachments = [
        CommAttachment.model_construct(filename=name, nextcloud_path=path)
        for name, path in _attachments(problems, row["attachments"])
    ]
    occurred_at = problems.timestamp(row["occurred_at"], tr("service", "date"))
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


def _require_customer(customer_id: str) -> None:
    if not CustomerTable.select().where(CustomerTable.id == customer_id).exists():
        raise InvalidInputError({"customer_id": tr("service", "There is no such customer.")})


def _enum_values(values: Iterable[Any] | Any | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return [str(values)]
    return [str(value) for value in values]


def list_comms(
    customer_id: str,
    type: CommType | str | Iterable[CommType | str] | None = None,
    direction: CommDirection | str | Iterable[CommDirection | str] | None = None,
    limit: int | None = 100,
) -> list[CommInDB]:
    """The customer's communications, newest first (``ORDER BY occurred_at DESC``)."""
    query = CommTable.select(*_COMM_COLUMNS).where(CommTable.customer_id == customer_id)
    types = _enum_values(type)
    if types is not None:
        query = query.where(CommTable.type.in_(types))
    directions = _enum_values(direction)
    if directions is not None:
        query = query.where(CommTable.direction.in_(directions))
    query = query.order_by(CommTable.occurred_at.desc(), CommTable.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [comm_from_row(row) for row in query.dicts()]


def get_comm(comm_id: str) -> CommInDB:
    row = _raw_comm(comm_id)
    if row is None:
        raise NotFoundError("communication", comm_id)
    return comm_from_row(row)


def create_comm(data: CommCreate | dict[str, Any]) -> CommInDB:
    """Record a communication: a uuid4 id, ``created_at`` now, attachments as a JSON list."""
    comm = validated(CommCreate, data)
    row = comm.model_dump(mode="json")
    row["attachments"] = json.dumps(row["attachments"])  # the backend's text, byte for byte
    row["id"] = new_id()
    row["created_at"] = timeutil.now_storage()
    with write_transaction():
        _require_customer(comm.customer_id)
        CommTable.insert(row).execute()
    return comm_from_row(row)


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
    return CommTable.select(*_COMM_COLUMNS).where(CommTable.id == comm_id).dicts().first()


def delete_comm(comm_id: str) -> None:
    with write_transaction():
        if not CommTable.delete().where(CommTable.id == comm_id).execute():
            raise NotFoundError("communication", comm_id)


def comm_record(comm_id: str) -> dict[str, Any]:
    """The stored row exactly as it is (raw text), e.g. to restore it after a delete."""
    row = _raw_comm(comm_id)
    if row is None:
        raise NotFoundError("communication", comm_id)
    return row


def restore_comm(record: dict[str, Any]) -> None:
    """Put back a row saved by comm_record(), byte for byte (undo of a delete)."""
    with write_transaction():
        CommTable.insert(record).on_conflict_ignore().execute()


def count_comms(customer_id: str) -> int:
    return CommTable.select().where(CommTable.customer_id == customer_id).count()


# --- the timeline ---------------------------------------------------------------------------


def _timeline_query(customer_id: str, filters: TimelineFilter) -> peewee.ModelSelect:
    query = CommTable.select(
        CommTable.id,
        CommTable.type,
        CommTable.direction,
        CommTable.subject,
        peewee.fn.substr(CommTable.body, 1, PREVIEW_CHARS).alias("body_preview"),
        CommTable.attachments,
        CommTable.logged_by,
        CommTable.occurred_at,
    ).where(CommTable.customer_id == customer_id)
    if filters.types:
        query = query.where(CommTable.type.in_(sorted(filters.types)))
    if filters.directions:
        query = query.where(CommTable.direction.in_(sorted(filters.directions)))
    for word in filters.text.split():
        query = query.where(CommTable.subject.contains(word) | CommTable.body.contains(word))
    return query


def timeline_page(
    customer_id: str,
    filters: TimelineFilter = TimelineFilter(),  # noqa: B008 (frozen)
    after: tuple[str, str] | None = None,
    limit: int = 200,
) -> list[TimelineEntry]:
    """One page of the timeline, newest first, starting after the entry whose key is ``after``.

    Keyset paging: each page costs the same however far down the timeline it is.
    """
    query = _timeline_query(customer_id, filters)
    if after is not None:
        query = query.where(
            peewee.Tuple(CommTable.occurred_at, CommTable.id) < peewee.Tuple(*after)
        )
    query = query.order_by(CommTable.occurred_at.desc(), CommTable.id.desc()).limit(limit)
    entries = []
    for (
        comm_id,
        comm_type,
        direction,
        subject,
        preview,
        attachments,
        logged_by,
        occurred_at,
    ) in query.tuples():
        problems = Problems()
        problems.enum(CommType, comm_type, tr("service", "type"))
        problems.enum(CommDirection, direction, tr("service", "direction"))
        problems.timestamp(occurred_at, tr("service", "date"))
        entries.append(
            TimelineEntry(
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
        )
    return entries


def count_timeline(customer_id: str, filters: TimelineFilter = TimelineFilter()) -> int:  # noqa: B008
    return _timeline_query(customer_id, filters).count()
