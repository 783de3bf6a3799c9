"""The paged model base: lazy pages, and refreshes applied as differences."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt

from crm_desktop.ui.paged_model import PagedTableModel


@dataclass(frozen=True)
class Item:
    id: str
    text: str


class ListModel(PagedTableModel[Item]):
    PAGE_SIZE = 3

    def __init__(self, items: list[Item]) -> None:
        super().__init__()
        self.items = items
        self.fail = False

    def fetch_page(self, last: Item | None, offset: int, limit: int) -> list[Item]:
        if self.fail:
            raise OSError("disk gone")
        return self.items[offset : offset + limit]

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index)
        return row.text if row and role == Qt.ItemDataRole.DisplayRole else None


def items(*names: str) -> list[Item]:
    return [Item(name, name.upper()) for name in names]


@pytest.fixture
def model(qapp, qtmodeltester):
    result = ListModel(items(*"abcdefgh"))
    result.reload()
    yield result
    qtmodeltester.check(result)


def texts(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_pages(model):
    assert texts(model) == ["A", "B", "C"]
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert texts(model) == list("ABCDEFGH") and not model.canFetchMore(QModelIndex())


def test_refresh_applies_inserts_deletes_moves_and_changes(qtbot, model):
    model.fetchMore(QModelIndex())  # a..f loaded
    selection = QItemSelectionModel(model)
    selection.select(model.index(3, 0), QItemSelectionModel.SelectionFlag.Select)  # "d"
    model.items = [Item("x", "X"), *items("a", "c"), Item("d", "D2"), *items("f", "e", "g", "h")]
    with qtbot.assertNotEmitted(model.modelReset):
        model.refresh()
    assert texts(model) == ["X", "A", "C", "D2", "F", "E"]
    (selected,) = selection.selectedIndexes()
    assert selected.data() == "D2"  # the selection followed its row


def test_a_failing_page_is_reported_not_raised(qtbot, model):
    model.fail = True
    with qtbot.waitSignal(model.load_failed) as failed:
        model.fetchMore(QModelIndex())
    assert isinstance(failed.args[0], OSError)
    assert texts(model) == ["A", "B", "C"]
    model.refresh()  # keeps what is shown
    assert texts(model) == ["A", "B", "C"]
    failed_rows = model.rowCount()
    model.fail = False
    model.reload()
    assert model.rowCount() == failed_rows
