"""Search across everything: customers, communications and media records (issue 16).

``search_all("gieb dach")`` finds the rows where every word begins some word of the row,
in any order, ignoring case and accents (crm_desktop.folding), through the app's own index
(crm_desktop.database.search). Best matches first: the hits are ranked in four groups,

1. customers whose name or organization holds every word,
2. communications and media records whose title holds them (subject or attachment name;
   file name or order),
3. customers with the words anywhere (e-mail, phone, notes, tags),
4. communications and media records with the words anywhere (the body, the tags),

within a group whole words before beginnings of words, then the newest first. The index
hands over the most recently written matches first, so a word that matches nearly every
row costs no more than a rare one. Every hit is checked against the row as it is now
(a row changed a moment ago is not shown for words it no longer holds), and rows that
another program changed and the index has not caught up with yet are read directly.

Until the index of a big file is complete, the part already built is searched through it
and the rest by reading rows, newest first, for a moment (``FALLBACK_SECONDS``); a file
without an index (read-only) is only read so. search_status() says how far the index is.
"""

from __future__ import annotations

import functools
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from crm_desktop.database import database_proxy
from crm_desktop.database.search import (
    BUILD_ORDER,
    Fields,
    Kind,
    Phase,
    SearchIndex,
    Tier,
    document,
    fields,
    index_of,
)
from crm_desktop.database.search.index import Document
from crm_desktop.database.search.work import IndexWork, Progress, progress
from crm_desktop.folding import fold, matches, query_words, words
from crm_desktop.i18n import translate
from crm_desktop.models import SearchHit
from crm_desktop.service.rows import SearchStatus

# How long one search may read rows that the index does not hold yet (while a big file's
# index is built): the rest is found once it is built.
FALLBACK_SECONDS = 0.08
FALLBACK_ROWS = 400
# Rows another program changed that the index has not caught up with: read directly, up
# to this many per kind (more: the index is used as it is, and search_status() says so).
PENDING_ROWS = 1000
# A snippet: about this many characters, the first match after some context.
SNIPPET_CHARS = 160
SNIPPET_CONTEXT = 40
TITLE_CHARS = 120

_GROUPS: tuple[tuple[Tier, tuple[Kind, ...]], ...] = (
    (Tier.titles, (Kind.customer,)),
    (Tier.titles, (Kind.communication, Kind.media)),
    (Tier.everything, (Kind.customer,)),
    (Tier.everything, (Kind.communication, Kind.media)),
)
_WORD = re.compile(r"[^\W_]+")
_BLANKS = re.compile(r"\s+")
# A word with a letter or digit that is not ASCII (in a text whose Latin accents are off).
_OTHER_WORD = re.compile(r"[^\W_]*(?![\x00-\x7f])[^\W_][^\W_]*")


@dataclass(slots=True)
class _Found:
    group: int
    exact: int
    fields: Fields
    document: Document


def _group(kind: Kind, tier: Tier) -> int:
    title = tier is Tier.titles
    if kind is Kind.customer:
        return 0 if title else 2
    return 1 if title else 3


def _whole_words(wanted: Sequence[str], folded: str) -> int:
    padded = f" {folded} "
    return sum(1 for word in wanted if f" {word} " in padded)


def _consider(
    found: dict[tuple[Kind, Any], _Found],
    kind: Kind,
    rows: Iterable[tuple[Any, ...]],
    wanted: Sequence[str],
) -> None:
    """Add the rows that hold every wanted word, in the best group they qualify for."""
    for row in rows:
        key = (kind, row[0])
        if key in found:
            continue
        row_fields = fields(kind, row)
        doc = document(row_fields)
        if matches(list(wanted), doc.title_words):
            found[key] = _Found(
                _group(kind, Tier.titles), _whole_words(wanted, doc.title_words), row_fields, doc
            )
        elif matches(list(wanted), doc.all_words):
            found[key] = _Found(
                _group(kind, Tier.everything), _whole_words(wanted, doc.all_words), row_fields, doc
            )


def _usable(phase: Phase | None) -> bool:
    return phase is not None and phase not in (Phase.clear,)


def _scan(
    engine: SearchIndex,
    kind: Kind,
    cursor: Any,
    wanted: Sequence[str],
    found: dict[tuple[Kind, Any], _Found],
    deadline: float,
) -> None:
    """Read the rows the index does not hold yet, newest first, until ``deadline``."""
    after: Any = None
    while time.monotonic() < deadline:
        rows, after = engine.unindexed(kind, cursor, after, FALLBACK_ROWS)
        if not rows:
            return
        _consider(found, kind, rows, wanted)


def search_all(text: str, limit: int = 50) -> list[SearchHit]:
    """The best ``limit`` hits for ``text`` among customers, communications and media
    records (see the module's docstring); any text is a query, none raises."""
    wanted = query_words(text if isinstance(text, str) else "")
    if not wanted or limit <= 0:
        return []
    engine = index_of(database_proxy.obj)
    if engine is None:
        return []
    available = engine.available()
    deadline = time.monotonic() + FALLBACK_SECONDS
    found: dict[tuple[Kind, Any], _Found] = {}
    phases: dict[Kind, Phase | None] = {}
    pending: dict[Kind, set[Any]] = {}
    for kind in BUILD_ORDER:
        state = engine.state(kind) if available else None
        phases[kind] = state.phase if state is not None else None
        changed = set(engine.pending(kind, PENDING_ROWS + 1)) if available else set()
        pending[kind] = changed if len(changed) <= PENDING_ROWS else set()
        if pending[kind]:
            _consider(found, kind, engine.rows(kind, list(pending[kind])).values(), wanted)
        if state is None or state.phase in (Phase.clear, Phase.build):
            cursor = state.cursor if state is not None and state.phase is Phase.build else None
            _scan(engine, kind, cursor, wanted, found, deadline)
    for number, (tier, kinds) in enumerate(_GROUPS):
        for kind in kinds:
            if not _usable(phases[kind]):
                continue
            have = sum(1 for key in found if key[0] is kind)
            row_ids = [
                row_id
                for row_id in engine.candidates(kind, tier, wanted, limit + have)
                if (kind, row_id) not in found and row_id not in pending[kind]
            ]
            if row_ids:
                rows = engine.rows(kind, row_ids)
                _consider(found, kind, (rows[i] for i in row_ids if i in rows), wanted)
        if sum(1 for hit in found.values() if hit.group <= number) >= limit:
            break
    ranked = sorted(found.values(), key=lambda hit: hit.fields.at or "", reverse=True)
    ranked.sort(key=lambda hit: (hit.group, -hit.exact))
    return [_hit(hit, wanted) for hit in ranked[:limit]]


# --- what a hit shows -----------------------------------------------------------------------


def _display(text: str) -> str:
    text = str(text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


@functools.cache
def _latin_letters() -> dict[int, str]:
    """Latin letters with accents and their folded letter, where that is one letter."""
    table = {}
    for code in range(0xC0, 0x250):
        folded = fold(chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = folded
    return table


@functools.lru_cache(maxsize=32768)
def _folded(word: str) -> tuple[str, ...]:
    return tuple(words(word))


def _matching(word: str, wanted: Sequence[str]) -> bool:
    """Whether a word as it is written (a run of letters and digits) begins with one of
    the wanted ones once folded (words repeat: their folding is remembered)."""
    parts = (word.lower(),) if word.isascii() else _folded(word)
    return any(part.startswith(w) for part in parts for w in wanted)


def _first_match(text: str, wanted: Sequence[str]) -> int | None:
    """Where the first word of ``text`` that begins with a wanted word starts, or None.

    Cheap for the usual text: a wanted word is found by str.find() at the start of a word
    in a copy of the text in lower case with the accents of Latin letters taken off (one
    letter for one, so that positions stay); only the words that still hold another letter
    than ASCII (ß, ﬁ, Cyrillic …) are folded one by one."""
    lower = text.translate(_latin_letters()).lower()
    if len(lower) != len(text):  # a letter whose lower case is longer (İ): word by word
        return next((m.start() for m in _WORD.finditer(text) if _matching(m.group(), wanted)), None)
    found = []
    for word in wanted:
        at = lower.find(word)
        while at > 0 and lower[at - 1].isalnum():
            at = lower.find(word, at + 1)
        if at >= 0:
            found.append(at)
    for match in _OTHER_WORD.finditer(lower):
        if found and match.start() > min(found):
            break
        if _matching(text[match.start() : match.end()], wanted):
            found.append(match.start())
            break
    return min(found) if found else None


def _holds_match(text: str, wanted: Sequence[str]) -> bool:
    return _first_match(_display(text), wanted) is not None


def spans(text: str, wanted: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """The (start, end) spans of the words of ``text`` that begin with a wanted word."""
    return tuple(match.span() for match in _WORD.finditer(text) if _matching(match.group(), wanted))


def _snippet(text: str, wanted: Sequence[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A piece of ``text`` around its first matching word (its start when none), on one
    line, with the spans of the matching words in it."""
    text = _display(text)
    first = _first_match(text, wanted) or 0
    start = max(0, first - SNIPPET_CONTEXT)
    if start:
        blank = text.find(" ", start, first)
        start = blank + 1 if blank >= 0 else start
    piece = text[start : start + SNIPPET_CHARS * 2]
    piece = _BLANKS.sub(" ", piece).strip()
    cut = len(piece) > SNIPPET_CHARS or start + SNIPPET_CHARS * 2 < len(text)
    if len(piece) > SNIPPET_CHARS:
        end = piece.rfind(" ", SNIPPET_CHARS // 2, SNIPPET_CHARS)
        piece = piece[: end if end > 0 else SNIPPET_CHARS]
    piece = ("…" if start else "") + piece + ("…" if cut else "")
    return piece, spans(piece, wanted)


def _first_line(text: str | None) -> str:
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def _type_label(comm_type: str | None) -> str:
    labels = {
        "email": translate("service", "E-mail"),
        "whatsapp": translate("service", "WhatsApp message"),
        "call": translate("service", "Call"),
        "sms": translate("service", "SMS"),
        "note": translate("service", "Note"),
        "in_person": translate("service", "Meeting"),
    }
    return labels.get(comm_type or "", comm_type or translate("service", "Entry"))


def _title(row_fields: Fields) -> str:
    values = dict(row_fields.all)
    if row_fields.kind is Kind.customer:
        title = values.get("name", "")
    elif row_fields.kind is Kind.media:
        title = values.get("filename", "")
    else:
        title = (
            values.get("subject")
            or _first_line(values.get("body"))
            or _type_label(row_fields.comm_type)
        )
    title = _BLANKS.sub(" ", _display(title)).strip()
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


def _hit(found: _Found, wanted: Sequence[str]) -> SearchHit:
    row_fields = found.fields
    title = _title(row_fields)
    title_field = {Kind.customer: "name", Kind.media: "filename"}.get(row_fields.kind, "subject")
    shown = [(name, text) for name, text in row_fields.all if name != title_field]
    if row_fields.kind is Kind.communication and "subject" not in dict(row_fields.all):
        shown = list(row_fields.all)  # the title is the body's first line: show the match
    field, text = next(
        ((name, text) for name, text in shown if _holds_match(text, wanted)),
        shown[0] if shown else (title_field, ""),
    )
    snippet, snippet_spans = _snippet(text, wanted) if text else ("", ())
    return SearchHit.model_construct(
        kind=row_fields.kind.value,
        id=str(row_fields.row_id),
        customer_id=None if row_fields.customer_id is None else str(row_fields.customer_id),
        title=title,
        snippet=snippet,
        time=None if row_fields.kind is Kind.customer else row_fields.at,
        field=field,
        title_matches=spans(title, wanted),
        snippet_matches=snippet_spans,
    )


# --- how far the index is -------------------------------------------------------------------


def search_status() -> SearchStatus:
    """How complete the search index of the open database is, with a sentence for the
    window while it is not (search then also reads rows, and may miss older ones)."""
    engine = index_of(database_proxy.obj)
    if engine is None or not engine.available():
        return SearchStatus(
            False,
            0,
            0,
            0,
            translate(
                "service",
                "This database has no search index (it is read-only): search reads the "
                "newest entries only.",
            ),
        )
    done = progress(engine)
    pending = sum(len(engine.pending(kind, PENDING_ROWS + 1)) for kind in BUILD_ORDER)
    if not done.complete:
        message = translate(
            "service",
            "Preparing search: {percent} % indexed. Until then older entries may be missing "
            "from the results.",
        ).format(percent=int(done.fraction * 100))
    elif pending > PENDING_ROWS:
        message = translate("service", "Search is catching up with changes made by other programs.")
    else:
        message = ""
    return SearchStatus(done.complete, done.indexed, done.total, pending, message)


def search_index_work(
    on_progress: Callable[[Progress], None] | None = None,
    on_applied: Callable[[frozenset[SearchKind]], None] | None = None,
) -> IndexWork | None:
    """The work that builds and updates the open database's search index (to run on a
    worker thread, see ui.search_index; the callbacks come on that thread), or None when
    it cannot be updated here (a read-only file)."""
    engine = index_of(database_proxy.obj)
    if engine is None or not engine.writable:
        return None
    return IndexWork(engine, on_progress, on_applied)


# For the window's worker (ui.search_index): what a hit or a change is about.
SearchKind = Kind

__all__ = [
    "IndexWork",
    "Progress",
    "SearchKind",
    "SearchStatus",
    "search_all",
    "search_index_work",
    "search_status",
    "spans",
]
