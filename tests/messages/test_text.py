"""Text helpers: names, charsets, HTML and RTF bodies."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.messages.html_text import html_to_text
from crm_desktop.messages.ids import derived_id, message_id
from crm_desktop.messages.rtf import RtfError, decompress, rtf_to_text
from crm_desktop.messages.text import clean_text, decode, safe_filename, tidy_body
from crm_desktop.nextcloud import name_problem

SAMPLES = Path(__file__).parents[1] / "data" / "msg"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\a\\offer.pdf", "offer.pdf"),
        ("a\nb\r\nc.pdf", "a b c.pdf"),
        ('what?*:"<>|.pdf', "what_______.pdf"),
        ("trailing dots...", "trailing dots"),
        ("", "fallback"),
        ("..", "fallback"),
        ("desktop.ini", "fallback"),
        ("e\u0301.txt", "\u00e9.txt"),  # NFC
    ],
)
def test_safe_filename(name, safe):
    assert safe_filename(name, "fallback") == safe


@given(st.text())
def test_every_safe_filename_is_one_nextcloud_takes(name):
    assert name_problem(safe_filename(name, "fallback")) is None


def test_long_names_keep_their_extension():
    name = safe_filename("x" * 300 + ".pdf", "f")
    assert name.endswith(".pdf") and len(name.encode()) <= 200


def test_decode_rules():
    assert decode("Grüße".encode("cp1252"), "iso-8859-1") == ("Grüße", None)
    assert decode("Grüße".encode(), "us-ascii") == ("Grüße", None)  # undeclared 8-bit
    text, note = decode("Grüße".encode("cp1252"), "x-unknown")
    assert text == "Grüße" and note is not None
    assert decode(b"\xff\xfe", "utf-8")[1] is not None


def test_clean_text_and_tidy_body():
    assert clean_text("a\x00b\r\nc\ud800") == "ab\nc\ufffd"
    assert tidy_body("\n\n a  \n \n\n\nb \n\n") == " a\n\nb"


def test_html_to_text():
    html = (
        "<p>One<br>Two</p><blockquote><p>quoted</p></blockquote>"
        "<table><tr><td>a</td><td>b</td></tr></table><p><a href='mailto:x@y.de'>x@y.de</a></p>"
        "<!--[if mso]>hidden<![endif]--><style>.a{}</style>"
    )
    assert html_to_text(html) == "One\nTwo\n\n> quoted\n\na\tb\n\nx@y.de"


@given(st.text())
def test_html_to_text_never_raises(html):
    html_to_text(html)


def test_compressed_rtf_sample_unpacks():
    data = decompress((SAMPLES / "LZFu.bin").read_bytes())
    expected = (SAMPLES / "LZFu.rtf").read_bytes()
    # The expected file's line ends were changed by a checkout ("\n\r"); compare the text.
    assert data.replace(b"\r\n", b"\n") == expected.replace(b"\n\r", b"\n")
    assert decompress((SAMPLES / "MELA.bin").read_bytes()) == (SAMPLES / "MELA.rtf").read_bytes()
    assert rtf_to_text(data) == "body"


def test_not_compressed_rtf():
    with pytest.raises(RtfError):
        decompress(b"0123456789abcdef0123")


@given(st.binary(max_size=300))
def test_decompress_of_junk_ends(data):
    with contextlib.suppress(RtfError):
        decompress(b"\x40\x00\x00\x00\xff\x00\x00\x00LZFu\x00\x00\x00\x00" + data)


def test_rtf_text_with_unicode_and_code_page():
    rtf = rb"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Arial;}}\uc1 \'cf\'f0\'e8\u1074?\par\tab x\'7b}"
    assert rtf_to_text(rtf) == "Прив\n\tx{"


def test_message_ids():
    assert message_id(" <a@b> (comment)") == "<a@b>"
    assert message_id("a@b") == "<a@b>"
    assert message_id("two words") is None
    assert derived_id("email", "a", "b") == derived_id("email", "a", "b")
    assert derived_id("email", "a", "b") != derived_id("email", "ab", "")
