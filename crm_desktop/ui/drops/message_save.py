"""Saving a reviewed drop of message files: files first, then every entry and record at once.

1. Every entry is validated before anything is written (errors name the row).
2. The attachments of the entries (and a chat's media) are copied into the customer's
   folder in the Nextcloud sync folder with the media drop's Copier (never over a file; a
   name that is taken gets a number), and so are the drop's other files that lie outside
   the sync folder; this is outside any transaction.
3. The entries, each listing its attachments as the backend writes them, and a media
   record for each file are written through ``service.create_comms_many``: short slices
   with room for the backend, all or nothing.

On a cancel or any error nothing of the drop stays: what was written is deleted again and
every file copied for it is removed. Keys logged meanwhile (another desktop, the backend)
are left out at the start of the save rather than logged twice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from crm_desktop import nextcloud, service
from crm_desktop.errors import CrmError, InvalidInputError
from crm_desktop.messages import Attachment, AttachmentUnavailableError
from crm_desktop.models import (
    CommAttachment,
    CommCreate,
    CommDirection,
    CommInDB,
    CommType,
    MediaCreate,
    MediaDirection,
    MediaInDB,
    field_errors,
)
from crm_desktop.ui.drops.copying import Copier
from crm_desktop.ui.drops.rules import checkpoint
from crm_desktop.ui.drops.save import Planned, SaveProgress


@dataclass(frozen=True)
class PlannedEntry:
    """One message to log (a row the person kept), with the files that came with it."""

    row: int  # its row in the review: errors point there
    type: CommType
    direction: CommDirection
    subject: str | None
    body: str
    occurred_at: datetime  # aware
    ext_message_id: str
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class MessageSave:
    """What the save needs besides the rows: whose they are, where files go, who logs."""

    customer_id: str
    customer_folder: str | None  # the customer's Nextcloud folder ("" or None: the top)
    logged_by: str | None = None
    sync_folder: str | Path | None = None  # None: attachments cannot be copied, so not kept
    reserved: frozenset[str] = frozenset()  # Nextcloud paths recorded already


@dataclass(frozen=True)
class SavedMessages:
    comms: list[CommInDB]
    media: list[MediaInDB]
    logged_meanwhile: int = 0  # entries left out: logged by someone else since the review
    attachments_left_out: int = 0  # no sync folder to copy them into
    files_copied: list[str] = field(default_factory=list)  # Nextcloud paths


class AttachmentError(CrmError):
    """An attachment's bytes could not be had at the save (the file changed or went away)."""


def save_messages(
    target: MessageSave,
    entries: Sequence[PlannedEntry],
    files: Sequence[tuple[int, Planned]] = (),
    *,
    uploaded_by: str | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[SaveProgress], None] | None = None,
) -> SavedMessages:
    """Log ``entries`` and record ``files`` ((row, file) pairs) for the customer, all or
    nothing.

    Raises Cancelled, InvalidInputError (``rows.<row>.<field>``), CopyError,
    AttachmentError or the database's error, and then has written nothing and removed
    every file it copied.
    """
    checkpoint(cancel)
    validated = []
    for entry in entries:  # all of them before the first copy
        validated.append(_validated(target, entry))
        checkpoint(cancel)
    logged = service.logged_message_ids(target.customer_id, (e.ext_message_id for e in entries))
    kept = [
        (entry, comm)
        for entry, comm in zip(entries, validated, strict=True)
        if entry.ext_message_id not in logged
    ]
    copying = bool(target.sync_folder)
    to_copy = [a for entry, _comm in kept for a in entry.attachments] if copying else []
    copied_files = [item for _row, item in files if item.copy]
    if copied_files and not copying:
        raise ValueError("copying needs the sync folder")
    state = {"files": 0, "bytes": 0}
    files_to_copy = len(to_copy) + len(copied_files)
    bytes_to_copy = sum(a.size for a in to_copy) + sum(item.size for item in copied_files)

    def report(writing: bool = False) -> None:
        if progress is not None:
            progress(
                SaveProgress(state["files"], files_to_copy, state["bytes"], bytes_to_copy, writing)
            )

    def count(size: int) -> None:
        state["bytes"] += size
        report()

    copier = Copier(target.sync_folder or ".", target.reserved)
    media: list[MediaCreate] = []
    comms: list[CommCreate] = []
    try:
        for entry, comm in kept:
            listed = []
            for attachment in entry.attachments if copying else ():
                checkpoint(cancel)
                path = _write_attachment(copier, target, entry, attachment, cancel, count)
                state["files"] += 1
                report()
                name = PurePosixPath(path).name
                listed.append(_listed(name, path, entry.row))
                media.append(_media(target, uploaded_by, name, path, attachment, entry))
            comms.append(comm.model_copy(update={"attachments": listed}) if listed else comm)
        for row, item in files:
            checkpoint(cancel)
            path = item.nextcloud_path
            if item.copy:
                path = copier.copy(item.source, item.nextcloud_path, cancel, count)
                state["files"] += 1
                report()
            media.append(_file_record(target, uploaded_by, item, path, row))
        checkpoint(cancel)
        report(writing=True)
        saved_comms, saved_media = service.create_comms_many(comms, media, stop=cancel)
    except BaseException:
        copier.undo()
        raise
    left_out = 0 if copying else sum(len(entry.attachments) for entry, _comm in kept)
    return SavedMessages(
        saved_comms,
        saved_media,
        logged_meanwhile=len(entries) - len(kept),
        attachments_left_out=left_out,
        files_copied=["/" + path.relative_to(copier.root).as_posix() for path in copier.created],
    )


def _write_attachment(
    copier: Copier,
    target: MessageSave,
    entry: PlannedEntry,
    attachment: Attachment,
    cancel: threading.Event | None,
    count: Callable[[int], None],
) -> str:
    nextcloud_path = nextcloud.join(target.customer_folder, attachment.filename)
    # Dated like its message: the customer's folder then sorts as the timeline does.
    moment = int(entry.occurred_at.timestamp() * 1_000_000_000)
    try:
        return copier.write(
            attachment.open,
            nextcloud_path,
            cancel,
            count,
            times_ns=(moment, moment),
            name=attachment.filename,
        )
    except AttachmentUnavailableError as exc:
        raise AttachmentError(str(exc)) from exc


def _validated(target: MessageSave, entry: PlannedEntry) -> CommCreate:
    """The entry as CommCreate, without its attachments (they are listed once copied)."""
    data = {
        "customer_id": target.customer_id,
        "type": entry.type,
        "direction": entry.direction,
        "subject": entry.subject,
        "body": entry.body,
        "ext_message_id": entry.ext_message_id,
        "logged_by": target.logged_by,
        "occurred_at": entry.occurred_at,
    }
    try:
        return CommCreate.model_validate(data)
    except ValidationError as exc:
        raise _row_errors(exc, entry.row) from None


def _listed(name: str, path: str, row: int) -> CommAttachment:
    try:
        return CommAttachment.model_validate({"filename": name, "nextcloud_path": path})
    except ValidationError as exc:
        raise _row_errors(exc, row) from None


def _row_errors(exc: ValidationError, row: int) -> InvalidInputError:
    return InvalidInputError(
        {f"rows.{row}.{name}": text for name, text in field_errors(exc).items()}
    )


def _media(
    target: MessageSave,
    uploaded_by: str | None,
    name: str,
    path: str,
    attachment: Attachment,
    entry: PlannedEntry,
) -> MediaCreate:
    direction = (
        MediaDirection.received if entry.direction is CommDirection.inbound else MediaDirection.sent
    )
    return _record(
        {
            "customer_id": target.customer_id,
            "filename": name,
            "nextcloud_path": path,
            "mime_type": attachment.mime_type,
            "direction": direction,
            "uploaded_by": uploaded_by,
        },
        entry.row,
    )


def _file_record(
    target: MessageSave, uploaded_by: str | None, item: Planned, path: str, row: int
) -> MediaCreate:
    name = item.filename
    if path != item.nextcloud_path and PurePosixPath(item.nextcloud_path).name == name:
        name = PurePosixPath(path).name  # a numbered copy goes by its new name
    return _record(
        {
            "customer_id": target.customer_id,
            "filename": name,
            "nextcloud_path": path,
            "mime_type": item.mime_type,
            "uploaded_by": uploaded_by,
        },
        row,
    )


def _record(data: dict[str, Any], row: int) -> MediaCreate:
    try:
        return MediaCreate.model_validate(data)
    except ValidationError as exc:
        raise _row_errors(exc, row) from None


__all__ = [
    "AttachmentError",
    "MessageSave",
    "PlannedEntry",
    "SavedMessages",
    "save_messages",
]
