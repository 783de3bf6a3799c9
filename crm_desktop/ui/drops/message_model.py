"""The review tables of message and contact drops: item models over a ``MessageReview`` and
a ``ContactReview``.

Plain table models (no widget per row): a chat of 20,000 messages is 20,000 small Python
objects, and the view asks only for the rows on screen.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from crm_desktop.models import CommDirection
from crm_desktop.ui import icons
from crm_desktop.ui.drops.contact_review import ContactReview, ContactRow, ContactStatus
from crm_desktop.ui.drops.message_review import Kind, MessageReview, Row, Status
from crm_desktop.ui.labels import direction_label, file_size, type_label
from crm_desktop.ui.timefmt import to_local

Index = QModelIndex | QPersistentModelIndex
_CHECK = Qt.ItemDataRole.CheckStateRole


class MessageColumn(IntEnum):
    log = 0
    customer = 1
    type = 2
    direction = 3
    when = 4
    subject = 5
    files = 6
    file = 7
    status = 8  # the last: it takes the room that is left, for reasons in full


class MessageReviewModel(QAbstractTableModel):
    """Rows of a ``MessageReview``; ticks and directions go to the review."""

    def __init__(self, customer_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.customer_name = customer_name
        self._review: MessageReview | None = None
        self._copying = True  # attachments go into the sync folder (else they are left out)
        self._quiet = QGuiApplication.palette().color(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
        )
        self._italic = QFont()
        self._italic.setItalic(True)

    @property
    def review(self) -> MessageReview | None:
        return self._review

    def set_review(self, review: MessageReview | None, copying: bool) -> None:
        self.beginResetModel()
        self._review, self._copying = review, copying
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        rows = self._review.rows if self._review is not None else []
        return rows[row] if 0 <= row < len(rows) else None

    def row_of(self, index: Index) -> Row | None:
        return self.row_at(index.row()) if index.isValid() else None

    def set_all(self, keep: bool) -> None:
        if self._review is not None:
            self._review.set_all(keep)
            self.columns_changed(MessageColumn.log, MessageColumn.status)

    def set_chat_customer(self, chat: int, name: str | None) -> None:
        if self._review is None:
            return
        for row in self._review.set_chat_customer(chat, name):
            self.dataChanged.emit(
                self.index(row, MessageColumn.direction), self.index(row, MessageColumn.direction)
            )

    def columns_changed(self, first: MessageColumn, last: MessageColumn) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, first), self.index(self.rowCount() - 1, last))

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._review is None:
            return 0
        return len(self._review.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MessageColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            # Row numbers: "twice in this drop" names the row it repeats.
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(MessageColumn):
            return None
        return {
            MessageColumn.log: self.tr("Log"),
            MessageColumn.customer: self.tr("Customer"),
            MessageColumn.type: self.tr("Type"),
            MessageColumn.direction: self.tr("Direction"),
            MessageColumn.when: self.tr("When"),
            MessageColumn.subject: self.tr("Subject"),
            MessageColumn.files: self.tr("Files"),
            MessageColumn.status: self.tr("Status"),
            MessageColumn.file: self.tr("From file"),
        }[MessageColumn(section)]

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row_of(index)
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        column = index.column()
        if column == MessageColumn.log and row.tickable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if column == MessageColumn.direction and row.kind is Kind.message and row.tickable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        if row is None:
            return None
        column = MessageColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return str(row.direction or "") if column == MessageColumn.direction else None
        if role == _CHECK and column == MessageColumn.log:
            return Qt.CheckState.Checked if row.keep else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == MessageColumn.status:
            if row.status is Status.unreadable:
                return icons.icon("warning")
            if row.status is not Status.new or row.notes:
                return icons.icon("info")
            return None
        if role == Qt.ItemDataRole.FontRole and (
            (column == MessageColumn.when and row.date_from_file)
            or (column == MessageColumn.direction and row.guessed)
        ):
            return self._italic  # a time or direction the message did not say: look twice
        if role == Qt.ItemDataRole.ForegroundRole and not row.keep:
            return self._quiet  # rows that are not logged read quieter than the rest
        if role == Qt.ItemDataRole.AccessibleTextRole and column == MessageColumn.log:
            return self.tr("Log") if row.keep else self.tr("Not logged")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_of(index)
        review = self._review
        if row is None or review is None:
            return False
        position, column = index.row(), index.column()
        if role == _CHECK and column == MessageColumn.log:
            if not review.set_keep(position, Qt.CheckState(value) == Qt.CheckState.Checked):
                return False
            self.dataChanged.emit(
                self.index(position, 0), self.index(position, len(MessageColumn) - 1)
            )
            return True
        if role == Qt.ItemDataRole.EditRole and column == MessageColumn.direction:
            try:
                direction = CommDirection(str(value))
            except ValueError:
                return False
            review.set_direction(position, direction)
            self.dataChanged.emit(index, index)
            return True
        return False

    # --- cells ----------------------------------------------------------------------------

    def _text(self, row: Row, column: MessageColumn) -> str:
        if column == MessageColumn.customer:
            return self.customer_name
        if column == MessageColumn.type:
            if row.kind is Kind.file:
                return self.tr("File")
            return type_label(row.type) if row.type is not None else "—"
        if column == MessageColumn.direction:
            if row.direction is None:
                return ""
            label = direction_label(row.direction)
            return self.tr("{direction}?").format(direction=label) if row.guessed else label
        if column == MessageColumn.when:
            if row.occurred_at is None:
                return ""
            text = QLocale().toString(to_local(row.occurred_at), QLocale.FormatType.ShortFormat)
            return self.tr("{time} (file date)").format(time=text) if row.date_from_file else text
        if column == MessageColumn.subject:
            return row.subject if row.kind is not Kind.unreadable else ""
        if column == MessageColumn.files:
            return self._files(row)
        if column == MessageColumn.status:
            return self.status(row)
        if column == MessageColumn.file:
            return row.file
        return ""

    def _files(self, row: Row) -> str:
        if row.message is None or not row.message.attachments:
            return ""
        count = len(row.message.attachments)
        size = file_size(sum(a.size for a in row.message.attachments))
        return f"{QLocale().toString(count)} ({size})"

    def status(self, row: Row) -> str:
        """The row's fate in words, the reason in full."""
        if row.status is Status.unreadable:
            if row.kind is Kind.file:
                return self.tr("Not recorded: {reason}").format(reason=row.reason)
            return self.tr("Unreadable: {reason}").format(reason=row.reason)
        if row.status is Status.logged:
            return self.tr("Already logged: skipped")
        if row.status is Status.repeated:
            return self.tr("Same as row {row}: skipped").format(row=row.repeats + 1)
        if row.status is Status.recorded:
            if row.keep:
                return self.tr("Already recorded: recorded again")
            return self.tr("Already recorded: skipped")
        if not row.keep and row.kind is Kind.file:
            return self.tr("Not recorded (unticked)")
        if not row.keep:
            return self.tr("Not logged (unticked)")
        if row.kind is Kind.file:
            return self.tr("New file for the media")
        if row.message is not None and row.message.attachments and not self._copying:
            return self.tr("New. Its files are left out (no Nextcloud folder is set).")
        if row.notes:
            return self.tr("New. {note}").format(note=row.notes[0])
        return self.tr("New")

    def _tooltip(self, row: Row, column: MessageColumn) -> str | None:
        if column == MessageColumn.status:
            return "\n".join([self.status(row), *row.notes])
        if column == MessageColumn.when and row.date_from_file:
            return self.tr("The message says nowhere when it was sent: the file's date is used.")
        if column == MessageColumn.direction and row.guessed:
            return self.tr(
                "Neither the customer's nor the office's address is among its sender and "
                "recipients: check the direction (double-click to change it)."
            )
        if column == MessageColumn.files and row.message is not None:
            return "\n".join(a.filename for a in row.message.attachments) or None
        if column == MessageColumn.file and row.path is not None:
            return str(row.path)
        if column == MessageColumn.subject:
            return self._text(row, column) or None
        return None

    def details(self, position: int) -> str:
        """Everything about one row, for the pane under the table."""
        row = self.row_at(position)
        if row is None:
            return ""
        lines = [self.status(row)]
        if row.notes and row.status is Status.new and row.keep:
            lines[0] = self.tr("New")  # the notes follow, each on a line of its own
        lines += row.notes
        message = row.message
        if message is not None:
            if message.sender is not None:
                lines.append(self.tr("From: {sender}").format(sender=str(message.sender)))
            if message.recipients:
                lines.append(
                    self.tr("To: {recipients}").format(
                        recipients=", ".join(str(a) for a in message.recipients[:5])
                    )
                )
            for attachment in message.attachments:
                lines.append(
                    self.tr("Attachment: {name} ({size})").format(
                        name=attachment.filename,
                        size=file_size(attachment.size),
                    )
                )
        if row.path is not None:
            lines.append(self.tr("File: {path}").format(path=row.path))
        return "\n".join(dict.fromkeys(line for line in lines if line))


class ContactColumn(IntEnum):
    add = 0
    full_name = 1
    organization = 2
    email = 3
    phone = 4
    file = 5
    status = 6  # the last: it takes the room that is left


class ContactReviewModel(QAbstractTableModel):
    """Rows of a ``ContactReview``: one per contact of the dropped vCards."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._review: ContactReview | None = None
        self._quiet = QGuiApplication.palette().color(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
        )

    @property
    def review(self) -> ContactReview | None:
        return self._review

    def set_review(self, review: ContactReview | None) -> None:
        self.beginResetModel()
        self._review = review
        self.endResetModel()

    def row_at(self, row: int) -> ContactRow | None:
        rows = self._review.rows if self._review is not None else []
        return rows[row] if 0 <= row < len(rows) else None

    def set_all(self, keep: bool) -> None:
        if self._review is not None and self.rowCount():
            self._review.set_all(keep)
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, len(ContactColumn) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._review is None:
            return 0
        return len(self._review.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ContactColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(ContactColumn):
            return None
        return {
            ContactColumn.add: self.tr("Add"),
            ContactColumn.full_name: self.tr("Name"),
            ContactColumn.organization: self.tr("Organization"),
            ContactColumn.email: self.tr("E-mail"),
            ContactColumn.phone: self.tr("Phone"),
            ContactColumn.status: self.tr("Status"),
            ContactColumn.file: self.tr("From file"),
        }[ContactColumn(section)]

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() == ContactColumn.add and row.status is ContactStatus.new:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = ContactColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == _CHECK and column == ContactColumn.add:
            return Qt.CheckState.Checked if row.keep else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == ContactColumn.status:
            return "\n".join([self.status(row), *row.notes])
        if role == Qt.ItemDataRole.DecorationRole and column == ContactColumn.status:
            if row.status is ContactStatus.unreadable:
                return icons.icon("warning")
            return icons.icon("info") if row.status is not ContactStatus.new else None
        if role == Qt.ItemDataRole.ForegroundRole and not row.keep:
            return self._quiet
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self._review is None or role != _CHECK or index.column() != ContactColumn.add:
            return False
        if not self._review.set_keep(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked):
            return False
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), len(ContactColumn) - 1)
        )
        return True

    def _text(self, row: ContactRow, column: ContactColumn) -> str:
        contact = row.contact
        if column == ContactColumn.full_name:
            return row.name if contact is not None else ""
        if column == ContactColumn.organization:
            return (contact.organization or "") if contact is not None else ""
        if column == ContactColumn.email:
            return (contact.email or "") if contact is not None else ""
        if column == ContactColumn.phone:
            return (contact.phone or "") if contact is not None else ""
        if column == ContactColumn.status:
            return self.status(row)
        if column == ContactColumn.file:
            return row.file
        return ""

    def status(self, row: ContactRow) -> str:
        if row.status is ContactStatus.unreadable:
            return self.tr("Not added: {reason}").format(reason=row.reason)
        if row.status is ContactStatus.known and row.match is not None:
            return self.tr("Already in the list as {name}").format(name=row.match.name)
        if row.status is ContactStatus.repeated:
            return self.tr("Same as row {row}: skipped").format(row=row.repeats + 1)
        if not row.keep:
            return self.tr("Not added (unticked)")
        if row.notes:
            return self.tr("New customer. {note}").format(note=row.notes[0])
        return self.tr("New customer")
