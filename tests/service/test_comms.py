"""Communications through the service, on a real SQLite file."""

from __future__ import annotations

import json

import pytest

from crm_desktop import service
from crm_desktop.models import CommCreate, CommType, CommUpdate
from crm_desktop.service import InvalidInputError, NotFoundError, TimelineFilter
from tests.helpers import backend


def log(customer: str, **fields) -> str:
    data = {"customer_id": customer, "type": "email", "direction": "inbound", **fields}
    return service.create_comm(data).id


def test_create_stores_the_backends_formats(db_path, customer):
    comm = service.create_comm(
        CommCreate(
            customer_id=customer,
            type="email",
            direction="outbound",
            subject="Offer",
            body="Dear Sir,\nplease find attached…",
            attachments=[{"filename": "offer.pdf", "nextcloud_path": "/CRM/ACME/offer.pdf"}],
            logged_by="anna",
            occurred_at="2026-11-25T10:00:00+01:00",
        )
    )
    with backend.connect(db_path) as connection:
        row = connection.execute(
            "SELECT id, attachments, occurred_at, created_at, type FROM crm_comms_log"
        ).fetchone()
    comm_id, attachments, occurred_at, created_at, comm_type = row
    assert comm_id == comm.id and len(comm_id) == 36 and comm_id[14] == "4"
    assert attachments == '[{"filename": "offer.pdf", "nextcloud_path": "/CRM/ACME/offer.pdf"}]'
    assert occurred_at == "2026-11-25T09:00:00.000000"
    assert len(created_at) == 26 and created_at[10] == "T"
    assert comm_type == "email"
    assert comm.fits and comm.type is CommType.email


def test_get_returns_what_was_stored(customer):
    comm_id = log(
        customer, subject="Call me", attachments=[{"filename": "a", "nextcloud_path": "/a"}]
    )
    comm = service.get_comm(comm_id)
    assert comm.subject == "Call me"
    assert [a.filename for a in comm.attachments] == ["a"]
    assert comm.customer_id == customer


def test_list_is_newest_first_with_filters_and_limit(customer, other_customer):
    for day, (kind, direction) in enumerate(
        [("email", "inbound"), ("call", "outbound"), ("email", "outbound"), ("note", "internal")],
        start=1,
    ):
        log(
            customer,
            type=kind,
            direction=direction,
            subject=f"day {day}",
            occurred_at=f"2026-11-0{day}T12:00:00",
        )
    log(other_customer, subject="not mine")

    assert [c.subject for c in service.list_comms(customer)] == ["day 4", "day 3", "day 2", "day 1"]
    assert [c.subject for c in service.list_comms(customer, type="email")] == ["day 3", "day 1"]
    assert [c.subject for c in service.list_comms(customer, direction="outbound")] == [
        "day 3",
        "day 2",
    ]
    assert [
        c.subject for c in service.list_comms(customer, type=CommType.email, direction="inbound")
    ] == ["day 1"]
    assert [c.subject for c in service.list_comms(customer, limit=2)] == ["day 4", "day 3"]
    assert service.list_comms("nobody") == []


def test_default_limit_is_100(db_path, customer):
    with backend.connect(db_path) as connection:
        for i in range(120):
            backend.insert_comm(
                connection, customer, occurred_at=f"2026-01-01T00:00:{i % 60:02d}.{i:06d}"
            )
    assert len(service.list_comms(customer)) == 100


def test_update_changes_only_the_given_fields(db_path, customer):
    comm_id = log(customer, subject="Old", body="Body", ext_message_id="<m1@x>")
    with backend.connect(db_path) as connection:
        before = connection.execute("SELECT * FROM crm_comms_log").fetchone()

    updated = service.update_comm(comm_id, CommUpdate(subject="New"))

    with backend.connect(db_path) as connection:
        after = connection.execute("SELECT * FROM crm_comms_log").fetchone()
    assert updated.subject == "New"
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [4]  # the subject column, nothing else
    assert service.update_comm(comm_id, {"body": None}).body is None
    when = service.update_comm(comm_id, {"occurred_at": "2026-01-01T08:00:00Z"}).occurred_at
    assert when == "2026-01-01T08:00:00.000000"


def test_missing_ids_raise_not_found(customer):
    for call in (
        lambda: service.get_comm("nope"),
        lambda: service.update_comm("nope", {"subject": "x"}),
        lambda: service.update_comm("nope", {}),
        lambda: service.delete_comm("nope"),
    ):
        with pytest.raises(NotFoundError, match="nope"):
            call()


def test_delete_and_restore_put_back_the_exact_row(db_path, customer):
    comm_id = log(customer, subject="Bye")
    record = service.comm_record(comm_id)
    service.delete_comm(comm_id)
    with pytest.raises(NotFoundError):
        service.get_comm(comm_id)
    service.restore_comm(record)
    assert service.comm_record(comm_id) == record


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"type": "fax"}, "type"),
        ({"direction": "up"}, "direction"),
        ({"customer_id": "no-such-customer"}, "customer_id"),
        ({"attachments": [{"filename": "", "nextcloud_path": "/a"}]}, "attachments.0.filename"),
        ({"occurred_at": "tomorrow-ish"}, "occurred_at"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(db_path, customer, fields, field):
    with pytest.raises(InvalidInputError) as caught:
        log(customer, **fields)
    assert field in caught.value.field_errors
    assert caught.value.field_errors[field][0].isupper()  # a sentence, not a code
    assert service.count_comms(customer) == 0


def test_foreign_rows_that_do_not_fit_are_listed_and_marked(db_path, customer):
    with backend.connect(db_path) as connection:
        backend.insert_comm(
            connection,
            customer,
            type="fax",
            subject="Unknown type",
            occurred_at="2026-11-03T00:00:00",
        )
        backend.insert_comm(
            connection,
            customer,
            attachments="[{broken",
            subject="Bad JSON",
            occurred_at="2026-11-02T00:00:00",
        )
        backend.insert_comm(connection, customer, occurred_at="yesterday", subject="Bad date")
        backend.insert_comm(connection, customer, subject="Fine", occurred_at="2026-11-01T00:00:00")
        raw_before = connection.execute("SELECT * FROM crm_comms_log ORDER BY id").fetchall()

    comms = {c.subject: c for c in service.list_comms(customer)}
    assert set(comms) == {"Unknown type", "Bad JSON", "Bad date", "Fine"}
    assert comms["Unknown type"].type == "fax" and "fax" in comms["Unknown type"].problems[0]
    assert comms["Bad JSON"].attachments == [] and "JSON" in comms["Bad JSON"].problems[0]
    assert "yesterday" in comms["Bad date"].problems[0]
    assert comms["Fine"].fits

    entries = {e.subject: e for e in service.timeline_page(customer)}
    assert not entries["Fine"].problems and entries["Unknown type"].problems

    with backend.connect(db_path) as connection:
        assert (
            connection.execute("SELECT * FROM crm_comms_log ORDER BY id").fetchall() == raw_before
        )


def test_editing_a_foreign_row_rewrites_only_what_was_edited(db_path, customer):
    with backend.connect(db_path) as connection:
        comm_id = backend.insert_comm(connection, customer, type="fax", attachments="[{broken")
    service.update_comm(comm_id, {"subject": "Now with a subject"})
    with backend.connect(db_path) as connection:
        row = connection.execute(
            "SELECT type, attachments, subject FROM crm_comms_log WHERE id = ?", (comm_id,)
        ).fetchone()
    assert tuple(row) == ("fax", "[{broken", "Now with a subject")


def test_timeline_pages_follow_each_other_without_gaps(customer):
    ids = [log(customer, occurred_at="2026-11-01T00:00:00") for _ in range(5)]  # same moment
    ids += [log(customer, occurred_at=f"2026-11-02T00:00:0{i}") for i in range(5)]
    seen, after = [], None
    while page := service.timeline_page(customer, after=after, limit=3):
        seen += [entry.id for entry in page]
        after = page[-1].key
    assert sorted(seen) == sorted(ids) and len(seen) == len(set(seen))
    assert seen == [e.id for e in service.timeline_page(customer, limit=100)]


def test_timeline_filters_and_previews(customer):
    log(customer, type="call", direction="outbound", subject="Rang back", body="x" * 5000)
    log(customer, type="email", direction="inbound", subject="Invoice", body="Please pay")
    log(customer, type="note", direction="internal", subject="Remember", body="Invoice is late")

    def subjects(**filters) -> set[str]:
        page = service.timeline_page(customer, TimelineFilter(**filters))
        assert service.count_timeline(customer, TimelineFilter(**filters)) == len(page)
        return {e.subject for e in page}

    assert subjects(types=frozenset({"call", "note"})) == {"Rang back", "Remember"}
    assert subjects(directions=frozenset({"inbound"})) == {"Invoice"}
    assert subjects(text="invoice") == {"Invoice", "Remember"}
    assert subjects(text="invoice late") == {"Remember"}
    assert subjects(text="100%") == set()
    (long,) = [e for e in service.timeline_page(customer) if e.subject == "Rang back"]
    assert len(long.body_preview) == service.comms.PREVIEW_CHARS


def test_any_unicode_round_trips(customer):
    text = "Grüße 👋🏽 — 東京 \u200b\u202e\U0001d49c end"
    comm_id = log(customer, subject=text, body=text)
    comm = service.get_comm(comm_id)
    assert (comm.subject, comm.body) == (text.strip(), text)
    assert json.loads(service.comm_record(comm_id)["attachments"]) == []


def test_a_nul_character_is_refused_in_words(customer):
    # PostgreSQL's text cannot hold it and SQLite's tools stop at it: refused everywhere.
    with pytest.raises(InvalidInputError) as caught:
        log(customer, body="a\x00b")
    assert caught.value.field_errors == {"body": "This contains a character that cannot be stored."}
    assert service.count_comms(customer) == 0
