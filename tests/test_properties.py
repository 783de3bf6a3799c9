"""Odd input, generated: nothing crashes, and whatever is accepted reads back unchanged."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop import service, timeutil
from crm_desktop.errors import InvalidInputError
from crm_desktop.models import CommCreate, CustomerCreate, MediaCreate

# Any character at all, lone surrogates and NUL included, and the texts people really paste.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=60) | st.sampled_from(
    [
        "",
        " ",
        "\t\n",
        "Grüße 👋🏽",
        "שלום",
        "\U0001d49c\U0001d4c3\U0001d4c3\U0001d4b6",
        "a\x00b",
        "\ud800",
        "\u202eevil",
        "x" * 5000,
    ]
)
OFTEN_NONE = st.none() | ANY_TEXT
MOMENTS = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
) | st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2200, 1, 1))


@pytest.fixture
def customer(db_path) -> str:
    return service.create_customer({"name": "ACME"}).id


def accepted_as_validated(model, create, get, data):
    """The service refuses exactly what the model refuses, and reads back what it accepted
    as the model made it; returns the stored record, or None when refused."""
    try:
        expected = model.model_validate(data)
    except Exception:
        expected = None
    try:
        stored = create(data)
    except InvalidInputError:
        assert expected is None
        return None
    assert expected is not None
    again = get(stored.id)
    assert again.fits
    assert again.model_dump(include=set(model.model_fields)) == expected.model_dump()
    return again


PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(
    name=ANY_TEXT,
    organization=OFTEN_NONE,
    email=OFTEN_NONE,
    notes=OFTEN_NONE,
    tags=st.lists(ANY_TEXT, max_size=4) | ANY_TEXT,
)
def test_customers(db_path, name, organization, email, notes, tags):
    data = {
        "name": name,
        "organization": organization,
        "email": email,
        "notes": notes,
        "tags": tags,
    }
    accepted_as_validated(CustomerCreate, service.create_customer, service.get_customer, data)


@PROPERTY
@given(
    subject=OFTEN_NONE,
    body=OFTEN_NONE,
    moment=MOMENTS | ANY_TEXT,
    attachments=st.lists(
        st.fixed_dictionaries({"filename": ANY_TEXT, "nextcloud_path": ANY_TEXT}), max_size=3
    ),
    kind=st.sampled_from(["email", "call", "note", "fax", "", "EMAIL"]),
)
def test_communications(db_path, customer, subject, body, moment, attachments, kind):
    data = {
        "customer_id": customer,
        "type": kind,
        "direction": "inbound",
        "subject": subject,
        "body": body,
        "occurred_at": moment,
        "attachments": attachments,
    }
    again = accepted_as_validated(CommCreate, service.create_comm, service.get_comm, data)
    if again is None:
        return
    if isinstance(moment, datetime):
        as_utc = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        assert again.occurred_at_utc == as_utc
    assert again.occurred_at == timeutil.to_storage(again.occurred_at_utc)
    page = service.timeline_page(customer, limit=1000)
    assert again.id in {entry.id for entry in page}


@PROPERTY
@given(
    filename=ANY_TEXT,
    path=ANY_TEXT,
    tags=st.lists(ANY_TEXT, max_size=4),
    direction=st.sampled_from([None, "", "sent", "lost"]),
    order=OFTEN_NONE,
)
def test_media(db_path, customer, filename, path, tags, direction, order):
    data = {
        "customer_id": customer,
        "filename": filename,
        "nextcloud_path": path,
        "tags": tags,
        "direction": direction,
        "order_id": order,
    }
    again = accepted_as_validated(MediaCreate, service.create_media, service.get_media, data)
    for tag in again.tags if again else ():  # each stored tag finds its record by the filter
        assert again.id in {
            m.id for m in service.media_page(customer, service.MediaFilter(tag=tag))
        }
