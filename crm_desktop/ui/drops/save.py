"""Saving a reviewed drop: copies first (if chosen), then every record (service.create_media_many,
in short slices through BulkWrite so that the backend's writes get their turn).

All or nothing: on a cancel or any error no record of the drop is kept, and every file
copied for it is removed again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from crm_desktop import service
from crm_desktop.errors import InvalidInputError
from crm_desktop.models import MediaCreate, MediaInDB, field_errors
from crm_desktop.ui.drops.copying import Copier
from crm_desktop.ui.drops.rules import checkpoint

# Fields of every record that come from the dialog's shared part, not from a row.
SHARED_FIELDS = ("direction", "tags", "order_id", "uploaded_by")


@dataclass(frozen=True)
class Planned:
    """One file to record (a row the person kept)."""

    source: Path
    filename: str
    nextcloud_path: str
    mime_type: str | None = None
    copy: bool = False  # copy it into the sync folder first
    size: int = 0


@dataclass(frozen=True)
class Shared:
    """What applies to every record of the drop."""

    direction: str | None = None
    tags: list[str] | str = field(default_factory=list)
    order_id: str | None = None
    uploaded_by: str | None = None

    def fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in SHARED_FIELDS}


@dataclass(frozen=True)
class SaveProgress:
    files_copied: int
    files_to_copy: int
    bytes_copied: int
    bytes_to_copy: int
    writing: bool = False  # the copies are done; the records are being written


def check_shared(customer_id: str, shared: Shared) -> None:
    """InvalidInputError for the shared fields alone (shown at those fields)."""
    _validate(
        {"customer_id": customer_id, "filename": "x", "nextcloud_path": "/x", **shared.fields()}
    )


def save_drop(
    customer_id: str,
    planned: list[Planned],
    shared: Shared,
    sync_folder: str | Path | None = None,
    *,
    reserved: set[str] | frozenset[str] = frozenset(),
    cancel: threading.Event | None = None,
    progress: Callable[[SaveProgress], None] | None = None,
) -> list[MediaInDB]:
    """Record ``planned`` for the customer; returns the new records, in ``planned`` order.

    Everything is validated before the first copy. ``reserved`` Nextcloud paths (recorded
    already) are never taken by a copy. Raises Cancelled, InvalidInputError (row errors
    under ``rows.<n>.<field>``), CopyError, or the database's error, and then has written
    nothing and removed what it copied.
    """
    check_shared(customer_id, shared)
    records = []
    for position, item in enumerate(planned):
        checkpoint(cancel)
        records.append(_record(customer_id, item, shared, position))
    copies = [position for position, item in enumerate(planned) if item.copy]
    if copies and not sync_folder:
        raise ValueError("copying needs the sync folder")
    copier = Copier(sync_folder or ".", reserved)
    state = {"files": 0, "bytes": 0}
    total_bytes = sum(planned[position].size for position in copies)

    def report(writing: bool = False) -> None:
        if progress is not None:
            progress(
                SaveProgress(state["files"], len(copies), state["bytes"], total_bytes, writing)
            )

    def copied(count: int) -> None:
        state["bytes"] += count
        report()

    try:
        for position in copies:
            checkpoint(cancel)
            item = planned[position]
            path = copier.copy(item.source, item.nextcloud_path, cancel, copied)
            records[position] = _renamed(records[position], path)
            state["files"] += 1
            report()
        checkpoint(cancel)
        report(writing=True)
        # In slices (BulkWrite); a cancel meanwhile deletes what was written (Cancelled).
        return service.create_media_many(records, stop=cancel)
    except BaseException:
        copier.undo()
        raise


def _record(customer_id: str, item: Planned, shared: Shared, position: int) -> MediaCreate:
    data = {
        "customer_id": customer_id,
        "filename": item.filename,
        "nextcloud_path": item.nextcloud_path,
        "mime_type": item.mime_type,
        **shared.fields(),
    }
    try:
        return _validate(data)
    except InvalidInputError as exc:
        raise InvalidInputError(
            {f"rows.{position}.{name}": message for name, message in exc.field_errors.items()}
        ) from None


def _validate(data: dict[str, Any]) -> MediaCreate:
    try:
        return MediaCreate.model_validate(data)
    except ValidationError as exc:
        raise InvalidInputError(field_errors(exc)) from None


def _renamed(record: MediaCreate, path: str) -> MediaCreate:
    """The record of a copy that got a numbered name: its path, and its name if it followed."""
    if path == record.nextcloud_path:
        return record
    update: dict[str, str] = {"nextcloud_path": path}
    if PurePosixPath(record.nextcloud_path).name == record.filename:
        update["filename"] = PurePosixPath(path).name
    return record.model_copy(update=update)


__all__ = ["Planned", "SaveProgress", "Shared", "check_shared", "save_drop"]
