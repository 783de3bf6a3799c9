"""A customer's dossier through the service, on a SQLite file and on a PostgreSQL server."""

from __future__ import annotations

import pytest

from crm_desktop import service
from crm_desktop.service import TimelineFilter
from crm_desktop.service.dossier import (
    AmbiguousCustomerError,
    UnknownCustomerError,
    count_dossier_comms,
    count_dossier_media,
    dossier_comms,
    dossier_media,
    find_customer,
)
from tests.helpers import backend


def log(customer: str, day: int, **fields) -> str:
    data = {
        "customer_id": customer,
        "type": "email",
        "direction": "inbound",
        "occurred_at": f"2026-03-{day:02d}T09:00:00",
        **fields,
    }
    return service.create_comm(data).id


def test_find_customer_by_id_or_exact_name(customer, other_customer):
    assert find_customer(customer).name == "ACME GmbH"
    assert find_customer("Beta AG").id == other_customer
    assert find_customer("  Beta AG ").id == other_customer
    with pytest.raises(UnknownCustomerError, match="“beta ag”"):
        find_customer("beta ag")  # exact: case counts
    with pytest.raises(UnknownCustomerError):
        find_customer("Beta")
    with pytest.raises(UnknownCustomerError):
        find_customer("")


def test_an_ambiguous_name_lists_the_ids(customer):
    twins = [service.create_customer({"name": "Erika Mustermann"}).id for _ in range(2)]
    with pytest.raises(AmbiguousCustomerError) as raised:
        find_customer("Erika Mustermann")
    assert sorted(c.id for c in raised.value.matches) == sorted(twins)
    for twin in twins:
        assert twin in raised.value.text
    assert "2 customers" in raised.value.text


def test_every_entry_comes_whole_across_pages_in_either_order(customer, other_customer):
    ids = [log(customer, day, body="line\n" * 300 + f"end {day}") for day in range(1, 11)]
    same_time = [log(customer, 11, subject=f"tie {n}") for n in range(3)]  # ties by id
    log(other_customer, 5)

    newest = list(dossier_comms(customer, page_rows=3))
    assert [c.id for c in newest] == sorted(same_time, reverse=True) + ids[::-1]
    assert newest[-1].body.endswith("end 1") and len(newest[-1].body) > 400  # not a preview

    oldest = list(dossier_comms(customer, oldest_first=True, page_rows=4))
    assert [c.id for c in oldest] == ids + sorted(same_time)
    assert count_dossier_comms(customer) == 13


def test_the_timelines_filters_can_be_applied(customer):
    log(customer, 1, type="call", direction="outbound", subject="Rückruf wegen Angebot")
    log(customer, 2, type="email", direction="inbound", subject="Angebot", body="Preis 5 €")
    log(customer, 3, type="note", direction="internal", body="intern")
    calls = TimelineFilter(types=frozenset({"call"}))
    assert [c.subject for c in dossier_comms(customer, calls)] == ["Rückruf wegen Angebot"]
    words = TimelineFilter(text="Angebot")
    assert count_dossier_comms(customer, words) == 2
    assert [c.subject for c in dossier_comms(customer, words, page_rows=1)] == [
        "Angebot",
        "Rückruf wegen Angebot",
    ]
    assert count_dossier_comms(customer, TimelineFilter()) == 3


def test_rows_other_clients_wrote_are_exported_as_they_are(db_path, customer):
    with backend.connect(db_path) as connection:
        backend.insert_comm(
            connection, customer, type="fax", attachments="not json", subject="Foreign"
        )
    (comm,) = dossier_comms(customer)
    assert comm.type == "fax" and comm.subject == "Foreign" and comm.problems


def test_media_come_in_pages_newest_first(db_path, customer, other_customer):
    with backend.connect(db_path) as connection:
        for number in range(7):
            backend.insert_media(
                connection,
                customer,
                filename=f"photo{number}.jpg",
                nextcloud_path=f"/CRM/ACME/photo{number}.jpg",
                created_at=f"2026-03-0{number + 1}T10:00:00",
            )
        backend.insert_media(connection, other_customer)
    names = [m.filename for m in dossier_media(customer, page_rows=3)]
    assert names == [f"photo{n}.jpg" for n in range(6, -1, -1)]
    assert count_dossier_media(customer) == 7
