"""Undoable deletes of media records."""

from __future__ import annotations

import peewee

from crm_desktop import service
from crm_desktop.ui.media.commands import DeleteMediaCommand
from tests.helpers.errors import disk_io_error


def test_delete_undo_redo_and_events(qtbot, context, customer_id, add_media):
    record = add_media("a.jpg")
    reported: list[BaseException] = []
    command = DeleteMediaCommand(context, [record.id], "Delete", reported.append)
    with qtbot.waitSignal(context.events.media_changed) as changed:
        context.undo_stack.push(command)
    assert changed.args == [customer_id]
    assert service.count_media(customer_id) == 0
    with qtbot.waitSignal(context.events.media_changed):
        context.undo_stack.undo()
    assert service.get_media(record.id) == record
    context.undo_stack.redo()
    assert service.count_media(customer_id) == 0 and reported == []


def test_a_failed_undo_is_reported_and_keeps_what_was_restored(
    context, customer_id, add_media, monkeypatch
):
    first, second = add_media("a.jpg"), add_media("b.jpg")
    reported: list[BaseException] = []
    context.undo_stack.push(
        DeleteMediaCommand(context, [first.id, second.id], "Delete", reported.append)
    )
    restore = service.restore_media
    calls: list[str] = []

    def flaky(record):
        calls.append(record["id"])
        if len(calls) == 2:
            raise disk_io_error()
        restore(record)

    monkeypatch.setattr(service, "restore_media", flaky)
    context.undo_stack.undo()
    assert [type(exc) for exc in reported] == [peewee.OperationalError]
    assert service.count_media(customer_id) == 1
