"""Nextcloud paths and the local sync folder that the Nextcloud desktop client keeps.

A record's ``nextcloud_path`` is absolute inside Nextcloud (``/CRM/Customers/ACME/a.jpg``);
the same file on this computer is that path under the local sync folder, when the client
syncs it there.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from crm_desktop.i18n import translate


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
    base = (folder or "").replace("\\", "/").strip("/")
    return f"/{base}/{filename}" if base else f"/{filename}"


def path_for_file(file: Path, sync_folder: str | Path | None, customer_folder: str | None) -> str:
    """Where a local file lives in Nextcloud: its place in the sync folder if it is inside it,
    otherwise the customer's Nextcloud folder plus its name."""
    return relative_to_sync_folder(file, sync_folder) or join(customer_folder, file.name)


# Characters that Nextcloud (and the Windows clients that sync it) refuse in a file name.
FORBIDDEN_CHARACTERS = frozenset('\\/:*?"<>|')
RESERVED_NAMES = frozenset({".", "..", ".htaccess", "desktop.ini", "thumbs.db"})


def name_problem(name: str) -> str | None:
    """Why Nextcloud would refuse this file name, in words, or None if it is fine."""
    if not name.strip():
        return translate("nextcloud", "the name is empty")
    bad = sorted({c for c in name if c in FORBIDDEN_CHARACTERS or ord(c) < 32})
    if bad:
        shown = " ".join(repr(c)[1:-1] for c in bad)
        return translate(
            "nextcloud", "the name contains characters Nextcloud refuses: {chars}"
        ).format(chars=shown)
    if name.lower() in RESERVED_NAMES:
        return translate("nextcloud", "Nextcloud does not allow a file named {name}").format(
            name=name
        )
    if name != name.rstrip(" ."):
        return translate("nextcloud", "the name ends with a space or a dot")
    if len(name.encode()) > 250:
        return translate("nextcloud", "the name is too long")
    return None


def safe_name(name: str) -> str:
    """``name`` with what Nextcloud refuses replaced by ``-`` (for suggested folder names)."""
    clean = "".join("-" if c in FORBIDDEN_CHARACTERS or ord(c) < 32 else c for c in name)
    return clean.strip().rstrip(" .")
