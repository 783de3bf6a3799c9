"""Real files for drop tests: images saved by Qt, a valid PDF, text, folder trees, bad cases."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QColor, QImage

# The smallest PDF that readers open: one empty page, a cross-reference table, a trailer.
_PDF_OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
]


def pdf_bytes() -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(_PDF_OBJECTS, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(_PDF_OBJECTS) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(_PDF_OBJECTS) + 1,
        xref,
    )
    return bytes(out)


def image(path: Path, color: str = "#2a9d8f", size: int = 24) -> Path:
    """A real image in the format of the path's suffix (PNG, JPEG, ...), saved by Qt."""
    path.parent.mkdir(parents=True, exist_ok=True)
    picture = QImage(size, size, QImage.Format.Format_RGB32)
    picture.fill(QColor(color))
    assert picture.save(str(path)), path
    return path


def pdf(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes())
    return path


def text(path: Path, content: str = "Notes from the site visit.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def tree(root: Path) -> Path:
    """A folder of a site visit: photos, a plan in a nested folder, notes two levels down."""
    image(root / "front.png")
    image(root / "Roof" / "north.jpg", "#e76f51")
    pdf(root / "Roof" / "Plans" / "plan.pdf")
    text(root / "Roof" / "Plans" / "notes.txt")
    text(root / ".hidden.txt")  # hidden files in a folder are not the customer's
    text(root / "Thumbs.db", "cache")  # nor the file manager's caches
    return root


def broken_link(path: Path) -> Path:
    os.symlink(path.parent / "gone-away.jpg", path)
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def files_mime(*items: Path | str) -> QMimeData:
    """What a file manager's drag carries: a URL per file (a str is taken as a URL)."""
    mime = QMimeData()
    mime.setUrls(
        [QUrl(item) if isinstance(item, str) else QUrl.fromLocalFile(str(item)) for item in items]
    )
    return mime
