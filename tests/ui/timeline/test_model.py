"""The timeline's item model on a real SQLite file: paging, filters, refresh, roles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListView

from crm_desktop import service
from crm_desktop.service import TimelineEntry, TimelineFilter
from crm_desktop.ui import timefmt
from crm_desktop.ui.timeline import model as model_module
from crm_desktop.ui.timeline.model import TimelineModel, TimelineRole
from tests.helpers import backend
from tests.ui.timeline.conftest import bulk, log


@pytest.fixture
def model(qapp, qtmodeltester, db_path) -> TimelineModel:
    result = TimelineModel()
    qtmodeltester.check(result)
    return result


def ids(model: TimelineModel) -> list[str]:
    return [entry.id for entry in model.loaded_rows]


def subjects(model: TimelineModel) -> list[str]:
    return [entry.subject or "" for entry in model.loaded_rows]


def test_without_customer_the_model_is_empty(qtmodeltester, model):
    assert model.customer_id is None
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_with_entries_the_model_passes_the_model_tester(qtmodeltester, model, customer_id):
    log(customer_id, subject="Offer", logged_by="anna", occurred_at="2026-11-02T10:00:00")
    log(customer_id, type="call", direction="outbound", occurred_at="2026-11-01T10:00:00")
    model.set_customer(customer_id)
    assert model.customer_id == customer_id
    assert model.columnCount() == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Communication"
    qtmodeltester.check(model)


def test_pages_newest_first_without_duplicates(db_path, model, customer_id):
    written = bulk(db_path, customer_id, 450)
    rows = {comm_id: service.get_comm(comm_id) for comm_id in written}
    expected = sorted(written, key=lambda i: (rows[i].occurred_at, i), reverse=True)

    model.set_customer(customer_id)
    assert model.rowCount() == 50 and model.canFetchMore()  # a few screenfuls first
    model.fetchMore()
    assert model.rowCount() == 250 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 450
    model.fetchMore()  # a full last page: one more look finds the end
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert ids(model) == expected
    assert len(set(ids(model))) == 450


def test_refresh_rereads_every_loaded_page(db_path, model, customer_id):
    written = bulk(db_path, customer_id, 300)
    model.set_customer(customer_id)
    model.fetchMore()
    assert model.rowCount() == 250
    service.delete_comm(written[0])
    model.refresh()  # the model tester's own fetches in between must not double a page
    assert model.rowCount() == 250 and written[0] not in ids(model)
    assert len(set(ids(model))) == 250
    model.fetchMore()
    assert model.rowCount() == 299 and not model.canFetchMore()


def test_a_second_customer_replaces_the_first(model, customer_id):
    other = service.create_customer({"name": "Beta AG"}).id
    log(customer_id, subject="mine")
    log(other, subject="theirs")
    model.set_customer(customer_id)
    assert subjects(model) == ["mine"]
    model.set_customer(other)
    assert subjects(model) == ["theirs"]
    model.set_customer(None)
    assert model.rowCount() == 0


@pytest.fixture
def mixed(customer_id) -> str:
    for day, (kind, direction, subject, body) in enumerate(
        [
            ("email", "inbound", "Offer question", "Is the roof included?"),
            ("call", "outbound", "Site visit", "Agreed on Thursday"),
            ("email", "outbound", "Offer", "Please find the offer attached"),
            ("note", "internal", None, "Prefers mornings, roof facing south"),
        ],
        start=1,
    ):
        log(
            customer_id,
            type=kind,
            direction=direction,
            subject=subject,
            body=body,
            occurred_at=f"2026-11-0{day}T12:00:00",
        )
    return customer_id


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (TimelineFilter(), ["", "Offer", "Site visit", "Offer question"]),
        (TimelineFilter(types=frozenset({"email"})), ["Offer", "Offer question"]),
        (TimelineFilter(types=frozenset({"email", "note"})), ["", "Offer", "Offer question"]),
        (TimelineFilter(directions=frozenset({"outbound"})), ["Offer", "Site visit"]),
        (
            TimelineFilter(types=frozenset({"email"}), directions=frozenset({"outbound"})),
            ["Offer"],
        ),
        (TimelineFilter(text="roof"), ["", "Offer question"]),
        (TimelineFilter(text="  offer   attached "), ["Offer"]),
        (TimelineFilter(types=frozenset({"sms"})), []),
    ],
)
def test_filters_by_type_direction_and_text(model, mixed, filters, expected):
    model.set_customer(mixed)
    model.set_filter(filters)
    assert subjects(model) == expected


def test_an_unchanged_filter_does_not_reload(qtbot, model, mixed):
    model.set_customer(mixed)
    model.set_filter(TimelineFilter(text="roof"))
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_filter(TimelineFilter(text=" roof "))
    assert model.filter.text == "roof"


def test_refresh_after_an_external_change_keeps_the_selected_entry(
    qtbot, db_path, model, customer_id
):
    written = bulk(db_path, customer_id, 30)
    model.set_customer(customer_id)
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    chosen = written[10]
    view.selectionModel().setCurrentIndex(
        model.index(model.find_row(chosen), 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )

    # The web backend logs a newer entry and deletes an older one; another subject changes.
    with backend.connect(db_path) as connection:
        newest = backend.insert_comm(connection, customer_id, subject="new from the web")
        connection.execute("DELETE FROM crm_comms_log WHERE id = ?", (written[20],))
    service.update_comm(written[11], {"subject": "changed"})

    with qtbot.assertNotEmitted(model.modelReset):
        model.refresh()
    assert model.rowCount() == 30
    assert ids(model)[0] == newest
    assert written[20] not in ids(model)
    assert model.row_at(model.find_row(written[11])).subject == "changed"
    selected = view.selectionModel().selectedRows()
    assert [model.data(index, TimelineRole.Id) for index in selected] == [chosen]


def test_roles_of_an_entry(model, customer_id):
    comm_id = log(
        customer_id,
        type="call",
        direction="outbound",
        subject="Site visit",
        logged_by="anna",
        attachments=[{"filename": "plan.pdf", "nextcloud_path": "/CRM/ACME/plan.pdf"}],
        occurred_at="2026-11-02T10:00:00",
    )
    model.set_customer(customer_id)
    index = model.index(0, 0)
    entry = model.data(index, TimelineRole.Entry)
    assert isinstance(entry, TimelineEntry) and entry.id == comm_id
    assert model.data(index, TimelineRole.Id) == comm_id
    assert model.data(index) == "Site visit"
    assert model.data(index, TimelineRole.TypeLabel) == "Call"
    assert model.data(index, TimelineRole.DirectionLabel) == "Outbound"
    assert model.data(index, TimelineRole.When) == timefmt.relative("2026-11-02T10:00:00")
    assert isinstance(model.data(index, Qt.ItemDataRole.DecorationRole), QIcon)
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines() == [
        "Site visit",  # whole, where the delegate elides it
        timefmt.exact("2026-11-02T10:00:00"),
        "Logged by anna",
    ]
    sentence = model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    assert sentence.startswith("Call, Outbound, ")
    assert "Site visit" in sentence and "Logged by anna." in sentence
    assert sentence.endswith("1 attachment.")


def test_a_foreign_row_shows_what_does_not_fit(db_path, model, customer_id):
    with backend.connect(db_path) as connection:
        backend.insert_comm(
            connection, customer_id, type="fax", direction="sideways", occurred_at="yesterday"
        )
    model.set_customer(customer_id)
    index = model.index(0, 0)
    assert model.data(index) == "fax"  # no subject, no text: its type, as stored
    assert model.data(index, TimelineRole.TypeLabel) == "fax"
    assert model.data(index, TimelineRole.DirectionLabel) == "sideways"
    assert model.data(index, TimelineRole.When) == "yesterday"
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "Unknown type 'fax'" in tooltip and "Unknown direction 'sideways'" in tooltip
    assert "does not fit" in model.data(index, Qt.ItemDataRole.AccessibleTextRole)


def test_data_never_raises(monkeypatch, model, customer_id, caplog):
    log(customer_id, subject="Offer")
    model.set_customer(customer_id)

    def broken(_stored: str | None) -> str:
        raise ValueError("boom")

    monkeypatch.setattr(model_module.timefmt, "relative", broken)
    assert model.data(model.index(0, 0), TimelineRole.When) is None
    assert "cannot be shown" in caplog.text


def test_a_failing_page_is_reported_not_raised(qtbot, monkeypatch, model, customer_id):
    log(customer_id, subject="Offer")

    def locked(*_args: object, **_kwargs: object) -> list[TimelineEntry]:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(model_module.service, "timeline_page", locked)
    with qtbot.waitSignal(model.load_failed) as blocker:
        model.set_customer(customer_id)
    assert str(blocker.args[0]) == "database is locked"
    assert model.rowCount() == 0 and not model.canFetchMore()
