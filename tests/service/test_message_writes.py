"""The service's part of message and contact drops, on a file and on a server (any_db):
many entries with their media at once, "already logged", contacts "already in the list"."""

from __future__ import annotations

import json
import threading

import pytest

from crm_desktop import bulk_writes, service
from crm_desktop.database import CommTable, MediaTable
from crm_desktop.errors import Cancelled, InvalidInputError
from crm_desktop.models import CommCreate
from crm_desktop.service.bulk import insert_all_or_nothing
from crm_desktop.service.comms import comm_row
from tests.helpers import backend


def entry(customer: str, number: int, **fields) -> dict:
    return {
        "customer_id": customer,
        "type": "email",
        "direction": "inbound",
        "subject": f"Offer {number}",
        "body": "Hello",
        "ext_message_id": f"<offer-{number}@example.com>",
        "logged_by": "anna",
        "occurred_at": "2026-02-14T17:22:05",
        **fields,
    }


def test_entries_and_their_media_are_written_as_the_backend_writes_them(db_path, customer):
    attachment = {"filename": "Offer 1.pdf", "nextcloud_path": "/CRM/ACME/Offer 1.pdf"}
    comms, media = service.create_comms_many(
        [entry(customer, 1, attachments=[attachment]), entry(customer, 2)],
        [{"customer_id": customer, **attachment, "mime_type": "application/pdf"}],
    )
    assert [c.subject for c in comms] == ["Offer 1", "Offer 2"] and len(media) == 1
    with backend.connect(db_path) as connection:
        rows = connection.execute("SELECT * FROM crm_comms_log ORDER BY subject").fetchall()
        (record,) = connection.execute("SELECT * FROM crm_media").fetchall()
    first = dict(rows[0])
    assert first["attachments"] == json.dumps([attachment])  # byte for byte
    assert dict(rows[1])["attachments"] == "[]"
    assert first["occurred_at"] == "2026-02-14T17:22:05.000000"
    assert first["ext_message_id"] == "<offer-1@example.com>" and first["logged_by"] == "anna"
    assert first["created_at"][10] == "T" and len(first["id"]) == 36
    assert record["nextcloud_path"] == "/CRM/ACME/Offer 1.pdf" and record["tags"] == "[]"


def test_nothing_is_written_when_one_entry_is_invalid(db_path, customer):
    with pytest.raises(InvalidInputError):
        service.create_comms_many([entry(customer, 1), entry(customer, 2, direction="sideways")])
    with pytest.raises(InvalidInputError):
        service.create_comms_many([entry("no such customer", 1)])
    assert service.count_comms(customer) == 0


def test_a_stop_before_the_write_writes_nothing(db_path, customer):
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        service.create_comms_many([entry(customer, n) for n in range(300)], stop=stop)
    assert service.count_comms(customer) == 0


@pytest.fixture
def one_step_slices(monkeypatch):
    """Every slice commits after one statement: a write of a few rows takes several."""
    monkeypatch.setattr(bulk_writes, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(bulk_writes, "ROOM_SECONDS", 0.0)


def test_slices_already_committed_are_undone_after_an_error(db_path, customer, one_step_slices):
    calls = []

    def customer_gone_in_the_third_slice() -> None:
        calls.append(1)
        if len(calls) == 3:
            raise InvalidInputError({"customer_id": "There is no such customer."})

    comms = [comm_row(CommCreate.model_validate(entry(customer, n))) for n in range(200)]
    with pytest.raises(InvalidInputError):
        insert_all_or_nothing(
            [(CommTable, comms), (MediaTable, [])], at_slice_start=customer_gone_in_the_third_slice
        )
    assert len(calls) == 3  # two slices were in the file before the error
    assert service.count_comms(customer) == 0


def test_slices_already_committed_are_undone_after_a_cancel(db_path, customer, one_step_slices):
    stop = threading.Event()
    calls = []

    def cancel_in_the_second_slice() -> None:
        calls.append(1)
        if len(calls) == 2:
            stop.set()

    comms = [comm_row(CommCreate.model_validate(entry(customer, n))) for n in range(200)]
    with pytest.raises(Cancelled):
        insert_all_or_nothing(
            [(CommTable, comms)], at_slice_start=cancel_in_the_second_slice, stop=stop
        )
    assert service.count_comms(customer) == 0


def test_logged_message_ids_are_the_customers_own(db_path, customer, other_customer):
    service.create_comms_many([entry(customer, n) for n in range(600)])
    service.create_comm(entry(other_customer, 9000))
    with backend.connect(db_path) as connection:  # the backend's own row counts too
        backend.insert_comm(connection, customer, ext_message_id="<web@example.com>")
    wanted = [f"<offer-{n}@example.com>" for n in range(0, 1200, 2)]
    found = service.logged_message_ids(
        customer, [*wanted, "<web@example.com>", "<offer-9000@example.com>", ""]
    )
    assert found == {f"<offer-{n}@example.com>" for n in range(0, 600, 2)} | {"<web@example.com>"}
    assert service.logged_message_ids(customer, []) == set()


def test_customers_by_contact_compares_keys(db_path, customer):
    anna = service.create_customer(
        {"name": "Anna Müller", "email": "Anna@Example.COM", "phone": "+49 (0)30 1234567"}
    )
    bob = service.create_customer({"name": "Bob", "phone": "030 7654321"})
    service.create_customer({"name": "Nobody"})
    found = service.customers_by_contact(
        ["anna@example.com", "nobody@example.com", None],
        ["0049 30 1234567", "+49 30 7654321", "12"],
        country_code="49",
    )
    assert found == {
        "anna@example.com": service.ContactMatch(anna.id, "Anna Müller"),
        "+49301234567": service.ContactMatch(anna.id, "Anna Müller"),
        "+49307654321": service.ContactMatch(bob.id, "Bob"),
    }
    assert service.customers_by_contact([], []) == {}


def test_customers_many_all_or_nothing(db_path):
    made = service.create_customers_many(
        [{"name": "Anna", "tags": ["vip"]}, {"name": "Bob", "email": "bob@example.com"}]
    )
    assert [c.name for c in made] == ["Anna", "Bob"] and made[0].tags == ["vip"]
    with pytest.raises(InvalidInputError):
        service.create_customers_many([{"name": "Carl"}, {"name": ""}])
    with backend.connect(db_path) as connection:
        names = [row["name"] for row in connection.execute("SELECT name FROM crm_customers")]
        (tags,) = connection.execute("SELECT tags FROM crm_customers WHERE name = 'Anna'")
    assert sorted(names) == ["Anna", "Bob"] and tags[0] == '["vip"]'
