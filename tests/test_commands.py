"""``--export CUSTOMER --to FILE`` and ``--backup FILE``, as a script runs them."""

from __future__ import annotations

import csv
from pathlib import Path

import pypdf
import pytest

from tests.helpers import backend
from tests.test_app import crm

pytestmark = pytest.mark.slow


@pytest.fixture
def office(tmp_path: Path) -> dict[str, str]:
    """The backend's own file, with two customers of the same name."""
    path = tmp_path / "office.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        ids = {
            "path": str(path),
            "acme": backend.insert_customer(connection, "ACME GmbH", email="info@acme.example"),
            "twin1": backend.insert_customer(connection, "Erika Mustermann"),
            "twin2": backend.insert_customer(connection, "Erika Mustermann", organization="B"),
        }
        backend.insert_comm(
            connection,
            ids["acme"],
            subject="Angebot",
            body='Preis: 1.200 €, "netto"; Grüße',
            occurred_at="2026-03-01T09:00:00",
        )
    return ids


def test_export_csv_by_name_in_local_time(tmp_path, office, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    target = tmp_path / "acme.csv"
    result = crm(tmp_path, "--db", office["path"], "--export", "ACME GmbH", "--to", str(target))
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout and "1 communication of ACME GmbH" in result.stdout
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))  # a British locale: comma-separated
    assert rows[1][0] == "2026-03-01 10:00:00"  # 09:00 UTC is 10:00 in Berlin in March
    assert rows[1][3:5] == ["Angebot", 'Preis: 1.200 €, "netto"; Grüße']


def test_export_pdf_by_id(tmp_path, office):
    target = tmp_path / "acme.pdf"
    result = crm(tmp_path, "--db", office["path"], "--export", office["acme"], "--to", str(target))
    assert result.returncode == 0, result.stderr
    text = " ".join(pypdf.PdfReader(target).pages[0].extract_text().split())
    assert "ACME GmbH" in text and 'Preis: 1.200 €, "netto"; Grüße' in text


def test_an_ambiguous_name_is_refused_with_the_matching_ids(tmp_path, office):
    target = tmp_path / "erika.pdf"
    args = ("--db", office["path"], "--export", "Erika Mustermann", "--to", str(target))
    result = crm(tmp_path, *args)
    assert result.returncode == 1
    assert office["twin1"] in result.stderr and office["twin2"] in result.stderr
    assert office["acme"] not in result.stderr
    assert not target.exists() and not list(tmp_path.glob(".crm-desktop-*"))


def test_an_unknown_customer_is_named_and_nothing_is_written(tmp_path, office):
    target = tmp_path / "nobody.csv"
    result = crm(tmp_path, "--db", office["path"], "--export", "Nobody Ltd", "--to", str(target))
    assert result.returncode == 1 and "Nobody Ltd" in result.stderr
    assert not target.exists()


def test_export_needs_an_existing_database_and_a_known_format(tmp_path, office):
    missing = tmp_path / "none.sqlite3"
    result = crm(tmp_path, "--db", str(missing), "--export", "x", "--to", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and str(missing) in result.stderr and not missing.exists()
    result = crm(tmp_path, "--db", office["path"], "--export", "ACME GmbH", "--to", "x.docx")
    assert result.returncode == 1 and ".pdf or .csv" in result.stderr
    result = crm(tmp_path, "--db", office["path"], "--export", "ACME GmbH")
    assert result.returncode == 2 and "--to" in result.stderr


def test_backup_makes_a_checked_copy_and_never_overwrites(tmp_path, office):
    target = tmp_path / "backup.sqlite3"
    result = crm(tmp_path, "--db", office["path"], "--backup", str(target))
    assert result.returncode == 0, result.stderr
    assert "checked" in result.stdout
    check = crm(tmp_path, "--db", str(target), "--check")
    assert check.returncode == 0, check.stdout
    assert "crm_customers: compatible, 3 row(s)" in check.stdout

    before = target.read_bytes()
    again = crm(tmp_path, "--db", office["path"], "--backup", str(target))
    assert again.returncode == 1 and "never overwrites" in again.stderr
    assert target.read_bytes() == before


def test_backup_of_a_server_points_to_pg_dump(tmp_path):
    target = tmp_path / "server.sqlite3"
    result = crm(tmp_path, "--db", "postgresql://anna@localhost/crm", "--backup", str(target))
    assert result.returncode == 1 and "pg_dump" in result.stderr
    assert not target.exists()
