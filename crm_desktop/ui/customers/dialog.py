"""The customer dialog: new or edit, with validation shown at the field."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crm_desktop import nextcloud, service
from crm_desktop.errors import ConflictError, CrmError, InvalidInputError
from crm_desktop.models import CustomerInDB
from crm_desktop.ui import conflicts
from crm_desktop.ui.conflicts import Resolution
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.dialogs.base import RememberedDialog
from crm_desktop.ui.forms import FieldForm, dialog_layout

CUSTOMERS_FOLDER = "/CRM/Customers"
_TEXT_FIELDS = ("name", "organization", "email", "phone", "tags", "nextcloud_folder")
_LONG_FIELDS = ("address", "notes")


class CustomerDialog(RememberedDialog):
    """Create a customer, or edit one; stays open with everything typed until it is valid."""

    def __init__(
        self, context: AppContext, customer: CustomerInDB | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.customer = customer
        self.saved_id: str | None = None
        self.setObjectName("customerDialog")
        self.setWindowTitle(
            self.tr("New customer") if customer is None else self.tr("Edit customer")
        )
        self.setMinimumWidth(440)

        self.form = FieldForm(self)
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
            clean = nextcloud.safe_name(name.strip())
            self._line("nextcloud_folder").setText(f"{CUSTOMERS_FOLDER}/{clean}" if clean else "")

    def _folder_typed(self, _text: str) -> None:
        self._folder_edited = True

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        values = self.values()
        try:
            if self.customer is None:
                saved = service.create_customer(values)
            else:
                changed = {k: v for k, v in values.items() if v != self._initial[k]}
                if not changed:  # nothing edited: nothing written
                    super().accept()
                    return
                updated = self._update(changed)
                if updated is None:
                    return
                saved = updated
        except InvalidInputError as exc:
            self.form.show_errors(exc.field_errors)
            return
        except CrmError as exc:
            self.form.show_banner(str(exc))
            return
        except Exception as exc:  # a database error: keep what was typed, say why
            self.context.prompts.error(self, exc)
            return
        self.saved_id = saved.id
        self.context.events.customers_changed.emit(saved.id)
        self._initial = self.values()
        self.accept()

    def _update(self, changed: dict[str, str]) -> CustomerInDB | None:
        """Save the edit against the customer as the user saw them; None if not saved."""
        assert self.customer is not None
        try:
            return service.update_customer(self.customer.id, changed, expected=self.customer)
        except ConflictError as exc:
            choice = conflicts.ask(self.context.prompts, self, exc, self.tr("customer"))
            current = exc.current
        if choice is Resolution.keep_mine:
            return service.update_customer(self.customer.id, changed, expected=current)
        if choice is Resolution.save_as_new:
            return service.create_customer(self.values())
        if choice is Resolution.keep_theirs:
            self.context.events.customers_changed.emit(self.customer.id)
            QDialog.reject(self)  # theirs stays: nothing of the user's to keep
        return None

    def discard_question(self) -> str:
        return self.tr("What you typed for this customer has not been saved.")
