"""Dialogs for media records: add one by hand, and edit a record's tags.

Both keep everything typed until it is saved: errors show at the field, and closing with
unsaved text asks first.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from crm_desktop import nextcloud, service
from crm_desktop.errors import ConflictError, CrmError, InvalidInputError
from crm_desktop.models import MediaCreate, MediaInDB, field_errors
from crm_desktop.ui import conflicts
from crm_desktop.ui.completion import TagListCompleter, word_completer
from crm_desktop.ui.conflicts import Resolution
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.dialogs.base import RememberedDialog
from crm_desktop.ui.forms import FieldForm, dialog_layout
from crm_desktop.ui.labels import guess_mime, media_direction_names


class _RecordDialog(RememberedDialog):
    """What both dialogs share: Save / Cancel, Ctrl+Return, ask before discarding, geometry."""

    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(context, parent)
        self.saved: MediaInDB | None = None
        self.form = FieldForm(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in (QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            QShortcut(keys, self, self.save)
        self._initial: dict[str, Any] = {}

    def _finish_setup(self, *widgets: QWidget) -> None:
        dialog_layout(self, *widgets, self.form, buttons=self.buttons)
        self._initial = self.values()
        self.restore_geometry()

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def is_modified(self) -> bool:
        return self.values() != self._initial

    def _show_error(self, exc: Exception) -> None:
        """Input errors at their fields; the rest in the banner or (unexpected) as an error."""
        if isinstance(exc, InvalidInputError):
            self.form.show_errors(exc.field_errors)
        elif isinstance(exc, CrmError):
            self.form.show_banner(str(exc))
        else:  # a database error: keep what was typed, say why
            self.context.prompts.error(self, exc)

    def _saved(self, record: MediaInDB) -> None:
        self.saved = record
        self._initial = self.values()
        self.context.events.media_changed.emit(record.customer_id or "")
        self.accept()


class MediaDialog(_RecordDialog):
    """Record a file by hand: its name, where it is in Nextcloud, and what it is about."""

    def __init__(
        self,
        context: AppContext,
        customer_id: str,
        nextcloud_folder: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.customer_id = customer_id
        self.nextcloud_folder = nextcloud_folder
        self.setObjectName("mediaDialog")
        self.setWindowTitle(self.tr("Add media record"))
        self.setMinimumWidth(460)

        intro = QLabel(
            self.tr(
                "Records a file's details for this customer. The file itself stays in Nextcloud."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")

        self.filename = self._line("mediaFilename", "filename", self.tr("&Filename:"))
        self.filename.setPlaceholderText(self.tr("e.g. roof-damage.jpg"))
        self.path = self._line("mediaPath", "nextcloud_path", self.tr("Next&cloud path:"))
        self.path.setPlaceholderText(nextcloud.join(nextcloud_folder, "…"))
        self.mime = self._line("mediaMime", "mime_type", self.tr("&Type (MIME):"))
        self.mime.setPlaceholderText(self.tr("Guessed from the filename"))
        self.direction = QComboBox(self)
        self.direction.setObjectName("mediaDirection")
        self.direction.addItem(self.tr("—"), "")
        for value, name in media_direction_names().items():
            self.direction.addItem(name, value)
        self.form.add_field("direction", self.tr("&Direction:"), self.direction)
        self.tags = self._line("mediaTags", "tags", self.tr("T&ags:"))
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. roof, damage"))
        self.order = self._line("mediaOrder", "order_id", self.tr("&Order id:"))
        self.uploaded_by = self._line("mediaUploadedBy", "uploaded_by", self.tr("&Uploaded by:"))
        self.uploaded_by.setText(context.user_name)
        try:
            self.tags.setCompleter(TagListCompleter(service.known_tags(), self.tags))
            self.order.setCompleter(word_completer(self.order, service.known_order_ids()))
        except Exception as exc:  # completion is a help: the dialog works without it
            self.context.prompts.error(self, exc)

        # The path and the type follow the filename until the user types their own.
        self._path_edited = False
        self._mime_edited = False
        self.filename.textEdited.connect(self._follow_filename)
        self.path.textEdited.connect(lambda: setattr(self, "_path_edited", True))
        self.mime.textEdited.connect(lambda: setattr(self, "_mime_edited", True))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("mediaSave")
        self._finish_setup(intro)
        self.filename.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def for_new(
        cls,
        context: AppContext,
        customer_id: str,
        nextcloud_folder: str | None,
        parent: QWidget | None = None,
    ) -> MediaDialog:
        """The dialog, unshown: the caller opens it (tests drive it as it is)."""
        return cls(context, customer_id, nextcloud_folder, parent)

    def _line(self, object_name: str, key: str, label: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(object_name)
        self.form.add_field(key, label, line)
        return line

    def _follow_filename(self, name: str) -> None:
        name = name.strip()
        if not self._path_edited:
            self.path.setText(nextcloud.join(self.nextcloud_folder, name) if name else "")
        if not self._mime_edited:
            self.mime.setText((guess_mime(name) or "") if name else "")

    def values(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id,
            "filename": self.filename.text(),
            "nextcloud_path": self.path.text(),
            "mime_type": self.mime.text(),
            "direction": self.direction.currentData() or None,
            "tags": self.tags.text(),
            "order_id": self.order.text(),
            "uploaded_by": self.uploaded_by.text(),
        }

    def _validated(self) -> MediaCreate | dict[str, str]:
        """The input as the spec's model, or the errors field by field."""
        values = self.values()
        errors: dict[str, str] = {}
        media: MediaCreate | None = None
        try:
            media = MediaCreate.model_validate(values)
        except ValidationError as exc:
            errors = field_errors(exc)
        problem = nextcloud.name_problem(values["filename"])
        if "filename" not in errors and problem:
            errors["filename"] = self.tr("Nextcloud cannot store this name: {problem}.").format(
                problem=problem
            )
        if "filename" in errors and not self._path_edited:
            errors.pop("nextcloud_path", None)  # it follows the filename: one error is enough
        if errors or media is None:
            return errors
        return media

    def save(self) -> None:
        media = self._validated()
        if isinstance(media, dict):
            self.form.show_errors(media)
            return
        try:
            record = service.create_media(media)
        except Exception as exc:
            self._show_error(exc)
            return
        self._saved(record)


class TagsDialog(_RecordDialog):
    """Edit one record's tags (the one change a media record allows)."""

    def __init__(
        self, context: AppContext, record: MediaInDB, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.record = record
        self.setObjectName("mediaTagsDialog")
        self.setWindowTitle(self.tr("Edit tags"))
        self.setMinimumWidth(400)
        heading = QLabel(record.filename, self)
        heading.setProperty("role", "heading")
        heading.setToolTip(record.nextcloud_path)
        self.tags = QLineEdit(", ".join(record.tags), self)
        self.tags.setObjectName("mediaTagsEdit")
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. roof, damage"))
        self.form.add_field("tags", self.tr("T&ags:"), self.tags)
        try:
            self.tags.setCompleter(TagListCompleter(service.known_tags(), self.tags))
        except Exception as exc:  # completion is a help: the dialog works without it
            self.context.prompts.error(self, exc)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("mediaTagsSave")
        self._finish_setup(heading)
        self.tags.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def for_record(
        cls, context: AppContext, record: MediaInDB, parent: QWidget | None = None
    ) -> TagsDialog:
        return cls(context, record, parent)

    def values(self) -> dict[str, Any]:
        return {"tags": self.tags.text()}

    def save(self) -> None:
        if not self.is_modified():
            super().accept()  # nothing edited: nothing written
            return
        try:
            record = self._update()
        except Exception as exc:
            self._show_error(exc)
            return
        if record is not None:
            self._saved(record)

    def _update(self) -> MediaInDB | None:
        """Save the tags against the record as the user saw it; None if nothing was saved."""
        tags = self.tags.text()
        try:
            return service.update_media_tags(self.record.id, tags, expected=self.record)
        except ConflictError as exc:
            choice = conflicts.ask(self.context.prompts, self, exc, self.tr("media record"))
            current = exc.current
        if choice is Resolution.keep_mine:
            return service.update_media_tags(self.record.id, tags, expected=current)
        if choice is Resolution.save_as_new:
            fields = self.record.model_dump(exclude={"id", "created_at", "problems", "tags"})
            return service.create_media({**fields, "tags": tags})
        if choice is Resolution.keep_theirs:
            self.context.events.media_changed.emit(self.record.customer_id or "")
            QDialog.reject(self)  # their tags stay; nothing of the user's to keep
        return None
