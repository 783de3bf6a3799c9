"""Files dropped from the file manager: which of the dragged things are local files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files among the dragged URLs, in order; folders and web links are left out."""
    if mime is None or not mime.hasUrls():
        return []
    files = []
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.is_file():
                files.append(path)
    return files
