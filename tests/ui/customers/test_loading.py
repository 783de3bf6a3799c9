"""The customer list is read once when the panel is set up, not once per set-up step."""

from __future__ import annotations

from crm_desktop import service
from crm_desktop.ui.customers import model as customer_model
from crm_desktop.ui.customers.panel import CustomerPanel


def test_the_panel_reads_the_first_page_once(qtbot, context, customer_id, monkeypatch):
    calls = []
    read = service.customer_page

    def counting(*args, **kwargs):
        calls.append(args)
        return read(*args, **kwargs)

    monkeypatch.setattr(customer_model.service, "customer_page", counting)
    panel = CustomerPanel(context)
    qtbot.addWidget(panel)
    assert len(calls) == 1
    assert panel.model.rowCount() == 1
    panel.view.sortByColumn(0, panel.view.horizontalHeader().sortIndicatorOrder())
    assert len(calls) == 1  # the same order again: nothing to re-read
    panel.view.sortByColumn(1, panel.view.horizontalHeader().sortIndicatorOrder())
    assert len(calls) == 2
