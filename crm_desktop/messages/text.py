"""Text as it comes out of mail and chat files, made storable: charsets, odd characters, names.

Rules (each tested):
- Every text handed out is NFC, has no NUL and no lone surrogate (the database stores
  UTF-8; PostgreSQL refuses NUL), and has ``\\n`` line ends.
- Bytes in a declared charset are decoded strictly; an unknown charset, or bytes that do
  not fit the declared one, are read as UTF-8 if they are valid UTF-8, else as
  Windows-1252 (what undeclared 8-bit mail nearly always is), with a note saying so.
- A file name keeps no folder part, no control character and none of the characters
  Nextcloud refuses (each becomes ``_``); it is never empty, nor longer than 200 bytes.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata

from crm_desktop.i18n import translate

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NAME_BAD = re.compile(r'[\x00-\x1f\x7f\\/:*?"<>|]')
_SURROGATE = re.compile(r"[\ud800-\udfff]")
MAX_NAME_BYTES = 200


def clean_text(text: str) -> str:
    """Storable text: NFC, ``\\n`` line ends, no NUL or other control characters but tab and
    line breaks, lone surrogates as U+FFFD."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_line(text: str | None) -> str | None:
    """One line of text (a subject, a name): blanks collapsed, None when empty."""
    if text is None:
        return None
    line = " ".join(clean_text(text).split())
    return line or None


def tidy_body(text: str) -> str:
    """A message body for reading: lines without trailing blanks, at most one empty line in
    a row (Outlook and many mailers pad with blank and space-only lines), none at the ends."""
    lines: list[str] = []
    for line in clean_text(text).split("\n"):
        line = line.rstrip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def recover_8bit(text: str) -> str:
    """Header text the parser kept as escaped raw bytes (8-bit without a charset): read as
    UTF-8 when valid, else as Windows-1252."""
    if not _SURROGATE.search(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def known_codec(charset: str | None) -> str | None:
    """Python's name for a charset, or None if it is unknown (or not a text charset)."""
    if not charset:
        return None
    name = charset.strip().strip('"').lower()
    name = _ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


# Names mail programs write that Python does not know under that spelling.
_ALIASES = {
    "ks_c_5601-1987": "cp949",
    "x-gbk": "gbk",
    "x-sjis": "shift_jis",
    "x-mac-roman": "mac_roman",
    "macintosh": "mac_roman",
    "unicode-1-1-utf-7": "utf-7",
    "ansi_x3.4-1968": "ascii",
    "unicode": "utf-16",
}


def decode(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """``data`` as text, and a note in words when it had to be guessed (else None)."""
    codec = known_codec(charset)
    if codec is not None:
        try:
            return data.decode(codec), None
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
    if codec is None and charset:
        note = translate(
            "messages",
            "The text says it is in the character set '{charset}', which is unknown;"
            " it was read as UTF-8 or Windows-1252, so some letters may be wrong.",
        ).format(charset=clean_line(charset) or "?")
    elif codec is not None and codec != "ascii":
        note = translate(
            "messages",
            "The text does not fit its character set '{charset}'; some letters may be wrong.",
        ).format(charset=clean_line(charset) or "?")
    else:
        note = None  # undeclared or ASCII: 8-bit text of this kind is simply common
    return text, note


def safe_filename(name: str | None, fallback: str) -> str:
    """A file name fit for any folder and for Nextcloud, from what a message calls it."""
    text = unicodedata.normalize("NFC", name or "")
    text = text.replace("\\", "/").rsplit("/", 1)[-1]  # no folders, from Windows either
    text = _SURROGATE.sub("_", text)
    text = re.sub(r"[\t\n\r\f\v]", " ", text)  # a line break in a name is a space
    text = _NAME_BAD.sub("_", text)
    text = " ".join(text.split()).strip(" .")
    if text in ("", ".", "..") or text.lower() in {".htaccess", "desktop.ini", "thumbs.db"}:
        text = fallback
    if len(text.encode()) > MAX_NAME_BYTES:
        stem, suffix = os.path.splitext(text)
        if len(suffix.encode()) > 20:
            stem, suffix = text, ""
        while len((stem + suffix).encode()) > MAX_NAME_BYTES:
            stem = stem[:-1]
        text = stem.rstrip(" .") + suffix
    return text


def unique_names(names: list[str]) -> list[str]:
    """The names with repeats numbered (``a.pdf``, ``a (2).pdf``), compared case-insensitively
    as Windows and macOS clients of Nextcloud do."""
    seen: set[str] = set()
    result = []
    for name in names:
        candidate, number = name, 1
        while candidate.casefold() in seen:
            number += 1
            stem, suffix = os.path.splitext(name)
            candidate = f"{stem} ({number}){suffix}"
        seen.add(candidate.casefold())
        result.append(candidate)
    return result


def size_text(size: int) -> str:
    """A size as people read it: ``50.0 MB``."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.0f} kB"
    return f"{size} B"
