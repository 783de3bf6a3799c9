"""The big file, generated once and kept under ``.bench/`` (git ignores it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks import datagen
from tests.benchmarks.harness import REPO, log

DEFAULT_FOLDER = REPO / ".bench"

# The spec's list_comms (crm-step-04-backend.md), its default limit included.
SPEC_TIMELINE_QUERY = (
    "SELECT * FROM crm_comms_log WHERE customer_id = ? ORDER BY occurred_at DESC LIMIT ?"
)


@dataclass(frozen=True)
class BigFile:
    folder: Path
    heavy_id: str
    heavy_name: str
    other_id: str
    size: dict[str, int]

    @property
    def big(self) -> Path:
        """The file with the app's indexes, as the app leaves it."""
        return self.folder / "big.sqlite3"

    @property
    def spec(self) -> Path:
        """The same rows with the spec's schema only: no index."""
        return self.folder / "spec.sqlite3"


def ensure(folder: Path = DEFAULT_FOLDER, regenerate: bool = False, scale: float = 1.0) -> BigFile:
    """The cached files, generated (in a process of its own: plain sqlite3) when missing or
    made by another version of the generator."""
    meta_path = folder / "generated.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else None
    fresh = (
        meta is not None
        and meta.get("version") == datagen.VERSION
        and (folder / "big.sqlite3").exists()
        and (folder / "spec.sqlite3").exists()
        and abs(meta["size"]["comms"] - round(datagen.Size().comms * scale)) <= 1
    )
    if regenerate or not fresh:
        log(f"Generating the big file in {folder} (about half a minute at full size)…")
        subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.datagen", str(folder), "--scale", str(scale)],
            cwd=REPO,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        meta = json.loads(meta_path.read_text())
    assert meta is not None
    _prepare_search_index(folder, meta)
    return BigFile(
        folder=folder,
        heavy_id=meta["heavy_id"],
        heavy_name=meta["heavy_name"],
        other_id=meta["other_id"],
        size=meta["size"],
    )


def _prepare_search_index(folder: Path, meta: dict[str, object]) -> None:
    """``big.sqlite3`` as the app leaves a file after its first start: with the search
    index built (crm_desktop.database.search), made once in a process of the app's own."""
    from crm_desktop.database.search.index import INDEX_VERSION

    if meta.get("search_index") == INDEX_VERSION:
        return
    log(f"Building the search index of {folder / 'big.sqlite3'} (a few minutes, once)…")
    subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_search", "--prepare", "big.sqlite3"],
        cwd=folder,
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    meta["search_index"] = INDEX_VERSION
    (folder / "generated.json").write_text(json.dumps(meta, indent=2))
