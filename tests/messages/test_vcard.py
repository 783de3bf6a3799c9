"""vCard files: versions 2.1, 3.0 and 4.0, several per file, and broken cards."""

from __future__ import annotations

from crm_desktop.messages import SourceFormat, read_message_file

CARDS = """\
BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg;;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B6rg M=C3=BCller
TEL;CELL:+49 170 1234567
TEL;WORK;VOICE:030 123456
EMAIL;INTERNET:joerg@example.de
ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Hauptstra=C3=9Fe 1;Berlin;;10115;Deutschland
NOTE;ENCODING=QUOTED-PRINTABLE:Line one=0D=0A=
Line two
ORG:ACME GmbH;Sales
CATEGORIES:Kunde,VIP
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Smith;Anna;;;
EMAIL;TYPE=INTERNET,WORK:anna@example.com
EMAIL;TYPE=HOME:anna.private@example.com
TEL;TYPE=CELL:(555) 123-4567
ADR;TYPE=HOME:;;1 Main St;Springfield;IL;62701;USA
NOTE:Met at the fair\\, likes tea\\nSecond line
CATEGORIES:customer,lead
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Bob
EMAIL:bob@example.org
TEL;VALUE=uri;TYPE=cell:tel:+1-555-555-5555
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN;BROKEN
END:VCARD
"""


def test_three_versions_in_one_file(tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text(CARDS.replace("\n", "\r\n"), encoding="utf-8")
    outcome = read_message_file(path)
    assert outcome.ok and outcome.source_format is SourceFormat.vcard
    joerg, anna, bob = outcome.contacts
    assert joerg.name == "Jörg Müller"
    assert joerg.organization == "ACME GmbH, Sales"
    assert (joerg.email, joerg.phone) == ("joerg@example.de", "+49 170 1234567")
    assert joerg.address == "Hauptstraße 1\n10115 Berlin\nDeutschland"
    assert joerg.notes == "Line one\nLine two\n\nPhone: 030 123456"
    assert joerg.categories == ("Kunde", "VIP")
    assert anna.name == "Anna Smith"  # from N: there is no FN
    assert anna.email == "anna@example.com"
    assert anna.emails == ("anna@example.com", "anna.private@example.com")
    assert (
        anna.notes == "Met at the fair, likes tea\nSecond line\n\nE-mail: anna.private@example.com"
    )
    assert anna.address == "1 Main St\n62701 Springfield\nIL\nUSA"
    assert bob.phone == "+1-555-555-5555"
    assert outcome.problems == ("Contact 4 of the file could not be read.",)


def test_windows_1252_file_from_an_old_phone(tmp_path):
    path = tmp_path / "old.vcf"
    path.write_bytes("BEGIN:VCARD\nVERSION:2.1\nFN:Jörg Grüße\nEND:VCARD\n".encode("cp1252"))
    (contact,) = read_message_file(path).contacts
    assert contact.name == "Jörg Grüße"


def test_a_file_of_broken_cards_is_unreadable(tmp_path):
    path = tmp_path / "broken.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n", encoding="utf-8")
    assert read_message_file(path).unreadable == "None of the contacts in the file could be read."
