"""One file, two programs: what the backend writes, the app reads, and the other way round."""

from __future__ import annotations

from crm_desktop import service
from crm_desktop.database import close_db, init_db
from tests.helpers import backend


def test_backend_rows_are_read_updated_and_deleted_by_the_app(tmp_path):
    path = tmp_path / "shared.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        customer = backend.insert_customer(connection, "ACME GmbH", email="info@acme.example")
        comm_id = backend.insert_comm(
            connection,
            customer,
            type="whatsapp",
            direction="inbound",
            subject="Photos",
            attachments=[{"filename": "a.jpg", "nextcloud_path": "/CRM/ACME/a.jpg"}],
            occurred_at="2026-11-25T22:01:07.607137",
        )
        media_id = backend.insert_media(connection, customer, tags=["roof"], direction="received")

    init_db(path)
    try:
        comm = service.get_comm(comm_id)
        assert comm.fits and comm.type == "whatsapp"
        assert comm.attachments[0].nextcloud_path == "/CRM/ACME/a.jpg"
        assert service.get_customer(customer).email == "info@acme.example"
        assert service.list_media(customer)[0].tags == ["roof"]

        service.update_comm(comm_id, {"body": "Three photos of the roof"})
        new_id = service.create_comm(
            {
                "customer_id": customer,
                "type": "call",
                "direction": "outbound",
                "occurred_at": "2026-11-25T22:01:08",
            }
        ).id
        new_media = service.create_media(
            {
                "customer_id": customer,
                "filename": "b.pdf",
                "nextcloud_path": "/CRM/ACME/b.pdf",
                "tags": ["offer"],
            }
        ).id
        service.delete_media(media_id)
    finally:
        close_db()

    with backend.connect(path) as connection:
        row = backend.read_comm(connection, comm_id)
        assert row["body"] == "Three photos of the roof"
        assert row["attachments"] == [{"filename": "a.jpg", "nextcloud_path": "/CRM/ACME/a.jpg"}]
        mine = backend.read_comm(connection, new_id)
        assert mine["attachments"] == [] and mine["type"] == "call"
        # Text order is time order beside the backend's own timestamps.
        order = [
            r[0]
            for r in connection.execute(
                "SELECT id FROM crm_comms_log WHERE customer_id = ? ORDER BY occurred_at DESC",
                (customer,),
            )
        ]
        assert order == [new_id, comm_id]
        assert backend.read_media(connection, new_media)["tags"] == ["offer"]
        assert (
            connection.execute(
                "SELECT COUNT(*) FROM crm_media WHERE id = ?", (media_id,)
            ).fetchone()[0]
            == 0
        )
