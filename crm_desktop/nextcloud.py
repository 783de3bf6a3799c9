"""Nextcloud paths and the local sync folder that the Nextcloud desktop client keeps: the
one module that reads a Nextcloud path (``split()``), cleans it up (``normalized()``),
judges it (``path_problem()``, ``name_problem()``) or finds it on this computer.

A record's ``nextcloud_path`` is absolute inside Nextcloud (``/CRM/Customers/ACME/a.jpg``);
the same file on this computer is that path under the local sync folder, when the client
syncs it there. ``in_sync_folder()`` is the one place where a stored path becomes a local
one: whatever a row says, the result lies inside the sync folder, or there is none.

Names are compared and stored in Unicode NFC: macOS names files in NFD ("u" and a combining
diaeresis for "ü"), other systems in NFC, and Nextcloud keeps what it was given; the same
file named both ways must count as one.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from crm_desktop.i18n import translate


def nfc(text: str) -> str:
    """``text`` in Unicode's composed form (NFC), as the app stores and compares names."""
    return unicodedata.normalize("NFC", text)


def spellings(text: str) -> list[str]:
    """The ways a name may be spelt on disk or in another client's row: NFC first, then NFD."""
    return list(dict.fromkeys((nfc(text), unicodedata.normalize("NFD", text))))


def split(nextcloud_path: str) -> list[str]:
    """The names along a Nextcloud path as typed or stored: ``\\`` counts as ``/``, doubled
    slashes as one, and nothing is judged (see path_problem(), path_parts())."""
    return [part for part in nextcloud_path.replace("\\", "/").split("/") if part]


def climbs(parts: list[str]) -> bool:
    """Whether the names hold a ``.`` or ``..`` folder (a path that could lead elsewhere)."""
    return any(part in (".", "..") for part in parts)


def normalized(nextcloud_path: str) -> str:
    """A Nextcloud path as the app stores it: absolute, single forward slashes, NFC
    (``\\CRM\\x`` and ``//CRM//x`` become ``/CRM/x``); "/" for one that names nothing."""
    return nfc("/" + "/".join(split(nextcloud_path.strip())))


def path_parts(nextcloud_path: str) -> list[str] | None:
    """The names along a Nextcloud path, or None when it names nothing or climbs out
    (``.``, ``..``)."""
    parts = split(nextcloud_path)
    if not parts or climbs(parts):
        return None
    return parts


def _root(sync_folder: str | Path) -> Path:
    return Path(sync_folder).expanduser().resolve()


def in_sync_folder(nextcloud_path: str, sync_folder: str | Path | None) -> Path | None:
    """Where a Nextcloud path is on this computer: under the sync folder, and only there.

    The path is joined to the sync folder, resolved (links followed) and must then still lie
    inside the resolved sync folder: ``//etc/passwd``, ``\\\\server\\share``, ``..`` or a
    link that leads out give None, whatever a row of another program says. The file need
    not exist (a copy is about to be made there).
    """
    if not sync_folder or not nextcloud_path:
        return None
    parts = path_parts(nextcloud_path)
    if parts is None:
        return None
    root = _root(sync_folder)
    try:
        resolved = root.joinpath(*parts).resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop; a NUL in a row's path
        return None
    if resolved == root or not resolved.is_relative_to(root):
        return None
    return resolved


def local_file(nextcloud_path: str, sync_folder: str | Path | None) -> Path | None:
    """The local copy of a Nextcloud file, if the sync folder is set and the file is there
    (inside it: see in_sync_folder()), under the name's NFC or NFD spelling."""
    for spelling in spellings(nextcloud_path) if nextcloud_path else ():
        candidate = in_sync_folder(spelling, sync_folder)
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def relative_to_sync_folder(file: Path, sync_folder: str | Path | None) -> str | None:
    """``/A/b.jpg`` for a file inside the sync folder (``<sync>/A/b.jpg``), else None."""
    if not sync_folder:
        return None
    try:
        relative = file.resolve().relative_to(_root(sync_folder))
    except (ValueError, OSError, RuntimeError):
        return None
    if not relative.parts:
        return None
    return nfc("/" + relative.as_posix())


def join(folder: str | None, filename: str) -> str:
    """A Nextcloud path for ``filename`` in ``folder`` (``/`` when the customer has none)."""
    base = "/".join(path_parts(folder or "") or ())
    return nfc(f"/{base}/{filename}" if base else f"/{filename}")


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


def path_problem(nextcloud_path: str) -> str | None:
    """Why Nextcloud would refuse a file at this path (in words), or None if it is fine."""
    parts = split(nextcloud_path)
    if not parts:
        return translate("nextcloud", "the Nextcloud path is empty")
    if climbs(parts):
        return translate("nextcloud", "the Nextcloud path cannot contain '.' or '..' folders")
    for part in parts:
        problem = name_problem(part)
        if problem is not None:
            return translate("nextcloud", "in the Nextcloud path, {problem}").format(
                problem=problem
            )
    return None


def safe_name(name: str) -> str:
    """``name`` with what Nextcloud refuses replaced by ``-`` (for suggested folder names)."""
    clean = "".join("-" if c in FORBIDDEN_CHARACTERS or ord(c) < 32 else c for c in name)
    return clean.strip().rstrip(" .")


# Where a new customer's files go unless someone types another folder.
CUSTOMERS_FOLDER = "/CRM/Customers"


def customer_folder(name: str) -> str:
    """The Nextcloud folder suggested for a new customer: ``/CRM/Customers/<name>``, or ""
    for a name with nothing left to use."""
    clean = safe_name(name.strip())
    return f"{CUSTOMERS_FOLDER}/{clean}" if clean else ""
