"""The spec's pydantic models: names, fields, enum values, and errors people can read."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from crm_desktop import models
from crm_desktop.models import (
    CommCreate,
    CommDirection,
    CommType,
    CommUpdate,
    CustomerCreate,
    CustomerUpdate,
    MediaCreate,
    MediaDirection,
    field_errors,
)


def errors_of(model, **data) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        model(**data)
    return field_errors(caught.value)


def test_enums_hold_the_specs_values():
    assert [t.value for t in CommType] == ["email", "whatsapp", "call", "sms", "note", "in_person"]
    assert [d.value for d in CommDirection] == ["inbound", "outbound", "internal"]
    assert [d.value for d in MediaDirection] == ["received", "sent", "internal"]


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        ("CommAttachment", {"filename", "nextcloud_path"}),
        (
            "CommCreate",
            {
                "customer_id",
                "type",
                "direction",
                "subject",
                "body",
                "attachments",
                "ext_message_id",
                "logged_by",
                "occurred_at",
            },
        ),
        ("CommUpdate", {"subject", "body", "occurred_at"}),
        ("CommListResponse", {"entries", "total"}),
        (
            "MediaCreate",
            {
                "customer_id",
                "order_id",
                "filename",
                "nextcloud_path",
                "mime_type",
                "direction",
                "tags",
                "uploaded_by",
            },
        ),
        ("MediaListResponse", {"items", "total"}),
    ],
)
def test_models_have_the_specs_fields(name, fields):
    assert set(getattr(models, name).model_fields) == fields


def test_indb_models_add_id_and_created_at():
    for create, stored in [
        (models.CommCreate, models.CommInDB),
        (models.MediaCreate, models.MediaInDB),
        (models.CustomerCreate, models.CustomerInDB),
    ]:
        assert set(stored.model_fields) >= set(create.model_fields) | {"id", "created_at"}


def test_occurred_at_defaults_to_now_in_utc_storage_form():
    before = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    comm = CommCreate(customer_id="c", type="call", direction="outbound")
    after = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    assert before <= comm.occurred_at <= after


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2026-11-25T22:01:07.607137", "2026-11-25T22:01:07.607137"),
        ("2026-11-25T22:01:07", "2026-11-25T22:01:07.000000"),
        ("2026-11-25T23:01:07+01:00", "2026-11-25T22:01:07.000000"),
        ("2026-11-25T22:01:07Z", "2026-11-25T22:01:07.000000"),
        (datetime(2026, 11, 25, 22, 1, tzinfo=UTC), "2026-11-25T22:01:00.000000"),
    ],
)
def test_occurred_at_is_normalised_to_naive_utc(given, stored):
    comm = CommCreate(customer_id="c", type="call", direction="outbound", occurred_at=given)
    assert comm.occurred_at == stored


def test_create_errors_name_each_field_in_plain_words():
    errors = errors_of(
        CommCreate,
        customer_id="  ",
        type="fax",
        direction="sideways",
        occurred_at="last Tuesday",
        attachments=[{"filename": "", "nextcloud_path": "/a"}],
    )
    assert errors == {
        "customer_id": "This must not be empty.",
        "type": "Choose one of: email, whatsapp, call, sms, note or in_person.",
        "direction": "Choose one of: inbound, outbound or internal.",
        "occurred_at": errors["occurred_at"],
        "attachments.0.filename": "This must not be empty.",
    }
    assert "not a date and time" in errors["occurred_at"]


def test_missing_fields_are_required():
    assert errors_of(CommCreate) == {
        "customer_id": "This is required.",
        "type": "This is required.",
        "direction": "This is required.",
    }


def test_unknown_fields_are_refused():
    assert errors_of(
        CommCreate, customer_id="c", type="note", direction="internal", colour="red"
    ) == {"colour": "This field is not known."}


def test_update_only_knows_what_was_given():
    update = CommUpdate(subject="  New subject ")
    assert update.model_fields_set == {"subject"}
    assert update.subject == "New subject"
    assert errors_of(CommUpdate, occurred_at=None) == {
        "occurred_at": "When it happened is required."
    }
    assert errors_of(CommUpdate, body="x", type="email") == {"type": "This field is not known."}


def test_blank_optional_text_becomes_none_but_body_keeps_its_spacing():
    comm = CommCreate(
        customer_id="c", type="note", direction="internal", subject="  ", body="  a\n b "
    )
    assert comm.subject is None
    assert comm.body == "  a\n b "


def test_media_tags_and_paths_are_normalised():
    media = MediaCreate(
        filename=" photo.jpg ",
        nextcloud_path="CRM\\Customers\\ACME\\photo.jpg",
        tags="site, roof , site,,",
        direction="",
    )
    assert media.filename == "photo.jpg"
    assert media.nextcloud_path == "/CRM/Customers/ACME/photo.jpg"
    assert media.tags == ["site", "roof"]
    assert media.direction is None


def test_media_errors():
    assert errors_of(MediaCreate, filename=" ", nextcloud_path="/a/../b", direction="lost") == {
        "filename": "This must not be empty.",
        "nextcloud_path": "A Nextcloud path cannot contain '.' or '..' folders.",
        "direction": "Choose one of: received, sent or internal.",
    }


def test_customer_validation():
    assert errors_of(CustomerCreate, name="", email="not-an-address", phone="call me") == {
        "name": "This must not be empty.",
        "email": "This is not an e-mail address (name@example.com).",
        "phone": "A phone number holds digits, spaces and + ( ) - / . only.",
    }
    customer = CustomerCreate(name=" Anna ", email=" anna@example.com ", phone="+49 (30) 123-45")
    assert (customer.name, customer.email) == ("Anna", "anna@example.com")
    assert errors_of(CustomerUpdate, name=" ") == {"name": "A customer needs a name."}
    assert CustomerUpdate(email="").email is None


def test_nextcloud_paths_are_single_slashed_one_line_nfc():
    media = MediaCreate(filename="Gru\u0308n.jpg", nextcloud_path="//etc//passwd")
    assert media.nextcloud_path == "/etc/passwd"
    assert media.filename == "Gr\u00fcn.jpg"
    assert MediaCreate(filename="a", nextcloud_path="\\\\etc\\passwd").nextcloud_path == (
        "/etc/passwd"
    )
    assert errors_of(MediaCreate, filename="a\nb", nextcloud_path="/CRM/a\nb.jpg") == {
        "filename": "A file name or path cannot contain line breaks or tabs.",
        "nextcloud_path": "A file name or path cannot contain line breaks or tabs.",
    }
