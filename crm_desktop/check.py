"""``crm-desktop --db PATH --check``: is this file usable, and is it healthy?

Reads the file read-only and changes nothing in it. Reports integrity, schema
compatibility with the backend's tables, the journal mode and the storage it is on, the
SQLite versions involved, and the rows that other clients wrote that fit no model.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import peewee

from crm_desktop import __version__
from crm_desktop.database.sqlite import (
    SQLITE_HEADER,
    CrmDatabase,
    connect_read_only,
    read_only_reason,
    sqlite_library_version,
)
from crm_desktop.database.tables import (
    INDEX_DDL,
    TABLES,
    CommTable,
    CustomerTable,
    MediaTable,
    schema_problems,
)
from crm_desktop.errors import CrmError
from crm_desktop.locations import DatabaseLocation, Kind, parse_location
from crm_desktop.models import CommDirection, CommType, MediaDirection
from crm_desktop.queries import fetch_tuples
from crm_desktop.storage import storage_of

# Exit codes: the file can be used; it cannot; it could not even be read.
USABLE, NOT_USABLE, UNREADABLE = 0, 1, 2


@dataclass(frozen=True)
class Finding:
    status: str  # "ok", "warn", "fail" or "info"
    topic: str
    detail: str


@dataclass
class Report:
    path: Path | str
    findings: list[Finding]

    @property
    def usable(self) -> bool:
        return not any(finding.status == "fail" for finding in self.findings)

    def add(self, status: str, topic: str, detail: str) -> None:
        self.findings.append(Finding(status, topic, detail))

    def text(self) -> str:
        marks = {"ok": "OK  ", "warn": "WARN", "fail": "FAIL", "info": "    "}
        lines = [f"CRM Desktop {__version__}: checking {self.path}"]
        lines += [f"{marks[f.status]} {f.topic}: {f.detail}" for f in self.findings]
        verdict = "usable" if self.usable else "NOT usable"
        lines.append(f"Result: the file is {verdict} by CRM Desktop.")
        return "\n".join(lines)


def _file_sqlite_version(path: Path) -> str:
    """The SQLite version that last wrote the file (header bytes 96-99)."""
    with path.open("rb") as handle:
        header = handle.read(100)
    number = int.from_bytes(header[96:100], "big")
    return f"{number // 1_000_000}.{number // 1000 % 1000}.{number % 1000}"


def _unknown_values(db: CrmDatabase, column: peewee.Field, allowed: list[str]) -> dict[str, int]:
    query = (
        column.model.select(column, peewee.fn.COUNT(peewee.SQL("*")))
        .where(column.is_null(False) & column.not_in(allowed))
        .group_by(column)
    )
    # Leniently: a value another program wrote as bytes that are not text is shown with U+FFFD.
    return {str(value): count for value, count in fetch_tuples(query)}


def _count_where(table: type[peewee.Model], condition: peewee.Expression) -> int:
    return table.select().where(condition).count()


def _misfits(db: CrmDatabase, report: Report) -> None:
    checks: list[tuple[str, peewee.Field[Any], list[str]]] = [
        ("communication types", CommTable.type, [t.value for t in CommType]),
        ("communication directions", CommTable.direction, [d.value for d in CommDirection]),
        ("media directions", MediaTable.direction, [d.value for d in MediaDirection]),
    ]
    for topic, column, allowed in checks:
        unknown = _unknown_values(db, column, allowed)
        if unknown:
            shown = ", ".join(f"{value!r} x{count}" for value, count in sorted(unknown.items()))
            report.add("warn", f"unknown {topic}", f"{shown} (shown as they are, never rewritten)")
    json_columns = [
        ("attachments", CommTable, CommTable.attachments),
        ("media tags", MediaTable, MediaTable.tags),
        ("customer tags", CustomerTable, CustomerTable.tags),
    ]
    for topic, table, column in json_columns:
        # json_valid() is SQLite's; this whole module is about SQLite files.
        bad = _count_where(table, column.is_null(False) & (peewee.fn.json_valid(column) == 0))
        if bad:
            report.add("warn", f"malformed {topic}", f"{bad} row(s) hold text that is not JSON")
    iso = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"
    bad_dates = _count_where(CommTable, ~(CommTable.occurred_at % iso))
    if bad_dates:
        report.add(
            "warn", "dates", f"{bad_dates} communication(s) have a date that is not ISO-8601"
        )


def check_database(path: Path) -> Report:
    path = Path(path).expanduser().absolute()
    report = Report(path, [])
    if not path.exists():
        report.add("fail", "file", "does not exist")
        return report
    if path.is_dir():
        report.add("fail", "file", "is a folder, not a database file")
        return report
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER and path.stat().st_size > 0:
        report.add("fail", "format", "not a SQLite database")
        return report
    report.add("ok", "format", f"SQLite database, {path.stat().st_size:,} bytes")
    report.add("info", "SQLite", f"app uses {sqlite_library_version()}")
    if path.stat().st_size >= 100:
        report.add("info", "SQLite", f"file last written by {_file_sqlite_version(path)}")

    reason = read_only_reason(path)
    report.add("warn" if reason else "ok", "access", reason or "readable and writable")
    storage = storage_of(path)
    try:
        db = connect_read_only(path)
    except (peewee.DatabaseError, CrmError) as exc:
        report.add("fail", "read", f"the file cannot be read: {exc}")
        return report
    where = f"{storage.kind.value}, {storage.file_system or 'unknown file system'}"
    try:
        with db.bind_ctx(TABLES):
            _inspect(db, report, storage.wal_safe, reason, where)
    except peewee.DatabaseError as exc:
        report.add("fail", "read", f"the file cannot be read: {exc}")
    finally:
        db.close()
    return report


def _report_tables(db: peewee.Database, report: Report, when_missing: str) -> set[str]:
    """Each of the app's tables: compatible (with its row count), lacking columns, or
    missing (``when_missing``: "info" when the app will create it, "fail" when it cannot).
    Returns the tables there are."""
    tables = set(db.get_tables())
    problems = schema_problems(db)
    for table in TABLES:
        name = table._meta.table_name
        if name in problems:
            report.add("fail", f"table {name}", "lacks " + ", ".join(problems[name]))
        elif name not in tables:
            report.add(when_missing, f"table {name}", "missing (created when the app opens it)")
        else:
            count = db.execute_sql(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]
            report.add("ok", f"table {name}", f"compatible, {count:,} row(s)")
    return tables


def _inspect(
    db: CrmDatabase, report: Report, wal_safe: bool, read_only: str | None, storage: str
) -> None:
    result = [row[0] for row in db.execute_sql("PRAGMA integrity_check(20)").fetchall()]
    if result == ["ok"]:
        report.add("ok", "integrity", "PRAGMA integrity_check found no damage")
    else:
        report.add("fail", "integrity", "; ".join(result))

    tables = _report_tables(db, report, "fail" if read_only else "info")

    indexes = {
        row[0] for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    wanted = {ddl.split()[5] for ddl in INDEX_DDL}
    missing = sorted(wanted - indexes)
    if missing:
        report.add("info", "indexes", f"{len(missing)} of the app's indexes are created on open")

    mode = str(db.execute_sql("PRAGMA journal_mode").fetchone()[0]).lower()
    if wal_safe:
        report.add("ok", "storage", f"{storage}, journal mode {mode}")
    else:
        status = "fail" if mode == "wal" else "warn"
        report.add(status, "storage", f"{storage}: WAL is not safe there (journal mode {mode})")

    if tables >= {t._meta.table_name for t in TABLES}:
        _misfits(db, report)
    _search_index(db, report)


def _search_index(db: peewee.Database, report: Report) -> None:
    """The app's change tracking and search index (crm_desktop.database.search)."""
    if isinstance(db, peewee.PostgresqlDatabase):
        from crm_desktop.database.postgres import search as on_server

        problems = on_server.tracking_problems(db)
        summary = None
    else:
        from crm_desktop.database.sqlite import search as in_file

        problems = in_file.tracking_problems(db)
        summary = in_file.index_summary(db)
    for problem in problems:
        report.add("warn", "change tracking", problem)
    if summary is not None:
        report.add("info", "search index", summary)


def check_server(location: DatabaseLocation) -> Report:
    """The server side of --check: reachable, compatible tables, their row counts."""
    from crm_desktop.database.postgres import ServerDatabase

    report = Report(location.url, [])
    db = ServerDatabase(location)
    try:
        db.connect()
    except peewee.DatabaseError as exc:
        report.add("fail", "read", f"the server cannot be reached: {exc}")
        return report
    try:
        version = db.execute_sql("SHOW server_version").fetchone()[0]
        report.add("ok", "server", f"PostgreSQL {version}")
        _report_tables(db, report, "info")
        _search_index(db, report)
    except peewee.DatabaseError as exc:
        report.add("fail", "read", f"the server answered with an error: {exc}")
    finally:
        db.close()
    return report


def run_check(path: Path | str, out: TextIO = sys.stdout) -> int:
    """Print the report; the exit code says whether the app can use the database."""
    try:
        location = parse_location(path)
    except CrmError as exc:
        print(f"Not a database address: {exc}", file=out)
        return UNREADABLE
    if location.kind is Kind.postgresql:
        report = check_server(location)
    else:
        report = check_database(location.path or Path(path))
    print(report.text(), file=out)
    unreadable = {("read", "fail"), ("format", "fail")}
    if any((f.topic, f.status) in unreadable for f in report.findings):
        return UNREADABLE
    return USABLE if report.usable else NOT_USABLE
