"""The jump to a search hit: its customer chosen in the list, then the hit itself selected
(the timeline entry, however far down, or the media record) and given the focus, so that
the reading pane (which follows the timeline's selection) shows it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from crm_desktop import service
from crm_desktop.i18n import translate
from crm_desktop.models import SearchHit
from crm_desktop.service import MediaFilter, MediaSort
from crm_desktop.ui.customers.panel import CustomerPanel
from crm_desktop.ui.media.panel import MediaPanel
from crm_desktop.ui.timeline.panel import TimelinePanel

log = logging.getLogger("crm_desktop.ui.search")


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
        if not self._select_media(customer_id, hit.id):
            return translate(
                "SearchJump", "This file is no longer there: someone may have deleted it."
            )
        shown = self.media.icon_view if self.media.icon_view.isVisible() else self.media.view
        self._focus(shown)
        return ""

    def _select_media(self, customer_id: str, media_id: str) -> bool:
        """Select a media record wherever it is in the panel: loaded down to in one go,
        the panel's filters cleared when they hide it."""
        model = self.media.model
        if model.find_row(media_id) < 0:
            try:
                position = service.media_position(customer_id, media_id, model.filters)
                if position is None and model.filters != MediaFilter():
                    position = service.media_position(customer_id, media_id)
                    if position is not None:
                        self.media.clear_filters()
            except Exception:  # the panel says why when its pages fail; here: not found
                log.warning("Cannot find media record %s", media_id, exc_info=True)
                return False
            if position is None:
                return False
            if model.sort_order == (MediaSort.date, True):  # media_position()'s order
                model.fetch_to(position)
        return self.media.select_record(media_id)  # (in another order: page by page)

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
