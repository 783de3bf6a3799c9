"""A filtered timeline with nothing to show says which filters hide entries, and clears them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QToolButton

from crm_desktop.ui.timeline.panel import TimelinePanel
from tests.ui.timeline.conftest import log


@pytest.fixture
def panel(qtbot, context, customer_id) -> TimelinePanel:
    log(customer_id, subject="Offer", type="email", direction="outbound")
    log(customer_id, subject="Site visit", type="call", direction="outbound")
    result = TimelinePanel(context)
    qtbot.addWidget(result)
    result.resize(700, 600)
    with qtbot.waitActive(result):
        result.show()
        result.activateWindow()
    result.set_customer(customer_id, "ACME GmbH")
    return result


def click(qtbot, panel, name: str) -> None:
    qtbot.mouseClick(panel.findChild(QToolButton, name), Qt.MouseButton.LeftButton)


def test_the_empty_state_names_the_filters_and_clear_shows_everything(qtbot, panel):
    clear = panel.findChild(QPushButton, "clearTimelineFilters")
    assert panel.model.rowCount() == 2 and not clear.isVisible()
    click(qtbot, panel, "typeFilter_sms")
    click(qtbot, panel, "typeFilter_whatsapp")
    click(qtbot, panel, "directionFilter_inbound")
    search = panel.findChild(QLineEdit, "timelineSearch")
    search.setFocus()
    qtbot.keyClicks(search, "roof")
    qtbot.waitUntil(lambda: "roof" in panel.findChild(QLabel, "timelineEmpty").text())
    text = panel.findChild(QLabel, "timelineEmpty").text()
    assert text.splitlines() == [
        "Nothing matches the filters",
        "Shown types: WhatsApp, SMS",
        "Shown directions: Inbound",
        "Text: “roof”",
        "The filters hide 2 communications.",
    ]
    assert clear.isVisible() and clear.text() == "Clear filters"
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 2 and panel.view.isVisible()
    assert search.text() == "" and not clear.isVisible()
    assert not any(b.isChecked() for b in panel.findChildren(QToolButton) if b.isCheckable())


def test_a_customer_without_entries_offers_no_clear(panel, context):
    from crm_desktop import service

    other = service.create_customer({"name": "Empty"}).id
    panel.set_customer(other, "Empty")
    assert not panel.findChild(QPushButton, "clearTimelineFilters").isVisible()
    assert "Ctrl+N" in panel.findChild(QLabel, "timelineEmpty").text()
