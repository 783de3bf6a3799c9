"""The media panel's filter bar: order id, tag and direction, applied in SQL by the model."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from crm_desktop.service import MediaFilter
from crm_desktop.ui import icons
from crm_desktop.ui.completion import set_words, word_completer
from crm_desktop.ui.labels import media_direction_names

# Typing in a filter waits this long before querying, so that a word costs one query.
FILTER_DELAY_MS = 200


class MediaFilterBar(QWidget):
    """``changed`` gives the filters once typing pauses (or at once for the direction);
    ``submitted`` says that Enter was pressed in a text filter."""

    changed = Signal(object)
    submitted = Signal()
    # A text filter got the focus: its completions are wanted now (they are read lazily).
    completions_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediaFilters")
        self.order = self._line("mediaOrderFilter", self.tr("Order"), "order")
        self.order.setAccessibleName(self.tr("Filter by order id"))
        self.tag = self._line("mediaTagFilter", self.tr("Tag"), "tag")
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.direction = QComboBox(self)
        self.direction.setObjectName("mediaDirectionFilter")
        self.direction.setAccessibleName(self.tr("Filter by direction"))
        self.direction.addItem(self.tr("All directions"), "")
        for value, name in media_direction_names().items():
            self.direction.addItem(icons.media_direction_icon(value), name, value)
        self.direction.currentIndexChanged.connect(self.apply)

        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply)
        for line in (self.order, self.tag):
            line.textChanged.connect(self._timer.start)
            line.returnPressed.connect(self._submit)
            line.installEventFilter(self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.order, self.tag, self.direction):
            layout.addWidget(widget, 1)
        QWidget.setTabOrder(self.order, self.tag)
        QWidget.setTabOrder(self.tag, self.direction)

    def _line(self, name: str, placeholder: str, icon: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        line.setClearButtonEnabled(True)
        line.addAction(icons.icon(icon), QLineEdit.ActionPosition.LeadingPosition)
        line.setCompleter(word_completer(line))
        return line

    def filters(self) -> MediaFilter:
        return MediaFilter(
            order_id=self.order.text().strip(),
            tag=self.tag.text().strip(),
            direction=self.direction.currentData() or "",
        )

    def apply(self) -> None:
        """Emit the filters now (typing may still be waiting for its pause)."""
        self._timer.stop()
        self.changed.emit(self.filters())

    def clear(self) -> None:
        for widget in (self.order, self.tag, self.direction):
            widget.blockSignals(True)  # one change for all three, not three queries
        self.order.clear()
        self.tag.clear()
        self.direction.setCurrentIndex(0)
        for widget in (self.order, self.tag, self.direction):
            widget.blockSignals(False)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.completions_wanted.emit()
        return super().eventFilter(watched, event)

    def set_completions(self, order_ids: Sequence[str], tags: Sequence[str]) -> None:
        set_words(self.order.completer(), order_ids)
        set_words(self.tag.completer(), tags)

    def _submit(self) -> None:
        self.apply()
        self.submitted.emit()
