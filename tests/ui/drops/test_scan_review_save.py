"""The drop core on real files: decoding a drag, scanning, reviewing, copying and saving."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl

from crm_desktop import service
from crm_desktop.errors import Cancelled, InvalidInputError
from crm_desktop.ui.drops import copying, save, scanning
from crm_desktop.ui.drops import items as drag_items
from crm_desktop.ui.drops.review import Duplicate, Review
from crm_desktop.ui.drops.save import Planned, Shared
from crm_desktop.ui.drops.scanning import ScanOptions
from tests.helpers import backend, files

ACME = "/CRM/ACME"


@pytest.fixture
def sync(tmp_path: Path) -> Path:
    folder = tmp_path / "Nextcloud"
    (folder / "CRM" / "ACME").mkdir(parents=True)
    return folder


@pytest.fixture
def customer(db_path) -> str:
    return service.create_customer({"name": "ACME GmbH", "nextcloud_folder": ACME}).id


def scan(*items: Path | str, sync: Path | None = None) -> list[scanning.Candidate]:
    return scanning.scan(drag_items.from_urls(items), ScanOptions(sync, ACME))


def stored(db_path: Path) -> list[dict]:
    with backend.connect(db_path) as connection:
        rows = connection.execute("SELECT * FROM crm_media ORDER BY created_at").fetchall()
        return [dict(row) for row in rows]


def tree_of(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# --- the drag's mime data -------------------------------------------------------------------


def test_dropped_keeps_order_and_tells_local_paths_from_urls(qapp, tmp_path):
    mime = files.files_mime(tmp_path / "b.pdf", "https://example.com/x", tmp_path / "a folder")
    items = drag_items.dropped(mime)
    assert [item.path for item in items] == [tmp_path / "b.pdf", None, tmp_path / "a folder"]
    assert items[1].source == "https://example.com/x"
    assert drag_items.has_local_files(mime)


def test_a_drag_without_local_files_is_not_for_us(qapp):
    web = files.files_mime("https://example.com/x")
    assert drag_items.dropped(web)[0].path is None
    assert not drag_items.has_local_files(web)
    text = QMimeData()
    text.setText("/etc/passwd")
    assert drag_items.dropped(text) == [] and not drag_items.has_local_files(text)
    assert drag_items.dropped(None) == [] and not drag_items.has_local_files(None)


def test_from_urls_takes_urls_paths_and_text(qapp, tmp_path):
    items = drag_items.from_urls([QUrl.fromLocalFile(str(tmp_path)), tmp_path, str(tmp_path)])
    assert {item.path for item in items} == {tmp_path}


# --- scanning -------------------------------------------------------------------------------


def test_a_folder_tree_is_taken_recursively_in_a_stable_order(qapp, tmp_path):
    root = files.tree(tmp_path / "Visit")
    photo = files.image(tmp_path / "single.jpg")
    found = scan(photo, root)
    assert [c.filename for c in found] == [
        "single.jpg",
        "front.png",
        "north.jpg",
        "notes.txt",
        "plan.pdf",
    ]
    assert all(c.ok for c in found)
    assert [c.mime_type for c in found] == [
        "image/jpeg",
        "image/png",
        "image/jpeg",
        "text/plain",
        "application/pdf",
    ]
    assert found[1].size == (root / "front.png").stat().st_size > 0
    assert [c.nextcloud_path for c in found][:2] == [f"{ACME}/single.jpg", f"{ACME}/front.png"]
    assert not any(c.in_sync_folder for c in found)
    assert scan(root) == found[1:]  # the same drop gives the same rows


def test_mime_type_comes_from_the_content_too(qapp, tmp_path):
    no_suffix = tmp_path / "scan"
    no_suffix.write_bytes(files.pdf_bytes())
    (candidate,) = scan(no_suffix)
    assert candidate.mime_type == "application/pdf"


def test_a_file_in_the_sync_folder_keeps_its_place(qapp, sync):
    plan = files.pdf(sync / "Shared" / "Plans" / "plan.pdf")
    (candidate,) = scan(plan, sync=sync)
    assert candidate.nextcloud_path == "/Shared/Plans/plan.pdf"
    assert candidate.in_sync_folder


def test_bad_files_are_listed_with_a_reason_and_the_rest_goes_through(qapp, tmp_path):
    good = files.text(tmp_path / "good.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    link = files.broken_link(tmp_path / "photo.jpg")
    pipe = files.fifo(tmp_path / "pipe")
    colon = files.text(tmp_path / "a:b.txt")
    nothing = tmp_path / "no files"
    nothing.mkdir()
    found = scan(
        good,
        empty,
        link,
        pipe,
        colon,
        "https://example.com/x",
        tmp_path / "missing.txt",
        nothing,
    )
    problems = {c.filename: c.problem for c in found}
    assert problems == {
        "good.txt": None,
        "empty.txt": "the file is empty",
        "photo.jpg": "it is a broken link (what it pointed to is gone)",
        "pipe": "it is not a regular file (a pipe, a device or a socket)",
        "a:b.txt": "the name contains characters Nextcloud refuses: :",
        "x": "it is not a file on this computer",
        "missing.txt": "it does not exist (any more)",
        "no files": "the folder has no files",
    }
    by_name = {c.filename: c for c in found}
    # A bad name can be fixed in the review; a missing or empty file cannot.
    assert by_name["a:b.txt"].file_problem is None and by_name["a:b.txt"].mime_type == "text/plain"
    assert by_name["empty.txt"].file_problem is not None
    assert by_name["x"].source == "https://example.com/x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_says_so(qapp, tmp_path):
    secret = files.text(tmp_path / "secret.txt")
    secret.chmod(0)
    (candidate,) = scan(secret)
    assert candidate.problem == "it cannot be read (no permission)"


def test_a_file_that_fails_to_open_is_reported(qapp, tmp_path, monkeypatch):
    # Root reads any file, so the refusal comes from a patched open().
    locked = files.text(tmp_path / "locked.txt")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    (candidate,) = scan(locked)
    assert candidate.problem == "it cannot be read (no permission)"


def test_a_link_loop_in_a_folder_is_walked_once(qapp, tmp_path):
    root = tmp_path / "loop"
    files.text(root / "a.txt")
    os.symlink(root, root / "again")
    assert [c.filename for c in scan(root)] == ["a.txt"]


def test_a_hidden_file_dropped_on_its_own_counts(qapp, tmp_path):
    hidden = files.text(tmp_path / ".notes.txt")
    (candidate,) = scan(hidden)
    assert candidate.ok


def test_scanning_can_be_cancelled(qapp, tmp_path):
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        cancel.set()

    items = drag_items.from_urls([files.text(tmp_path / f"{n}.txt") for n in range(5)])
    with pytest.raises(Cancelled):
        scanning.scan(items, ScanOptions(None, ACME), cancel, progress)
    assert seen == [1]


# --- the review -----------------------------------------------------------------------------


def review_of(tmp_path: Path, *names: str, recorded: set[str] = frozenset()) -> Review:
    paths = [files.text(tmp_path / name) for name in names]
    asked: list[list[str]] = []

    def lookup(wanted: list[str]) -> set[str]:
        asked.append(wanted)
        return set(wanted) & set(recorded)

    review = Review(scan(*paths), lookup)
    review.asked = asked  # type: ignore[attr-defined]
    return review


def test_recorded_and_repeated_files_are_flagged_and_skipped(qapp, tmp_path):
    again = files.text(tmp_path / "sub" / "a.txt")  # same name: the same Nextcloud path
    review = Review(
        scan(files.text(tmp_path / "a.txt"), files.text(tmp_path / "b.txt"), again),
        lambda paths: {f"{ACME}/b.txt"} & set(paths),
    )
    a, b, a_again = review.rows
    assert (a.duplicate, a.keep) == (None, True)
    assert (b.duplicate, b.keep) == (Duplicate.recorded, False)
    assert (a_again.duplicate, a_again.repeats, a_again.keep) == (Duplicate.repeated, 0, False)
    assert review.recorded_paths() == {f"{ACME}/b.txt"}
    # The person keeps the recorded one anyway.
    assert review.set_keep(1, True)
    assert [row.filename for row in review.kept()] == ["a.txt", "b.txt"]


def test_renaming_moves_the_path_and_clears_a_repeat(qapp, tmp_path):
    review = Review(
        scan(files.text(tmp_path / "a.txt"), files.text(tmp_path / "sub" / "a.txt")),
        lambda paths: set(),
    )
    review.set_filename(1, "a-second.txt")
    row = review.rows[1]
    assert row.nextcloud_path == f"{ACME}/a-second.txt"
    assert (row.duplicate, row.keep) == (None, True)  # not chosen by hand: it follows


def test_a_bad_name_can_be_fixed_in_the_review(qapp, tmp_path):
    review = review_of(tmp_path, "a:b.txt")
    row = review.rows[0]
    assert row.problem and not row.keep and not review.set_keep(0, True)
    review.set_filename(0, "a-b.txt")
    assert row.problem is None and row.keep
    assert row.nextcloud_path == f"{ACME}/a-b.txt"


def test_an_edited_path_is_cleaned_checked_and_looked_up(qapp, tmp_path):
    review = review_of(tmp_path, "a.txt", recorded={"/Other/a.txt"})
    review.set_nextcloud_path(0, "Other\\\\a.txt")
    row = review.rows[0]
    assert row.nextcloud_path == "/Other/a.txt"
    assert row.duplicate == Duplicate.recorded
    assert review.asked[-1] == ["/Other/a.txt"]  # type: ignore[attr-defined]
    review.set_nextcloud_path(0, "/CRM/../a.txt")
    assert row.problem == "the Nextcloud path cannot contain '.' or '..' folders"


def test_a_file_that_cannot_be_read_is_never_kept(qapp, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    review = Review(scan(empty), lambda paths: set())
    assert not review.rows[0].keep and not review.set_keep(0, True)
    assert not review.rows[0].fixable
    assert review.count(bad=True) == 1


def test_planned_copies_only_files_from_outside_the_sync_folder(qapp, tmp_path, sync):
    outside = files.text(tmp_path / "outside.txt")
    inside = files.text(sync / "CRM" / "ACME" / "inside.txt")
    review = Review(scan(outside, inside, sync=sync), lambda paths: set())
    planned = review.planned(copy_outside=True)
    assert [(p.filename, p.nextcloud_path, p.copy) for p in planned] == [
        ("outside.txt", f"{ACME}/outside.txt", True),
        ("inside.txt", f"{ACME}/inside.txt", False),
    ]
    assert not any(p.copy for p in review.planned(copy_outside=False))


# --- copying --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "numbered"),
    [
        ("photo.jpg", "photo (2).jpg"),
        ("backup.tar.gz", "backup (2).tar.gz"),
        ("README", "README (2)"),
        (".profile", ".profile (2)"),
    ],
)
def test_numbered_names(name, numbered):
    assert copying.numbered(name, 2) == numbered


def test_copies_never_overwrite_and_undo_removes_only_its_own(qapp, tmp_path, sync):
    existing = files.text(sync / "CRM" / "ACME" / "photo.jpg", "someone else's")
    source = files.image(tmp_path / "photo.jpg")
    copier = copying.Copier(sync, reserved={f"{ACME}/photo (2).jpg"})
    first = copier.copy(source, f"{ACME}/photo.jpg")
    second = copier.copy(source, f"{ACME}/PHOTO.jpg")  # the same name to Windows clients
    fresh = copier.copy(source, f"{ACME}/New/Folder/photo.jpg")
    assert (first, second, fresh) == (
        f"{ACME}/photo (3).jpg",
        f"{ACME}/PHOTO (4).jpg",
        f"{ACME}/New/Folder/photo.jpg",
    )
    copy = sync / "CRM" / "ACME" / "photo (3).jpg"
    assert copy.read_bytes() == source.read_bytes()
    assert copy.stat().st_mtime_ns == source.stat().st_mtime_ns
    assert existing.read_text() == "someone else's"
    copier.undo()
    assert tree_of(sync) == ["CRM", "CRM/ACME", "CRM/ACME/photo.jpg"]


def test_copies_take_nfd_and_nfc_spellings_of_a_name_as_one(qapp, tmp_path, sync):
    """A Mac names "Grüße.jpg" in NFD: the NFC copy must not sit beside it as a second file."""
    files.text(sync / "CRM" / "ACME" / "Gru\u0308\u00dfe.jpg", "a Mac's file")
    source = files.image(tmp_path / "photo.jpg")
    copier = copying.Copier(sync, reserved={f"{ACME}/Ba\u0308r.jpg"})
    assert copier.copy(source, f"{ACME}/Gr\u00fc\u00dfe.jpg") == f"{ACME}/Gr\u00fc\u00dfe (2).jpg"
    assert copier.copy(source, f"{ACME}/B\u00e4r.jpg") == f"{ACME}/B\u00e4r (2).jpg"


def test_a_copy_never_leaves_the_sync_folder(qapp, tmp_path, sync):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (sync / "CRM" / "ACME" / "out").symlink_to(outside)
    copier = copying.Copier(sync)
    source = files.image(tmp_path / "photo.jpg")
    for path in (f"{ACME}/out/photo.jpg", "/CRM/../../photo.jpg"):
        with pytest.raises(ValueError, match="sync folder"):
            copier.copy(source, path)
    assert list(outside.iterdir()) == []


def test_a_copy_into_an_impossible_place_says_which_file(qapp, tmp_path, sync):
    (sync / "CRM" / "ACME" / "Blocked").write_text("a file, not a folder")
    copier = copying.Copier(sync)
    with pytest.raises(copying.CopyError, match=r"north\.jpg could not be copied"):
        copier.copy(files.image(tmp_path / "north.jpg"), f"{ACME}/Blocked/north.jpg")


# --- saving ---------------------------------------------------------------------------------


def plan_of(tmp_path: Path, count: int = 3, copy: bool = True) -> list[Planned]:
    planned = []
    for number in range(count):
        path = files.image(tmp_path / "in" / f"photo{number}.png")
        planned.append(
            Planned(
                path,
                path.name,
                f"{ACME}/{path.name}",
                "image/png",
                copy=copy,
                size=path.stat().st_size,
            )
        )
    return planned


SHARED = Shared(direction="received", tags="roof, before", order_id="A-17", uploaded_by="anna")


def test_save_copies_then_writes_every_record_once(qapp, tmp_path, sync, db_path, customer):
    files.text(sync / "CRM" / "ACME" / "photo0.png", "already there")
    planned = plan_of(tmp_path)
    progress: list[save.SaveProgress] = []
    records = save.save_drop(customer, planned, SHARED, sync, progress=progress.append)
    assert [r.filename for r in records] == ["photo0 (2).png", "photo1.png", "photo2.png"]
    rows = stored(db_path)
    assert len(rows) == 3
    first = next(row for row in rows if row["id"] == records[0].id)
    assert first["nextcloud_path"] == f"{ACME}/photo0 (2).png"
    assert first["filename"] == "photo0 (2).png"
    assert first["mime_type"] == "image/png"
    assert first["direction"] == "received"
    assert json.loads(first["tags"]) == ["roof", "before"]
    assert first["order_id"] == "A-17" and first["uploaded_by"] == "anna"
    assert first["customer_id"] == customer
    assert (sync / "CRM" / "ACME" / "photo2.png").read_bytes() == planned[2].source.read_bytes()
    assert progress[-1].writing and progress[-1].files_copied == 3


def test_cancel_during_a_copy_leaves_nothing(qapp, tmp_path, sync, db_path, customer):
    cancel = threading.Event()
    before = tree_of(sync)

    def progress(state: save.SaveProgress) -> None:
        if state.bytes_copied:  # a chunk of the first file is written: cancel now
            cancel.set()

    with pytest.raises(Cancelled):
        save.save_drop(customer, plan_of(tmp_path), SHARED, sync, cancel=cancel, progress=progress)
    assert stored(db_path) == []
    assert tree_of(sync) == before


def test_a_copy_error_in_the_middle_removes_the_copies(qapp, tmp_path, sync, db_path, customer):
    (sync / "CRM" / "ACME" / "Blocked").write_text("a file, not a folder")
    planned = plan_of(tmp_path)
    planned[2] = Planned(planned[2].source, "x.png", f"{ACME}/Blocked/x.png", copy=True)
    before = tree_of(sync)
    with pytest.raises(copying.CopyError):
        save.save_drop(customer, planned, SHARED, sync)
    assert stored(db_path) == []
    assert tree_of(sync) == before


def test_a_failed_write_removes_the_copies(qapp, tmp_path, sync, db_path, customer):
    before = tree_of(sync)
    service.delete_customer(customer)  # gone meanwhile: the transaction refuses the records
    with pytest.raises(InvalidInputError, match="no such customer"):
        save.save_drop(customer, plan_of(tmp_path), SHARED, sync)
    assert stored(db_path) == []
    assert tree_of(sync) == before


def test_an_invalid_row_stops_before_any_copy(qapp, tmp_path, sync, db_path, customer):
    planned = plan_of(tmp_path)
    planned[1] = Planned(planned[1].source, "  ", f"{ACME}/x.png", copy=True)
    before = tree_of(sync)
    with pytest.raises(InvalidInputError) as raised:
        save.save_drop(customer, planned, SHARED, sync)
    assert set(raised.value.field_errors) == {"rows.1.filename"}
    assert stored(db_path) == [] and tree_of(sync) == before


def test_an_invalid_shared_field_names_the_field(qapp, db_path, customer):
    with pytest.raises(InvalidInputError) as raised:
        save.check_shared(customer, Shared(direction="sideways"))
    assert set(raised.value.field_errors) == {"direction"}


def test_without_copies_the_records_point_at_the_customer_folder(qapp, tmp_path, db_path, customer):
    records = save.save_drop(customer, plan_of(tmp_path, 2, copy=False), Shared())
    assert [r.nextcloud_path for r in records] == [f"{ACME}/photo0.png", f"{ACME}/photo1.png"]
    assert service.existing_media_paths(customer, [f"{ACME}/photo0.png", "/x"]) == {
        f"{ACME}/photo0.png"
    }
