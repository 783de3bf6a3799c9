"""Running peewee queries fast: SQL made once per database, rows as plain tuples.

Portable (the same on a file and on a server): peewee still writes every statement.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import peewee

from crm_desktop.database import database_proxy

# Stand-ins for the values of a PreparedQuery; no real value looks like them.
_SLOTS = tuple(f"\x00crm-desktop-slot-{number}\x00" for number in range(8))


class PreparedQuery:
    """A peewee query made into SQL once per database, then run again with new values.

    Building a peewee query and generating its SQL takes longer than SQLite needs to read a
    page of an indexed list, and peewee's row objects cost more than the rows themselves. So
    ``build`` is called once per open database with stand-ins for the values that change
    (``build(slot0, slot1, …)``, one per argument of ``rows()``), and ``rows()`` runs the
    SQL peewee generated with the real values, returning plain tuples.
    """

    def __init__(self, build: Callable[..., peewee.Query]) -> None:
        self._build = build
        self._compiled: tuple[peewee.Database, str, tuple[tuple[int, Any], ...]] | None = None

    def _compile(self, db: peewee.Database, arity: int) -> tuple[str, tuple[tuple[int, Any], ...]]:
        sql, params = self._build(*_SLOTS[:arity]).sql()
        slots = {slot: number for number, slot in enumerate(_SLOTS[:arity])}
        template = tuple(
            (slots[value], None) if isinstance(value, str) and value in slots else (-1, value)
            for value in params
        )
        if {number for number, _ in template} - {-1} != set(range(arity)):
            raise ValueError("each argument must be a whole value of the query")
        self._compiled = (db, sql, template)
        return sql, template

    def rows(self, *values: Any) -> list[tuple[Any, ...]]:
        db = database_proxy.obj
        compiled = self._compiled
        if compiled is not None and compiled[0] is db:
            sql, template = compiled[1], compiled[2]
        else:
            sql, template = self._compile(db, len(values))
        params = [values[number] if number >= 0 else value for number, value in template]
        return db.execute_sql(sql, params).fetchall()


def fetch_tuples(query: peewee.Query) -> list[tuple[Any, ...]]:
    """The rows of a peewee query as plain tuples, without peewee's object for each row."""
    return database_proxy.execute(query).fetchall()
