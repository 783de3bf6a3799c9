"""The tile painting of the icon view."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from crm_desktop.ui.media.delegate import name_lines
from crm_desktop.ui.media.panel import MediaPanel


def test_short_names_stay_on_one_line(qapp):
    metrics = QFontMetrics(QFont())
    assert name_lines("a.jpg", metrics, 200) == ["a.jpg"]


def test_long_names_break_after_a_separator_and_keep_the_extension(qapp):
    metrics = QFontMetrics(QFont())
    name = "roof-damage-north-side-after-the-storm-in-november.jpg"
    width = metrics.horizontalAdvance("roof-damage-north")
    lines = name_lines(name, metrics, width)
    assert len(lines) == 2
    assert lines[0].endswith("-") and name.startswith(lines[0])
    assert lines[1].endswith(".jpg") and "…" in lines[1]
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)


def test_tiles_paint_cards_and_thumbnails(qtbot, context, customer_id, add_media, sync_folder):
    from tests.ui.media.conftest import make_image

    make_image(sync_folder / "CRM" / "ACME" / "photo.png")
    add_media("photo.png")
    add_media("a-very-long-file-name-of-a-quote-for-the-customer.pdf", mime_type="application/pdf")
    panel = MediaPanel(context)
    qtbot.addWidget(panel)
    panel.set_view_mode("icons")
    panel.set_customer(customer_id, "ACME GmbH")
    panel.resize(400, 300)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.thumbnail(panel.model.loaded_rows[1]) is not None)
    panel.icon_view.selectAll()
    assert not panel.grab().isNull()  # paints selected tiles, a thumbnail and a card
