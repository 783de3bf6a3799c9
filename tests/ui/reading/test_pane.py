"""The reading pane below a real timeline, driven by clicks and keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QSplitter

from crm_desktop import service
from crm_desktop.ui import timefmt
from crm_desktop.ui.reading import ReadingPane, timeline_splitter
from crm_desktop.ui.reading.attachments import AttachmentModel, AttachmentRole
from crm_desktop.ui.timeline.panel import TimelinePanel
from tests.helpers.ui import catching_urls, show_active
from tests.ui.timeline.conftest import log

LONG_BODY = "\n\n".join(
    f"Absatz {number}: " + "Die Module auf dem Süddach sind verschmutzt. " * 8
    for number in range(12)
)


@pytest.fixture
def opened(qapp):
    """URLs the app asks the system to open (files, web links, mail), caught instead."""
    with catching_urls("file", "https", "mailto") as urls:
        yield urls


@pytest.fixture
def sync_folder(tmp_path: Path, context) -> Path:
    folder = tmp_path / "Nextcloud"
    (folder / "CRM" / "ACME").mkdir(parents=True)
    context.settings.nextcloud_folder = str(folder)
    return folder


class Window:
    def __init__(self, context) -> None:
        self.timeline = TimelinePanel(context)
        self.pane = ReadingPane(context)
        self.pane.follow(self.timeline.view)
        self.splitter: QSplitter = timeline_splitter(self.timeline, self.pane, context)


@pytest.fixture
def window(qtbot, context) -> Window:
    result = Window(context)
    qtbot.addWidget(result.splitter)
    result.splitter.resize(640, 900)
    show_active(qtbot, result.splitter)
    return result


def click_row(qtbot, window: Window, row: int) -> None:
    view = window.timeline.view
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shows(window: Window, comm_id: str) -> bool:
    return window.pane.entry is not None and window.pane.entry.id == comm_id


def test_a_long_email_is_read_whole_with_who_when_and_how(qtbot, window, customer_id):
    older = log(customer_id, subject="Short", body="Hi", occurred_at="2026-11-01T09:00:00")
    long_id = log(
        customer_id,
        type="email",
        direction="outbound",
        subject="Wartungsprotokoll 2026 mit allen Messwerten der Anlage und den Fotos " * 3,
        body=LONG_BODY,
        logged_by="Anna Schmidt",
        occurred_at="2026-11-25T13:30:00",
    )
    assert len(LONG_BODY) > 4000
    window.timeline.set_customer(customer_id, "ACME GmbH")
    # A customer's timeline shown afresh reads its newest entry.
    qtbot.waitUntil(lambda: shows(window, long_id))
    pane = window.pane
    assert pane.body.toPlainText() == LONG_BODY  # the whole text, not the timeline's preview
    assert pane.heading.text() == service.get_comm(long_id).subject
    assert pane.meta.text() == "E-mail · Outbound · logged by Anna Schmidt"
    assert pane.time.text() == timefmt.long("2026-11-25T13:30:00")
    assert "2026" in pane.time.text() and "November" in pane.time.text()
    # A long heading wraps inside the pane; it does not widen the splitter.
    assert window.splitter.width() == 640
    assert pane.heading.width() <= pane.width()
    # The text is selectable: all of it, by keyboard.
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert pane.body.textCursor().selectedText().replace("\u2029", "\n") == LONG_BODY
    click_row(qtbot, window, 1)
    qtbot.waitUntil(lambda: shows(window, older))
    assert pane.body.toPlainText() == "Hi"
    assert not pane.attachments.isVisible()


def test_keys_in_the_timeline_move_the_pane_along(qtbot, window, customer_id):
    first = log(customer_id, subject="First", occurred_at="2026-11-03T09:00:00")
    second = log(customer_id, subject="Second", occurred_at="2026-11-02T09:00:00")
    window.timeline.set_customer(customer_id, "ACME GmbH")
    qtbot.waitUntil(lambda: shows(window, first))
    window.timeline.view.setFocus()
    qtbot.keyClick(window.timeline.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shows(window, second))
    # Another way of choosing an entry (a search's jump) is followed as well.
    assert window.timeline.select_entry(first)
    qtbot.waitUntil(lambda: shows(window, first))


def test_an_edit_shows_at_once_and_a_delete_empties_the_pane(qtbot, window, context, customer_id):
    comm_id = log(customer_id, subject="Offer", body="Version 1")
    window.timeline.set_customer(customer_id, "ACME GmbH")
    qtbot.waitUntil(lambda: shows(window, comm_id))
    service.update_comm(comm_id, {"body": "Version 2"})
    context.events.comms_changed.emit(customer_id)
    qtbot.waitUntil(lambda: window.pane.body.toPlainText() == "Version 2")
    service.delete_comm(comm_id)
    context.events.comms_changed.emit(customer_id)
    qtbot.waitUntil(lambda: window.pane.entry is None)
    assert window.pane.stack.currentWidget() is window.pane.empty
    assert window.pane.empty.isVisible()


def test_messages_without_a_subject_are_headed_by_their_first_line(qtbot, window, customer_id):
    sms = log(
        customer_id,
        type="sms",
        subject=None,
        body="\n  Passt,  der Hausmeister schließt auf.\nBis morgen",
        occurred_at="2026-11-03T09:00:00",
    )
    call = log(customer_id, type="call", subject=None, body=None, occurred_at="2026-11-02T09:00")
    window.timeline.set_customer(customer_id, "ACME GmbH")
    qtbot.waitUntil(lambda: shows(window, sms))
    model = window.timeline.model
    assert model.index(0, 0).data() == "Passt, der Hausmeister schließt auf."
    assert model.index(1, 0).data() == "Call"  # no words at all: its type
    assert window.pane.heading.text() == "Passt, der Hausmeister schließt auf."
    assert "Bis morgen" in window.pane.body.toPlainText()  # the text itself stays whole
    click_row(qtbot, window, 1)
    qtbot.waitUntil(lambda: shows(window, call))
    assert window.pane.heading.text() == "Call"
    assert "(no subject)" not in window.pane.heading.text()


def test_links_in_the_text_open_in_the_browser_or_mail(qtbot, window, customer_id, opened):
    comm_id = log(
        customer_id,
        body="Details: https://example.com/angebot?id=7. <b>not bold</b>\nMail: info@acme.example",
    )
    window.timeline.set_customer(customer_id, "ACME GmbH")
    qtbot.waitUntil(lambda: shows(window, comm_id))
    body = window.pane.body
    assert "<b>not bold</b>" in body.toPlainText()  # escaped, not obeyed
    for text, url in (
        ("example.com/angebot", "https://example.com/angebot?id=7"),
        ("acme.example", "mailto:info@acme.example"),
    ):
        cursor = body.document().find(text)
        cursor.setPosition(cursor.selectionStart() + 2, QTextCursor.MoveMode.MoveAnchor)
        rect = body.cursorRect(cursor)
        qtbot.mouseClick(
            body.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(1, 0)
        )
        qtbot.waitUntil(lambda url=url: url in [u.toString() for u in opened])


def test_attachments_open_show_their_folder_and_copy_their_path(
    qtbot, window, customer_id, sync_folder, opened
):
    (sync_folder / "CRM" / "ACME" / "Angebot.pdf").write_bytes(b"%PDF-1.4")
    comm_id = log(
        customer_id,
        subject="Offer",
        attachments=[
            {"filename": "Angebot.pdf", "nextcloud_path": "/CRM/ACME/Angebot.pdf"},
            {"filename": "Plan.dwg", "nextcloud_path": "/CRM/ACME/Plan.dwg"},
        ],
    )
    window.timeline.set_customer(customer_id, "ACME GmbH")
    qtbot.waitUntil(lambda: shows(window, comm_id))
    box = window.pane.attachments
    assert box.isVisible() and box.heading.text() == "2 attachments"
    assert box.model.index(0, 0).data() == "Angebot.pdf"
    assert box.model.index(1, 0).data() == "Plan.dwg (not on this computer)"
    assert box.open_button.isVisible() and box.folder_button.isVisible()
    assert not box.status.isVisible()
    local = sync_folder.resolve() / "CRM" / "ACME" / "Angebot.pdf"
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == QUrl.fromLocalFile(str(local))
    qtbot.mouseClick(box.folder_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == QUrl.fromLocalFile(str(local.parent))
    qtbot.mouseClick(box.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "/CRM/ACME/Angebot.pdf"
    # The missing file says why, instead of offering buttons that cannot work.
    box.view.setFocus()
    qtbot.keyClick(box.view, Qt.Key.Key_Down)
    assert not box.open_button.isVisible() and not box.folder_button.isVisible()
    assert box.status.isVisible()
    assert box.status.text() == "Plan.dwg is not in the sync folder (/CRM/ACME/Plan.dwg)."
    count = len(opened)
    qtbot.keyClick(box.view, Qt.Key.Key_Return)
    assert len(opened) == count  # nothing to open
    qtbot.keyClick(box.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "/CRM/ACME/Plan.dwg"
    # Enter on a file that is here opens it.
    qtbot.keyClick(box.view, Qt.Key.Key_Up)
    qtbot.keyClick(box.view, Qt.Key.Key_Return)
    assert opened[-1] == QUrl.fromLocalFile(str(local))


def test_without_a_sync_folder_the_pane_says_where_to_set_it(qtbot, window, customer_id):
    comm_id = log(
        customer_id,
        attachments=[{"filename": "Angebot.pdf", "nextcloud_path": "/CRM/ACME/Angebot.pdf"}],
    )
    window.timeline.set_customer(customer_id, "ACME GmbH")
    qtbot.waitUntil(lambda: shows(window, comm_id))
    box = window.pane.attachments
    assert box.heading.text() == "1 attachment"
    assert "no Nextcloud sync folder is set" in box.status.text()
    assert box.status.isVisible() and not box.open_button.isVisible()


def test_the_attachment_model_passes_the_model_tester(qtmodeltester, tmp_path):
    from crm_desktop.ui.reading.attachments import AttachedFile

    model = AttachmentModel()
    model.set_files(
        [
            AttachedFile("a.pdf", "/CRM/a.pdf", tmp_path / "a.pdf"),
            AttachedFile("b.jpg", "/CRM/b.jpg", None),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(1, 0).data(AttachmentRole.LocalPath) is None
    assert model.index(0, 0).data(AttachmentRole.NextcloudPath) == "/CRM/a.pdf"


def test_the_split_between_timeline_and_pane_is_remembered(qtbot, context):
    first = Window(context)
    qtbot.addWidget(first.splitter)
    first.splitter.resize(600, 800)
    show_active(qtbot, first.splitter)
    handle = first.splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start + QPoint(0, -200))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(0, -200))
    sizes = first.splitter.sizes()
    assert sizes[1] > sizes[0]
    first.splitter.close()
    second = Window(context)
    qtbot.addWidget(second.splitter)
    second.splitter.resize(600, 800)
    show_active(qtbot, second.splitter)
    assert second.splitter.sizes() == sizes
