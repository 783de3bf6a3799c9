"""Bytes that are not text, written by another program: every other row still shows; the
bad one shows with U+FFFD where its bytes do not decode, is marked, and is never rewritten.

SQLite only: a PostgreSQL server refuses invalid UTF-8 before it is stored.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from crm_desktop import service
from crm_desktop.check import run_check
from crm_desktop.database import close_db, init_db
from crm_desktop.queries import Undecodable
from tests.helpers import backend

BAD = b"Gr\xfc\xdfe aus K\xf6ln"  # Latin-1, not UTF-8
BAD_TEXT = "Gr\ufffd\ufffde aus K\ufffdln"


@pytest.fixture
def file(tmp_path: Path) -> Path:
    path = tmp_path / "shared.sqlite3"
    init_db(path)
    close_db()
    return path


def insert_bad(path: Path, sql: str, params: tuple[object, ...]) -> None:
    with backend.connect(path) as connection:
        connection.execute(sql, params)


def stored(path: Path, table: str, column: str, row_id: str) -> tuple[bytes, str]:
    """The column's bytes and SQLite type, as they are in the file."""
    with backend.connect(path) as connection:
        return tuple(
            connection.execute(
                f"SELECT CAST({column} AS BLOB), typeof({column}) FROM {table} WHERE id = ?",
                (row_id,),
            ).fetchone()
        )


@pytest.fixture
def timeline(file: Path) -> tuple[str, str, str]:
    """A customer with two good entries and one whose body is Latin-1 and whose subject
    is a BLOB of bytes that are not UTF-8."""
    with backend.connect(file) as connection:
        customer = backend.insert_customer(connection, "ACME")
        backend.insert_comm(
            connection, customer, subject="first", occurred_at="2026-11-01T10:00:00"
        )
        backend.insert_comm(connection, customer, subject="last", occurred_at="2026-11-03T10:00:00")
    bad = "bad-comm"
    insert_bad(
        file,
        "INSERT INTO crm_comms_log (id, customer_id, type, direction, subject, body, "
        "attachments, occurred_at, created_at) VALUES (?, ?, 'email', 'inbound', ?, "
        "CAST(? AS TEXT), '[]', '2026-11-02T10:00:00', '2026-11-02T10:00:00')",
        (bad, customer, b"\xffRe: offer", BAD),
    )
    init_db(file)
    yield file, customer, bad
    close_db()


def test_every_entry_shows_and_the_bad_one_is_marked(timeline):
    _path, customer, bad = timeline
    entries = service.list_comms(customer)
    assert [entry.subject for entry in entries] == ["last", "\ufffdRe: offer", "first"]
    broken = entries[1]
    assert broken.id == bad and broken.body == BAD_TEXT
    assert isinstance(broken.body, Undecodable)
    assert len(broken.problems) == 2 and "\ufffd" in broken.problems[0]
    assert all(entry.fits for entry in (entries[0], entries[2]))

    page = service.timeline_page(customer)
    assert [entry.id for entry in page][1] == bad
    assert page[1].body_preview == BAD_TEXT and len(page[1].problems) == 2
    assert not page[0].problems and not page[2].problems
    assert service.count_timeline(customer) == 3

    one = service.get_comm(bad)
    assert one.body == BAD_TEXT and one.problems == broken.problems


def test_the_bad_row_is_never_rewritten(timeline):
    path, customer, bad = timeline
    before = (
        stored(path, "crm_comms_log", "body", bad),
        stored(path, "crm_comms_log", "subject", bad),
    )
    assert before[0] == (BAD, "text") and before[1][1] == "blob"
    service.list_comms(customer)
    service.timeline_page(customer)
    # Editing one field writes that field alone: the body keeps its bytes.
    service.update_comm(bad, {"occurred_at": "2026-11-02T11:00:00"}, expected=service.get_comm(bad))
    assert stored(path, "crm_comms_log", "body", bad) == before[0]
    assert stored(path, "crm_comms_log", "subject", bad) == before[1]
    # A delete undone puts back the very bytes, as TEXT and as BLOB.
    record = service.comm_record(bad)
    service.delete_comm(bad)
    service.restore_comm(record)
    assert stored(path, "crm_comms_log", "body", bad) == before[0]
    assert stored(path, "crm_comms_log", "subject", bad) == before[1]


def test_a_filtered_timeline_shows_the_bad_row_too(timeline):
    _path, customer, bad = timeline
    filters = service.TimelineFilter(types=frozenset({"email"}))
    assert [entry.id for entry in service.timeline_page(customer, filters)][1] == bad


def test_customers_and_media_with_bad_bytes_show_marked(file):
    with backend.connect(file) as connection:
        good = backend.insert_customer(connection, "Good GmbH")
        backend.insert_media(
            connection, good, filename="plan.pdf", created_at="2026-11-01T10:00:00"
        )
    insert_bad(
        file,
        "INSERT INTO crm_customers (id, name, organization, tags, created_at, updated_at) "
        "VALUES ('bad-customer', CAST(? AS TEXT), ?, '[]', '2026-11-01T10:00:00', "
        "'2026-11-01T10:00:00')",
        (BAD, b"\x80"),
    )
    insert_bad(
        file,
        "INSERT INTO crm_media (id, customer_id, filename, nextcloud_path, tags, created_at) "
        "VALUES ('bad-media', ?, CAST(? AS TEXT), '/CRM/x.jpg', '[]', '2026-11-02T10:00:00')",
        (good, b"Pl\xe4ne.pdf"),
    )
    init_db(file)
    try:
        page = service.customer_page()
        assert [row.name for row in page] == ["Good GmbH", BAD_TEXT]
        assert len(page[1].problems) == 2 and not page[0].problems
        customer = service.get_customer("bad-customer")
        assert customer.name == BAD_TEXT and customer.organization == "\ufffd"
        assert len(customer.problems) == 2
        assert [c.name for c in service.list_customers()] == ["Good GmbH", BAD_TEXT]
        assert service.customer_position("bad-customer") == 1

        media = service.list_media(good)
        assert [m.filename for m in media] == ["Pl\ufffdne.pdf", "plan.pdf"]
        assert media[0].problems and not media[1].problems
        assert [m.filename for m in service.media_page(good)] == ["Pl\ufffdne.pdf", "plan.pdf"]
        assert service.get_media("bad-media").problems
    finally:
        close_db()
    assert stored(file, "crm_customers", "name", "bad-customer") == (BAD, "text")


def test_check_reads_a_file_with_bad_bytes(file):
    insert_bad(
        file,
        "INSERT INTO crm_comms_log (id, customer_id, type, direction, attachments, "
        "occurred_at, created_at) VALUES ('x', 'c', CAST(? AS TEXT), 'inbound', '[]', "
        "'2026-11-02T10:00:00', '2026-11-02T10:00:00')",
        (b"e\xffmail",),
    )
    out = io.StringIO()
    assert run_check(file, out) == 0
    assert "unknown communication types" in out.getvalue()


def test_blobs_alone_read_as_text_or_marked(file):
    """A BLOB comes back from SQLite as bytes without any error: valid UTF-8 reads as the
    text it is, anything else as Undecodable, marked."""
    with backend.connect(file) as connection:
        customer = backend.insert_customer(connection, "ACME")
        backend.insert_comm(connection, customer, id="fine", subject=b"Hello", body=b"world")
        backend.insert_comm(connection, customer, id="odd", subject=b"\xfe\xff", body="ok")
        backend.insert_media(connection, customer, id="m", filename=b"\xe4.pdf")
        connection.execute(
            "INSERT INTO crm_customers (id, name, tags, created_at, updated_at) VALUES "
            "('blob', ?, '[]', '2026-11-01T10:00', '2026-11-01T10:00')",
            (b"\xc4pfel",),
        )
    init_db(file)
    try:
        comms = {comm.id: comm for comm in service.list_comms(customer)}
        assert (comms["fine"].subject, comms["fine"].body, comms["fine"].problems) == (
            "Hello",
            "world",
            (),
        )
        assert comms["odd"].subject == "\ufffd\ufffd" and len(comms["odd"].problems) == 1
        entries = {entry.id: entry for entry in service.timeline_page(customer)}
        assert entries["fine"].subject == "Hello" and not entries["fine"].problems
        assert entries["odd"].subject == "\ufffd\ufffd" and entries["odd"].problems
        assert service.get_comm("odd").problems
        (media,) = service.list_media(customer)
        assert media.filename == "\ufffd.pdf" and media.problems
        rows = {row.id: row for row in service.customer_page()}
        assert rows["blob"].name == "\ufffdpfel" and rows["blob"].problems
        assert not rows[customer].problems
    finally:
        close_db()
    assert stored(file, "crm_comms_log", "subject", "odd") == (b"\xfe\xff", "blob")
