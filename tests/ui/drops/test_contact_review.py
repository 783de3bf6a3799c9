"""vCards read into new customers, with "already in the list" by e-mail or phone key."""

from __future__ import annotations

import threading

import pytest

from crm_desktop import service
from crm_desktop.errors import Cancelled
from crm_desktop.ui.drops.contact_review import (
    ContactStatus,
    customer_data,
    read_contacts,
    save_contacts,
)
from crm_desktop.ui.drops.items import from_urls
from tests.helpers import backend, files
from tests.helpers import message_files as mf


def customers_in_file(db_path) -> list[dict]:
    with backend.connect(db_path) as connection:
        rows = connection.execute("SELECT * FROM crm_customers ORDER BY name").fetchall()
    return [dict(row) for row in rows]


def test_contacts_become_customers_unless_they_are_in_the_list(db_path, tmp_path):
    known = service.create_customer({"name": "Anna M.", "phone": "+49 30 1234567"})
    service.create_customer({"name": "Bob", "email": "Bob@Example.com"})
    cards = mf.vcard(
        tmp_path / "contacts.vcf",
        {"FN": "Anna Müller", "TEL": "030 1234567", "ORG": "ACME GmbH"},
        {"FN": "Bob Builder", "EMAIL": "bob@example.COM"},
        {
            "FN": "Carla Neu",
            "EMAIL": "carla@example.com",
            "TEL": "+49 170 555",
            "NOTE": "met at the fair",
            "CATEGORIES": "lead,roof",
        },
        {"FN": "Carla N.", "EMAIL": "CARLA@example.com"},  # the same person twice
    )
    review = read_contacts(from_urls([cards]), "49")
    statuses = [(row.name, row.status) for row in review.rows]
    assert statuses == [
        ("Anna Müller", ContactStatus.known),
        ("Bob Builder", ContactStatus.known),
        ("Carla Neu", ContactStatus.new),
        ("Carla N.", ContactStatus.repeated),
    ]
    assert review.rows[0].match == service.ContactMatch(known.id, "Anna M.")
    assert review.kept() == [2] and not review.set_keep(0, True)
    (carla,) = save_contacts(review)
    (row,) = [r for r in customers_in_file(db_path) if r["id"] == carla.id]
    assert row["email"] == "carla@example.com" and row["phone"] == "+49 170 555"
    assert row["tags"] == '["lead", "roof"]' and row["notes"] == "met at the fair"
    assert row["nextcloud_folder"] == "/CRM/Customers/Carla Neu"
    # Dropped again: everyone is in the list now.
    again = read_contacts(from_urls([cards]), "49")
    assert [row.status for row in again.rows][:3] == [ContactStatus.known] * 3


def test_a_phone_the_form_refuses_goes_into_the_notes():
    from crm_desktop.messages import ParsedContact

    data, notes = customer_data(ParsedContact("Dora", phone="call me maybe", notes="VIP"))
    assert data is not None and "phone" not in data
    assert data["notes"] == "VIP\nPhone: call me maybe" and "went into the notes" in notes[0]


def test_bad_files_are_listed_with_the_reason(db_path, tmp_path):
    junk = mf.junk(tmp_path / "junk.vcf")
    photo = files.image(tmp_path / "a.jpg")
    review = read_contacts(from_urls([junk, photo]), None)
    assert [row.status for row in review.rows] == [ContactStatus.unreadable] * 2
    assert "not a vCard" in review.rows[0].reason and "onto a customer" in review.rows[1].reason
    assert review.customers() == []


def test_a_cancelled_save_adds_nobody(db_path, tmp_path):
    cards = mf.vcard(tmp_path / "a.vcf", {"FN": "Eve"}, {"FN": "Finn"})
    review = read_contacts(from_urls([cards]), None)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        save_contacts(review, cancel=cancel)
    assert customers_in_file(db_path) == []
