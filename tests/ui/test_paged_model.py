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


def test_a_jump_far_down_loads_down_to_the_row_in_one_insertion(qtbot, model):
    model.items = [Item(f"i{n}", f"I{n}") for n in range(100)]
    model.reload()
    assert model.rowCount() == 3
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        assert model.fetch_to(80)
    assert inserted.args[1:] == [3, 83]  # down to row 80, and a page after it
    assert model.row_at(80) == Item("i80", "I80") and model.canFetchMore(QModelIndex())
    assert model.fetch_to(10)  # loaded already: nothing happens
    assert not model.fetch_to(500) and model.rowCount() == 100
    assert not model.canFetchMore(QModelIndex())


def test_rows_read_elsewhere_are_added_only_to_the_list_they_were_read_for(model):
    model.items = [Item(f"i{n}", f"I{n}") for n in range(100)]
    model.reload()
    plan = model.plan_fetch_to(50)
    assert plan is not None and plan.read == (Item("i2", "I2"), 3, 48 + 3)
    rows = model.fetch_page(*plan.read)  # as a worker thread would
    assert model.add_fetched(plan, rows) and model.row_at(50) == Item("i50", "I50")
    assert not model.add_fetched(plan, rows)  # the list moved on: not twice
    stale = model.plan_fetch_to(90)
    model.reload()
    assert not model.add_fetched(stale, model.fetch_page(*stale.read))
    assert model.rowCount() == 3
    assert model.plan_fetch_to(1) is None  # loaded already


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


def test_every_role_a_list_answers_is_one_it_declares(qapp, customer_id):
    """A delegate asks for a cell's roles through multiData, which lets only a model's
    ROLES reach data(): a role data() answers but ROLES leaves out would never be shown."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    from crm_desktop import service
    from crm_desktop.ui.customers.model import CustomerModel
    from crm_desktop.ui.media.model import MediaModel
    from crm_desktop.ui.timeline.model import TimelineModel

    service.create_comm(
        {"customer_id": customer_id, "type": "email", "direction": "inbound", "subject": "Hi"}
    )
    service.create_media(
        {"customer_id": customer_id, "filename": "a.pdf", "nextcloud_path": "/CRM/a.pdf"}
    )
    customers = CustomerModel()
    customers.reload()
    timeline, media = TimelineModel(), MediaModel()
    timeline.set_customer(customer_id)
    media.set_customer(customer_id)
    for model in (customers, timeline, media):
        assert model.ROLES is not None and model.rowCount() == 1
        for column in range(model.columnCount()):
            index = model.index(0, column)
            answered = {
                role
                for role in range(Qt.ItemDataRole.UserRole + 64)
                if index.data(role) is not None
            }
            assert answered <= model.ROLES, (type(model).__name__, column)
            # And multiData gives a delegate what data() gives.
            cell = QModelRoleData(Qt.ItemDataRole.DisplayRole)
            model.multiData(index, QModelRoleDataSpan(cell))
            assert cell.data() == index.data(Qt.ItemDataRole.DisplayRole)
