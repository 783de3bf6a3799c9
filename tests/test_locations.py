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


SECRET = "Sup3rSecret"

# A password in every form libpq would take it: user-info, a query parameter (also
# percent-escaped, or beside a service), libpq's key=value form (also quoted), the TLS key's.
ADDRESSES_WITH_A_PASSWORD = [
    f"postgresql://anna:{SECRET}@host/crm",
    f"postgresql://anna@host/crm?password={SECRET}",
    f"postgres://anna@host/crm?sslmode=require&password={SECRET}",
    f"postgresql://anna@host/crm?pass%77ord={SECRET}",
    f"postgresql:///crm?service=office&password={SECRET}",
    f"postgresql://anna@host/crm?sslpassword={SECRET}",
    f"host=db.office.example dbname=crm password={SECRET}",
    f"host=db dbname=crm password='{SECRET} with spaces'",
    f"service=office password={SECRET}",
]


@pytest.mark.parametrize("address", ADDRESSES_WITH_A_PASSWORD)
def test_a_password_in_any_form_is_refused_and_never_repeated(address):
    with pytest.raises(LocationError, match="password") as refused:
        parse_location(address)
    assert SECRET not in str(refused.value)


def test_an_unreadable_address_is_refused_without_repeating_it():
    with pytest.raises(LocationError, match="cannot be read") as refused:
        parse_location(f"postgresql://anna@host/crm?x={SECRET}")
    assert SECRET not in str(refused.value)
    with pytest.raises(LocationError) as unknown:
        parse_location(f"mysql://anna:{SECRET}@host/crm")
    assert SECRET not in str(unknown.value)


def test_libpqs_key_value_form_names_a_server():
    location = parse_location("host=db.office.example port=5433 dbname=crm user=anna")
    assert location.kind is Kind.postgresql
    assert location.url == "postgresql://anna@db.office.example:5433/crm"
    assert location.display_name == "crm on db.office.example"
    service = parse_location("service=office sslmode=require")
    assert service.url == "postgresql:///?service=office&sslmode=require"
    assert service.display_name == "postgres on office"
    assert parse_location(Path("host=x.sqlite3")).is_file  # a file may be named so
