"""The results model: hits grouped under a heading for each kind, headings never chosen;
drawn as plain text with the matches in bold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from crm_desktop.models import SearchHit
from crm_desktop.ui.search.delegate import SearchHitDelegate, pieces
from crm_desktop.ui.search.model import SearchResultsModel, SearchRole


def hit(kind: str, title: str, **fields) -> SearchHit:
    values = {"id": title, "customer_id": "c1", "snippet": "", **fields}
    return SearchHit(kind=kind, title=title, **values)


HITS = [
    hit("communication", "Der gerissene Giebel", time="2026-03-01T09:00:00"),
    hit("customer", "Gerhard Schröder", id="c1", customer_id="c1"),
    hit(
        "media", "Giebel_Foto.jpg", field="tags", snippet="Dach, Giebel", snippet_matches=((6, 12),)
    ),
    hit("communication", "Rückruf"),
]


@pytest.fixture
def model(qapp, qtmodeltester):
    result = SearchResultsModel()
    qtmodeltester.check(result)
    result.set_hits(HITS, {"c1": "Gerhard Schröder"})
    qtmodeltester.check(result)
    return result


def texts(model) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_hits_are_grouped_by_kind_under_headings(model):
    assert texts(model) == [
        "Customers (1)",
        "Gerhard Schröder",
        "Communications (2)",
        "Der gerissene Giebel",
        "Rückruf",
        "Files (1)",
        "Giebel_Foto.jpg",
    ]
    assert [hit.title for hit in model.hits] == [texts(model)[i] for i in (1, 3, 4, 6)]
    heading, first = model.index(0, 0), model.index(1, 0)
    assert heading.data(SearchRole.IsHeading) and heading.data(SearchRole.Hit) is None
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    assert first.flags() & Qt.ItemFlag.ItemIsSelectable
    assert model.index(3, 0).data(SearchRole.Details).startswith("Gerhard Schröder · ")
    assert first.data(SearchRole.Details) == ""  # a customer is not their own customer


def test_moving_skips_the_headings(model):
    assert model.first_hit_row() == 1
    assert model.next_hit_row(1, 1) == 3  # over "Communications"
    assert model.next_hit_row(4, 1) == 6
    assert model.next_hit_row(6, 1) == 6  # the last stays the last
    assert model.next_hit_row(3, -1) == 1
    assert model.next_hit_row(1, -1) == 1
    assert model.next_hit_row(model.rowCount(), -1) == 6  # Up with none chosen: the last
    model.clear()
    assert model.rowCount() == 0 and model.first_hit_row() == -1


def test_a_snippet_says_which_field_it_is_from(model):
    text, spans = model.index(6, 0).data(SearchRole.Snippet)
    assert text == "Tags: Dach, Giebel"
    assert [text[start:end] for start, end in spans] == ["Giebel"]


def test_markup_in_the_data_is_drawn_as_the_characters_it_is(qapp):
    """A subject is data: "<b>" in it is text, never markup (nothing here is rich text)."""
    title = "<b>Angebot</b> & <img src=x> Giebel"
    markup = hit("communication", title, title_matches=((29, 35),), snippet="<i>Giebel</i>")
    assert list(pieces(title, markup.title_matches)) == [
        ("<b>Angebot</b> & <img src=x> ", False),
        ("Giebel", True),
    ]
    model = SearchResultsModel()
    model.set_hits([markup])
    index = model.index(1, 0)
    assert index.data() == title
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith(title)
    view = QListView()
    delegate = SearchHitDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    image = QImage(500, 60, QImage.Format.Format_ARGB32)
    image.fill(0)
    option.rect = image.rect()
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    assert (
        delegate.sizeHint(option, index).height()
        > delegate.sizeHint(option, model.index(0, 0)).height()
    )
    assert not model.index(0, 0).parent().isValid() and model.rowCount(QModelIndex()) == 2


def test_pieces_split_text_at_the_matches():
    assert list(pieces("Dachgiebel am Dach", ((0, 10), (14, 18)))) == [
        ("Dachgiebel", True),
        (" am ", False),
        ("Dach", True),
    ]
    assert list(pieces("kurz", ((2, 99), (0, 3)))) == [("kur", True), ("z", True)]  # overlaps
    assert list(pieces("", ())) == []
