"""Outlook's RTF bodies: compressed RTF ([MS-OXRTFCP]) unpacked, and RTF read as text.

Written from the specifications. Outlook keeps most bodies as RTF that encapsulates HTML
(``\\fromhtml1``, [MS-OXRTFEX]) or plain text (``\\fromtext``); the HTML is recovered from
the ``\\*\\htmltag`` groups and the text between them (skipping what ``\\htmlrtf`` marks
as RTF-only), then read as text. Other RTF gives its text: paragraphs, tabs, ``\\'hh``
bytes in the document's code page, ``\\uN`` characters; tables of fonts, colours, styles,
pictures and objects are left out.
"""

from __future__ import annotations

import re
import struct

from crm_desktop.messages.html_text import html_to_text
from crm_desktop.messages.text import clean_text

_PREBUFFER = (
    b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern "
    b"\\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0"
    b"\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx"
)
_COMPRESSED = 0x75465A4C  # "LZFu"
_UNCOMPRESSED = 0x414C454D  # "MELA"


class RtfError(ValueError):
    """Compressed RTF that cannot be unpacked (not compressed RTF, or cut off)."""


def decompress(data: bytes, limit: int = 64_000_000) -> bytes:
    """The RTF inside a PidTagRtfCompressed value; at most ``limit`` bytes of it."""
    if len(data) < 16:
        raise RtfError("too short for compressed RTF")
    compressed_size, raw_size, kind, _crc = struct.unpack_from("<IIII", data)
    if kind == _UNCOMPRESSED:
        return data[16 : 16 + min(raw_size, limit)]
    if kind != _COMPRESSED:
        raise RtfError("not compressed RTF")
    dictionary = bytearray(4096)
    dictionary[: len(_PREBUFFER)] = _PREBUFFER
    write = len(_PREBUFFER)
    out = bytearray()
    position, end = 16, min(len(data), compressed_size + 4)
    cap = min(raw_size, limit)
    while position < end:
        control = data[position]
        position += 1
        for bit in range(8):
            if position >= end or len(out) >= cap:
                return bytes(out[:cap])
            if control & (1 << bit):
                if position + 1 >= end:
                    return bytes(out[:cap])
                word = (data[position] << 8) | data[position + 1]
                position += 2
                offset = word >> 4
                if offset == write:  # the end marker
                    return bytes(out[:cap])
                for step in range(2 + (word & 0xF)):
                    byte = dictionary[(offset + step) & 0xFFF]
                    out.append(byte)
                    dictionary[write] = byte
                    write = (write + 1) & 0xFFF
            else:
                byte = data[position]
                position += 1
                out.append(byte)
                dictionary[write] = byte
                write = (write + 1) & 0xFFF
    return bytes(out[:cap])


# --- RTF to text ------------------------------------------------------------------------------

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|([^\\{}\r\n]+)",
    re.DOTALL,
)
# Groups that hold no text of the message.
_SKIPPED = frozenset(
    {
        b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"header",
        b"footer", b"headerl", b"headerr", b"footerl", b"footerr", b"themedata",
        b"colorschememapping", b"latentstyles", b"datastore", b"listtable",
        b"listoverridetable", b"rsidtbl", b"generator", b"xmlnstbl", b"mmathPr", b"fldinst",
        b"filetbl", b"revtbl", b"pgdsctbl", b"objdata", b"bkmkstart", b"bkmkend",
        b"pntext", b"pntxta", b"pntxtb", b"listtext", b"falt", b"panose",
    }
)  # fmt: skip
_SPECIAL = {
    b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"row": "\n", b"tab": "\t",
    b"cell": "\t", b"emdash": "\u2014", b"endash": "\u2013", b"bullet": "\u2022",
    b"lquote": "\u2018", b"rquote": "\u2019", b"ldblquote": "\u201c", b"rdblquote": "\u201d",
    b"emspace": " ", b"enspace": " ", b"qmspace": " ", b"~": "\u00a0",
}  # fmt: skip


def _codec(codepage: int) -> str:
    special = {65001: "utf-8", 20127: "ascii", 10000: "mac_roman", 1200: "utf-16-le"}
    name = special.get(codepage, f"cp{codepage}")
    try:
        "".encode(name)
    except LookupError:
        return "cp1252"
    return name


class _Reader:
    def __init__(self, rtf: bytes) -> None:
        self.rtf = rtf
        self.html = b"\\fromhtml" in rtf[:2048]
        self.codec = "cp1252"
        self.out: list[str] = []
        self.pending = bytearray()  # \'hh bytes not yet decoded (multi-byte code pages)

    def _flush(self) -> None:
        if self.pending:
            self.out.append(self.pending.decode(self.codec, "replace"))
            self.pending.clear()

    def _text(self, text: str) -> None:
        self._flush()
        self.out.append(text)

    def read(self) -> str:
        # Per group: (skip the group, \ucN, inside an HTML tag group, \htmlrtf on)
        skip, uc, tag, htmlrtf = False, 1, False, False
        stack: list[tuple[bool, int, bool, bool]] = []
        to_skip = 0  # characters still to skip after a \uN
        destination = False  # the last token was \* (an optional destination)
        first_in_group = False
        for match in _TOKEN.finditer(self.rtf):
            word, argument, hex_byte, symbol, brace, text = match.groups()
            if brace == b"{":
                stack.append((skip, uc, tag, htmlrtf))
                first_in_group, destination = True, False
                continue
            if brace == b"}":
                if stack:
                    skip, uc, tag, htmlrtf = stack.pop()
                first_in_group, destination = False, False
                continue
            starts_group, first_in_group = first_in_group, False
            if word is not None:
                if destination or (starts_group and word in _SKIPPED):
                    # \*\htmltag holds the HTML's tags; any other such group holds no text.
                    if destination and self.html and word == b"htmltag":
                        tag = True
                    else:
                        skip = True
                    destination = False
                    continue
                if skip:
                    continue
                if word == b"ansicpg" and argument:
                    self._flush()
                    self.codec = _codec(int(argument))
                elif word == b"uc" and argument:
                    uc = max(int(argument), 0)
                elif word == b"u" and argument:
                    value = int(argument)
                    if to_skip == 0 and (not htmlrtf or tag):
                        self._text(chr(value + 65536 if value < 0 else value))
                    to_skip = uc
                    continue
                elif word == b"htmlrtf":
                    htmlrtf = argument != b"0"
                elif word in _SPECIAL and (not htmlrtf or tag):
                    if self.html and tag and word == b"par":
                        self._text("\n")
                    else:
                        self._text(_SPECIAL[word])
                to_skip = 0
                continue
            if symbol is not None:
                if symbol == b"*":
                    destination = True
                    continue
                if skip or (htmlrtf and not tag):
                    continue
                if to_skip:
                    to_skip -= 1
                    continue
                if symbol in (b"\\", b"{", b"}"):
                    self._text(symbol.decode())
                elif symbol == b"~":
                    self._text("\u00a0")
                elif symbol in (b"\n", b"\r"):
                    self._text("\n")
                continue
            if skip or (htmlrtf and not tag):
                continue
            if hex_byte is not None:
                if to_skip:
                    to_skip -= 1
                    continue
                self.pending.append(int(hex_byte, 16))
                continue
            if text is not None:
                if to_skip:
                    skipped = min(to_skip, len(text))
                    text, to_skip = text[skipped:], to_skip - skipped
                if text:
                    self._text(text.decode(self.codec, "replace"))
        self._flush()
        return "".join(self.out)


def rtf_to_text(rtf: bytes) -> str:
    """The text of an RTF document (HTML encapsulated in it is read as text)."""
    reader = _Reader(rtf)
    content = reader.read()
    if reader.html:
        return html_to_text(content)
    return clean_text(content).strip("\n")


def rtf_html(rtf: bytes) -> str | None:
    """The HTML encapsulated in an RTF body, or None when it encapsulates none."""
    reader = _Reader(rtf)
    return reader.read() if reader.html else None
