"""The dialog that logs a communication, or edits what CommUpdate allows of a stored one.

It never loses what was typed: invalid input is shown at its field, a database error in the
banner, and the dialog stays open until the save worked or the user chose to discard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt, QTime, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from crm_desktop import service, timeutil
from crm_desktop.models import CommCreate, CommInDB, CommUpdate
from crm_desktop.ui import icons, timefmt
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.dialogs.editing import EditingDialog
from crm_desktop.ui.drops.attachments import attachments_from_drop
from crm_desktop.ui.drops.items import Dropped, dropped, has_local_files
from crm_desktop.ui.forms import dialog_layout
from crm_desktop.ui.timeline.attachments import AttachmentsEditor, Column
from crm_desktop.ui.timeline.labels import DIRECTIONS, TYPES, direction_label, type_label

log = logging.getLogger("crm_desktop.ui.timeline")

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def display_format(locale: QLocale | None = None) -> str:
    """The locale's short date and time, with a four-digit year (two digits are ambiguous)."""
    locale = locale or QLocale()
    date = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in date:
        date = date.replace("yy", "yyyy")
    return f"{date} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def to_storage(moment: QDateTime) -> str:
    """A QDateTime (in any zone) as the stored naive-UTC text."""
    return timeutil.to_storage(_EPOCH + timedelta(milliseconds=moment.toMSecsSinceEpoch()))


class CommDialog(EditingDialog[CommInDB, CommCreate, CommUpdate]):
    """Log a communication (``for_new``) or edit one (``for_edit``); callers ``open()`` it."""

    create_model = CommCreate
    update_model = CommUpdate

    # The items of a drop (list[Dropped]); they become attachments.
    files_dropped = Signal(list)

    def __init__(
        self,
        context: AppContext,
        customer_id: str,
        comm: CommInDB | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, comm, parent)
        self.customer_id = customer_id
        self.comm = comm
        customer_name, customer_folder = self._customer()
        self.setObjectName("commDialog")
        self.setAcceptDrops(comm is None)
        if comm is None:
            title = self.tr("Log communication with {name}").format(name=customer_name)
        else:
            title = self.tr("Edit communication with {name}").format(name=customer_name)
        self.setWindowTitle(title if customer_name else self.tr("Communication"))
        self.setMinimumWidth(520)

        self.type_box = self._choices("commType", TYPES, type_label, icons.comm_type_icon)
        self.direction_box = self._choices(
            "commDirection", DIRECTIONS, direction_label, icons.direction_icon
        )
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("commOccurredAt")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(display_format())
        self.subject = QLineEdit(self)
        self.subject.setObjectName("commSubject")
        self.subject.setPlaceholderText(self.tr("What it was about"))
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("commBody")
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(self.tr("What was said or written"))
        self.body.viewport().installEventFilter(self)  # file drops on the text: attachments
        self.attachments = AttachmentsEditor(
            customer_folder, read_only=comm is not None, parent=self
        )

        self.form.add_field("type", self.tr("&Type:"), self.type_box)
        self.form.add_field("direction", self.tr("&Direction:"), self.direction_box)
        self.form.add_field("occurred_at", self.tr("&When:"), self.when)
        self.form.add_field("subject", self.tr("&Subject:"), self.subject)
        self.form.add_field("body", self.tr("&Body:"), self.body)
        self.form.add_field("attachments", self.tr("Attach&ments:"), self.attachments)
        self.when.setAccessibleName(self.tr("When it happened"))
        self.attachments.table.setAccessibleName(self.tr("Attachments"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("commSave")
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # Dropped files that could not be attached, each with why (hidden when none).
        self.drop_problems = QLabel(self)
        self.drop_problems.setObjectName("commDropProblems")
        self.drop_problems.setProperty("role", "error")
        self.drop_problems.setWordWrap(True)
        self.drop_problems.hide()
        layout = dialog_layout(self, self.form, buttons=buttons)
        layout.insertWidget(layout.indexOf(buttons), self.drop_problems)
        self.files_dropped.connect(self._attach_dropped)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        self._fill(comm)
        self._initial = self._typed()
        self.resize(600, 620)
        self.restore_geometry()
        (self.subject if comm is not None else self.type_box).setFocus()

    @classmethod
    def for_new(
        cls, context: AppContext, customer_id: str, parent: QWidget | None = None
    ) -> CommDialog:
        return cls(context, customer_id, None, parent)

    @classmethod
    def for_edit(
        cls, context: AppContext, comm: CommInDB, parent: QWidget | None = None
    ) -> CommDialog:
        return cls(context, comm.customer_id, comm, parent)

    @property
    def is_new(self) -> bool:
        return self.comm is None

    # --- building -------------------------------------------------------------------------

    def _customer(self) -> tuple[str, str | None]:
        """The customer's name and Nextcloud folder; a missing customer is reported on save."""
        try:
            customer = service.get_customer(self.customer_id)
        except Exception as exc:
            log.warning("Customer %r not readable for the composer: %s", self.customer_id, exc)
            return "", None
        return customer.name, customer.nextcloud_folder

    def _choices(
        self,
        name: str,
        values: tuple[str, ...],
        label: Callable[[str], str],
        icon: Callable[[str], QIcon],
    ) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        for value in values:
            box.addItem(icon(value), label(value), value)
        return box

    def _fill(self, comm: CommInDB | None) -> None:
        if comm is None:
            self.when.setDateTime(QDateTime.currentDateTime())
            return
        for box, value, label, icon in (
            (self.type_box, str(comm.type), type_label, icons.comm_type_icon),
            (self.direction_box, str(comm.direction), direction_label, icons.direction_icon),
        ):
            if box.findData(value) < 0:  # a foreign row's unknown value, shown as it is
                box.addItem(icon(value), label(value), value)
            box.setCurrentIndex(box.findData(value))
            box.setEnabled(False)
        self.subject.setText(comm.subject or "")
        self.body.setPlainText(comm.body or "")
        moment = comm.occurred_at_utc
        self.when.setDateTime(timefmt.to_local(moment) if moment else QDateTime.currentDateTime())
        self.attachments.set_attachments(comm.attachments)

    # --- values ---------------------------------------------------------------------------

    def _typed(self) -> tuple[Any, ...]:
        """What the user may have typed (not the choices of a combo box), to compare."""
        return (
            self.subject.text(),
            self.body.toPlainText(),
            self.when.dateTime(),
            self.attachments.values(),
        )

    def is_modified(self) -> bool:
        return self._typed() != self._initial

    def _when_changed(self) -> bool:
        return bool(self.when.dateTime() != self._initial[2])

    def occurred_at(self) -> str:
        """The stored UTC text of the local time shown; a typed time is taken to the minute."""
        moment = self.when.dateTime()
        shows_seconds = self.when.displayedSections() & QDateTimeEdit.Section.SecondSection
        if self._when_changed() and not shows_seconds:
            moment = QDateTime(moment)
            moment.setTime(QTime(moment.time().hour(), moment.time().minute()))
        return to_storage(moment)

    def values(self) -> dict[str, Any]:
        """The input as CommCreate's fields (not yet validated)."""
        return {
            "customer_id": self.customer_id,
            "type": self.type_box.currentData(),
            "direction": self.direction_box.currentData(),
            "subject": self.subject.text(),
            "body": self.body.toPlainText(),
            "attachments": self.attachments.values(),
            "logged_by": self.context.user_name,
            "occurred_at": self.occurred_at(),
        }

    def changes(self) -> dict[str, Any]:
        """What an edit changes, as CommUpdate's fields: only what differs from the record."""
        assert self.comm is not None
        changes: dict[str, Any] = {}
        if self.subject.text() != (self.comm.subject or ""):
            changes["subject"] = self.subject.text()
        if self.body.toPlainText() != (self.comm.body or ""):
            changes["body"] = self.body.toPlainText()
        if self._when_changed():
            changes["occurred_at"] = self.occurred_at()
        return changes

    # --- saving ---------------------------------------------------------------------------

    def is_empty(self) -> bool:
        """No subject, no text and no attachment: nothing to log (the backend's API would
        take such a row; the window does not)."""
        has_files = (
            bool(self.attachments.values()) if self.comm is None else bool(self.comm.attachments)
        )
        return not (self.subject.text().strip() or self.body.toPlainText().strip() or has_files)

    def save(self) -> None:
        if self.is_empty():
            self.form.show_errors(
                {
                    "body": self.tr(
                        "Write what it was about here (or a subject above), or attach a file."
                    )
                }
            )
            self.body.setFocus()
            return
        super().save()

    # --- ui.dialogs.editing ---------------------------------------------------------------

    def record_words(self) -> str:
        return self.tr("communication")

    def new_values(self) -> dict[str, Any]:
        if self.comm is None:
            return self.values()
        # Saved anew after someone deleted it: the entry as it was, with the edits.
        fields = self.comm.model_dump(include=set(CommCreate.model_fields))
        return {**fields, **self.changes()}

    def write_new(self, data: CommCreate) -> CommInDB:
        return service.create_comm(data)

    def write_edit(self, data: CommUpdate, expected: CommInDB | None) -> CommInDB:
        assert self.comm is not None
        return service.update_comm(self.comm.id, data, expected=expected)

    def announce(self, record: CommInDB) -> None:
        self.context.events.comms_changed.emit(self.customer_id)

    def mark_saved(self) -> None:
        self._initial = self._typed()

    def show_input_errors(self, errors: dict[str, str]) -> None:
        self._show_field_errors(errors)

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        """Errors at their fields; an attachment's error says which row and column it is."""
        shown: dict[str, str] = {}
        first_row: int | None = None
        for location, message in errors.items():
            parts = location.split(".")
            if parts[0] == "attachments" and len(parts) >= 2 and parts[1].isdigit():
                row = int(parts[1])
                first_row = row if first_row is None else first_row
                column = parts[2] if len(parts) > 2 else ""
                what = {
                    Column.filename.name: self.tr("file name"),
                    Column.nextcloud_path.name: self.tr("Nextcloud path"),
                }.get(column, "")
                message = self.tr("Attachment {row}, {what}: {message}").format(
                    row=row + 1, what=what, message=message
                )
            shown[location] = message
        self.form.show_errors(shown)
        if first_row is not None:
            self.attachments.select_row(first_row)

    def discard_question(self) -> str:
        return self.tr("What you typed for this communication has not been saved.")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # No default button (the button box makes Save one as it shows): Enter ends a line
        # or a table cell and never saves half a message; Ctrl+Enter saves.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    # --- files dropped from the file manager ----------------------------------------------

    def _wants(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return (
            self.is_new
            and bool(event.possibleActions() & Qt.DropAction.CopyAction)
            and has_local_files(event.mimeData())
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._answer_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._answer_drag(event)

    def _answer_drag(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if self._wants(event):
            # Always a copy: a move would let the file manager delete the user's file.
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self._wants(event):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.files_dropped.emit(dropped(event.mimeData()))

    def _attach_dropped(self, items: list[Dropped]) -> None:
        """Attach the files of a drop (a file attached already is skipped); say what was not."""
        dropped = attachments_from_drop(
            items, self.context.settings.nextcloud_folder or None, self.attachments.customer_folder
        )
        known = {row["nextcloud_path"] for row in self.attachments.values()}
        for attachment in dropped.attachments:
            if attachment["nextcloud_path"] not in known:
                known.add(attachment["nextcloud_path"])
                self.attachments.add_row(attachment["filename"], attachment["nextcloud_path"])
        text = ""
        if dropped.problems:
            text = self.tr("Not attached:") + "\n" + "\n".join(dropped.problems)
        self.drop_problems.setText(text)
        self.drop_problems.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The body would paste a dropped file's path as text; files become attachments instead.
        if isinstance(event, QDropEvent) and event.type() in _DRAG_EVENTS and self._wants(event):
            if isinstance(event, QDragMoveEvent):  # entering or moving (QDragEnterEvent is one)
                self._answer_drag(event)
            else:
                self.dropEvent(event)
            return True
        return super().eventFilter(watched, event)
