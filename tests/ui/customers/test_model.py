"""The customer list's item model: lazy pages, search and sort in SQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from crm_desktop import service
from crm_desktop.ui.customers.model import CustomerColumn, CustomerModel, CustomerRole
from tests.helpers import backend


@pytest.fixture
def many_customers(db_path):
    with backend.connect(db_path) as connection:
        connection.execute("BEGIN")
        for i in range(450):
            backend.insert_customer(
                connection,
                f"Customer {i:03d}",
                organization=f"Org {i % 7}",
                email=f"c{i}@example.com",
            )
        connection.execute("COMMIT")


@pytest.fixture
def model(qtmodeltester, qapp, db_path):
    result = CustomerModel()
    result.reload()
    yield result
    qtmodeltester.check(result)


def test_empty_model_passes_the_model_tester(model):
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())


def test_pages_are_fetched_lazily(model, many_customers):
    model.reload()
    assert model.rowCount() == CustomerModel.FIRST_PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    names = [model.index(r, 0).data() for r in range(450)]
    assert names == sorted(names) and len(set(names)) == 450


def test_columns_and_roles(model, db_path):
    customer = service.create_customer(
        {"name": "Anna", "organization": "ACME", "phone": "+49 30 1"}
    )
    service.create_comm({"customer_id": customer.id, "type": "call", "direction": "inbound"})
    model.reload()
    assert model.columnCount() == 4
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    row = [model.index(0, c).data() for c in range(4)]
    assert row[:3] == ["Anna", "ACME", "+49 30 1"]
    assert row[3]  # the last contact, shown relative ("just now")
    assert model.index(0, 0).data(CustomerRole.Id) == customer.id
    assert model.index(0, CustomerColumn.last_contact).data(Qt.ItemDataRole.ToolTipRole)


def test_search_runs_in_sql(model, many_customers):
    model.set_search("customer 01")
    assert model.rowCount() == 15  # every word anywhere: 001, 010-019, 101, 201, 301, 401
    model.set_search("  c449@ ")
    assert [model.index(0, 0).data()] == ["Customer 449"] and model.rowCount() == 1
    model.set_search("")
    assert model.rowCount() == CustomerModel.FIRST_PAGE_SIZE


def test_sort_runs_in_sql(model, many_customers):
    model.sort(CustomerColumn.customer_name, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Customer 449"
    model.sort(CustomerColumn.organization, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 1).data() == "Org 0"
    assert model.position_of(model.index(5, 0).data(CustomerRole.Id)) == 5


def test_refresh_applies_outside_changes_in_place(qtbot, model, db_path):
    keep = service.create_customer({"name": "Bernd"}).id
    gone = service.create_customer({"name": "Carla"}).id
    model.reload()
    with backend.connect(db_path) as connection:
        backend.insert_customer(connection, "Anna")
        connection.execute("DELETE FROM crm_customers WHERE id = ?", (gone,))
        connection.execute("UPDATE crm_customers SET organization = 'New' WHERE id = ?", (keep,))
    with qtbot.assertNotEmitted(model.modelReset):
        model.refresh()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Anna", "Bernd"]
    assert model.index(1, 1).data() == "New"
