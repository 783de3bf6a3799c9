"""What staff wait for in the open window: the timeline, the search, the service's lists.

Everything here runs in this process, in the real main window on the big file (offscreen),
against plain ``sqlite3`` in a process of its own (``rawsql``) replaying the very statements
the app ran for the same action: the ratio is what the app adds on top of SQLite.
"""

# The table speaks of ratios with the multiplication sign (×).
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from crm_desktop import service
from crm_desktop.app import application, create_main_window
from crm_desktop.database import close_db, current_database
from crm_desktop.ui.main_window import MainWindow
from tests.benchmarks.data import SPEC_TIMELINE_QUERY, BigFile
from tests.benchmarks.harness import Result, interleaved, log, median, rss_mb, timed
from tests.benchmarks.rawsql import RawSql, Statement

# Typed letter by letter, as a person looks a customer up (the second: issue 19's).
SEARCH_WORDS = ("weber", "meyer 12")
SPEC_LIMIT = 100  # the spec's list_comms default


@contextmanager
def captured() -> Iterator[list[Statement]]:
    """The SQL statements (and values) the app's connection runs meanwhile."""
    db = current_database()
    assert db is not None
    connection = db.connection()
    statements: list[Statement] = []

    def trace(_cursor: Any, sql: str, bindings: Any) -> bool:
        statements.append((sql, list(bindings or ())))
        return True

    connection.exec_trace = trace
    try:
        yield statements
    finally:
        connection.exec_trace = None


def paint_now(view: QAbstractItemView) -> None:
    """Lay the view's items out and paint everything that changed in the window (the view,
    its scroll bar, the labels beside it), as the next screen update would."""
    view.executeDelayedItemsLayout()
    view.viewport().repaint()  # paints every part of the window that waits to be painted


class OpenWindow:
    """The main window on the big file, as staff have it on screen."""

    def __init__(self, data: BigFile) -> None:
        self.data = data
        self.app = application()
        self.window: MainWindow = create_main_window(data.big)
        self.window.resize(1400, 860)
        self.window.show()
        self.settle()

    def settle(self) -> None:
        for _ in range(3):
            QApplication.processEvents()

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()
        self.settle()
        close_db()

    # --- actions ------------------------------------------------------------------------

    def show_timeline(self, customer_id: str, name: str = "") -> None:
        """Choose a customer's timeline and paint the first screenful."""
        panel = self.window.timeline
        panel.set_customer(customer_id, name)
        paint_now(panel.view)

    def scroll_timeline_to_end(self, customer_id: str, name: str = "") -> None:
        panel = self.window.timeline
        panel.set_customer(customer_id, name)
        model = panel.model
        while model.canFetchMore():  # what the view asks for as it nears the bottom
            model.fetchMore()
        panel.view.scrollToBottom()
        paint_now(panel.view)

    def search(self, text: str) -> None:
        """One keystroke in the customer search (once the typing pause has passed)."""
        panel = self.window.customers
        panel.model.set_search(text)
        paint_now(panel.view)

    def reset_search(self) -> None:
        panel = self.window.customers
        panel.model.set_search("")
        panel.select_first()
        self.settle_count()

    def settle_count(self) -> None:
        """Let the status bar's count of a search follow (it waits for the typing to pause),
        so that it runs in no one's timed keystrokes, the app's or a baseline's."""
        while self.window.customers.count_pending:
            QTest.qWait(5)


def _replay(
    raw: RawSql, data: BigFile, statements: list[Statement], json_column: str | None = None
) -> Callable[[], float]:
    return lambda: raw.replay(data.big, statements, json_column)


def timeline_first_screenful(w: OpenWindow, raw: RawSql, runs: int) -> list[Result]:
    data = w.data
    heavy = data.heavy_id

    def setup() -> None:
        w.show_timeline(data.other_id, "other")

    setup()
    with captured() as statements:
        w.show_timeline(heavy, data.heavy_name)
    shown = w.window.timeline.model.rowCount()
    data_times: list[float] = []

    def show() -> float:
        """The whole first screenful; the part before painting is noted on the side."""
        panel = w.window.timeline
        started = time.perf_counter()
        panel.set_customer(heavy, data.heavy_name)
        loaded = time.perf_counter()
        paint_now(panel.view)
        data_times.append(loaded - started)
        return time.perf_counter() - started

    app_times, (raw_times, spec_times) = interleaved(
        show,
        [
            _replay(raw, data, statements),
            lambda: raw.replay(data.spec, [(SPEC_TIMELINE_QUERY, [heavy, SPEC_LIMIT])]),
        ],
        runs,
        setup=setup,
    )
    app = median(app_times) * 1000
    same = median(raw_times) * 1000
    spec = median(spec_times) * 1000
    loaded = median(data_times[-runs:]) * 1000
    note = (
        f"{len(statements)} statements ({shown} entries loaded, {data.size['heavy_comms']:,} in "
        "all); app: model reset + first page + count + the view painted; the plain sqlite3 "
        "baselines use its default page cache, the app 8 MB"
    )
    return [
        Result(
            "Timeline first screenful (heavy customer)",
            app,
            same,
            "same SQL in plain sqlite3, app's index",
            "ms",
            "≤ 1.5×",
            app <= 1.5 * same,
            runs,
            [note],
        ),
        Result(
            "Timeline first screenful vs the spec's query",
            app,
            spec,
            "spec's query, spec's schema, no index",
            "ms",
            "≥ 100× faster",
            spec >= 100 * app,
            runs,
            [f"spec's query: {SPEC_TIMELINE_QUERY.replace('?', '…', 1)} (limit {SPEC_LIMIT})"],
            speedup=True,
        ),
        Result(
            "  of which the data (reset + first page + count)",
            loaded,
            same,
            "same SQL in plain sqlite3",
            "ms",
            "breakdown",
            None,
            runs,
            [
                f"the data part is {spec / loaded:.0f}× faster than the spec's query; painting "
                f"the first screenful takes the other {app - loaded:.1f} ms"
            ],
        ),
    ]


def timeline_scroll(w: OpenWindow, raw: RawSql, runs: int) -> list[Result]:
    data = w.data

    def setup() -> None:
        w.show_timeline(data.other_id, "other")

    setup()
    with captured() as statements:
        w.scroll_timeline_to_end(data.heavy_id, data.heavy_name)
    loaded = w.window.timeline.model.rowCount()
    app_times, (raw_times,) = interleaved(
        lambda: timed(lambda: w.scroll_timeline_to_end(data.heavy_id, data.heavy_name)),
        [_replay(raw, data, statements)],
        runs,
        setup=setup,
    )
    # What the loaded entries hold: Python's allocations, and the process's growth.
    setup()
    w.window.timeline.set_customer(None)
    rss_before = rss_mb()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    w.scroll_timeline_to_end(data.heavy_id, data.heavy_name)
    held = (tracemalloc.get_traced_memory()[0] - before) / 1e6
    tracemalloc.stop()
    rss_growth = rss_mb() - rss_before
    app = median(app_times) * 1000
    same = median(raw_times) * 1000
    return [
        Result(
            "Timeline scrolled to the end (all pages)",
            app,
            same,
            "same SQL in plain sqlite3",
            "ms",
            "no target",
            None,
            runs,
            [
                f"{loaded:,} entries in {len(statements)} statements; memory held by them: "
                f"{held:.1f} MB of Python objects (process grew {rss_growth:.1f} MB)"
            ],
        )
    ]


def search_keystroke(w: OpenWindow, raw: RawSql, runs: int) -> list[Result]:
    return [result for word in SEARCH_WORDS for result in _typing(w, raw, runs, word)]


def _typing(w: OpenWindow, raw: RawSql, runs: int, word: str) -> list[Result]:
    data = w.data
    keystrokes = [word[: i + 1] for i in range(len(word))]

    def typing() -> float:
        took = sum(timed(lambda text=text: w.search(text)) for text in keystrokes)
        w.settle_count()
        return took

    w.reset_search()
    with captured() as statements:
        typing()
    matches = w.window.customers.model.rowCount()
    app_times, (raw_times,) = interleaved(
        typing, [_replay(raw, data, statements)], runs, setup=w.reset_search
    )
    w.reset_search()
    count = len(keystrokes)
    app = median(app_times) * 1000 / count
    same = median(raw_times) * 1000 / count
    return [
        Result(
            f"Customer search, one keystroke (“{word}”, {data.size['customers']:,} customers)",
            app,
            same,
            "same SQL in plain sqlite3",
            "ms",
            "≤ 1.5×",
            app <= 1.5 * same,
            runs,
            [
                f"typing “{word}” letter by letter ({len(statements)} statements for {count} "
                f"keystrokes, {matches} match at the end); per keystroke: list reset + first "
                "page + the list painted (a broad search's count follows once the typing "
                "pauses)"
            ],
        )
    ]


def service_lists(w: OpenWindow, raw: RawSql, runs: int) -> list[Result]:
    data = w.data
    heavy = data.heavy_id
    results = []
    for item, call, column in (
        (
            "service.list_comms(heavy, limit=100)",
            lambda: service.list_comms(heavy, limit=100),
            "attachments",
        ),
        (
            f"service.list_media(heavy) ({data.size['heavy_media']:,} records)",
            lambda: service.list_media(heavy),
            "tags",
        ),
    ):
        with captured() as statements:
            call()
        app_times, (raw_times,) = interleaved(
            lambda call=call: timed(call),
            [_replay(raw, data, statements, column)],
            runs,
            warmup=2,
        )
        app = median(app_times) * 1000
        same = median(raw_times) * 1000
        results.append(
            Result(
                item,
                app,
                same,
                "same SQL in plain sqlite3 + json.loads",
                "ms",
                "≤ 2×",
                app <= 2 * same,
                runs,
            )
        )
    return results


def run(data: BigFile, raw: RawSql, runs: int) -> list[Result]:
    log("Opening the big file in the main window…")
    w = OpenWindow(data)
    results: list[Result] = []
    try:
        for name, bench in (
            ("timeline first screenful", timeline_first_screenful),
            ("timeline scroll", timeline_scroll),
            ("customer search", search_keystroke),
            ("service lists", service_lists),
        ):
            log(f"  {name}…")
            results.extend(bench(w, raw, runs))
    finally:
        w.close()
        raw.close_file(data.big)
        raw.close_file(data.spec)
    return results
