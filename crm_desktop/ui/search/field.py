"""The global search field (``globalSearch``) and its results (``searchResults``).

Typing searches after a pause of ``SEARCH_DELAY_MS``, on a worker thread (the GUI never
waits for a query); the results show in a panel below the field, over the window, grouped
by kind. The field keeps the keyboard: Up and Down move through the hits, Enter opens
one (the first when none is chosen), Esc closes the panel and returns to where the person
was; Ctrl+K comes back to the field. Until the search index is complete the panel says
so, and shows what the slower fallback found.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import service
from crm_desktop.errors import explain
from crm_desktop.models import SearchHit
from crm_desktop.service import SearchStatus
from crm_desktop.ui import icons
from crm_desktop.ui.events import DataEvents
from crm_desktop.ui.search.delegate import SearchHitDelegate
from crm_desktop.ui.search.model import SearchResultsModel
from crm_desktop.ui.worker import Worker

SEARCH_DELAY_MS = 150  # typing pauses this long before a search starts
# While the index is incomplete (being built, catching up with another program's writes),
# the shown results are searched again this often: what the index adds appears by itself.
AGAIN_MS = 1500
CHANGED_MS = 100  # the shown results are searched again this soon after data changed
RESULTS = 50  # hits asked for: a screenful or two of each kind
POPUP_MIN_WIDTH = 520
MARGIN = 8  # between the panel and the window's edges


@dataclass(frozen=True)
class Found:
    """A search's outcome, made on the worker thread."""

    text: str
    hits: list[SearchHit]
    names: dict[str, str]
    status: SearchStatus


def search(text: str, _cancel: threading.Event, _report: Callable[[Any], None]) -> Found:
    """The search itself (on the worker): the hits, their customers' names, and how
    complete the index is."""
    hits = service.search_all(text, RESULTS)
    names = service.customer_names(hit.customer_id for hit in hits if hit.customer_id)
    return Found(text, hits, names, service.search_status())


class SearchPopup(QFrame):
    """The panel under the field: a line about the search, then the hits."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "hint")
        self.status.hide()
        self.model = SearchResultsModel(self)
        self.view = QListView(self)
        self.view.setObjectName("searchResults")
        self.view.setAccessibleName(self.tr("Search results"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchHitDelegate(self.view))
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        # The field keeps the keyboard; a click on a hit opens it without taking the focus.
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setMouseTracking(True)
        self.hint = QLabel(
            self.tr("↑ ↓ choose · Enter opens · Esc closes"),
            self,
        )
        self.hint.setObjectName("searchHint")
        self.hint.setEnabled(False)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self.hide()

    def content_height(self) -> int:
        """The height that shows every row, the line above and the hint below."""
        rows = sum(self.view.sizeHintForRow(row) for row in range(self.model.rowCount()))
        margins = self._layout.contentsMargins()
        height = margins.top() + margins.bottom()
        if rows:
            height += rows + 2 * self.view.frameWidth() + 2
        for label in (self.status, self.hint):
            if not label.isHidden():
                height += label.heightForWidth(max(100, self.width() - 12)) + 4
        return height


class GlobalSearch(QObject):
    """The field, its panel and the worker that searches; ``hit_chosen`` when Enter or a
    click opens a hit (the window shows it, see ui.search.jump)."""

    hit_chosen = Signal(object)  # SearchHit

    def __init__(self, window: QWidget, events: DataEvents | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._wanted = ""  # the text whose results are wanted now
        self._shown = ""  # the text whose results are shown
        self._open_when_found = False  # Enter came before the results
        self._previous: QWidget | None = None  # where the focus was before the field

        self.field = QLineEdit(window)
        self.field.setObjectName("globalSearch")
        self.field.setPlaceholderText(self.tr("Search everything (Ctrl+K)"))
        self.field.setAccessibleName(self.tr("Search customers, communications and files"))
        self.field.setToolTip(
            self.tr(
                "Words in any order, each the beginning of a word: “gieb dach” finds “Giebel "
                "am Dach”. Case and accents do not matter."
            )
        )
        self.field.setClearButtonEnabled(True)
        self.field.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.field.setMinimumWidth(240)
        self.field.setMaximumWidth(560)
        self.field.installEventFilter(self)

        self.popup = SearchPopup(window)
        self.model = self.popup.model
        self.view = self.popup.view
        self.view.clicked.connect(self._clicked)
        self.view.selectionModel().currentChanged.connect(self._off_headings)
        window.installEventFilter(self)  # follows the window's size

        self.focus_action = QAction(icons.icon("search"), self.tr("Find &anything…"), window)
        self.focus_action.setObjectName("globalSearchAction")
        self.focus_action.setShortcut(QKeySequence("Ctrl+K"))
        self.focus_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.focus_action.setStatusTip(
            self.tr("Search every customer, communication and file (Ctrl+K)")
        )
        self.focus_action.triggered.connect(self.focus)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(self._typed)
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.timeout.connect(self._search_again)
        if events is not None:  # what anyone changes shows in the results at once
            for signal in (events.customers_changed, events.comms_changed, events.media_changed):
                signal.connect(self._data_changed)
        self._worker = Worker(self)
        self._worker.finished.connect(self._found)
        self._worker.failed.connect(self._failed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # --- public ---------------------------------------------------------------------------

    def tool_bar(self) -> QToolBar:
        """The window's tool bar with the field in its middle, above the timeline."""
        bar = QToolBar(self.tr("Search"), self._window)
        bar.setObjectName("searchToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)  # the field is always there
        for stretch in (1, 0, 1):
            if stretch:
                spacer = QWidget(bar)
                spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                bar.addWidget(spacer)
            else:
                bar.addWidget(self.field)
        return bar

    @property
    def searching(self) -> bool:
        """A search waits for the pause in typing or runs on the worker."""
        return self._timer.isActive() or self._worker.busy

    def focus(self) -> None:
        """Ctrl+K: to the field, its text selected, the last results shown again."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip() and self.model.rowCount() and self._shown == self._wanted:
            self._show_popup()

    def close_popup(self) -> None:
        self.popup.hide()

    def shutdown(self) -> None:
        """Wait for a running search and forget the results (the database closes)."""
        self._timer.stop()
        self._again.stop()
        self._worker.shutdown()
        self._wanted = self._shown = ""
        self._open_when_found = False
        self.model.clear()
        self.popup.hide()

    def search_now(self) -> None:
        """Search for the field's text now (the pause in typing is over)."""
        self._timer.stop()
        text = self.field.text()
        if not text.strip():
            self._wanted = self._shown = ""
            self.model.clear()
            self.popup.hide()
            return
        self._wanted = text
        if not self._worker.busy:  # else: started when the running search ends
            self._worker.start(lambda cancel, report: search(text, cancel, report))

    # --- the worker -----------------------------------------------------------------------

    def _typed(self) -> None:
        self._open_when_found = False
        if self.field.text().strip():
            self._timer.start()
        else:
            self.search_now()

    def _found(self, found: Found) -> None:
        if found.text != self._wanted:
            if self._wanted:
                self.search_now()  # the text changed meanwhile: its search follows
            return
        current = self.model.hit_at(self.view.currentIndex())
        again = found.text == self._shown and current is not None
        self._shown = found.text
        self.model.set_hits(found.hits, found.names)
        self._say(found.status.message, len(found.hits))
        row = self.model.first_hit_row()
        if again and current is not None:  # the same words searched again: the same hit
            row = next(
                (
                    position
                    for position in range(self.model.rowCount())
                    if (hit := self.model.hit_at(self.model.index(position, 0))) is not None
                    and (hit.kind, hit.id) == (current.kind, current.id)
                ),
                row,
            )
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        if not found.status.complete or found.status.pending:
            self._again.start(AGAIN_MS)
        if self._open_when_found:
            self._open_when_found = False
            self._open_current()
            return
        if self.field.hasFocus() or self.popup.isVisible():
            self._show_popup()

    def _data_changed(self, _customer_id: str = "") -> None:
        if self.popup.isVisible():
            self._again.start(CHANGED_MS)

    def _search_again(self) -> None:
        if self.popup.isVisible() and self._shown == self.field.text() and not self.searching:
            self.search_now()

    def _failed(self, exc: BaseException) -> None:
        self._open_when_found = False
        self.model.clear()
        self._shown = self._wanted
        self.popup.status.setText(
            self.tr("Search is not possible right now: {reason}").format(reason=explain(exc).text)
        )
        self.popup.status.show()
        if self.field.hasFocus():
            self._show_popup()
        if self._wanted and self._wanted != self.field.text():
            self.search_now()

    def _say(self, status: str, count: int) -> None:
        lines = [status] if status else []
        if not count:
            lines.append(self.tr("Nothing found for “{text}”.").format(text=self._shown.strip()))
        self.popup.status.setText("\n".join(lines))
        self.popup.status.setVisible(bool(lines))

    # --- the panel ------------------------------------------------------------------------

    def _show_popup(self) -> None:
        self.view.setVisible(self.model.rowCount() > 0)
        self._place()
        self.popup.show()
        self.popup.raise_()
        # Placed at its height now: the chosen hit in view, the first with its heading.
        current = self.view.currentIndex()
        if not current.isValid() or current.row() == self.model.first_hit_row():
            self.view.scrollToTop()
        else:
            self.view.scrollTo(current)

    def _place(self) -> None:
        window = self._window
        below = self.field.mapTo(window, QPoint(0, self.field.height() + 2))
        width = max(self.field.width(), POPUP_MIN_WIDTH)
        width = min(width, window.width() - 2 * MARGIN)
        left = min(below.x(), window.width() - width - MARGIN)
        left = max(MARGIN, left)
        room = window.height() - below.y() - MARGIN * 4
        self.popup.resize(width, 100)
        height = min(self.popup.content_height(), max(120, room))
        self.popup.setGeometry(left, below.y(), width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        resized = watched is self._window and event.type() == QEvent.Type.Resize
        if resized and self.popup.isVisible():
            self._place()
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._move(key)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.searching or self._shown != self.field.text():
                self._open_when_found = bool(self.field.text().strip())
                self.search_now()
            else:
                self._open_current()
            return True
        if key == Qt.Key.Key_Escape:
            self._leave()
            return True
        return False

    def _move(self, key: int) -> None:
        if not self.popup.isVisible():
            if self.model.rowCount() and self._shown == self.field.text():
                self._show_popup()
            return
        current = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        steps = 1
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            row_height = max(1, self.view.sizeHintForRow(max(0, current)))
            steps = max(1, self.view.viewport().height() // row_height - 1)
        step = 1 if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) else -1
        if current < 0 and step < 0:
            current = self.model.rowCount()
        row = current
        for _ in range(steps):
            row = self.model.next_hit_row(row, step)
        if row >= 0:
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
            if self.model.is_heading(row - 1) and step < 0:
                self.view.scrollTo(self.model.index(row - 1, 0))  # its heading too

    def _open_current(self) -> None:
        hit = self.model.hit_at(self.view.currentIndex())
        if hit is None:
            row = self.model.first_hit_row()
            hit = self.model.hit_at(self.model.index(row, 0)) if row >= 0 else None
        if hit is not None:
            self._open(hit)

    def _off_headings(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A heading is never the current row (a click on it): its first hit is."""
        if current.isValid() and self.model.is_heading(current.row()):
            row = self.model.next_hit_row(current.row(), 1)
            if row >= 0:
                self.view.setCurrentIndex(self.model.index(row, 0))

    def _clicked(self, index: Any) -> None:
        hit = self.model.hit_at(index)
        if hit is not None:
            self._open(hit)

    def _open(self, hit: SearchHit) -> None:
        self.popup.hide()
        self._previous = None  # the hit takes the focus, not the place before the search
        self.hit_chosen.emit(hit)

    def _leave(self) -> None:
        """Esc: the panel closes, and the focus goes back to where it was."""
        self.popup.hide()
        previous = self._previous
        if previous is not None and shiboken6.isValid(previous) and previous.isVisible():
            previous.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.field.clearFocus()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is self.field and old is not None and old.window() is self._window:
            self._previous = old
        elif (
            old is self.field
            and self.popup.isVisible()
            and (new is None or not self.popup.isAncestorOf(new))
        ):
            self.popup.hide()
