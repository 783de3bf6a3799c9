"""The filter bar: one query per pause in typing, Enter moves on."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crm_desktop.service import MediaFilter
from crm_desktop.ui.media.filters import MediaFilterBar


def test_typing_gives_one_change_after_the_pause(qtbot):
    bar = MediaFilterBar()
    qtbot.addWidget(bar)
    changes: list[MediaFilter] = []
    bar.changed.connect(changes.append)
    qtbot.keyClicks(bar.order, " A-1 ")
    qtbot.waitUntil(lambda: changes != [])
    assert changes == [MediaFilter(order_id="A-1")]


def test_direction_applies_at_once_and_enter_submits(qtbot):
    bar = MediaFilterBar()
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bar.changed) as changed:
        bar.direction.setCurrentIndex(bar.direction.findData("internal"))
    assert changed.args == [MediaFilter(direction="internal")]
    with qtbot.waitSignals([bar.changed, bar.submitted]):
        qtbot.keyClicks(bar.tag, "roof")
        qtbot.keyClick(bar.tag, Qt.Key.Key_Return)
    assert bar.filters() == MediaFilter(tag="roof", direction="internal")


def test_clear_is_one_change(qtbot):
    bar = MediaFilterBar()
    qtbot.addWidget(bar)
    bar.order.setText("A")
    bar.tag.setText("b")
    bar.direction.setCurrentIndex(2)
    changes: list[MediaFilter] = []
    bar.changed.connect(changes.append)
    bar.clear()
    assert changes == [MediaFilter()]


def test_completions(qtbot):
    bar = MediaFilterBar()
    qtbot.addWidget(bar)
    bar.set_completions(["A-1"], ["roof"])
    assert bar.order.completer().model().stringList() == ["A-1"]
    assert bar.tag.completer().model().stringList() == ["roof"]
