"""Where the database is: a file on this computer, or an office PostgreSQL server.

``--db`` and the settings take a plain path, ``sqlite:///path``, or
``postgresql://user@host:port/dbname`` (any libpq parameters as query, e.g.
``?sslmode=require`` or ``?service=office``). Passwords never go in the address: libpq
finds them in ``~/.pgpass``, ``PGPASSWORD`` or a service file, so the app never stores one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from crm_desktop.errors import CrmError
from crm_desktop.i18n import translate


class Kind(StrEnum):
    sqlite = "sqlite"
    postgresql = "postgresql"


class LocationError(CrmError):
    """An address the app cannot use, in words."""


@dataclass(frozen=True)
class DatabaseLocation:
    kind: Kind
    path: Path | None = None  # for a file
    url: str = ""  # for a server, never with a password

    @property
    def is_file(self) -> bool:
        return self.kind is Kind.sqlite

    @property
    def display_name(self) -> str:
        """Short, for a window title: the file's name, or ``dbname on host``."""
        if self.path is not None:
            return self.path.name
        parts = urlsplit(self.url)
        database = parts.path.lstrip("/") or parts.username or "postgres"
        return translate("locations", "{database} on {host}").format(
            database=database, host=parts.hostname or "localhost"
        )

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else self.url


def parse_location(text: str | Path) -> DatabaseLocation:
    """The location ``text`` names; LocationError when it cannot be used as it is."""
    value = str(text).strip()
    if not value:
        raise LocationError(translate("locations", "No database was given."))
    lowered = value.lower()
    if lowered.startswith(("postgresql://", "postgres://")):
        parts = urlsplit(value)
        if parts.password is not None:
            raise LocationError(
                translate(
                    "locations",
                    "Leave the password out of the server address: put it in ~/.pgpass "
                    "(or the PGPASSWORD variable, or a PostgreSQL service file).",
                )
            )
        return DatabaseLocation(Kind.postgresql, url=value)
    if lowered.startswith("sqlite://"):
        value = value[len("sqlite://") :]
        if not value:
            raise LocationError(translate("locations", "The sqlite:// address names no file."))
    if "://" in value:
        raise LocationError(
            translate("locations", "Unknown kind of database address: {address}").format(
                address=value
            )
        )
    return DatabaseLocation(Kind.sqlite, path=Path(value).expanduser().absolute())
