"""The search index in a SQLite file: a change log fed by trivial triggers, FTS5 tables.

**What the backend's writes touch.** Each shared table gets four triggers that only insert
the changed row's id (and the operation) into ``crm_desktop_changes``, a plain table: no
FTS5, no function, no collation of the app's, so they run on any SQLite the backend's
Python has (3.7.11 or newer), and cost a row insert. The log is created before the
triggers, in the same transaction, and never dropped while they exist; --check says so
if another program dropped it (the backend's writes would fail) and the next writable
open creates it again. A read-only file gets no triggers: search then uses the index
only when it is complete and the log is empty, and otherwise scans (it says so).

**What the app keeps**, all named ``crm_desktop_…`` and written only on the app's own
connections (this module; APSW's SQLite, which has FTS5):

- per kind (customers, communications, media) two contentless FTS5 tables of folded words
  (crm_desktop.folding), all of a row's words and its title words, and a table mapping a
  document number to the row's id. *Contentless with contentless_delete=1*, not external
  content: an external-content table must be told a row's old text to forget it, and the
  backend's UPDATE has overwritten that text before the app hears of it. *detail=none*: a
  search asks whether each word begins some word of the row, nothing about positions, and
  the index is a third of detail=full's. *tokenize='ascii'*: the app hands over words it
  split and folded itself, so FTS5 only splits at the spaces between them, and a query is
  built from words the same way (never from the text a person typed). *prefix='1 2 3'*:
  a word of up to three letters is looked up in a prefix index; a longer one is looked up
  in ``crm_desktop_search_words`` (every indexed word of four letters or more) and asked
  for as the few whole words it begins ("kund" → kunde OR kunden), because FTS5 gathers
  the rows of every word of a prefix into memory before it returns the first (30 ms for a
  prefix of half a million rows, where the whole words take 1 ms).
- document numbers in the order rows were written: the build goes from the newest row to
  the oldest (the shared tables' rowids: the order the backend inserted them), counting
  down from 2**40; rows indexed later count up from there. FTS5 returns matches by
  document number, newest first, at no cost: search takes the first few of a word that
  matches every row without reading the others.
- ``crm_desktop_customer_keys``: the customer list's folded words and sort keys.
- ``crm_desktop_search_state``: each kind's phase and how far its build got (resumable).
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
    Kind,
    KindState,
    Phase,
    Row,
    Tier,
    marks,
    run_sql,
)

CHANGES = "crm_desktop_changes"
STATE = "crm_desktop_search_state"
WORDS = "crm_desktop_search_words"
KEYS = "crm_desktop_customer_keys"
TRACKED_TABLES = tuple(TABLE_NAME.values())
_BASE = {
    Kind.customer: "crm_desktop_search_customers",
    Kind.communication: "crm_desktop_search_comms",
    Kind.media: "crm_desktop_search_media",
}

# A word this short is looked up in FTS5's prefix index; a longer one through WORDS.
SHORT_WORD = 3
# A word that begins more indexed words than this is asked for as a prefix after all.
MAX_EXPANSION = 64
# Document numbers: the build counts down from here, later rows count up.
DOCUMENT_BASE = 1 << 40

CHANGES_DDL = f"""CREATE TABLE IF NOT EXISTS {CHANGES} (
seq INTEGER PRIMARY KEY AUTOINCREMENT,
table_name TEXT NOT NULL,
row_id,
op TEXT NOT NULL
)"""

FTS_OPTIONS = (
    "words, content='', contentless_delete=1, detail=none, tokenize='ascii', prefix='1 2 3'"
)


def _decoded(value: Any) -> Any:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def trigger_ddl(table: str) -> dict[str, str]:
    """The change-tracking triggers of a shared table (name → statement): each only
    records the row's id and the operation in the change log."""

    def record(name: str, event: str, row: str, op: str, when: str = "") -> tuple[str, str]:
        return name, (
            f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table}{when} BEGIN "
            f"INSERT INTO {CHANGES} (table_name, row_id, op) VALUES ('{table}', {row}.id, "
            f"'{op}'); END"
        )

    prefix = f"crm_desktop_track_{table}"
    return dict(
        (
            record(f"{prefix}_insert", "INSERT", "NEW", "insert"),
            record(f"{prefix}_update", "UPDATE", "NEW", "update"),
            # A changed id: the row under its old id is gone.
            record(
                f"{prefix}_rekey", "UPDATE OF id", "OLD", "delete", " WHEN OLD.id IS NOT NEW.id"
            ),
            record(f"{prefix}_delete", "DELETE", "OLD", "delete"),
        )
    )


def _side_ddl() -> list[str]:
    statements = [
        f"""CREATE TABLE IF NOT EXISTS {STATE} (
kind TEXT PRIMARY KEY,
version INTEGER NOT NULL,
phase TEXT NOT NULL,
cursor,
indexed INTEGER NOT NULL DEFAULT 0,
total INTEGER NOT NULL DEFAULT 0
)""",
        f"CREATE TABLE IF NOT EXISTS {WORDS} (word TEXT PRIMARY KEY) WITHOUT ROWID",
        f"""CREATE TABLE IF NOT EXISTS {KEYS} (
customer_id PRIMARY KEY,
folded TEXT NOT NULL,
name_key TEXT NOT NULL,
organization_key TEXT
)""",
        f"CREATE INDEX IF NOT EXISTS {KEYS}_by_name ON {KEYS} (name_key, customer_id)",
        f"CREATE INDEX IF NOT EXISTS {KEYS}_by_organization "
        f"ON {KEYS} (organization_key, customer_id)",
    ]
    for base in _BASE.values():
        statements += [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {base} USING fts5({FTS_OPTIONS})",
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {base}_titles USING fts5({FTS_OPTIONS})",
            f"CREATE TABLE IF NOT EXISTS {base}_docs "
            "(doc INTEGER PRIMARY KEY, row_id NOT NULL UNIQUE)",
        ]
    return statements


def _names(db: peewee.Database, kind: str) -> set[str]:
    return {row[0] for row in run_sql(db, "SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def _created(statement: str) -> str:
    """The name a CREATE … IF NOT EXISTS statement creates."""
    words = statement.split()
    return words[words.index("EXISTS") + 1]


def install(db: peewee.Database) -> None:
    """Create what the file lacks of the change log, its triggers and the index (inside
    the caller's transaction; cheap: no row is read, and nothing runs when all is there).
    A kind whose table lost triggers (another program rebuilt the table) or whose index is
    of another version starts over, since changes may have gone unrecorded."""
    names = {row[0] for row in run_sql(db, "SELECT name FROM sqlite_master")}
    had_state = STATE in names
    for statement in (CHANGES_DDL, *_side_ddl()):  # the log first: the triggers write to it
        if _created(statement) not in names:
            run_sql(db, statement)
    states = {
        kind: (version, phase)
        for kind, version, phase in run_sql(db, f"SELECT kind, version, phase FROM {STATE}")
    }
    for kind, table in TABLE_NAME.items():
        wanted = trigger_ddl(table)
        lost = not set(wanted) <= names
        for name, statement in wanted.items():
            if name not in names:
                run_sql(db, statement)
        known = states.get(kind.value)
        if known is None:
            # An empty index of a fresh start: nothing to clear.
            phase = Phase.clear if had_state else Phase.build
            run_sql(
                db,
                f"INSERT INTO {STATE} (kind, version, phase) VALUES (?, ?, ?)",
                (kind.value, INDEX_VERSION, phase.value),
            )
        elif known[0] != INDEX_VERSION or (lost and known[1] != Phase.clear):
            run_sql(
                db,
                f"UPDATE {STATE} SET version = ?, phase = ?, cursor = NULL, indexed = 0 "
                "WHERE kind = ?",
                (INDEX_VERSION, Phase.clear.value, kind.value),
            )


def tracking_problems(db: peewee.Database) -> list[str]:
    """What is wrong with the change tracking of a file, in words (for --check): triggers
    whose log is missing make every write of the backend fail."""
    triggers = {name for name in _names(db, "trigger") if name.startswith("crm_desktop_track_")}
    if not triggers:
        return []
    problems = []
    if CHANGES not in _names(db, "table"):
        problems.append(
            f"the app's change-tracking triggers are there but their table {CHANGES} is "
            "missing: every write of another program to the shared tables fails; open the "
            "file once with CRM Desktop (writable) to repair it"
        )
    wanted = {name for table in TRACKED_TABLES for name in trigger_ddl(table)}
    if triggers != wanted:
        problems.append(
            "some of the app's change-tracking triggers are missing: its search index is "
            "rebuilt when the file is next opened"
        )
    return problems


def index_summary(db: peewee.Database) -> str | None:
    """The index's state in words (for --check), or None when the file has none."""
    if STATE not in _names(db, "table"):
        return None
    phases = dict(run_sql(db, f"SELECT kind, phase FROM {STATE}").fetchall())
    pending = 0
    if CHANGES in _names(db, "table"):
        pending = int(run_sql(db, f"SELECT COUNT(*) FROM {CHANGES}").fetchone()[0])
    incomplete = sorted(kind for kind, phase in phases.items() if phase != Phase.done)
    text = "complete" if not incomplete else "still being built for " + ", ".join(incomplete)
    return f"{text}; {pending:,} change(s) of other programs not yet indexed"


class SqliteSearchIndex:
    """The search index of an open file (see the module's docstring)."""

    def __init__(self, db: peewee.Database) -> None:
        self.db = db
        self._words: set[str] = set()  # words known to be in WORDS (the build's cache)
        self._keys: dict[Kind, str] = {}
        self._available: bool | None = None

    @property
    def database(self) -> peewee.Database:
        return self.db

    @property
    def writable(self) -> bool:
        return not getattr(self.db, "read_only", False)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return run_sql(self.db, sql, params)

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            cast(Any, self.db).connection().cursor().executemany(sql, rows)

    def available(self) -> bool:
        # Asked on every customer list page: known once (the tables do not come or go
        # while a file is open; an open writable file always has them).
        if self._available is None:
            self._available = STATE in _names(self.db, "table")
        return self._available

    def _key(self, kind: Kind) -> str:
        """The column the build goes by: the rowid, or the id of a table without one."""
        key = self._keys.get(kind)
        if key is None:
            key = "rowid"
            try:
                self._execute(f"SELECT rowid FROM {TABLE_NAME[kind]} LIMIT 0")
            except peewee.OperationalError:
                key = "id"
            self._keys[kind] = key
        return key

    # --- state ------------------------------------------------------------------------

    def state(self, kind: Kind) -> KindState:
        row = self._execute(
            f"SELECT phase, cursor, indexed, total FROM {STATE} WHERE kind = ?", (kind.value,)
        ).fetchone()
        if row is None:
            return KindState(kind, Phase.clear)
        phase, cursor, indexed, total = row
        return KindState(kind, Phase(phase), cursor, int(indexed), int(total))

    def save_state(self, state: KindState) -> None:
        self._execute(
            f"UPDATE {STATE} SET phase = ?, cursor = ?, indexed = ?, total = ? WHERE kind = ?",
            (state.phase.value, state.cursor, state.indexed, state.total, state.kind.value),
        )

    def lock(self) -> None:
        pass  # a file has one writer at a time anyway

    # --- the change log ---------------------------------------------------------------

    def _changes(self, rows: list[Row]) -> list[Change]:
        found = []
        for seq, table, row_id in rows:
            kind = KIND_OF_TABLE.get(table)
            if kind is not None:
                found.append(Change(int(seq), kind, row_id))
        return found

    def _log(self, sql: str, params: Sequence[Any]) -> list[Row]:
        """Entries of the change log: ``sql`` with ``{row_id}`` for the row id, read as its
        bytes where another program's id is not valid text."""
        try:
            return [tuple(row) for row in self._execute(sql.format(row_id="row_id"), params)]
        except UnicodeDecodeError:
            rows = self._execute(sql.format(row_id="CAST(row_id AS BLOB)"), params)
            return [tuple(_decoded(value) for value in row) for row in rows]

    def changes(self, limit: int) -> list[Change]:
        rows = self._log(
            f"SELECT seq, table_name, {{row_id}} FROM {CHANGES} ORDER BY seq LIMIT ?", (limit,)
        )
        found = self._changes(rows)
        if len(found) < len(rows):  # entries of tables the index does not know
            known = {change.seq for change in found}
            self._forget_seqs([row[0] for row in rows if row[0] not in known])
        return found

    def change_mark(self) -> Any:
        row = self._execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (CHANGES,)).fetchone()
        return int(row[0]) if row else 0

    def own_changes(self, mark: Any, limit: int) -> list[Change]:
        rows = self._log(
            f"SELECT seq, table_name, {{row_id}} FROM {CHANGES} WHERE seq > ? ORDER BY seq LIMIT ?",
            (mark, limit),
        )
        return self._changes(rows)

    def pending(self, kind: Kind, limit: int) -> list[Any]:
        rows = self._log(
            f"SELECT DISTINCT {{row_id}} FROM {CHANGES} WHERE table_name = ? LIMIT ?",
            (TABLE_NAME[kind], limit),
        )
        return [row[0] for row in rows]

    def forget(self, changes: Sequence[Change]) -> None:
        self._forget_seqs([change.seq for change in changes])

    def _forget_seqs(self, seqs: Sequence[int]) -> None:
        for batch in peewee.chunked(list(seqs), 500):
            self._execute(f"DELETE FROM {CHANGES} WHERE seq IN ({marks(len(batch))})", batch)

    # --- building ---------------------------------------------------------------------

    def _read(self, kind: Kind, sql: str, params: Sequence[Any], key: str = "") -> list[Row]:
        """Rows of ``kind``: ``sql`` with ``{columns}`` for COLUMNS[kind] (after ``key``).

        APSW decodes TEXT as UTF-8 and raises for bytes another program stored that are
        not: then the rows are read again with every column as its bytes, each decoded
        with U+FFFD for what is not text (crm_desktop.queries does the same for the lists)."""
        columns = ", ".join(COLUMNS[kind])
        try:
            return [tuple(row) for row in self._execute(sql.format(columns=columns), params)]
        except UnicodeDecodeError:
            raw = ", ".join(f"CAST({column} AS BLOB)" for column in COLUMNS[kind])
            rows = self._execute(sql.format(columns=raw), params).fetchall()
        width = 1 if key else 0
        return [(*row[:width], *(_decoded(value) for value in row[width:])) for row in rows]

    def rows(self, kind: Kind, row_ids: Sequence[Any]) -> dict[Any, Row]:
        found: dict[Any, Row] = {}
        for batch in peewee.chunked(list(dict.fromkeys(row_ids)), 500):
            sql = f"SELECT {{columns}} FROM {TABLE_NAME[kind]} WHERE id IN ({marks(len(batch))})"
            for row in self._read(kind, sql, batch):
                found[row[0]] = row
        return found

    def count(self, kind: Kind) -> int:
        return int(self._execute(f"SELECT COUNT(*) FROM {TABLE_NAME[kind]}").fetchone()[0])

    def _rows(self, kind: Kind, below: Any, limit: int) -> tuple[list[Row], Any]:
        key = self._key(kind)
        where = f"AND {key} < ?" if below is not None else ""
        params = (below, limit) if below is not None else (limit,)
        sql = (
            f"SELECT {key}, {{columns}} FROM {TABLE_NAME[kind]} WHERE id IS NOT NULL {where} "
            f"ORDER BY {key} DESC LIMIT ?"
        )
        rows = self._read(kind, sql, params, key)
        if not rows:
            return [], below
        return [tuple(row[1:]) for row in rows], rows[-1][0]

    def next_rows(self, kind: Kind, cursor: Any, limit: int) -> tuple[list[Row], Any]:
        return self._rows(kind, cursor, limit)

    def unindexed(self, kind: Kind, cursor: Any, after: Any, limit: int) -> tuple[list[Row], Any]:
        if cursor is not None and after is not None:
            below = min(cursor, after)
        else:
            below = after if after is not None else cursor
        return self._rows(kind, below, limit)

    def passed(self, kind: Kind, row_ids: Sequence[Any], cursor: Any) -> set[Any]:
        if cursor is None:
            return set()
        table = TABLE_NAME[kind]
        found: set[Any] = set()
        for batch in peewee.chunked(list(row_ids), 500):
            found.update(
                row[0]
                for row in self._execute(
                    f"SELECT id FROM {table} WHERE id IN ({marks(len(batch))}) "
                    f"AND {self._key(kind)} >= ?",
                    (*batch, cursor),
                )
            )
        return found

    def _indexed(self, kind: Kind, row_ids: Sequence[Any]) -> dict[Any, int]:
        docs = f"{_BASE[kind]}_docs"
        found: dict[Any, int] = {}
        for batch in peewee.chunked(list(row_ids), 500):
            found.update(
                self._execute(
                    f"SELECT row_id, doc FROM {docs} WHERE row_id IN ({marks(len(batch))})",
                    batch,
                ).fetchall()
            )
        return found

    def check_step(self, state: KindState, limit: int) -> tuple[list[Any], list[Any], Any]:
        kind = state.kind
        if state.phase is Phase.check:  # every row indexed?
            table = TABLE_NAME[kind]
            key = self._key(kind)
            below = f"AND {key} < ?" if state.cursor is not None else ""
            params = (state.cursor,) if state.cursor is not None else ()
            rows = self._execute(
                f"SELECT {key}, id FROM {table} WHERE id IS NOT NULL {below} "
                f"ORDER BY {key} DESC LIMIT ?",
                (*params, limit),
            ).fetchall()
            indexed = self._indexed(kind, [row[1] for row in rows])
            missing = [row[1] for row in rows if row[1] not in indexed]
            return missing, [], rows[-1][0] if len(rows) == limit else None
        docs = f"{_BASE[kind]}_docs"  # every indexed row still there?
        rows = self._execute(
            f"SELECT doc, row_id FROM {docs} WHERE doc > ? ORDER BY doc LIMIT ?",
            (state.cursor if state.cursor is not None else -(1 << 62), limit),
        ).fetchall()
        table = TABLE_NAME[kind]
        present: set[Any] = set()
        for batch in peewee.chunked([row[1] for row in rows], 500):
            present.update(
                row[0]
                for row in self._execute(
                    f"SELECT id FROM {table} WHERE id IN ({marks(len(batch))})", batch
                )
            )
        gone = [row[1] for row in rows if row[1] not in present]
        return [], gone, rows[-1][0] if len(rows) == limit else None

    def clear_step(self, kind: Kind, limit: int) -> bool:
        base = _BASE[kind]
        docs = [row[0] for row in self._execute(f"SELECT doc FROM {base}_docs LIMIT ?", (limit,))]
        if not docs:
            if kind is Kind.customer:
                self._execute(f"DELETE FROM {KEYS}")
            return True
        self._remove(kind, docs)
        return False

    # --- writing ----------------------------------------------------------------------

    def _remove(self, kind: Kind, docs: Sequence[int]) -> None:
        base = _BASE[kind]
        rows = [(doc,) for doc in docs]
        self._many(f"DELETE FROM {base} WHERE rowid = ?", rows)
        self._many(f"DELETE FROM {base}_titles WHERE rowid = ?", rows)
        self._many(f"DELETE FROM {base}_docs WHERE doc = ?", rows)

    def write(self, documents: Sequence[Document], *, building: bool) -> None:
        by_kind: dict[Kind, list[Document]] = {}
        for document in documents:
            by_kind.setdefault(document.kind, []).append(document)
        for kind, group in by_kind.items():
            self._write(kind, group, building)
        self._remember_words(documents)

    def _write(self, kind: Kind, documents: list[Document], building: bool) -> None:
        base = _BASE[kind]
        indexed = self._indexed(kind, [document.row_id for document in documents])
        if building:
            lowest = self._execute(f"SELECT MIN(doc) FROM {base}_docs").fetchone()[0]
            number, step = min(DOCUMENT_BASE, lowest or DOCUMENT_BASE) - 1, -1
        else:
            highest = self._execute(f"SELECT MAX(doc) FROM {base}_docs").fetchone()[0]
            number, step = max(DOCUMENT_BASE, highest or DOCUMENT_BASE) + 1, 1
        again: list[int] = []
        new: list[tuple[int, Any]] = []
        words: list[tuple[int, str]] = []
        titles: list[tuple[int, str]] = []
        for document in documents:
            doc = indexed.get(document.row_id)
            if doc is None:
                doc, number = number, number + step
                indexed[document.row_id] = doc
                new.append((doc, document.row_id))
            else:
                again.append(doc)
            words.append((doc, document.all_words))
            titles.append((doc, document.title_words))
        rows = [(doc,) for doc in again]
        self._many(f"DELETE FROM {base} WHERE rowid = ?", rows)
        self._many(f"DELETE FROM {base}_titles WHERE rowid = ?", rows)
        self._many(f"INSERT INTO {base}_docs (doc, row_id) VALUES (?, ?)", new)
        self._many(f"INSERT INTO {base} (rowid, words) VALUES (?, ?)", words)
        self._many(f"INSERT INTO {base}_titles (rowid, words) VALUES (?, ?)", titles)

    def _remember_words(self, documents: Sequence[Document]) -> None:
        known = self._words
        if len(known) > 2_000_000:  # a cache, not a copy of the table
            known.clear()
        new = {
            word
            for document in documents
            for word in document.all_words.split(" ")
            if len(word) > SHORT_WORD and word not in known
        }
        self._many(f"INSERT OR IGNORE INTO {WORDS} (word) VALUES (?)", [(w,) for w in new])
        known.update(new)

    def delete(self, kind: Kind, row_ids: Sequence[Any]) -> None:
        indexed = self._indexed(kind, row_ids)
        if indexed:
            self._remove(kind, list(indexed.values()))

    def write_keys(self, keys: Sequence[CustomerKeys]) -> None:
        self._many(
            f"INSERT OR REPLACE INTO {KEYS} (customer_id, folded, name_key, organization_key) "
            "VALUES (?, ?, ?, ?)",
            [(k.customer_id, k.folded, k.name_key, k.organization_key) for k in keys],
        )

    def delete_keys(self, customer_ids: Sequence[Any]) -> None:
        self._many(f"DELETE FROM {KEYS} WHERE customer_id = ?", [(i,) for i in customer_ids])

    # --- searching --------------------------------------------------------------------

    def _match(self, words: Sequence[str]) -> str | None:
        """The FTS5 query for ``words`` (each the beginning of a word of the row), made of
        the app's own words in quotes; None when some word begins no indexed word."""
        parts = []
        for word in words:
            if len(word) <= SHORT_WORD:
                parts.append(f'"{word}"*')
                continue
            end = word[:-1] + chr(ord(word[-1]) + 1)
            whole = [
                row[0]
                for row in self._execute(
                    f"SELECT word FROM {WORDS} WHERE word >= ? AND word < ? LIMIT ?",
                    (word, end, MAX_EXPANSION + 1),
                )
            ]
            if not whole:
                return None
            if len(whole) > MAX_EXPANSION:
                parts.append(f'"{word}"*')
            else:
                parts.append("(" + " OR ".join(f'"{w}"' for w in whole) + ")")
        return " AND ".join(parts)

    def candidates(self, kind: Kind, tier: Tier, words: Sequence[str], limit: int) -> list[Any]:
        match = self._match(words)
        if match is None:
            return []
        base = _BASE[kind]
        table = base if tier is Tier.everything else f"{base}_titles"
        docs = [
            row[0]
            for row in self._execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?",
                (match, limit),
            )
        ]
        if not docs:
            return []
        found = dict(
            self._execute(
                f"SELECT doc, row_id FROM {base}_docs WHERE doc IN ({marks(len(docs))})", docs
            ).fetchall()
        )
        return [found[doc] for doc in docs if doc in found]


def change_log_counter(db: peewee.Database | peewee.DatabaseProxy) -> int | None:
    """How many changes of the shared tables the file's log has ever recorded, or None when
    its triggers are not all there (then every commit of another connection counts).
    (DataVersionWatch: a commit that left it where it was changed no shared row.)"""
    triggers = {
        row[0]
        for row in run_sql(
            db,
            "SELECT name FROM sqlite_master WHERE type = 'trigger' "
            "AND name GLOB 'crm_desktop_track_*'",
        )
    }
    if triggers != {name for table in TRACKED_TABLES for name in trigger_ddl(table)}:
        return None
    row = run_sql(db, "SELECT seq FROM sqlite_sequence WHERE name = ?", (CHANGES,)).fetchone()
    return int(row[0]) if row else 0
