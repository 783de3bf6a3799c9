"""One folding of text for searching and sorting, the same on a file and on a server.

Search ignores case and accents ("schroder" and "SCHRÖDER" find "Schröder", "francois"
finds "François", "uberdach" finds "Überdachung"), and the customer list sorts "Ärztehaus"
with A. Both rest on :func:`fold`, done here in Python for every engine: the app stores
what it folded (crm_desktop.database.search) and folds a query the same way, so a file and an
office server agree to the letter. (SQLite's NOCASE folds ASCII only; PostgreSQL's
``unaccent`` has rules of its own, and ``lower()`` under the "C" collation leaves non-ASCII
letters as they are.)

The folding: compatibility decomposition (NFKD: "ﬁ" is "fi", "²" is "2", full-width
letters are ASCII), combining marks removed (é → e, ñ → n), Unicode case folding (ß → ss,
"Σ" and "ς" → σ), and a few letters that carry their accent in the letter itself (ø, ł,
đ, æ, œ, þ, …). The Turkish dotless ı and the dotted İ both become i: a German keyboard
types "yilmaz" for "Yılmaz", and "istanbul" finds "İstanbul" ("ILIK" finds "ılık" too).

Words (:func:`words`) are the runs of letters and digits of the folded text; everything
else (spaces, punctuation, symbols, emoji, NUL, lone surrogates, bidi controls) separates
them. A query is split the same way, so no character a person types ever reaches a query
language: the index is asked for words, never for the text itself.
"""

# Letters such as the dotless ı are meant here.
# ruff: noqa: RUF001, RUF002, RUF003

from __future__ import annotations

import functools
import re
import unicodedata

# Letters that NFKD does not decompose, spelt as a reader without the accent would spell
# them (after casefold(), so lower case only).
_LETTERS = {
    "ı": "i",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ŧ": "t",
    "ŋ": "n",
    "ĸ": "k",
    "ŀ": "l",
    "ƀ": "b",
    "ɨ": "i",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
}
_SPECIAL = re.compile("[" + "".join(_LETTERS) + "]")

# A word: a run of letters and digits (Unicode categories L* and N*; "_" is no letter).
_WORD = re.compile(r"[^\W_]+")
_NOT_WORD = re.compile(r"[\W_]+")

# Index and query words are cut to this many characters (a prefix of a prefix still
# matches, and a server's full-text index refuses very long words); a query's words beyond
# MAX_QUERY_WORDS are left out (a pasted page is not a search).
MAX_WORD_CHARS = 64
MAX_QUERY_WORDS = 12


@functools.cache
def _marks() -> re.Pattern[str]:
    """Every combining mark of the Basic and Supplementary Multilingual Planes, as one
    character class (made on first use: some 20 ms, not at start-up)."""
    ranges: list[str] = []
    start = previous = -1
    for code in range(0x20000):
        if unicodedata.combining(chr(code)):
            if start < 0:
                start = code
            previous = code
        elif start >= 0:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
            start = -1
    return re.compile("[" + "".join(ranges) + "]+")


def fold(text: str) -> str:
    """``text`` without case and accents (see the module's docstring)."""
    if text.isascii():
        return text.lower()
    plain = _marks().sub("", unicodedata.normalize("NFKD", text)).casefold()
    if plain.isascii():
        return plain
    plain = _SPECIAL.sub(lambda match: _LETTERS[match.group()], plain)
    if max(plain) > "\U0001ffff":  # marks beyond the planes _marks() covers: rare
        plain = "".join(char for char in plain if not unicodedata.combining(char))
    return plain


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order, each at most MAX_WORD_CHARS long."""
    return [word[:MAX_WORD_CHARS] for word in _WORD.findall(fold(text))]


def folded_text(*parts: str | None) -> str:
    """The folded words of all ``parts``, joined by single spaces (what the index stores:
    a word never holds a space, so splitting this at spaces gives words() back)."""
    found = []
    for part in parts:
        if part:
            text = _NOT_WORD.sub(" ", fold(part)).strip()
            if text:
                found.append(text)
    text = " ".join(found)
    if len(text) > MAX_WORD_CHARS and any(len(word) > MAX_WORD_CHARS for word in text.split(" ")):
        text = " ".join(word[:MAX_WORD_CHARS] for word in text.split(" "))
    return text


def query_words(text: str) -> list[str]:
    """The words a search for ``text`` looks for: folded, each at most MAX_WORD_CHARS,
    repeated ones and ones that begin another left out (that one finds them too), at most
    MAX_QUERY_WORDS. Never raises, whatever ``text`` holds."""
    found: list[str] = []
    for word in words(text):
        if any(other.startswith(word) for other in found):
            continue
        found = [other for other in found if not word.startswith(other)]
        found.append(word)
        if len(found) >= MAX_QUERY_WORDS:
            break
    return found


def matches(wanted: list[str], folded: str) -> bool:
    """Whether every one of ``wanted`` (query_words()) begins a word of ``folded``
    (folded_text()), as the index decides it."""
    padded = " " + folded
    return all(" " + word in padded for word in wanted)


def sort_key(name: str | None) -> str:
    """The key the customer list sorts by, compared character by character: the name's
    folded words first, so that "Ärztehaus" sorts with A and "Öko" with O and punctuation
    does not count (German phone-book order, DIN 5007 variant 1); then, for names that
    fold alike ("Muller", "Müller"), the name in lower case with its accents. The same key
    on every desktop and every engine."""
    if not name:
        return ""
    return folded_text(name) + "\x01" + name.casefold()
