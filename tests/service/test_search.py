"""service.search_all(): one search over customers, communications and media records, on a
SQLite file and on a PostgreSQL server alike (every test runs on both, see any_db)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop import service
from crm_desktop.service import TimelineFilter
from tests.helpers import backend


def hits(text: str, limit: int = 50) -> list[tuple[str, str]]:
    return [(hit.kind, hit.title) for hit in service.search_all(text, limit)]


@pytest.fixture
def office(db_path):
    """A small office: customers with their history, as the service records it."""
    schroder = service.create_customer(
        {
            "name": "Gerhard Schröder",
            "organization": "Ärztehaus Nord",
            "email": "g.schroeder@aerztehaus.example",
            "phone": "+49 30 5550123",
            "notes": "Schlüssel beim Hausmeister",
            "tags": ["Dach", "VIP"],
        }
    ).id
    francois = service.create_customer({"name": "François Lefèvre", "organization": "Bäckerei"})
    service.create_comm(
        {
            "customer_id": schroder,
            "type": "email",
            "direction": "inbound",
            "subject": "Der gerissene Giebel",
            "body": "Die Überdachung am Carport ist undicht.\nBitte um Rückruf.",
            "attachments": [{"filename": "Giebel_Foto.jpg", "nextcloud_path": "/CRM/G/a.jpg"}],
            "occurred_at": "2026-03-01T09:00:00",
        }
    )
    service.create_comm(
        {
            "customer_id": francois.id,
            "type": "call",
            "direction": "outbound",
            "body": "Rückruf: Lieferung der Brötchen verschiebt sich",
            "occurred_at": "2026-03-02T10:00:00",
        }
    )
    service.create_media(
        {
            "customer_id": schroder,
            "filename": "Vollmacht_unterschrieben.pdf",
            "nextcloud_path": "/CRM/G/Vollmacht_unterschrieben.pdf",
            "order_id": "A-2026-0042",
            "tags": ["Vertrag", "signiert"],
        }
    )
    return {"schroder": schroder, "francois": francois.id}


def test_every_kind_is_found_by_every_field(office):
    assert hits("schroder") == [("customer", "Gerhard Schröder")]  # name
    assert hits("arztehaus")[0] == ("customer", "Gerhard Schröder")  # organization
    assert ("customer", "Gerhard Schröder") in hits("aerztehaus")  # e-mail
    assert ("customer", "Gerhard Schröder") in hits("5550123")  # phone
    assert hits("hausmeister") == [("customer", "Gerhard Schröder")]  # notes
    assert ("customer", "Gerhard Schröder") in hits("vip")  # tags
    assert hits("gerissene") == [("communication", "Der gerissene Giebel")]  # subject
    assert hits("carport") == [("communication", "Der gerissene Giebel")]  # body
    assert hits("foto") == [("communication", "Der gerissene Giebel")]  # attachment name
    assert hits("vollmacht") == [("media", "Vollmacht_unterschrieben.pdf")]  # file name
    assert hits("signiert") == [("media", "Vollmacht_unterschrieben.pdf")]  # tags
    assert hits("A-2026-0042") == [("media", "Vollmacht_unterschrieben.pdf")]  # order id


def test_words_in_any_order_each_a_beginning_case_and_accents_ignored(office):
    assert hits("gieb") == [("communication", "Der gerissene Giebel")]
    assert hits("uberdach") == [("communication", "Der gerissene Giebel")]
    assert hits("ÜBERDACHUNG carp") == hits("carp uberdachung")
    assert hits("SCHRÖDER") == hits("schroder") == [("customer", "Gerhard Schröder")]
    assert hits("francois") == [("customer", "François Lefèvre")]
    assert hits("lefevre backe") == [("customer", "François Lefèvre")]
    assert hits("giebel brotchen") == []  # every word must match the same row
    assert hits("ebel") == []  # the beginning of a word, not any part of it


def test_hits_carry_ids_customers_times_and_the_matching_words(office):
    (comm,) = service.search_all("undicht")
    entry = service.get_comm(comm.id)
    assert comm.kind == "communication" and comm.customer_id == office["schroder"]
    assert comm.time == entry.occurred_at and comm.time.startswith("2026-03-01T09:00:00")
    assert comm.field == "body"
    assert comm.snippet.startswith("Die Überdachung am Carport ist undicht.")
    start, end = comm.snippet_matches[0]
    assert comm.snippet[start:end] == "undicht"
    (media,) = service.search_all("vollm")
    assert media.kind == "media" and media.customer_id == office["schroder"]
    assert media.title[slice(*media.title_matches[0])] == "Vollmacht"
    (customer,) = service.search_all("hausmeister")
    assert customer.kind == "customer" and customer.id == customer.customer_id
    assert customer.time is None and customer.field == "notes"


def test_a_message_without_subject_is_titled_by_its_first_line(office):
    (call,) = service.search_all("brotchen")
    assert call.title == "Rückruf: Lieferung der Brötchen verschiebt sich"


def test_best_matches_first_then_the_newest(db_path):
    giebel = service.create_customer({"name": "Hans Giebel"}).id
    other = service.create_customer({"name": "Anna Berg", "notes": "Giebel zeigt nach Süden"}).id
    for day, subject, body in (
        ("01", "Giebel", "old subject match"),
        ("05", "Angebot", "Giebel im Text, neu"),
        ("03", "Giebelreparatur", "newer subject match"),
        ("02", "Anfrage", "Giebel im Text, alt"),
    ):
        service.create_comm(
            {
                "customer_id": other,
                "type": "email",
                "direction": "inbound",
                "subject": subject,
                "body": body,
                "occurred_at": f"2026-01-{day}T08:00:00",
            }
        )
    ranked = hits("giebel")
    assert ranked == [
        ("customer", "Hans Giebel"),  # a customer's name first
        ("communication", "Giebel"),  # then titles: the whole word before a beginning
        ("communication", "Giebelreparatur"),
        ("customer", "Anna Berg"),  # then customers by any field
        ("communication", "Angebot"),  # then the rest, newest first
        ("communication", "Anfrage"),
    ]
    assert hits("giebel", limit=3) == ranked[:3]
    assert service.search_all("giebel", limit=0) == []
    assert giebel


def test_a_word_matching_nearly_every_row_still_gives_the_newest_first(db_path):
    customer = service.create_customer({"name": "ACME"}).id
    with backend.connect(db_path) as connection:
        for number in range(300):
            backend.insert_comm(
                connection,
                customer,
                subject=f"Nachricht {number}",
                body="Vielen Dank für Ihre Nachricht",
                occurred_at=f"2026-02-01T08:{number // 60:02d}:{number % 60:02d}",
            )
    found = service.search_all("nachricht", limit=20)
    assert [hit.time for hit in found] == sorted((hit.time for hit in found), reverse=True)
    assert found[0].title == "Nachricht 299" and len(found) == 20


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.one_of(
        st.text(),
        st.text(alphabet="\"*()-+:^{}[],.'\\ANDORNTEA \x00", max_size=40),
        st.sampled_from(
            [
                '"',
                "*",
                "AND",
                "OR NOT",
                "NEAR(",
                "NEAR(a b, 3)",
                "-giebel",
                "(((",
                "a:b",
                "{title}: x",
                "'; DROP TABLE crm_comms_log; --",
                "x" * 5000,
                "\x00",
                "\ud800",
                "\u202e\u05dc\u05d5\u05d7\u202c giebel",
                "مرحبا",
                "%_%",
                "giebel*",
                "^giebel",
            ]
        ),
    )
)
def test_any_text_is_a_query_and_none_raises(office, text):
    found = service.search_all(text)
    assert isinstance(found, list) and len(found) <= 50
    assert all(hit.kind in {"customer", "communication", "media"} for hit in found)


def test_rows_another_program_changed_are_found_as_they_are_now(db_path, office):
    """Whatever the index has caught up with: search reads those rows as they are now."""
    with backend.connect(db_path) as connection:
        new = backend.insert_comm(
            connection, office["francois"], subject="Kündigung Wartungsvertrag", body="Hallo"
        )
        (old,) = connection.execute(
            "SELECT id FROM crm_comms_log WHERE subject = 'Der gerissene Giebel'"
        ).fetchone()
        connection.execute(
            "UPDATE crm_comms_log SET subject = ?, body = ? WHERE id = ?",
            ("Dachrinne verstopft", "Laub", old),
        )
        connection.execute("DELETE FROM crm_media WHERE filename = 'Vollmacht_unterschrieben.pdf'")
    assert [hit.id for hit in service.search_all("kundigung")] == [new]
    assert hits("dachrinne") == [("communication", "Dachrinne verstopft")]
    assert hits("gerissene") == []  # its old words are gone with the update
    assert hits("vollmacht") == []


def test_the_status_of_a_complete_index(office):
    status = service.search_status()
    assert status.complete and status.message == "" and status.fraction == 1.0


# --- jumping to a hit that is not loaded yet -----------------------------------------------


def test_the_position_of_an_entry_in_a_long_timeline(db_path):
    """A hit can be entry 15,000 of 20,000: its row in the timeline's order, so that the
    view fetches pages up to it."""
    customer = service.create_customer({"name": "Hausverwaltung Spree"}).id
    with backend.connect(db_path) as connection:
        connection.execute("BEGIN")
        for number in range(20_000):
            backend.insert_comm(
                connection,
                customer,
                id=f"comm-{number:05d}",
                type="call" if number % 2 else "email",
                occurred_at=f"2020-01-01T00:00:00.{number:06d}",
                subject=f"entry {number}",
            )
        connection.execute("COMMIT")
    # Newest first: entry 19,999 is row 0; entry 4,999 is row 15,000.
    assert service.timeline_position(customer, "comm-04999") == 15_000
    assert service.timeline_position(customer, "comm-19999") == 0
    assert service.timeline_position(customer, "comm-00000") == 19_999
    calls = TimelineFilter(types=frozenset({"call"}))
    assert service.timeline_position(customer, "comm-04999", calls) == 7_500
    assert service.timeline_position(customer, "comm-04998", calls) is None  # filtered out
    assert service.timeline_position(customer, "nobody") is None
    assert service.timeline_position("another customer", "comm-04999") is None
    # The same row as paging through the timeline finds it.
    page = service.timeline_page(customer, calls, limit=7_501)
    assert page[7_500].id == "comm-04999"


def test_the_position_of_a_media_record(db_path):
    customer = service.create_customer({"name": "ACME"}).id
    with backend.connect(db_path) as connection:
        for number in range(30):
            backend.insert_media(
                connection,
                customer,
                id=f"media-{number:02d}",
                filename=f"IMG_{number}.jpg",
                tags=["roof"] if number % 3 == 0 else [],
            )
            connection.execute(
                "UPDATE crm_media SET created_at = ? WHERE id = ?",
                (f"2026-01-01T00:00:{number:02d}", f"media-{number:02d}"),
            )
    assert service.media_position(customer, "media-29") == 0
    assert service.media_position(customer, "media-00") == 29
    roof = service.MediaFilter(tag="roof")
    assert service.media_position(customer, "media-27", roof) == 0
    assert service.media_position(customer, "media-00", roof) == 9
    assert service.media_position(customer, "media-01", roof) is None
    assert service.media_page(customer, roof)[9].id == "media-00"


def test_a_huge_body_is_searched_in_its_beginning(db_path):
    """A pasted mail archive in one entry: its first 200,000 characters are indexed (a
    server's tsvector holds at most 1 MB), and the rest breaks nothing."""
    customer = service.create_customer({"name": "Archiv"}).id
    word = "\u0441\u043b\u043e\u0432\u043e"  # a Cyrillic word: two bytes a letter
    body = " ".join(f"{word}{number}" for number in range(300_000))
    service.create_comm(
        {
            "customer_id": customer,
            "type": "note",
            "direction": "internal",
            "body": f"Anfang {body} Schluss",
        }
    )
    (hit,) = service.search_all("anfang")
    assert hit.title.startswith(f"Anfang {word}0 {word}1") and len(hit.title) <= 120
    assert len(service.search_all(f"{word}1000")) == 1
    assert service.search_all("schluss") == []


def test_the_names_of_the_customers_of_hits(office):
    """What a list of hits shows beside each entry: whose it is, in one query."""
    customer_ids = [hit.customer_id for hit in service.search_all("giebel") if hit.customer_id]
    assert service.customer_names([*customer_ids, "gone", office["francois"]]) == {
        office["schroder"]: "Gerhard Schröder",
        office["francois"]: "François Lefèvre",
    }
    assert service.customer_names([]) == {}
