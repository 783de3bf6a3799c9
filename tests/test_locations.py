from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.locations import Kind, LocationError, parse_location


def test_paths_and_sqlite_urls(tmp_path):
    plain = parse_location(str(tmp_path / "crm.sqlite3"))
    assert plain.kind is Kind.sqlite and plain.path == tmp_path / "crm.sqlite3"
    assert parse_location(f"sqlite://{tmp_path}/crm.sqlite3").path == tmp_path / "crm.sqlite3"
    assert parse_location("~/x.sqlite3").path == Path.home() / "x.sqlite3"
    assert plain.display_name == "crm.sqlite3" and str(plain) == str(tmp_path / "crm.sqlite3")


def test_server_urls():
    location = parse_location("postgresql://anna@db.office.example:5433/crm?sslmode=require")
    assert location.kind is Kind.postgresql and not location.is_file
    assert location.display_name == "crm on db.office.example"
    assert str(location) == "postgresql://anna@db.office.example:5433/crm?sslmode=require"
    assert parse_location("postgres:///crm?service=office").kind is Kind.postgresql


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("postgresql://anna:secret@host/crm", "password"),
        ("mysql://host/crm", "Unknown kind"),
        ("   ", "No database"),
        ("sqlite://", "names no file"),
    ],
)
def test_addresses_refused_in_words(text, words):
    with pytest.raises(LocationError, match=words):
        parse_location(text)
