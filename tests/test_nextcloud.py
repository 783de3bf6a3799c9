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
