"""What the service modules share: input validation, transactions, lenient reading of rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from crm_desktop import timeutil
from crm_desktop.database import database_proxy
from crm_desktop.errors import ConflictError, InvalidInputError
from crm_desktop.i18n import translate
from crm_desktop.models import field_errors

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
    """One short write transaction, begun IMMEDIATE on a file (see database.CrmDatabase)."""
    with database_proxy.atomic():
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


class Problems(list[str]):
    """What a stored row does not fit, in words, gathered while reading it."""

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

    def timestamp(self, value: Any, label: str) -> str:
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
