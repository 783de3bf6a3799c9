"""The search index on an office PostgreSQL server: the same change log, tsvector and GIN.

The design follows the file's (crm_desktop.database.sqlite.search), so that both find the same
rows for the same words: a row trigger on each shared table records the changed id in
``crm_desktop_changes`` (a plain table; the trigger's function names it with its schema,
so a writer whose search_path differs still finds it), and the app folds the text itself
(crm_desktop.folding) and stores the words as they are: ``array_to_tsvector()`` takes
them without any parsing, and a query is a tsquery of the app's own words, each a prefix
(``'gieb':* & 'dach':*``), never the typed text. So ``unaccent`` is not needed (its
rules differ from the file's folding, e.g. for ß and the dotless i, and ``lower()`` under the
server's "C" collation ignores non-ASCII letters); no extension has to be created.

``crm_desktop_search`` holds one row per shared row (kind, id, time, title words, all
words) with GIN indexes on the words and a B-tree on (kind, time): for a word that matches
nearly every row the planner walks the newest rows first and stops at the limit, for a
rare one it asks the GIN index. Several desktops keep one index: whichever holds the
advisory lock of a write slice does the work, the others wait for their next turn.
``crm_desktop_customer_keys`` holds the customer list's keys, compared byte by byte
(``COLLATE "C"``) as SQLite compares them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import peewee

from crm_desktop.database.search.index import (
    COLUMNS,
    INDEX_VERSION,
    KIND_OF_TABLE,
    TABLE_NAME,
    Change,
    CustomerKeys,
    Document,
    IndexBusy,
    Kind,
    KindState,
    Phase,
    Row,
    Tier,
    run_sql,
)

CHANGES = "crm_desktop_changes"
STATE = "crm_desktop_search_state"
INDEX = "crm_desktop_search"
KEYS = "crm_desktop_customer_keys"
TRACK_FUNCTION = "crm_desktop_track"
TRACKED_TABLES = tuple(TABLE_NAME.values())
# The advisory lock of the index's write slices ("CRMS"), with the schema's hash.
INDEX_LOCK_KEY = 0x43524D53


def _track_body(schema: str) -> str:
    log = f'"{schema}".{CHANGES}'
    return f"""
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {log} (table_name, row_id, op) VALUES (TG_TABLE_NAME, NEW.id, 'insert');
    ELSIF TG_OP = 'UPDATE' THEN
        IF OLD.id IS DISTINCT FROM NEW.id THEN
            INSERT INTO {log} (table_name, row_id, op) VALUES (TG_TABLE_NAME, OLD.id, 'delete');
        END IF;
        INSERT INTO {log} (table_name, row_id, op) VALUES (TG_TABLE_NAME, NEW.id, 'update');
    ELSE
        INSERT INTO {log} (table_name, row_id, op) VALUES (TG_TABLE_NAME, OLD.id, 'delete');
    END IF;
    RETURN NULL;
END
"""


def _side_ddl() -> list[str]:
    return [
        f"CREATE TABLE IF NOT EXISTS {CHANGES} (seq BIGSERIAL PRIMARY KEY, "
        "table_name TEXT NOT NULL, row_id TEXT, op TEXT NOT NULL)",
        f"""CREATE TABLE IF NOT EXISTS {STATE} (
kind TEXT PRIMARY KEY,
version INTEGER NOT NULL,
phase TEXT NOT NULL,
cursor TEXT,
indexed BIGINT NOT NULL DEFAULT 0,
total BIGINT NOT NULL DEFAULT 0
)""",
        f"""CREATE TABLE IF NOT EXISTS {INDEX} (
kind TEXT NOT NULL,
row_id TEXT NOT NULL,
at TEXT,
title TSVECTOR NOT NULL,
words TSVECTOR NOT NULL,
PRIMARY KEY (kind, row_id)
)""",
        f"CREATE INDEX IF NOT EXISTS {INDEX}_words ON {INDEX} USING GIN (words)",
        f"CREATE INDEX IF NOT EXISTS {INDEX}_titles ON {INDEX} USING GIN (title)",
        f"CREATE INDEX IF NOT EXISTS {INDEX}_recent "
        f"ON {INDEX} (kind, at DESC NULLS LAST, row_id DESC)",
        f"""CREATE TABLE IF NOT EXISTS {KEYS} (
customer_id TEXT PRIMARY KEY,
folded TEXT NOT NULL,
name_key TEXT COLLATE "C" NOT NULL,
organization_key TEXT COLLATE "C"
)""",
        f"CREATE INDEX IF NOT EXISTS {KEYS}_by_name ON {KEYS} (name_key, customer_id)",
        f"CREATE INDEX IF NOT EXISTS {KEYS}_by_organization "
        f"ON {KEYS} (organization_key, customer_id)",
    ]


_CATALOG = """
SELECT 'relation', c.relname::text
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND left(c.relname, 11) = 'crm_desktop'
UNION ALL
SELECT 'trigger', c.relname
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND t.tgname = %s
UNION ALL
SELECT 'function', p.prosrc
FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema() AND p.proname = %s AND p.pronargs = 0
"""


def missing_statements(db: peewee.Database) -> list[str]:
    """What the server's schema lacks of the change log, its triggers and the index (empty
    when everything is there: the usual case, found in the catalog without a lock). A
    kind whose table lost its trigger, or whose index is of another version, starts over."""
    schema = str(run_sql(db, "SELECT current_schema()").fetchone()[0])
    found: dict[str, set[str]] = {"relation": set(), "trigger": set(), "function": set()}
    for kind, name in run_sql(db, _CATALOG, (TRACK_FUNCTION, TRACK_FUNCTION)).fetchall():
        found[kind].add(name.strip() if kind == "function" else name)
    relations = found["relation"]
    statements = [ddl for ddl in _side_ddl() if ddl.split()[5] not in relations]
    body = _track_body(schema)
    if body.strip() not in found["function"]:
        statements.append(
            f"CREATE OR REPLACE FUNCTION {TRACK_FUNCTION}() RETURNS trigger "
            f"LANGUAGE plpgsql AS $${body}$$"
        )
    lost = [table for table in TRACKED_TABLES if table not in found["trigger"]]
    statements += [
        f"CREATE TRIGGER {TRACK_FUNCTION} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {TRACK_FUNCTION}()"
        for table in lost
    ]
    had_state = STATE in relations
    kinds = {kind.value: kind for kind in TABLE_NAME}
    known: dict[str, tuple[int, str]] = {}
    if had_state:
        known = {
            kind: (int(version), phase)
            for kind, version, phase in run_sql(
                db, f"SELECT kind, version, phase FROM {STATE}"
            ).fetchall()
        }
    for name, kind in kinds.items():
        table = TABLE_NAME[kind]
        state = known.get(name)
        if state is None:
            phase = Phase.clear if had_state else Phase.build
            statements.append(
                f"INSERT INTO {STATE} (kind, version, phase) VALUES "
                f"('{name}', {INDEX_VERSION}, '{phase.value}') ON CONFLICT DO NOTHING"
            )
        elif state[0] != INDEX_VERSION or (table in lost and state[1] != Phase.clear):
            statements.append(
                f"UPDATE {STATE} SET version = {INDEX_VERSION}, phase = '{Phase.clear.value}', "
                f"cursor = NULL, indexed = 0 WHERE kind = '{name}'"
            )
    return statements


def tracking_problems(db: peewee.Database) -> list[str]:
    """What is wrong with a server's change tracking, in words (for --check)."""
    rows = run_sql(
        db,
        "SELECT to_regclass(%s) IS NOT NULL, "
        "(SELECT count(*) FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c "
        "ON c.oid = t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND t.tgname = %s)",
        (CHANGES, TRACK_FUNCTION),
    ).fetchone()
    has_log, triggers = bool(rows[0]), int(rows[1])
    if triggers and not has_log:
        return [
            f"the app's change-tracking triggers are there but their table {CHANGES} is "
            "missing: every write to the shared tables fails; open the server once with "
            "CRM Desktop to repair it"
        ]
    return []


def _tsquery(words: Sequence[str]) -> str:
    """A tsquery of the app's own words (letters and digits only), each a prefix."""
    return " & ".join("'" + word.replace("\\", "\\\\").replace("'", "''") + "':*" for word in words)


# A tsvector holds at most 1 MB: the words of a huge text beyond this many bytes are left
# out (a row's first 200,000 characters are indexed anyway, see documents.MAX_FIELD_CHARS).
MAX_LEXEME_BYTES = 900_000


def _lexemes(words: str) -> list[str]:
    """The distinct words of a row, as a tsvector's lexemes (each with its 4-byte entry)."""
    found: dict[str, None] = {}
    size = 0
    for word in words.split(" "):
        if word and word not in found:
            size += len(word.encode()) + 4
            if size > MAX_LEXEME_BYTES:
                break
            found[word] = None
    return sorted(found)


class PostgresSearchIndex:
    """The search index on a server (see the module's docstring)."""

    def __init__(self, db: peewee.Database) -> None:
        self.db = db
        self._available = False

    @property
    def database(self) -> peewee.Database:
        return self.db

    @property
    def writable(self) -> bool:
        return True

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return run_sql(self.db, sql, params)

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with cast(Any, self.db).connection().cursor() as cursor:
                cursor.executemany(sql, rows)

    def available(self) -> bool:
        if not self._available:  # (made when the server was opened: asked until seen)
            row = self._execute("SELECT to_regclass(%s) IS NOT NULL", (STATE,)).fetchone()
            self._available = bool(row[0])
        return self._available

    # --- state ------------------------------------------------------------------------

    def state(self, kind: Kind) -> KindState:
        row = self._execute(
            f"SELECT phase, cursor, indexed, total FROM {STATE} WHERE kind = %s", (kind.value,)
        ).fetchone()
        if row is None:
            return KindState(kind, Phase.clear)
        phase, cursor, indexed, total = row
        return KindState(kind, Phase(phase), cursor, int(indexed), int(total))

    def save_state(self, state: KindState) -> None:
        self._execute(
            f"UPDATE {STATE} SET phase = %s, cursor = %s, indexed = %s, total = %s WHERE kind = %s",
            (state.phase.value, state.cursor, state.indexed, state.total, state.kind.value),
        )

    def lock(self) -> None:
        taken = self._execute(
            "SELECT pg_try_advisory_xact_lock(%s, hashtext(coalesce(current_schema(), '')))",
            (INDEX_LOCK_KEY,),
        ).fetchone()[0]
        if not taken:
            raise IndexBusy()

    # --- the change log ---------------------------------------------------------------

    def _changes(self, rows: list[tuple[Any, ...]]) -> list[Change]:
        return [
            Change(int(seq), KIND_OF_TABLE[table], row_id)
            for seq, table, row_id in rows
            if table in KIND_OF_TABLE
        ]

    def changes(self, limit: int) -> list[Change]:
        rows = self._execute(
            f"SELECT seq, table_name, row_id FROM {CHANGES} ORDER BY seq LIMIT %s", (limit,)
        ).fetchall()
        return self._changes(rows)

    def change_mark(self) -> Any:
        return 0  # own_changes() knows the transaction's rows by their xmin

    def own_changes(self, mark: Any, limit: int) -> list[Change]:
        rows = self._execute(
            f"SELECT seq, table_name, row_id FROM {CHANGES} "
            "WHERE xmin = pg_current_xact_id()::xid ORDER BY seq LIMIT %s",
            (limit,),
        ).fetchall()
        return self._changes(rows)

    def pending(self, kind: Kind, limit: int) -> list[Any]:
        rows = self._execute(
            f"SELECT DISTINCT row_id FROM {CHANGES} WHERE table_name = %s LIMIT %s",
            (TABLE_NAME[kind], limit),
        ).fetchall()
        return [row[0] for row in rows]

    def forget(self, changes: Sequence[Change]) -> None:
        if changes:
            self._execute(f"DELETE FROM {CHANGES} WHERE seq = ANY(%s)", ([c.seq for c in changes],))

    # --- building ---------------------------------------------------------------------

    def rows(self, kind: Kind, row_ids: Sequence[Any]) -> dict[Any, Row]:
        # A server's text is valid UTF-8 whatever wrote it: read as it is.
        found: dict[Any, Row] = {}
        if row_ids:
            rows = self._execute(
                f"SELECT {', '.join(COLUMNS[kind])} FROM {TABLE_NAME[kind]} WHERE id = ANY(%s)",
                (list(dict.fromkeys(row_ids)),),
            )
            found = {row[0]: tuple(row) for row in rows}
        return found

    def count(self, kind: Kind) -> int:
        return int(self._execute(f"SELECT COUNT(*) FROM {TABLE_NAME[kind]}").fetchone()[0])

    def _rows(self, kind: Kind, after: Any, limit: int) -> tuple[list[Row], Any]:
        where = "AND id > %s" if after is not None else ""
        params = (after, limit) if after is not None else (limit,)
        rows = [
            tuple(row)
            for row in self._execute(
                f"SELECT {', '.join(COLUMNS[kind])} FROM {TABLE_NAME[kind]} "
                f"WHERE id IS NOT NULL {where} ORDER BY id LIMIT %s",
                params,
            )
        ]
        if not rows:
            return [], after
        return rows, rows[-1][0]

    def next_rows(self, kind: Kind, cursor: Any, limit: int) -> tuple[list[Row], Any]:
        return self._rows(kind, cursor, limit)

    def unindexed(self, kind: Kind, cursor: Any, after: Any, limit: int) -> tuple[list[Row], Any]:
        start = after if after is not None else cursor
        return self._rows(kind, start, limit)

    def passed(self, kind: Kind, row_ids: Sequence[Any], cursor: Any) -> set[Any]:
        if cursor is None or not row_ids:
            return set()
        table = TABLE_NAME[kind]
        rows = self._execute(
            f"SELECT id FROM {table} WHERE id = ANY(%s) AND id <= %s", (list(row_ids), cursor)
        ).fetchall()
        return {row[0] for row in rows}

    def check_step(self, state: KindState, limit: int) -> tuple[list[Any], list[Any], Any]:
        # A server's build goes by id, which nothing renumbers: nothing to check.
        return [], [], None

    def clear_step(self, kind: Kind, limit: int) -> bool:
        deleted = self._execute(
            f"DELETE FROM {INDEX} WHERE ctid IN "
            f"(SELECT ctid FROM {INDEX} WHERE kind = %s LIMIT %s)",
            (kind.value, limit),
        ).rowcount
        if deleted:
            return False
        if kind is Kind.customer:
            self._execute(f"DELETE FROM {KEYS}")
        return True

    # --- writing ----------------------------------------------------------------------

    def write(self, documents: Sequence[Document], *, building: bool) -> None:
        self._many(
            f"INSERT INTO {INDEX} (kind, row_id, at, title, words) VALUES "
            "(%s, %s, %s, array_to_tsvector(%s::text[]), array_to_tsvector(%s::text[])) "
            "ON CONFLICT (kind, row_id) DO UPDATE SET at = EXCLUDED.at, "
            "title = EXCLUDED.title, words = EXCLUDED.words",
            [
                (
                    d.kind.value,
                    d.row_id,
                    d.at,
                    _lexemes(d.title_words),
                    _lexemes(d.all_words),
                )
                for d in documents
            ],
        )

    def delete(self, kind: Kind, row_ids: Sequence[Any]) -> None:
        if row_ids:
            self._execute(
                f"DELETE FROM {INDEX} WHERE kind = %s AND row_id = ANY(%s)",
                (kind.value, list(row_ids)),
            )

    def write_keys(self, keys: Sequence[CustomerKeys]) -> None:
        self._many(
            f"INSERT INTO {KEYS} (customer_id, folded, name_key, organization_key) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT (customer_id) DO UPDATE SET "
            "folded = EXCLUDED.folded, name_key = EXCLUDED.name_key, "
            "organization_key = EXCLUDED.organization_key",
            [(k.customer_id, k.folded, k.name_key, k.organization_key) for k in keys],
        )

    def delete_keys(self, customer_ids: Sequence[Any]) -> None:
        if customer_ids:
            self._execute(f"DELETE FROM {KEYS} WHERE customer_id = ANY(%s)", (list(customer_ids),))

    # --- searching --------------------------------------------------------------------

    def candidates(self, kind: Kind, tier: Tier, words: Sequence[str], limit: int) -> list[Any]:
        column = "title" if tier is Tier.titles else "words"
        rows = self._execute(
            f"SELECT row_id FROM {INDEX} WHERE kind = %s AND {column} @@ %s::tsquery "
            "ORDER BY at DESC NULLS LAST, row_id DESC LIMIT %s",
            (kind.value, _tsquery(words), limit),
        ).fetchall()
        return [row[0] for row in rows]
