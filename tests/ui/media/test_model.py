"""The media model: columns, roles, paging and filters in SQL, local files and thumbnails."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap

from crm_desktop import service
from crm_desktop.service import MediaFilter
from crm_desktop.ui import timefmt
from crm_desktop.ui.media.model import MediaColumn, MediaModel, MediaRole
from tests.helpers import backend
from tests.ui.media.conftest import make_image

DISPLAY = Qt.ItemDataRole.DisplayRole
DECORATION = Qt.ItemDataRole.DecorationRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def model(qapp, db_path):
    result = MediaModel()
    yield result
    result.shutdown()


def cell(model: MediaModel, row: int, column: MediaColumn, role: int = DISPLAY):
    return model.index(row, column).data(role)


def add_foreign_rows(db_path, customer_id: str) -> None:
    """Rows another client wrote: an unknown direction, tags that are not JSON, odd values."""
    with backend.connect(db_path) as connection:
        backend.insert_media(
            connection,
            customer_id,
            filename="scan.tiff",
            nextcloud_path="/CRM/ACME/scan.tiff",
            mime_type="x-unknown/whatever",
            direction="lost",
            tags="not json",
            created_at="yesterday",
        )
        backend.insert_media(connection, customer_id, filename="notes", mime_type=None)


def test_model_tester_with_records(qtmodeltester, model, db_path, customer_id, add_media):
    add_media("roof.jpg", mime_type="image/jpeg", direction="received", tags=["roof"])
    add_media("quote.pdf", mime_type="application/pdf", direction="sent", order_id="A-1")
    add_foreign_rows(db_path, customer_id)
    model.set_customer(customer_id)
    assert model.rowCount() == 4
    qtmodeltester.check(model)


def test_model_tester_without_customer(qtmodeltester, model, customer_id, add_media):
    add_media()
    assert not model.is_active()
    assert model.rowCount() == 0 and not model.canFetchMore()
    qtmodeltester.check(model)
    model.set_customer(customer_id)
    model.set_customer(None)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_model_tester_with_filters(qtmodeltester, model, customer_id, add_media):
    add_media("a.jpg", order_id="A-1", direction="sent", tags=["red"])
    add_media("b.jpg", order_id="B-2", direction="received", tags=["reddish"])
    model.set_customer(customer_id)
    model.set_filter(MediaFilter(tag="red"))
    assert [r.filename for r in model.loaded_rows] == ["a.jpg"]
    qtmodeltester.check(model)
    model.set_filter(MediaFilter(direction="received", order_id="B"))
    assert [r.filename for r in model.loaded_rows] == ["b.jpg"]
    qtmodeltester.check(model)


def test_pages_of_450_records(model, customer_id):
    service.create_media_many(
        [
            {"customer_id": customer_id, "filename": f"{n:03}.jpg", "nextcloud_path": f"/{n}.jpg"}
            for n in range(450)
        ]
    )
    model.set_customer(customer_id)
    assert model.rowCount() == model.FIRST_PAGE_SIZE and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    assert len({row.id for row in model.loaded_rows}) == 450


def test_columns_show_the_record_in_words(model, customer_id, add_media):
    record = add_media(
        "roof.jpg",
        mime_type="image/jpeg",
        direction="received",
        tags=["roof", "damage"],
        order_id="A-1001",
        uploaded_by="anna",
    )
    model.set_customer(customer_id)
    assert [cell(model, 0, column) for column in MediaColumn] == [
        "roof.jpg",
        "JPEG image",
        "Received",
        "roof, damage",
        "A-1001",
        "anna",
        timefmt.short(record.created_at),
    ]
    assert cell(model, 0, MediaColumn.date, TOOLTIP).startswith(timefmt.exact(record.created_at))
    assert "/CRM/ACME/roof.jpg" in cell(model, 0, MediaColumn.filename, TOOLTIP)
    assert cell(model, 0, MediaColumn.filename, MediaRole.Record) == record
    assert cell(model, 0, MediaColumn.tags, MediaRole.Id) == record.id
    assert cell(model, 0, MediaColumn.filename, MediaRole.LocalFile) is None
    assert cell(model, 0, MediaColumn.filename, MediaRole.Extension) == "JPG"
    assert isinstance(cell(model, 0, MediaColumn.filename, DECORATION), QIcon)
    assert isinstance(cell(model, 0, MediaColumn.direction, DECORATION), QIcon)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in MediaColumn]
    assert headers == ["Filename", "Type", "Direction", "Tags", "Order", "Uploaded by", "Date"]


def test_foreign_rows_show_their_raw_values_and_problems(model, db_path, customer_id):
    add_foreign_rows(db_path, customer_id)
    model.set_customer(customer_id)
    row = model.find_row(next(r.id for r in model.loaded_rows if r.filename == "scan.tiff"))
    assert cell(model, row, MediaColumn.type) == "x-unknown/whatever"
    assert cell(model, row, MediaColumn.direction) == "lost"
    assert cell(model, row, MediaColumn.date) == "yesterday"
    assert isinstance(cell(model, row, MediaColumn.direction, DECORATION), QIcon)  # a warning
    tooltip = cell(model, row, MediaColumn.filename, TOOLTIP)
    assert "Unknown direction 'lost'" in tooltip and "not valid JSON" in tooltip
    plain = model.find_row(next(r.id for r in model.loaded_rows if r.filename == "notes"))
    assert cell(model, plain, MediaColumn.type) == ""
    assert cell(model, plain, MediaColumn.direction) == ""


def test_data_never_raises(model, customer_id, add_media, monkeypatch):
    add_media()
    model.set_customer(customer_id)

    def broken(_stored):
        raise ValueError("a date nobody expected")

    monkeypatch.setattr(timefmt, "short", broken)
    assert cell(model, 0, MediaColumn.date) is None
    assert cell(model, 0, MediaColumn.filename) == "photo.jpg"


def test_local_file_and_thumbnail_of_a_synced_image(
    qtbot, model, customer_id, add_media, sync_folder
):
    image = make_image(sync_folder / "CRM" / "ACME" / "roof.jpg", 800, 400)
    add_media("roof.jpg", mime_type="image/jpeg")
    add_media("missing.jpg", mime_type="image/jpeg")
    model.set_sync_folder(str(sync_folder))
    model.set_customer(customer_id)
    synced, missing = model.find_row(model.loaded_rows[1].id), 0
    assert cell(model, synced, MediaColumn.filename, MediaRole.LocalFile) == image
    assert cell(model, missing, MediaColumn.filename, MediaRole.LocalFile) is None

    def decoration_changed(top_left, _bottom_right, roles) -> bool:
        return top_left.row() == synced and DECORATION in roles

    with qtbot.waitSignal(model.dataChanged, check_params_cb=decoration_changed):
        assert cell(model, synced, MediaColumn.filename, MediaRole.Thumbnail) is None  # loading
    thumbnail = cell(model, synced, MediaColumn.filename, MediaRole.Thumbnail)
    assert isinstance(thumbnail, QPixmap)
    assert (thumbnail.width(), thumbnail.height()) == (160, 80)  # scaled, aspect kept
    assert isinstance(cell(model, synced, MediaColumn.filename, DECORATION), QIcon)
    assert cell(model, missing, MediaColumn.filename, MediaRole.Thumbnail) is None
    assert str(image) in cell(model, synced, MediaColumn.filename, TOOLTIP)


def test_a_changed_image_gets_a_new_thumbnail(qtbot, model, customer_id, add_media, sync_folder):
    image = make_image(sync_folder / "CRM" / "ACME" / "photo.png", 100, 100, "#ff0000")
    add_media("photo.png", mime_type="image/png")
    model.set_sync_folder(str(sync_folder))
    model.set_customer(customer_id)
    qtbot.waitUntil(lambda: cell(model, 0, MediaColumn.filename, MediaRole.Thumbnail) is not None)
    first = cell(model, 0, MediaColumn.filename, MediaRole.Thumbnail).toImage().pixelColor(5, 5)
    make_image(image, 100, 100, "#0000ff")
    stat = image.stat()
    os.utime(image, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    model.refresh()  # a re-read looks at the file again
    qtbot.waitUntil(lambda: cell(model, 0, MediaColumn.filename, MediaRole.Thumbnail) is not None)
    second = cell(model, 0, MediaColumn.filename, MediaRole.Thumbnail).toImage().pixelColor(5, 5)
    assert (first.name(), second.name()) == ("#ff0000", "#0000ff")


def test_a_file_that_is_no_image_keeps_its_type_icon(
    qtbot, model, customer_id, add_media, sync_folder
):
    broken = sync_folder / "CRM" / "ACME" / "broken.png"
    broken.write_bytes(b"this is not a PNG")
    add_media("broken.png", mime_type="image/png")
    model.set_sync_folder(str(sync_folder))
    model.set_customer(customer_id)
    assert cell(model, 0, MediaColumn.filename, MediaRole.Thumbnail) is None
    stat = broken.stat()
    qtbot.waitUntil(lambda: model.thumbnails.is_known(broken, stat.st_mtime_ns))
    assert cell(model, 0, MediaColumn.filename, MediaRole.Thumbnail) is None
    assert isinstance(cell(model, 0, MediaColumn.filename, DECORATION), QIcon)
    assert cell(model, 0, MediaColumn.filename, MediaRole.LocalFile) == broken  # still openable


def test_changing_the_sync_folder_rereads_local_files(
    qtbot, model, customer_id, add_media, sync_folder
):
    make_image(sync_folder / "CRM" / "ACME" / "photo.jpg")
    add_media("photo.jpg", mime_type="image/jpeg")
    model.set_customer(customer_id)
    assert cell(model, 0, MediaColumn.filename, MediaRole.LocalFile) is None
    with qtbot.waitSignal(model.dataChanged):
        model.set_sync_folder(str(sync_folder))
    assert cell(model, 0, MediaColumn.filename, MediaRole.LocalFile) is not None
    qtbot.waitUntil(lambda: cell(model, 0, MediaColumn.filename, MediaRole.Thumbnail) is not None)


def test_a_stored_path_pointing_outside_the_sync_folder_is_no_local_file(
    model, db_path, customer_id, sync_folder
):
    """Another program stored ``//etc/passwd``: no thumbnail, no Open, no tooltip path."""
    with backend.connect(db_path) as connection:
        backend.insert_media(
            connection, customer_id, filename="passwd", nextcloud_path="//etc/passwd"
        )
        backend.insert_media(
            connection, customer_id, filename="x", nextcloud_path="/CRM/../../../etc/hosts"
        )
    model.set_sync_folder(str(sync_folder))
    model.set_customer(customer_id)
    assert model.rowCount() == 2
    for row in range(2):
        assert cell(model, row, MediaColumn.filename, MediaRole.LocalFile) is None
        assert "On this computer" not in cell(model, row, MediaColumn.filename, TOOLTIP)
