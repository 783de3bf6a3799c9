"""Setting up the schema on a server: the spec's tables with the same statements as in a
file, the same indexes (lower(name) where SQLite has NOCASE), and a notification on every
change so that other desktops refresh.

A whole office starts at the same minute: opening reads the catalog first and, only when
something is missing, creates it under a transaction-level advisory lock, one desktop at
a time.
"""

from __future__ import annotations

import logging

import peewee

from crm_desktop.database.postgres import search
from crm_desktop.database.postgres.connection import ServerDatabase
from crm_desktop.database.postgres.errors import first_line
from crm_desktop.database.postgres.listener import CHANNEL
from crm_desktop.database.tables import INDEX_DDL, TABLE_DDL, TABLES, schema_problems
from crm_desktop.errors import (
    DatabaseFileError,
    SchemaMismatchError,
    ServerConnectionError,
    explain,
)
from crm_desktop.i18n import translate
from crm_desktop.locations import DatabaseLocation

log = logging.getLogger("crm_desktop.database.postgres")

# The advisory lock that serializes schema set-up between desktops (with the schema's hash
# as the second key); "CRMD" in ASCII.
SETUP_LOCK_KEY = 0x43524D44

NOTIFY_FUNCTION = "crm_desktop_notify"
NOTIFY_BODY = f"""
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END
"""
NOTIFY_FUNCTION_DDL = (
    f"CREATE OR REPLACE FUNCTION {NOTIFY_FUNCTION}() RETURNS trigger LANGUAGE plpgsql "
    f"AS $${NOTIFY_BODY}$$"
)
NOTIFIED_TABLES = ("crm_customers", "crm_comms_log", "crm_media")


def trigger_ddl(table: str) -> str:
    return (
        f"CREATE TRIGGER {NOTIFY_FUNCTION} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {NOTIFY_FUNCTION}()"
    )


def index_ddl() -> tuple[str, ...]:
    """The app's indexes on a server: the file's, with lower(name) for SQLite's NOCASE (as
    ServerDatabase.case_insensitive() orders on a server)."""
    return tuple(ddl.replace("name COLLATE NOCASE", "lower(name)") for ddl in INDEX_DDL)


_CATALOG_QUERY = f"""
SELECT 'relation', c.relname::text  -- (text: a function's source is longer than a name)
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND left(c.relname, 3) = 'crm'
UNION ALL
SELECT 'trigger', c.relname
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND t.tgname = '{NOTIFY_FUNCTION}'
UNION ALL
SELECT 'function', p.prosrc
FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema() AND p.proname = '{NOTIFY_FUNCTION}' AND p.pronargs = 0
"""


def missing_statements(db: ServerDatabase, table_ddl: tuple[str, ...]) -> list[str]:
    """The set-up statements for what the server's schema lacks, found in the catalog
    (reading it takes no lock on the tables)."""
    found: dict[str, set[str]] = {"relation": set(), "trigger": set(), "function": set()}
    for kind, name in db.execute_sql(_CATALOG_QUERY).fetchall():
        found[kind].add(name.strip() if kind == "function" else name)
    statements = [ddl for ddl in table_ddl if ddl.split()[5] not in found["relation"]]
    statements += [ddl for ddl in index_ddl() if ddl.split()[5] not in found["relation"]]
    if NOTIFY_BODY.strip() not in found["function"]:
        statements.append(NOTIFY_FUNCTION_DDL)  # missing, or another version's
    statements += [trigger_ddl(t) for t in NOTIFIED_TABLES if t not in found["trigger"]]
    # The change log, its triggers and the search index (postgres.search), made after the
    # shared tables they track.
    statements += search.missing_statements(db)
    return statements


def create_missing(db: ServerDatabase, table_ddl: tuple[str, ...]) -> list[str]:
    """Create what the schema lacks; the statements run (none when all is there).

    Desktops starting at the same moment take turns under a transaction-level advisory
    lock (released at commit), and each looks again once it has the lock: only the first
    creates anything, and no two run DDL on the same tables at once (which deadlocks).
    """
    if not missing_statements(db, table_ddl):
        return []
    with db.atomic():
        db.execute_sql(
            "SELECT pg_advisory_xact_lock(%s, hashtext(coalesce(current_schema(), '')))",
            (SETUP_LOCK_KEY,),
        )
        statements = missing_statements(db, table_ddl)
        for ddl in statements:
            db.execute_sql(ddl)
    if statements:
        log.info(
            "Created on the server: %s", ", ".join(" ".join(s.split()[:6]) for s in statements)
        )
    return statements


def _open_failure(location: DatabaseLocation, problem: ServerConnectionError) -> DatabaseFileError:
    return DatabaseFileError(
        location.url, explain(problem).text if problem.full else problem.detail
    )


def open_server(
    location: DatabaseLocation, table_ddl: tuple[str, ...] = tuple(TABLE_DDL.values())
) -> ServerDatabase:
    """Connect, check the tables, create what is missing; DatabaseFileError (naming the
    server and what is wrong) when the server cannot be used."""
    db = ServerDatabase(location)
    try:
        db.connect()
        problems = schema_problems(db)
        if problems:
            raise SchemaMismatchError(location.url, problems)
        create_missing(db, table_ddl)
    except ServerConnectionError as exc:
        db.close()
        raise _open_failure(location, exc) from exc
    except peewee.DatabaseError as exc:
        db.close()
        raise DatabaseFileError(location.url, first_line(exc)) from exc
    except BaseException:
        db.close()
        raise
    return db


def probe(location: DatabaseLocation) -> tuple[bool, str]:
    """Try the server (for the settings dialog's "Test connection"): whether it can be used,
    and what was found or what failed, in words. Blocks up to CONNECT_TIMEOUT_SECONDS."""
    db = ServerDatabase(location)
    try:
        db.connect()
        version = db.execute_sql("SHOW server_version").fetchone()[0]
        problems = schema_problems(db)
        missing = {t._meta.table_name for t in TABLES} - set(db.get_tables())
    except peewee.DatabaseError as exc:
        explanation = explain(exc)
        detail = explanation.text if getattr(exc, "full", False) else first_line(exc)
        return False, f"{explanation.title}: {detail}"
    finally:
        db.close()
    if problems:
        return False, str(SchemaMismatchError(location.display_name, problems).reason)
    found = (
        translate("postgres", "the CRM tables are there")
        if not missing
        else translate("postgres", "the CRM tables will be created when it is opened")
    )
    return True, translate("postgres", "Connected to PostgreSQL {version}; {found}.").format(
        version=version, found=found
    )
