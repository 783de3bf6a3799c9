"""A drop of message files read into a review and saved, without a window: real files in
tmp_path, a real database file, the rows checked as the backend reads them."""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crm_desktop import service
from crm_desktop.errors import Cancelled
from crm_desktop.messages import read_message_file
from crm_desktop.models import CommDirection
from crm_desktop.ui.drops.items import from_urls
from crm_desktop.ui.drops.message_review import (
    Kind,
    Perspective,
    Status,
    customer_in_chat,
    email_direction,
    office_addresses,
    read_drop,
)
from crm_desktop.ui.drops.message_save import MessageSave, save_messages
from tests.helpers import backend, files
from tests.helpers import message_files as mf
from tests.ui.drops.conftest import tree_of


@pytest.fixture
def anna(db_path) -> Perspective:
    customer = service.create_customer(
        {
            "name": "Anna Müller",
            "email": "anna@acme.example",
            "phone": "+49 170 1234567",
            "nextcloud_folder": "/CRM/ACME",
        }
    )
    return Perspective(
        customer.id,
        customer.name,
        customer.email,
        customer.phone,
        customer.nextcloud_folder,
        office_addresses=("@roofing.example",),
        user_name="Office",
        country_code="49",
    )


@pytest.fixture
def sync(tmp_path) -> Path:
    folder = tmp_path / "Nextcloud"
    (folder / "CRM" / "ACME").mkdir(parents=True)
    return folder


def review_of(qapp, anna, *paths, sync_folder=None):
    return read_drop(from_urls(list(paths)), anna, sync_folder)


def comm_rows(db_path) -> list[dict]:
    with backend.connect(db_path) as connection:
        rows = connection.execute("SELECT * FROM crm_comms_log ORDER BY occurred_at").fetchall()
    return [dict(row) for row in rows]


def media_rows(db_path) -> list[dict]:
    with backend.connect(db_path) as connection:
        rows = connection.execute("SELECT * FROM crm_media ORDER BY nextcloud_path").fetchall()
    return [dict(row) for row in rows]


def save(review, anna, sync_folder=None, cancel=None):
    target = MessageSave(
        anna.customer_id,
        anna.customer_folder,
        "anna-user",
        sync_folder,
        review.recorded_paths(),
    )
    return save_messages(
        target,
        review.entries(),
        review.files(bool(sync_folder)),
        uploaded_by="anna-user",
        cancel=cancel,
    )


# --- directions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sender", "to", "direction", "guessed"),
    [
        ("anna@acme.example", "office@roofing.example", "inbound", False),
        ("Anna@ACME.example", "someone@else.example", "inbound", False),
        ("me@roofing.example", "anna@acme.example", "outbound", False),
        ("me@roofing.example", "whoever@else.example", "outbound", False),  # the office's domain
        ("someone@else.example", "anna@acme.example", "outbound", False),
        ("someone@else.example", "me@roofing.example", "inbound", False),
        ("bob@acme.example", "team@else.example", "inbound", False),  # the customer's colleague
        ("x@else.example", "bob@acme.example", "outbound", False),
        ("x@else.example", "y@elsewhere.example", "inbound", True),
    ],
)
def test_email_direction(tmp_path, anna, sender, to, direction, guessed):
    path = mf.email(tmp_path / "a.eml", sender=sender, to=to)
    (message,) = read_message_file(path).messages
    assert email_direction(message, anna) == (CommDirection(direction), guessed)


def test_office_addresses_from_the_setting():
    assert office_addresses("me@x.example; @firma.de, firma2.de  ") == (
        "me@x.example",
        "@firma.de",
        "firma2.de",
    )
    who = Perspective("c", "C", office_addresses=("firma.de", "Me@X.example"))
    assert who.is_office("anyone@FIRMA.de") and who.is_office("me@x.example")
    assert not who.is_office("me@y.example") and not who.is_office(None)


# --- who is the customer in a chat ---------------------------------------------------------------


def people(*names):
    from crm_desktop.messages import Participant

    return [Participant(name, 10 - n, None, None) for n, name in enumerate(names)]


def test_the_customer_in_a_chat(anna):
    # By phone: a participant not in the phone's contacts shows as the number.
    assert customer_in_chat(people("Office", "+49 170 1234567"), "x", anna) == "+49 170 1234567"
    assert customer_in_chat(people("Office", "0170 1234567"), "x", anna) == "0170 1234567"
    # By name, with case and accents ignored.
    assert customer_in_chat(people("Office", "anna muller"), "x", anna) == "anna muller"
    # By the chat's name (the export is named after the other person).
    assert customer_in_chat(people("Office", "Mama"), "Mama", anna) == "Mama"
    # By a word of the name.
    assert customer_in_chat(people("Office", "Anna"), "x", anna) == "Anna"
    # Else the one who is not the user and wrote most.
    assert customer_in_chat(people("Office", "Bob", "Carl"), "x", anna) == "Bob"
    assert customer_in_chat([], "x", anna) is None


# --- reading a drop ------------------------------------------------------------------------------


def test_a_drop_of_every_kind_is_one_review(qapp, tmp_path, anna, sync):
    drop = tmp_path / "Downloads"
    mail = mf.email(drop / "offer.eml", attachments=[mf.offer_pdf()])
    outlook = mf.msg_sample(drop)
    chat = mf.chat_text(drop / "WhatsApp Chat with Anna Müller.txt")
    photo = files.image(drop / "roof.jpg")
    notes = files.text(drop / "notes.txt")  # a .txt that is no chat: an ordinary file
    junk = mf.junk(drop / "junk.eml")
    contacts = mf.vcard(drop / "anna.vcf", {"FN": "Anna"})
    review = review_of(
        qapp, anna, mail, outlook, chat, photo, notes, junk, contacts, sync_folder=sync
    )
    kinds = [(row.file, row.kind, row.status) for row in review.rows]
    assert kinds[0] == ("offer.eml", Kind.message, Status.new)
    assert kinds[1] == ("EmailWithAttachments.msg", Kind.message, Status.new)
    chat_rows = [row for row in review.rows if row.chat == 0]
    assert [row.subject for row in chat_rows] == [
        "Hello, is the roof done?",
        "Yes, photos follow.",
        "Thanks!",
    ]
    assert [row.direction for row in chat_rows] == ["inbound", "outbound", "inbound"]
    assert review.chats[0].customer == "Anna Müller"
    junk_row = next(row for row in review.rows if row.file == "junk.eml")
    assert junk_row.status is Status.unreadable and "not an e-mail" in junk_row.reason
    vcard_row = next(row for row in review.rows if row.file == "anna.vcf")
    assert vcard_row.status is Status.unreadable and "customer list" in vcard_row.reason
    ordinary = [row.file for row in review.rows if row.kind is Kind.file]
    assert ordinary == [str(photo), str(notes)]
    assert review.rows[0].direction == "inbound"
    assert len(review.kept()) == 2 + 3 + 2
    assert review.has_messages


def test_ordinary_files_only(qapp, tmp_path, anna):
    review = review_of(qapp, anna, files.text(tmp_path / "notes.txt"))
    assert not review.has_messages


def test_a_message_without_a_date_takes_the_files_time(qapp, tmp_path, anna):
    path = mf.email(tmp_path / "undated.eml", date=None)
    moment = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    os.utime(path, (moment.timestamp(), moment.timestamp()))
    (row,) = review_of(qapp, anna, path).rows
    assert row.date_from_file and row.occurred_at == moment
    assert any("nowhere" in note for note in row.notes)


def test_twice_in_a_drop_and_already_logged(qapp, tmp_path, anna, db_path):
    first = mf.email(tmp_path / "a.eml")
    again = mf.email(tmp_path / "copy of a.eml")
    review = review_of(qapp, anna, first, again)
    assert [row.status for row in review.rows] == [Status.new, Status.repeated]
    assert not review.set_keep(1, True)  # the same message is logged once
    save(review, anna)
    review = review_of(qapp, anna, first)
    assert review.rows[0].status is Status.logged and not review.rows[0].keep
    assert not review.set_keep(0, True)
    assert review.entries() == []


def test_changing_the_chats_customer_turns_the_directions(qapp, tmp_path, anna):
    review = review_of(qapp, anna, mf.chat_text(tmp_path / "WhatsApp Chat with Anna Müller.txt"))
    assert [row.direction for row in review.rows] == ["inbound", "outbound", "inbound"]
    review.set_direction(2, CommDirection.outbound)  # the person's own choice stays
    changed = review.set_chat_customer(0, "Office")
    assert changed == [0, 1]
    assert [row.direction for row in review.rows] == ["outbound", "inbound", "outbound"]


# --- saving --------------------------------------------------------------------------------------


def test_saved_entries_and_attachments_as_the_backend_reads_them(
    qapp, tmp_path, anna, sync, db_path
):
    drop = tmp_path / "Downloads"
    mail = mf.email(drop / "offer.eml", attachments=[mf.offer_pdf(), mf.offer_pdf("Plan.pdf")])
    photo = files.image(drop / "roof.jpg")
    review = review_of(qapp, anna, mail, photo, sync_folder=sync)
    saved = save(review, anna, sync)
    assert len(saved.comms) == 1 and len(saved.media) == 3
    (entry,) = comm_rows(db_path)
    assert entry["type"] == "email" and entry["direction"] == "inbound"
    assert entry["subject"] == "Offer for the roof"
    assert entry["body"].startswith("Hello,")
    assert entry["occurred_at"] == "2026-02-14T17:22:05.000000"  # naive UTC, as the backend
    assert entry["ext_message_id"] == "<offer-1@acme.example>"
    assert entry["logged_by"] == "anna-user" and entry["customer_id"] == anna.customer_id
    assert entry["attachments"] == json.dumps(
        [
            {"filename": "Offer.pdf", "nextcloud_path": "/CRM/ACME/Offer.pdf"},
            {"filename": "Plan.pdf", "nextcloud_path": "/CRM/ACME/Plan.pdf"},
        ]
    )
    records = {row["nextcloud_path"]: row for row in media_rows(db_path)}
    assert set(records) == {"/CRM/ACME/Offer.pdf", "/CRM/ACME/Plan.pdf", "/CRM/ACME/roof.jpg"}
    assert records["/CRM/ACME/Offer.pdf"]["direction"] == "received"
    assert records["/CRM/ACME/Offer.pdf"]["mime_type"] == "application/pdf"
    assert records["/CRM/ACME/roof.jpg"]["uploaded_by"] == "anna-user"
    assert (sync / "CRM" / "ACME" / "Offer.pdf").read_bytes() == files.pdf_bytes()
    assert tree_of(sync / "CRM" / "ACME") == ["Offer.pdf", "Plan.pdf", "roof.jpg"]
    # The attachment's file is dated like its message.
    moment = (sync / "CRM" / "ACME" / "Offer.pdf").stat().st_mtime
    assert datetime.fromtimestamp(moment, UTC) == datetime(2026, 2, 14, 17, 22, 5, tzinfo=UTC)


def test_a_taken_attachment_name_gets_a_number(qapp, tmp_path, anna, sync, db_path):
    (sync / "CRM" / "ACME" / "Offer.pdf").write_bytes(b"someone else's")
    review = review_of(qapp, anna, mf.email(tmp_path / "a.eml", attachments=[mf.offer_pdf()]))
    save(review, anna, sync)
    (entry,) = comm_rows(db_path)
    assert json.loads(entry["attachments"]) == [
        {"filename": "Offer (2).pdf", "nextcloud_path": "/CRM/ACME/Offer (2).pdf"}
    ]
    assert (sync / "CRM" / "ACME" / "Offer.pdf").read_bytes() == b"someone else's"


def test_a_chat_zip_saves_its_media_with_their_messages(qapp, tmp_path, anna, sync, db_path):
    text = (
        "14/02/2026, 18:22 - Anna Müller: IMG-20260214-WA0001.jpg (file attached)\nThe roof\n"
        "14/02/2026, 18:25 - Office: Thanks\n"
    )
    photo = files.image(tmp_path / "p.jpg").read_bytes()
    archive = mf.chat_zip(
        tmp_path / "WhatsApp Chat with Anna Müller.zip", text, {"IMG-20260214-WA0001.jpg": photo}
    )
    review = review_of(qapp, anna, archive)
    save(review, anna, sync)
    rows = comm_rows(db_path)
    assert [(row["type"], row["direction"]) for row in rows] == [
        ("whatsapp", "inbound"),
        ("whatsapp", "outbound"),
    ]
    assert json.loads(rows[0]["attachments"]) == [
        {
            "filename": "IMG-20260214-WA0001.jpg",
            "nextcloud_path": "/CRM/ACME/IMG-20260214-WA0001.jpg",
        }
    ]
    assert rows[1]["attachments"] == "[]"
    assert (sync / "CRM" / "ACME" / "IMG-20260214-WA0001.jpg").read_bytes() == photo
    # Exported again with one more message: only that one is new.
    later = mf.chat_zip(
        tmp_path / "again" / "WhatsApp Chat with Anna Müller.zip",
        text + "15/02/2026, 09:00 - Anna Müller: See you\n",
        {"IMG-20260214-WA0001.jpg": photo},
    )
    review = review_of(qapp, anna, later)
    assert [row.status for row in review.rows] == [Status.logged, Status.logged, Status.new]
    save(review, anna, sync)
    assert len(comm_rows(db_path)) == 3
    assert len(media_rows(db_path)) == 1


def test_without_a_sync_folder_entries_are_logged_without_their_files(
    qapp, tmp_path, anna, db_path
):
    review = review_of(qapp, anna, mf.email(tmp_path / "a.eml", attachments=[mf.offer_pdf()]))
    saved = save(review, anna, None)
    assert saved.attachments_left_out == 1
    (entry,) = comm_rows(db_path)
    assert entry["attachments"] == "[]" and media_rows(db_path) == []


def test_a_cancelled_save_leaves_nothing(qapp, tmp_path, anna, sync, db_path):
    review = review_of(qapp, anna, mf.email(tmp_path / "a.eml", attachments=[mf.offer_pdf()]))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        save(review, anna, sync, cancel)
    assert comm_rows(db_path) == [] and media_rows(db_path) == []
    assert tree_of(sync / "CRM" / "ACME") == []


def test_a_failed_save_removes_the_copied_attachments(qapp, tmp_path, anna, sync, db_path):
    mail = mf.email(tmp_path / "a.eml", attachments=[mf.offer_pdf()])
    review = review_of(qapp, anna, mail)
    service.delete_customer(anna.customer_id)  # gone meanwhile: the write is refused
    with pytest.raises(service.InvalidInputError):
        save(review, anna, sync)
    assert comm_rows(db_path) == [] and media_rows(db_path) == []
    assert tree_of(sync / "CRM" / "ACME") == []


def test_a_source_changed_after_the_review_fails_the_save_in_words(
    qapp, tmp_path, anna, sync, db_path
):
    from crm_desktop.ui.drops.message_save import AttachmentError

    mail = mf.email(tmp_path / "a.eml", attachments=[mf.offer_pdf()])
    review = review_of(qapp, anna, mail)
    mail.write_bytes(mail.read_bytes() + b"\n")
    with pytest.raises(AttachmentError, match="changed or went away"):
        save(review, anna, sync)
    assert comm_rows(db_path) == [] and tree_of(sync / "CRM" / "ACME") == []


def test_entries_logged_meanwhile_are_left_out(qapp, tmp_path, anna, db_path):
    mail = mf.email(tmp_path / "a.eml")
    first, second = review_of(qapp, anna, mail), review_of(qapp, anna, mail)
    save(first, anna)
    saved = save(second, anna)
    assert saved.logged_meanwhile == 1 and saved.comms == []
    assert len(comm_rows(db_path)) == 1
