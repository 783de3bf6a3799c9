"""The window on a 1366x768 laptop: nothing essential cut off, what is elided whole in its
tooltip, columns sortable and chosen by the user, the layout remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView

from crm_desktop.app import create_main_window
from crm_desktop.settings import Settings
from crm_desktop.ui import timefmt
from crm_desktop.ui.columns import column_menu
from crm_desktop.ui.customers.model import CustomerColumn, CustomerRole
from crm_desktop.ui.media.model import MediaColumn
from tests.helpers import backend
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active

LONG_NAME = "Maximilian-Alexander von Hohenzollern-Sig"  # 40 characters and one
HUGE_NAME = "Gemeinnützige Wohnungsbaugenossenschaft " * 4
TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    backend.create_schema(path)
    with backend.connect(path) as connection:
        first = backend.insert_customer(
            connection,
            LONG_NAME,
            organization="Hohenzollern Immobilienverwaltung GmbH & Co. KG",
            email="m.hohenzollern@immobilien-hohenzollern.example",
        )
        backend.insert_customer(connection, HUGE_NAME.strip())
        connection.execute("BEGIN")
        for number in range(260):
            backend.insert_media(
                connection,
                first,
                filename=f"Wartungsprotokoll_Photovoltaikanlage_Sueddach_{number:03}.pdf",
                nextcloud_path=f"/CRM/H/Wartungsprotokoll_{number:03}.pdf",
                mime_type="application/pdf",
                created_at=f"2026-11-{1 + number % 28:02}T10:{number % 60:02}:00",
            )
        connection.execute("COMMIT")
    return path


@pytest.fixture
def open_window(qtbot, db_file, settings):
    windows = []

    def make():
        prompts = ScriptedPrompts()
        window = create_main_window(db_file, settings, prompts)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        show_active(qtbot, window)
        windows.append((window, prompts))
        return window

    yield make
    for window, prompts in windows:
        window.close()
        assert not prompts.errors, prompts.errors
    from crm_desktop.database import close_db

    close_db()


def customer_named(window, name: str) -> str:
    model = window.customers.model
    return next(row.id for row in model.loaded_rows if row.name == name)


def test_a_40_character_name_reads_whole_over_its_organization(qtbot, open_window):
    window = open_window()
    view = window.findChild(QTableView, "customerList")
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == LONG_NAME)
    name = model.index(row, CustomerColumn.customer_name)
    room = view.columnWidth(CustomerColumn.customer_name) - 8
    assert view.fontMetrics().horizontalAdvance(LONG_NAME) <= room
    assert view.rowHeight(row) >= 2 * view.fontMetrics().lineSpacing()
    assert name.data(CustomerRole.Detail).startswith("Hohenzollern Immobilienverwaltung")
    # Whatever is elided is whole in the tooltip.
    assert name.data(TOOLTIP).splitlines()[:3] == [
        LONG_NAME,
        "Hohenzollern Immobilienverwaltung GmbH & Co. KG",
        "m.hohenzollern@immobilien-hohenzollern.example",
    ]
    assert model.index(row, CustomerColumn.organization).data(TOOLTIP).startswith("Hohenzollern")
    # The last contact is worded without "…" ("yesterday 14:30" is its longest).
    assert view.columnWidth(CustomerColumn.last_contact) >= view.fontMetrics().horizontalAdvance(
        "yesterday 22:22"
    )


def test_a_long_name_never_pushes_the_splitters(qtbot, open_window):
    window = open_window()
    splitter = window.findChild(QSplitter, "mainSplitter")
    view = window.findChild(QTableView, "customerList")
    model = view.model()
    view.setFocus()
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    view.selectRow(rows[LONG_NAME])
    qtbot.waitUntil(lambda: window.timeline.title.text() == LONG_NAME)
    before = splitter.sizes()
    view.selectRow(rows[HUGE_NAME.strip()])
    qtbot.waitUntil(lambda: window.timeline.title.text() == HUGE_NAME.strip())
    window.centralWidget().layout().activate()
    assert splitter.sizes() == before
    assert window.width() == 1366
    title = window.timeline.title
    assert title.is_elided() and title.width() < title.fontMetrics().horizontalAdvance(
        HUGE_NAME.strip()
    )
    assert HUGE_NAME.strip() in title.toolTip()


def test_the_media_table_sorts_in_sql_and_stays_lazy(qtbot, open_window):
    window = open_window()
    assert window.customers.select_customer(customer_named(window, LONG_NAME))
    table = window.findChild(QTableView, "mediaView")
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    assert model.rowCount() < 260 and model.canFetchMore()  # a page, not the table
    newest = timefmt.short("2026-11-28T10:55:00")  # number 55
    assert model.index(0, MediaColumn.date).data() == newest  # newest first
    header = table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(MediaColumn.filename) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: header.sortIndicatorSection() == MediaColumn.filename)
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    expected = "Wartungsprotokoll_Photovoltaikanlage_Sueddach_000.pdf"
    assert model.index(0, MediaColumn.filename).data() == expected
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
    expected = "Wartungsprotokoll_Photovoltaikanlage_Sueddach_259.pdf"
    assert model.index(0, MediaColumn.filename).data() == expected
    assert model.rowCount() < 260 and model.canFetchMore()
    # The file name is elided in the middle (its number and extension stay); whole in
    # the tooltip.
    delegate = table.itemDelegateForColumn(MediaColumn.filename)
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, model.index(0, MediaColumn.filename))
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    assert model.index(0, MediaColumn.filename).data(TOOLTIP).splitlines()[:2] == [
        expected,
        "PDF document",  # the type in words, where the type column does not fit
    ]


def test_columns_are_chosen_on_the_header_and_remembered(qtbot, open_window):
    window = open_window()
    view = window.findChild(QTableView, "customerList")
    header: QHeaderView = view.horizontalHeader()
    assert header.isSectionHidden(CustomerColumn.organization)
    menu = column_menu(header)
    actions = {action.text(): action for action in menu.actions()}
    assert set(actions) == {"Name", "Organization", "E-mail or phone", "Last contact"}
    actions["Organization"].trigger()
    assert not header.isSectionHidden(CustomerColumn.organization)
    assert header.sectionSize(CustomerColumn.organization) > 40
    media_header = window.findChild(QAbstractItemView, "mediaView").horizontalHeader()
    media_header.resizeSection(MediaColumn.type, 133)
    window.close()

    again = open_window()
    header = again.findChild(QTableView, "customerList").horizontalHeader()
    assert not header.isSectionHidden(CustomerColumn.organization)
    media_header = again.findChild(QAbstractItemView, "mediaView").horizontalHeader()
    assert media_header.sectionSize(MediaColumn.type) == 133
    # The last column shown cannot be hidden: the table could not be brought back.
    for section in range(header.count()):
        header.setSectionHidden(section, section != 0)
    only = column_menu(header).actions()[0]
    assert only.isChecked() and not only.isEnabled()
