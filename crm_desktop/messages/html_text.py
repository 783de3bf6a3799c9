"""HTML mail bodies as readable plain text (the timeline shows text, never raw HTML).

Kept: paragraphs and line breaks, list items (``- `` or ``1. ``), table cells separated
by tabs and rows by lines, quoted parts (``> ``), a link's text (with its address when the
text does not already show it), an image's alt text. Dropped: scripts, styles, comments,
the head, and Outlook's conditional blocks. Blank lines are collapsed to one.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from crm_desktop.messages.text import clean_text

_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tbody", "tfoot", "thead", "tr", "ul",
    }
)  # fmt: skip
_SKIP = frozenset({"script", "style", "head", "title", "template", "noscript", "xml", "svg"})
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "wbr"})
_SPACES = re.compile(r"[ \t\f\v\u00a0\u200b]+")
_BLANKS = re.compile(r"[ \f\v\u00a0\u200b]+")  # within a line: tabs between cells stay


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0
        self.pre = 0
        self.quote = 0
        self.lists: list[list[int]] = []  # per open list: [next number] or [] for bullets
        self.link: tuple[str, int] | None = None  # (href, len of current text at <a>)
        self.cell = 0
        self.marker = ""  # a list item's "- " or "1. ", put before its first line

    # --- the parser's events --------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            if tag not in _VOID:
                self.skipping += 1
            return
        if self.skipping:
            return
        values = {name: value or "" for name, value in attrs}
        if tag == "br":
            self._break(explicit=True)
        elif tag in ("ul", "ol"):
            self._break()
            self.lists.append([1] if tag == "ol" else [])
        elif tag == "li":
            self._break()
            depth = max(len(self.lists) - 1, 0)
            marker = "- "
            if self.lists and self.lists[-1]:
                marker = f"{self.lists[-1][0]}. "
                self.lists[-1][0] += 1
            self.marker = "  " * depth + marker
        elif tag == "blockquote":
            self._break()
            self.quote += 1
        elif tag == "pre":
            self._break()
            self.pre += 1
        elif tag in ("td", "th"):
            if self.cell:
                self.current.append("\t")
            self.cell += 1
        elif tag == "tr":
            self._break()
            self.cell = 0
        elif tag == "a":
            self.link = (values.get("href", ""), len("".join(self.current)))
        elif tag == "img":
            alt = values.get("alt", "").strip()
            if alt:
                self.current.append(alt)
        elif tag in _BLOCK:
            self._break(paragraph=tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(self.skipping - 1, 0)
            return
        if self.skipping:
            return
        if tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._break()
        elif tag == "blockquote":
            self._break()
            self.quote = max(self.quote - 1, 0)
        elif tag == "pre":
            self._break()
            self.pre = max(self.pre - 1, 0)
        elif tag == "a" and self.link is not None:
            href, start = self.link
            self.link = None
            shown = "".join(self.current)[start:].strip()
            if _worth_showing(href, shown):
                self.current.append(f" <{href}>" if shown else href)
        elif tag in _BLOCK:
            self._break(paragraph=tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table"))

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.pre:
            parts = data.split("\n")
            self.current.append(parts[0])
            for part in parts[1:]:
                self._break()
                self.current.append(part)
        else:
            self.current.append(_SPACES.sub(" ", data.replace("\r", " ").replace("\n", " ")))

    def handle_comment(self, data: str) -> None:
        pass  # Outlook's <!--[if mso]> blocks and style comments are not text

    # --- lines ----------------------------------------------------------------------------

    def _break(self, paragraph: bool = False, explicit: bool = False) -> None:
        """End the current line; ``explicit`` (a <br>) keeps an empty one, ``paragraph``
        leaves one empty line after it."""
        text = "".join(self.current)
        self.current = []
        if not self.pre:
            text = _BLANKS.sub(" ", text).strip(" ")
        prefix = "> " * self.quote
        if text.strip() or explicit:
            self.lines.append(prefix + self.marker + text)
            self.marker = ""
        if paragraph and self.lines and self.lines[-1].strip("> "):
            self.lines.append(prefix.rstrip())

    def text(self) -> str:
        self._break()
        lines = [
            line.rstrip().rstrip(">").rstrip() if not line.strip("> ") else line.rstrip()
            for line in self.lines
        ]
        while lines and not lines[-1]:
            lines.pop()
        collapsed: list[str] = []
        for line in lines:
            if not line and collapsed and not collapsed[-1]:
                continue
            collapsed.append(line)
        return "\n".join(collapsed).strip("\n")


def _worth_showing(href: str, shown: str) -> bool:
    """A link's address is added when it says more than its text (not for mailto: of the
    same address, nor for a text that is the address already, nor for long tracking links)."""
    href = href.strip()
    if not href or len(href) > 100 or href.startswith(("#", "cid:", "javascript:")):
        return False
    bare = href.removeprefix("mailto:").removeprefix("tel:")
    if not shown:
        return True
    plain = shown.strip().rstrip("/")
    return plain not in (href.rstrip("/"), bare.rstrip("/")) and bare not in shown


def html_to_text(html: str) -> str:
    """Readable text from an HTML document or fragment; never raises."""
    converter = _Converter()
    try:
        converter.feed(html)
        converter.close()
    except Exception:  # html.parser is lenient; a bug there must not lose a mail
        return clean_text(re.sub(r"<[^>]*>", " ", html))
    return clean_text(converter.text())
