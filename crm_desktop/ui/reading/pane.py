"""The reading pane below the timeline: the chosen entry read whole.

It follows a view's selection (``follow()``), whatever chose the entry: a click, the
keyboard, a search that jumps to it. The timeline's rows carry a shortened body, so the
pane reads the whole entry by its id through the service. The subject and the body are
shown in full and selectable, links in the body clickable (the body is escaped text, never
HTML of its own: reading.text), with type, direction, who logged it, the exact local time,
and the attachments (reading.attachments).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import service
from crm_desktop.errors import NotFoundError, explain
from crm_desktop.models import CommInDB
from crm_desktop.ui import icons, timefmt
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.forms import MARGIN
from crm_desktop.ui.labels import direction_label, entry_heading, type_label
from crm_desktop.ui.reading.attachments import AttachmentList
from crm_desktop.ui.reading.text import body_html
from crm_desktop.ui.timeline.model import TimelineRole

log = logging.getLogger("crm_desktop.ui.reading")

SEPARATOR = " · "
TYPE_ICON = 16


def _wrapping_label(parent: QWidget, name: str) -> QLabel:
    """A label that wraps and never asks for more width than the pane has (a long subject
    must not push the splitter), its text selectable."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    # By mouse only: Tab goes to the text and the attachments, not through every label.
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReadingPane(QFrame):
    """The entry chosen in a view, read whole; ``entry`` is what it shows (or None)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("readingPane")
        self.setAccessibleName(self.tr("Reading pane"))
        self._entry: CommInDB | None = None
        self._view: QAbstractItemView | None = None

        self.stack = QStackedWidget(self)
        self.empty = QLabel(self)
        self.empty.setObjectName("readingEmpty")
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_page())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 0, MARGIN, MARGIN // 2)
        layout.addWidget(self.stack)

        # Selection, rows and resets often come together (a customer chosen, a refresh):
        # the pane reads its entry once, after them.
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(0)
        self._sync_timer.timeout.connect(self._sync)
        self._force = False
        context.events.comms_changed.connect(self._comms_changed)
        context.events.settings_changed.connect(self.reread)
        self.show_entry(None)

    def _build_page(self) -> QWidget:
        page = QWidget(self)
        self.heading = _wrapping_label(page, "readingHeading")
        self.heading.setProperty("role", "heading")
        self.type_icon = QLabel(page)
        self.type_icon.setObjectName("readingTypeIcon")
        self.type_icon.setFixedSize(TYPE_ICON, TYPE_ICON)
        self.meta = _wrapping_label(page, "readingMeta")
        self.time = _wrapping_label(page, "readingTime")
        self.problems = _wrapping_label(page, "readingProblems")
        self.problems.setProperty("role", "error")
        meta_row = QHBoxLayout()
        meta_row.setSpacing(6)
        meta_row.addWidget(self.type_icon, 0, Qt.AlignmentFlag.AlignTop)
        meta_row.addWidget(self.meta, 1)

        self.body = QTextBrowser(page)
        self.body.setObjectName("readingBody")
        self.body.setAccessibleName(self.tr("Text"))
        self.body.setOpenExternalLinks(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.body.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        self.attachments = AttachmentList(page)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addLayout(meta_row)
        layout.addWidget(self.time)
        layout.addWidget(self.problems)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.attachments)
        return page

    # --- public ---------------------------------------------------------------------------

    @property
    def entry(self) -> CommInDB | None:
        return self._entry

    def follow(self, view: QAbstractItemView, *, newest_first: bool = True) -> None:
        """Show the entry selected in ``view`` (whose rows carry TimelineRole.Id), now and
        whenever the selection, or the selected row, changes. With ``newest_first``, a
        timeline that is shown afresh (another customer) selects its first entry, so the
        pane reads what was said last; whatever selects another entry right after (a
        search that jumps to one) wins, since this happens at once, within the reset."""
        self._view = view
        model = view.model()
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        if newest_first:
            model.modelReset.connect(self._select_newest)
        model.modelReset.connect(self._later)
        model.rowsRemoved.connect(self._later)
        model.dataChanged.connect(self._data_changed)
        self._later()

    def show_entry(self, comm_id: str | None) -> bool:
        """Read the entry ``comm_id`` and show it whole (None: nothing chosen). False when
        it could not be read (it is gone, or the database failed: the pane says so)."""
        if comm_id is None:
            self._show_nothing(self.tr("Choose an entry in the timeline to read it here."))
            return True
        try:
            entry = service.get_comm(comm_id)
        except NotFoundError:
            self._show_nothing(self.tr("This entry no longer exists."))
            return False
        except Exception as exc:
            explanation = explain(exc)
            log.warning("The reading pane cannot read %s", comm_id, exc_info=exc)
            self._show_nothing(
                self.tr("This entry cannot be read now: {reason}").format(reason=explanation.text)
            )
            return False
        self._show(entry)
        return True

    def reread(self) -> None:
        """Read the entry shown again (it was edited, or the sync folder changed)."""
        if self._entry is not None:
            self.show_entry(self._entry.id)

    # --- showing --------------------------------------------------------------------------

    def _show_nothing(self, text: str) -> None:
        self._entry = None
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _show(self, entry: CommInDB) -> None:
        same = self._entry is not None and self._entry.id == entry.id
        self._entry = entry
        subject = (entry.subject or "").strip()
        self.heading.setText(entry_heading(subject, entry.body, entry.type))
        self.heading.setToolTip("" if subject else self.tr("The first line of the text"))
        self.type_icon.setPixmap(icons.comm_type_icon(str(entry.type)).pixmap(TYPE_ICON, TYPE_ICON))
        parts = [type_label(entry.type), direction_label(entry.direction)]
        if entry.logged_by:
            parts.append(self.tr("logged by {name}").format(name=entry.logged_by))
        self.meta.setText(SEPARATOR.join(part for part in parts if part))
        self.time.setText(timefmt.long(entry.occurred_at))
        self.time.setToolTip(timefmt.exact(entry.occurred_at))
        self.problems.setText("\n".join(entry.problems))
        self.problems.setVisible(bool(entry.problems))
        body = entry.body or ""
        # Keep the place in a long text when the same entry is read again (an edit).
        position = self.body.verticalScrollBar().value() if same else 0
        self.body.setHtml(body_html(body))
        self.body.setVisible(bool(body.strip()))
        self.body.verticalScrollBar().setValue(position)
        self.attachments.set_attachments(entry.attachments, self.context.settings.nextcloud_folder)
        self.stack.setCurrentIndex(1)

    # --- following the view ---------------------------------------------------------------

    def _selected_id(self) -> str | None:
        if self._view is None:
            return None
        rows = self._view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(TimelineRole.Id)
        return value if isinstance(value, str) else None

    def _select_newest(self) -> None:
        view = self._view
        if view is None or view.selectionModel().hasSelection():
            return
        first = view.model().index(0, 0)
        if first.isValid():
            view.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._later()

    def _data_changed(self, top: QModelIndex, bottom: QModelIndex) -> None:
        if self._view is None:
            return
        rows = self._view.selectionModel().selectedRows()
        if rows and top.row() <= rows[0].row() <= bottom.row():
            self._force = True  # the entry itself changed: read it again
            self._later()

    def _later(self, *_args: object) -> None:
        self._sync_timer.start()

    def _sync(self) -> None:
        comm_id = self._selected_id()
        shown = self._entry.id if self._entry is not None else None
        force, self._force = self._force, False
        if comm_id != shown or force or (comm_id is None and self.stack.currentIndex() != 0):
            self.show_entry(comm_id)

    def _comms_changed(self, customer_id: str) -> None:
        if self._entry is not None and customer_id in ("", self._entry.customer_id):
            self._force = True
            self._later()
