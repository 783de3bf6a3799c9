"""Render the app icon (resources/icons/app.svg) as the PNGs and the .ico that installers need.

Generated at build time instead of committed: the SVG stays the one source. Used by
build.spec (the .ico of the Windows .exe, the .icns of the macOS .app) and by make_deb.py
(the hicolor PNGs of the Linux menu entry).

    python resources/installer/make_icons.py OUT_DIR
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parents[1] / "icons" / "app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# An .ico holds 256 px at most; Windows picks the size it needs for each place.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS icon types that hold PNG data, by size (ic10 is 512 px at 2x).
ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,
}
_app: QGuiApplication | None = None  # kept alive while icons are rendered


def render(size: int, svg: Path = SVG) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[QImage]) -> bytes:
    """A multi-size .ico with PNG entries (read by Windows Vista and later, and by NSIS)."""
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for image in images:
        blob = png_bytes(image)
        side = image.width() % 256  # 0 means 256 in an .ico directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(svg: Path = SVG) -> bytes:
    """A macOS .icns with PNG entries (read by macOS 10.7 and later)."""
    body = b""
    for kind, size in ICNS_TYPES.items():
        blob = png_bytes(render(size, svg))
        body += kind + struct.pack(">I", 8 + len(blob)) + blob
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out_dir: Path, svg: Path = SVG) -> dict[str, Path]:
    """Write crm-desktop-<size>.png for each size, .ico and .icns; returns the paths by kind."""
    global _app
    if QGuiApplication.instance() is None:
        # Rendering needs a GUI application, but no screen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for size in PNG_SIZES:
        path = out_dir / f"crm-desktop-{size}.png"
        if not render(size, svg).save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        written[f"png{size}"] = path
    ico = out_dir / "crm-desktop.ico"
    ico.write_bytes(ico_bytes([render(size, svg) for size in ICO_SIZES]))
    written["ico"] = ico
    icns = out_dir / "crm-desktop.icns"
    icns.write_bytes(icns_bytes(svg))
    written["icns"] = icns
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for path in make_icons(Path(sys.argv[1])).values():
        print(path)
