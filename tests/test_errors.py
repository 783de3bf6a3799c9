from __future__ import annotations

import errno

import peewee

from crm_desktop.errors import (
    InvalidInputError,
    NotADatabaseError,
    NotFoundError,
    explain,
)


def test_environment_errors_are_plain_words_not_bugs():
    cases = {
        peewee.OperationalError("database is locked"): "busy",
        peewee.OperationalError("attempt to write a readonly database"): "read-only",
        peewee.OperationalError("database or disk is full"): "full",
        peewee.DatabaseError("database disk image is malformed"): "damaged",
        OSError(errno.EACCES, "Permission denied", "/x/y"): "permission",
        NotADatabaseError("/tmp/notes.txt", "this file is not a SQLite database"): "/tmp/notes",
        NotFoundError("customer", "abc"): "no longer exists",
        InvalidInputError({"name": "This must not be empty."}): "must not be empty",
    }
    for exc, words in cases.items():
        explanation = explain(exc)
        assert not explanation.is_bug, exc
        assert words.lower() in (explanation.title + explanation.text).lower(), exc


def test_anything_else_is_a_bug():
    explanation = explain(KeyError("x"))
    assert explanation.is_bug and "bug" in explanation.text
