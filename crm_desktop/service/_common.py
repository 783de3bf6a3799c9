"""What the service modules share: input validation, transactions, lenient reading of rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from crm_desktop import timeutil
from crm_desktop.database import database_proxy
from crm_desktop.database.search import own_writes
from crm_desktop.errors import ConflictError, InvalidInputError
from crm_desktop.i18n import QT_TRANSLATE_NOOP, translate
from crm_desktop.models import field_errors
from crm_desktop.queries import Undecodable

InputModel = TypeVar("InputModel", bound=BaseModel)
Enum = TypeVar("Enum", bound=StrEnum)


def validated(model: type[InputModel], data: InputModel | dict[str, Any]) -> InputModel:
    """``data`` as ``model``, or InvalidInputError (field by field, in plain words)."""
    if isinstance(data, model):
        return data
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidInputError(field_errors(exc)) from None


@contextmanager
def write_transaction() -> Iterator[None]:
    """One short write transaction, begun IMMEDIATE on a file (see database.CrmDatabase).

    The rows it changes are brought up to date in the search index and the customer list's
    keys before it commits (database.search.own_writes), so the app's own edits show at once.
    """
    outermost = not database_proxy.in_transaction()
    with database_proxy.atomic():
        if not outermost:
            yield
            return
        with own_writes(database_proxy.obj):
            yield


def check_unchanged(
    kind: str,
    record_id: str,
    current: BaseModel | None,
    expected: BaseModel | None,
    fields: set[str] | list[str],
) -> None:
    """Refuse to write over what someone else changed since ``expected`` was read.

    Only the fields being written count: another program may have changed others meanwhile,
    and those stay as it left them.
    """
    if expected is None:
        return
    if current is None:
        raise ConflictError(kind, record_id, None)
    stale = tuple(f for f in sorted(fields) if getattr(current, f) != getattr(expected, f))
    if stale:
        raise ConflictError(kind, record_id, current, stale)


# The stored columns in words, for what a row does not fit ("The body holds bytes…").
COLUMN_LABELS = {
    "id": QT_TRANSLATE_NOOP("service", "id"),
    "customer_id": QT_TRANSLATE_NOOP("service", "customer"),
    "type": QT_TRANSLATE_NOOP("service", "type"),
    "direction": QT_TRANSLATE_NOOP("service", "direction"),
    "subject": QT_TRANSLATE_NOOP("service", "subject"),
    "body": QT_TRANSLATE_NOOP("service", "text"),
    "body_preview": QT_TRANSLATE_NOOP("service", "text"),
    "attachments": QT_TRANSLATE_NOOP("service", "attachments"),
    "ext_message_id": QT_TRANSLATE_NOOP("service", "message id"),
    "logged_by": QT_TRANSLATE_NOOP("service", "author"),
    "occurred_at": QT_TRANSLATE_NOOP("service", "date"),
    "created_at": QT_TRANSLATE_NOOP("service", "creation date"),
    "updated_at": QT_TRANSLATE_NOOP("service", "change date"),
    "name": QT_TRANSLATE_NOOP("service", "name"),
    "organization": QT_TRANSLATE_NOOP("service", "organization"),
    "email": QT_TRANSLATE_NOOP("service", "e-mail"),
    "phone": QT_TRANSLATE_NOOP("service", "phone"),
    "address": QT_TRANSLATE_NOOP("service", "address"),
    "notes": QT_TRANSLATE_NOOP("service", "notes"),
    "tags": QT_TRANSLATE_NOOP("service", "tags"),
    "nextcloud_folder": QT_TRANSLATE_NOOP("service", "Nextcloud folder"),
    "order_id": QT_TRANSLATE_NOOP("service", "order"),
    "filename": QT_TRANSLATE_NOOP("service", "file name"),
    "nextcloud_path": QT_TRANSLATE_NOOP("service", "Nextcloud path"),
    "mime_type": QT_TRANSLATE_NOOP("service", "file type"),
    "uploaded_by": QT_TRANSLATE_NOOP("service", "uploaded by"),
    "last_contact": QT_TRANSLATE_NOOP("service", "last contact"),
}


def undecodable_problems(names: Iterable[str], values: Iterable[Any]) -> tuple[str, ...]:
    """A problem for each value that is not valid text (queries.Undecodable), in words."""
    return tuple(
        translate(
            "service",
            "Some characters of the {field} cannot be read (another program stored bytes "
            "that are not text); they show as \ufffd.",
        ).format(field=translate("service", COLUMN_LABELS.get(name, name)))
        for name, value in zip(names, values, strict=True)
        if type(value) is Undecodable
    )


class Problems(list[str]):
    """What a stored row does not fit, in words, gathered while reading it."""

    def undecodable(self, row: dict[str, Any]) -> None:
        """Note each value of ``row`` that is not valid text (it shows with U+FFFD)."""
        self.extend(undecodable_problems(row.keys(), row.values()))

    def enum(self, enum: type[Enum], value: Any, label: str) -> Enum | Any:
        if value is None:
            return None
        try:
            return enum(value)
        except ValueError:
            self.append(
                translate("service", "Unknown {field} {value!r}").format(field=label, value=value)
            )
            return value

    def timestamp(self, value: str, label: str) -> str:
        if timeutil.parse_stored(value) is None:
            self.append(
                translate("service", "The {field} {value!r} is not a date and time").format(
                    field=label, value=value
                )
            )
        return value

    def json_list(self, text: Any, label: str) -> list[Any]:
        if text is None or text == "":
            return []
        try:
            value = json.loads(text)
        except (TypeError, ValueError):
            self.append(translate("service", "The {field} are not valid JSON").format(field=label))
            return []
        if not isinstance(value, list):
            self.append(translate("service", "The {field} are not a list").format(field=label))
            return []
        return value

    def text_list(self, text: Any, label: str) -> list[str]:
        items = self.json_list(text, label)
        texts = [item for item in items if isinstance(item, str)]
        if len(texts) != len(items):
            self.append(translate("service", "Some {field} are not text").format(field=label))
        return texts
