"""Starting the app: whole processes, to the window shown, against a bare PySide6 window.

Each start is a new process (``crm-desktop --db FILE`` with CRM_DESKTOP_EXIT_AFTER_SHOWN=1,
which paints the window with the first customer chosen, prints "shown" and quits); the time
is taken from launching it to reading "shown", and the peak memory (RSS) from the kernel's
accounting of the finished process. The bare window (``bare_window.py``) starts in turn with
it, so that both see the same machine.

``python -m tests.benchmarks.bench_startup --watch-indexes FILE`` is the process that opens a
file lacking the app's indexes and reports how responsive the window stays until they exist.
"""

# The table speaks of ratios with the multiplication sign (×).
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.data import BigFile
from tests.benchmarks.harness import REPO, Result, interleaved, log, median

BARE_WINDOW = Path(__file__).with_name("bare_window.py")
MEMORY_ALLOWANCE_MB = 60


@dataclass
class Start:
    shown: float  # seconds from launch to "shown"
    peak_rss_mb: float


def app_command(db: Path) -> list[str]:
    script = Path(sys.executable).with_name("crm-desktop")
    if script.exists():
        return [str(script), "--db", str(db)]
    return [sys.executable, "-m", "crm_desktop", "--db", str(db)]


def launch(command: list[str]) -> Start:
    """Start ``command`` and time it to its "shown" line; its peak memory is read then.

    The peak is the process's own high-water mark (VmHWM) read as it says "shown": the
    kernel's accounting of a finished child (ru_maxrss) starts from the size of the process
    that started it, which here is the benchmark, far bigger than a bare window.
    """
    env = {**os.environ, "CRM_DESKTOP_EXIT_AFTER_SHOWN": "1"}
    # As the app ships (an installer's modules are compiled; pip compiles what it
    # installs): Python keeps the bytecode it compiles, so that only the first (warm-up)
    # start compiles the app's modules. A machine set to write none would compile them at
    # every start, the app's hundred modules against the floor's few.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, env=env, text=True
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        shown = time.perf_counter() - started
        peak = _peak_rss_mb(process.pid)
        process.stdout.read()
        code = process.wait()
        if code != 0 or line.strip() != "shown" or peak is None:
            errors.seek(0)
            raise RuntimeError(f"{command[0]} failed ({code}): {errors.read().decode()[-2000:]}")
    return Start(shown, peak)


def _peak_rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None  # gone already (it quits right after saying "shown")


def app_command_without(db: Path, module: str) -> list[str]:
    """The app as ``crm-desktop`` starts it, but with ``module`` not importable."""
    code = f"import sys; sys.modules[{module!r}] = None; from crm_desktop.app import run; run()"
    return [sys.executable, "-c", code, "--db", str(db)]


def bare() -> Start:
    return launch([sys.executable, str(BARE_WINDOW)])


def cold_start(data: BigFile, runs: int) -> list[Result]:
    starts: dict[str, list[Start]] = {"app": [], "bare": [], "without": []}
    # peewee imports the PostgreSQL driver whenever it is installed: what that costs.
    without = importlib.util.find_spec("psycopg") is not None

    def run(kind: str, command: list[str]) -> float:
        start = launch(command)
        starts[kind].append(start)
        return start.shown

    baselines = [lambda: run("bare", [sys.executable, str(BARE_WINDOW)])]
    if without:
        baselines.append(lambda: run("without", app_command_without(data.big, "psycopg")))
    app_times, (bare_times, *rest) = interleaved(
        lambda: run("app", app_command(data.big)), baselines, runs
    )
    app = median(app_times) * 1000
    base = median(bare_times) * 1000
    app_rss = median([s.peak_rss_mb for s in starts["app"][-runs:]])
    bare_rss = median([s.peak_rss_mb for s in starts["bare"][-runs:]])
    results = [
        Result(
            "Cold start to the window shown (big file)",
            app,
            base,
            "bare PySide6 window",
            "ms",
            "≤ 1.5×",
            app <= 1.5 * base,
            runs,
            ["whole processes; the app's window shows the first customer's timeline"],
        ),
        Result(
            "Peak memory (RSS), big file open",
            app_rss,
            bare_rss,
            "bare PySide6 window",
            "MB",
            f"≤ bare + {MEMORY_ALLOWANCE_MB} MB",
            app_rss <= bare_rss + MEMORY_ALLOWANCE_MB,
            runs,
            [f"the app takes {app_rss - bare_rss:.0f} MB more than the bare window"],
        ),
    ]
    if without:
        shown = median(rest[0]) * 1000
        rss = median([s.peak_rss_mb for s in starts["without"][-runs:]])
        results.append(
            Result(
                "  the same without psycopg importable",
                shown,
                base,
                "bare PySide6 window",
                "ms",
                "information",
                None,
                runs,
                [
                    f"peewee imports psycopg at its own import when it is installed: without "
                    f"it the start takes {app - shown:.0f} ms and {app_rss - rss:.0f} MB less "
                    f"({rss:.0f} MB, bare + {rss - bare_rss:.0f} MB)"
                ],
            )
        )
    return results


def _fresh_copy(source: Path, folder: Path) -> Path:
    """A copy of the index-less file, written to disk before the clock starts."""
    target = folder / "first-start.sqlite3"
    for path in folder.glob("first-start.sqlite3*"):
        path.unlink()
    shutil.copyfile(source, target)
    os.sync()
    return target


def first_start(data: BigFile, runs: int) -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="crm-bench-first-", dir=data.folder))
    try:
        copy: list[Path] = []
        app_times, (bare_times,) = interleaved(
            lambda: launch(app_command(copy[-1])).shown,
            [lambda: bare().shown],
            runs,
            setup=lambda: copy.append(_fresh_copy(data.spec, folder)),
        )
        watch = _watch_indexes(_fresh_copy(data.spec, folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    app = median(app_times) * 1000
    base = median(bare_times) * 1000
    stall = watch["longest_stall_ms"]
    return [
        Result(
            "First start on a file without the app's indexes",
            app,
            base,
            "bare PySide6 window",
            "ms",
            "≤ 1.5×",
            app <= 1.5 * base,
            runs,
            [
                f"indexes in place {watch['indexes_ready_s']:.1f} s after the window was shown; "
                f"longest GUI stall meanwhile {stall:.0f} ms"
            ],
        ),
        Result(
            "Longest GUI stall while the indexes are built",
            stall,
            None,
            "",
            "ms",
            "≤ 100 ms",
            stall <= 100,
            1,
            ["a 5 ms heartbeat timer in the window's event loop; its longest gap"],
        ),
    ]


def _watch_indexes(path: Path) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_startup", "--watch-indexes", str(path)],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def watch_indexes(path: Path) -> dict[str, float]:
    """In this process: open ``path`` as the app does, then until its indexes exist (and a
    second more) keep a 5 ms heartbeat and note the longest gap between beats."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from crm_desktop.app import application, create_main_window
    from crm_desktop.database import INDEX_DDL, database_proxy

    app = application()
    clock = QElapsedTimer()
    clock.start()
    window = create_main_window(path)
    window.show()
    QTimer.singleShot(0, window.select_first_customer)  # as crm_desktop.app.main() does
    QApplication.sendPostedEvents()
    window.repaint()
    shown = clock.elapsed() / 1000
    wanted = {ddl.split()[5] for ddl in INDEX_DDL}
    state = {"last": clock.elapsed(), "longest": 0, "ready": -1.0}

    def beat() -> None:
        now = clock.elapsed()
        state["longest"] = max(state["longest"], now - state["last"])
        state["last"] = now
        if state["ready"] < 0:
            names = {
                row[0]
                for row in database_proxy.execute_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'index'"
                ).fetchall()
            }
            if wanted <= names:
                state["ready"] = now / 1000
                QTimer.singleShot(1000, app.quit)

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    QTimer.singleShot(600_000, app.quit)
    app.exec()
    window.close()
    return {
        "shown_s": shown,
        "indexes_ready_s": max(0.0, state["ready"] - shown),
        "longest_stall_ms": float(state["longest"]),
    }


# When Ctrl+Q comes during the first index build of the big file (ms after the window
# showed): its largest CREATE INDEX sorts for a while without noticing an interrupt.
QUIT_MOMENTS_MS = (300, 500, 700, 900, 1100, 1400)


def _quit_seconds(db: Path, after_ms: int) -> float:
    """Seconds from File ▸ Quit to the end of the process (tests/benchmarks/quit_after.py)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.quit_after", str(after_ms), "--db", str(db)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = ""
    while not line.startswith("quit "):
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the app ended before it quit")
    asked = float(line.split()[1])
    process.wait(timeout=120)
    return time.time() - asked


def quit_time(data: BigFile) -> list[Result]:
    """Ctrl+Q while the window is idle, and at moments during the first index build."""
    folder = Path(tempfile.mkdtemp(prefix="crm-bench-quit-", dir=data.folder))
    try:
        idle = [_quit_seconds(data.big, 800) for _ in range(3)]
        building = []
        for moment in QUIT_MOMENTS_MS:
            building.append(_quit_seconds(_fresh_copy(data.spec, folder), moment))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    worst = max(building) * 1000
    return [
        Result(
            "Ctrl+Q to the process gone, window idle (big file)",
            median(idle) * 1000,
            None,
            "",
            "ms",
            "≤ 400 ms",
            median(idle) <= 0.4,
            len(idle),
            ["File ▸ Quit triggered 0.8 s after the window showed; median of three"],
        ),
        Result(
            "Ctrl+Q during the first index build (worst moment)",
            worst,
            None,
            "",
            "ms",
            "≤ 400 ms",
            worst <= 400,
            len(building),
            [
                "quit " + ", ".join(f"{m} ms" for m in QUIT_MOMENTS_MS) + " after the window "
                "showed on a fresh copy of the file without indexes: "
                + ", ".join(f"{s * 1000:.0f}" for s in building)
                + " ms"
            ],
        ),
    ]


def run(data: BigFile, runs: int) -> list[Result]:
    log("  cold start…")
    results = cold_start(data, runs)
    log("  first start without indexes…")
    results.extend(first_start(data, max(3, runs // 2)))
    log("  quitting…")
    results.extend(quit_time(data))
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--watch-indexes", type=Path, required=True)
    arguments = parser.parse_args()
    print(json.dumps(watch_indexes(arguments.watch_indexes)))
