"""Deleting a communication through the undo stack."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from crm_desktop import service
from crm_desktop.ui.timeline import commands
from crm_desktop.ui.timeline.commands import DeleteCommCommand
from tests.ui.timeline.conftest import log, raw_row


def test_delete_undo_redo(qtbot, context, customer_id, db_path):
    comm_id = log(
        customer_id, subject="Offer", attachments=[{"filename": "a", "nextcloud_path": "/a"}]
    )
    before = raw_row(db_path, comm_id)
    widget = QWidget()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(context.events.comms_changed) as changed:
        context.undo_stack.push(DeleteCommCommand(context, comm_id, customer_id, "Offer", widget))
    assert changed.args == [customer_id]
    assert raw_row(db_path, comm_id) is None
    context.undo_stack.undo()
    assert raw_row(db_path, comm_id) == before
    # An edit after the undo is what a redo deletes, and what the next undo brings back.
    service.update_comm(comm_id, {"subject": "Offer v2"})
    context.undo_stack.redo()
    assert raw_row(db_path, comm_id) is None
    context.undo_stack.undo()
    assert raw_row(db_path, comm_id)["subject"] == "Offer v2"


def test_a_failed_delete_is_reported_and_not_kept(qtbot, context, prompts, customer_id):
    widget = QWidget()
    qtbot.addWidget(widget)
    context.undo_stack.push(DeleteCommCommand(context, "no-such-id", customer_id, "x", widget))
    assert context.undo_stack.count() == 0
    assert [type(exc).__name__ for exc in prompts.errors] == ["NotFoundError"]
    prompts.errors.clear()


def test_an_error_after_the_panel_is_gone_has_no_parent(qtbot, monkeypatch, context, customer_id):
    comm_id = log(customer_id, subject="Offer")
    widget = QWidget()
    context.undo_stack.push(DeleteCommCommand(context, comm_id, customer_id, "Offer", widget))
    widget.deleteLater()
    qtbot.waitUntil(lambda: not isValid(widget))

    def locked(_record: object) -> None:
        raise RuntimeError("database is locked")

    shown: list[tuple[object, BaseException]] = []
    monkeypatch.setattr(commands.service, "restore_comm", locked)
    monkeypatch.setattr(context.prompts, "error", lambda parent, exc: shown.append((parent, exc)))
    context.undo_stack.undo()
    assert [(parent, str(exc)) for parent, exc in shown] == [(None, "database is locked")]
