"""Thumbnails made off the GUI thread, cached by path and modification time."""

from __future__ import annotations

from PySide6.QtGui import QPixmap

from crm_desktop.ui.media.thumbnails import ThumbnailLoader, read_thumbnail
from tests.ui.media.conftest import make_image


def test_read_scales_large_images_and_never_enlarges_small_ones(qapp, tmp_path):
    large = make_image(tmp_path / "large.jpg", 1600, 900)
    small = make_image(tmp_path / "small.png", 40, 30)
    assert read_thumbnail(str(large), 160).size().toTuple() == (160, 90)
    assert read_thumbnail(str(small), 160).size().toTuple() == (40, 30)
    assert read_thumbnail(str(tmp_path / "missing.png")).isNull()


def test_loader_caches_a_bounded_number(qtbot, tmp_path):
    loader = ThumbnailLoader(size=32, capacity=2)
    files = [make_image(tmp_path / f"{n}.png", 64, 64) for n in range(3)]
    keys = [(f, f.stat().st_mtime_ns) for f in files]
    for path, mtime in keys:
        with qtbot.waitSignal(loader.ready):
            assert loader.thumbnail(path, mtime) is None  # loading
        assert isinstance(loader.thumbnail(path, mtime), QPixmap)
    assert not loader.is_known(*keys[0])  # the least recently used made room
    assert loader.is_known(*keys[1]) and loader.is_known(*keys[2])
    loader.shutdown()


def test_after_shutdown_nothing_loads(qtbot, tmp_path):
    loader = ThumbnailLoader()
    image = make_image(tmp_path / "a.png")
    loader.shutdown()
    with qtbot.assertNotEmitted(loader.ready, wait=50):
        assert loader.thumbnail(image, image.stat().st_mtime_ns) is None
