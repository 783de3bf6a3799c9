"""A body becomes HTML with its text escaped and only its own links made clickable."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from crm_desktop.ui.reading.text import body_html


def anchors(html: str) -> list[str]:
    document = QTextDocument()
    document.setHtml(html)
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isAnchor():
                found.append(fragment.charFormat().anchorHref())
            iterator += 1
        block = block.next()
    return found


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_markup_in_a_body_is_shown_never_obeyed(qapp):
    body = '<b>bold</b> <a href="javascript:x">click</a> <img src="x"> & more'
    html = body_html(body)
    assert plain(html) == body
    assert anchors(html) == []


def test_line_breaks_and_spaces_are_kept(qapp):
    body = "Hallo zusammen,\n\n    eingerückt\nEnde"
    assert plain(body_html(body)) == body


def test_web_and_mail_addresses_become_links_without_the_full_stop(qapp):
    body = (
        "See https://example.com/a?b=1&c=2. Or www.example.org, "
        "or write to anna.schmidt@example.de! (https://x.example/path_(1))"
    )
    html = body_html(body)
    assert plain(html) == body
    assert anchors(html) == [
        "https://example.com/a?b=1&c=2",
        "https://www.example.org",
        "mailto:anna.schmidt@example.de",
        "https://x.example/path_(1)",
    ]


def test_a_mailto_link_stays_as_written(qapp):
    assert anchors(body_html("mailto:info@acme.example")) == ["mailto:info@acme.example"]
