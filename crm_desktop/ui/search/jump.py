"""The jump to a search hit: its customer chosen in the list, then the hit itself selected
(the timeline entry, however far down, or the media record) and given the focus, so that
the reading pane (which follows the timeline's selection) shows it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from crm_desktop.i18n import translate
from crm_desktop.models import SearchHit
from crm_desktop.ui.customers.panel import CustomerPanel
from crm_desktop.ui.media.panel import MediaPanel
from crm_desktop.ui.timeline.panel import TimelinePanel


@dataclass
class SearchJump:
    """Opens hits in the window's three panels; ``open()`` says in words what failed."""

    customers: CustomerPanel
    timeline: TimelinePanel
    media: MediaPanel

    def open(self, hit: SearchHit) -> str:
        """Show ``hit``; "" when it is shown, else why not (it is gone, say)."""
        customer_id = hit.id if hit.kind == "customer" else hit.customer_id
        if customer_id is None or not self._choose_customer(customer_id):
            return translate(
                "SearchJump", "This entry is no longer there: someone may have deleted it."
            )
        if hit.kind == "customer":
            self._focus(self.customers.view)
            return ""
        if hit.kind == "communication":
            if not self.timeline.show_entry(hit.id):
                return translate(
                    "SearchJump", "This entry is no longer there: someone may have deleted it."
                )
            self._focus(self.timeline.view)
            return ""
        if not self.media.select_record(hit.id):
            self.media.clear_filters()  # the media panel's filters hide it: show everything
            if not self.media.select_record(hit.id):
                return translate(
                    "SearchJump", "This file is no longer there: someone may have deleted it."
                )
        shown = self.media.icon_view if self.media.icon_view.isVisible() else self.media.view
        self._focus(shown)
        return ""

    def _choose_customer(self, customer_id: str) -> bool:
        if self.customers.current_id == customer_id:
            return True
        if self.customers.select_customer(customer_id):
            return True
        # The customer list's search hides them: show the whole list.
        self.customers.search.clear()
        self.customers.model.set_search("")
        return self.customers.select_customer(customer_id)

    @staticmethod
    def _focus(widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
