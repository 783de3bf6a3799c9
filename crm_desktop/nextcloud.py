"""Nextcloud paths and the local sync folder that the Nextcloud desktop client keeps.

A record's ``nextcloud_path`` is absolute inside Nextcloud (``/CRM/Customers/ACME/a.jpg``);
the same file on this computer is that path under the local sync folder, when the client
syncs it there.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath


def local_file(nextcloud_path: str, sync_folder: str | Path | None) -> Path | None:
    """The local copy of a Nextcloud file, if the sync folder is set and the file is there."""
    if not sync_folder or not nextcloud_path:
        return None
    root = Path(sync_folder).expanduser()
    parts = [part for part in PurePosixPath(nextcloud_path).parts if part not in ("/", "")]
    if not parts or any(part in (".", "..") for part in parts):
        return None
    candidate = root.joinpath(*parts)
    return candidate if candidate.is_file() else None


def relative_to_sync_folder(file: Path, sync_folder: str | Path | None) -> str | None:
    """``/A/b.jpg`` for a file inside the sync folder (``<sync>/A/b.jpg``), else None."""
    if not sync_folder:
        return None
    try:
        relative = file.resolve().relative_to(Path(sync_folder).expanduser().resolve())
    except ValueError:
        return None
    return "/" + relative.as_posix()


def join(folder: str | None, filename: str) -> str:
    """A Nextcloud path for ``filename`` in ``folder`` (``/`` when the customer has none)."""
    base = (folder or "/").replace("\\", "/").rstrip("/")
    if not base.startswith("/"):
        base = "/" + base
    return f"{base}/{filename}"


def path_for_file(file: Path, sync_folder: str | Path | None, customer_folder: str | None) -> str:
    """Where a local file lives in Nextcloud: its place in the sync folder if it is inside it,
    otherwise the customer's Nextcloud folder plus its name."""
    return relative_to_sync_folder(file, sync_folder) or join(customer_folder, file.name)
