"""Running peewee queries fast: SQL made once per database, rows as plain tuples; and
reading every row even when a value is not valid text.

Portable (the same on a file and on a server): peewee still writes every statement.

APSW decodes each TEXT value as UTF-8 and raises UnicodeDecodeError for one that is not
(bytes another program wrote). Only then, and at no cost before, the query is run once
more with every column as its raw bytes (``CAST(… AS BLOB)``) and its SQLite type: each
value that does not decode becomes an ``Undecodable`` (its bad bytes shown as U+FFFD) and
its row an ``UndecodableRow``, which the service marks with a problem. Every other row of
the page is as it would have been; nothing is written back. A BLOB in a TEXT column comes
back as ``bytes`` without an error: the service's row builders, which look at each row's
values anyway, send such a row through ``readable_row()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import peewee

from crm_desktop.database import database_proxy

# Stand-ins for the values of a PreparedQuery; no real value looks like them.
_SLOTS = tuple(f"\x00crm-desktop-slot-{number}\x00" for number in range(8))


class Undecodable(str):
    """A stored value that is not valid UTF-8 text, shown with U+FFFD for its bad bytes."""

    __slots__ = ()


class UndecodableRow(tuple[Any, ...]):
    """A row with at least one Undecodable value (the service marks it with a problem)."""

    __slots__ = ()


class LenientRows(list[tuple[Any, ...]]):
    """The rows lenient_rows() read: a page where some row may be an UndecodableRow (the
    rows of every other page are a plain ``list`` of plain tuples)."""


def _plain(node: peewee.Node) -> tuple[peewee.Node, str | None]:
    """A selected column without its alias, and the alias. (A subquery among the columns is
    named with ``peewee.Alias(subquery, name)``, whose name peewee makes public.)"""
    if isinstance(node, peewee.Alias):
        return node.unalias(), node.name
    return node, None


def _database(query: peewee.ModelSelect[Any]) -> Any:
    """The database the query's table is bound to (the open one, or check's own)."""
    return query.model._meta.database


def _readable(raw: Any, kind: str) -> Any:
    if raw is None:
        return None
    if kind == "integer":
        return int(raw)
    if kind == "real":
        return float(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return Undecodable(raw.decode("utf-8", "replace"))


def readable(value: Any) -> Any:
    """``value`` as it is, or, for ``bytes`` (a BLOB), its text: an Undecodable where it
    is not valid UTF-8."""
    return _readable(value, "blob") if type(value) is bytes else value


def readable_row(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row with its BLOBs as text (see readable()); an UndecodableRow where one is not."""
    row = tuple(readable(value) for value in values)
    if any(type(value) is Undecodable for value in row):
        return UndecodableRow(row)
    return row


def lenient_rows(query: peewee.ModelSelect[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``query`` when some value is not valid UTF-8: every row, each value as
    text where it decodes, an Undecodable where it does not (see the module's docstring)."""
    columns = [_plain(node) for node in query.selected_columns]
    raw = query.clone()
    raw.selected_columns = [
        *(
            peewee.Cast(node, "BLOB").alias(alias) if alias else peewee.Cast(node, "BLOB")
            for node, alias in columns
        ),
        *(peewee.fn.typeof(node) for node, _alias in columns),
    ]
    width = len(columns)
    rows = LenientRows()
    for values in _database(query).execute(raw).fetchall():
        row = tuple(
            _readable(v, kind) for v, kind in zip(values[:width], values[width:], strict=True)
        )
        rows.append(UndecodableRow(row) if any(type(v) is Undecodable for v in row) else row)
    return rows


def exact_rows(query: peewee.ModelSelect[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``query`` exactly as stored, to be written back as they were (undo of a
    delete): a TEXT value that is not valid UTF-8, and a BLOB, come as expressions that
    write the same bytes back with the same type."""
    try:
        rows: list[tuple[Any, ...]] = _database(query).execute(query).fetchall()
        if not any(type(value) is bytes for row in rows for value in row):
            return rows
    except UnicodeDecodeError:
        pass
    columns = [_plain(node)[0] for node in query.selected_columns]
    raw = query.clone()
    raw.selected_columns = [
        *(peewee.Cast(node, "BLOB") for node in columns),
        *(peewee.fn.typeof(node) for node in columns),
    ]
    width = len(columns)

    def exact(value: Any, kind: str) -> Any:
        if kind == "text":
            try:
                return value.decode("utf-8")
            except UnicodeDecodeError:
                return peewee.Cast(peewee.Value(value, converter=False), "TEXT")
        if kind == "blob":  # as it is (peewee's own conversion would decode it)
            return peewee.Value(value, converter=False)
        return _readable(value, kind)

    return [
        tuple(exact(v, kind) for v, kind in zip(values[:width], values[width:], strict=True))
        for values in _database(query).execute(raw).fetchall()
    ]


class PreparedQuery:
    """A peewee query made into SQL once per database, then run again with new values.

    Building a peewee query and generating its SQL takes longer than SQLite needs to read a
    page of an indexed list, and peewee's row objects cost more than the rows themselves. So
    ``build`` is called once per open database with stand-ins for the values that change
    (``build(slot0, slot1, …)``, one per argument of ``rows()``), and ``rows()`` runs the
    SQL peewee generated with the real values, returning plain tuples.
    """

    def __init__(self, build: Callable[..., peewee.ModelSelect[Any]]) -> None:
        self._build = build
        self._compiled: tuple[Any, str, tuple[tuple[int, Any], ...]] | None = None

    def _compile(self, db: Any, arity: int) -> tuple[str, tuple[tuple[int, Any], ...]]:
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
        try:
            found: list[tuple[Any, ...]] = db.execute_sql(sql, params).fetchall()
            return found
        except UnicodeDecodeError:
            return lenient_rows(self._build(*values))


def fetch_tuples(query: peewee.ModelSelect[Any]) -> list[tuple[Any, ...]]:
    """The rows of a peewee query as plain tuples, without peewee's object for each row;
    every row, also when a value is not valid text (see lenient_rows())."""
    try:
        rows: list[tuple[Any, ...]] = _database(query).execute(query).fetchall()
        return rows
    except UnicodeDecodeError:
        return lenient_rows(query)


class PreparedInsert:
    """INSERTs of many rows into one table, their SQL made once per database and number of
    rows, then run with the rows' values as they are.

    peewee's ``insert_many`` builds its SQL value by value (about 60 µs a row of eleven
    columns), which costs more than the database's own work on the row. So the statement
    for ``count`` rows is generated once by peewee, with a stand-in for each value, and then
    run again with the real values: plain text and None, ready to store (no field's
    ``db_value`` runs). Thread-safe: a worker and the GUI thread may share one.
    """

    def __init__(self, table: type[peewee.Model], columns: tuple[str, ...]) -> None:
        self._table = table
        self._columns = columns
        self._compiled: dict[tuple[int, int], tuple[str, tuple[tuple[int, str], ...]]] = {}

    def _compile(self, count: int) -> tuple[str, tuple[tuple[int, str], ...]]:
        stand_ins = {
            f"\x00crm-desktop-row-{row}-{column}\x00": (row, column)
            for row in range(count)
            for column in self._columns
        }
        rows = [
            {column: f"\x00crm-desktop-row-{row}-{column}\x00" for column in self._columns}
            for row in range(count)
        ]
        sql, params = self._table.insert_many(rows).sql()
        template = tuple(stand_ins[value] for value in params)
        if len(template) != len(stand_ins):
            raise ValueError("every value of the rows must be a parameter of the statement")
        return sql, template

    def run(self, rows: list[dict[str, Any]]) -> None:
        """Insert ``rows`` (each with exactly the columns given) in one statement."""
        if not rows:
            return
        db = database_proxy.obj
        key = (id(db), len(rows))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(len(rows))
        sql, template = compiled
        db.execute_sql(sql, [rows[row][column] for row, column in template])
