"""A customer deleted and put back (undo) with their entries and media, exactly as stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop import service
from crm_desktop.service import NotFoundError
from tests.helpers import backend


def everything(db_path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the three tables as the database holds them."""
    with backend.connect(db_path) as connection:
        return {
            table: sorted(tuple(row) for row in connection.execute(f"SELECT * FROM {table}"))
            for table in ("crm_customers", "crm_comms_log", "crm_media")
        }


def test_take_and_restore_put_back_the_customer_with_entries_and_media(
    db_path, customer, other_customer
):
    for n in range(250):  # more than one insert's rows: several slices' steps
        service.create_comm(
            {"customer_id": customer, "type": "note", "direction": "internal", "body": f"#{n}"}
        )
    for n in range(3):
        service.create_media(
            {
                "customer_id": customer,
                "filename": f"{n}.pdf",
                "nextcloud_path": f"/CRM/ACME/{n}.pdf",
                "mime_type": "application/pdf",
            }
        )
    service.create_comm(
        {"customer_id": other_customer, "type": "call", "direction": "inbound", "body": "Hi"}
    )
    before = everything(db_path)
    records = service.take_customer(customer)
    assert (records.id, len(records.comms), len(records.media)) == (customer, 250, 3)
    with pytest.raises(NotFoundError):
        service.get_customer(customer)
    assert service.count_comms(customer) == 0 and service.count_media(customer) == 0
    assert service.count_comms(other_customer) == 1
    service.restore_customer(records)
    assert everything(db_path) == before  # every column of every row as it was


def test_take_of_a_missing_customer_changes_nothing(db_path, customer):
    with pytest.raises(NotFoundError):
        service.take_customer("ghost")
    assert service.count_customers() == 1


def test_a_restore_that_fails_leaves_nothing_half_written(db_path, customer):
    for n in range(200):
        service.create_comm(
            {"customer_id": customer, "type": "note", "direction": "internal", "body": f"#{n}"}
        )
    records = service.take_customer(customer)
    # Someone logged one of the entries' ids again meanwhile: the restore cannot be whole.
    clash = dict(records.comms[-1])
    service.create_customer({"name": "Other"})
    with backend.connect(db_path) as connection:
        other = backend.insert_customer(connection, "Clash")
        backend.insert_comm(connection, other, id=clash["id"], subject="taken")
    before = everything(db_path)
    with pytest.raises(Exception):  # noqa: B017 (the engine's own integrity error)
        service.restore_customer(records)
    assert everything(db_path) == before


def test_bytes_that_are_not_text_come_back_as_they_were(db_path, customer):
    if not isinstance(db_path, Path):
        pytest.skip("bytes that are not UTF-8 are a SQLite file's (another program wrote them)")
    with backend.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO crm_comms_log (id, customer_id, type, direction, subject, body, "
            "attachments, occurred_at, created_at) VALUES ('bad', ?, 'email', 'inbound', ?, "
            "CAST(? AS TEXT), '[]', '2026-11-02T10:00:00', '2026-11-02T10:00:00')",
            (customer, b"\xffRe: offer", b"Gr\xfc\xdfe aus K\xf6ln"),
        )
    service.create_comm(
        {"customer_id": customer, "type": "note", "direction": "internal", "body": "plain"}
    )

    def raw() -> list[tuple[object, ...]]:
        with backend.connect(db_path) as connection:
            return connection.execute(
                "SELECT id, CAST(subject AS BLOB), typeof(subject), CAST(body AS BLOB), "
                "typeof(body) FROM crm_comms_log ORDER BY id"
            ).fetchall()

    before = raw()
    service.restore_customer(service.take_customer(customer))
    assert raw() == before
