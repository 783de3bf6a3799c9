"""The demo data (crm_desktop.demo), written through the service into real SQLite files."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crm_desktop import service, timeutil
from crm_desktop.database import close_db, init_db
from crm_desktop.demo import STAFF, ensure_demo_database, fill_demo_data
from crm_desktop.models import (
    CommDirection,
    CommInDB,
    CommType,
    CustomerInDB,
    MediaDirection,
    MediaInDB,
)

NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)

# What each kind of communication may sensibly be: notes are internal, calls go in or out.
SENSIBLE_DIRECTIONS = {
    CommType.email: {CommDirection.inbound, CommDirection.outbound, CommDirection.internal},
    CommType.whatsapp: {CommDirection.inbound, CommDirection.outbound},
    CommType.call: {CommDirection.inbound, CommDirection.outbound},
    CommType.sms: {CommDirection.inbound, CommDirection.outbound},
    CommType.note: {CommDirection.internal},
    CommType.in_person: {CommDirection.inbound, CommDirection.outbound, CommDirection.internal},
}

MIME_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "heic": "image/heic",
    "png": "image/png",
    "pdf": "application/pdf",
    "mp4": "video/mp4",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


Records = list[tuple[CustomerInDB, list[CommInDB], list[MediaInDB]]]


def records() -> Records:
    """Every customer with all their communications (newest first) and media records."""
    return [
        (customer, service.list_comms(customer.id, limit=None), service.list_media(customer.id))
        for customer in service.list_customers(limit=None)
    ]


def snapshot() -> list[Any]:
    """What the demo data says, without what the service assigns (ids, created_at)."""
    result = []
    for customer, comms, media in records():
        result.append(
            (
                customer.model_dump(exclude={"id", "created_at", "updated_at"}),
                [comm.model_dump(exclude={"id", "customer_id", "created_at"}) for comm in comms],
                # Media records created in the same microsecond have no fixed order: sort them.
                sorted(
                    repr(item.model_dump(exclude={"id", "customer_id", "created_at"}))
                    for item in media
                ),
            )
        )
    return result


def filled_snapshot(path: Path, **options: Any) -> list[Any]:
    init_db(path)
    try:
        fill_demo_data(**options)
        return snapshot()
    finally:
        close_db()


@pytest.fixture
def demo(db_path: Path) -> Records:
    fill_demo_data(now=NOW)
    return records()


@pytest.fixture
def unbind() -> Iterator[None]:
    """For tests that bind a database themselves: unbind it afterwards."""
    yield
    close_db()


def all_comms(demo: Records) -> list[CommInDB]:
    return [comm for _customer, comms, _media in demo for comm in comms]


def all_media(demo: Records) -> list[MediaInDB]:
    return [item for _customer, _comms, media in demo for item in media]


def test_volumes_and_empty_states(demo):
    assert 12 <= len(demo) <= 16
    comm_counts = sorted((len(comms) for _c, comms, _m in demo), reverse=True)
    media_counts = [len(media) for _c, _comms, media in demo]
    # One customer without communications, a couple without media: the empty states.
    assert comm_counts.count(0) == 1
    assert all(8 <= count <= 40 for count in comm_counts if count)
    assert media_counts.count(0) >= 2
    assert all(2 <= count <= 12 for count in media_counts if count)
    # One customer is clearly the busiest.
    assert comm_counts[0] >= 1.5 * comm_counts[1]
    assert 150 <= sum(comm_counts) <= 350
    assert 40 <= sum(media_counts) <= 120


def test_the_first_customer_in_the_list_is_the_busiest(demo):
    # `crm-desktop --demo --screenshot` shows the first customer: the richest timeline.
    first = service.customer_page(limit=1)[0]
    busiest = max(demo, key=lambda record: len(record[1]))[0]
    assert first.id == busiest.id


def test_every_type_and_direction_in_sensible_combinations(demo):
    comms = all_comms(demo)
    assert {comm.type for comm in comms} == set(CommType)
    assert {comm.direction for comm in comms} == set(CommDirection)
    for comm in comms:
        assert comm.direction in SENSIBLE_DIRECTIONS[comm.type], comm
    calls = {comm.direction for comm in comms if comm.type is CommType.call}
    assert calls == {CommDirection.inbound, CommDirection.outbound}


def test_texts_are_realistic(demo):
    comms = all_comms(demo)
    for comm in comms:
        texts = [comm.subject or "", comm.body or ""]
        texts += [a.filename for a in comm.attachments]
        # A placeholder that the templates left unfilled would show as {name}.
        assert not any("{" in text or "}" in text for text in texts), comm
        assert comm.body
        if comm.type is CommType.email:
            assert comm.subject and comm.ext_message_id
    assert sum("\n" in (comm.body or "") for comm in comms) >= len(comms) / 2
    assert sum(bool(comm.attachments) for comm in comms) >= 20
    subjects = {comm.subject for comm in comms}
    assert any("Angebot" in (s or "") for s in subjects)
    assert any("quote" in (s or "") for s in subjects)  # English-speaking customers too


def test_every_record_fits_its_model_and_its_customers_folder(demo):
    for customer, comms, media in demo:
        assert customer.fits, customer.problems
        folder = customer.nextcloud_folder
        assert folder and folder.startswith("/CRM/Customers/")
        assert customer.email and customer.phone and customer.phone.startswith("+49 ")
        assert customer.tags and customer.address and customer.notes
        for comm in comms:
            assert comm.fits, comm.problems
            assert comm.logged_by in STAFF
            for attachment in comm.attachments:
                assert attachment.nextcloud_path == f"{folder}/{attachment.filename}"
        for item in media:
            assert item.fits, item.problems
            assert item.nextcloud_path == f"{folder}/{item.filename}"
            assert item.uploaded_by in STAFF
            assert item.tags


def test_media_of_every_direction_and_kind(demo):
    media = all_media(demo)
    assert {item.direction for item in media} == set(MediaDirection)
    extensions = Counter(item.filename.rsplit(".", 1)[-1].lower() for item in media)
    assert {"jpg", "heic", "pdf", "mp4", "xlsx"} <= set(extensions)
    assert extensions["mp4"] >= 2
    for item in media:
        assert item.mime_type == MIME_TYPES[item.filename.rsplit(".", 1)[-1].lower()]


def test_order_ids_are_shared_within_a_customer_only(demo):
    owners: dict[str, set[str]] = {}
    for customer, _comms, media in demo:
        for item in media:
            if item.order_id is not None:
                assert re.fullmatch(r"A-20\d\d-\d{4}", item.order_id)
                owners.setdefault(item.order_id, set()).add(customer.id)
    assert all(len(customers) == 1 for customers in owners.values())
    uses = Counter(item.order_id for item in all_media(demo) if item.order_id)
    assert max(uses.values()) >= 2
    assert set(service.known_order_ids()) == set(owners)


def test_times_spread_over_half_a_year_up_to_now(demo):
    moments = [timeutil.parse_stored(comm.occurred_at) for comm in all_comms(demo)]
    assert all(moment is not None for moment in moments)
    assert all(NOW - timedelta(days=200) <= moment < NOW for moment in moments)
    assert min(moments) <= NOW - timedelta(days=150)
    # Some are recent, so that the timeline shows relative times.
    assert sum(moment > NOW - timedelta(hours=6) for moment in moments) >= 3
    assert any(moment > NOW - timedelta(hours=1) for moment in moments)
    yesterday = NOW.date() - timedelta(days=1)
    assert any(moment.date() == yesterday for moment in moments)


def test_timestamps_are_unique_per_customer(demo):
    # The timeline breaks ties by random uuid: equal times would make the order vary.
    for _customer, comms, _media in demo:
        assert len({comm.occurred_at for comm in comms}) == len(comms)


def test_same_seed_and_now_give_the_same_data(tmp_path, unbind):
    first = filled_snapshot(tmp_path / "a.sqlite3", now=NOW, seed=3)
    second = filled_snapshot(tmp_path / "b.sqlite3", now=NOW, seed=3)
    assert first == second
    assert [customer["name"] for customer, _c, _m in first][:2] == [
        "Andreas Hoffmann",
        "Claudia Wagner",
    ]


def test_another_seed_or_now_gives_other_data(tmp_path, unbind):
    base = filled_snapshot(tmp_path / "a.sqlite3", now=NOW)
    assert filled_snapshot(tmp_path / "b.sqlite3", now=NOW, seed=8) != base
    later = filled_snapshot(tmp_path / "c.sqlite3", now=NOW + timedelta(days=1))
    assert later != base


def test_a_naive_now_is_utc(tmp_path, unbind):
    aware = filled_snapshot(tmp_path / "a.sqlite3", now=NOW)
    naive = filled_snapshot(tmp_path / "b.sqlite3", now=NOW.replace(tzinfo=None))
    assert naive == aware


def test_without_now_the_data_ends_at_the_current_time(db_path):
    before = timeutil.utc_now()
    fill_demo_data()
    latest = max(timeutil.parse_stored(comm.occurred_at) for comm in all_comms(records()))
    assert before - timedelta(hours=1) < latest <= timeutil.utc_now()


def test_ensure_demo_database_fills_a_new_file_once(tmp_path, unbind):
    path = tmp_path / "demo.sqlite3"
    assert ensure_demo_database(path) == path
    assert path.is_file()
    # Left bound: the service works on it straight away.
    first = [(c.id, c.name) for c in service.list_customers(limit=None)]
    comms = sum(service.count_comms(customer_id) for customer_id, _name in first)
    assert len(first) >= 12
    close_db()

    ensure_demo_database(path)
    assert [(c.id, c.name) for c in service.list_customers(limit=None)] == first
    assert sum(service.count_comms(customer_id) for customer_id, _name in first) == comms


def test_ensure_demo_database_keeps_a_database_that_has_customers(tmp_path, unbind):
    path = tmp_path / "demo.sqlite3"
    init_db(path)
    service.create_customer({"name": "Nur ich"})
    close_db()
    ensure_demo_database(path)
    assert [c.name for c in service.list_customers()] == ["Nur ich"]


def test_ensure_demo_database_fills_an_empty_existing_file(tmp_path, unbind):
    path = tmp_path / "demo.sqlite3"
    init_db(path)
    close_db()
    ensure_demo_database(path)
    assert service.count_customers() >= 12


@pytest.mark.parametrize("seed", [0, 1, 2, 42])
def test_any_seed_shows_every_kind(tmp_path, unbind, seed):
    # The busiest customer is built to show every kind, whatever the random choices.
    init_db(tmp_path / "demo.sqlite3")
    fill_demo_data(now=NOW, seed=seed)
    demo = records()
    comms = all_comms(demo)
    assert {(comm.type, comm.direction) for comm in comms} >= {
        (kind, direction)
        for kind, directions in SENSIBLE_DIRECTIONS.items()
        for direction in directions
    }
    assert {item.direction for item in all_media(demo)} == set(MediaDirection)
    for _customer, comms, _media in demo:
        assert len({comm.occurred_at for comm in comms}) == len(comms)
