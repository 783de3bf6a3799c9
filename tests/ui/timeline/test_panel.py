"""The timeline panel driven as a user would, checked in the view and in the SQLite file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QPushButton, QToolButton

from crm_desktop import service
from crm_desktop.ui.timeline import panel as panel_module
from crm_desktop.ui.timeline.composer import CommDialog
from crm_desktop.ui.timeline.panel import TimelinePanel
from tests.helpers import backend
from tests.ui.timeline.conftest import log, raw_row


@pytest.fixture
def panel(qtbot, context) -> TimelinePanel:
    result = TimelinePanel(context)
    qtbot.addWidget(result)
    result.resize(700, 800)
    with qtbot.waitActive(result):
        result.show()
        result.activateWindow()
    return result


@pytest.fixture
def entries(customer_id) -> dict[str, str]:
    """Subject -> id, newest first: "Offer" (e-mail out), "Site visit" (call out), ..."""
    result = {}
    for day, (kind, direction, subject, body) in enumerate(
        [
            ("email", "inbound", "Question about the roof", "Is the roof included?"),
            ("note", "internal", "Prefers mornings", "Call before noon"),
            ("call", "outbound", "Site visit", "Agreed on Thursday"),
            ("email", "outbound", "Offer", "Please find the offer attached"),
        ],
        start=1,
    ):
        result[subject] = log(
            customer_id,
            type=kind,
            direction=direction,
            subject=subject,
            body=body,
            occurred_at=f"2026-11-0{day}T12:00:00",
        )
    return result


def shown(panel: TimelinePanel) -> list[str]:
    return [entry.subject or "" for entry in panel.model.loaded_rows]


def select(panel: TimelinePanel, comm_id: str) -> None:
    panel.view.setFocus()
    assert panel.select_entry(comm_id)


def test_the_panel_names_its_parts(panel):
    assert panel.objectName() == "timelinePanel"
    assert panel.findChild(QListView, "commsTimeline") is panel.view
    assert isinstance(panel.findChild(QPushButton, "logCommButton"), QPushButton)
    assert isinstance(panel.findChild(QLineEdit, "timelineSearch"), QLineEdit)
    for name in ["email", "whatsapp", "call", "sms", "note", "in_person"]:
        assert panel.findChild(QToolButton, f"typeFilter_{name}").accessibleName()
    for name in ["inbound", "outbound", "internal"]:
        assert panel.findChild(QToolButton, f"directionFilter_{name}").isCheckable()
    assert panel.actions() == [
        panel.log_action,
        panel.edit_action,
        panel.copy_action,
        panel.delete_action,
    ]
    assert panel.view.uniformItemSizes()
    assert panel.view.verticalScrollMode() == QListView.ScrollMode.ScrollPerPixel
    assert panel.view.selectionMode() == QListView.SelectionMode.SingleSelection


def empty_text(panel: TimelinePanel) -> str | None:
    label = panel.findChild(QLabel, "timelineEmpty")
    return label.text() if label.isVisible() else None


def test_without_a_customer_it_says_to_choose_one(panel):
    assert empty_text(panel) == "Choose a customer on the left"
    assert not panel.log_action.isEnabled()
    assert not panel.findChild(QPushButton, "logCommButton").isEnabled()
    assert panel.open_log_dialog() is None


def test_a_customer_without_entries_says_how_to_log_one(qtbot, panel, customer_id):
    with qtbot.waitSignal(panel.count_changed) as counted:
        panel.set_customer(customer_id, "ACME GmbH")
    assert counted.args == [0]
    assert empty_text(panel) == (
        "No communications yet: press Ctrl+N to log one, or drop e-mails and WhatsApp chats here"
    )
    assert panel.findChild(QLabel, "timelineTitle").text() == "ACME GmbH"
    assert panel.log_action.isEnabled()


def test_the_entries_show_newest_first_with_their_count(qtbot, panel, entries, customer_id):
    with qtbot.waitSignal(panel.count_changed) as counted:
        panel.set_customer(customer_id, "ACME GmbH")
    assert counted.args == [4]
    assert shown(panel) == ["Offer", "Site visit", "Prefers mornings", "Question about the roof"]
    assert empty_text(panel) is None and panel.view.isVisible()
    assert panel.findChild(QLabel, "timelineCount").text() == "4 communications"


def test_the_toggle_buttons_filter_by_type_and_direction(qtbot, panel, entries, customer_id):
    panel.set_customer(customer_id, "ACME GmbH")
    email = panel.findChild(QToolButton, "typeFilter_email")
    call = panel.findChild(QToolButton, "typeFilter_call")
    outbound = panel.findChild(QToolButton, "directionFilter_outbound")

    with qtbot.waitSignal(panel.count_changed) as counted:
        qtbot.mouseClick(email, Qt.MouseButton.LeftButton)
    assert counted.args == [2]
    assert shown(panel) == ["Offer", "Question about the roof"]
    qtbot.mouseClick(call, Qt.MouseButton.LeftButton)
    assert shown(panel) == ["Offer", "Site visit", "Question about the roof"]
    qtbot.mouseClick(outbound, Qt.MouseButton.LeftButton)
    assert shown(panel) == ["Offer", "Site visit"]
    qtbot.mouseClick(panel.findChild(QToolButton, "typeFilter_sms"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(email, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(call, Qt.MouseButton.LeftButton)
    assert shown(panel) == []
    assert empty_text(panel).startswith("Nothing matches the filters")
    # None checked means all.
    for name in ("typeFilter_sms", "directionFilter_outbound"):
        qtbot.mouseClick(panel.findChild(QToolButton, name), Qt.MouseButton.LeftButton)
    assert len(shown(panel)) == 4


def test_typing_in_the_search_filters_after_a_pause(qtbot, panel, entries, customer_id):
    panel.set_customer(customer_id, "ACME GmbH")
    search = panel.findChild(QLineEdit, "timelineSearch")
    search.setFocus()
    qtbot.keyClicks(search, "roof")
    qtbot.waitUntil(lambda: shown(panel) == ["Question about the roof"])
    search.clear()
    qtbot.keyClicks(search, "zzz")
    qtbot.waitUntil(lambda: (empty_text(panel) or "").startswith("Nothing matches the filters"))


def test_del_deletes_the_selected_entry_and_undo_restores_it_byte_for_byte(
    qtbot, context, panel, entries, customer_id, db_path
):
    panel.set_customer(customer_id, "ACME GmbH")
    target = entries["Site visit"]
    before = raw_row(db_path, target)
    select(panel, target)

    with qtbot.waitSignal(context.events.comms_changed):
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert raw_row(db_path, target) is None
    assert shown(panel) == ["Offer", "Prefers mornings", "Question about the roof"]
    assert context.undo_stack.undoText() == "Delete communication “Site visit”"

    context.undo_stack.undo()
    assert raw_row(db_path, target) == before
    assert shown(panel) == ["Offer", "Site visit", "Prefers mornings", "Question about the roof"]
    context.undo_stack.redo()
    assert raw_row(db_path, target) is None


def test_del_elsewhere_does_not_delete(qtbot, panel, entries, customer_id, db_path):
    panel.set_customer(customer_id, "ACME GmbH")
    select(panel, entries["Offer"])
    # Del with the focus outside the timeline (here a filter button) is not the timeline's.
    button = panel.findChild(QToolButton, "typeFilter_email")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Delete)
    assert raw_row(db_path, entries["Offer"]) is not None
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert raw_row(db_path, entries["Offer"]) is None


def test_deleting_an_entry_already_gone_is_reported(
    qtbot, context, panel, prompts, entries, customer_id
):
    panel.set_customer(customer_id, "ACME GmbH")
    select(panel, entries["Offer"])
    service.delete_comm(entries["Offer"])  # someone else was quicker
    panel.delete_selected()
    assert [type(exc).__name__ for exc in prompts.errors] == ["NotFoundError"]
    prompts.errors.clear()
    assert context.undo_stack.count() == 0
    assert "Offer" not in shown(panel)


def open_dialog(qtbot, panel: TimelinePanel) -> CommDialog:
    """The one dialog the panel opened, made the active window as a window manager would."""
    dialogs = [d for d in panel.findChildren(CommDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_opens_the_selected_entry(qtbot, panel, entries, customer_id, key):
    panel.set_customer(customer_id, "ACME GmbH")
    select(panel, entries["Site visit"])
    qtbot.keyClick(panel.view, key)
    dialog = open_dialog(qtbot, panel)
    assert dialog.comm is not None and dialog.comm.id == entries["Site visit"]
    assert dialog.body.toPlainText() == "Agreed on Thursday"  # the whole record, not a preview


def test_double_click_opens_the_entry(qtbot, panel, entries, customer_id):
    panel.set_customer(customer_id, "ACME GmbH")
    index = panel.model.index(panel.model.find_row(entries["Offer"]), 0)
    position = panel.view.visualRect(index).center()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert open_dialog(qtbot, panel).comm.id == entries["Offer"]


def test_an_edit_through_the_panel_updates_the_timeline(
    qtbot, panel, entries, customer_id, db_path
):
    panel.set_customer(customer_id, "ACME GmbH")
    select(panel, entries["Offer"])
    assert panel.open_edit_dialog() is open_dialog(qtbot, panel)
    dialog = open_dialog(qtbot, panel)
    dialog.subject.selectAll()
    qtbot.keyClicks(dialog.subject, "Offer v2")
    qtbot.keyClick(dialog.subject, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert raw_row(db_path, entries["Offer"])["subject"] == "Offer v2"
    assert shown(panel)[0] == "Offer v2"
    assert panel.current_entry().id == entries["Offer"]


def test_ctrl_n_logs_a_communication_that_then_is_selected(
    qtbot, panel, entries, customer_id, db_path
):
    panel.set_customer(customer_id, "ACME GmbH")
    panel.findChild(QLineEdit, "timelineSearch").setFocus()  # anywhere in the window
    qtbot.keyClick(panel, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, panel)
    assert dialog.is_new
    dialog.subject.setFocus()
    qtbot.keyClicks(dialog.subject, "Just now")
    with qtbot.waitSignal(panel.count_changed) as counted:
        qtbot.keyClick(dialog.subject, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert counted.args == [5]
    assert shown(panel)[0] == "Just now"
    assert panel.current_entry().subject == "Just now"
    assert panel.current_entry().logged_by == "anna"


def test_the_log_button_opens_the_dialog(qtbot, panel, customer_id):
    panel.set_customer(customer_id, "ACME GmbH")
    qtbot.mouseClick(panel.findChild(QPushButton, "logCommButton"), Qt.MouseButton.LeftButton)
    assert open_dialog(qtbot, panel).is_new


def test_edit_and_delete_need_a_selected_entry(qtbot, panel, entries, customer_id):
    panel.set_customer(customer_id, "ACME GmbH")
    assert not panel.edit_action.isEnabled() and not panel.delete_action.isEnabled()
    assert panel.open_edit_dialog() is None
    select(panel, entries["Offer"])
    assert panel.edit_action.isEnabled() and panel.delete_action.isEnabled()


def test_tabbing_into_the_timeline_selects_the_first_entry(qtbot, panel, entries, customer_id):
    panel.set_customer(customer_id, "ACME GmbH")
    panel.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: panel.current_entry() is not None)
    assert panel.current_entry().subject == "Offer"


def test_changes_from_elsewhere_refresh_and_keep_the_selection(
    qtbot, context, panel, entries, customer_id, db_path
):
    panel.set_customer(customer_id, "ACME GmbH")
    select(panel, entries["Prefers mornings"])
    with backend.connect(db_path) as connection:
        backend.insert_comm(
            connection, customer_id, subject="From the web", occurred_at="2026-12-01"
        )
    with qtbot.waitSignal(panel.count_changed) as counted:
        context.events.comms_changed.emit("")
    assert counted.args == [5]
    assert shown(panel)[0] == "From the web"
    assert panel.current_entry().id == entries["Prefers mornings"]


def test_changes_of_another_customer_are_ignored(qtbot, context, panel, entries, customer_id):
    panel.set_customer(customer_id, "ACME GmbH")
    other = service.create_customer({"name": "Beta AG"}).id
    log(customer_id, subject="not yet shown")
    with qtbot.assertNotEmitted(panel.count_changed):
        context.events.comms_changed.emit(other)
    assert "not yet shown" not in shown(panel)


def test_a_failing_load_is_reported(qtbot, monkeypatch, panel, prompts, customer_id):
    def locked(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(panel_module.service, "count_timeline", locked)
    monkeypatch.setattr(panel.model, "fetch_page", locked)
    panel.set_customer(customer_id, "ACME GmbH")
    assert [str(exc) for exc in prompts.errors] == ["database is locked"]  # said once
    prompts.errors.clear()
    assert shown(panel) == []


def test_choosing_the_same_customer_again_keeps_the_selection(qtbot, panel, entries, customer_id):
    panel.set_customer(customer_id, "ACME GmbH")
    select(panel, entries["Site visit"])
    log(customer_id, subject="Newest", occurred_at="2026-12-01T00:00:00")
    with qtbot.assertNotEmitted(panel.model.modelReset):
        panel.set_customer(customer_id, "ACME AG")
    assert panel.findChild(QLabel, "timelineTitle").text() == "ACME AG"
    assert shown(panel)[0] == "Newest"
    assert panel.current_entry().id == entries["Site visit"]


def test_the_actions_are_ready_for_the_main_windows_menus(panel):
    assert panel.log_action.shortcut().toString() == "Ctrl+N"
    assert panel.log_action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    assert panel.delete_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert [key.toString() for key in panel.edit_action.shortcuts()] == ["Return", "Enter"]
    assert all(action.text() for action in panel.actions())
