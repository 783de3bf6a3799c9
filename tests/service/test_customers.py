"""Customers through the service, on a real SQLite file."""

from __future__ import annotations

import pytest

from crm_desktop import service
from crm_desktop.service import CustomerSort, InvalidInputError, NotFoundError
from tests.helpers import backend


def make(name: str, **fields) -> str:
    return service.create_customer({"name": name, **fields}).id


def test_create_get_update(db_path):
    customer = service.create_customer(
        {"name": "Anna Schmidt", "email": "anna@example.com", "tags": "vip, berlin"}
    )
    assert service.get_customer(customer.id).tags == ["vip", "berlin"]
    with backend.connect(db_path) as connection:
        (tags,) = connection.execute("SELECT tags FROM crm_customers").fetchone()
    assert tags == '["vip", "berlin"]'
    updated = service.update_customer(customer.id, {"phone": "+49 30 1234"})
    assert updated.phone == "+49 30 1234" and updated.email == "anna@example.com"
    assert updated.updated_at > customer.updated_at
    assert updated.created_at == customer.created_at


def test_bad_input_and_missing_ids(db_path):
    with pytest.raises(InvalidInputError) as caught:
        service.create_customer({"name": " ", "email": "x"})
    assert set(caught.value.field_errors) == {"name", "email"}
    with pytest.raises(NotFoundError):
        service.get_customer("ghost")
    with pytest.raises(NotFoundError):
        service.update_customer("ghost", {"name": "x"})
    with pytest.raises(NotFoundError):
        service.delete_customer("ghost")
    assert service.count_customers() == 0


def test_delete_takes_comms_and_media_along(db_path):
    keep, gone = make("Keep"), make("Gone")
    for customer in (keep, gone):
        service.create_comm({"customer_id": customer, "type": "note", "direction": "internal"})
        service.create_media({"customer_id": customer, "filename": "a", "nextcloud_path": "/a"})
    assert (service.count_comms(gone), service.count_media(gone)) == (1, 1)
    service.delete_customer(gone)
    assert (service.count_comms(gone), service.count_media(gone)) == (0, 0)
    assert (service.count_comms(keep), service.count_media(keep)) == (1, 1)
    assert [c.id for c in service.list_customers()] == [keep]


def test_search_over_name_organization_email_phone(db_path):
    make("Anna Schmidt", organization="ACME", email="anna@acme.de", phone="+49 30 111")
    make("Bernd Müller", organization="Beta AG", email="bm@beta.example")
    make("Carla Diaz", phone="+34 91 222")
    names = lambda text: {c.name for c in service.list_customers(search=text)}  # noqa: E731
    assert names("anna") == {"Anna Schmidt"}
    assert names("beta") == {"Bernd Müller"}
    assert names("acme.de") == {"Anna Schmidt"}
    assert names("91 222") == {"Carla Diaz"}
    assert names("a") == {"Anna Schmidt", "Bernd Müller", "Carla Diaz"}
    assert names("anna beta") == set()
    assert names("_") == set() and names("%") == set()  # wildcards are literal
    assert service.count_customers("+49") == 1


def test_list_limit_offset_and_order(db_path):
    for name in ["delta", "Alpha", "charlie", "Bravo"]:
        make(name)
    assert [c.name for c in service.list_customers()] == ["Alpha", "Bravo", "charlie", "delta"]
    assert [c.name for c in service.list_customers(limit=2, offset=1)] == ["Bravo", "charlie"]


def test_customer_page_sorts_in_sql(db_path):
    a = make("Anna", organization="Zeta", email="z@x.de")
    b = make("Bernd", phone="+49 1")
    c = make("Carla", organization="Alpha")
    service.create_comm(
        {
            "customer_id": b,
            "type": "call",
            "direction": "inbound",
            "occurred_at": "2026-11-01T10:00:00",
        }
    )
    service.create_comm(
        {
            "customer_id": a,
            "type": "call",
            "direction": "inbound",
            "occurred_at": "2026-10-01T10:00:00",
        }
    )

    def order(sort, descending=False) -> list[str]:
        return [row.name for row in service.customer_page(sort=sort, descending=descending)]

    assert order(CustomerSort.name) == ["Anna", "Bernd", "Carla"]
    assert order(CustomerSort.name, True) == ["Carla", "Bernd", "Anna"]
    assert order(CustomerSort.organization) == ["Carla", "Anna", "Bernd"]  # empty last
    assert order(CustomerSort.organization, True) == ["Anna", "Carla", "Bernd"]
    assert order(CustomerSort.last_contact) == ["Anna", "Bernd", "Carla"]
    assert order(CustomerSort.last_contact, True) == ["Bernd", "Anna", "Carla"]
    assert order(CustomerSort.contact) == ["Bernd", "Anna", "Carla"]  # "+49 1" < "z@x.de"
    rows = {row.name: row for row in service.customer_page()}
    assert rows["Bernd"].last_contact == "2026-11-01T10:00:00.000000"
    assert rows["Bernd"].contact == "+49 1" and rows["Anna"].contact == "z@x.de"
    assert service.customer_position(c) == 2
    assert service.customer_position(c, search="Anna") is None
    assert service.customer_position(c, search="a") == 1  # Anna, Carla ("Bernd" has no a)
    assert service.customer_position(c, search="alpha") == 0
