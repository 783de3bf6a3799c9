"""File icons from Qt's MIME database: aliases, generic icons and inheritance, so that no
common type gets the blank file."""

from __future__ import annotations

import pytest

from crm_desktop import paths
from crm_desktop.ui import icons


@pytest.mark.parametrize(
    ("mime_type", "stem"),
    [
        ("application/gzip", "file-archive"),
        ("application/x-7z-compressed", "file-archive"),
        ("application/x-xz", "file-archive"),
        ("application/zip", "file-archive"),
        ("application/json", "file-code"),
        ("application/xml", "file-code"),
        ("text/xml", "file-code"),  # an alias
        ("application/x-pdf", "file-text"),  # an alias of application/pdf
        ("application/pdf", "file-text"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "file-text"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "file-spreadsheet"),
        ("application/vnd.oasis.opendocument.presentation", "presentation"),
        ("text/csv", "file-spreadsheet"),
        ("text/plain", "file-text"),
        ("message/rfc822", "mail"),
        ("application/vnd.ms-outlook", "mail"),
        ("image/heic", "image"),
        ("image/x-never-heard-of", "image"),  # unknown to Qt: by its family
        ("video/mp4", "video"),
        ("audio/mpeg", "music"),
        ("application/octet-stream", "file"),
        ("", "file"),
        (None, "file"),
    ],
)
def test_a_type_gets_the_icon_of_its_kind(qapp, mime_type, stem):
    assert icons.mime_icon_stem(mime_type) == stem
    assert stem in icons.all_stems()
    assert not icons.mime_icon(mime_type).isNull()


def test_every_icon_the_app_names_is_shipped():
    folder = paths.resources_dir() / "icons"
    for stem in icons.all_stems():
        assert (folder / f"{stem}.svg").is_file(), stem
