"""Drop targets: the media panel and the customer list take files from the file manager.

A target only answers the drag (always Copy: a Move would let the file manager delete the
user's file) and, on the drop, decodes the URLs and emits ``files_dropped`` once. The slow
part (looking at the files, the review dialog) runs after the drop event has returned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from crm_desktop import service
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.drops.items import Dropped, dropped, has_local_files
from crm_desktop.ui.drops.overlay import DropHighlight
from crm_desktop.ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from crm_desktop.ui.drops.dialog import MediaDropDialog

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


def open_review(
    context: AppContext, customer_id: str, items: list[Dropped], parent: QWidget | None
) -> MediaDropDialog | None:
    """Open the review dialog of a drop (window-modal, not blocking) and start looking."""
    try:
        customer = service.get_customer(customer_id)
    except Exception as exc:  # deleted meanwhile, database gone: say so, record nothing
        context.prompts.error(parent, exc)
        return None
    # Imported on the first drop: the review and its saving are not needed at start-up.
    from crm_desktop.ui.drops.dialog import MediaDropDialog

    dialog = MediaDropDialog(context, customer, items, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.scan()
    return dialog


class _FileDropTarget(QObject):
    """What both targets share; subclasses say which customer a position drops onto."""

    # The customer's id and the dropped items (list[Dropped]).
    files_dropped = Signal(str, list)
    # After a drop was recorded: the customer's id and the new records' ids.
    saved = Signal(str, list)

    def __init__(self, context: AppContext, widget: QWidget, parent: QObject) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = widget
        self.highlight = DropHighlight(widget)
        self.dialog: MediaDropDialog | None = None
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)
        # Queued: the dialog opens once the drop event has returned to the file manager.
        self.files_dropped.connect(self._review, Qt.ConnectionType.QueuedConnection)

    def spot_at(self, position: QPoint) -> Spot:
        """Where a drop at ``position`` goes, and how the target shows it."""
        raise NotImplementedError

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
        spot = self.spot_at(event.position().toPoint())
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
        customer_id = self.spot_at(event.position().toPoint()).customer_id
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
        dialog = open_review(self.context, customer_id, items, self.widget.window())
        if dialog is not None:
            dialog.saved.connect(self.saved)
            dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog

    def _closed(self, dialog: MediaDropDialog) -> None:
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
    """The customer list: files dropped on a customer's row are recorded for that customer."""

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
        return self.tr("Drop the files onto a customer in the list: they are recorded for them.")

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
