"""Dialogs for media records: add one by hand, and edit a record's tags.

Both keep everything typed until it is saved: errors show at the field, and closing with
unsaved text asks first.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from crm_desktop import nextcloud, service
from crm_desktop.models import MediaCreate, MediaInDB, MediaTagsUpdate
from crm_desktop.ui.completion import TagListCompleter, word_completer
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.dialogs.editing import EditingDialog
from crm_desktop.ui.forms import dialog_layout
from crm_desktop.ui.labels import guess_mime, media_direction_names

Edit = TypeVar("Edit", bound=BaseModel)


class _RecordDialog(EditingDialog[MediaInDB, MediaCreate, Edit], Generic[Edit]):
    """What both dialogs share: Save / Cancel, Ctrl+Return, ask before discarding, geometry."""

    create_model = MediaCreate

    def __init__(
        self, context: AppContext, record: MediaInDB | None, parent: QWidget | None
    ) -> None:
        super().__init__(context, record, parent)
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

    def is_modified(self) -> bool:
        return self.values() != self._initial

    def record_words(self) -> str:
        return self.tr("media record")

    def write_new(self, data: MediaCreate) -> MediaInDB:
        return service.create_media(data)

    def announce(self, record: MediaInDB) -> None:
        self.context.events.media_changed.emit(record.customer_id or "")

    def mark_saved(self) -> None:
        self._initial = self.values()


class MediaDialog(_RecordDialog[MediaCreate]):
    """Record a file by hand: its name, where it is in Nextcloud, and what it is about."""

    update_model = MediaCreate  # (never edited: a record's file stays what it is)

    def __init__(
        self,
        context: AppContext,
        customer_id: str,
        nextcloud_folder: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, None, parent)
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

    def new_values(self) -> dict[str, Any]:
        return self.values()

    def field_problems(self, values: dict[str, Any], errors: dict[str, str]) -> dict[str, str]:
        problem = nextcloud.name_problem(values["filename"])
        if "filename" not in errors and problem:
            errors["filename"] = self.tr("Nextcloud cannot store this name: {problem}.").format(
                problem=problem
            )
        if "filename" in errors and not self._path_edited:
            errors.pop("nextcloud_path", None)  # it follows the filename: one error is enough
        return errors


class TagsDialog(_RecordDialog[MediaTagsUpdate]):
    """Edit one record's tags (the one change a media record allows)."""

    update_model = MediaTagsUpdate

    def __init__(
        self, context: AppContext, record: MediaInDB, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, record, parent)
        self.media = record
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

    def changes(self) -> dict[str, Any]:
        return self.values() if self.is_modified() else {}

    def new_values(self) -> dict[str, Any]:
        """The record as it was, with the typed tags (when it was deleted meanwhile)."""
        fields = self.media.model_dump(exclude={"id", "created_at", "problems", "tags"})
        return {**fields, **self.values()}

    def write_edit(self, data: MediaTagsUpdate, expected: MediaInDB | None) -> MediaInDB:
        return service.update_media_tags(self.media.id, data.tags, expected=expected)
