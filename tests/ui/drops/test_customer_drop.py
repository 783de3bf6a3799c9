"""Files dropped on a customer in the customer list are recorded for THAT customer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from crm_desktop import service
from crm_desktop.app import create_main_window
from crm_desktop.database import close_db
from crm_desktop.ui.customers.panel import CustomerPanel
from tests.helpers import backend, files
from tests.helpers.drag import drop, hover, leave
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active
from tests.ui.drops.conftest import accept, media_rows, review_dialog


@pytest.fixture
def customers(qtbot, context, customer_id) -> CustomerPanel:
    for name in ("Beta AG", "Gamma KG"):
        service.create_customer({"name": name, "nextcloud_folder": f"/CRM/{name}"})
    panel = CustomerPanel(context)
    qtbot.addWidget(panel)
    panel.resize(400, 400)
    show_active(qtbot, panel)
    return panel


def row_point(panel: CustomerPanel, row: int) -> QPoint:
    return panel.view.visualRect(panel.model.index(row, 0)).center()


def test_the_row_under_the_drag_is_highlighted(qtbot, customers, tmp_path):
    viewport = customers.view.viewport()
    mime = files.files_mime(files.image(tmp_path / "a.jpg"))
    _enter, move = hover(viewport, mime, row_point(customers, 1))
    assert move.isAccepted() and move.dropAction() == Qt.DropAction.CopyAction
    target = customers.drops
    assert target.hovered_row == 1
    row_rect = customers.view.visualRect(customers.model.index(1, 0))
    assert target.highlight.isVisible() and target.highlight.area.top() == row_rect.top()
    assert target.highlight.area.width() == viewport.width()
    hover(viewport, mime, row_point(customers, 2))
    assert target.hovered_row == 2
    # Below the last row there is no customer: no highlight, and the drag shows "no"
    # (but it may still come in there, on its way to a row).
    enter, below = hover(viewport, mime, QPoint(10, viewport.height() - 5))
    assert enter.isAccepted() and not below.isAccepted() and not target.highlight.isVisible()
    leave(viewport)
    assert target.hovered_row == -1


def test_a_drop_on_a_row_records_for_that_customer(qtbot, customers, tmp_path, db_path):
    beta, gamma = (row.id for row in customers.model.loaded_rows[1:3])
    customers.select_customer(beta)
    _enter, _move, event = drop(
        customers.view.viewport(),
        files.files_mime(files.pdf(tmp_path / "offer.pdf")),
        row_point(customers, 2),
    )
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    dialog = review_dialog(qtbot, customers.drops)
    assert dialog.windowTitle() == "Record files for Gamma KG"
    accept(qtbot, dialog)
    (row,) = media_rows(db_path)
    assert row["customer_id"] == gamma and row["nextcloud_path"] == "/CRM/Gamma KG/offer.pdf"
    assert customers.current_id == gamma  # the list shows whose files they became


def test_a_drop_beside_the_rows_is_refused_with_a_reason(qtbot, customers, prompts, tmp_path):
    viewport = customers.view.viewport()
    at = QPoint(10, viewport.height() - 5)
    _enter, _move, event = drop(viewport, files.files_mime(files.pdf(tmp_path / "a.pdf")), at)
    assert not event.isAccepted()
    assert prompts.asked[0].kind == "inform"
    assert "onto a customer in the list" in prompts.asked[0].text


@pytest.fixture
def window(qtbot, qapp, tmp_path: Path, settings):
    path = tmp_path / "office.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        acme = backend.insert_customer(connection, "ACME GmbH", nextcloud_folder="/CRM/ACME")
        backend.insert_customer(connection, "Beta AG", nextcloud_folder="/CRM/Beta")
        backend.insert_media(connection, acme, filename="roof.jpg", mime_type="image/jpeg")
    prompts = ScriptedPrompts()
    result = create_main_window(path, settings, prompts)
    qtbot.addWidget(result)
    show_active(qtbot, result)
    yield result
    result.close()
    assert not prompts.errors, prompts.errors
    close_db()


def test_in_the_window_the_new_records_are_shown_and_selected(qtbot, window, tmp_path):
    customers = window.customers
    customers.select_customer(customers.model.loaded_rows[0].id)  # ACME is chosen
    photos = [files.image(tmp_path / f"beta{n}.jpg") for n in range(3)]
    drop(customers.view.viewport(), files.files_mime(*photos), row_point(customers, 1))
    ids = accept(qtbot, review_dialog(qtbot, customers.drops))
    assert window.media.customer_name == "Beta AG"
    assert sorted(record.id for record in window.media.selected_records()) == sorted(ids)
    assert window.media.model.rowCount() == 3
