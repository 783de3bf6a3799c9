"""What every benchmark shares: results, medians, ratios, the table, the machine."""

# The table speaks of ratios with the multiplication sign (×).
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    """One line of the table: the app's median, its baseline's median, the target."""

    item: str
    app: float
    baseline: float | None
    baseline_name: str
    unit: str  # "ms", "s", "MB"
    target: str  # in words, e.g. "≤ 1.5×"
    met: bool | None  # None: no target, shown for information
    runs: int = 0
    notes: list[str] = field(default_factory=list)
    speedup: bool = False  # show the ratio as "N× faster" (the baseline is the slow one)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.app / self.baseline


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` took. No garbage collection is forced first: walking the whole
    heap would leave the app's caches cold, which the baselines' process is not."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def interleaved(
    app: Callable[[], float],
    baselines: list[Callable[[], float]],
    runs: int,
    warmup: int = 1,
    setup: Callable[[], object] | None = None,
) -> tuple[list[float], list[list[float]]]:
    """Run the app's action and its baselines in turn, ``runs`` times each after ``warmup``
    rounds; each returns its own seconds. Taking turns spreads the machine's noise over
    all of them, so that their ratios hold when the absolute figures wander."""
    app_times: list[float] = []
    baseline_times: list[list[float]] = [[] for _ in baselines]
    for round_number in range(warmup + runs):
        if setup is not None:
            setup()
        app_time = app()
        times = [baseline() for baseline in baselines]
        if round_number >= warmup:
            app_times.append(app_time)
            for kept, value in zip(baseline_times, times, strict=True):
                kept.append(value)
    return app_times, baseline_times


def isolate_user_folders() -> Path:
    """Point every user folder (settings, data, logs) at a fresh temporary one: the
    benchmark must not read or change the real user's settings or recent files."""
    home = Path(tempfile.mkdtemp(prefix="crm-desktop-bench-"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = home / name.lower()
        folder.mkdir()
        os.environ[name] = str(folder)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return home


def rss_mb() -> float:
    """This process's resident memory now, in MB."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as handle:
            kib = int(handle.readline().split()[1])
            memory = f"{kib / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "RAM": memory,
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
    }


def versions(plain_sqlite: str) -> dict[str, str]:
    import apsw
    import peewee
    import pydantic
    import PySide6

    return {
        "PySide6": PySide6.__version__,
        "SQLite (app, APSW)": apsw.sqlite_lib_version(),
        "SQLite (plain sqlite3 baselines)": plain_sqlite,
        "peewee": peewee.__version__,
        "pydantic": pydantic.VERSION,
    }


def _number(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "s":
        return f"{value:.2f} s"
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def _ratio(result: Result) -> str:
    ratio = result.ratio
    if ratio is None:
        return "—"
    if result.speedup:
        return f"{1 / ratio:.0f}× faster"
    return f"{ratio:.2f}×"


def _status(result: Result) -> str:
    return {True: "met", False: "MISSED", None: "—"}[result.met]


def rows(results: list[Result]) -> list[list[str]]:
    table = [["item", "app", "baseline", "ratio", "target", "result"]]
    for result in results:
        baseline = (
            f"{_number(result.baseline, result.unit)} ({result.baseline_name})"
            if result.baseline is not None
            else result.baseline_name or "—"
        )
        table.append(
            [
                result.item,
                _number(result.app, result.unit),
                baseline,
                _ratio(result),
                result.target,
                _status(result),
            ]
        )
    return table


def text_table(results: list[Result]) -> str:
    table = rows(results)
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = []
    for number, row in enumerate(table):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    notes = [f"  {r.item}: {note}" for r in results for note in r.notes]
    if notes:
        lines.extend(["", "Notes:", *notes])
    return "\n".join(lines)


def markdown_table(results: list[Result]) -> str:
    table = rows(results)
    lines = ["| " + " | ".join(table[0]) + " |", "|" + " --- |" * len(table[0])]
    lines.extend(
        "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table[1:]
    )
    return "\n".join(lines)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
