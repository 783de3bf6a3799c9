"""The customer list sorted and searched like an address book (issue 15, item 4): the same
on a file and on a server, through the list's own service queries."""

# Names as offices spell them: a dotless i is meant.
# ruff: noqa: RUF001

from __future__ import annotations

import pytest

from crm_desktop import service
from crm_desktop.database import close_db, init_db
from crm_desktop.service import CustomerSort
from tests.helpers import backend
from tests.helpers.processes import backend_edits

NAMES = (
    "Zimmer GmbH",
    "Öko Bäckerei",
    "Ärztehaus Nord",
    "Abel",
    "Otto Meyer",
    "Gerhard Schröder",
    "François Lefèvre",
    "Mehmet Yılmaz",
    "İstanbul Kebap",
    "Straße der Einheit e.V.",
    "muller",
    "Müller",
)


@pytest.fixture
def customers(db_path):
    return {name: service.create_customer({"name": name}).id for name in NAMES}


def names(search: str | None = None, **sorting) -> list[str]:
    return [row.name for row in service.customer_page(search, **sorting)]


def test_names_sort_as_in_an_address_book(customers):
    assert names() == [
        "Abel",
        "Ärztehaus Nord",
        "François Lefèvre",
        "Gerhard Schröder",
        "İstanbul Kebap",
        "Mehmet Yılmaz",
        "muller",
        "Müller",
        "Öko Bäckerei",
        "Otto Meyer",
        "Straße der Einheit e.V.",
        "Zimmer GmbH",
    ]
    assert names(descending=True) == list(reversed(names()))
    assert [c.name for c in service.list_customers()] == names()
    for position, name in enumerate(names()):
        assert service.customer_position(customers[name]) == position


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("schroder", {"Gerhard Schröder"}),
        ("SCHRÖDER", {"Gerhard Schröder"}),
        ("francois", {"François Lefèvre"}),
        ("lefevre fran", {"François Lefèvre"}),
        ("arzte", {"Ärztehaus Nord"}),
        ("yilmaz", {"Mehmet Yılmaz"}),
        ("YILMAZ", {"Mehmet Yılmaz"}),
        ("istanbul", {"İstanbul Kebap"}),
        ("strasse", {"Straße der Einheit e.V."}),
        ("muller", {"muller", "Müller"}),
        ("ller", {"muller", "Müller"}),  # any part of a word, as the list always searched
        ("otto zimmer", set()),
    ],
)
def test_search_ignores_case_and_accents(customers, typed, found):
    assert set(names(typed)) == found
    assert service.count_customers(typed) == len(found)
    for name in found:
        assert service.customer_position(customers[name], typed) == names(typed).index(name)


def test_search_covers_organization_email_and_phone(db_path):
    service.create_customer(
        {
            "name": "Anna",
            "organization": "Bäckerei Köhler",
            "email": "anna@koehler.example",
            "phone": "+49 30 5550123",
        }
    )
    for typed in ("kohler", "koehler", "5550", "anna@koehler", "+49 30"):
        assert names(typed) == ["Anna"], typed
    assert names("@") == ["Anna"]  # no letter or digit: looked for as typed
    assert names("%") == [] and names("_") == []


def test_organizations_sort_as_in_an_address_book(db_path):
    for name, organization in (("A", "Zebra AG"), ("B", "Ärzte eG"), ("C", None), ("D", "Öl KG")):
        service.create_customer({"name": name, "organization": organization})
    assert names(sort=CustomerSort.organization) == ["B", "D", "A", "C"]
    assert names(sort=CustomerSort.organization, descending=True) == ["A", "D", "B", "C"]


def test_edits_keep_the_order_current(customers):
    service.update_customer(customers["Abel"], {"name": "Zürich Versicherung"})
    assert names()[-1] == "Zürich Versicherung"
    service.delete_customer(customers["Zimmer GmbH"])
    assert "Zimmer GmbH" not in names() and names("zimmer") == []


def test_a_customer_another_program_wrote_is_listed_at_once(db_path, customers):
    """Until the index has read another program's change, the list goes by the shared
    columns: nobody is missing meanwhile."""
    backend_edits(
        db_path,
        {"op": "insert_customer", "name": "Ökobau Berlin", "id": "backend-1"},
        {"op": "update", "table": "crm_customers", "id": customers["Abel"], "set": {"name": "Abt"}},
    )
    assert "Ökobau Berlin" in names() and "Abt" in names() and "Abel" not in names()
    assert service.customer_position("backend-1") == names().index("Ökobau Berlin")
    assert service.count_customers() == len(NAMES) + 1
    work = service.search_index_work()
    assert work is not None and work.run()
    assert names()[names().index("Öko Bäckerei") + 1] == "Ökobau Berlin"
    assert names("okobau") == ["Ökobau Berlin"]


def test_rows_that_are_not_text_still_sort_and_search(tmp_path):
    """A name another program stored as bytes that are not UTF-8 (shown with U+FFFD; a
    server's text holds valid UTF-8 only)."""
    db_path = tmp_path / "crm.sqlite3"
    init_db(db_path)
    with backend.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO crm_customers (id, name, created_at, updated_at) "
            "VALUES ('bad', CAST(X'4DFC6C6C6572' AS TEXT), '2026-01-01', '2026-01-01')"
        )
    work = service.search_index_work()
    assert work is not None and work.run()
    assert [row.id for row in service.customer_page()] == ["bad"]
    assert service.customer_position("bad") == 0
    assert [row.id for row in service.customer_page("m ller")] == ["bad"]
    close_db()
