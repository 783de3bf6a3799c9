"""The customer card: who the chosen customer is and how to reach them, at one glance.

Phone and e-mail are actions (call or write through the desktop, or copy); the Nextcloud
folder opens in the file manager when it is in the sync folder. Long notes are cut to a
few lines with a "More" toggle, so that the card leaves the media panel below it room on a
1366x768 screen. Everything is read through the service; editing goes through the
customer dialog.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import nextcloud, service
from crm_desktop.errors import NotFoundError
from crm_desktop.models import CustomerInDB
from crm_desktop.ui import icons
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.customers.dialog import CustomerDialog

log = logging.getLogger("crm_desktop.ui.customers")

NOTES_LINES = 3  # notes longer than this are cut, with a "More" toggle
ICON_SIZE = 16


def first_lines(text: str, font: QFont, width: int, count: int) -> tuple[str, bool]:
    """The first ``count`` lines of ``text`` wrapped at ``width`` pixels, the last one
    elided if more follows; and whether anything was cut."""
    metrics = QFontMetrics(font)
    shown: list[str] = []
    paragraphs = text.splitlines() or [""]
    for number, paragraph in enumerate(paragraphs):
        layout = QTextLayout(paragraph, font)
        layout.beginLayout()
        lines: list[str] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1))
            lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
        for index, line_text in enumerate(lines or [""]):
            if len(shown) == count:
                last = shown[-1].rstrip() + " …"
                shown[-1] = metrics.elidedText(last, Qt.TextElideMode.ElideRight, width)
                return "\n".join(shown), True
            more = index < len(lines) - 1 or number < len(paragraphs) - 1
            shown.append(line_text.rstrip() if more else line_text)
    return "\n".join(shown), False


class _ActionButton(QToolButton):
    """A phone number, an address or a folder that does something when clicked: flat,
    elided to the card's width, with the whole text as its tooltip."""

    def __init__(self, name: str, icon: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setIcon(icons.icon(icon))
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(40)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.full_text = ""

    def show_text(self, text: str, hint: str) -> None:
        self.full_text = text
        self.setToolTip(f"{text}\n{hint}" if hint else text)
        self.setAccessibleName(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.width() - ICON_SIZE - 16
        self.setText(
            self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideMiddle, room)
        )


class CustomerCard(QScrollArea):
    """The chosen customer's details; ``set_customer(None)`` says that none is chosen.

    A scroll area: the splitter may give it less than all (opened notes), never less than
    a line, and the media panel below keeps its room."""

    edited = Signal(str)  # the customer's id, after a save through the dialog

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("customerCard")
        self.setAccessibleName(self.tr("Customer card"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget(self)
        self.body.setObjectName("customerCardBody")
        self.customer: CustomerInDB | None = None
        self._notes_open = False
        self.user_sized = False
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self.fit_height)

        self.name = QLabel(self)
        self.name.setObjectName("cardName")
        self.name.setProperty("role", "heading")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.edit_action = QAction(icons.icon("customer-edit"), self.tr("Edit customer…"), self)
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.edit_action.setToolTip(self.tr("Edit this customer (Ctrl+E)"))
        self.edit_action.triggered.connect(self.open_edit_dialog)
        self.addAction(self.edit_action)
        self.edit_button = QToolButton(self)
        self.edit_button.setObjectName("cardEdit")
        self.edit_button.setDefaultAction(self.edit_action)
        self.edit_button.setAutoRaise(True)

        self.organization = QLabel(self)
        self.organization.setObjectName("cardOrganization")
        self.organization.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.organization.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.phone = _ActionButton("cardPhone", "phone", self)
        self.phone.clicked.connect(self.call)
        self.email = _ActionButton("cardEmail", "email", self)
        self.email.clicked.connect(self.write_email)
        self.copy_phone = self._copy_button("cardCopyPhone", self.tr("Copy the phone number"))
        self.copy_phone.clicked.connect(lambda: self._copy(self.phone.full_text))
        self.copy_email = self._copy_button("cardCopyEmail", self.tr("Copy the e-mail address"))
        self.copy_email.clicked.connect(lambda: self._copy(self.email.full_text))
        for button in (self.phone, self.email):
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.customContextMenuRequested.connect(
                lambda pos, b=button: self._contact_menu(b, pos)
            )

        self.address = self._text_label("cardAddress")
        self.tags = self._text_label("cardTags")
        self.folder = _ActionButton("cardFolder", "open", self)
        self.folder.clicked.connect(self.open_folder)
        self.folder_note = QLabel(self)
        self.folder_note.setObjectName("cardFolderNote")
        self.folder_note.setProperty("role", "hint")
        self.folder_note.setWordWrap(True)
        self.folder_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notes = self._text_label("cardNotes")
        self.notes_toggle = QToolButton(self)
        self.notes_toggle.setObjectName("cardNotesToggle")
        self.notes_toggle.setAutoRaise(True)
        self.notes_toggle.clicked.connect(self.toggle_notes)

        # The same, for the customer list's context menu (the window adds them there).
        self.open_folder_action = QAction(
            icons.icon("open"), self.tr("Open Nextcloud &folder"), self
        )
        self.open_folder_action.triggered.connect(self.open_folder)
        self.email_action = QAction(icons.icon("email"), self.tr("&Write an e-mail"), self)
        self.email_action.triggered.connect(self.write_email)
        self.call_action = QAction(icons.icon("phone"), self.tr("C&all"), self)
        self.call_action.triggered.connect(self.call)
        self.copy_action = QAction(icons.icon("copy"), self.tr("&Copy contact details"), self)
        self.copy_action.triggered.connect(self.copy_details)

        self.empty = QLabel(self.tr("Choose a customer to see their details here."), self)
        self.empty.setObjectName("cardEmpty")
        self.empty.setProperty("role", "empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.name, 1)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

        grid = self.grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self._rows: dict[str, list[QWidget]] = {}
        self._add_row("organization", "organization", self.organization)
        self._add_row("phone", "", self.phone, self.copy_phone)
        self._add_row("email", "", self.email, self.copy_email)
        self._add_row("address", "address", self.address)
        self._add_row("tags", "tag", self.tags)
        self._add_row("folder", "", self.folder)
        self._add_row("folder_note", "", self.folder_note)
        self._add_row("notes", "notes", self.notes, self.notes_toggle)

        self.details = QWidget(self)
        details = self.details_layout = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(4)
        details.addLayout(header)
        details.addLayout(grid)

        layout = self.body_layout = QVBoxLayout(self.body)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.details)
        layout.addWidget(self.empty)
        layout.addStretch(1)
        self.setWidget(self.body)

        context.events.customers_changed.connect(self._customer_changed)
        context.events.settings_changed.connect(self._show)
        self._show()

    # --- building -------------------------------------------------------------------------

    def _copy_button(self, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(icons.icon("copy"))
        button.setAutoRaise(True)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _text_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def _add_row(self, key: str, icon: str, *widgets: QWidget) -> None:
        row = self.grid.rowCount()
        parts: list[QWidget] = list(widgets)
        if icon:
            mark = QLabel(self)
            mark.setPixmap(icons.icon(icon).pixmap(ICON_SIZE, ICON_SIZE))
            mark.setContentsMargins(4, 2, 4, 0)
            self.grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            parts.insert(0, mark)
        column = 0 if not icon else 1
        span = 2 if not icon else 1
        self.grid.addWidget(widgets[0], row, column, 1, span)
        for extra in widgets[1:]:
            self.grid.addWidget(extra, row, 2, Qt.AlignmentFlag.AlignTop)
        self._rows[key] = parts

    def _show_row(self, key: str, shown: bool) -> None:
        for widget in self._rows[key]:
            widget.setVisible(shown)

    # --- showing --------------------------------------------------------------------------

    def set_customer(self, customer: CustomerInDB | None) -> None:
        if customer is None or self.customer is None or customer.id != self.customer.id:
            self._notes_open = False
        self.customer = customer
        self._show()
        self.fit_height()

    def _customer_changed(self, customer_id: str) -> None:
        if self.customer is None or customer_id not in ("", self.customer.id):
            return
        try:
            customer = service.get_customer(self.customer.id)
        except NotFoundError:
            customer = None  # deleted: the list moves on and says so
        except Exception:  # offline: the list's own reading says why
            log.info("Reading the customer for the card failed", exc_info=True)
            return
        self.customer = customer
        self._show()

    def _show(self) -> None:
        customer = self.customer
        self.details.setVisible(customer is not None)
        self.empty.setVisible(customer is None)
        self.edit_action.setEnabled(customer is not None and self.context.writable)
        self.open_folder_action.setEnabled(bool(customer and customer.nextcloud_folder))
        self.email_action.setEnabled(bool(customer and customer.email))
        self.call_action.setEnabled(bool(customer and customer.phone))
        self.copy_action.setEnabled(customer is not None)
        if customer is None:
            return
        self.name.setText(customer.name)
        self.name.setToolTip(customer.name)
        self.organization.setText(customer.organization or "")
        self._show_row("organization", bool(customer.organization))
        self.phone.show_text(customer.phone or "", self.tr("Click to call"))
        self._show_row("phone", bool(customer.phone))
        self.email.show_text(customer.email or "", self.tr("Click to write an e-mail"))
        self._show_row("email", bool(customer.email))
        self.address.setText(customer.address or "")
        self._show_row("address", bool(customer.address))
        self.tags.setText(" · ".join(customer.tags))
        self.tags.setToolTip(self.tr("Tags"))
        self._show_row("tags", bool(customer.tags))
        self._show_folder(customer)
        self._show_notes()

    def _show_folder(self, customer: CustomerInDB) -> None:
        folder = customer.nextcloud_folder or ""
        self._show_row("folder", bool(folder))
        reason = self.folder_problem() if folder else ""
        self.folder.show_text(folder, reason or self.tr("Click to open the folder"))
        self.folder_note.setText(reason)
        self._show_row("folder_note", bool(reason))

    def _show_notes(self) -> None:
        text = (self.customer.notes if self.customer else None) or ""
        self._show_row("notes", bool(text))
        if not text:
            return
        shown = self.notes.width()
        width = shown if shown > 40 else max(self.viewport().width() - 80, 200)
        cut, more = first_lines(text, self.notes.font(), width, NOTES_LINES)
        self.notes.setText(text if self._notes_open else cut)
        self.notes.setToolTip(text if more else "")
        self.notes_toggle.setVisible(more or self._notes_open)
        self.notes_toggle.setText(self.tr("Less") if self._notes_open else self.tr("More"))
        self.notes_toggle.setToolTip(
            self.tr("Show less of the notes") if self._notes_open else self.tr("Show all notes")
        )

    def toggle_notes(self) -> None:
        self._notes_open = not self._notes_open
        self._show_notes()
        self.details.updateGeometry()
        self.fit_height(asked=True)

    def wanted_height(self) -> int:
        """The card's natural height at its width (the notes wrap)."""
        for layout in (self.grid, self.details_layout):
            layout.invalidate()  # the notes' lines changed: no cached height
        margins = self.body_layout.contentsMargins()
        inner = self.details if self.customer is not None else self.empty
        width = self.viewport().width() - margins.left() - margins.right()
        height = inner.heightForWidth(width) if inner.hasHeightForWidth() else -1
        if height < 0:
            height = inner.sizeHint().height()
        return height + margins.top() + margins.bottom()

    def fit_height(self, *, asked: bool = False) -> None:
        """In a splitter (the window's right column): take the natural height, and leave
        the panel below at least half of the column. Once the person has moved the
        splitter's handle, only when ``asked`` (More / Less)."""
        splitter = self.parentWidget()
        if not isinstance(splitter, QSplitter) or not splitter.isVisible():
            return
        if self.user_sized and not asked:
            return
        sizes = splitter.sizes()
        index = splitter.indexOf(self)
        total = sum(sizes)
        if len(sizes) != 2 or total <= 0:
            return
        mine = min(self.wanted_height(), total // 2)
        sizes[index], sizes[1 - index] = mine, total - mine
        splitter.setSizes(sizes)

    def place_in(self, splitter: QSplitter, user_sized: bool) -> None:
        """The card is the top of ``splitter``; a height the person chose (``user_sized``,
        e.g. restored from the settings, or a drag of the handle) is kept."""
        self.user_sized = user_sized
        splitter.splitterMoved.connect(self._handle_moved)

    def _handle_moved(self) -> None:
        self.user_sized = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._show_notes()
            # The notes wrap anew: the natural height follows (after this layout pass).
            self._fit_timer.start()

    # --- the folder -----------------------------------------------------------------------

    def folder_path(self) -> Path | None:
        if self.customer is None or not self.customer.nextcloud_folder:
            return None
        return nextcloud.in_sync_folder(
            self.customer.nextcloud_folder, self.context.settings.nextcloud_folder
        )

    def folder_problem(self) -> str:
        """Why the folder cannot be opened on this computer, or "" when it can."""
        if not self.context.settings.nextcloud_folder:
            return self.tr("Set the Nextcloud sync folder in Settings to open it here.")
        path = self.folder_path()
        if path is None:
            return self.tr("This folder lies outside the Nextcloud sync folder.")
        if not path.is_dir():
            return self.tr("Not synced to this computer yet.")
        return ""

    def open_folder(self) -> None:
        problem = self.folder_problem()
        path = self.folder_path()
        if problem or path is None:
            self.context.prompts.inform(
                self, self.tr("Cannot open the folder"), problem or self.tr("No folder is set.")
            )
            return
        self._open_url(QUrl.fromLocalFile(str(path)), str(path))

    # --- phone and e-mail -----------------------------------------------------------------

    def call(self) -> None:
        if self.customer is not None and self.customer.phone:
            number = "".join(c for c in self.customer.phone if c.isdigit() or c == "+")
            self._open_url(QUrl(f"tel:{number}"), self.customer.phone)

    def write_email(self) -> None:
        if self.customer is not None and self.customer.email:
            self._open_url(QUrl(f"mailto:{self.customer.email}"), self.customer.email)

    def _open_url(self, url: QUrl, what: str) -> None:
        if not QDesktopServices.openUrl(url):
            self.context.prompts.inform(
                self,
                self.tr("Nothing could open this"),
                self.tr("No application on this computer opens {what}.").format(what=what),
            )

    def details_text(self) -> str:
        """The customer's name and how to reach them, as lines to paste into a letter or a
        message."""
        customer = self.customer
        if customer is None:
            return ""
        parts = (
            customer.name,
            customer.organization,
            customer.address,
            customer.phone,
            customer.email,
        )
        return "\n".join(part for part in parts if part)

    def copy_details(self) -> None:
        self._copy(self.details_text())

    def context_actions(self) -> tuple[list[QAction], list[QAction]]:
        """What the customer list's context menu offers from the card: (open, copy)."""
        return [self.open_folder_action, self.email_action, self.call_action], [self.copy_action]

    def _copy(self, text: str) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)

    def _contact_menu(self, button: _ActionButton, pos: QPoint) -> None:
        menu = QMenu(self)
        if button is self.phone:
            menu.addAction(icons.icon("phone"), self.tr("Call"), self.call)
        else:
            menu.addAction(icons.icon("email"), self.tr("Write an e-mail"), self.write_email)
        menu.addAction(icons.icon("copy"), self.tr("Copy"), lambda: self._copy(button.full_text))
        menu.popup(button.mapToGlobal(pos))

    # --- editing --------------------------------------------------------------------------

    def open_edit_dialog(self) -> CustomerDialog | None:
        if self.customer is None or not self.context.writable:
            return None
        try:
            customer = service.get_customer(self.customer.id)
        except Exception as exc:
            self.context.prompts.error(self, exc)
            return None
        dialog = CustomerDialog.for_edit(self.context, customer, self)
        dialog.accepted.connect(lambda: self.edited.emit(customer.id))
        dialog.open()
        return dialog
