from __future__ import annotations

import errno

import apsw
import peewee
import psycopg.errors as pg_errors
import pytest

from crm_desktop.database import close_db, init_db
from crm_desktop.database.postgres import connect_failure
from crm_desktop.errors import (
    DatabaseProblem,
    InvalidInputError,
    NotADatabaseError,
    NotFoundError,
    ServerConnectionError,
    explain,
)
from tests.helpers.errors import as_peewee_raises


def test_environment_errors_are_plain_words_not_bugs():
    cases = {
        as_peewee_raises(apsw.BusyError("gesperrt")): "busy",
        as_peewee_raises(apsw.ReadOnlyError("schreibgeschützt")): "read-only",
        as_peewee_raises(apsw.FullError("voll")): "full",
        as_peewee_raises(apsw.CorruptError("kaputt")): "damaged",
        as_peewee_raises(pg_errors.DiskFull("kein Platz")): "full",
        OSError(errno.EACCES, "Permission denied", "/x/y"): "permission",
        NotADatabaseError("/tmp/notes.txt", "this file is not a SQLite database"): "/tmp/notes",
        NotFoundError("customer", "abc"): "no longer exists",
        InvalidInputError({"name": "This must not be empty."}): "must not be empty",
    }
    for exc, words in cases.items():
        explanation = explain(exc)
        assert not explanation.is_bug, exc
        assert words.lower() in (explanation.title + explanation.text).lower(), exc


def test_real_sqlite_errors_are_told_by_their_type(tmp_path):
    path = tmp_path / "crm.sqlite3"
    init_db(path)
    close_db()
    holder = apsw.Connection(str(path))
    holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    try:
        with pytest.raises(peewee.OperationalError) as busy:
            init_db(path, busy_timeout=0.05)  # opening writes (missing tables, indexes)
        assert explain(busy.value).title == "The database is busy"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        close_db()
    db = init_db(path, read_only=True)
    try:
        with pytest.raises(peewee.DatabaseError) as read_only:
            db.execute_sql("DELETE FROM crm_customers")
        assert explain(read_only.value).title == "The database is read-only"
    finally:
        close_db()


def test_the_words_of_a_message_decide_nothing():
    # "full" in a message (or "fully", or a server's German) is no disk that is full.
    for exc in (
        peewee.OperationalError("database or disk is full"),
        peewee.OperationalError("database is locked"),
        peewee.OperationalError("the list is fully loaded"),
    ):
        assert explain(exc).is_bug, exc


def test_a_server_in_another_language_is_understood_by_sqlstate():
    german = pg_errors.TooManyConnections("Verbindungsslots sind reserviert")
    assert explain(as_peewee_raises(german)).title == "The office server is full"
    lost = pg_errors.AdminShutdown("Verbindung wird wegen Anweisung des Administrators beendet")
    assert explain(as_peewee_raises(lost)).title == "The office server cannot be reached"


def test_before_a_session_exists_libpq_words_are_the_only_sign():
    # libpq gives no SQLSTATE while a connection starts: then, and only there, its words.
    refused = connect_failure(
        pg_errors.OperationalError('FATAL:  password authentication failed for user "anna"')
    )
    assert refused.problem is DatabaseProblem.login_refused
    assert explain(refused).title == "The office server refused the login"
    full = connect_failure(pg_errors.OperationalError("FATAL:  sorry, too many clients already"))
    assert full.full and explain(full).title == "The office server is full"
    other = connect_failure(pg_errors.OperationalError("FATAL:  Passwort-Authentifizierung"))
    assert other.problem is DatabaseProblem.server_unreachable
    assert explain(ServerConnectionError("gone")).title == "The office server cannot be reached"


def test_anything_else_is_a_bug():
    explanation = explain(KeyError("x"))
    assert explanation.is_bug and "bug" in explanation.text
