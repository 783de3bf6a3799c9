"""The keys that tell "already logged": Message-IDs as one form, and derived keys.

A Message-ID is kept as RFC 5322 writes it, ``<local@domain>`` (Outlook's
PidTagInternetMessageId has the same form), so an .eml and a .msg of one mail give the
same key. A message without one gets ``crm:<kind>:<32 hex digits>``, a SHA-256 of what
identifies it, the same every time the same message is read.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_ANGLED = re.compile(r"<([^<>\s]+)>")
DERIVED_PREFIX = "crm:"


def message_id(value: str | None) -> str | None:
    """``<id@host>`` from a header's text (comments, blanks and folding dropped), or None."""
    if not value:
        return None
    found = _ANGLED.search(value)
    if found is not None:
        inner = found.group(1)
    else:
        words = value.split()
        if len(words) != 1:
            return None
        inner = words[0].strip("<>")
    if not inner or len(inner) > 900 or any(ord(c) < 33 for c in inner):
        return None
    return f"<{inner}>"


def derived_id(kind: str, *parts: str) -> str:
    """A stable key from the parts that identify a message (NFC, line ends unified)."""
    text = unicodedata.normalize("NFC", "\x1f".join(parts).replace("\r\n", "\n"))
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{DERIVED_PREFIX}{kind}:{digest[:32]}"


def is_derived(key: str) -> bool:
    return key.startswith(DERIVED_PREFIX)
