"""Small helpers for dialogs built in code: labelled fields whose errors show at the field."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import explain

log = logging.getLogger("crm_desktop.ui.forms")

SPACING = 8
MARGIN = 12


class FieldForm(QWidget):
    """A form whose fields are addressed by the model's field names, for showing errors.

    ``show_errors({"email": "This is not an e-mail address"})`` puts the sentence under
    the e-mail field, marks the field, and focuses the first field in error; errors of
    fields the form does not show go to a banner above the form.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(SPACING)
        self.banner = QLabel(self)
        self.banner.setObjectName("formBanner")
        self.banner.setWordWrap(True)
        self.banner.setProperty("role", "error")
        self.banner.hide()
        self._layout.addWidget(self.banner)
        self.form = QFormLayout()
        self.form.setSpacing(SPACING)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.addLayout(self.form)
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}

    def add_field(self, key: str, label: str, widget: QWidget, *beside: QWidget) -> QWidget:
        """Add ``widget`` (with buttons ``beside`` it) under ``label``; ``key`` is the model
        field it edits."""
        column = QWidget(self)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if beside:
            line = QHBoxLayout()
            line.setSpacing(SPACING // 2)
            line.addWidget(widget, 1)
            for extra in beside:
                line.addWidget(extra)
            box.addLayout(line)
        else:
            box.addWidget(widget)
        error = QLabel(column)
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        error.setProperty("role", "error")
        error.hide()
        box.addWidget(error)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, column)
        if not widget.accessibleName():
            widget.setAccessibleName(caption.text().replace("&", "").rstrip(":"))
        self._fields[key] = widget
        self._errors[key] = error
        return widget

    def field(self, key: str) -> QWidget:
        return self._fields[key]

    def error_text(self, key: str) -> str:
        """The error shown at a field (or in the banner for ``""``), empty when none."""
        if key == "":
            return self.banner.text() if not self.banner.isHidden() else ""
        label = self._errors[key]
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        self.banner.hide()
        self.banner.clear()
        for key, label in self._errors.items():
            label.hide()
            label.clear()
            self._mark(self._fields[key], False)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        other: list[str] = []
        first: QWidget | None = None
        for location, message in errors.items():
            key = self._key_for(location)
            if key is None:
                other.append(message)
                continue
            label = self._errors[key]
            label.setText(f"{label.text()}\n{message}" if label.text() else message)
            label.show()
            self._mark(self._fields[key], True)
            first = first or self._fields[key]
        if other:
            self.banner.setText("\n".join(other))
            self.banner.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_banner(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()

    def show_failure(self, exc: BaseException, then: str = "") -> None:
        """An error that belongs to no field, in one message above the fields (the words of
        errors.explain(), a bug also to the log with its traceback); ``then`` follows it on
        a line of its own (what became of the work)."""
        explanation = explain(exc)
        if explanation.is_bug:
            log.error("Unexpected error", exc_info=exc)
        text = explanation.text if explanation.plain else f"{explanation.title}: {explanation.text}"
        self.show_banner(f"{text}\n{then}" if then else text)

    def _key_for(self, location: str) -> str | None:
        # "attachments.0.filename" belongs to the "attachments" field.
        if location in self._fields:
            return location
        head = location.split(".", 1)[0]
        return head if head in self._fields else None

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        widget.setProperty("invalid", invalid)
        # Re-polish so the style sheet's [invalid="true"] rule applies at once.
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def dialog_layout(dialog: QWidget, *widgets: QWidget, buttons: QDialogButtonBox) -> QVBoxLayout:
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
    layout.setSpacing(SPACING)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addWidget(buttons)
    return layout
