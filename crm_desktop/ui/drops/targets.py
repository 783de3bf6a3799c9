"""Drop targets: the media panel, the timeline and the customer list take files from the
file manager.

A target only answers the drag (always Copy: a Move would let the file manager delete the
user's file) and, on the drop, decodes the URLs and emits ``files_dropped`` once. The slow
part (looking at the files, the review dialog) runs after the drop event has returned.

Which review a drop opens follows from the names of what was dropped (no disk access):

- on the media panel: always the media review (files become media records, an .eml too);
- on the timeline or a customer's row: a drop that may hold messages (.eml, .msg, .txt,
  .zip, .vcf) opens the message review, where e-mails and chats become entries and the
  other files of the drop media records, in one review and one save; a drop of other
  files only, or one whose .txt and .zip turn out to be no chats, opens the media review
  as before;
- on the customer list, vCards alone (anywhere on it) open the contact review: they become
  customers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from crm_desktop import service
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.drops.items import (
    Dropped,
    dropped,
    has_local_files,
    holds_messages,
    only_contacts,
)
from crm_desktop.ui.drops.overlay import DropHighlight
from crm_desktop.ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from crm_desktop.models import CustomerInDB
    from crm_desktop.ui.drops.dialog import MediaDropDialog
    from crm_desktop.ui.drops.message_dialog import ContactDropDialog, MessageDropDialog

_HOVER = (QEvent.Type.DragEnter, QEvent.Type.DragMove)
AUTOSCROLL_MARGIN = 16


@runtime_checkable
class ShowsCustomer(Protocol):
    """A panel that shows one customer's things (the media panel)."""

    @property
    def customer_id(self) -> str | None: ...

    @property
    def customer_name(self) -> str: ...


class Spot(NamedTuple):
    """What a drag over one position of a target means."""

    customer_id: str | None  # whose files a drop here becomes; None: nobody's
    area: QRect | None = None  # what to highlight; None: the whole target
    text: str = ""  # said in the highlight
    taken: bool = True  # False: not a place to drop (the drag shows "no")


def _customer(context: AppContext, customer_id: str, parent: QWidget | None) -> CustomerInDB | None:
    try:
        return service.get_customer(customer_id)
    except Exception as exc:  # deleted meanwhile, database gone: say so, record nothing
        context.prompts.error(parent, exc)
        return None


def open_review(
    context: AppContext, customer_id: str, items: list[Dropped], parent: QWidget | None
) -> MediaDropDialog | None:
    """Open the review dialog of a drop (window-modal, not blocking) and start looking."""
    customer = _customer(context, customer_id, parent)
    if customer is None:
        return None
    # Imported on the first drop: the review and its saving are not needed at start-up.
    from crm_desktop.ui.drops.dialog import MediaDropDialog

    dialog = MediaDropDialog(context, customer, items, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.scan()
    return dialog


def open_message_review(
    context: AppContext, customer_id: str, items: list[Dropped], parent: QWidget | None
) -> MessageDropDialog | None:
    """Open the review of a drop of message files for a customer and start reading them."""
    customer = _customer(context, customer_id, parent)
    if customer is None:
        return None
    from crm_desktop.ui.drops.message_dialog import MessageDropDialog

    dialog = MessageDropDialog(context, customer, items, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.read()
    return dialog


def open_contact_review(
    context: AppContext, items: list[Dropped], parent: QWidget | None
) -> ContactDropDialog:
    """Open the review of dropped vCards (new customers) and start reading them."""
    from crm_desktop.ui.drops.message_dialog import ContactDropDialog

    dialog = ContactDropDialog(context, items, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.read()
    return dialog


class _FileDropTarget(QObject):
    """What both targets share; subclasses say which customer a position drops onto."""

    # The customer's id and the dropped items (list[Dropped]).
    files_dropped = Signal(str, list)
    # After a drop was recorded: the customer's id and the new records' ids.
    saved = Signal(str, list)

    # Whether a drop of message files here opens the message review (the media panel's
    # files stay files), and whether vCards alone become customers.
    takes_messages = False
    takes_contacts = False

    def __init__(
        self,
        context: AppContext,
        widget: QWidget,
        parent: QObject,
        watched: list[QWidget] | None = None,
    ) -> None:
        """``widget`` shows the highlight; ``watched`` (default: ``widget``) take the drag."""
        super().__init__(parent)
        self.context = context
        self.widget = widget
        self.highlight = DropHighlight(widget)
        self.dialog: QDialog | None = None
        for each in watched or [widget]:
            each.setAcceptDrops(True)
            each.installEventFilter(self)
        # Queued: the dialog opens once the drop event has returned to the file manager.
        self.files_dropped.connect(self._review, Qt.ConnectionType.QueuedConnection)

    def spot_at(self, position: QPoint) -> Spot:
        """Where a drop at ``position`` goes, and how the target shows it."""
        raise NotImplementedError

    def spot_for(self, event: QDropEvent) -> Spot:
        """Where this drag (or drop) goes: a drag of vCards alone onto a target that takes
        contacts goes to the whole list (their customers are new); anything else to the
        customer under it."""
        if self.takes_contacts and only_contacts(dropped(event.mimeData())):
            return Spot("", text=self.tr("Drop to add the contacts as customers"))
        return self.spot_at(event.position().toPoint())

    def refusal(self) -> str:
        """Why a drop with no customer is refused, in words."""
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QDropEvent) and (kind in _HOVER or kind == QEvent.Type.Drop):
            if not self._wanted(event):
                return False  # text and the like: whoever is under the cursor may take it
            if isinstance(event, QDragMoveEvent):  # entering or moving (QDragEnterEvent is one)
                self._hover(event)
            else:
                self._drop(event)
            return True
        if kind == QEvent.Type.DragLeave:
            self.highlight.clear()
        return False

    @staticmethod
    def _wanted(event: QDropEvent) -> bool:
        return bool(event.possibleActions() & Qt.DropAction.CopyAction) and has_local_files(
            event.mimeData()
        )

    def _hover(self, event: QDragMoveEvent) -> None:
        if not self.context.writable:
            # Taken, so that the drop can say why nothing is recorded.
            self.highlight.show_over(None, self.tr("This database is read-only"), refusing=True)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        spot = self.spot_for(event)
        if spot.taken:
            # A refused spot (no customer) is taken too: the drop then says why.
            self.highlight.show_over(spot.area, spot.text, refusing=spot.customer_id is None)
        else:
            self.highlight.clear()
            if event.type() == QEvent.Type.DragMove:
                # Only moves say "not here": an ignored DragEnter ends the drag for this
                # widget, so a drag coming in between rows would never reach one.
                event.ignore()
                return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def _drop(self, event: QDropEvent) -> None:
        self.highlight.clear()
        customer_id = self.spot_for(event).customer_id
        if customer_id is None or not self.context.writable:
            event.setDropAction(Qt.DropAction.IgnoreAction)
            event.ignore()
            self.context.prompts.inform(
                self.widget.window(), self.tr("The files were not recorded"), self._why_not()
            )
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.files_dropped.emit(customer_id, dropped(event.mimeData()))

    def _why_not(self) -> str:
        if not self.context.writable:
            return self.tr(
                "This database can only be read ({reason}): nothing can be recorded in it."
            ).format(reason=self.context.read_only_reason)
        return self.refusal()

    def _review(self, customer_id: str, items: list[Dropped]) -> None:
        parent = self.widget.window()
        dialog: QDialog | None
        if not customer_id:  # vCards alone (spot_for)
            dialog = open_contact_review(self.context, items, parent)
        elif self.takes_messages and holds_messages(items):
            dialog = open_message_review(self.context, customer_id, items, parent)
            if dialog is not None:
                # The .txt and .zip were no chats: the files go to the media review after all.
                dialog.only_files.connect(
                    lambda files: self._review_files(customer_id, files),
                    Qt.ConnectionType.QueuedConnection,
                )
        else:
            dialog = open_review(self.context, customer_id, items, parent)
        self._opened(dialog)

    def _review_files(self, customer_id: str, items: list[Dropped]) -> None:
        self._opened(open_review(self.context, customer_id, items, self.widget.window()))

    def _opened(self, dialog: QDialog | None) -> None:
        if dialog is not None:
            saved = getattr(dialog, "saved", None)
            if saved is not None:
                saved.connect(self.saved)
            dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None  # it deletes itself on close


class MediaDropTarget(_FileDropTarget):
    """The media panel: files dropped anywhere on it are recorded for its customer."""

    def __init__(self, context: AppContext, panel: QWidget) -> None:
        super().__init__(context, panel, panel)
        # Its text fields would take a dropped file as text: file drags go to the panel.
        for child in panel.findChildren(QWidget):
            if child.acceptDrops():
                child.installEventFilter(self)

    def spot_at(self, position: QPoint) -> Spot:
        panel = self.widget
        customer_id = panel.customer_id if isinstance(panel, ShowsCustomer) else None
        if customer_id is None or not isinstance(panel, ShowsCustomer):
            return Spot(None, text=self.tr("Choose a customer first"))
        name = panel.customer_name
        return Spot(
            customer_id, text=self.tr("Drop to record the files for {name}").format(name=name)
        )

    def refusal(self) -> str:
        return self.tr(
            "No customer is chosen. Choose the customer in the list on the left, then drop "
            "the files on their media, or drop them straight onto the customer in the list."
        )


class CustomerDropTarget(_FileDropTarget):
    """The customer list: files dropped on a customer's row are recorded for that customer
    (messages logged for them); vCards dropped anywhere on it become customers."""

    takes_messages = True
    takes_contacts = True

    def __init__(self, context: AppContext, view: QAbstractItemView, parent: QObject) -> None:
        super().__init__(context, view.viewport(), parent)
        self.view = view
        self.hovered_row = -1

    def spot_at(self, position: QPoint) -> Spot:
        self._autoscroll(position)
        index = self.view.indexAt(position)
        model = self.view.model()
        row = model.row_of(index) if isinstance(model, PagedTableModel) else None
        self.hovered_row = index.row() if row is not None else -1
        if row is None:
            return Spot(None, taken=False)  # between or below the rows
        area = self.view.visualRect(index)
        area.setLeft(0)
        area.setRight(self.widget.width() - 1)
        return Spot(row.id, area)

    def refusal(self) -> str:
        return self.tr(
            "Drop the files onto a customer in the list: they are recorded for them (e-mails "
            "and chats logged for them). Contacts (.vcf) can be dropped anywhere on the list."
        )

    def _autoscroll(self, position: QPoint) -> None:
        # The view's own auto-scroll is part of the drag handling replaced here.
        bar = self.view.verticalScrollBar()
        if position.y() < AUTOSCROLL_MARGIN:
            bar.setValue(bar.value() - bar.singleStep())
        elif position.y() > self.widget.height() - AUTOSCROLL_MARGIN:
            bar.setValue(bar.value() + bar.singleStep())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handled = super().eventFilter(watched, event)
        if event.type() in (QEvent.Type.DragLeave, QEvent.Type.Drop):
            self.hovered_row = -1
        return handled


class TimelineDropTarget(_FileDropTarget):
    """The timeline: e-mails and chats dropped on it are logged for its customer (other files
    recorded as their media). ``area`` shows the highlight; ``watched`` (the list's viewport,
    and the page shown while there are no entries) take the drag."""

    takes_messages = True

    def __init__(
        self, context: AppContext, panel: QWidget, area: QWidget, watched: list[QWidget]
    ) -> None:
        super().__init__(context, area, panel, watched)
        self.panel = panel

    def spot_at(self, position: QPoint) -> Spot:
        return self._spot(messages=True)

    def spot_for(self, event: QDropEvent) -> Spot:
        return self._spot(holds_messages(dropped(event.mimeData())))

    def _spot(self, messages: bool) -> Spot:
        panel = self.panel
        customer_id = panel.customer_id if isinstance(panel, ShowsCustomer) else None
        if customer_id is None or not isinstance(panel, ShowsCustomer):
            return Spot(None, text=self.tr("Choose a customer first"))
        name = panel.customer_name
        if messages:
            return Spot(
                customer_id, text=self.tr("Drop to log the messages for {name}").format(name=name)
            )
        return Spot(
            customer_id, text=self.tr("Drop to record the files for {name}").format(name=name)
        )

    def refusal(self) -> str:
        return self.tr(
            "No customer is chosen. Choose the customer in the list on the left, then drop "
            "the e-mails or chats on their timeline, or drop them straight onto the customer "
            "in the list."
        )
