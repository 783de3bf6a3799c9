"""The spec's pydantic models (and the same for customers): what may enter the database.

Input models (``*Create``, ``*Update``) validate and normalise everything a person or a
caller hands in. The ``*InDB`` models describe stored rows; because other clients of the
shared file may write rows that fit no model, they carry the stored values as they are,
with ``problems`` saying in words what does not fit.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from crm_desktop import nextcloud, timeutil
from crm_desktop.i18n import translate


class CommType(StrEnum):
    email = "email"
    whatsapp = "whatsapp"
    call = "call"
    sms = "sms"
    note = "note"
    in_person = "in_person"


class CommDirection(StrEnum):
    inbound = "inbound"
    outbound = "outbound"
    internal = "internal"


class MediaDirection(StrEnum):
    received = "received"
    sent = "sent"
    internal = "internal"


def _invalid(message: str) -> PydanticCustomError:
    # A custom error keeps pydantic from prefixing "Value error, " to a sentence for people.
    return PydanticCustomError("crm_invalid", message)


def _storable(value: str) -> str:
    """Text that every database can store as UTF-8: not a lone surrogate (e.g. from a broken
    paste), and no NUL character (PostgreSQL's text refuses it; SQLite's tools stop at it)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _invalid(
            translate("models", "This contains a character that cannot be stored.")
        ) from None
    if "\x00" in value:
        raise _invalid(translate("models", "This contains a character that cannot be stored."))
    return value


def _strip_line(value: Any) -> Any:
    """One-line text: surrounding blanks removed, an empty value becomes None."""
    if isinstance(value, str):
        value = _storable(value).strip()
        return value or None
    return value


def _blank_to_none(value: Any) -> Any:
    """Free text keeps its spacing, but text of blanks only counts as empty."""
    if isinstance(value, str):
        return _storable(value) if value.strip() else None
    return value


def _required_line(value: Any) -> Any:
    if isinstance(value, str):
        value = _storable(value).strip()
    if value is None or value == "":
        raise _invalid(translate("models", "This must not be empty."))
    return value


def _timestamp(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, str):
        _storable(value)
    if isinstance(value, datetime | str):
        try:
            return timeutil.normalize(value)
        except ValueError:
            raise _invalid(
                translate(
                    "models", "This is not a date and time (expected ISO-8601, e.g. {example})."
                ).format(example="2026-11-25T14:30:00")
            ) from None
    return value


def _tags(value: Any) -> Any:
    """Tags: trimmed, empty ones dropped, duplicates removed in order; text splits at commas."""
    if isinstance(value, str):
        value = value.split(",")
    if isinstance(value, list | tuple):
        seen: dict[str, None] = {}
        for tag in value:
            if not isinstance(tag, str):
                raise _invalid(translate("models", "Each tag must be text."))
            tag = _storable(tag).strip()
            if tag:
                seen.setdefault(tag, None)
        return list(seen)
    return value


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./\-]{3,}$")


def _email(value: str | None) -> str | None:
    if value is not None and not _EMAIL.match(value):
        raise _invalid(translate("models", "This is not an e-mail address (name@example.com)."))
    return value


def _phone(value: str | None) -> str | None:
    if value is not None and (not _PHONE.match(value) or sum(c.isdigit() for c in value) < 3):
        raise _invalid(
            translate("models", "A phone number holds digits, spaces and + ( ) - / . only.")
        )
    return value


def _no_control_characters(value: str) -> None:
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise _invalid(
            translate("models", "A file name or path cannot contain line breaks or tabs.")
        )


def _file_name(value: str) -> str:
    """A file's name: one line, in Unicode NFC (as nextcloud.py compares names)."""
    _no_control_characters(value)
    return nextcloud.nfc(value)


def _nextcloud_path(value: str | None) -> str | None:
    """A Nextcloud path is absolute with single forward slashes, in NFC:
    ``/CRM/Customers/ACME/photo.jpg`` (``\\CRM\\x`` and ``//CRM//x`` become ``/CRM/x``)."""
    if value is None:
        return None
    _no_control_characters(value)
    if nextcloud.climbs(nextcloud.split(value)):
        raise _invalid(translate("models", "A Nextcloud path cannot contain '.' or '..' folders."))
    return nextcloud.normalized(value)


RequiredLine = Annotated[str, BeforeValidator(_required_line)]
FileName = Annotated[str, BeforeValidator(_required_line), AfterValidator(_file_name)]
OptionalLine = Annotated[str | None, BeforeValidator(_strip_line)]
OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]
Timestamp = Annotated[str, BeforeValidator(_timestamp)]
OptionalTimestamp = Annotated[str | None, BeforeValidator(_timestamp)]
TagList = Annotated[list[str], BeforeValidator(_tags)]
Email = Annotated[str | None, BeforeValidator(_strip_line), AfterValidator(_email)]
Phone = Annotated[str | None, BeforeValidator(_strip_line), AfterValidator(_phone)]
NextcloudPath = Annotated[str, BeforeValidator(_required_line), AfterValidator(_nextcloud_path)]
OptionalNextcloudPath = Annotated[
    str | None, BeforeValidator(_strip_line), AfterValidator(_nextcloud_path)
]


class _Input(BaseModel):
    # Validators are built on first use, not at start-up (a window opens without one).
    model_config = ConfigDict(extra="forbid", defer_build=True)


class _Stored(BaseModel):
    """A stored row as it is; ``problems`` lists, in words, what does not fit the spec."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    problems: tuple[str, ...] = ()

    @property
    def fits(self) -> bool:
        return not self.problems


Model = TypeVar("Model", bound=BaseModel)


_blanks: dict[type[BaseModel], BaseModel] = {}


def _blank(model: type[Model]) -> Model:
    """An instance of ``model`` with every field in its place (each None), made once."""
    blank = _blanks.get(model)
    if not isinstance(blank, model):
        blank = _blanks[model] = model.model_construct(**dict.fromkeys(model.model_fields))
    return blank


def trusted(model: type[Model], values: dict[str, Any]) -> Model:
    """``model.model_construct(**values)`` for ``values`` that hold every field, in order.

    The same instance at half the cost: a copy of a blank one with the values in
    (pydantic's public ``model_copy(update=…)``, which validates nothing either), without
    model_construct()'s per-field work (aliases, defaults), which costs more than reading
    the row: the service makes thousands of these for one list.
    """
    return _blank(model).model_copy(update=values)


# --- communications -------------------------------------------------------------------------


class CommAttachment(_Input):
    filename: FileName
    nextcloud_path: NextcloudPath


class CommCreate(_Input):
    customer_id: RequiredLine
    type: CommType
    direction: CommDirection
    subject: OptionalLine = None
    body: OptionalText = None
    attachments: list[CommAttachment] = []
    ext_message_id: OptionalLine = None
    logged_by: OptionalLine = None
    occurred_at: Timestamp = Field(default_factory=timeutil.now_storage)


class CommUpdate(_Input):
    """Only the fields that were given change (``model_fields_set``); None clears text."""

    subject: OptionalLine = None
    body: OptionalText = None
    occurred_at: OptionalTimestamp = None

    @field_validator("occurred_at")
    @classmethod
    def _occurred_at_cannot_be_cleared(cls, value: str | None) -> str:
        # Runs only when the field is given: the column is NOT NULL.
        if value is None:
            raise _invalid(translate("models", "When it happened is required."))
        return value


class CommInDB(_Stored):
    id: str
    customer_id: str
    type: CommType | str
    direction: CommDirection | str
    subject: str | None = None
    body: str | None = None
    attachments: list[CommAttachment] = []
    ext_message_id: str | None = None
    logged_by: str | None = None
    occurred_at: str
    created_at: str

    @property
    def occurred_at_utc(self) -> datetime | None:
        return timeutil.parse_stored(self.occurred_at)


class CommListResponse(BaseModel):
    entries: list[CommInDB]
    total: int


# --- media ----------------------------------------------------------------------------------


class MediaCreate(_Input):
    customer_id: OptionalLine = None
    order_id: OptionalLine = None
    filename: FileName
    nextcloud_path: NextcloudPath
    mime_type: OptionalLine = None
    direction: MediaDirection | None = None
    tags: TagList = []
    uploaded_by: OptionalLine = None

    @model_validator(mode="before")
    @classmethod
    def _empty_direction_is_none(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("direction") == "":
            data = {**data, "direction": None}
        return data


class MediaTagsUpdate(_Input):
    """The one change a media record allows here: its tags (the file's metadata is fixed)."""

    tags: TagList


class MediaInDB(_Stored):
    id: str
    customer_id: str | None = None
    order_id: str | None = None
    filename: str
    nextcloud_path: str
    mime_type: str | None = None
    direction: MediaDirection | str | None = None
    tags: list[str] = []
    uploaded_by: str | None = None
    created_at: str


class MediaListResponse(BaseModel):
    items: list[MediaInDB]
    total: int


# --- customers ------------------------------------------------------------------------------


class CustomerCreate(_Input):
    name: RequiredLine
    organization: OptionalLine = None
    email: Email = None
    phone: Phone = None
    address: OptionalText = None
    notes: OptionalText = None
    tags: TagList = []
    nextcloud_folder: OptionalNextcloudPath = None


class CustomerUpdate(_Input):
    """Only the fields that were given change (``model_fields_set``)."""

    name: OptionalLine = None
    organization: OptionalLine = None
    email: Email = None
    phone: Phone = None
    address: OptionalText = None
    notes: OptionalText = None
    tags: TagList | None = None
    nextcloud_folder: OptionalNextcloudPath = None

    @field_validator("name")
    @classmethod
    def _name_cannot_be_cleared(cls, value: str | None) -> str:
        # Runs only when the field is given: the column is NOT NULL.
        if value is None:
            raise _invalid(translate("models", "A customer needs a name."))
        return value


class CustomerInDB(_Stored):
    id: str
    name: str
    organization: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    notes: str | None = None
    tags: list[str] = []
    nextcloud_folder: str | None = None
    created_at: str
    updated_at: str


class CustomerListResponse(BaseModel):
    items: list[CustomerInDB]
    total: int


# --- search ---------------------------------------------------------------------------------


class SearchHit(BaseModel):
    """One hit of service.search_all(): a customer, a communication or a media record.

    ``title`` names it (a customer's name, a subject or the first line of a message, a
    file name), ``snippet`` shows the matching words in context (from ``field``, the column
    they were found in), and ``title_matches``/``snippet_matches`` are the (start, end)
    character spans of the matching words in each, for highlighting. ``time`` is the
    entry's time as stored (naive UTC ISO-8601): a communication's ``occurred_at``, a media
    record's ``created_at``; None for a customer.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    kind: Literal["customer", "communication", "media"]
    id: str
    customer_id: str | None
    title: str
    snippet: str
    time: str | None = None
    field: str = ""
    title_matches: tuple[tuple[int, int], ...] = ()
    snippet_matches: tuple[tuple[int, int], ...] = ()

    @property
    def time_utc(self) -> datetime | None:
        return timeutil.parse_stored(self.time)


# --- errors for people ----------------------------------------------------------------------


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "crm_invalid":
        return str(error["msg"])
    if kind == "missing":
        return translate("models", "This is required.")
    if kind == "enum":
        return translate("models", "Choose one of: {choices}.").format(
            choices=ctx.get("expected", "").replace("'", "")
        )
    if kind == "extra_forbidden":
        return translate("models", "This field is not known.")
    if kind in {"string_type", "list_type", "model_type", "dict_type"}:
        return translate("models", "This has the wrong kind of value.")
    return str(error["msg"])


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Each failing field (``attachments.0.filename`` for nested ones) with a sentence for people.

    Errors of the whole model (not of one field) come under the key ``""``.
    """
    errors: dict[str, str] = {}
    for error in exc.errors():
        location = ".".join(str(part) for part in error["loc"])
        errors.setdefault(location, _message(error))
    return errors
