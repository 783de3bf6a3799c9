"""The review table's model over real files: cells, ticks, edits, and Qt's model rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crm_desktop.ui.drops import items as drag_items
from crm_desktop.ui.drops import scanning
from crm_desktop.ui.drops.model import DropColumn, DropReviewModel, DropRole
from crm_desktop.ui.drops.review import Review
from crm_desktop.ui.drops.scanning import ScanOptions
from tests.helpers import files

CHECK = Qt.ItemDataRole.CheckStateRole


@pytest.fixture
def model(qapp, qtmodeltester, tmp_path):
    paths = [
        files.image(tmp_path / "front.png"),
        files.pdf(tmp_path / "plan.pdf"),
        files.text(tmp_path / "sub" / "front.png", "same name, other folder"),
        files.text(tmp_path / "a:b.txt"),
        tmp_path / "missing.jpg",
    ]
    candidates = scanning.scan(drag_items.from_urls(paths), ScanOptions(None, "/CRM/ACME"))
    result = DropReviewModel()
    result.set_review(Review(candidates, lambda wanted: {"/CRM/ACME/plan.pdf"} & set(wanted)))
    qtmodeltester.check(result)
    return result


def cell(model, row: int, column: DropColumn, role=Qt.ItemDataRole.DisplayRole):
    return model.index(row, column).data(role)


def test_one_row_per_file_with_its_details(model):
    assert model.rowCount() == 5 and model.columnCount() == len(DropColumn)
    assert cell(model, 0, DropColumn.filename) == "front.png"
    # The type in words; the MIME type itself in the tooltip and to edit.
    assert cell(model, 0, DropColumn.mime_type) == "PNG image"
    assert cell(model, 0, DropColumn.mime_type, Qt.ItemDataRole.ToolTipRole) == "image/png"
    assert cell(model, 0, DropColumn.mime_type, Qt.ItemDataRole.EditRole) == "image/png"
    assert cell(model, 0, DropColumn.size)  # e.g. "96 bytes", in the locale's words
    assert cell(model, 0, DropColumn.nextcloud_path) == "/CRM/ACME/front.png"
    assert [cell(model, row, DropColumn.status) for row in range(5)] == [
        "New",
        "Already recorded: skipped",
        "Same path as row 1: skipped",
        "Not recorded: the name contains characters Nextcloud refuses: :",
        "Not recorded: it does not exist (any more)",
    ]
    assert [cell(model, row, DropColumn.record, CHECK) for row in range(5)] == [
        Qt.CheckState.Checked,
        Qt.CheckState.Unchecked,
        Qt.CheckState.Unchecked,
        None,
        None,
    ]
    assert cell(model, 0, DropColumn.filename, DropRole.Row).filename == "front.png"


def test_flags_let_good_rows_be_edited_and_bad_files_only_be_seen(model):
    good = model.flags(model.index(0, DropColumn.filename))
    assert good & Qt.ItemFlag.ItemIsEditable and good & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(0, DropColumn.record)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(0, DropColumn.status)) & Qt.ItemFlag.ItemIsEditable
    bad_name = model.index(3, DropColumn.filename)
    assert model.flags(bad_name) & Qt.ItemFlag.ItemIsEditable  # it can be renamed
    assert not model.flags(model.index(3, DropColumn.record)) & Qt.ItemFlag.ItemIsUserCheckable
    missing = model.flags(model.index(4, DropColumn.filename))
    assert missing == Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
    assert not model.setData(model.index(4, DropColumn.filename), "x.jpg")


def test_ticking_and_renaming_through_the_model(qtbot, model):
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(model.index(1, DropColumn.record), Qt.CheckState.Checked, CHECK)
    assert cell(model, 1, DropColumn.status) == "Already recorded: recorded again"
    assert model.setData(model.index(3, DropColumn.filename), "a-b.txt")
    assert cell(model, 3, DropColumn.record, CHECK) == Qt.CheckState.Checked
    assert cell(model, 3, DropColumn.nextcloud_path) == "/CRM/ACME/a-b.txt"
    assert model.setData(model.index(2, DropColumn.nextcloud_path), "CRM/ACME/Notes/front.png")
    assert cell(model, 2, DropColumn.status) == "New"
    assert [row.filename for row in model.review.kept()] == [
        "front.png",
        "plan.pdf",
        "front.png",
        "a-b.txt",
    ]


def test_record_all_and_none(model):
    model.set_all_kept(False)
    assert model.review.kept() == []
    model.set_all_kept(True)  # not the duplicates: they stay the person's choice
    assert [row.filename for row in model.review.kept()] == ["front.png"]


def test_the_copy_choice_shows_in_the_status(qtbot, model):
    with qtbot.waitSignal(model.dataChanged):
        model.set_copy_outside(True)
    assert cell(model, 0, DropColumn.status) == "New: will be copied to Nextcloud"


def test_an_empty_model(qapp, qtmodeltester):
    model = DropReviewModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.row_at(0) is None
