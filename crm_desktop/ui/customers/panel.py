"""The customer list panel: search, the list, and new / edit / delete."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import service
from crm_desktop.ui import icons
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.customers.columns import configure_columns
from crm_desktop.ui.customers.commands import DeleteCustomerCommand
from crm_desktop.ui.customers.dialog import CustomerDialog
from crm_desktop.ui.customers.model import CustomerColumn, CustomerModel
from crm_desktop.ui.drops.targets import CustomerDropTarget

log = logging.getLogger("crm_desktop.ui.customers")

SEARCH_DELAY_MS = 150
# Counting every match of a broad search is one more pass over every customer's words:
# the list is shown at once, the status bar's count once the typing pauses.
COUNT_DELAY_MS = SEARCH_DELAY_MS


class CustomerPanel(QWidget):
    """Emits ``customer_selected`` with the chosen customer's id, or None when none is chosen."""

    customer_selected = Signal(object)
    count_changed = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("customerPanel")
        self._current_id: str | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(self.tr("Search name, organization, e-mail, phone"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search customers"))
        self.search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_matches)
        # Enter or Down in the search box moves on to the list, like an address book's;
        # Esc clears it (eventFilter).
        self.search.returnPressed.connect(self._focus_list)
        self.search.installEventFilter(self)

        self.model = CustomerModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("customerList")
        self.view.setAccessibleName(self.tr("Customers"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The indicator first: enabling sorting then asks for the order the model has already,
        # and the list is read once (below), not once per step of the set-up.
        self.view.horizontalHeader().setSortIndicator(
            CustomerColumn.customer_name, Qt.SortOrder.AscendingOrder
        )
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(CustomerColumn.customer_name, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        # Each keystroke of a search shows other rows: a scroll bar that came and went with
        # their number would narrow the list and paint it again (and move its columns).
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        configure_columns(self.view, context.settings)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(self.open_edit_dialog)
        # Laid out at once, not at a later turn of the event loop after a first paint: the
        # rows of a keystroke are painted once (see MediaTable._lay_out_now).
        self.model.modelReset.connect(self.view.doItemsLayout)
        self.model.modelReset.connect(self._after_reset)
        self.model.load_failed.connect(lambda exc: self.context.prompts.error(self, exc))
        # Files dropped on a customer's row are recorded for them; then they are shown.
        self.drops = CustomerDropTarget(context, self.view, self)
        self.drops.saved.connect(lambda customer_id, _ids: self.select_customer(customer_id))

        self.empty = QLabel(self)
        self.empty.setObjectName("customerEmpty")
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.new_action = self._action(
            "customer-new", self.tr("&New customer…"), self.open_new_dialog, "Ctrl+Shift+N"
        )
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.edit_action = self._action(
            "customer-edit", self.tr("&Edit customer…"), self.open_edit_dialog, "F2"
        )
        self.delete_action = self._action(
            "customer-delete", self.tr("&Delete customer…"), self.delete_current, "Del"
        )
        self.search_action = self._action(
            "search", self.tr("&Find customer"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.search_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        # Enter on a customer edits it; Del deletes it (only while the list has the focus).
        for action in (self.edit_action, self.delete_action):
            self.view.addAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # A right click chooses the row (as any click does), then offers what acts on it.
        self._open_actions: list[QAction] = []
        self._copy_actions: list[QAction] = []
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)

        toolbar = QHBoxLayout()
        toolbar.setSpacing(4)
        toolbar.addWidget(self.search, 1)
        for action, name in (
            (self.new_action, "newCustomerButton"),
            (self.edit_action, "editCustomerButton"),
            (self.delete_action, "deleteCustomerButton"),
        ):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            toolbar.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(6)
        layout.addLayout(toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)

        context.events.customers_changed.connect(self._data_changed)
        context.events.comms_changed.connect(self._data_changed)
        self.model.reload()

    def _action(
        self,
        icon: str,
        text: str,
        slot: Callable[[], object],
        keys: QKeySequence | QKeySequence.StandardKey | str,
    ) -> QAction:
        action = QAction(icons.icon(icon), text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        return [self.new_action, self.edit_action, self.delete_action]

    def add_context_actions(self, open_: list[QAction], copy: list[QAction]) -> None:
        """Actions of others (the customer card's) for the context menu: open, then copy."""
        self._open_actions, self._copy_actions = list(open_), list(copy)

    def context_actions(self) -> list[QAction | None]:
        """The context menu of a customer, top to bottom (None: a separator)."""
        return [
            *self._open_actions,
            None,
            self.edit_action,
            self.delete_action,
            None,
            *self._copy_actions,
            None,
            self.new_action,
        ]

    def _show_context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in self.context_actions():
            if action is None:
                menu.addSeparator()
            elif action.isEnabled() or action in (self.edit_action, self.delete_action):
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(position))

    # --- selection ------------------------------------------------------------------------

    @property
    def current_id(self) -> str | None:
        return self._current_id

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_of(current)
        customer_id = row.id if row else None
        self._update_actions(customer_id)
        if customer_id != self._current_id:
            self._current_id = customer_id
            self.customer_selected.emit(customer_id)

    def _update_actions(self, customer_id: str | None) -> None:
        writable = self.context.writable
        self.new_action.setEnabled(writable)
        self.edit_action.setEnabled(customer_id is not None and writable)
        self.delete_action.setEnabled(customer_id is not None and writable)

    def select_customer(self, customer_id: str) -> bool:
        """Select a customer, loading pages until its row is there; False if it is not listed."""
        position = self.model.position_of(customer_id)
        if position is None:
            return False
        while self.model.rowCount() <= position and self.model.canFetchMore():
            self.model.fetchMore()
        if self.model.row_at(position) is None:
            return False
        index = self.model.index(position, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def select_first(self) -> None:
        if self.model.rowCount():
            self.view.selectRow(0)

    def _after_reset(self) -> None:
        # A new search or sort: keep the chosen customer chosen if they are still listed.
        if self._current_id is not None:
            kept = self.model.find_row(self._current_id)
            if kept >= 0:
                self.view.selectRow(kept)
            elif not self.select_customer(self._current_id):
                self._current_id = None
                self.customer_selected.emit(None)
        self._update_actions(self._current_id)
        self._update_empty_state()

    def _data_changed(self, _customer_id: str = "") -> None:
        self.model.refresh()
        current = self._current_id
        if (
            current is not None
            and self.model.find_row(current) < 0
            and not self.select_customer(current)
        ):
            self._current_id = None
            self.customer_selected.emit(None)
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        if self.model.complete:
            # Every match is loaded (a narrow search: "meyer 12"): they are the count.
            self._count_timer.stop()
            self.count_changed.emit(self.model.rowCount())
        else:
            self._count_timer.start()
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if self.model.search:
            self.empty.setText(self.tr("No customer matches “{0}”.").format(self.model.search))
        else:
            self.empty.setText(self.tr("No customers yet: press Ctrl+Shift+N to add one."))

    @property
    def count_pending(self) -> bool:
        """True while the count of a broad search waits for the typing to pause."""
        return self._count_timer.isActive()

    def _count_matches(self) -> None:
        try:
            count = service.count_customers(self.model.search)
        except Exception:  # offline: the model's failed page already said why
            log.info("Counting customers failed", exc_info=True)
            count = self.model.rowCount()
        self.count_changed.emit(count)

    # --- search ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_search(self) -> None:
        self.model.set_search(self.search.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            plain = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if event.modifiers() not in plain:
                return super().eventFilter(watched, event)
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self._search_timer.stop()
                self._apply_search()  # at once: the whole list is back, the customer kept
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                self._focus_list()
                return True
        return super().eventFilter(watched, event)

    def _focus_list(self) -> None:
        self._search_timer.stop()
        self._apply_search()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid():
            self.select_first()

    # --- new, edit, delete ----------------------------------------------------------------

    def open_new_dialog(self) -> CustomerDialog:
        dialog = CustomerDialog.for_new(self.context, self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def open_edit_dialog(self) -> CustomerDialog | None:
        if self._current_id is None:
            return None
        try:
            customer = service.get_customer(self._current_id)
        except Exception as exc:
            self.context.prompts.error(self, exc)
            self._data_changed()
            return None
        dialog = CustomerDialog.for_edit(self.context, customer, self)
        dialog.open()
        return dialog

    def _saved(self, dialog: CustomerDialog) -> None:
        if dialog.saved_id is not None:
            if self.model.search and not self.select_customer(dialog.saved_id):
                # A new customer hidden by the search: clear it so they can be seen.
                self.search.clear()
                self._apply_search()
            self.select_customer(dialog.saved_id)

    def delete_question(self, name: str, comms: int, media: int) -> str:
        """ "Delete “ACME” with 3 communications and 1 media record?", in whole phrases."""
        entries = self.tr("%Ln communications", "", comms)
        files = self.tr("%Ln media records", "", media)
        if comms and media:
            question = self.tr("Delete “{name}” with {entries} and {files}?").format(
                name=name, entries=entries, files=files
            )
        elif comms or media:
            question = self.tr("Delete “{name}” with {entries}?").format(
                name=name, entries=entries if comms else files
            )
        else:
            question = self.tr("Delete “{name}”?").format(name=name)
        return (
            question
            + "\n\n"
            + self.tr(
                "You can undo this right after (Ctrl+Z). The files themselves stay in Nextcloud."
            )
        )

    def delete_current(self) -> None:
        """Delete the chosen customer, undoably; one with entries or media asks first."""
        customer_id = self._current_id
        if customer_id is None:
            return
        try:
            customer = service.get_customer(customer_id)
            comms, media = service.count_comms(customer_id), service.count_media(customer_id)
        except Exception as exc:
            self.context.prompts.error(self, exc)
            self._data_changed()
            return
        if (comms or media) and not self.context.prompts.confirm(
            self,
            self.tr("Delete customer"),
            self.delete_question(customer.name, comms, media),
            self.tr("Delete"),
        ):
            return
        row = self.model.find_row(customer_id)
        had_focus = self.view.hasFocus()
        command = DeleteCustomerCommand(self.context, customer_id, customer.name, self)
        self.context.undo_stack.push(command)  # runs redo(): deletes, then customers_changed
        # Move on to the neighbour, as a list does after a delete.
        if command.records is not None and self.model.rowCount():
            self.view.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        if had_focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
