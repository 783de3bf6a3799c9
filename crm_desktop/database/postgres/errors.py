"""The server's errors told apart by SQLSTATE and psycopg's exception classes.

One exception, kept in ``connect_failure()``: libpq hands out no SQLSTATE before a session
exists (a refused login, a full server, failed TLS while connecting: psycopg's error has
``sqlstate`` None), so there its words are the only sign. A server that answers in another
language then reads as "cannot be reached", with its own message, which still says it.
"""

from __future__ import annotations

import psycopg

from crm_desktop.errors import (
    DatabaseProblem,
    ServerConnectionError,
    add_problem_finder,
    causes,
)

# SQLSTATEs of a connection that is gone (besides class 08, connection exceptions):
# admin_shutdown (a server stopping or restarting, or pg_terminate_backend), crash_shutdown,
# cannot_connect_now (starting up or shutting down), idle_session_timeout.
LOST_SQLSTATES = frozenset({"57P01", "57P02", "57P03", "57P05"})
TOO_MANY_CONNECTIONS = "53300"

# What a SQLSTATE means for the person (by class where the whole class means one thing).
_BY_SQLSTATE = {
    TOO_MANY_CONNECTIONS: DatabaseProblem.server_full,
    "53100": DatabaseProblem.disk_full,  # disk_full
    "25006": DatabaseProblem.read_only,  # read_only_sql_transaction (a standby, a setting)
    "55P03": DatabaseProblem.busy,  # lock_not_available (lock_timeout)
    "40P01": DatabaseProblem.busy,  # deadlock_detected
    "XX001": DatabaseProblem.damaged,  # data_corrupted
    "XX002": DatabaseProblem.damaged,  # index_corrupted
}
_BY_SQLSTATE_CLASS = {
    "08": DatabaseProblem.server_unreachable,  # connection exception
    "28": DatabaseProblem.login_refused,  # invalid authorization specification
}

# libpq's words while a connection starts (see the module's docstring), first match wins.
_CONNECT_WORDS = (
    (
        ("too many clients", "connection slots are reserved", "too many connections"),
        DatabaseProblem.server_full,
    ),
    (
        ("password authentication failed", "no password supplied", "authentication failed"),
        DatabaseProblem.login_refused,
    ),
    (("ssl", "certificate"), DatabaseProblem.no_secure_connection),
)


def driver_error(exc: BaseException) -> psycopg.Error | None:
    """The psycopg error behind ``exc`` (peewee wraps the driver's errors), if any."""
    return next((e for e in causes(exc) if isinstance(e, psycopg.Error)), None)


def first_line(exc: BaseException) -> str:
    """libpq's message, first line only (the address holds no password, so neither does it)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def sqlstate_problem(state: str | None) -> DatabaseProblem | None:
    if not state:
        return None
    if state in LOST_SQLSTATES:
        return DatabaseProblem.server_unreachable
    return _BY_SQLSTATE.get(state) or _BY_SQLSTATE_CLASS.get(state[:2])


def server_problem(exc: BaseException) -> DatabaseProblem | None:
    """What a psycopg error means for the person, by its SQLSTATE (None for other errors)."""
    return sqlstate_problem(exc.sqlstate) if isinstance(exc, psycopg.Error) else None


add_problem_finder(server_problem)


def connection_lost(error: psycopg.Error) -> bool:
    """Whether ``error`` means the connection is gone (rather than a statement that failed):
    SQLSTATE class 08 or one of LOST_SQLSTATES; or psycopg's OperationalError with no
    SQLSTATE at all, which is libpq's own (the socket closed or failed: no server answer
    carried a code)."""
    state = error.sqlstate
    if state:
        return state.startswith("08") or state in LOST_SQLSTATES
    return isinstance(error, psycopg.OperationalError | psycopg.InterfaceError)


def connect_failure(error: psycopg.Error) -> ServerConnectionError:
    """Why a connection could not start, as a ServerConnectionError: by SQLSTATE when the
    server sent one, else by libpq's words (the one place that reads them), else "cannot be
    reached"."""
    problem = sqlstate_problem(error.sqlstate)
    if problem is None and not error.sqlstate:
        message = str(error).lower()
        problem = next(
            (found for words, found in _CONNECT_WORDS if any(w in message for w in words)), None
        )
    return ServerConnectionError(first_line(error), problem or DatabaseProblem.server_unreachable)


def connection_error(exc: BaseException) -> ServerConnectionError | None:
    """``exc`` as a ServerConnectionError when it means the server cannot be used now (a
    lost connection, a failed connect, a full server); None for any other error."""
    for cause in causes(exc):
        if isinstance(cause, ServerConnectionError):
            return cause
    error = driver_error(exc)
    if error is None:
        return None
    if error.sqlstate == TOO_MANY_CONNECTIONS:
        return ServerConnectionError(first_line(error), DatabaseProblem.server_full)
    if not connection_lost(error):
        return None
    if error.sqlstate:
        return ServerConnectionError(first_line(error))
    return connect_failure(error)  # libpq's own: a connection that could not start, or broke
