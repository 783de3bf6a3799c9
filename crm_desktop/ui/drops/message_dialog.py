"""The review dialogs of message drops: e-mails and chats that become a customer's entries
(``MessageDropDialog``), vCards that become customers (``ContactDropDialog``).

Both read what was dropped on a worker thread as soon as they open and save on one too,
with progress and Cancel, so the window never stalls; nothing is written before the person
presses the button, and a save is all or nothing (``message_save``, ``contact_review``).
After a cancelled or failed save the dialog stays open with everything as it was, and says
what happened.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import Cancelled, InvalidInputError, explain
from crm_desktop.models import CommDirection, CustomerInDB
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.drops.contact_review import (
    ContactReview,
    ContactStatus,
    read_contacts,
    save_contacts,
)
from crm_desktop.ui.drops.fields import DropTable
from crm_desktop.ui.drops.items import Dropped
from crm_desktop.ui.drops.message_model import (
    ContactColumn,
    ContactReviewModel,
    MessageColumn,
    MessageReviewModel,
)
from crm_desktop.ui.drops.message_review import (
    MessageReview,
    Perspective,
    Tally,
    office_addresses,
    read_drop,
)
from crm_desktop.ui.drops.message_save import MessageSave, SavedMessages, save_messages
from crm_desktop.ui.drops.save import SaveProgress
from crm_desktop.ui.drops.settings_section import country_code
from crm_desktop.ui.forms import MARGIN, SPACING
from crm_desktop.ui.garbage import Held
from crm_desktop.ui.labels import direction_label
from crm_desktop.ui.worker import Work, Worker

log = logging.getLogger("crm_desktop.ui.drops")

Index = QModelIndex | QPersistentModelIndex

_MESSAGE_WIDTHS: dict[int, int] = {
    MessageColumn.log: 40,
    MessageColumn.customer: 104,
    MessageColumn.type: 76,
    MessageColumn.direction: 84,
    MessageColumn.when: 192,
    MessageColumn.subject: 200,
    MessageColumn.files: 100,
    MessageColumn.file: 130,
}
_CONTACT_WIDTHS: dict[int, int] = {
    ContactColumn.add: 40,
    ContactColumn.full_name: 180,
    ContactColumn.organization: 150,
    ContactColumn.email: 190,
    ContactColumn.phone: 130,
    ContactColumn.file: 130,
}


class Stage(Enum):
    reading = "reading"
    review = "review"
    saving = "saving"
    saved = "saved"


class DirectionDelegate(QStyledItemDelegate):
    """The direction column: a list of the spec's directions (double-click or F2)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("messageDropDirectionEditor")
        for direction in CommDirection:
            editor.addItem(direction_label(direction), str(direction))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class _ReviewDialog(QDialog):
    """What both reviews share: summary, table, details, progress, the work on a Worker."""

    # After saving: the customer's id ("" for new customers) and the new records' ids.
    saved = Signal(str, list)

    def __init__(self, context: AppContext, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self._name = name
        self._stage = Stage.reading
        self.setObjectName(f"{name}Dialog")
        self.setMinimumSize(720, 480)
        # Thousands of rows (a chat of 20,000 messages) for a while: garbage collections
        # leave what the app held before alone until the dialog is done (see set_aside).
        self._set_aside = Held()
        self.destroyed.connect(self._set_aside.release)  # also if done() never comes
        self.worker = Worker(self)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._work_done)
        self.worker.failed.connect(self._work_failed)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setWordWrap(True)
        self.banner = QLabel(self)
        self.banner.setObjectName(f"{name}Banner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.details = QLabel(self)
        self.details.setObjectName(f"{name}Details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)

        self.progress = QProgressBar(self)
        self.progress.setObjectName(f"{name}Progress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.status = QLabel(self)
        self.status.setObjectName(f"{name}Status")
        self.all_button = QPushButton(self)
        self.all_button.setObjectName(f"{name}CheckAll")
        self.all_button.clicked.connect(lambda: self._set_all(True))
        self.none_button = QPushButton(self)
        self.none_button.setObjectName(f"{name}CheckNone")
        self.none_button.clicked.connect(lambda: self._set_all(False))
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName(f"{name}Save")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName(f"{name}Cancel")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

    def _lay_out(self, table: DropTable, extra: QWidget | None = None) -> None:
        self.table = table
        table.setObjectName(f"{self._name}Table")
        table.selectionModel().currentRowChanged.connect(self._show_details)
        progress_row = QHBoxLayout()
        progress_row.setSpacing(SPACING)
        progress_row.addWidget(self.status, 1)
        progress_row.addWidget(self.progress, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.all_button)
        bottom.addWidget(self.none_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        if extra is not None:
            layout.addWidget(extra)
        layout.addWidget(table, 1)
        layout.addWidget(self.details)
        layout.addLayout(progress_row)
        layout.addLayout(bottom)
        # Wide enough for every column on a 1366x768 screen, never wider than the screen.
        screen = self.screen().availableGeometry()
        self.resize(min(1180, screen.width() - 60), min(640, screen.height() - 60))
        state = self.context.settings.state(f"dialog/{type(self).__name__}")
        if state is not None:
            self.restoreGeometry(state)

    # --- stages ---------------------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        return self._stage

    def _set_stage(self, stage: Stage) -> None:
        self._stage = stage
        busy = stage in (Stage.reading, Stage.saving)
        self.progress.setVisible(busy)
        self.status.setVisible(busy or bool(self.status.text()))
        for widget in self._review_widgets():
            widget.setEnabled(stage == Stage.review)
        self._update_summary()

    def _review_widgets(self) -> list[QWidget]:
        return [self.table, self.all_button, self.none_button]

    def _start(self, work: Work, text: str) -> None:
        self._show_status(text)
        self.progress.setRange(0, 0)
        self.worker.start(work)

    def _progress(self, value: Any) -> None:
        if isinstance(value, SaveProgress):
            if value.writing or not value.files_to_copy:
                self.progress.setRange(0, 0)
                self._show_status(self._writing_text())
                return
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * value.bytes_copied / max(value.bytes_to_copy, 1)))
            locale = QLocale()
            self._show_status(
                self.tr("Copying into the Nextcloud folder… {done} of {total} files").format(
                    done=locale.toString(value.files_copied),
                    total=locale.toString(value.files_to_copy),
                )
            )
            return
        done, total = value
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self._show_status(
            self.tr("Reading the files… {done} of {total}").format(
                done=QLocale().toString(done), total=QLocale().toString(total)
            )
        )

    def _writing_text(self) -> str:
        return self.tr("Saving…")

    def _work_done(self, result: Any) -> None:
        if self._stage == Stage.reading:
            self._show_status("")
            self._reviewed(result)
        elif self._stage == Stage.saving:
            self._saved(result)

    def _work_failed(self, exc: BaseException) -> None:
        if self._stage == Stage.reading and isinstance(exc, Cancelled):
            super().reject()
            return
        reading = self._stage == Stage.reading
        self._set_stage(Stage.review)
        if reading:
            self._show_problem(exc, "")
        elif isinstance(exc, Cancelled):
            self._show_status(self.tr("Cancelled: nothing was saved and no file was copied."))
        else:
            self._show_problem(exc, self.tr("Nothing was saved and no file was copied."))

    def _show_problem(self, exc: BaseException, after: str) -> None:
        if isinstance(exc, InvalidInputError):
            text = self._input_errors(exc.field_errors)
        else:  # the app's one policy (FieldForm.show_failure): its words, a bug to the log
            explanation = explain(exc)
            if explanation.is_bug:
                log.error("A message drop failed", exc_info=exc)
            plain = explanation.plain
            text = explanation.text if plain else f"{explanation.title}: {explanation.text}"
        self._show_status("")
        self.show_banner("\n".join(filter(None, [text, after])))

    def _input_errors(self, errors: dict[str, str]) -> str:
        """Errors of rows name the row (and select it); others are said as they are."""
        lines, rows = [], []
        for location, message in errors.items():
            parts = location.split(".")
            if parts[0] == "rows" and len(parts) > 1 and parts[1].lstrip("-").isdigit():
                row = int(parts[1])
                rows.append(row)
                lines.append(self.tr("Row {row}: {message}").format(row=row + 1, message=message))
            else:
                lines.append(message)
        if rows and min(rows) >= 0:
            self.table.select_row(min(rows))
        return "\n".join(lines)

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setProperty("role", "error")
        self.banner.setVisible(bool(text))

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.details.setText(self._details(current.row()) if current.isValid() else "")

    def _focus_first_row(self) -> None:
        model = self.table.model()
        if model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                model.index(0, 1), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.table.setFocus()

    # --- what each review says ------------------------------------------------------------

    def save(self) -> None:
        raise NotImplementedError

    def _reviewed(self, result: Any) -> None:
        raise NotImplementedError

    def _saved(self, result: Any) -> None:
        raise NotImplementedError

    def _set_all(self, keep: bool) -> None:
        raise NotImplementedError

    def _details(self, row: int) -> str:
        raise NotImplementedError

    def _update_summary(self, *_args: object) -> None:
        raise NotImplementedError

    # --- closing --------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: stops the running work (a cancelled save keeps the dialog open), or closes."""
        if self.worker.busy:
            self.worker.cancel()
            self._show_status(self.tr("Cancelling…"))
            return
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # No default button: Enter never saves a thousand messages by accident; Ctrl+Enter does.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def done(self, result: int) -> None:
        self.worker.shutdown()
        self.context.settings.set_state(f"dialog/{type(self).__name__}", self.saveGeometry())
        self._set_aside.release()
        super().done(result)


class MessageDropDialog(_ReviewDialog):
    """Review the e-mails, chats (and other files) of one drop for one customer.

    ``saved(customer_id, comm_ids)`` after saving; ``only_files(items)`` instead of a review
    when the drop held no message file after all (the media review takes it then).
    """

    only_files = Signal(list)

    def __init__(
        self,
        context: AppContext,
        customer: CustomerInDB,
        items: list[Dropped],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "messageDrop", parent)
        self.customer = customer
        self.items = items
        self.sync_folder = context.settings.nextcloud_folder or None
        self.result_saved: SavedMessages | None = None
        self.saved_ids: list[str] = []
        self.setWindowTitle(self.tr("Log messages for {name}").format(name=customer.name))
        self.setAccessibleName(self.windowTitle())
        self.intro.setText(
            self.tr(
                "Each message becomes an entry of {name}'s timeline, its attachments files in "
                "their Nextcloud folder. Untick what should not be logged; double-click a "
                "direction to change it."
            ).format(name=customer.name)
        )
        self.all_button.setText(self.tr("Log &all"))
        self.none_button.setText(self.tr("Log &none"))
        self.save_button.setToolTip(self.tr("Log the ticked messages (Ctrl+Enter)"))
        self.model = MessageReviewModel(customer.name, self)
        table = DropTable(self.model, self, widths=_MESSAGE_WIDTHS, elide=(MessageColumn.file,))
        table.setAccessibleName(self.tr("Dropped messages"))
        table.setItemDelegateForColumn(MessageColumn.direction, DirectionDelegate(table))
        self.chats_box = QGroupBox(self.tr("WhatsApp: who is the customer?"), self)
        self.chats_box.setObjectName("messageDropChats")
        self.chats_form = QFormLayout(self.chats_box)
        self.chats_box.hide()
        self.chat_choices: list[QComboBox] = []
        self._lay_out(table, self.chats_box)
        # (A new review is summed up by _set_stage(): once, for 20,000 rows.)
        self.model.dataChanged.connect(self._update_summary)
        self._set_stage(Stage.reading)

    @property
    def review(self) -> MessageReview | None:
        return self.model.review

    def perspective(self) -> Perspective:
        settings, customer = self.context.settings, self.customer
        return Perspective(
            customer.id,
            customer.name,
            customer.email,
            customer.phone,
            customer.nextcloud_folder,
            office_addresses=office_addresses(settings.office_addresses),
            user_name=self.context.user_name,
            country_code=country_code(settings),
        )

    def read(self) -> None:
        """Read the dropped files on the worker thread; the table fills when done."""
        items, perspective, sync_folder = list(self.items), self.perspective(), self.sync_folder

        def work(cancel: threading.Event, report: Callable[[Any], None]) -> MessageReview:
            return read_drop(
                items,
                perspective,
                sync_folder,
                cancel=cancel,
                progress=lambda done, total: report((done, total)),
            )

        self._start(work, self.tr("Reading the files…"))

    def _reviewed(self, review: MessageReview) -> None:
        if not review.has_messages:
            self.only_files.emit(self.items)
            self.done(QDialog.DialogCode.Rejected)
            return
        self.model.set_review(review, copying=bool(self.sync_folder))
        self._build_chats(review)
        warnings = list(review.notes)
        attachments = review.attachments_kept() if not self.sync_folder else 0
        if attachments:
            warnings.insert(
                0,
                self.tr(
                    "No Nextcloud sync folder is set (Settings): the messages are logged "
                    "without their {count} attachments."
                ).format(count=QLocale().toString(attachments)),
            )
        if warnings:
            shown = warnings[:4]
            if len(warnings) > 4:
                shown.append(self.tr("… and {n} more").format(n=len(warnings) - 4))
            self.banner.setText("\n".join(shown))
            self.banner.setToolTip("\n".join(warnings))
            self.banner.setProperty("role", "")
            self.banner.show()
        self._set_stage(Stage.review)
        self._focus_first_row()

    def _build_chats(self, review: MessageReview) -> None:
        for number, chat in enumerate(review.chats):
            choice = QComboBox(self.chats_box)
            choice.setObjectName("messageDropChatCustomer")
            for person in chat.participants:
                choice.addItem(
                    self.tr("{name} (%Ln messages)", "", person.messages).format(name=person.name),
                    person.name,
                )
            choice.addItem(self.tr("Nobody: all messages outbound"), "")
            choice.setCurrentIndex(max(0, choice.findData(chat.customer or "")))
            choice.currentIndexChanged.connect(
                lambda _i, n=number, box=choice: self.model.set_chat_customer(
                    n, box.currentData() or None
                )
            )
            label = self.tr("“{chat}” ({file}):").format(chat=chat.title, file=chat.file)
            self.chats_form.addRow(label, choice)
            self.chat_choices.append(choice)
        self.chats_box.setVisible(bool(review.chats))

    def _review_widgets(self) -> list[QWidget]:
        return [*super()._review_widgets(), self.chats_box]

    def _set_all(self, keep: bool) -> None:
        self.model.set_all(keep)

    def _details(self, row: int) -> str:
        return self.model.details(row)

    def save(self) -> None:
        """Copy the attachments and log the ticked messages, on the worker thread."""
        review = self.review
        if self._stage != Stage.review or review is None or not review.kept():
            return
        self.banner.hide()
        copy_outside = bool(self.sync_folder)
        target = MessageSave(
            self.customer.id,
            self.customer.nextcloud_folder,
            self.context.user_name or None,
            self.sync_folder,
            review.recorded_paths(),
        )
        uploaded_by = self.context.user_name or None

        def work(cancel: threading.Event, report: Callable[[Any], None]) -> SavedMessages:
            # Read on the worker: the review does not change while it saves (the table is
            # disabled), and 20,000 entries take the GUI thread's time otherwise.
            entries, files = review.entries(), review.files(copy_outside)
            return save_messages(
                target, entries, files, uploaded_by=uploaded_by, cancel=cancel, progress=report
            )

        self._set_stage(Stage.saving)
        self._start(work, self.tr("Saving…"))

    def _writing_text(self) -> str:
        return self.tr("Logging…")

    def _saved(self, result: SavedMessages) -> None:
        self.result_saved = result
        self.saved_ids = [comm.id for comm in result.comms]
        self._set_stage(Stage.saved)
        customer_id = self.customer.id
        events = self.context.events
        events.comms_changed.emit(customer_id)
        if result.media:
            events.media_changed.emit(customer_id)
        self.saved.emit(customer_id, self.saved_ids)
        if result.logged_meanwhile:
            self.context.prompts.inform(
                self.parentWidget(),
                self.tr("Some messages were logged already"),
                self.tr(
                    "{count} of the messages were logged by someone else while you reviewed "
                    "them; they were not logged twice."
                ).format(count=QLocale().toString(result.logged_meanwhile)),
            )
        self.accept()

    def _update_summary(self, *_args: object) -> None:
        review = self.review
        tally = review.tally() if review is not None else Tally()
        count = tally.messages_kept + tally.files_kept
        if tally.files_kept:
            self.save_button.setText(self.tr("Save (%n)", "", count))  # messages and files
        else:
            self.save_button.setText(self.tr("Log %n messages", "", count))
        self.save_button.setEnabled(self._stage == Stage.review and count > 0)
        if review is None:
            self.summary.setText(self.tr("Reading what was dropped…"))
            return
        locale = QLocale()
        parts = [
            self.tr("Messages to log: {count} of {total}").format(
                count=locale.toString(tally.messages_kept), total=locale.toString(tally.messages)
            )
        ]
        for amount, text in (
            (tally.logged, self.tr("{n} already logged")),
            (tally.repeated, self.tr("{n} twice in this drop")),
            (tally.unreadable, self.tr("{n} unreadable")),
            (tally.files_kept, self.tr("files to record: {n}")),
            (tally.recorded, self.tr("files recorded already: {n}")),
        ):
            if amount:
                parts.append(text.format(n=locale.toString(amount)))
        self.summary.setText(" · ".join(parts))


class ContactDropDialog(_ReviewDialog):
    """Review the contacts of dropped vCards; ``saved(first_id, customer_ids)`` after adding
    them."""

    def __init__(
        self, context: AppContext, items: list[Dropped], parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "contactDrop", parent)
        self.items = items
        self.saved_ids: list[str] = []
        self.setWindowTitle(self.tr("Add customers from contacts"))
        self.setAccessibleName(self.windowTitle())
        self.intro.setText(
            self.tr(
                "Each contact becomes a customer; those whose e-mail or phone a customer has "
                "already are not added again. Untick who should not be added."
            )
        )
        self.all_button.setText(self.tr("Add &all"))
        self.none_button.setText(self.tr("Add &none"))
        self.save_button.setToolTip(self.tr("Add the ticked contacts (Ctrl+Enter)"))
        self.model = ContactReviewModel(self)
        table = DropTable(self.model, self, widths=_CONTACT_WIDTHS, elide=())
        table.setAccessibleName(self.tr("Dropped contacts"))
        self._lay_out(table)
        self.model.dataChanged.connect(self._update_summary)
        self.model.modelReset.connect(self._update_summary)
        self._set_stage(Stage.reading)

    @property
    def review(self) -> ContactReview | None:
        return self.model.review

    def read(self) -> None:
        items, code = list(self.items), country_code(self.context.settings)

        def work(cancel: threading.Event, report: Callable[[Any], None]) -> ContactReview:
            return read_contacts(
                items, code, cancel=cancel, progress=lambda done, total: report((done, total))
            )

        self._start(work, self.tr("Reading the contacts…"))

    def _reviewed(self, review: ContactReview) -> None:
        self.model.set_review(review)
        self._set_stage(Stage.review)
        self._focus_first_row()

    def _set_all(self, keep: bool) -> None:
        self.model.set_all(keep)

    def _details(self, row: int) -> str:
        contact_row = self.model.row_at(row)
        if contact_row is None:
            return ""
        lines = [self.model.status(contact_row), *contact_row.notes]
        contact = contact_row.contact
        if contact is not None:
            lines += [contact.address or "", contact.notes or "", ", ".join(contact.categories)]
        return "\n".join(dict.fromkeys(line for line in lines if line))

    def save(self) -> None:
        review = self.review
        if self._stage != Stage.review or review is None or not review.kept():
            return
        self.banner.hide()

        def work(cancel: threading.Event, _report: Callable[[Any], None]) -> Any:
            return save_contacts(review, cancel=cancel)

        self._set_stage(Stage.saving)
        self._start(work, self.tr("Adding the customers…"))

    def _saved(self, customers: list[Any]) -> None:
        self.saved_ids = [customer.id for customer in customers]
        self._set_stage(Stage.saved)
        self.context.events.customers_changed.emit("")
        # The list then shows the first new customer.
        self.saved.emit(self.saved_ids[0] if self.saved_ids else "", self.saved_ids)
        self.accept()

    def _update_summary(self, *_args: object) -> None:
        review = self.review
        count = len(review.kept()) if review is not None else 0
        self.save_button.setText(self.tr("Add %n customers", "", count))
        self.save_button.setEnabled(self._stage == Stage.review and count > 0)
        if review is None:
            self.summary.setText(self.tr("Reading the contacts…"))
            return
        locale = QLocale()
        parts = [
            self.tr("Contacts to add: {count} of {total}").format(
                count=locale.toString(count), total=locale.toString(len(review.rows))
            )
        ]
        for amount, text in (
            (review.count(ContactStatus.known), self.tr("{n} already in the list")),
            (review.count(ContactStatus.repeated), self.tr("{n} twice in this drop")),
            (review.count(ContactStatus.unreadable), self.tr("{n} cannot be added")),
        ):
            if amount:
                parts.append(text.format(n=locale.toString(amount)))
        self.summary.setText(" · ".join(parts))
