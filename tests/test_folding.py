"""One folding for search and sorting: what it makes of the letters office staff type."""

# The letters are meant: a dotless i, a Greek sigma.
# ruff: noqa: RUF001

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QCollator, QLocale

from crm_desktop.folding import (
    MAX_QUERY_WORDS,
    MAX_WORD_CHARS,
    folded_text,
    matches,
    query_words,
    sort_key,
    words,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("schroder", "Schröder"),
        ("SCHRÖDER", "Schröder"),
        ("francois", "François"),
        ("uberdachung", "Überdachung"),
        ("strasse", "Straße"),
        ("STRASSE", "STRAẞE"),
        ("yilmaz", "Yılmaz"),
        ("YILMAZ", "Yılmaz"),
        ("istanbul", "İstanbul"),
        ("ilik", "ILIK"),
        ("lodz", "Łódź"),
        ("oresund", "Øresund"),
        ("aero", "Ærø"),
        ("nunez", "Núñez"),
        ("dvorak", "Dvořák"),
        ("file", "ﬁle"),
        ("m2", "m²"),
        ("abc", "ＡＢＣ"),
        ("σοφια", "ΣΟΦΙΑ"),
        ("jose", "Jose\u0301"),  # decomposed (NFD, as macOS stores names)
    ],
)
def test_case_and_accents_are_ignored(typed, stored):
    assert words(typed) == words(stored)


def test_words_are_letters_and_digits_only():
    assert words('NEAR(a b) "x*" -y AND (z) e-mail@acme.de +49 30 1234') == [
        "near",
        "a",
        "b",
        "x",
        "y",
        "and",
        "z",
        "e",
        "mail",
        "acme",
        "de",
        "49",
        "30",
        "1234",
    ]
    assert words("a\x00b\ud800c\u202eשלום 😀 مرحبا") == ["a", "b", "c", "שלום", "مرحبا"]


def test_query_words_drop_repeats_and_beginnings_and_cut_long_input():
    assert query_words("an Anna annabell ANN") == ["annabell"]
    assert query_words("gieb dach Gieb") == ["gieb", "dach"]
    assert query_words("x" * 5000) == ["x" * MAX_WORD_CHARS]
    many = " ".join(f"w{n}" for n in range(100))
    assert len(query_words(many)) == MAX_QUERY_WORDS
    assert query_words("") == [] and query_words(" *()\"'-") == []


def test_matches_means_every_word_begins_a_word():
    text = folded_text("Der gerissene Giebel", "Überdachung am Carport")
    assert matches(["gieb", "uberdach"], text)
    assert matches(["carp"], text) and not matches(["port"], text)  # beginnings only
    assert not matches(["gieb", "fenster"], text)


def test_folded_text_is_its_words_joined():
    for text in ("Überdachung – 86 m² (Süd-West)", "a" * 100 + " b", "", "  !! "):
        assert folded_text(text).split() == words(text)


def test_names_sort_like_an_address_book():
    names = ["Zimmer", "Öko Bäckerei", "Ärztehaus Nord", "Abel", "Otto", "müller", "Muller"]
    ordered = sorted(names, key=sort_key)
    assert ordered == [
        "Abel",
        "Ärztehaus Nord",
        "Muller",
        "müller",
        "Öko Bäckerei",
        "Otto",
        "Zimmer",
    ]


def test_sort_order_agrees_with_german_collation_for_the_letters_that_fold():
    """Qt's collator (ICU) for German puts the umlauts with their vowels, as the keys do."""
    collator = QCollator(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    names = ["Zimmer", "Öko", "Ärztehaus", "Abel", "Otto", "Übel", "Ulm", "Straße", "Strasser"]
    by_key = sorted(names, key=sort_key)
    by_qt = sorted(names, key=collator.sortKey)
    assert by_key == by_qt


@given(st.text())
def test_any_text_folds_without_an_error(text):
    found = words(text)
    assert all(word and word.isalnum() and len(word) <= MAX_WORD_CHARS for word in found)
    wanted = query_words(text)
    assert len(wanted) <= MAX_QUERY_WORDS
    assert matches(wanted, folded_text(text))  # a text is found by its own words
    assert isinstance(sort_key(text), str)
