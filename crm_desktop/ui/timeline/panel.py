"""The timeline panel: the chosen customer's communications, with filters, log, edit and delete."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import service
from crm_desktop.service import TimelineEntry, TimelineFilter
from crm_desktop.ui import icons
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.drops.targets import TimelineDropTarget
from crm_desktop.ui.elided_label import ElidedLabel
from crm_desktop.ui.forms import MARGIN, SPACING
from crm_desktop.ui.labels import entry_heading
from crm_desktop.ui.timeline.commands import DeleteCommCommand
from crm_desktop.ui.timeline.composer import CommDialog
from crm_desktop.ui.timeline.copying import entry_text
from crm_desktop.ui.timeline.delegate import TimelineDelegate
from crm_desktop.ui.timeline.labels import DIRECTIONS, TYPES, direction_label, type_label
from crm_desktop.ui.timeline.model import TimelineModel

SEARCH_DELAY_MS = 250  # typing pauses this long before the timeline is searched
CLOCK_TICK_MS = 60_000  # "5 min ago" is repainted once a minute


class TimelinePanel(QWidget):
    """The middle of the main window; ``actions()`` go into the main window's menus."""

    count_changed = Signal(int)  # entries for the current customer and filters

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("timelinePanel")
        self._customer_name = ""
        self._count = 0
        self._load_failed = False  # one message per failed load, not one per query
        self._model = TimelineModel(self)
        self._model.load_failed.connect(self._page_failed)

        self._build_actions()
        header = self._build_header()
        filters = self._build_filters()
        self._view = self._build_view()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._view)
        self.empty_page = self._build_empty_state()
        self.stack.addWidget(self.empty_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(header)
        layout.addWidget(filters)
        layout.addWidget(self.stack, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_TICK_MS)
        self._clock.timeout.connect(self._view.viewport().update)
        self._clock.start()
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._show_count)

        context.events.comms_changed.connect(self._comms_changed)
        # E-mails and chats dropped on the timeline are logged for its customer.
        self.drops = TimelineDropTarget(
            context, self, self.stack, [self._view.viewport(), self.empty_page]
        )
        self.set_customer(None)

    # --- building -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.log_action = QAction(icons.icon("log-comm"), self.tr("&Log communication…"), self)
        self.log_action.setObjectName("logCommAction")
        self.log_action.setShortcut(QKeySequence("Ctrl+N"))
        self.log_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.log_action.setStatusTip(self.tr("Log a call, e-mail or note for this customer"))
        self.log_action.triggered.connect(self.open_log_dialog)
        self.addAction(self.log_action)

        self.edit_action = QAction(icons.icon("edit"), self.tr("&Edit communication…"), self)
        self.edit_action.setObjectName("editCommAction")
        self.edit_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.triggered.connect(self.open_edit_dialog)

        self.delete_action = QAction(icons.icon("delete"), self.tr("&Delete communication"), self)
        self.delete_action.setObjectName("deleteCommAction")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Only while the timeline has focus: Del in the customer list or media panel is theirs.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.setStatusTip(self.tr("Delete the selected entry (Ctrl+Z undoes it)"))
        self.delete_action.triggered.connect(self.delete_selected)

        self.copy_action = QAction(icons.icon("copy"), self.tr("&Copy text"), self)
        self.copy_action.setObjectName("copyCommAction")
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.setStatusTip(self.tr("Copy the selected entry as text"))
        self.copy_action.triggered.connect(self.copy_selected)

    def _build_header(self) -> QHBoxLayout:
        self.title = ElidedLabel(parent=self)  # a long name never pushes the splitter
        self.title.setObjectName("timelineTitle")
        self.title.setProperty("role", "heading")  # styled in app.qss, like the other panels
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("timelineCount")
        self.subtitle.setEnabled(False)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)

        self.log_button = QPushButton(icons.icon("log-comm"), self.tr("Log communication"), self)
        self.log_button.setObjectName("logCommButton")
        self.log_button.setToolTip(self.tr("Log a communication (Ctrl+N)"))
        self.log_button.setAccessibleName(self.tr("Log communication"))
        self.log_button.clicked.connect(self.log_action.trigger)
        self.log_action.enabledChanged.connect(self.log_button.setEnabled)

        header = QHBoxLayout()
        header.setSpacing(SPACING)
        header.addLayout(titles, 1)
        header.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _build_filters(self) -> QWidget:
        self.filters = QWidget(self)  # disabled while no customer is chosen
        row = QHBoxLayout(self.filters)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.type_buttons: dict[str, QToolButton] = {}
        for value in TYPES:
            button = self._toggle(
                f"typeFilter_{value}",
                icons.comm_type_icon(value),
                self.tr("Show only: {what}").format(what=type_label(value)),
                type_label(value),
            )
            self.type_buttons[value] = button
            row.addWidget(button)
        divider = QFrame(self)
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Plain)
        divider.setForegroundRole(QPalette.ColorRole.Mid)  # a quiet line in any colour scheme
        row.addSpacing(SPACING // 2)
        row.addWidget(divider)
        row.addSpacing(SPACING // 2)
        self.direction_buttons: dict[str, QToolButton] = {}
        for direction in DIRECTIONS:
            button = self._toggle(
                f"directionFilter_{direction}",
                icons.direction_icon(direction),
                self.tr("Show only: {what}").format(what=direction_label(direction)),
                direction_label(direction),
            )
            self.direction_buttons[direction] = button
            row.addWidget(button)
        row.addSpacing(SPACING)

        self.search = QLineEdit(self)
        self.search.setObjectName("timelineSearch")
        self.search.setPlaceholderText(self.tr("Search subject and text"))
        self.search.setAccessibleName(self.tr("Search communications"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        row.addWidget(self.search, 1)
        return self.filters

    def _toggle(self, name: str, icon: QIcon, tip: str, label: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(icon)
        button.setText(label)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.toggled.connect(self._apply_filter)
        return button

    def _build_empty_state(self) -> QWidget:
        page = QWidget(self)
        picture = QLabel(page)
        picture.setPixmap(icons.icon("log-comm").pixmap(48, 48, QIcon.Mode.Disabled))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty = QLabel(page)
        self.empty.setObjectName("timelineEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "empty")
        # A filtered timeline with nothing to show says which filters hide entries, and
        # offers to clear them.
        self.clear_filters_button = QPushButton(self.tr("Clear filters"), page)
        self.clear_filters_button.setObjectName("clearTimelineFilters")
        self.clear_filters_button.setIcon(icons.icon("filter"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.clear_filters_button.hide()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(picture)
        layout.addWidget(self.empty)
        layout.addWidget(self.clear_filters_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _build_view(self) -> QListView:
        view = QListView(self)
        view.setObjectName("commsTimeline")
        view.setAccessibleName(self.tr("Communications"))
        view.setModel(self._model)
        view.setItemDelegate(TimelineDelegate(view))
        view.setUniformItemSizes(True)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: one that came and went with the number of entries would resize the
        # list, and paint it twice, whenever another customer is chosen.
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setMouseTracking(True)  # hover highlight
        view.verticalScrollBar().setSingleStep(24)
        separator = QAction(view)
        separator.setSeparator(True)
        # The view's actions are its context menu too: log, then what acts on the entry.
        view.addActions(
            [self.log_action, separator, self.edit_action, self.copy_action, self.delete_action]
        )
        view.doubleClicked.connect(self._double_clicked)
        view.selectionModel().selectionChanged.connect(self._update_actions)
        view.selectionModel().currentChanged.connect(self._select_current)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return view

    # --- public ---------------------------------------------------------------------------

    @property
    def model(self) -> TimelineModel:
        return self._model

    @property
    def view(self) -> QListView:
        return self._view

    @property
    def count(self) -> int:
        return self._count

    @property
    def customer_id(self) -> str | None:
        return self._model.customer_id

    @property
    def customer_name(self) -> str:
        return self._customer_name

    def actions(self) -> list[QAction]:
        return [self.log_action, self.edit_action, self.copy_action, self.delete_action]

    def set_customer(self, customer_id: str | None, name: str = "") -> None:
        """Show a customer's timeline; the same customer again keeps selection and scroll."""
        self._customer_name = name if customer_id else ""
        customer_id = customer_id or None
        if customer_id is not None and customer_id == self._model.customer_id:
            self._model.refresh()
        else:
            self._model.set_customer(customer_id)
        self._after_load()

    def current_entry(self) -> TimelineEntry | None:
        rows = self._view.selectionModel().selectedRows()
        return self._model.row_of(rows[0]) if rows else None

    def select_entry(self, comm_id: str) -> bool:
        """Select and show an entry (if it is loaded); True when it was found."""
        row = self._model.find_row(comm_id)
        if row < 0:
            return False
        index = self._model.index(row, 0)
        self._view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._view.scrollTo(index)
        return True

    def show_entry(self, comm_id: str) -> bool:
        """Select an entry of this customer's timeline wherever it is (a search hit: entry
        15,000 of 20,000 is loaded down to in one go); filters that hide it are cleared.
        False when the timeline does not hold it (another customer's, or gone)."""
        if self.select_entry(comm_id):
            return True
        position = self.locate_entry(comm_id)
        if position is None or not self._model.fetch_to(position):
            return False
        self._after_load()
        return self.select_entry(comm_id)

    def locate_entry(self, comm_id: str) -> int | None:
        """The row of an entry in this customer's timeline, loaded or not, clearing the
        filters that hide it; None when the timeline does not hold it."""
        customer_id = self._model.customer_id
        if customer_id is None:
            return None
        loaded = self._model.find_row(comm_id)
        if loaded >= 0:
            return loaded
        try:
            position = service.timeline_position(customer_id, comm_id, self._model.filter)
            if position is None and self._model.filter != TimelineFilter():
                position = service.timeline_position(customer_id, comm_id)
                if position is not None:
                    self.clear_filters()
        except Exception as exc:
            self._report(exc)
            return None
        return position

    def clear_filters(self) -> None:
        """Show every entry: no type, direction or words (one reload, not one per button)."""
        for button in (*self.type_buttons.values(), *self.direction_buttons.values()):
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_filter()

    def open_log_dialog(self) -> CommDialog | None:
        customer_id = self._model.customer_id
        if customer_id is None:
            return None
        dialog = CommDialog.for_new(self.context, customer_id, self)
        self._open(dialog)
        return dialog

    def open_edit_dialog(self) -> CommDialog | None:
        entry = self.current_entry()
        if entry is None:
            return None
        try:
            comm = service.get_comm(entry.id)
        except Exception as exc:
            self._report(exc)
            self._model.refresh()  # it may be gone: show the timeline as it is now
            return None
        dialog = CommDialog.for_edit(self.context, comm, self)
        self._open(dialog)
        return dialog

    def copy_selected(self) -> None:
        """Put the selected entry on the clipboard as text, its whole body."""
        entry = self.current_entry()
        if entry is None:
            return
        try:
            comm = service.get_comm(entry.id)
        except Exception as exc:
            self._report(exc)
            return
        QGuiApplication.clipboard().setText(entry_text(comm))

    def delete_selected(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        subject = entry_heading(entry.subject, entry.body_preview, entry.type)
        command = DeleteCommCommand(self.context, entry.id, entry.customer_id, subject, self)
        self.context.undo_stack.push(command)

    # --- reactions ------------------------------------------------------------------------

    def _open(self, dialog: CommDialog) -> None:
        dialog.accepted.connect(partial(self._saved, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _saved(self, dialog: CommDialog) -> None:
        if dialog.saved_id:
            self.select_entry(dialog.saved_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_edit_dialog()

    def _select_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Focus by Tab makes the first entry current without selecting it; select it, so
        # that Enter and Del act on the entry the keyboard user sees.
        selection = self._view.selectionModel()
        if current.isValid() and not selection.hasSelection():
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        filters = TimelineFilter(
            types=frozenset(v for v, b in self.type_buttons.items() if b.isChecked()),
            directions=frozenset(v for v, b in self.direction_buttons.items() if b.isChecked()),
            text=self.search.text(),
        )
        self._model.set_filter(filters)
        self._after_load()

    def _comms_changed(self, customer_id: str) -> None:
        if self._model.customer_id is not None and customer_id in ("", self._model.customer_id):
            self._model.refresh()
            self._after_load()

    def _after_load(self) -> None:
        """Counts, empty state and actions after the entries shown changed."""
        has_customer = self._model.customer_id is not None
        self.title.setText(self._customer_name if has_customer else self.tr("Communications"))
        if self._model.complete:
            self._show_count()  # every entry is loaded: the count costs nothing
        else:
            # Counting a long timeline costs as much as reading its first screenful: the
            # entries are shown first, and the count follows at the next turn of the loop.
            self.subtitle.clear()
            self._count_timer.start()
        if self._model.rowCount() > 0:
            self.stack.setCurrentWidget(self._view)
        else:
            self.empty.setText(self._empty_text())
            self.clear_filters_button.setVisible(has_customer and self._filtered())
            self.stack.setCurrentWidget(self.empty_page)
        self.log_action.setEnabled(has_customer and self.context.writable)
        self.filters.setEnabled(has_customer)
        self._update_actions()
        self._load_failed = False

    def _count_text(self, count: int) -> str:
        return self.tr("%Ln communications", "", count)

    def _empty_text(self) -> str:
        if self._model.customer_id is None:
            return self.tr("Choose a customer on the left")
        if self._filtered():
            return self._filtered_text()
        return self.tr(
            "No communications yet: press Ctrl+N to log one, or drop e-mails and WhatsApp "
            "chats here"
        )

    def _filtered(self) -> bool:
        filters = self._model.filter
        return bool(filters.types or filters.directions or filters.text)

    def _filtered_text(self) -> str:
        """Which filters hide entries, one whole phrase each, and how many they hide."""
        filters = self._model.filter
        lines = [self.tr("Nothing matches the filters")]
        if filters.types:
            names = ", ".join(type_label(t) for t in TYPES if t in filters.types)
            lines.append(self.tr("Shown types: {names}").format(names=names))
        if filters.directions:
            names = ", ".join(direction_label(d) for d in DIRECTIONS if d in filters.directions)
            lines.append(self.tr("Shown directions: {names}").format(names=names))
        if filters.text:
            lines.append(self.tr("Text: “{text}”").format(text=filters.text))
        customer_id = self._model.customer_id
        try:
            hidden = service.count_comms(customer_id) if customer_id else 0
        except Exception:  # offline: the failed page already said why
            hidden = 0
        if hidden:
            lines.append(self.tr("The filters hide %Ln communications.", "", hidden))
        return "\n".join(lines)

    def _show_count(self) -> None:
        self._count_timer.stop()
        count = 0
        customer_id = self._model.customer_id
        if customer_id is not None and self._model.complete:
            count = self._model.rowCount()
        elif customer_id is not None:
            try:
                count = service.count_timeline(customer_id, self._model.filter)
            except Exception as exc:
                if not self._load_failed:
                    self._report(exc)
                count = self._model.rowCount()
        self._count = count
        if customer_id is None:
            self.subtitle.setText(self.tr("Choose a customer on the left"))
        else:
            self.subtitle.setText(self._count_text(count))
        self.count_changed.emit(count)

    def _update_actions(self) -> None:
        has_entry = self.current_entry() is not None
        self.edit_action.setEnabled(has_entry and self.context.writable)
        self.delete_action.setEnabled(has_entry and self.context.writable)
        self.copy_action.setEnabled(has_entry)

    def _page_failed(self, exc: BaseException) -> None:
        self._load_failed = True
        self._report(exc)

    def _report(self, exc: BaseException) -> None:
        self.context.prompts.error(self, exc)
