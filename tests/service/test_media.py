"""Media records through the service, on a real SQLite file."""

from __future__ import annotations

import pytest

from crm_desktop import service
from crm_desktop.models import MediaDirection
from crm_desktop.service import InvalidInputError, MediaFilter, MediaSort, NotFoundError
from tests.helpers import backend


def add(customer: str | None, name: str = "photo.jpg", **fields) -> str:
    data = {
        "customer_id": customer,
        "filename": name,
        "nextcloud_path": f"/CRM/ACME/{name}",
        **fields,
    }
    return service.create_media(data).id


def test_create_stores_the_backends_formats(db_path, customer):
    media = service.create_media(
        {
            "customer_id": customer,
            "order_id": "A-1001",
            "filename": "roof.jpg",
            "nextcloud_path": "/CRM/ACME/roof.jpg",
            "mime_type": "image/jpeg",
            "direction": "received",
            "tags": ["roof", "Schäden"],
            "uploaded_by": "anna",
        }
    )
    with backend.connect(db_path) as connection:
        tags, created_at = connection.execute("SELECT tags, created_at FROM crm_media").fetchone()
    assert tags == '["roof", "Sch\\u00e4den"]'
    assert created_at[10] == "T" and len(created_at) == 26
    assert media.direction is MediaDirection.received and media.tags == ["roof", "Schäden"]


def test_list_by_customer_and_by_order(customer, other_customer):
    add(customer, "a.jpg", order_id="A-1")
    add(customer, "b.pdf", order_id="A-2")
    add(other_customer, "c.jpg", order_id="A-1")
    add(None, "d.jpg", order_id="A-1")
    assert {m.filename for m in service.list_media(customer_id=customer)} == {"a.jpg", "b.pdf"}
    assert {m.filename for m in service.list_media(order_id="A-1")} == {"a.jpg", "c.jpg", "d.jpg"}
    assert [m.filename for m in service.list_media(customer, "A-1")] == ["a.jpg"]
    assert [m.filename for m in service.list_media(customer)] == ["b.pdf", "a.jpg"]  # newest first


def test_delete_restore_and_not_found(customer):
    media_id = add(customer)
    record = service.media_record(media_id)
    service.delete_media(media_id)
    with pytest.raises(NotFoundError):
        service.delete_media(media_id)
    with pytest.raises(NotFoundError):
        service.get_media(media_id)
    service.restore_media(record)
    assert service.media_record(media_id) == record


def test_tags_edit_writes_only_tags(db_path, customer):
    media_id = add(customer, tags=["a"])
    before = service.media_record(media_id)
    assert service.update_media_tags(media_id, "b, c").tags == ["b", "c"]
    after = service.media_record(media_id)
    assert {k for k in before if before[k] != after[k]} == {"tags"}
    with pytest.raises(NotFoundError):
        service.update_media_tags("nope", ["x"])


def test_bad_input_is_refused_and_nothing_is_written(customer):
    for fields in (
        {"filename": ""},
        {"direction": "lost"},
        {"customer_id": "ghost"},
        {"nextcloud_path": "/a/../../etc"},
    ):
        data = {"customer_id": customer, "filename": "x", "nextcloud_path": "/x", **fields}
        with pytest.raises(InvalidInputError):
            service.create_media(data)
    assert service.list_media(customer) == []


def test_many_are_written_all_or_none(customer):
    good = [
        {"customer_id": customer, "filename": f"{i}.jpg", "nextcloud_path": f"/CRM/{i}.jpg"}
        for i in range(250)
    ]
    assert len(service.create_media_many(good)) == 250
    with pytest.raises(InvalidInputError):
        service.create_media_many(
            [*good[:10], {"customer_id": "ghost", "filename": "x", "nextcloud_path": "/x"}]
        )
    assert service.count_media(customer) == 250


def test_foreign_rows_that_do_not_fit(db_path, customer):
    with backend.connect(db_path) as connection:
        backend.insert_media(connection, customer, filename="odd", direction="lost", tags="{")
        backend.insert_media(connection, customer, filename="mixed", tags='["a", 3]')
    media = {m.filename: m for m in service.list_media(customer)}
    assert media["odd"].direction == "lost" and media["odd"].tags == []
    assert len(media["odd"].problems) == 2
    assert media["mixed"].tags == ["a"] and media["mixed"].problems


def test_panel_filters_and_pages(customer):
    add(customer, "a.jpg", order_id="A-100", tags=["roof", "Büro"], direction="received")
    add(customer, "b.jpg", order_id="A-200", tags=["roofing"], direction="sent")
    add(customer, "c.pdf", tags=["contract"])

    def names(**filters) -> set[str]:
        page = service.media_page(customer, MediaFilter(**filters))
        assert service.count_media_page(customer, MediaFilter(**filters)) == len(page)
        return {m.filename for m in page}

    assert names() == {"a.jpg", "b.jpg", "c.pdf"}
    assert names(order_id="A-1") == {"a.jpg"}
    assert names(tag="roof") == {"a.jpg"}  # not "roofing"
    assert names(tag="Büro") == {"a.jpg"}
    assert names(direction="sent") == {"b.jpg"}
    assert [m.filename for m in service.media_page(customer, offset=1, limit=1)] == ["b.jpg"]


def test_known_tags_and_order_ids(customer):
    add(customer, "a", tags=["b", "A"], order_id="X-2")
    add(customer, "b", tags=["a", "b"], order_id="X-1")
    assert service.known_tags() == ["a", "A", "b"]
    assert service.known_order_ids() == ["X-1", "X-2"]


def test_existing_media_paths_finds_the_customers_recorded_paths(db_path, customer, other_customer):
    add(customer, "a.jpg")
    add(other_customer, "b.jpg")  # the same path, but another customer's record
    service.create_media_many(
        [
            {"customer_id": customer, "filename": f"{n}.jpg", "nextcloud_path": f"/Many/{n}.jpg"}
            for n in range(1200)
        ]
    )
    wanted = ["/CRM/ACME/a.jpg", "/CRM/ACME/b.jpg", "/CRM/ACME/none.jpg"]
    wanted += [f"/Many/{n}.jpg" for n in range(0, 1300, 2)]  # more than one query's worth
    found = service.existing_media_paths(customer, wanted)
    assert found == {"/CRM/ACME/a.jpg"} | {f"/Many/{n}.jpg" for n in range(0, 1200, 2)}
    assert service.existing_media_paths(customer, []) == set()


def test_a_path_recorded_in_nfd_is_found_in_nfc_and_the_other_way_round(db_path, customer):
    """The same name from a Mac (NFD) and from elsewhere (NFC) is one file."""
    with backend.connect(db_path) as connection:  # another client stores what it was given
        backend.insert_media(connection, customer, nextcloud_path="/CRM/ACME/Gru\u0308n.jpg")
    add(customer, "B\u00e4r.jpg")
    found = service.existing_media_paths(
        customer, ["/CRM/ACME/Gr\u00fcn.jpg", "/CRM/ACME/Ba\u0308r.jpg", "/CRM/ACME/x.jpg"]
    )
    assert found == {"/CRM/ACME/Gr\u00fcn.jpg", "/CRM/ACME/Ba\u0308r.jpg"}
    # The app itself stores names in NFC, whatever it was handed.
    made = service.create_media(
        {"customer_id": customer, "filename": "Ka\u0308se.jpg", "nextcloud_path": "/Ka\u0308se.jpg"}
    )
    assert (made.filename, made.nextcloud_path) == ("K\u00e4se.jpg", "/K\u00e4se.jpg")


def test_a_nextcloud_path_with_a_line_break_is_refused(db_path, customer):
    with pytest.raises(InvalidInputError) as refused:
        service.create_media(
            {"customer_id": customer, "filename": "a.jpg", "nextcloud_path": "/CRM/a\n.jpg"}
        )
    assert set(refused.value.field_errors) == {"nextcloud_path"}


def test_the_panel_sorts_by_any_column_in_sql_page_by_page(customer):
    add(customer, "b.jpg", mime_type="image/jpeg", direction="sent", uploaded_by="Zoe")
    add(customer, "A.pdf", mime_type="application/pdf", order_id="A-2", tags=["roof"])
    add(customer, "c.mp4", mime_type="video/mp4", direction="received", order_id="A-1")

    def names(sort: MediaSort, descending: bool = False, **page) -> list[str]:
        found = service.media_page(
            customer, MediaFilter(), sort=sort, descending=descending, **page
        )
        return [m.filename for m in found]

    assert names(MediaSort.date, True) == ["c.mp4", "A.pdf", "b.jpg"]  # the default
    assert [m.filename for m in service.media_page(customer)] == ["c.mp4", "A.pdf", "b.jpg"]
    assert names(MediaSort.date) == ["b.jpg", "A.pdf", "c.mp4"]
    assert names(MediaSort.filename) == ["A.pdf", "b.jpg", "c.mp4"]  # case ignored
    assert names(MediaSort.filename, True) == ["c.mp4", "b.jpg", "A.pdf"]
    assert names(MediaSort.type) == ["A.pdf", "b.jpg", "c.mp4"]
    # Empty values last, whichever way.
    assert names(MediaSort.order) == ["c.mp4", "A.pdf", "b.jpg"]
    assert names(MediaSort.order, True) == ["A.pdf", "c.mp4", "b.jpg"]
    assert names(MediaSort.uploaded_by)[0] == "b.jpg"
    assert names(MediaSort.direction)[:2] == ["c.mp4", "b.jpg"]
    # Pages continue one another in any order.
    assert names(MediaSort.filename, offset=1, limit=1) == ["b.jpg"]
    filtered = service.media_page(
        customer, MediaFilter(tag="roof"), sort=MediaSort.filename, descending=True
    )
    assert [m.filename for m in filtered] == ["A.pdf"]
