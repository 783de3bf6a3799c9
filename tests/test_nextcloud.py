from __future__ import annotations

import pytest

from crm_desktop import nextcloud


def test_local_file_under_the_sync_folder(tmp_path):
    sync = tmp_path / "Nextcloud"
    (sync / "CRM" / "ACME").mkdir(parents=True)
    (sync / "CRM" / "ACME" / "a.jpg").write_bytes(b"x")
    assert nextcloud.local_file("/CRM/ACME/a.jpg", sync) == sync / "CRM" / "ACME" / "a.jpg"
    assert nextcloud.local_file("/CRM/ACME/missing.jpg", sync) is None
    assert nextcloud.local_file("/CRM/../../etc/passwd", sync) is None
    assert nextcloud.local_file("/CRM/ACME/a.jpg", "") is None


def test_path_for_file_inside_and_outside_the_sync_folder(tmp_path):
    sync = tmp_path / "Nextcloud"
    (sync / "CRM").mkdir(parents=True)
    inside = sync / "CRM" / "offer 1.pdf"
    inside.write_bytes(b"%PDF")
    outside = tmp_path / "Downloads" / "photo.jpg"
    outside.parent.mkdir()
    outside.write_bytes(b"x")
    assert nextcloud.path_for_file(inside, sync, "/CRM/Customers/ACME") == "/CRM/offer 1.pdf"
    assert nextcloud.path_for_file(outside, sync, "/CRM/Customers/ACME/") == (
        "/CRM/Customers/ACME/photo.jpg"
    )
    assert nextcloud.path_for_file(outside, None, None) == "/photo.jpg"
    assert nextcloud.join("CRM\\X", "a") == "/CRM/X/a"


@pytest.mark.parametrize(
    ("name", "fine"),
    [
        ("photo.jpg", True),
        ("Grüße 東京.pdf", True),
        ("a:b.jpg", False),
        ("what?.pdf", False),
        ("tab\there", False),
        ("trailing.", False),
        (".htaccess", False),
        ("   ", False),
        ("x" * 300, False),
    ],
)
def test_names_nextcloud_refuses(name, fine):
    assert (nextcloud.name_problem(name) is None) is fine


def test_safe_name():
    assert nextcloud.safe_name('ACME: "Roof" / Solar.') == "ACME- -Roof- - Solar"


@pytest.mark.parametrize(
    "stored",
    [
        "//etc/passwd",
        "\\\\etc\\passwd",
        "/CRM/../../../etc/passwd",
        "/CRM/../..",
        "/",
        "",
        "/CRM/link-out/passwd",
    ],
)
def test_no_stored_path_leads_outside_the_sync_folder(tmp_path, stored):
    """Whatever a row of another program says, the local file is inside the sync folder."""
    sync = tmp_path / "Nextcloud"
    (sync / "CRM").mkdir(parents=True)
    (sync / "etc").mkdir()  # a folder of that name inside is fine, the real /etc is not
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text("secret")
    (sync / "CRM" / "link-out").symlink_to(outside)
    assert nextcloud.local_file(stored, sync) is None
    target = nextcloud.in_sync_folder(stored, sync)
    assert target is None or target.is_relative_to(sync.resolve())


def test_a_path_inside_is_found_however_it_is_written(tmp_path):
    sync = tmp_path / "Nextcloud"
    (sync / "etc").mkdir(parents=True)
    (sync / "etc" / "passwd").write_text("a Nextcloud file of that name")
    expected = (sync / "etc" / "passwd").resolve()
    for stored in ("/etc/passwd", "//etc/passwd", "\\etc\\passwd", "etc//passwd"):
        assert nextcloud.local_file(stored, sync) == expected


def test_names_spelt_in_nfd_find_the_nfc_file_and_the_other_way_round(tmp_path):
    sync = tmp_path / "Nextcloud"
    (sync / "CRM").mkdir(parents=True)
    nfc_name, nfd_name = "Gr\u00fc\u00dfe.pdf", "Gru\u0308\u00dfe.pdf"
    (sync / "CRM" / nfc_name).write_bytes(b"%PDF")
    (sync / "CRM" / "Ba\u0308r.jpg").write_bytes(b"x")  # as a Mac named it
    assert nextcloud.local_file(f"/CRM/{nfd_name}", sync) == (sync / "CRM" / nfc_name).resolve()
    assert nextcloud.local_file("/CRM/B\u00e4r.jpg", sync) is not None
    assert nextcloud.join("/CRM", nfd_name) == f"/CRM/{nfc_name}"
    assert nextcloud.relative_to_sync_folder(sync / "CRM" / "Ba\u0308r.jpg", sync) == (
        "/CRM/B\u00e4r.jpg"
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("/CRM/ACME/a.jpg", "/CRM/ACME/a.jpg"),
        ("\\CRM\\ACME\\a.jpg", "/CRM/ACME/a.jpg"),
        ("  //CRM//ACME/a.jpg/ ", "/CRM/ACME/a.jpg"),
        ("CRM/Mu\u0308ller/a.jpg", "/CRM/M\u00fcller/a.jpg"),
        ("", "/"),
    ],
)
def test_one_reading_of_a_nextcloud_path(typed, stored):
    # The models, the drop's review and the sync folder all read a path through here.
    assert nextcloud.normalized(typed) == stored
    parts = [nextcloud.nfc(part) for part in nextcloud.split(typed.strip())]
    assert parts == [part for part in stored.split("/") if part]


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/CRM/ACME/a.jpg", None),
        ("", "empty"),
        ("/CRM/../a.jpg", "'.' or '..'"),
        ("/CRM/a:b/c.jpg", "characters Nextcloud refuses"),
    ],
)
def test_what_nextcloud_refuses_in_a_path(path, words):
    problem = nextcloud.path_problem(path)
    assert (problem is None) if words is None else (words in (problem or ""))
