"""The watcher notices another process's commits, and only those."""

from __future__ import annotations

import pytest

from crm_desktop import service
from crm_desktop.ui.events import DataEvents
from crm_desktop.ui.live_refresh import DatabaseWatcher
from tests.helpers.processes import run_writer


@pytest.fixture
def watcher(qapp, any_db):
    events = DataEvents()
    result = DatabaseWatcher(events)
    result.start()
    yield result
    result.stop()


def test_quiet_when_nothing_changed_and_after_own_writes(watcher, qtbot):
    with qtbot.assertNotEmitted(watcher.changed):
        assert not watcher.poll()
        service.create_customer({"name": "Mine"})  # the app announces its own writes itself
        assert not watcher.poll()


def test_announces_another_processs_commit(watcher, any_db, qtbot):
    run_writer(any_db, "--customers", "1")
    with qtbot.waitSignals([watcher.changed, watcher._events.customers_changed]):
        assert watcher.poll()
    assert not watcher.poll()


def test_the_timer_polls_by_itself(watcher, any_db, qtbot):
    with qtbot.waitSignal(watcher.changed, timeout=2000):
        run_writer(any_db, "--customers", "1")
