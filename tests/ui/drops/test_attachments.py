"""Which dragged URLs are local files."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QUrl

from crm_desktop.ui.drops.attachments import local_files


def test_local_files_keeps_only_existing_local_files_in_order(qapp, tmp_path):
    first = tmp_path / "b.pdf"
    second = tmp_path / "a photo.jpg"
    first.write_bytes(b"%PDF")
    second.write_bytes(b"\xff\xd8")
    mime = QMimeData()
    mime.setUrls(
        [
            QUrl.fromLocalFile(str(first)),
            QUrl("https://example.com/c.pdf"),
            QUrl.fromLocalFile(str(tmp_path)),  # a folder
            QUrl.fromLocalFile(str(tmp_path / "gone.txt")),
            QUrl.fromLocalFile(str(second)),
        ]
    )
    assert local_files(mime) == [first, second]


def test_no_urls_no_files(qapp):
    mime = QMimeData()
    mime.setText("/etc/passwd")
    assert local_files(mime) == []
    assert local_files(None) == []
