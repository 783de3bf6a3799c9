"""The app's connection for queries on an office server (peewee's, one per thread): lost
connections replaced where that is safe, and failing at once while the server is known to
be away."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any, cast

import peewee

from crm_desktop.database.interface import BackgroundWork, ChangeWatch
from crm_desktop.database.postgres.errors import connect_failure, connection_error, driver_error
from crm_desktop.database.postgres.link import Link, connection_parameters, server_url
from crm_desktop.database.postgres.listener import ChangeListener
from crm_desktop.database.postgres.search import PostgresSearchIndex
from crm_desktop.errors import ServerConnectionError, causes
from crm_desktop.locations import DatabaseLocation

log = logging.getLogger("crm_desktop.database.postgres")

_COLUMNS_QUERY = """
SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
    coalesce(a.attnum = ANY(i.indkey::int2[]), false),
    CASE WHEN a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> ''
        THEN 'DEFAULT' END
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_index i ON i.indrelid = c.oid AND i.indisprimary
WHERE c.relname = %s AND n.nspname = coalesce(%s, current_schema())
    AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
"""


class ServerDatabase(peewee.PostgresqlDatabase):
    """The app's connection to an office server (peewee's, one per thread).

    Connection problems come out as ServerConnectionError. A connection that broke outside
    a transaction (a restarted server, an ended session) is replaced once, and the
    statement run again, as peewee's ReconnectMixin would; while the listening thread knows
    the server to be away (``link``), connecting fails at once rather than making the
    thread wait up to the connect timeout.
    """

    def __init__(self, location: DatabaseLocation, link: Link | None = None) -> None:
        # libpq takes the URL as it is (sslmode, service, options) and finds the password
        # in ~/.pgpass or PGPASSWORD itself.
        super().__init__(
            server_url(location), prefer_psycopg3=True, **connection_parameters(location)
        )
        self._location = location
        self.link = link or Link()
        self.path = None
        self.read_only = False
        self.read_only_reason = ""
        self.warnings: list[str] = []
        self._search_index: PostgresSearchIndex | None = None

    @property
    def location(self) -> DatabaseLocation:
        return self._location

    def connect(self, reuse_if_open: bool = False) -> bool:
        problem = self.link.problem
        if problem is not None and self.is_closed():
            raise ServerConnectionError(problem.detail, problem.problem)
        try:
            return bool(super().connect(reuse_if_open))
        except peewee.PeeweeException as exc:
            error = driver_error(exc)
            if error is None:
                raise
            # Whatever stopped a connection from starting (refused, timed out, login,
            # full): the server cannot be used now.
            raise connect_failure(error) from exc

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        return self._replacing_lost(super().execute_sql, sql, params)

    def begin(self, isolation_level: Any = None) -> None:
        self._replacing_lost(super().begin, isolation_level)

    def commit(self) -> Any:
        try:
            return super().commit()
        except peewee.PeeweeException as exc:
            problem = connection_error(exc)
            if problem is None:
                raise
            raise problem from exc  # the transaction's fate is the server's: it rolls back

    def rollback(self) -> Any:
        try:
            return super().rollback()
        except peewee.PeeweeException as exc:
            if connection_error(exc) is None:
                raise
            return None  # nothing to undo here: the server ended the transaction with it

    def _replacing_lost(self, action: Callable[..., Any], *args: Any) -> Any:
        try:
            return action(*args)
        except peewee.PeeweeException as exc:
            problem = connection_error(exc)
            if problem is None:
                raise
            failed_to_connect = any(isinstance(c, ServerConnectionError) for c in causes(exc))
            if failed_to_connect or self.in_transaction() or self.link.problem is not None:
                self._forget_connection()
                raise problem from exc
        log.info("The connection to the server broke; opening a new one")
        self._forget_connection()
        try:
            return action(*args)
        except peewee.PeeweeException as exc:
            problem = connection_error(exc)
            if problem is None:
                raise
            self._forget_connection()
            raise problem from exc

    def _forget_connection(self) -> None:
        """Drop this thread's broken connection, unless a transaction still holds it (its
        rollback comes next, then the next statement drops it)."""
        if not self.in_transaction():
            with contextlib.suppress(peewee.PeeweeException):
                self.close()

    def get_columns(self, table: str, schema: str | None = None) -> list[Any]:
        """The table's columns, from the catalog alone. peewee's own query prints each
        default with pg_get_expr(), which waits for a lock on the table, and opening must
        not; so ``default`` only says whether there is one (a default, an identity or a
        generated column): "DEFAULT", or None."""
        rows = self.execute_sql(_COLUMNS_QUERY, (table, schema)).fetchall()
        return [
            peewee.ColumnMetadata(name, data_type, nullable, primary, table, default)
            for name, data_type, nullable, primary, default in rows
        ]

    def backend_pid(self) -> int | None:
        """The server process of this thread's connection (its notifications are its own)."""
        if self.is_closed():
            return None
        try:
            connection: Any = cast(Any, self).connection()  # (peewee is untyped)
            return int(connection.info.backend_pid) or None
        except Exception:  # a connection that broke has no server process any more
            return None

    # --- the engine's side of crm_desktop.database.interface.Database ---------------------

    def change_watch(self) -> ChangeWatch:
        """A listener on a connection and a thread of its own, sharing this database's link
        (its queries then fail at once while the listener knows the server to be away)."""
        return ChangeListener(self.location, self.backend_pid, self.link)

    def index_work(self) -> BackgroundWork | None:
        return None  # a server builds the app's indexes when it is opened

    def index_ready(self, name: str) -> bool:
        return True

    def case_insensitive(self, column: peewee.ColumnBase) -> peewee.ColumnBase:
        # lower(), as the app's name index is made on a server (schema.index_ddl()).
        return peewee.fn.lower(column)

    def search_index(self) -> PostgresSearchIndex:
        if self._search_index is None:
            self._search_index = PostgresSearchIndex(self)
        return self._search_index
