"""The jump to a search hit: its customer chosen in the list, then the hit itself selected
(the timeline entry, however far down, or the media record) and given the focus, so that
the reading pane (which follows the timeline's selection) shows it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from crm_desktop import service
from crm_desktop.errors import explain
from crm_desktop.i18n import translate
from crm_desktop.models import SearchHit
from crm_desktop.service import MediaFilter, MediaSort, TimelineEntry
from crm_desktop.ui.customers.panel import CustomerPanel
from crm_desktop.ui.media.panel import MediaPanel
from crm_desktop.ui.paged_model import FetchPlan
from crm_desktop.ui.timeline.panel import TimelinePanel
from crm_desktop.ui.worker import Worker

log = logging.getLogger("crm_desktop.ui.search")


def _gone() -> str:
    return translate("SearchJump", "This entry is no longer there: someone may have deleted it.")


# A jump further down than this many rows past what is loaded reads the rows on a worker
# thread (15,000 entries take a few hundred ms to read): the window stays live meanwhile.
FAR_ROWS = 2_000


class SearchJump(QObject):
    """Opens hits in the window's three panels; ``problem`` says in words what failed."""

    problem = Signal(str)

    def __init__(
        self,
        customers: CustomerPanel,
        timeline: TimelinePanel,
        media: MediaPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.customers = customers
        self.timeline = timeline
        self.media = media
        self._worker = Worker(self)
        self._worker.finished.connect(self._rows_read)
        self._worker.failed.connect(self._read_failed)
        self._waiting: tuple[str, FetchPlan[TimelineEntry]] | None = None

    @property
    def busy(self) -> bool:
        """A far entry's rows are being read (it is selected when they are there)."""
        return self._worker.busy

    def shutdown(self) -> None:
        self._waiting = None
        self._worker.shutdown()

    def open(self, hit: SearchHit) -> None:
        """Show ``hit``; ``problem`` is emitted when it cannot be (it is gone, say)."""
        self._waiting = None
        problem = self._open(hit)
        if problem:
            self.problem.emit(problem)

    def _open(self, hit: SearchHit) -> str:
        customer_id = hit.id if hit.kind == "customer" else hit.customer_id
        if customer_id is None or not self._choose_customer(customer_id):
            return _gone()
        if hit.kind == "customer":
            self._focus(self.customers.view)
            return ""
        if hit.kind == "communication":
            if not self._show_entry(hit.id):
                return _gone()
            self._focus(self.timeline.view)
            return ""
        if not self._select_media(customer_id, hit.id):
            return translate(
                "SearchJump", "This file is no longer there: someone may have deleted it."
            )
        shown = self.media.icon_view if self.media.icon_view.isVisible() else self.media.view
        self._focus(shown)
        return ""

    # --- the timeline ---------------------------------------------------------------------

    def _show_entry(self, comm_id: str) -> bool:
        """Select the entry; one far down is read on the worker and selected once read."""
        timeline, model = self.timeline, self.timeline.model
        if timeline.select_entry(comm_id):
            return True
        row = timeline.locate_entry(comm_id)
        if row is None:
            return False
        plan = model.plan_fetch_to(row)
        if plan is None or row - model.rowCount() < FAR_ROWS or self._worker.busy:
            return timeline.show_entry(comm_id)
        self._waiting = (comm_id, plan)
        self._worker.start(
            lambda _cancel, _report: model.fetch_page(plan.last, plan.offset, plan.limit)
        )
        return True

    def _rows_read(self, rows: list[TimelineEntry]) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is None:
            return  # another hit was opened meanwhile
        comm_id, plan = waiting
        if self.timeline.model.add_fetched(plan, rows):
            if self.timeline.select_entry(comm_id):
                return
        elif self.timeline.show_entry(comm_id):  # the timeline changed meanwhile: again
            return
        self.problem.emit(_gone())

    def _read_failed(self, exc: BaseException) -> None:
        if self._waiting is not None:
            self._waiting = None
            self.problem.emit(explain(exc).text)

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
