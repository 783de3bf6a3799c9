"""Issue 19's floors: the same visible work with the same libraries, measured in the same run.

- **Click to repaint**: in the real window (whatever ``create_main_window`` builds), a mouse
  click on the heavy customer's row until every part of the window that changed is painted,
  against ``floor.FloorWindow`` (three bare ``QListView``s, same size) whose timeline and media
  lists are refilled from the statements the app ran for that click, read raw (APSW).
- **Start**: whole processes, launch to the first screen painted, against ``floor.py`` run as
  a script (PySide6, peewee, pydantic and APSW imported, the file opened, the first screen's
  rows read raw with the app's own statements, three lists shown).
- **Memory**: each process's peak resident memory as it says "shown"; the app's against the
  start floor's + 40 MB.

``python -m tests.benchmarks --only floors``. Where the app is far from a floor, a cProfile of
one click (``--profile`` prints it) says where the time goes; the table's notes count the
item models' ``data()`` calls.
"""

# The table speaks of ratios with the multiplication sign (×).
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import cProfile
import io
import json
import pstats
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import apsw
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from crm_desktop.database import close_db
from tests.benchmarks import floor
from tests.benchmarks.bench_startup import app_command, launch
from tests.benchmarks.bench_views import SEARCH_WORDS, OpenWindow, captured
from tests.benchmarks.data import BigFile
from tests.benchmarks.harness import Result, interleaved, log, median

FLOOR_SCRIPT = Path(floor.__file__)
MEMORY_ALLOWANCE_MB = 40
RATIO_GOAL = 1.5
CLICK_GOAL_MS = 50


def flush() -> None:
    """Deliver what the click set off (posted events, zero timers) and paint whatever waits
    to be painted: the app and the floor are timed to the same point."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def click_row(view: QAbstractItemView, row: int) -> None:
    """A real mouse click on a row, as a person chooses a customer."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )


def spread(values: list[float]) -> str:
    """The runs' range around the median, in ms."""
    return f"{min(values) * 1000:.1f}–{max(values) * 1000:.1f} ms"


# --- click to repaint -----------------------------------------------------------------------


class ClickBench:
    """The app's window and the floor, each with the heavy customer's row and its neighbour."""

    def __init__(self, data: BigFile) -> None:
        self.data = data
        self.w = OpenWindow(data)
        panel = self.w.window.customers
        if not panel.select_customer(data.heavy_id):
            raise RuntimeError("the heavy customer is not in the customer list")
        self.view = panel.view
        self.heavy_row = panel.model.find_row(data.heavy_id)
        # The other customer: the row above (an ordinary customer, some fifty entries).
        self.other_row = self.heavy_row - 1 if self.heavy_row > 0 else self.heavy_row + 1
        flush()
        self.statements: dict[int, list[floor.Statement]] = {}
        for row in (self.other_row, self.heavy_row, self.other_row):
            with captured() as statements:
                click_row(self.view, row)
                flush()
            self.statements[row] = list(statements)
        self.floor = floor.FloorWindow(data.big)
        names = [row.name for row in panel.model.loaded_rows]
        self.floor.fill("customers", [(None, name) for name in names])
        self.floor.chosen = self._floor_chosen
        self.floor.show()
        flush()

    def _floor_chosen(self, row: int) -> None:
        rows = self.floor.read(self.statements.get(row, []))
        self.floor.show_rows(rows, ("timeline", "media"))

    def app_click(self) -> float:
        started = time.perf_counter()
        click_row(self.view, self.heavy_row)
        flush()
        return time.perf_counter() - started

    def floor_click(self) -> float:
        view = self.floor.views["customers"]
        click_row(view, self.other_row)
        flush()
        started = time.perf_counter()
        click_row(view, self.heavy_row)
        flush()
        return time.perf_counter() - started

    def setup(self) -> None:
        click_row(self.view, self.other_row)
        flush()

    def data_calls(self) -> tuple[dict[str, int], pstats.Stats]:
        """One click under cProfile: the item models' data() calls, and the profile."""
        self.setup()
        profile = cProfile.Profile()
        profile.enable()
        click_row(self.view, self.heavy_row)
        flush()
        profile.disable()
        stats = pstats.Stats(profile)
        calls: dict[str, int] = {}
        for (filename, _line, name), (_cc, count, *_rest) in stats.stats.items():
            if name == "data" and "crm_desktop" in filename:
                panel = Path(filename).parent.name
                calls[panel] = calls.get(panel, 0) + count
        return calls, stats

    def close(self) -> None:
        self.floor.close()
        self.floor.connection.close()
        self.w.close()


def click_to_repaint(data: BigFile, runs: int, profile: bool = False) -> list[Result]:
    bench = ClickBench(data)
    try:
        app_times, (floor_times,) = interleaved(
            bench.app_click, [bench.floor_click], runs, warmup=2, setup=bench.setup
        )
        calls, stats = bench.data_calls()
        statements = len(bench.statements[bench.heavy_row])
        log("  customer search keystroke against its page query read raw…")
        typing = search_keystroke(bench, runs)
    finally:
        bench.close()
    if profile:
        out = io.StringIO()
        stats.stream = out
        stats.sort_stats("cumulative").print_stats(40)
        print(out.getvalue())
    app = median(app_times) * 1000
    base = median(floor_times) * 1000
    counted = ", ".join(f"{panel} {count}" for panel, count in sorted(calls.items()))
    return [
        *typing,
        Result(
            "Click to repaint: the heavy customer chosen (floor)",
            app,
            base,
            "three bare QListViews, the same SQL read raw",
            "ms",
            f"≤ {RATIO_GOAL}× and < {CLICK_GOAL_MS} ms",
            app <= RATIO_GOAL * base and app < CLICK_GOAL_MS,
            runs,
            [
                f"a mouse click on the row until the window is painted; app {spread(app_times)}, "
                f"floor {spread(floor_times)}; {statements} statements; data() calls in one "
                f"click: {counted or 'none'}"
            ],
        ),
    ]


# --- customer search keystroke --------------------------------------------------------------


def page_statement(statements: list[floor.Statement]) -> list[floor.Statement]:
    """The raw form of a keystroke's query: the list's page (customers, LIMIT), no count,
    no look-up of where the chosen customer went."""
    for sql, params in statements:
        text = sql.upper()
        if '"CRM_CUSTOMERS"' in text and "LIMIT" in text and "COUNT(" not in text:
            return [(sql, params)]
    return []


def search_keystroke(bench: ClickBench, runs: int) -> list[Result]:
    """Typing into the customer search, letter by letter (each letter once the typing pause
    has passed): the list re-read and painted, against the page query alone read raw into
    the floor's first list, refilled and painted."""
    w, view = bench.w, bench.floor.views["customers"]
    results = []
    for word in SEARCH_WORDS:
        keystrokes = [word[: i + 1] for i in range(len(word))]
        w.reset_search()
        flush()
        pages: list[list[floor.Statement]] = []
        counts: list[int] = []
        for text in keystrokes:
            with captured() as statements:
                w.search(text)
                flush()
            pages.append(page_statement(list(statements)))
            counts.append(len(statements))
        w.reset_search()
        flush()

        def app_typing(keystrokes: list[str] = keystrokes) -> float:
            total = 0.0
            for text in keystrokes:
                started = time.perf_counter()
                w.search(text)
                flush()
                total += time.perf_counter() - started
            w.settle_count()  # once the typing pauses: in neither side's timed keystrokes
            return total

        def floor_typing(pages: list[list[floor.Statement]] = pages) -> float:
            total = 0.0
            for page in pages:
                started = time.perf_counter()
                rows = bench.floor.read(page)["customers"]
                bench.floor.fill("customers", rows)
                view.scrollToTop()
                flush()
                total += time.perf_counter() - started
            return total

        def reset() -> None:
            w.reset_search()
            flush()

        app_times, (floor_times,) = interleaved(app_typing, [floor_typing], runs, setup=reset)
        w.reset_search()
        flush()
        per_key = len(keystrokes)
        app = median(app_times) * 1000 / per_key
        base = median(floor_times) * 1000 / per_key
        results.append(
            Result(
                f"Customer search keystroke, “{word}” (floor)",
                app,
                base,
                "the page query alone, read raw into a bare list",
                "ms",
                f"≤ {RATIO_GOAL}×",
                app <= RATIO_GOAL * base,
                runs,
                [
                    f"per keystroke, typed letter by letter; the app ran {sum(counts)} "
                    f"statements for {per_key} keystrokes (the page, the change log's new "
                    "rows, where the chosen customer went; a broad search's count follows "
                    f"once the typing pauses), the floor {per_key}; app {spread(app_times)}, floor "
                    f"{spread(floor_times)} for the whole word"
                ],
            )
        )
    return results


# --- start and memory -----------------------------------------------------------------------


@contextmanager
def main_thread_statements() -> Iterator[list[floor.Statement]]:
    """The statements every APSW connection opened meanwhile runs in this thread."""
    statements: list[floor.Statement] = []
    main = threading.get_ident()

    def trace(_cursor: Any, sql: str, bindings: Any) -> bool:
        if threading.get_ident() == main:
            statements.append((sql, list(bindings or ())))
        return True

    def hook(connection: apsw.Connection) -> None:
        connection.exec_trace = trace

    apsw.connection_hooks.append(hook)
    try:
        yield statements
    finally:
        apsw.connection_hooks.remove(hook)


def first_screen_statements(data: BigFile) -> list[floor.Statement]:
    """What the app reads for its first screen (window shown, first customer chosen): the
    reads of the customers, their entries and media, for the start floor to read raw."""
    with main_thread_statements() as statements:
        w = OpenWindow(data)
        w.window.select_first_customer()
        flush()
    w.close()
    close_db()
    return [
        (sql, params)
        for sql, params in statements
        if sql.lstrip().upper().startswith(("SELECT", "WITH")) and floor.panel_of(sql)
    ]


def start_and_memory(data: BigFile, runs: int) -> list[Result]:
    statements = first_screen_statements(data)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(statements, handle)
    floor_command = [sys.executable, str(FLOOR_SCRIPT), str(data.big), handle.name]
    starts: dict[str, list[Any]] = {"app": [], "floor": []}

    def run(kind: str, command: list[str]) -> Callable[[], float]:
        def launched() -> float:
            start = launch(command)
            starts[kind].append(start)
            return start.shown

        return launched

    try:
        app_times, (floor_times,) = interleaved(
            run("app", app_command(data.big)), [run("floor", floor_command)], runs
        )
    finally:
        Path(handle.name).unlink()
    app = median(app_times) * 1000
    base = median(floor_times) * 1000
    app_rss = median([s.peak_rss_mb for s in starts["app"][-runs:]])
    floor_rss = median([s.peak_rss_mb for s in starts["floor"][-runs:]])
    return [
        Result(
            "Start to the first screen painted (floor)",
            app,
            base,
            "script: PySide6, peewee, pydantic, APSW, rows read raw, three lists",
            "ms",
            f"≤ {RATIO_GOAL}×",
            app <= RATIO_GOAL * base,
            runs,
            [
                f"whole processes on the big file; app {spread(app_times)}, floor "
                f"{spread(floor_times)}; the floor reads the {len(statements)} statements "
                "the app ran for its first screen"
            ],
        ),
        Result(
            "Peak memory (RSS), big file open (floor)",
            app_rss,
            floor_rss,
            "the start floor",
            "MB",
            f"≤ floor + {MEMORY_ALLOWANCE_MB} MB",
            app_rss <= floor_rss + MEMORY_ALLOWANCE_MB,
            runs,
            [f"the app takes {app_rss - floor_rss:.0f} MB more than the start floor"],
        ),
    ]


def run(data: BigFile, runs: int, profile: bool = False) -> list[Result]:
    log("  click to repaint against three bare lists…")
    results = click_to_repaint(data, runs, profile)
    log("  start against the floor script…")
    results.extend(start_and_memory(data, runs))
    return results
