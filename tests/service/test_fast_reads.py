"""Lists read the short way (prepared SQL, plain tuples, no model_construct) give exactly
what the long way gives: the same models, the same problems named for foreign rows."""

from __future__ import annotations

import json

import pytest

from crm_desktop import service
from crm_desktop.database import database_proxy as db
from crm_desktop.models import CommAttachment, CommInDB, CommType, MediaInDB, trusted
from crm_desktop.queries import PreparedQuery, fetch_tuples
from crm_desktop.service.comms import _COMM_COLUMNS, comm_from_row
from crm_desktop.service.media import _MEDIA_COLUMNS, media_from_row
from crm_desktop.service.rows import TimelineFilter
from tests.helpers import backend

# Rows as other clients may leave them: each takes the long way and names its problem.
ODD_COMMS = [
    {"type": "fax"},
    {"direction": "sideways"},
    {"attachments": "not json"},
    {"attachments": json.dumps({"filename": "a.pdf"})},
    {"attachments": json.dumps([{"filename": "a.pdf"}])},
    {"attachments": json.dumps([{"filename": "a.pdf", "nextcloud_path": "/a.pdf"}])},
    {"attachments": ""},
    {"occurred_at": "yesterday"},
    {"occurred_at": "2026-11-20T10:00:00+02:00"},
]
ODD_MEDIA = [
    {"direction": "upwards"},
    {"direction": None},
    {"tags": "not json"},
    {"tags": json.dumps(["a", 1])},
    {"tags": json.dumps({"a": 1})},
    {"tags": json.dumps(["roof", "Dach"])},
    {"tags": None},
]


def _long_comms(customer_id: str) -> list[CommInDB]:
    query = db.obj.execute_sql(  # the rows as they are, read without the app's short way
        f"SELECT * FROM crm_comms_log WHERE customer_id = {db.obj.param} "
        "ORDER BY occurred_at DESC, id DESC",
        (customer_id,),
    )
    names = [column.name for column in _COMM_COLUMNS]
    return [comm_from_row(dict(zip(names, row, strict=True))) for row in query.fetchall()]


def test_list_comms_matches_the_long_way(db_path, customer):
    service.create_comm({"customer_id": customer, "type": "call", "direction": "outbound"})
    with backend.connect(db_path) as connection:
        for number, fields in enumerate(ODD_COMMS):
            moment = {"occurred_at": f"2026-11-{10 + number}T10:00:00"}
            backend.insert_comm(connection, customer, **{**moment, **fields})
    fast = service.list_comms(customer, limit=None) + service.list_comms(customer)
    expected = _long_comms(customer)
    assert fast == expected + expected
    assert [c.problems for c in fast] == [c.problems for c in expected] * 2
    assert sum(1 for c in expected if c.problems) == len(ODD_COMMS) - 3  # three fit


def test_list_media_matches_the_long_way(db_path, customer):
    service.create_media({"customer_id": customer, "filename": "a.jpg", "nextcloud_path": "/a"})
    with backend.connect(db_path) as connection:
        for fields in ODD_MEDIA:
            backend.insert_media(connection, customer, **fields)
    names = [column.name for column in _MEDIA_COLUMNS]
    rows = db.obj.execute_sql(
        f"SELECT * FROM crm_media WHERE customer_id = {db.obj.param} "
        "ORDER BY created_at DESC, id DESC",
        (customer,),
    ).fetchall()
    expected = [media_from_row(dict(zip(names, row, strict=True))) for row in rows]
    assert service.list_media(customer) == expected
    assert service.list_media(customer, limit=100) == expected
    assert service.media_page(customer) == expected
    assert [m.problems for m in service.list_media(customer)] == [m.problems for m in expected]


def test_timeline_pages_name_the_same_problems(db_path, customer):
    with backend.connect(db_path) as connection:
        for number, fields in enumerate(ODD_COMMS):
            moment = {"occurred_at": f"2026-11-{10 + number}T10:00:00"}
            backend.insert_comm(connection, customer, **{**moment, **fields})
    entries = service.timeline_page(customer)
    long_way = {c.id: c for c in _long_comms(customer)}
    assert [entry.id for entry in entries] == list(long_way)
    for entry in entries:
        assert set(entry.problems) == set(long_way[entry.id].problems)
        assert [(a.filename, a.nextcloud_path) for a in entry.attachments] == [
            (a.filename, a.nextcloud_path) for a in long_way[entry.id].attachments
        ]
    odd = TimelineFilter(types=frozenset({"fax"}))
    assert [entry.type for entry in service.timeline_page(customer, odd)] == ["fax"]
    assert service.count_timeline(customer) == len(ODD_COMMS)
    assert service.count_timeline(customer, odd) == 1
    after = service.timeline_page(customer, after=entries[1].key, limit=2)
    assert [entry.id for entry in after] == [entry.id for entry in entries[2:4]]


def test_trusted_is_model_construct(qapp):
    values = {
        "problems": (),
        "id": "c1",
        "customer_id": "k1",
        "type": CommType.email,
        "direction": "inbound",
        "subject": None,
        "body": "Hello",
        "attachments": [trusted(CommAttachment, {"filename": "a", "nextcloud_path": "/a"})],
        "ext_message_id": None,
        "logged_by": "anna",
        "occurred_at": "2026-11-20T10:00:00",
        "created_at": "2026-11-20T10:00:01",
    }
    fast = trusted(CommInDB, dict(values))
    slow = CommInDB.model_construct(**values)
    assert fast == slow and repr(fast) == repr(slow)
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump() == slow.model_dump()
    with pytest.raises(ValueError):
        fast.subject = "changed"  # frozen like any stored row
    media = trusted(
        MediaInDB,
        {
            "problems": (),
            "id": "m",
            "customer_id": None,
            "order_id": None,
            "filename": "a",
            "nextcloud_path": "/a",
            "mime_type": None,
            "direction": None,
            "tags": [],
            "uploaded_by": None,
            "created_at": "2026-11-20T10:00:00",
        },
    )
    assert media.model_copy(update={"tags": ["x"]}).tags == ["x"]


def test_a_prepared_query_runs_again_with_new_values_and_after_a_new_file(
    tmp_path, db_path, customer, other_customer
):
    from crm_desktop.database import CustomerTable, close_db, init_db

    names = PreparedQuery(
        lambda customer_id: CustomerTable.select(CustomerTable.name).where(
            CustomerTable.id == customer_id
        )
    )
    assert names.rows(customer) == [("ACME GmbH",)]
    assert names.rows(other_customer) == [("Beta AG",)]
    close_db()
    init_db(tmp_path / "second.sqlite3")  # another database: its SQL is made again
    assert names.rows(customer) == []
    close_db()
    init_db(db_path)


def test_a_prepared_query_refuses_values_inside_other_values(db_path):
    from crm_desktop.database import CustomerTable

    bad = PreparedQuery(
        lambda word: CustomerTable.select().where(CustomerTable.name.contains(word))
    )
    with pytest.raises(ValueError):
        bad.rows("x")


def test_fetch_tuples_gives_plain_rows(db_path, customer):
    from crm_desktop.database import CustomerTable

    rows = fetch_tuples(CustomerTable.select(CustomerTable.id, CustomerTable.name))
    assert rows == [(customer, "ACME GmbH")]


def test_recent_tags_are_read_through_the_apps_index(db_path, customer):
    if backend.is_server(db_path):
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's; a server plans a small table its own way")
    from crm_desktop.database import MediaTable
    from crm_desktop.service.media import _NEWEST_FIRST

    sql, params = MediaTable.select(MediaTable.tags).order_by(*_NEWEST_FIRST).limit(5000).sql()
    plan = db.obj.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    text = " ".join(str(tuple(row)) for row in plan)
    assert "crm_desktop_media_by_time" in text and "TEMP B-TREE" not in text
    for tags in (["roof", "Dach"], ["roof"], [], ["Dach"]):
        service.create_media(
            {"customer_id": customer, "filename": "a", "nextcloud_path": "/a", "tags": tags}
        )
    assert service.known_tags() == ["Dach", "roof"]
    assert service.known_tags(limit=1) == ["Dach"]  # the newest record's tags come first
