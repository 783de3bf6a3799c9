"""The errors the app raises on purpose, each with a message a person can read."""

from __future__ import annotations

from pathlib import Path


class CrmError(Exception):
    """Base of the errors that the app expects and explains in plain words."""


class NotFoundError(CrmError):
    """A record that was asked for by id is not (or no longer) in the database."""

    def __init__(self, kind: str, record_id: str) -> None:
        self.kind = kind
        self.record_id = record_id
        super().__init__(f"No {kind} with id {record_id!r} exists (it may have been deleted).")


class InvalidInputError(CrmError):
    """Input that does not fit the models; ``field_errors`` maps each field to what is wrong."""

    def __init__(self, field_errors: dict[str, str]) -> None:
        self.field_errors = dict(field_errors)
        text = "; ".join(
            f"{name}: {message}" if name else message for name, message in field_errors.items()
        )
        super().__init__(text or "The input is not valid.")


class DatabaseFileError(CrmError):
    """A database file that the app cannot use as it is; names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NotADatabaseError(DatabaseFileError):
    pass


class SchemaMismatchError(DatabaseFileError):
    """The file's tables lack columns that the app needs."""

    def __init__(self, path: Path | str, missing: dict[str, list[str]]) -> None:
        self.missing = missing
        parts = [f"table {table} lacks {', '.join(cols)}" for table, cols in missing.items()]
        super().__init__(
            path, "the database does not have the expected columns: " + "; ".join(parts)
        )
