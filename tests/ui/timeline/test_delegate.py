"""The timeline delegate: paints every kind of entry, one fixed height for all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QRect, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyleOptionViewItem

from crm_desktop.ui import icons
from crm_desktop.ui.timeline.delegate import Colors, Fonts, TimelineDelegate, preview_lines
from crm_desktop.ui.timeline.model import TimelineModel
from tests.helpers import backend
from tests.ui.timeline.conftest import bulk, log


class CountingDelegate(TimelineDelegate):
    """Counts how often the view asks for a size (uniform sizes: almost never)."""

    def __init__(self) -> None:
        super().__init__()
        self.size_hints = 0

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        self.size_hints += 1
        return super().sizeHint(option, index)


@pytest.fixture
def view(qtbot, db_path) -> QListView:
    result = QListView()
    qtbot.addWidget(result)
    result.setModel(TimelineModel(result))
    result.setItemDelegate(CountingDelegate())
    result.setUniformItemSizes(True)
    result.resize(560, 700)
    return result


@pytest.fixture
def entries(db_path, customer_id) -> str:
    """One entry of each kind the delegate draws differently."""
    log(
        customer_id,
        subject="Offer with a subject long enough to be elided at the width of any narrow view",
        body="Dear Anna,\n\nthank you for the offer. " + "We would like to go ahead. " * 20,
        attachments=[
            {"filename": "offer.pdf", "nextcloud_path": "/CRM/ACME/offer.pdf"},
            {"filename": "photo.jpg", "nextcloud_path": "/CRM/ACME/photo.jpg"},
        ],
        logged_by="anna",
        occurred_at="2026-11-20T10:00:00",
    )
    log(customer_id, type="note", direction="internal", occurred_at="2026-11-19T10:00:00")
    with backend.connect(db_path) as connection:
        backend.insert_comm(
            connection,
            customer_id,
            type="fax",
            direction="sideways",
            attachments="not json",
            occurred_at="2026-11-18T10:00:00",
        )
    return customer_id


def option_for(view: QListView, row: int, selected: bool = False) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view  # as the view passes it, so the delegate draws with the view's style
    option.rect = view.visualRect(view.model().index(row, 0))
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    return option


def paint(view: QListView, row: int, selected: bool = False) -> QImage:
    option = option_for(view, row, selected)
    option.rect = QRect(0, 0, 560, view.itemDelegate().sizeHint(option, QModelIndex()).height())
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32_Premultiplied)
    base = view.palette().color(QPalette.ColorRole.Base)
    image.fill(base)
    painter = QPainter(image)
    view.itemDelegate().paint(painter, option, view.model().index(row, 0))
    painter.end()
    return image


def colors_in(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(image.height())}


@pytest.mark.parametrize("selected", [False, True])
def test_every_kind_of_entry_paints(view, entries, selected):
    view.model().set_customer(entries)
    assert view.model().rowCount() == 3
    base = view.palette().color(QPalette.ColorRole.Base).rgb()
    for row in range(3):
        image = paint(view, row, selected)
        assert len(colors_in(image) - {base}) > 10  # text, icons and badge were drawn


def test_the_badge_shows_the_type_colour(view, entries):
    view.model().set_customer(entries)
    image = paint(view, 0)
    badge = QColor(image.pixel(10 + 4, 10 + 17))  # inside the circle, left of the icon
    tint = icons.comm_type_color("email")
    base = view.palette().color(QPalette.ColorRole.Base)
    # A light wash of the type's colour over the base colour.
    assert badge != base
    assert (badge.blue() - badge.red()) > 0 and tint.blue() > tint.red()


def test_a_view_paints_the_timeline(qtbot, view, entries):
    view.model().set_customer(entries)
    with qtbot.waitExposed(view):
        view.show()
    view.setCurrentIndex(view.model().index(1, 0))
    assert not view.grab().isNull()


def test_size_hint_is_the_same_for_every_entry(view, entries):
    view.model().set_customer(entries)
    delegate = view.itemDelegate()
    hints = {
        delegate.sizeHint(option_for(view, row), view.model().index(row, 0)) for row in range(3)
    }
    assert len(hints) == 1
    (hint,) = hints
    assert hint.height() == Fonts.for_font(view.font()).height
    # A larger font makes room for itself.
    option = option_for(view, 0)
    larger = QFont(option.font)
    larger.setPointSizeF(option.font.pointSizeF() * 2)
    option.font = larger
    assert delegate.sizeHint(option, view.model().index(0, 0)).height() > hint.height()


def test_a_long_timeline_is_laid_out_without_measuring_each_entry(
    qtbot, db_path, view, customer_id
):
    bulk(db_path, customer_id, 2000)
    model = view.model()
    model.set_customer(customer_id)
    while model.canFetchMore():
        model.fetchMore()
    with qtbot.waitExposed(view):
        view.show()
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() == view.verticalScrollBar().maximum())
    assert model.rowCount() == 2000
    assert view.itemDelegate().size_hints < 20


def test_selected_entries_use_the_highlight_colours(view):
    option = option_for(view, 0)
    option.state |= QStyle.StateFlag.State_Active | QStyle.StateFlag.State_Enabled
    palette = option.palette
    plain = Colors.of(option)
    assert plain.text == palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    option.state |= QStyle.StateFlag.State_Selected
    selected = Colors.of(option)
    assert selected.text == palette.color(
        QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText
    )
    assert selected.selected and not plain.selected


def test_muted_text_follows_a_dark_palette(view):
    option = option_for(view, 0)
    option.state |= QStyle.StateFlag.State_Active | QStyle.StateFlag.State_Enabled
    dark = QPalette(option.palette)
    dark.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    option.palette = dark
    colors = Colors.of(option)
    assert colors.text.lightness() > 200
    assert 60 < colors.muted.lightness() < colors.text.lightness()


# --- the body preview -----------------------------------------------------------------------


@pytest.fixture
def metrics(qapp) -> QFontMetrics:
    return QFontMetrics(QFont())


def test_preview_wraps_words_and_elides_the_last_line(metrics):
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda"
    width = metrics.horizontalAdvance("alpha beta gamma")
    lines = preview_lines(text, metrics, width, 2)
    assert lines[0] == "alpha beta gamma"
    assert lines[1].startswith("delta") and lines[1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)


def test_preview_skips_blank_lines_and_keeps_paragraphs_apart(metrics):
    lines = preview_lines("Dear Anna,\n\n\nthank you.\nBest", metrics, 1000, 2)
    assert lines == ["Dear Anna,", "thank you. Best"]


@pytest.mark.parametrize("text", ["", "   \n  \n"])
def test_an_empty_body_has_no_preview(metrics, text):
    assert preview_lines(text, metrics, 300, 2) == []


def test_a_word_wider_than_the_line_is_elided(metrics):
    lines = preview_lines("x" * 500 + " tail", metrics, 100, 2)
    assert len(lines) == 2 and lines[0].endswith("…")
    assert metrics.horizontalAdvance(lines[0]) <= 100
    assert lines[1] == "tail"


def test_text_of_one_line_stays_on_one_line(metrics):
    assert preview_lines("Call me back", metrics, 500, 2) == ["Call me back"]
    assert preview_lines("Call me back", metrics, 500, 1) == ["Call me back"]


def test_elide_mode_is_right(metrics):
    (line,) = preview_lines("a b c d e f g h i j k l m n o p", metrics, 40, 1)
    assert line.startswith("a") and line.endswith("…")
