"""When someone else changed or deleted what the user is editing: ask which version to keep."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtWidgets import QWidget

from crm_desktop.errors import ConflictError
from crm_desktop.i18n import translate
from crm_desktop.ui.prompts import Prompts


class Resolution(Enum):
    keep_mine = "keep_mine"  # write the user's version over the other one
    keep_theirs = "keep_theirs"  # drop the user's edit; the other version stays
    save_as_new = "save_as_new"  # the record was deleted: save the user's version anew
    keep_editing = "keep_editing"  # the question was closed: nothing written, dialog stays


def ask(prompts: Prompts, parent: QWidget | None, exc: ConflictError[Any], what: str) -> Resolution:
    """Put the conflict to the user in plain words; ``what`` names the record ("customer")."""
    if exc.current is None:
        answer = prompts.choose(
            parent,
            translate("Conflicts", "Deleted meanwhile"),
            translate(
                "Conflicts",
                "Someone else deleted this {what} while you were editing it. "
                "Do you want to save your version as a new {what}?",
            ).format(what=what),
            [translate("Conflicts", "Save as new"), translate("Conflicts", "Discard mine")],
        )
        return {0: Resolution.save_as_new, 1: Resolution.keep_theirs}.get(
            answer, Resolution.keep_editing
        )
    answer = prompts.choose(
        parent,
        translate("Conflicts", "Changed meanwhile"),
        translate(
            "Conflicts",
            "Someone else changed this {what} while you were editing it ({fields}). "
            "Which version do you want to keep?",
        ).format(what=what, fields=", ".join(field.replace("_", " ") for field in exc.fields)),
        [translate("Conflicts", "Keep mine"), translate("Conflicts", "Keep theirs")],
    )
    return {0: Resolution.keep_mine, 1: Resolution.keep_theirs}.get(answer, Resolution.keep_editing)
