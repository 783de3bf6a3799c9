"""``python -m tests.benchmarks``: generate the big file (once), measure, print the table.

    .venv/bin/python -m tests.benchmarks                   # everything (a few minutes)
    .venv/bin/python -m tests.benchmarks --markdown FILE   # the table as Markdown too
    .venv/bin/python -m tests.benchmarks --only views,startup --runs 5
    .venv/bin/python -m tests.benchmarks --only office     # many desktops on one server

Each figure is a median of ``--runs`` runs, each beside a baseline measured in turn with it
in the same run; the ratio is what the targets are about (the machine's noise cancels).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from tests.benchmarks import data as big_file
from tests.benchmarks.harness import (
    REPO,
    Result,
    isolate_user_folders,
    log,
    machine,
    markdown_table,
    text_table,
    versions,
)

GROUPS = (
    "floors",
    "views",
    "search",
    "startup",
    "drop",
    "messages",
    "office",
    "dossier",
    "backup",
    "neighbour",
)


def _drop_benchmark_of_the_drop_work(runs: int) -> str | None:
    """Run ``bench_drop.py`` (the drag-and-drop work's own benchmark) when it is there."""
    module = Path(__file__).with_name("bench_drop.py")
    if not module.exists():
        return None
    log("  bench_drop.py (drag-and-drop's own benchmark)…")
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_drop", "--runs", str(runs)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return (done.stdout + (done.stderr if done.returncode else "")).strip()


def _office_benchmark() -> str:
    """Run ``bench_office.py`` (many desktops on one PostgreSQL server of its own): a
    process of its own, since it forks the desktops from a process without Qt."""
    log("  bench_office.py (a whole office on one server, about two minutes)…")
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_office"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return (done.stdout + (done.stderr if done.returncode else "")).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="runs per figure (median)")
    parser.add_argument("--only", default=",".join(GROUPS), help=f"of {', '.join(GROUPS)}")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown here")
    parser.add_argument("--data", type=Path, default=big_file.DEFAULT_FOLDER)
    parser.add_argument("--regenerate", action="store_true", help="make the big file anew")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size")
    parser.add_argument(
        "--profile", action="store_true", help="floors: print a cProfile of one click"
    )
    args = parser.parse_args(argv)
    groups = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown: {', '.join(sorted(unknown))}")

    isolate_user_folders()  # before Qt starts: settings and logs go to a temporary folder
    office = _office_benchmark() if "office" in groups else None
    groups = [g for g in groups if g != "office"]
    if not groups:
        print(office)
        if args.markdown is not None:
            args.markdown.write_text(f"{office}\n", encoding="utf-8")
        return 0
    data = big_file.ensure(args.data, args.regenerate, args.scale)

    from tests.benchmarks.rawsql import RawSql

    raw = RawSql()
    results: list[Result] = []
    extra: str | None = None
    try:
        if "floors" in groups:
            from tests.benchmarks import bench_floors

            results.extend(bench_floors.run(data, args.runs, args.profile))
        if "views" in groups:
            from tests.benchmarks import bench_views

            results.extend(bench_views.run(data, raw, args.runs))
        if "search" in groups:
            from tests.benchmarks import bench_search

            results.extend(bench_search.run(data, raw, args.runs))
        if "startup" in groups:
            from tests.benchmarks import bench_startup

            results.extend(bench_startup.run(data, args.runs))
        if "drop" in groups:
            from tests.benchmarks import bench_writes

            results.extend(bench_writes.run(data, args.runs))
            extra = _drop_benchmark_of_the_drop_work(max(3, args.runs // 2))
        if "messages" in groups:
            from tests.benchmarks import bench_messages

            results.extend(bench_messages.run(max(3, args.runs // 2)))
        if "dossier" in groups:
            from tests.benchmarks import bench_dossier

            results.extend(bench_dossier.run(data, max(3, args.runs // 3)))
        if "backup" in groups:
            from tests.benchmarks import bench_backup

            results.extend(bench_backup.run(data, max(3, args.runs // 3)))
        if "neighbour" in groups:
            from tests.benchmarks import bench_neighbour

            results.extend(bench_neighbour.run(data, args.runs))
        plain_sqlite = raw.sqlite_version()
    finally:
        raw.stop()

    facts = {**machine(), **versions(plain_sqlite)}
    size = ", ".join(f"{key} {value:,}" for key, value in data.size.items())
    print()
    print(text_table(results))
    print()
    print("Machine: " + "; ".join(f"{k} {v}" for k, v in facts.items()))
    print(f"Data: {size}; median of {args.runs} runs")
    if extra:
        print("\nbench_drop.py:\n" + extra)
    if office:
        print("\nbench_office.py:\n" + office)
    if args.markdown is not None:
        lines = [
            markdown_table(results),
            "",
            "Measured on: " + "; ".join(f"{k} {v}" for k, v in facts.items()) + ".",
            f"Data: {size}; each figure the median of {args.runs} runs.",
        ]
        notes = [f"- {r.item}: {note}" for r in results for note in r.notes]
        if notes:
            lines.extend(["", *notes])
        if extra:
            lines.extend(["", "`bench_drop.py`:", "", "```", extra, "```"])
        if office:
            lines.extend(["", "`bench_office.py`:", "", office])
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
        log(f"Markdown written to {args.markdown}")
    return 0 if all(r.met is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
