"""Editing what someone else changed meanwhile: refused, never silently overwritten."""

from __future__ import annotations

import pytest

from crm_desktop import service
from crm_desktop.errors import ConflictError
from tests.helpers import backend


def test_a_field_changed_by_the_backend_is_a_conflict(db_path, customer):
    comm = service.create_comm(
        {"customer_id": customer, "type": "call", "direction": "inbound", "subject": "Mine"}
    )
    with backend.connect(db_path) as connection:
        connection.execute("UPDATE crm_comms_log SET subject = 'Theirs' WHERE id = ?", (comm.id,))
    with pytest.raises(ConflictError) as caught:
        service.update_comm(comm.id, {"subject": "Edited"}, expected=comm)
    assert caught.value.fields == ("subject",)
    assert caught.value.current.subject == "Theirs"
    assert service.get_comm(comm.id).subject == "Theirs"  # nothing written
    # Choosing to keep one's own version: save against what is there now.
    saved = service.update_comm(comm.id, {"subject": "Edited"}, expected=caught.value.current)
    assert saved.subject == "Edited"


def test_a_change_to_another_field_is_no_conflict(db_path, customer):
    comm = service.create_comm(
        {"customer_id": customer, "type": "call", "direction": "inbound", "subject": "S"}
    )
    with backend.connect(db_path) as connection:
        connection.execute("UPDATE crm_comms_log SET body = 'Theirs' WHERE id = ?", (comm.id,))
    saved = service.update_comm(comm.id, {"subject": "Mine"}, expected=comm)
    assert (saved.subject, saved.body) == ("Mine", "Theirs")


def test_a_deleted_entry_is_a_conflict_with_nothing_current(db_path, customer):
    comm = service.create_comm({"customer_id": customer, "type": "note", "direction": "internal"})
    with backend.connect(db_path) as connection:
        connection.execute("DELETE FROM crm_comms_log WHERE id = ?", (comm.id,))
    with pytest.raises(ConflictError) as caught:
        service.update_comm(comm.id, {"body": "x"}, expected=comm)
    assert caught.value.current is None


def test_customer_and_media_tags_conflicts(db_path, customer):
    seen = service.get_customer(customer)
    media = service.create_media(
        {"customer_id": customer, "filename": "a", "nextcloud_path": "/a", "tags": ["x"]}
    )
    with backend.connect(db_path) as connection:
        connection.execute("UPDATE crm_customers SET phone = '+1 555' WHERE id = ?", (customer,))
        connection.execute("UPDATE crm_media SET tags = '[\"y\"]' WHERE id = ?", (media.id,))
    with pytest.raises(ConflictError) as caught:
        service.update_customer(customer, {"phone": "+49 1"}, expected=seen)
    assert caught.value.fields == ("phone",)
    assert service.update_customer(customer, {"notes": "n"}, expected=seen).phone == "+1 555"
    with pytest.raises(ConflictError):
        service.update_media_tags(media.id, ["z"], expected=media)
    assert service.get_media(media.id).tags == ["y"]
