"""Media records: metadata of files that live in Nextcloud (the spec's functions, and pages)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

import peewee

from crm_desktop import nextcloud, timeutil
from crm_desktop.database import (
    CustomerTable,
    MediaTable,
    case_insensitive,
    new_id,
)
from crm_desktop.errors import InvalidInputError, NotFoundError
from crm_desktop.i18n import translate
from crm_desktop.models import (
    MediaCreate,
    MediaDirection,
    MediaInDB,
    MediaTagsUpdate,
    trusted,
)
from crm_desktop.queries import PreparedQuery, exact_rows, fetch_tuples, readable
from crm_desktop.service._common import (
    Problems,
    check_unchanged,
    validated,
    write_transaction,
)
from crm_desktop.service.bulk import insert_all_or_nothing
from crm_desktop.service.rows import MediaFilter

_MEDIA_FIELDS = tuple(MediaTable._meta.sorted_fields)
_MEDIA_NAMES = tuple(field.name for field in _MEDIA_FIELDS)
_MEDIA_COLUMNS = _MEDIA_FIELDS
_NEWEST_FIRST = (MediaTable.created_at.desc(), MediaTable.id.desc())
_DIRECTIONS = {member.value: member for member in MediaDirection}


def media_from_row(row: dict[str, Any]) -> MediaInDB:
    """A stored row as MediaInDB, whatever another client wrote; what does not fit is named."""
    row = {name: readable(value) for name, value in row.items()}
    problems = Problems()
    problems.undecodable(row)
    direction = problems.enum(MediaDirection, row["direction"], translate("service", "direction"))
    tags = problems.text_list(row["tags"], translate("service", "tags"))
    return MediaInDB.model_construct(
        id=row["id"],
        customer_id=row["customer_id"],
        order_id=row["order_id"],
        filename=row["filename"],
        nextcloud_path=row["nextcloud_path"],
        mime_type=row["mime_type"],
        direction=direction,
        tags=tags,
        uploaded_by=row["uploaded_by"],
        created_at=row["created_at"],
        problems=tuple(problems),
    )


def _plain_tags(text: Any) -> list[str] | None:
    """The tags of a row whose JSON fits the spec; None when anything does not."""
    if text is None or text == "" or text == "[]":
        return []
    try:
        tags = json.loads(text)
    except (TypeError, ValueError):
        return None
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        return None
    return tags


def _media(values: tuple[Any, ...]) -> MediaInDB:
    """A stored row (values in column order) as MediaInDB, as media_from_row() makes it.

    A row that fits the spec takes the short way; any other goes through media_from_row(),
    which names what does not fit.
    """
    (
        media_id,
        customer_id,
        order_id,
        filename,
        nextcloud_path,
        mime_type,
        direction,
        tags,
        uploaded_by,
        created_at,
    ) = values
    way = None if direction is None else _DIRECTIONS.get(direction)
    names = _plain_tags(tags)
    if (
        names is None
        or (way is None and direction is not None)
        or type(values) is not tuple  # an UndecodableRow
        or bytes
        in (
            type(filename),
            type(nextcloud_path),
            type(mime_type),
            type(order_id),
            type(uploaded_by),
        )
    ):
        return media_from_row(dict(zip(_MEDIA_NAMES, values, strict=True)))
    return trusted(
        MediaInDB,
        {
            "problems": (),
            "id": media_id,
            "customer_id": customer_id,
            "order_id": order_id,
            "filename": filename,
            "nextcloud_path": nextcloud_path,
            "mime_type": mime_type,
            "direction": way,
            "tags": names,
            "uploaded_by": uploaded_by,
            "created_at": created_at,
        },
    )


_CUSTOMER_MEDIA = PreparedQuery(
    lambda customer_id: (
        MediaTable.select(*_MEDIA_COLUMNS)
        .where(MediaTable.customer_id == customer_id)
        .order_by(*_NEWEST_FIRST)
    )
)


def list_media(
    customer_id: str | None = None, order_id: str | None = None, limit: int | None = None
) -> list[MediaInDB]:
    """Media records of a customer and/or an order, newest first."""
    if customer_id is not None and order_id is None and limit is None:
        return [_media(values) for values in _CUSTOMER_MEDIA.rows(customer_id)]
    query = MediaTable.select(*_MEDIA_COLUMNS)
    if customer_id is not None:
        query = query.where(MediaTable.customer_id == customer_id)
    if order_id is not None:
        query = query.where(MediaTable.order_id == order_id)
    query = query.order_by(*_NEWEST_FIRST)
    if limit is not None:
        query = query.limit(limit)
    return [_media(values) for values in fetch_tuples(query)]


def get_media(media_id: str) -> MediaInDB:
    row = _raw_media(media_id)
    if row is None:
        raise NotFoundError("media record", media_id)
    return media_from_row(row)


def media_row(media: MediaCreate) -> dict[str, Any]:
    """A new record's row as the backend writes it (a new id, created now)."""
    row = media.model_dump(mode="json")
    row["tags"] = json.dumps(row["tags"])  # the backend's text, byte for byte
    row["id"] = new_id()
    row["created_at"] = timeutil.now_storage()
    return row


def require_customers(wanted: set[str | None]) -> None:
    """InvalidInputError unless each of these customers (None: nobody's) exists."""
    customer_ids = {customer_id for customer_id in wanted if customer_id is not None}
    if not customer_ids:  # media may belong to no customer
        return
    found = {
        customer_id
        for (customer_id,) in fetch_tuples(
            CustomerTable.select(CustomerTable.id).where(CustomerTable.id.in_(list(customer_ids)))
        )
    }
    if found != customer_ids:
        raise InvalidInputError({"customer_id": translate("service", "There is no such customer.")})


def create_media(data: MediaCreate | dict[str, Any]) -> MediaInDB:
    """Record a file's metadata (the file itself lives in Nextcloud)."""
    media = validated(MediaCreate, data)
    row = media_row(media)
    with write_transaction():
        require_customers({media.customer_id})
        MediaTable.insert(row).execute()
    return media_from_row(row)


def create_media_many(
    items: Sequence[MediaCreate | dict[str, Any]], *, stop: threading.Event | None = None
) -> list[MediaInDB]:
    """Record many files: all of them, or (on any error, or when ``stop`` is set) none.

    Written through BulkWrite, in slices of a few hundred milliseconds with room between
    them, so that the backend's writes never wait long (a drop of 1,000 files is one
    slice); other programs may see the first slices of a big one before the last is in.
    On an error or a stop the records already committed are deleted again and the error
    (BulkWriteStopped, a Cancelled, for a stop) is raised.
    """
    medias = [validated(MediaCreate, item) for item in items]
    rows = [media_row(media) for media in medias]
    customers = {media.customer_id for media in medias}
    insert_all_or_nothing(
        [(MediaTable, rows)],
        at_slice_start=lambda: require_customers(set(customers)),
        stop=stop,
    )
    return [media_from_row(row) for row in rows]


def update_media_tags(
    media_id: str, tags: list[str] | str, expected: MediaInDB | None = None
) -> MediaInDB:
    """Change a record's tags; no other column is written.

    With ``expected`` (the record as the user saw it), ConflictError instead of writing over
    tags that someone else changed, or a record they deleted, meanwhile.
    """
    clean = validated(MediaTagsUpdate, {"tags": tags}).tags
    with write_transaction():
        row = _raw_media(media_id)
        current = media_from_row(row) if row is not None else None
        check_unchanged("media record", media_id, current, expected, {"tags"})
        if current is None:
            raise NotFoundError("media record", media_id)
        MediaTable.update(tags=json.dumps(clean)).where(MediaTable.id == media_id).execute()
    return get_media(media_id)


def _raw_media(media_id: str) -> dict[str, Any] | None:
    rows = fetch_tuples(
        MediaTable.select(*_MEDIA_COLUMNS).where(MediaTable.id == media_id).limit(1)
    )
    return dict(zip(_MEDIA_NAMES, rows[0], strict=True)) if rows else None


def delete_media(media_id: str) -> None:
    with write_transaction():
        if not MediaTable.delete().where(MediaTable.id == media_id).execute():
            raise NotFoundError("media record", media_id)


def media_record(media_id: str) -> dict[str, Any]:
    """The stored row exactly as it is (raw text, even bytes that are not text), e.g. to
    restore it after a delete."""
    rows = exact_rows(MediaTable.select(*_MEDIA_FIELDS).where(MediaTable.id == media_id).limit(1))
    if not rows:
        raise NotFoundError("media record", media_id)
    return dict(zip(_MEDIA_NAMES, rows[0], strict=True))


def restore_media(record: dict[str, Any]) -> None:
    """Put back a row saved by media_record(), byte for byte (undo of a delete)."""
    with write_transaction():
        MediaTable.insert(record).on_conflict_ignore().execute()


def existing_media_paths(customer_id: str, paths: Iterable[str]) -> set[str]:
    """Which of ``paths`` are already recorded for the customer (to flag duplicates of a drop),
    whether a row spells the names in NFC or NFD (macOS): see crm_desktop.nextcloud.

    One query per 500 spellings: the customer's index narrows the rows, the IN list does the
    rest.
    """
    wanted = list(dict.fromkeys(paths))
    by_spelling: dict[str, list[str]] = {}
    for path in wanted:
        for spelling in nextcloud.spellings(path):
            by_spelling.setdefault(spelling, []).append(path)
    found: set[str] = set()
    for batch in peewee.chunked(list(by_spelling), 500):
        query = MediaTable.select(MediaTable.nextcloud_path).where(
            (MediaTable.customer_id == customer_id) & MediaTable.nextcloud_path.in_(batch)
        )
        for (stored,) in fetch_tuples(query):
            found.update(by_spelling.get(stored, ()))
    return found


def count_media(customer_id: str) -> int:
    return MediaTable.select().where(MediaTable.customer_id == customer_id).count()


# --- the media panel ------------------------------------------------------------------------


def _panel_query(customer_id: str, filters: MediaFilter) -> peewee.ModelSelect[MediaTable]:
    query = MediaTable.select(*_MEDIA_COLUMNS).where(MediaTable.customer_id == customer_id)
    if filters.order_id:
        query = query.where(MediaTable.order_id.contains(filters.order_id))
    if filters.direction:
        query = query.where(MediaTable.direction == filters.direction)
    if filters.tag:
        # Tags are stored as json.dumps(list): look for the tag's own JSON text, quotes included,
        # so "red" does not match "reddish" and non-ASCII tags match their escaped form.
        query = query.where(MediaTable.tags.contains(json.dumps(filters.tag.strip())))
    return query


_UNFILTERED = MediaFilter()
_PANEL_PAGE = PreparedQuery(
    lambda customer_id, offset, limit: (
        _panel_query(customer_id, _UNFILTERED).order_by(*_NEWEST_FIRST).offset(offset).limit(limit)
    )
)


class MediaSort(StrEnum):
    """The media panel's orders: by a column, each either way (newest first by default)."""

    date = "date"
    filename = "filename"
    type = "type"
    direction = "direction"
    tags = "tags"
    order = "order"
    uploaded_by = "uploaded_by"


def _sort_keys(sort: MediaSort, descending: bool) -> list[peewee.ColumnBase]:
    """The panel's order in SQL: the column (case ignored for words, empty values last
    either way), then newest first, so that every page continues the one before."""
    if sort is MediaSort.date:
        if descending:
            return list(_NEWEST_FIRST)
        return [MediaTable.created_at.asc(), MediaTable.id.asc()]
    column: peewee.ColumnBase = {
        MediaSort.filename: case_insensitive(MediaTable.filename),
        MediaSort.type: MediaTable.mime_type,
        MediaSort.direction: MediaTable.direction,
        # Stored as a JSON list: its text sorts by the first tag.
        MediaSort.tags: case_insensitive(MediaTable.tags),
        MediaSort.order: case_insensitive(MediaTable.order_id),
        MediaSort.uploaded_by: case_insensitive(MediaTable.uploaded_by),
    }[sort]
    key = column.desc(nulls="LAST") if descending else column.asc(nulls="LAST")
    return [key, *_NEWEST_FIRST]


def media_page(
    customer_id: str,
    filters: MediaFilter = MediaFilter(),  # noqa: B008 (frozen)
    offset: int = 0,
    limit: int = 200,
    sort: MediaSort = MediaSort.date,
    descending: bool = True,
) -> list[MediaInDB]:
    """A page of the customer's media panel: newest first, or sorted by a column (in SQL:
    the panel reads a page at a time whatever the order)."""
    if filters == _UNFILTERED and sort is MediaSort.date and descending:
        rows = _PANEL_PAGE.rows(customer_id, offset, limit)
    else:
        query = _panel_query(customer_id, filters).order_by(*_sort_keys(sort, descending))
        rows = fetch_tuples(query.offset(offset).limit(limit))
    return [_media(values) for values in rows]


def count_media_page(customer_id: str, filters: MediaFilter = MediaFilter()) -> int:  # noqa: B008
    return _panel_query(customer_id, filters).count()


def known_tags(limit: int = 500) -> list[str]:
    """Tags already in use (for completion), from the most recent records."""
    seen: dict[str, None] = {}
    query = MediaTable.select(MediaTable.tags).order_by(*_NEWEST_FIRST).limit(5000)
    # Records share a few combinations of tags: each text is read once, newest first.
    texts = dict.fromkeys(text for (text,) in fetch_tuples(query))
    for text in texts:
        tags = _plain_tags(text)
        for tag in tags if tags is not None else Problems().text_list(text, ""):
            seen.setdefault(tag, None)
            if len(seen) >= limit:
                return sorted(seen, key=str.casefold)
    return sorted(seen, key=str.casefold)


def known_order_ids(limit: int = 500) -> list[str]:
    """Order ids already in use (for completion)."""
    query = (
        MediaTable.select(MediaTable.order_id)
        .where(MediaTable.order_id.is_null(False))
        .distinct()
        .order_by(MediaTable.order_id)
        .limit(limit)
    )
    return [order_id for (order_id,) in fetch_tuples(query)]


def media_position(
    customer_id: str,
    media_id: str,
    filters: MediaFilter = MediaFilter(),  # noqa: B008 (frozen)
) -> int | None:
    """The row of a media record in the customer's media panel as media_page() orders it
    (newest first; 0 is the first row), or None when the panel (with ``filters``) does not
    show it."""
    query = _panel_query(customer_id, filters)
    rows = fetch_tuples(
        query.select(MediaTable.created_at, MediaTable.id).where(MediaTable.id == media_id).limit(1)
    )
    if not rows:
        return None
    created_at, found_id = rows[0]
    newer = query.where(
        peewee.Tuple(MediaTable.created_at, MediaTable.id) > peewee.Tuple(created_at, found_id)
    )
    return int(newer.count())
