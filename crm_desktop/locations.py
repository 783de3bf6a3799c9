"""Where the database is: a file on this computer, or an office PostgreSQL server.

``--db`` and the settings take a plain path, ``sqlite:///path``,
``postgresql://user@host:port/dbname`` (any libpq parameters as query, e.g.
``?sslmode=require`` or ``?service=office``), or libpq's own ``host=… dbname=…`` form.
Passwords never go in the address, in any form: libpq finds them in ``~/.pgpass``,
``PGPASSWORD`` or a service file, so the app never stores, shows or logs one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from crm_desktop.errors import CrmError
from crm_desktop.i18n import translate


class Kind(StrEnum):
    sqlite = "sqlite"
    postgresql = "postgresql"


class LocationError(CrmError):
    """An address the app cannot use, in words (never repeating the address: it may hold
    a password)."""


# libpq parameters that carry a secret: the server login's, and the TLS key's.
SECRET_PARAMETERS = frozenset({"password", "sslpassword"})

# The start of libpq's ``keyword=value`` form (``host=db dbname=crm``): a keyword that
# only a connection string begins with, so that a file named ``a=b.sqlite3`` stays a file.
_CONNINFO_START = re.compile(
    r"\s*(host|hostaddr|port|dbname|user|password|passfile|service|sslmode|sslpassword"
    r"|options|application_name|connect_timeout)\s*=",
    re.IGNORECASE,
)


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
        query = dict(parse_qsl(parts.query))
        database = parts.path.lstrip("/") or query.get("dbname") or parts.username or "postgres"
        host = parts.hostname or query.get("host") or query.get("service") or "localhost"
        return translate("locations", "{database} on {host}").format(database=database, host=host)

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else self.url


def _password_refused() -> LocationError:
    return LocationError(
        translate(
            "locations",
            "Leave the password out of the server address: put it in ~/.pgpass "
            "(or the PGPASSWORD variable, or a PostgreSQL service file).",
        )
    )


def _unreadable() -> LocationError:
    return LocationError(
        translate(
            "locations",
            "The server address cannot be read: write it as "
            "postgresql://user@host/database (libpq's parameters after a ?).",
        )
    )


def server_parameters(address: str) -> dict[str, str]:
    """libpq's parameters in a server address (a postgresql:// URL or ``key=value`` pairs),
    read as libpq reads them (psycopg.conninfo.conninfo_to_dict: percent-escapes and quotes
    undone). LocationError when it cannot be read or holds a password in any form."""
    try:
        from psycopg import ProgrammingError
        from psycopg.conninfo import conninfo_to_dict
    except ImportError:  # no driver installed: at least never let a password through
        parameters = _parameters_without_driver(address)
    else:
        try:
            parameters = {key: str(value) for key, value in conninfo_to_dict(address).items()}
        except ProgrammingError:
            # libpq's own message may quote a piece of the address: it is not repeated.
            raise _unreadable() from None
    if SECRET_PARAMETERS & {key.lower() for key in parameters}:
        raise _password_refused()
    return parameters


def _parameters_without_driver(address: str) -> dict[str, str]:
    if "://" not in address:
        return {
            key: value
            for key, _, value in (item.partition("=") for item in address.split())
            if value
        }
    parts = urlsplit(address)
    parameters = dict(parse_qsl(parts.query))
    if parts.password is not None:
        parameters["password"] = parts.password
    return parameters


def _as_url(parameters: dict[str, str]) -> str:
    """A ``key=value`` connection string as the postgresql:// URL libpq reads the same way."""
    rest = dict(parameters)
    user, host, port, dbname = (rest.pop(key, "") for key in ("user", "host", "port", "dbname"))
    if "," in host or "/" in host or ":" in host or "," in port:
        rest = {"host": host, "port": port, **rest}  # several hosts, a socket folder, IPv6
        host = port = ""
    netloc = (quote(user, safe="") + "@" if user else "") + host + (f":{port}" if port else "")
    query = urlencode({key: value for key, value in rest.items() if value})
    return f"postgresql://{netloc}/{quote(dbname, safe='')}" + (f"?{query}" if query else "")


def parse_location(text: str | Path) -> DatabaseLocation:
    """The location ``text`` names; LocationError when it cannot be used as it is."""
    value = str(text).strip()
    if not value:
        raise LocationError(translate("locations", "No database was given."))
    lowered = value.lower()
    if lowered.startswith(("postgresql://", "postgres://")):
        server_parameters(value)
        return DatabaseLocation(Kind.postgresql, url=value)
    if not isinstance(text, Path) and _CONNINFO_START.match(value):
        return DatabaseLocation(Kind.postgresql, url=_as_url(server_parameters(value)))
    if lowered.startswith("sqlite://"):
        value = value[len("sqlite://") :]
        if not value:
            raise LocationError(translate("locations", "The sqlite:// address names no file."))
    if "://" in value:
        # Only the scheme is repeated: the rest could hold a login.
        raise LocationError(
            translate("locations", "Unknown kind of database address: {scheme}://…").format(
                scheme=value.split("://", 1)[0]
            )
        )
    return DatabaseLocation(Kind.sqlite, path=Path(value).expanduser().absolute())
