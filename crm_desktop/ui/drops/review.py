"""A drop under review: one editable row per file, with problems and duplicates kept current.

No Qt here: the review dialog's table model shows a ``Review`` and forwards edits to it, so
the rules (what is a duplicate, which rows are recorded) are tested without widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from crm_desktop import nextcloud
from crm_desktop.ui.drops.rules import record_problem
from crm_desktop.ui.drops.save import Planned
from crm_desktop.ui.drops.scanning import Candidate

# Which of these Nextcloud paths are already recorded for the customer.
RecordedLookup = Callable[[list[str]], set[str]]


class Duplicate(StrEnum):
    recorded = "recorded"  # the customer already has a record with this Nextcloud path
    repeated = "repeated"  # an earlier row of this drop has the same Nextcloud path


@dataclass
class ReviewRow:
    candidate: Candidate
    filename: str
    nextcloud_path: str
    mime_type: str
    keep: bool = False  # record it
    chosen: bool = False  # the user ticked or unticked it: updates leave ``keep`` alone
    problem: str | None = None
    duplicate: Duplicate | None = None
    repeats: int = -1  # for a repeated row: the earlier row with the same path
    checked: tuple[str, str] | None = None  # (filename, path) that ``problem`` is about

    @property
    def fixable(self) -> bool:
        """A bad name can be edited into a good one; a missing or empty file cannot be fixed."""
        return self.candidate.file_problem is None

    @property
    def outside_sync_folder(self) -> bool:
        return self.candidate.path is not None and not self.candidate.in_sync_folder


class Review:
    """The rows of one drop for one customer, as the person edits them."""

    def __init__(self, candidates: Iterable[Candidate], recorded: RecordedLookup) -> None:
        self.rows = [ReviewRow(c, c.filename, c.nextcloud_path, c.mime_type) for c in candidates]
        self._lookup = recorded
        self._recorded: dict[str, bool] = {}
        self.update()

    def update(self) -> None:
        """Work out problems, duplicates and (where the person did not choose) ``keep``."""
        unknown = list(
            dict.fromkeys(
                r.nextcloud_path for r in self.rows if r.nextcloud_path not in self._recorded
            )
        )
        if unknown:
            found = self._lookup(unknown)
            self._recorded.update((path, path in found) for path in unknown)
        first: dict[str, int] = {}
        for position, row in enumerate(self.rows):
            if row.checked != (row.filename, row.nextcloud_path):
                # Only edited rows: an edit in a drop of 10,000 files stays instant.
                row.checked = (row.filename, row.nextcloud_path)
                row.problem = row.candidate.file_problem or record_problem(*row.checked)
            row.duplicate, row.repeats = None, -1
            if row.problem is None:
                earlier = first.setdefault(row.nextcloud_path, position)
                if self._recorded.get(row.nextcloud_path):
                    row.duplicate = Duplicate.recorded
                elif earlier != position:
                    row.duplicate, row.repeats = Duplicate.repeated, earlier
            if row.problem is not None:
                row.keep = False
            elif not row.chosen:
                # Duplicates are skipped unless the person keeps them.
                row.keep = row.duplicate is None

    # --- edits ----------------------------------------------------------------------------

    def set_keep(self, position: int, keep: bool) -> bool:
        row = self.rows[position]
        if row.problem is not None:
            return False
        row.keep, row.chosen = keep, True
        return True

    def set_filename(self, position: int, filename: str) -> None:
        row = self.rows[position]
        filename = nextcloud.nfc(filename.strip())
        folder, _slash, last = row.nextcloud_path.rpartition("/")
        if row.outside_sync_folder and last == row.filename and filename:
            # Its path was made from its name: a file copied in goes by the new name.
            row.nextcloud_path = f"{folder}/{filename}"
        row.filename = filename
        self.update()

    def set_nextcloud_path(self, position: int, path: str) -> None:
        self.rows[position].nextcloud_path = nextcloud.normalized(path)
        self.update()

    def set_mime_type(self, position: int, mime_type: str) -> None:
        self.rows[position].mime_type = mime_type.strip()

    # --- what it comes to -----------------------------------------------------------------

    def kept(self) -> list[ReviewRow]:
        return [row for row in self.rows if row.keep]

    def count(self, duplicate: Duplicate | None = None, bad: bool = False) -> int:
        if bad:
            return sum(row.problem is not None for row in self.rows)
        return sum(row.problem is None and row.duplicate == duplicate for row in self.rows)

    def recorded_paths(self) -> set[str]:
        """Paths known to be recorded already: a copy must not take one of them."""
        return {path for path, recorded in self._recorded.items() if recorded}

    def planned(self, copy_outside: bool) -> list[Planned]:
        """The rows to record; with ``copy_outside``, files from outside the sync folder are
        copied into it (under their Nextcloud path)."""
        return [
            Planned(
                source=source,
                filename=row.filename,
                nextcloud_path=row.nextcloud_path,
                mime_type=row.mime_type or None,
                copy=copy_outside and row.outside_sync_folder,
                size=row.candidate.size,
            )
            for row in self.kept()
            if (source := row.candidate.path) is not None  # always: a kept row is a file
        ]
