"""The heavy customer's dossier (20,000 communications, 2,000 media records) out of the
big file: as CSV and as PDF, with time and memory.

    .venv/bin/python -m tests.benchmarks.bench_dossier [--runs 3]

Each run is a process of its own (``--child``), so that its memory high-water mark
(``VmHWM``) is the export's: it opens the big file, reads the dossier's card and counts,
notes its peak so far, writes the file the way Customer ▸ Export… does
(crm_desktop.ui.dossier.export), and notes its peak again. The growth is what the export
held; for comparison, the same process then reads every communication into a list (what
an export that is not streamed would hold before writing a line).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import data as big_file
from tests.benchmarks.harness import (
    REPO,
    Result,
    isolate_user_folders,
    log,
    median,
    text_table,
)

TARGETS = {"csv": 3.0, "pdf": 30.0}  # seconds, the budget


def _peak_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(database: Path, customer: str, target: Path) -> None:
    """One export in this process; prints its figures as JSON."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])  # offscreen (isolate_user_folders)
    from crm_desktop.app import configure_locale
    from crm_desktop.database import init_db
    from crm_desktop.service.dossier import dossier_comms
    from crm_desktop.ui.dossier.export import export_dossier
    from crm_desktop.ui.dossier.text import Dossier, DossierRequest

    configure_locale()
    init_db(database)
    request = DossierRequest(customer)
    Dossier.read(request, database.name)  # the card and counts, caches warm
    before = _peak_mb()
    started = time.perf_counter()
    result = export_dossier(request, target, database.name)
    seconds = time.perf_counter() - started
    after = _peak_mb()
    held = list(dossier_comms(customer))  # what a non-streamed export would hold
    all_held = _peak_mb()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "pages": result.pages,
                "entries": result.entries,
                "bytes": target.stat().st_size,
                "peak_before": before,
                "peak_after": after,
                "peak_all_held": all_held,
                "held": len(held),
            }
        )
    )
    app.quit()


def _one(data: big_file.BigFile, kind: str, folder: Path) -> dict[str, float]:
    target = folder / f"heavy.{kind}"
    target.unlink(missing_ok=True)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.bench_dossier",
            "--child",
            str(data.big),
            data.heavy_id,
            str(target),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def run(data: big_file.BigFile, runs: int) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="crm-bench-dossier-") as temp:
        folder = Path(temp)
        for kind in ("csv", "pdf"):
            log(f"  the heavy customer's dossier as {kind.upper()}…")
            figures = [_one(data, kind, folder) for _ in range(runs)]
            seconds = median([f["seconds"] for f in figures])
            growth = median([f["peak_after"] - f["peak_before"] for f in figures])
            held = median([f["peak_all_held"] - f["peak_before"] for f in figures])
            first = figures[0]
            size = first["bytes"] / 1e6
            what = f"{int(first['entries']):,} communications"
            if kind == "pdf":
                what += f", {int(first['pages']):,} pages"
            results.append(
                Result(
                    f"Dossier of the heavy customer as {kind.upper()}",
                    seconds,
                    None,
                    "",
                    "s",
                    f"≤ {TARGETS[kind]:.0f} s",
                    seconds <= TARGETS[kind],
                    runs,
                    notes=[f"{what}, {size:.1f} MB written"],
                )
            )
            results.append(
                Result(
                    f"  memory the {kind.upper()} export held (peak growth)",
                    growth,
                    held,
                    "every communication read into a list",
                    "MB",
                    "bounded (streamed)",
                    None,
                    runs,
                    notes=[
                        f"peak RSS {median([f['peak_after'] for f in figures]):.0f} MB in all, "
                        f"{median([f['peak_before'] for f in figures]):.0f} MB before the export"
                    ],
                )
            )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_dossier")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--child", nargs=3, metavar=("DB", "CUSTOMER", "TARGET"))
    parser.add_argument("--data", type=Path, default=big_file.DEFAULT_FOLDER)
    args = parser.parse_args(argv)
    isolate_user_folders()
    if args.child:
        database, customer, target = args.child
        child(Path(database), customer, Path(target))
        return 0
    results = run(big_file.ensure(args.data), args.runs)
    print(text_table(results))
    return 0 if all(r.met is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
