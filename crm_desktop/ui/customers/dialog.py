"""The customer dialog: new or edit, with validation shown at the field."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crm_desktop import nextcloud, service
from crm_desktop.models import CustomerCreate, CustomerInDB, CustomerUpdate
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.dialogs.editing import EditingDialog
from crm_desktop.ui.forms import dialog_layout

CUSTOMERS_FOLDER = nextcloud.CUSTOMERS_FOLDER  # importable where it always was
_TEXT_FIELDS = ("name", "organization", "email", "phone", "tags", "nextcloud_folder")
_LONG_FIELDS = ("address", "notes")


class CustomerDialog(EditingDialog[CustomerInDB, CustomerCreate, CustomerUpdate]):
    """Create a customer, or edit one; stays open with everything typed until it is valid."""

    create_model = CustomerCreate
    update_model = CustomerUpdate

    def __init__(
        self, context: AppContext, customer: CustomerInDB | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, customer, parent)
        self.customer = customer
        self.setObjectName("customerDialog")
        self.setWindowTitle(
            self.tr("New customer") if customer is None else self.tr("Edit customer")
        )
        self.setMinimumWidth(440)

        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        labels = {
            "name": self.tr("&Name:"),
            "organization": self.tr("&Organization:"),
            "email": self.tr("&E-mail:"),
            "phone": self.tr("&Phone:"),
            "address": self.tr("&Address:"),
            "notes": self.tr("N&otes:"),
            "tags": self.tr("&Tags:"),
            "nextcloud_folder": self.tr("Next&cloud folder:"),
        }
        for key in (
            "name",
            "organization",
            "email",
            "phone",
            "address",
            "notes",
            "tags",
            "nextcloud_folder",
        ):
            widget: QLineEdit | QPlainTextEdit
            if key in _LONG_FIELDS:
                widget = QPlainTextEdit(self)
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(64)
            else:
                widget = QLineEdit(self)
            widget.setObjectName(f"customer_{key}")
            self.inputs[key] = widget
            self.form.add_field(key, labels[key], widget)
        self._line("tags").setPlaceholderText(self.tr("Comma-separated, e.g. VIP, Solar"))
        self._line("email").setPlaceholderText("name@example.com")
        self._folder_edited = customer is not None
        self._line("name").textEdited.connect(self._suggest_folder)
        self._line("nextcloud_folder").textEdited.connect(self._folder_typed)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("customerSave")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        dialog_layout(self, self.form, buttons=buttons)
        for keys in (QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            QShortcut(keys, self, self.save)

        if customer is not None:
            self._fill(customer)
        self._initial = self.values()
        self.restore_geometry()

    @classmethod
    def for_new(cls, context: AppContext, parent: QWidget | None = None) -> CustomerDialog:
        return cls(context, None, parent)

    @classmethod
    def for_edit(
        cls, context: AppContext, customer: CustomerInDB, parent: QWidget | None = None
    ) -> CustomerDialog:
        return cls(context, customer, parent)

    # --- values ---------------------------------------------------------------------------

    def _line(self, key: str) -> QLineEdit:
        widget = self.inputs[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def _fill(self, customer: CustomerInDB) -> None:
        for key, widget in self.inputs.items():
            value = getattr(customer, key)
            text = ", ".join(value) if key == "tags" else (value or "")
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            else:
                widget.setText(text)

    def values(self) -> dict[str, str]:
        return {
            key: widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            for key, widget in self.inputs.items()
        }

    def is_modified(self) -> bool:
        return self.values() != self._initial

    def _suggest_folder(self, name: str) -> None:
        if not self._folder_edited:
            self._line("nextcloud_folder").setText(nextcloud.customer_folder(name))

    def _folder_typed(self, _text: str) -> None:
        self._folder_edited = True

    # --- saving (ui.dialogs.editing) ----------------------------------------------------

    def record_words(self) -> str:
        return self.tr("customer")

    def new_values(self) -> dict[str, Any]:
        return dict(self.values())

    def changes(self) -> dict[str, Any]:
        return {k: v for k, v in self.values().items() if v != self._initial[k]}

    def write_new(self, data: CustomerCreate) -> CustomerInDB:
        return service.create_customer(data)

    def write_edit(self, data: CustomerUpdate, expected: CustomerInDB | None) -> CustomerInDB:
        assert self.customer is not None
        return service.update_customer(self.customer.id, data, expected=expected)

    def announce(self, record: CustomerInDB) -> None:
        self.context.events.customers_changed.emit(record.id)

    def mark_saved(self) -> None:
        self._initial = self.values()

    def discard_question(self) -> str:
        return self.tr("What you typed for this customer has not been saved.")
