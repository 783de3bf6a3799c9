"""A stored body as HTML for the reading pane: the text escaped, its links made clickable.

A body is plain text whatever it holds (an e-mail's HTML was turned into text before it
was stored): every character is escaped, so markup in a body is shown, never obeyed, and
only the links found here become anchors, with the schemes the app chose (http, https,
mailto).
"""

from __future__ import annotations

import html
import re

# Web addresses (with a scheme or starting with www.) and e-mail addresses.
_LINK = re.compile(
    r"(?P<web>\b(?:https?://|www\.)[^\s<>\"']+)"
    r"|(?P<mail>\b(?:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})",
    re.IGNORECASE,
)
# What ends a sentence rather than an address: "see https://x.example/a." links without
# the full stop; a closing bracket only when the address did not open one.
_TRAILING = ".,;:!?…'\""


def _trimmed(link: str) -> str:
    while link and (
        link[-1] in _TRAILING or (link[-1] == ")" and link.count("(") < link.count(")"))
    ):
        link = link[:-1]
    return link


def _href(link: str, kind: str) -> str:
    if kind == "mail":
        return link if link.lower().startswith("mailto:") else f"mailto:{link}"
    return link if "://" in link else f"https://{link}"


def body_html(text: str) -> str:
    """``text`` as HTML that keeps its line breaks and spaces, its links clickable."""
    parts: list[str] = []
    position = 0
    for match in _LINK.finditer(text):
        kind = "web" if match.group("web") else "mail"
        link = _trimmed(match.group(0))
        if not link or (kind == "web" and link.lower() in ("www.", "http://", "https://")):
            continue
        start = match.start()
        parts.append(html.escape(text[position:start], quote=False))
        href = html.escape(_href(link, kind), quote=True)
        parts.append(f'<a href="{href}">{html.escape(link, quote=False)}</a>')
        position = start + len(link)
    parts.append(html.escape(text[position:], quote=False))
    return '<div style="white-space: pre-wrap">' + "".join(parts) + "</div>"
