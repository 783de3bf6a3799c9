"""The one way an editing dialog saves a record: a customer, a media record or its tags, a
communication (and what later issues add: the customer card, a message review).

``EditingDialog.save()`` (Save, Ctrl+Enter) runs the same steps for every one of them:

1. The typed values are validated through the spec's pydantic model (``create_model`` for a
   new record, ``update_model`` for an edit, only the fields that changed); what does not
   fit shows at its field, plus what only the dialog knows (``field_problems()``).
2. The service writes them (``write_new()``, or ``write_edit()`` against the record as the person
   saw it). An edit that changes nothing writes nothing.
3. Changed or deleted meanwhile (ConflictError): the person chooses whose version stays
   (ui.conflicts): theirs is written over, saved as a new record, or left alone (the
   dialog then closes, and the window re-reads); closing the question keeps editing.
4. Any other error (the database busy or gone, a customer deleted meanwhile, a bug) is said
   in one message above the fields, in the words of errors.explain(); a bug is logged with
   its traceback. Everything typed stays.
5. Saved: ``saved_record`` holds the record as it is now (``saved_id`` its id),
   ``announce()`` tells the window what was written, and the dialog closes.

A dialog subclasses EditingDialog, builds its fields into ``self.form`` under the model's
field names, and implements the few methods below marked "a dialog says".
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from PySide6.QtWidgets import QDialog, QWidget

from crm_desktop.errors import ConflictError, InvalidInputError
from crm_desktop.models import field_errors
from crm_desktop.ui import conflicts
from crm_desktop.ui.conflicts import Resolution
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.dialogs.base import RememberedDialog
from crm_desktop.ui.forms import FieldForm

Record = TypeVar("Record", bound=BaseModel)  # as stored: CustomerInDB
New = TypeVar("New", bound=BaseModel)  # a new one: CustomerCreate
Edit = TypeVar("Edit", bound=BaseModel)  # an edit: CustomerUpdate
Model = TypeVar("Model", bound=BaseModel)


class EditingDialog(RememberedDialog, Generic[Record, New, Edit]):
    """Edits ``record`` (None: makes a new one) and saves it through the service."""

    # The spec's models the typed values are validated with (see the module's docstring).
    create_model: type[New]
    update_model: type[Edit]

    def __init__(self, context: AppContext, record: Record | None, parent: QWidget | None) -> None:
        super().__init__(context, parent)
        self.record = record
        self.form = FieldForm(self)
        self.saved_record: Record | None = None

    @property
    def is_new(self) -> bool:
        return self.record is None

    @property
    def saved_id(self) -> str | None:
        """The id of the record saved (None until it is)."""
        record = self.saved_record
        return None if record is None else str(getattr(record, "id", ""))

    # --- what a dialog says -------------------------------------------------------------

    def record_words(self) -> str:
        """The record in words, for the conflict question: "customer"."""
        raise NotImplementedError

    def new_values(self) -> dict[str, Any]:
        """The typed values as ``create_model``'s fields (a new record, or "save as new")."""
        raise NotImplementedError

    def changes(self) -> dict[str, Any]:
        """What an edit changes, as ``update_model``'s fields; empty when nothing changed."""
        raise NotImplementedError

    def write_new(self, data: New) -> Record:
        """Write a new record through the service."""
        raise NotImplementedError

    def write_edit(self, data: Edit, expected: Record | None) -> Record:
        """Write the edit through the service, against ``expected`` (ConflictError when it
        changed meanwhile; None writes over whatever is there)."""
        raise NotImplementedError

    def announce(self, record: Record) -> None:
        """Tell the window that ``record`` changed (its lists re-read it)."""
        raise NotImplementedError

    def field_problems(self, values: dict[str, Any], errors: dict[str, str]) -> dict[str, str]:
        """The model's errors for ``values``, completed with what only the dialog knows (e.g.
        names Nextcloud refuses); by default as they are."""
        return errors

    def show_input_errors(self, errors: dict[str, str]) -> None:
        """Errors at their fields (those of no field above them)."""
        self.form.show_errors(errors)

    # --- the seam -----------------------------------------------------------------------

    def save(self) -> None:
        self.form.clear_errors()
        try:
            saved = self._write()
        except InvalidInputError as exc:
            self.show_input_errors(exc.field_errors)
            return
        except Exception as exc:  # busy, gone, deleted meanwhile, a bug: keep all, say why
            self.show_failure(exc)
            return
        if saved is None:
            return  # the person keeps editing, or kept the other version (closed)
        self.saved_record = saved
        if saved is not self.record:  # (the record itself: nothing was edited or written)
            self.announce(saved)
        self.mark_saved()
        self.accept()

    def validated(self, model: type[Model], values: dict[str, Any]) -> Model:
        """``values`` as ``model``, or InvalidInputError with every problem at its field."""
        instance: Model | None = None
        try:
            instance = model.model_validate(values)
            errors: dict[str, str] = {}
        except ValidationError as exc:
            errors = field_errors(exc)
        errors = self.field_problems(values, errors)
        if errors or instance is None:
            raise InvalidInputError(errors)
        return instance

    def show_failure(self, exc: BaseException) -> None:
        """An error that belongs to no field, in one message above the fields."""
        self.form.show_failure(exc)

    def mark_saved(self) -> None:
        """What is shown now counts as saved (closing asks nothing)."""

    def _write(self) -> Record | None:
        if self.record is None:
            return self.write_new(self.validated(self.create_model, self.new_values()))
        changes = self.changes()
        if not changes:
            return self.record  # nothing edited: nothing written
        data = self.validated(self.update_model, changes)
        expected: Record | None = self.record
        while True:
            try:
                return self.write_edit(data, expected)
            except ConflictError as exc:
                choice = conflicts.ask(self.context.prompts, self, exc, self.record_words())
                if choice is Resolution.keep_mine:
                    expected = exc.current  # over what is there now (asked again if it moves)
                    continue
                if choice is Resolution.save_as_new:
                    return self.write_new(self.validated(self.create_model, self.new_values()))
                if choice is Resolution.keep_theirs:
                    self.announce(self.record)
                    QDialog.reject(self)  # theirs stays: nothing of the person's to keep
                return None
