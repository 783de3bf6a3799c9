"""A customer's dossier as CSV and as PDF, read back the way others read them: Python's
csv module (as Excel would) and pypdf (as a PDF reader extracts the text)."""

from __future__ import annotations

import csv
from pathlib import Path

import pypdf
import pytest

from crm_desktop import service
from crm_desktop.errors import Cancelled
from crm_desktop.service import TimelineFilter
from crm_desktop.ui.dossier import csv_file, text
from crm_desktop.ui.dossier.export import ExportFormat, UnknownFormatError, export_dossier
from crm_desktop.ui.dossier.text import DossierRequest
from tests.helpers import backend

TRICKY = (
    'He said "hello", then left;\nnew line, € 1.234,56 — Grüße aus Köln, Øresund, Ελλάδα, Москва'
)
LONG_BODY = "\n".join(f"Zeile {n}: Müller & Söhne prüfen das Dach." for n in range(200))


@pytest.fixture
def dossier(qapp, db_path: Path) -> dict[str, str]:
    customer = service.create_customer(
        {
            "name": "Müller & Söhne",
            "organization": "Müller & Söhne GmbH",
            "email": "info@mueller.example",
            "phone": "+49 30 1234",
            "address": "Hauptstraße 1\n10115 Berlin",
            "notes": "Schlüssel beim Nachbarn",
            "tags": ["VIP", "Solar"],
            "nextcloud_folder": "/CRM/Müller",
        }
    ).id
    ids = {"customer": customer}
    ids["tricky"] = service.create_comm(
        {
            "customer_id": customer,
            "type": "email",
            "direction": "inbound",
            "subject": 'Angebot, "final"',
            "body": TRICKY,
            "attachments": [
                {"filename": "Angebot_2026.pdf", "nextcloud_path": "/CRM/Müller/Angebot_2026.pdf"},
                {"filename": "Dach.jpg", "nextcloud_path": "/CRM/Müller/Dach.jpg"},
            ],
            "logged_by": "anna",
            "occurred_at": "2026-03-02T09:30:00",
        }
    ).id
    ids["call"] = service.create_comm(
        {
            "customer_id": customer,
            "type": "call",
            "direction": "outbound",
            "subject": "Rückruf",
            "occurred_at": "2026-03-01T08:00:00",
        }
    ).id
    ids["long"] = service.create_comm(
        {
            "customer_id": customer,
            "type": "note",
            "direction": "internal",
            "subject": "Protokoll",
            "body": LONG_BODY,
            "occurred_at": "2026-02-01T12:00:00",
        }
    ).id
    service.create_media(
        {
            "customer_id": customer,
            "filename": "Dachfoto.jpg",
            "nextcloud_path": "/CRM/Müller/Dachfoto.jpg",
            "mime_type": "image/jpeg",
            "direction": "received",
            "tags": ["Dach"],
        }
    )
    return ids


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    # Qt places each word on its own; pypdf joins them with spaces or tabs.
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_csv_has_one_row_a_communication_with_every_value_exact(dossier, tmp_path):
    target = tmp_path / "out.csv"
    result = export_dossier(DossierRequest(dossier["customer"]), target, "crm.sqlite3", ",")
    assert result.format is ExportFormat.csv and result.entries == 3

    header, *rows = read_csv(target)
    assert header[:5] == ["Date (local time)", "Type", "Direction", "Subject", "Body"]
    assert [row[-1] for row in rows] == [dossier["tricky"], dossier["call"], dossier["long"]]
    tricky = dict(zip(header, rows[0], strict=True))
    assert tricky["Body"] == TRICKY
    assert tricky["Subject"] == 'Angebot, "final"'
    assert tricky["Attachments"] == "Angebot_2026.pdf\nDach.jpg"
    assert tricky["Type"] == "E-mail" and tricky["Direction"] == "Inbound"
    assert tricky["Logged by"] == "anna" and tricky["Customer"] == "Müller & Söhne"
    assert tricky["Date (local time)"] == text.sortable_moment("2026-03-02T09:30:00")
    assert rows[2][4] == LONG_BODY


def test_csv_takes_the_locales_separator_or_the_chosen_one(dossier, tmp_path):
    target = tmp_path / "semi.csv"
    export_dossier(DossierRequest(dossier["customer"]), target, "crm.sqlite3", ";")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[1][4] == TRICKY and len(rows) == 4


def test_csv_with_the_timelines_filters_and_oldest_first(dossier, tmp_path):
    target = tmp_path / "filtered.csv"
    request = DossierRequest(
        dossier["customer"],
        filters=TimelineFilter(types=frozenset({"call", "note"})),
        oldest_first=True,
    )
    export_dossier(request, target, "crm.sqlite3", ",")
    _header, *rows = read_csv(target)
    assert [row[-1] for row in rows] == [dossier["long"], dossier["call"]]


def test_pdf_has_the_card_every_communication_and_the_media_as_text(dossier, tmp_path):
    target = tmp_path / "dossier.pdf"
    result = export_dossier(DossierRequest(dossier["customer"]), target, "crm.sqlite3")
    assert result.format is ExportFormat.pdf and result.pages >= 3  # the long note takes pages

    words = pdf_text(target)
    for expected in [
        "Müller & Söhne GmbH",
        "info@mueller.example",
        "Hauptstraße 1 10115 Berlin",
        "VIP, Solar",
        "Schlüssel beim Nachbarn",
        "Communications (3, newest first)",
        'Angebot, "final"',
        'He said "hello", then left; new line, € 1.234,56 — Grüße aus Köln, Øresund, Ελλάδα',
        "Москва",
        "Attachments: Angebot_2026.pdf, Dach.jpg",
        "logged by anna",
        "Zeile 0: Müller & Söhne prüfen das Dach.",
        "Zeile 199: Müller & Söhne prüfen das Dach.",
        "Media (1)",
        "Dachfoto.jpg",
        "/CRM/Müller/Dachfoto.jpg",
        "JPEG image · Received · tags: Dach",
        text.moment("2026-03-02T09:30:00"),
    ]:
        assert expected in words, expected
    # Every line of the long note once: no line lost or drawn twice at a page break.
    for number in range(200):
        assert words.count(f"Zeile {number}:") == 1, number
    assert words.index("Rückruf") < words.index("Protokoll")  # newest first


def test_pdf_embeds_its_fonts(dossier, tmp_path):
    target = tmp_path / "dossier.pdf"
    export_dossier(DossierRequest(dossier["customer"]), target, "crm.sqlite3")
    reader = pypdf.PdfReader(target)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert any("DejaVuSans" in name for name in names), names
    for font in fonts.values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"]  # embedded, not referenced
    assert "Müller & Söhne" in str(reader.metadata.title)


def test_pdf_with_filters_says_so(dossier, tmp_path):
    target = tmp_path / "calls.pdf"
    request = DossierRequest(dossier["customer"], filters=TimelineFilter(types=frozenset({"call"})))
    export_dossier(request, target, "crm.sqlite3")
    words = pdf_text(target)
    assert "Communications (1, newest first)" in words
    assert "filters show (Call): 1 of 3" in words
    assert "Rückruf" in words and "Protokoll" not in words


def test_a_failed_or_cancelled_export_leaves_the_old_file_and_nothing_else(
    dossier, tmp_path, monkeypatch
):
    monkeypatch.setattr(csv_file, "CHECK_EVERY", 10)
    target = tmp_path / "dossier.pdf"
    target.write_bytes(b"the export of last week")
    for _ in range(60):  # enough entries for more than one batch
        service.create_comm(
            {"customer_id": dossier["customer"], "type": "sms", "direction": "inbound"}
        )
    with pytest.raises(Cancelled):
        export_dossier(
            DossierRequest(dossier["customer"]), target, "crm.sqlite3", cancelled=lambda: True
        )
    with pytest.raises(Cancelled):
        export_dossier(
            DossierRequest(dossier["customer"]),
            tmp_path / "new.csv",
            "crm.sqlite3",
            cancelled=lambda: True,
        )
    assert target.read_bytes() == b"the export of last week"
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("crm.sqlite3"))
    assert left == ["dossier.pdf", "home"]


def test_an_export_replaces_a_file_only_when_finished(dossier, tmp_path):
    target = tmp_path / "dossier.csv"
    target.write_bytes(b"old")
    export_dossier(DossierRequest(dossier["customer"]), target, "crm.sqlite3")
    assert len(read_csv(target)) == 4


def test_only_pdf_and_csv(dossier, tmp_path):
    with pytest.raises(UnknownFormatError):
        export_dossier(DossierRequest(dossier["customer"]), tmp_path / "x.docx", "crm.sqlite3")
    assert not (tmp_path / "x.docx").exists()


def test_rows_other_programs_wrote_are_exported_as_they_are(qapp, db_path, tmp_path):
    with backend.connect(db_path) as connection:
        customer = backend.insert_customer(connection, "Foreign")
        backend.insert_comm(
            connection, customer, type="fax", attachments="{broken", subject="Telefax"
        )
    target = tmp_path / "foreign.pdf"
    export_dossier(DossierRequest(customer), target, "crm.sqlite3")
    words = pdf_text(target)
    assert "fax" in words and "Telefax" in words and "Stored as another program wrote it" in words


def test_no_page_ends_with_an_entrys_heading(qapp, db_path, tmp_path):
    customer = service.create_customer({"name": "Paging"}).id
    for number in range(60):
        service.create_comm(
            {
                "customer_id": customer,
                "type": "email",
                "direction": "inbound",
                "subject": f"Subject {number}",
                "body": "\n".join(f"line {number}.{n}" for n in range(number % 9 + 1)),
                "occurred_at": f"2026-01-01T{number // 60:02d}:{number % 60:02d}:00",
            }
        )
    target = tmp_path / "paging.pdf"
    result = export_dossier(DossierRequest(customer), target, "crm.sqlite3")
    assert result.pages >= 3
    for page in pypdf.PdfReader(target).pages[:-1]:
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
        last = [line for line in lines if line][-1]
        assert "E-mail · Inbound" not in last and not last.startswith("Subject"), last
