"""Message files dropped through real drag events: on the timeline, on a customer's row, vCards
on the customer list; the review, the save, and the rows as the backend reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt

from crm_desktop import service
from crm_desktop.models import CommDirection
from crm_desktop.ui.customers.panel import CustomerPanel
from crm_desktop.ui.drops.dialog import MediaDropDialog
from crm_desktop.ui.drops.message_dialog import (
    ContactDropDialog,
    MessageDropDialog,
    Stage,
)
from crm_desktop.ui.drops.message_model import (
    ContactColumn,
    ContactReviewModel,
    MessageColumn,
    MessageReviewModel,
)
from crm_desktop.ui.drops.message_review import Status
from crm_desktop.ui.timeline.panel import TimelinePanel
from tests.helpers import backend, files
from tests.helpers import message_files as mf
from tests.helpers.drag import drop, hover
from tests.helpers.ui import show_active
from tests.ui.drops.conftest import tree_of


def opened(qtbot, target, kind=MessageDropDialog):
    """The review a drop opened, once it has read the files."""
    qtbot.waitUntil(lambda: isinstance(target.dialog, kind))
    dialog = target.dialog
    qtbot.waitUntil(lambda: dialog.stage == Stage.review, timeout=20_000)
    return dialog


def save(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=20_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def comm_rows(db_path: Path) -> list[dict]:
    with backend.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT * FROM crm_comms_log ORDER BY occurred_at, subject"
        ).fetchall()
    return [dict(row) for row in rows]


def media_rows(db_path: Path) -> list[dict]:
    with backend.connect(db_path) as connection:
        rows = connection.execute("SELECT * FROM crm_media ORDER BY nextcloud_path").fetchall()
    return [dict(row) for row in rows]


def statuses(dialog) -> list[str]:
    model = dialog.model
    return [model.index(row, MessageColumn.status).data() for row in range(model.rowCount())]


def close_open_dialog(target) -> None:
    dialog = target.dialog
    if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
        dialog.done(0)  # waits for its worker: nothing runs on after the test


@pytest.fixture
def timeline(qtbot, context, customer_id, sync_folder) -> TimelinePanel:
    panel = TimelinePanel(context)
    qtbot.addWidget(panel)
    panel.resize(700, 600)
    panel.set_customer(customer_id, "ACME GmbH")
    show_active(qtbot, panel)
    yield panel
    close_open_dialog(panel.drops)


@pytest.fixture
def customers(qtbot, context, customer_id, sync_folder) -> CustomerPanel:
    for name in ("Beta AG", "Gamma KG"):
        service.create_customer({"name": name, "nextcloud_folder": f"/CRM/{name}"})
    panel = CustomerPanel(context)
    qtbot.addWidget(panel)
    panel.resize(400, 400)
    show_active(qtbot, panel)
    yield panel
    close_open_dialog(panel.drops)


def row_point(panel: CustomerPanel, row: int) -> QPoint:
    return panel.view.visualRect(panel.model.index(row, 0)).center()


# --- e-mails on the timeline ---------------------------------------------------------------------


def test_an_email_dropped_on_the_timeline_is_logged_with_its_attachment(
    qtbot, timeline, customer_id, incoming, sync_folder, db_path, settings
):
    settings.office_addresses = "@roofing.example"
    mail = mf.email(
        incoming / "offer.eml",
        sender="Anna <info@acme.example>",
        attachments=[mf.offer_pdf()],
    )
    viewport = timeline.view.viewport() if timeline.view.isVisible() else timeline.empty_page
    _enter, move, event = drop(viewport, files.files_mime(mail))
    assert move.isAccepted() and event.isAccepted()
    assert event.dropAction() == Qt.DropAction.CopyAction
    dialog = opened(qtbot, timeline.drops)
    assert dialog.windowTitle() == "Log messages for ACME GmbH"
    model = dialog.model
    assert [model.index(0, column).data() for column in MessageColumn][1:6] == [
        "ACME GmbH",
        "E-mail",
        "Inbound",
        model.index(0, MessageColumn.when).data(),
        "Offer for the roof",
    ]
    assert statuses(dialog) == ["New"]
    assert dialog.save_button.text() == "Log 1 message"
    with qtbot.waitSignal(timeline.count_changed, timeout=20_000):
        save(qtbot, dialog)
    (entry,) = comm_rows(db_path)
    assert entry["customer_id"] == customer_id and entry["direction"] == "inbound"
    assert entry["occurred_at"] == "2026-02-14T17:22:05.000000"
    assert entry["logged_by"] == "anna"
    assert json.loads(entry["attachments"]) == [
        {"filename": "Offer.pdf", "nextcloud_path": "/CRM/ACME/Offer.pdf"}
    ]
    (record,) = media_rows(db_path)
    assert record["nextcloud_path"] == "/CRM/ACME/Offer.pdf" and record["uploaded_by"] == "anna"
    assert (sync_folder / "CRM" / "ACME" / "Offer.pdf").read_bytes() == files.pdf_bytes()
    assert timeline.model.rowCount() == 1  # the timeline shows it

    # The same file dropped again adds nothing.
    drop(timeline.view.viewport(), files.files_mime(mail))
    dialog = opened(qtbot, timeline.drops)
    assert statuses(dialog) == ["Already logged: skipped"]
    assert not dialog.save_button.isEnabled()
    assert "1 already logged" in dialog.summary.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert len(comm_rows(db_path)) == 1 and len(media_rows(db_path)) == 1


def test_the_direction_can_be_changed_before_saving(qtbot, timeline, incoming, db_path):
    mail = mf.email(incoming / "a.eml", sender="x@else.example", to="y@elsewhere.example")
    drop(timeline.empty_page, files.files_mime(mail))
    dialog = opened(qtbot, timeline.drops)
    direction = dialog.model.index(0, MessageColumn.direction)
    assert direction.data() == "Inbound?"  # guessed: neither side is known
    assert direction.data(Qt.ItemDataRole.FontRole).italic()
    assert dialog.model.setData(direction, str(CommDirection.outbound))
    assert direction.data() == "Outbound"
    save(qtbot, dialog)
    assert comm_rows(db_path)[0]["direction"] == "outbound"


def test_no_customer_on_the_timeline_refuses_the_drop(qtbot, context, prompts, incoming):
    panel = TimelinePanel(context)
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    _enter, _move, event = drop(panel.empty_page, files.files_mime(mf.email(incoming / "a.eml")))
    assert not event.isAccepted() and panel.drops.dialog is None
    assert prompts.asked[0].kind == "inform" and "No customer is chosen" in prompts.asked[0].text


# --- on a customer's row -------------------------------------------------------------------------


def test_messages_on_a_row_belong_to_that_customer_and_other_files_become_media(
    qtbot, customers, incoming, db_path, sync_folder
):
    gamma = customers.model.loaded_rows[2].id
    mail = mf.email(incoming / "offer.eml", attachments=[mf.offer_pdf()])
    photo = files.image(incoming / "roof.jpg")
    bad_name = files.image(incoming / "roof\nphoto.jpg")  # a name with a line break
    _enter, _move, event = drop(
        customers.view.viewport(), files.files_mime(mail, photo, bad_name), row_point(customers, 2)
    )
    assert event.isAccepted()
    dialog = opened(qtbot, customers.drops)
    assert dialog.windowTitle() == "Log messages for Gamma KG"
    assert statuses(dialog)[:2] == ["New", "New file for the media"]
    assert statuses(dialog)[2].startswith("Not recorded: the name contains characters")
    assert dialog.save_button.text() == "Save (2)"
    save(qtbot, dialog)
    (entry,) = comm_rows(db_path)
    assert entry["customer_id"] == gamma
    paths = [row["nextcloud_path"] for row in media_rows(db_path)]
    assert paths == ["/CRM/Gamma KG/Offer.pdf", "/CRM/Gamma KG/roof.jpg"]
    assert tree_of(sync_folder / "CRM" / "Gamma KG") == ["Offer.pdf", "roof.jpg"]
    assert customers.current_id == gamma


def test_a_txt_that_is_no_chat_goes_to_the_media_review(qtbot, customers, incoming):
    notes = files.text(incoming / "notes.txt")
    drop(customers.view.viewport(), files.files_mime(notes), row_point(customers, 1))
    qtbot.waitUntil(lambda: isinstance(customers.drops.dialog, MediaDropDialog), timeout=20_000)
    assert customers.drops.dialog.windowTitle() == "Record files for Beta AG"


def test_a_chat_dropped_on_a_row(qtbot, customers, incoming, db_path):
    beta = customers.model.loaded_rows[1].id
    chat = mf.chat_text(
        incoming / "WhatsApp Chat with Beta.txt",
        "14/02/2026, 18:22 - Beta: Hello\n14/02/2026, 18:25 - Office: Hi Beta\n",
    )
    drop(customers.view.viewport(), files.files_mime(chat), row_point(customers, 1))
    dialog = opened(qtbot, customers.drops)
    (choice,) = dialog.chat_choices
    assert choice.currentData() == "Beta"  # the chat is named after the customer
    assert [dialog.model.index(r, MessageColumn.direction).data() for r in range(2)] == [
        "Inbound",
        "Outbound",
    ]
    choice.setCurrentIndex(choice.findData("Office"))
    assert [dialog.model.index(r, MessageColumn.direction).data() for r in range(2)] == [
        "Outbound",
        "Inbound",
    ]
    choice.setCurrentIndex(choice.findData("Beta"))
    save(qtbot, dialog)
    rows = comm_rows(db_path)
    assert [(r["type"], r["direction"], r["body"]) for r in rows] == [
        ("whatsapp", "inbound", "Hello"),
        ("whatsapp", "outbound", "Hi Beta"),
    ]
    assert all(r["customer_id"] == beta and r["subject"] is None for r in rows)


# --- bad files -----------------------------------------------------------------------------------


def test_bad_files_each_say_why_and_nothing_of_them_is_written(
    qtbot, timeline, incoming, db_path, sync_folder
):
    bad = [
        mf.junk(incoming / "junk.eml"),
        mf.truncated_msg(incoming / "truncated.msg"),
        mf.chat_text(incoming / "WhatsApp Chat with Anna.txt", ""),  # an empty chat
        mf.truncated_zip(incoming / "WhatsApp Chat with Bob.zip"),  # cannot be opened
        mf.chat_text(incoming / "WhatsApp Chat with Carl.txt", "just some text\n"),
    ]
    # A name with a line break: the file's, and (encoded, as Outlook writes it) its attachment's.
    good = mf.email_with_raw_attachment_name(
        incoming / "Offer\nfinal.eml", "=?utf-8?q?Plan=0AA.pdf?="
    )
    drop(timeline.empty_page, files.files_mime(*bad, good))
    dialog = opened(qtbot, timeline.drops)
    reasons = dict(zip([p.name for p in bad], statuses(dialog)[:5], strict=True))
    assert reasons == {
        "junk.eml": "Unreadable: This is not an e-mail: it does not start with mail headers.",
        "truncated.msg": reasons["truncated.msg"],
        "WhatsApp Chat with Anna.txt": "Unreadable: The file is empty.",
        "WhatsApp Chat with Bob.zip": reasons["WhatsApp Chat with Bob.zip"],
        "WhatsApp Chat with Carl.txt": (
            "Unreadable: This is not a WhatsApp chat export: no line starts with a date and a time."
        ),
    }
    assert reasons["truncated.msg"].startswith("Unreadable: ")
    assert "damaged" in reasons["WhatsApp Chat with Bob.zip"]
    assert "5 unreadable" in dialog.summary.text()
    # The reason in full in the pane under the table.
    dialog.table.select_row(0)
    assert "does not start with mail headers" in dialog.details.text()
    assert dialog.save_button.text() == "Log 1 message"
    save(qtbot, dialog)
    (entry,) = comm_rows(db_path)
    assert json.loads(entry["attachments"]) == [
        {"filename": "Plan A.pdf", "nextcloud_path": "/CRM/ACME/Plan A.pdf"}
    ]
    assert tree_of(sync_folder / "CRM" / "ACME") == ["Plan A.pdf"]


@pytest.mark.slow
def test_a_50_mb_attachment_is_left_out_with_its_reason(qtbot, timeline, incoming, db_path):
    mail = mf.email(
        incoming / "video.eml", attachments=[("walkthrough.mp4", b"\0" * 50_000_000, "video/mp4")]
    )
    drop(timeline.empty_page, files.files_mime(mail))
    dialog = opened(qtbot, timeline.drops)
    (status,) = statuses(dialog)
    assert "walkthrough.mp4 (50.0 MB) was left out" in status
    save(qtbot, dialog)
    (entry,) = comm_rows(db_path)
    assert entry["attachments"] == "[]" and media_rows(db_path) == []


def test_cancel_during_the_review_writes_nothing(qtbot, timeline, incoming, db_path):
    drop(timeline.empty_page, files.files_mime(mf.email(incoming / "a.eml")))
    dialog = opened(qtbot, timeline.drops)
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert comm_rows(db_path) == []


# --- vCards on the customer list -----------------------------------------------------------------


def test_vcards_dropped_on_the_list_become_customers(qtbot, customers, incoming, db_path):
    cards = mf.vcard(
        incoming / "contacts.vcf",
        {"FN": "Dora Neu", "EMAIL": "dora@example.com", "TEL": "+49 30 1234567"},
        {"FN": "ACME again", "EMAIL": "INFO@acme.example"},  # the e-mail of ACME GmbH
    )
    viewport = customers.view.viewport()
    below = QPoint(10, viewport.height() - 5)  # between no rows: vCards go anywhere
    _enter, move = hover(viewport, files.files_mime(cards), below)
    assert move.isAccepted() and customers.drops.highlight.isVisible()
    _enter, _move, event = drop(viewport, files.files_mime(cards), below)
    assert event.isAccepted()
    dialog = opened(qtbot, customers.drops, ContactDropDialog)
    model = dialog.model
    assert [model.index(r, ContactColumn.status).data() for r in range(2)] == [
        "New customer",
        "Already in the list as ACME GmbH",
    ]
    assert dialog.save_button.text() == "Add 1 customer"
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: customers.model.rowCount() == 4)
    assert customers.current_id == dialog.saved_ids[0]  # the new customer is shown
    with backend.connect(db_path) as connection:
        (row,) = connection.execute("SELECT * FROM crm_customers WHERE name = 'Dora Neu'")
    assert row["email"] == "dora@example.com" and row["phone"] == "+49 30 1234567"
    assert row["nextcloud_folder"] == "/CRM/Customers/Dora Neu"
    assert service.count_customers() == 4


# --- the models ----------------------------------------------------------------------------------


def test_the_review_models_pass_the_model_tester(qtmodeltester, qapp, db_path, tmp_path):
    from crm_desktop.ui.drops.contact_review import read_contacts
    from crm_desktop.ui.drops.items import from_urls
    from crm_desktop.ui.drops.message_review import Perspective, read_drop

    customer = service.create_customer({"name": "Anna Müller", "email": "anna@acme.example"})
    review = read_drop(
        from_urls(
            [
                mf.email(tmp_path / "a.eml", attachments=[mf.offer_pdf()]),
                mf.chat_text(tmp_path / "WhatsApp Chat with Anna Müller.txt"),
                mf.junk(tmp_path / "junk.msg"),
                files.image(tmp_path / "a.jpg"),
            ]
        ),
        Perspective(customer.id, customer.name, customer.email),
    )
    assert review.rows[0].status is Status.new
    model = MessageReviewModel("Anna Müller")
    model.set_review(review, copying=True)
    qtmodeltester.check(model)
    contacts = ContactReviewModel()
    contacts.set_review(read_contacts(from_urls([mf.vcard(tmp_path / "a.vcf", {"FN": "A"})]), None))
    qtmodeltester.check(contacts)


def test_the_timeline_says_what_a_drag_becomes_and_takes_other_files_as_media(
    qtbot, timeline, incoming
):
    target = timeline.drops
    hover(timeline.empty_page, files.files_mime(mf.email(incoming / "a.eml")))
    assert target.highlight.text == "Drop to log the messages for ACME GmbH"
    photo = files.image(incoming / "roof.jpg")
    hover(timeline.empty_page, files.files_mime(photo))
    assert target.highlight.text == "Drop to record the files for ACME GmbH"
    drop(timeline.empty_page, files.files_mime(photo))
    qtbot.waitUntil(lambda: isinstance(target.dialog, MediaDropDialog), timeout=20_000)


def test_an_outlook_message_and_a_chat_zip_dropped_on_a_row(
    qtbot, customers, incoming, db_path, sync_folder
):
    beta = customers.model.loaded_rows[1].id
    outlook = mf.msg_sample(incoming)
    photo = files.image(incoming / "p.jpg").read_bytes()
    archive = mf.chat_zip(
        incoming / "WhatsApp Chat with Beta.zip",
        "14/02/2026, 18:22 - Beta: IMG-20260214-WA0001.jpg (file attached)\nThe roof\n"
        "14/02/2026, 18:25 - Office: Thanks\n",
        {"IMG-20260214-WA0001.jpg": photo},
    )
    drop(customers.view.viewport(), files.files_mime(outlook, archive), row_point(customers, 1))
    dialog = opened(qtbot, customers.drops)
    assert statuses(dialog) == ["New", "New", "New"]
    save(qtbot, dialog)
    rows = comm_rows(db_path)
    assert sorted((r["type"], r["customer_id"]) for r in rows) == [
        ("email", beta),
        ("whatsapp", beta),
        ("whatsapp", beta),
    ]
    (mail,) = [r for r in rows if r["type"] == "email"]
    listed = json.loads(mail["attachments"])
    assert listed and all(a["nextcloud_path"].startswith("/CRM/Beta AG/") for a in listed)
    (chat,) = [r for r in rows if r["attachments"] != "[]" and r["type"] == "whatsapp"]
    assert json.loads(chat["attachments"]) == [
        {
            "filename": "IMG-20260214-WA0001.jpg",
            "nextcloud_path": "/CRM/Beta AG/IMG-20260214-WA0001.jpg",
        }
    ]
    stored = {row["nextcloud_path"] for row in media_rows(db_path)}
    assert stored == {a["nextcloud_path"] for a in listed} | {
        "/CRM/Beta AG/IMG-20260214-WA0001.jpg"
    }
    for path in stored:
        assert (sync_folder / path.lstrip("/")).is_file()


def test_cancel_while_saving_leaves_nothing_and_keeps_the_review(
    qtbot, timeline, incoming, db_path, sync_folder, monkeypatch
):
    from crm_desktop.ui.drops import copying

    # Copies a byte at a time: the save is still copying when Cancel is pressed.
    monkeypatch.setattr(copying, "CHUNK", 1)
    mails = [
        mf.email(incoming / f"m{n}.eml", message_id=f"<m{n}@x>", attachments=[mf.offer_pdf()])
        for n in range(20)
    ]
    drop(timeline.empty_page, files.files_mime(*mails))
    dialog = opened(qtbot, timeline.drops)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (sync_folder / "CRM" / "ACME" / "Offer.pdf").exists())
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stage == Stage.review, timeout=20_000)
    assert dialog.isVisible() and "Cancelled" in dialog.status.text()
    assert comm_rows(db_path) == [] and media_rows(db_path) == []
    assert tree_of(sync_folder / "CRM" / "ACME") == []
    assert dialog.save_button.isEnabled()  # the review is as it was: save again


def test_collections_look_at_everything_again_once_the_review_is_gone(qtbot, timeline, incoming):
    import gc

    drop(timeline.empty_page, files.files_mime(mf.email(incoming / "a.eml")))
    dialog = opened(qtbot, timeline.drops)
    assert gc.get_freeze_count() > 0  # the app's objects set aside while the review is open
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert gc.get_freeze_count() == 0
