"""Search like an address book, through the search field: folded, ordered, Esc and Down."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crm_desktop import service
from crm_desktop.ui.customers.panel import CustomerPanel
from tests.helpers.ui import show_active

NAMES = ["Zimmer KG", "Öko Bäckerei", "Gerhard Schröder", "Ärztehaus Nord", "François Lefèvre"]


@pytest.fixture
def panel(qtbot, context):
    ids = {name: service.create_customer({"name": name}).id for name in NAMES}
    widget = CustomerPanel(context)
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    widget.ids = ids
    return show_active(qtbot, widget)


def names(panel) -> list[str]:
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


def search(qtbot, panel, text: str) -> None:
    panel.search.setFocus()
    panel.search.selectAll()
    qtbot.keyClicks(panel.search, text)
    qtbot.waitUntil(lambda: panel.model.search == text)


def test_umlauts_sort_with_their_letters_not_after_z(panel):
    assert names(panel) == [
        "Ärztehaus Nord",
        "François Lefèvre",
        "Gerhard Schröder",
        "Öko Bäckerei",
        "Zimmer KG",
    ]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("schroder", "Gerhard Schröder"),
        ("SCHRÖDER", "Gerhard Schröder"),
        ("francois", "François Lefèvre"),
        ("FRANÇOIS", "François Lefèvre"),
        ("arztehaus", "Ärztehaus Nord"),
        ("oko", "Öko Bäckerei"),
    ],
)
def test_case_and_accents_are_ignored(qtbot, panel, typed, found):
    search(qtbot, panel, typed)
    assert panel.search.text() == typed  # typed through key events, umlauts too
    assert names(panel) == [found]


def test_esc_clears_the_search_and_keeps_the_customer(qtbot, panel):
    search(qtbot, panel, "schroder")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.view.hasFocus() and panel.current_id == panel.ids["Gerhard Schröder"]
    panel.search.setFocus()
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == "" and len(names(panel)) == len(NAMES)
    assert panel.current_id == panel.ids["Gerhard Schröder"]
    assert panel.view.currentIndex().data() == "Gerhard Schröder"


def test_down_moves_into_the_list_and_on(qtbot, panel):
    panel.search.setFocus()
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.view.hasFocus() and panel.view.currentIndex().data() == "Ärztehaus Nord"
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert panel.view.currentIndex().data() == "François Lefèvre"
    panel.search.setFocus()
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)  # back in the list where it was
    assert panel.view.currentIndex().data() == "François Lefèvre"


def test_the_chosen_customer_stays_chosen_while_it_matches(qtbot, panel):
    panel.select_customer(panel.ids["Gerhard Schröder"])
    chosen: list[object] = []
    panel.customer_selected.connect(chosen.append)
    for typed in ("s", "sc", "sch", "schr"):
        search(qtbot, panel, typed)
        assert panel.current_id == panel.ids["Gerhard Schröder"]
        assert panel.view.currentIndex().data() == "Gerhard Schröder"
    assert chosen == []  # never "no customer" on the way: the timeline never blanks
    search(qtbot, panel, "zimmer")
    assert chosen == [None] and panel.current_id is None
