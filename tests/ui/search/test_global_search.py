"""Global search in the window: Ctrl+K, results as you type grouped by kind, the keys of the
field, and the jump to a hit (its customer, the timeline entry however far down, the file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QLineEdit

from crm_desktop import service
from crm_desktop.app import create_main_window
from crm_desktop.database import close_db
from crm_desktop.database import search as search_index
from crm_desktop.database.search import work as index_work
from crm_desktop.settings import Settings
from crm_desktop.ui.reading import ReadingPane
from crm_desktop.ui.search.model import SearchRole
from tests.helpers import backend
from tests.helpers.processes import backend_edits
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        schroder = backend.insert_customer(
            connection, "Gerhard Schröder", id="schroder", notes="Giebel über der Garage"
        )
        backend.insert_customer(connection, "ACME GmbH", id="acme")
        backend.insert_comm(
            connection,
            schroder,
            id="giebel-mail",
            subject="Der gerissene Giebel",
            body="Die Überdachung am Carport ist undicht.",
            occurred_at="2026-03-01T09:00:00",
        )
        backend.insert_comm(
            connection, schroder, id="other", subject="Rückruf", occurred_at="2026-03-02T09:00:00"
        )
        backend.insert_media(connection, schroder, id="vollmacht", filename="Vollmacht.pdf")
        backend.insert_media(connection, schroder, id="roof", filename="roof.jpg", tags=["Giebel"])
    return path


def open_window(qtbot, path: Path, tmp_path: Path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    prompts = ScriptedPrompts()
    window = create_main_window(path, settings, prompts)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.prompts_for_test = prompts
    return window


@pytest.fixture
def window(qtbot, db_file, tmp_path):
    result = open_window(qtbot, db_file, tmp_path)
    yield result
    result.close()
    assert not result.prompts_for_test.errors, result.prompts_for_test.errors
    close_db()


def field(window) -> QLineEdit:
    return window.findChild(QLineEdit, "globalSearch")


def results(window) -> QAbstractItemView:
    return window.findChild(QAbstractItemView, "searchResults")


def type_search(qtbot, window, text: str) -> QAbstractItemView:
    """Ctrl+K, type ``text``, wait for its results to show."""
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert field(window).hasFocus()
    qtbot.keyClicks(field(window), text)
    view = results(window)
    popup = window.findChild(QFrame, "searchPopup")
    qtbot.waitUntil(lambda: not window.global_search.searching and popup.isVisible())
    return view


def shown(view: QAbstractItemView) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def current_title(view: QAbstractItemView) -> str:
    return view.currentIndex().data()


def test_results_as_you_type_grouped_by_kind(qtbot, window):
    view = type_search(qtbot, window, "gieb")
    assert shown(view) == [
        "Customers (1)",
        "Gerhard Schröder",
        "Communications (1)",
        "Der gerissene Giebel",
        "Files (1)",
        "roof.jpg",
    ]
    assert current_title(view) == "Gerhard Schröder"  # the best hit, ready for Enter
    (communication,) = [h for h in view.model().hits if h.kind == "communication"]
    assert communication.title[slice(*communication.title_matches[0])] == "Giebel"
    # Accents and case do not matter; each word is the beginning of one, in any order.
    qtbot.keyClicks(field(window), " uberd")
    qtbot.waitUntil(lambda: shown(view) == ["Communications (1)", "Der gerissene Giebel"])
    # Nothing found: said in words.
    qtbot.keyClicks(field(window), "xyz")
    status = window.findChild(QLabel, "searchStatus")
    qtbot.waitUntil(lambda: view.model().rowCount() == 0 and status.isVisible())
    assert "Nothing found" in status.text()


def test_keys_move_open_and_close(qtbot, window):
    window.customers.select_customer("acme")
    window.customers.view.setFocus()
    qtbot.waitUntil(window.customers.view.hasFocus)
    view = type_search(qtbot, window, "gieb")
    qtbot.keyClick(field(window), Qt.Key.Key_Down)
    assert current_title(view) == "Der gerissene Giebel"  # over the heading
    qtbot.keyClick(field(window), Qt.Key.Key_Down)
    qtbot.keyClick(field(window), Qt.Key.Key_Down)  # the last stays the last
    assert current_title(view) == "roof.jpg"
    qtbot.keyClick(field(window), Qt.Key.Key_Up)
    qtbot.keyClick(field(window), Qt.Key.Key_Up)
    assert current_title(view) == "Gerhard Schröder"
    assert field(window).hasFocus()  # the keys stayed in the field
    # Esc closes and goes back to where the person was; Ctrl+K returns to the words.
    qtbot.keyClick(field(window), Qt.Key.Key_Escape)
    assert not view.isVisible()
    assert window.customers.view.hasFocus()
    assert window.customers.current_id == "acme"  # nothing opened
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert field(window).hasFocus() and field(window).selectedText() == "gieb"
    assert view.isVisible()
    qtbot.keyClick(field(window), Qt.Key.Key_Down)
    qtbot.keyClick(field(window), Qt.Key.Key_Return)
    # The communication: its customer chosen, the entry selected in the timeline.
    assert not view.isVisible()
    assert window.customers.current_id == "schroder"
    assert window.timeline.current_entry().id == "giebel-mail"
    assert window.timeline.view.hasFocus()
    # The reading pane below the timeline follows its selection: the hit, read whole.
    pane = window.findChild(ReadingPane, "readingPane")
    qtbot.waitUntil(lambda: pane.entry is not None and pane.entry.id == "giebel-mail")
    assert "Carport" in pane.body.toPlainText()


def test_enter_right_after_typing_opens_the_best_hit(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field(window), "vollm")
    qtbot.keyClick(field(window), Qt.Key.Key_Enter)  # before the pause in typing is over
    qtbot.waitUntil(lambda: window.media.current_record() is not None)
    assert window.customers.current_id == "schroder"
    assert window.media.current_record().id == "vollmacht"


def test_a_click_opens_a_hit_even_where_filters_hide_it(qtbot, window):
    window.customers.search.setText("acme")  # the customer list shows ACME only
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 1)
    view = type_search(qtbot, window, "roof")
    row = next(r for r in range(view.model().rowCount()) if shown(view)[r] == "roof.jpg")
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(row, 0)).center(),
    )
    assert window.customers.current_id == "schroder"
    assert window.customers.search.text() == ""
    assert window.media.current_record().id == "roof"
    # The media panel's filters hide the file: they are cleared.
    window.media.filter_bar.tag.setText("nothing")
    window.media.apply_filters()
    qtbot.waitUntil(lambda: window.media.model.rowCount() == 0)
    view = type_search(qtbot, window, "roof")  # over the words selected by Ctrl+K
    qtbot.keyClick(field(window), Qt.Key.Key_Return)
    assert window.media.current_record().id == "roof"
    assert window.media.filter_bar.tag.text() == ""


def test_a_hit_deleted_meanwhile_is_said_plainly(qtbot, window):
    view = type_search(qtbot, window, "ruckruf")  # typed without its accent
    assert current_title(view) == "Rückruf"
    service.delete_comm("other")
    qtbot.keyClick(field(window), Qt.Key.Key_Return)
    assert "no longer there" in window.statusBar().currentMessage()


def test_the_jump_to_entry_15000_of_20000_loads_down_to_it(qtbot, db_file, tmp_path):
    """A hit far down a long timeline that is not loaded yet, hidden by the type filter."""
    from crm_desktop.database import init_db

    init_db(db_file)
    entries = [
        {
            "customer_id": "acme",
            "type": "note" if number == 4_999 else "email",
            "direction": "internal" if number == 4_999 else "inbound",
            "subject": "Kranwagen bestellt" if number == 4_999 else f"Eintrag {number}",
            "occurred_at": f"2020-01-01T00:00:00.{number:06d}",
        }
        for number in range(20_000)
    ]
    service.create_comms_many(entries)
    assert service.search_index_work().run()  # indexed as the window's worker would
    close_db()
    window = open_window(qtbot, db_file, tmp_path)
    try:
        window.customers.select_customer("acme")
        timeline = window.timeline
        timeline.type_buttons["email"].setChecked(True)  # hides the note
        qtbot.waitUntil(lambda: timeline.model.rowCount() > 0)
        assert timeline.model.rowCount() < 1_000
        view = type_search(qtbot, window, "kranw")
        assert shown(view) == ["Communications (1)", "Kranwagen bestellt"]
        qtbot.keyClick(field(window), Qt.Key.Key_Return)
        # The 15,000 entries above it are read on a worker; the window stays live.
        assert window.search_jump.busy and timeline.view.hasFocus()
        qtbot.waitUntil(lambda: not window.search_jump.busy)
        entry = timeline.current_entry()
        assert entry is not None and entry.subject == "Kranwagen bestellt"
        assert timeline.view.currentIndex().row() == 15_000  # newest first
        assert not timeline.type_buttons["email"].isChecked()  # the filter that hid it
        assert timeline.model.rowCount() < 16_000  # loaded down to it, not all 20,000
        assert timeline.view.visualRect(timeline.view.currentIndex()).intersects(
            timeline.view.viewport().rect()
        )
        pane = window.findChild(ReadingPane, "readingPane")
        qtbot.waitUntil(lambda: pane.entry is not None and pane.entry.id == entry.id)
    finally:
        window.close()
        close_db()


def test_until_the_index_is_built_search_says_so_and_still_finds(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "BUILD_AT_OPEN_ROWS", -1)
    monkeypatch.setattr(index_work, "BUILD_ROWS", 1)
    path = tmp_path / "backend.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        customer = backend.insert_customer(connection, "Kunde")
        for number in range(40):
            backend.insert_comm(connection, customer, subject=f"Giebel {number}")
    window = open_window(qtbot, path, tmp_path)
    window.search_index.stop()  # the index stays incomplete while we look
    try:
        view = type_search(qtbot, window, "giebel")
        status = window.findChild(QLabel, "searchStatus")
        assert status.isVisible() and "Preparing search" in status.text()
        assert view.model().rowCount() > 1  # what the slower scan found meanwhile
        assert all(h.kind == "communication" for h in view.model().hits)
    finally:
        window.close()
        close_db()


def test_headings_are_never_chosen(qtbot, window):
    window.customers.select_customer("acme")
    view = type_search(qtbot, window, "gieb")
    heading = view.model().index(0, 0)
    assert heading.data(SearchRole.IsHeading)
    center = view.visualRect(heading).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert view.isVisible() and window.customers.current_id == "acme"
    assert current_title(view) == "Gerhard Schröder"


def test_what_another_program_writes_shows_in_the_open_results(qtbot, window, db_file):
    """The backend logs an entry while the results are open: it appears in them by itself,
    within the live refresh's look (under 3 s), typed nothing."""
    view = type_search(qtbot, window, "kranw")
    assert view.model().rowCount() == 0
    backend_edits(
        db_file,
        {"op": "insert_comm", "customer_id": "acme", "id": "crane", "subject": "Kranwagen"},
    )
    qtbot.waitUntil(
        lambda: shown(view) == ["Communications (1)", "Kranwagen"] and view.isVisible(),
        timeout=3_000,
    )
    qtbot.keyClick(field(window), Qt.Key.Key_Return)
    assert window.customers.current_id == "acme"
    assert window.timeline.current_entry().id == "crane"


def test_a_file_far_down_a_long_media_list_is_selected(qtbot, db_file, tmp_path):
    from crm_desktop.database import init_db

    init_db(db_file)
    service.create_media_many(
        [
            {
                "customer_id": "acme",
                "filename": "Vollmacht_signiert.pdf" if number == 0 else f"Scan_{number:04d}.pdf",
                "nextcloud_path": f"/CRM/ACME/{number}.pdf",
            }
            for number in range(1_500)
        ]
    )
    assert service.search_index_work().run()
    close_db()
    window = open_window(qtbot, db_file, tmp_path)
    try:
        window.customers.select_customer("acme")
        media = window.media
        assert media.model.rowCount() < 1_500
        type_search(qtbot, window, "vollm sig")
        qtbot.keyClick(field(window), Qt.Key.Key_Return)
        assert media.current_record().filename == "Vollmacht_signiert.pdf"
        # Sorted by another column: found all the same.
        media.model.sort(0, Qt.SortOrder.DescendingOrder)
        window.customers.select_customer("schroder")
        type_search(qtbot, window, "vollm sig")
        qtbot.keyClick(field(window), Qt.Key.Key_Return)
        assert media.current_record().filename == "Vollmacht_signiert.pdf"
    finally:
        window.close()
        close_db()


def test_the_same_on_a_file_and_on_an_office_server(qtbot, any_db, tmp_path):
    """The search runs on the worker's own connection: on a server as on a file."""
    customer = service.create_customer({"name": "Zimmerei Ökobau"}).id
    service.create_comm(
        {
            "customer_id": customer,
            "type": "call",
            "direction": "inbound",
            "subject": "Dachstuhl prüfen",
            "occurred_at": "2026-03-01T09:00:00",
        }
    )
    close_db()
    window = open_window(qtbot, any_db, tmp_path)
    try:
        view = type_search(qtbot, window, "okob")
        assert shown(view) == ["Customers (1)", "Zimmerei Ökobau"]
        view = type_search(qtbot, window, "dachst pruf")  # over the words Ctrl+K selected
        assert shown(view) == ["Communications (1)", "Dachstuhl prüfen"]
        qtbot.keyClick(field(window), Qt.Key.Key_Return)
        assert window.customers.current_id == customer
        assert window.timeline.current_entry().subject == "Dachstuhl prüfen"
    finally:
        window.close()
        close_db()
