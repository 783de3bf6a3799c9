"""Image thumbnails made on worker threads, so that a folder of photos never freezes the GUI.

Workers decode with QImageReader (a QImage is safe off the GUI thread, a QPixmap is not);
the GUI thread turns each image into a QPixmap and keeps it in a small LRU cache keyed by
(path, modification time), so an edited photo gets a new thumbnail.
"""

from __future__ import annotations

import contextlib
import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

log = logging.getLogger("crm_desktop.ui.media")

# Twice the largest icon the panel shows, so thumbnails stay sharp on high-DPI screens.
THUMBNAIL_SIZE = 160
# About 100 kB a thumbnail: a few hundred are cheap, and far more than a screen shows.
CACHE_CAPACITY = 300
# Decoding is mostly disk and memory bound: two threads keep the machine responsive.
MAX_THREADS = 2

ThumbnailKey = tuple[str, int]  # (local path, modification time in ns)


def read_thumbnail(path: str, size: int = THUMBNAIL_SIZE) -> QImage:
    """The image at ``path`` scaled to fit ``size`` (never enlarged), or a null QImage."""
    reader = QImageReader(path)
    # Photos from phones are stored sideways with an EXIF rotation: show them upright.
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid() and (original.width() > size or original.height() > size):
        # Decoders such as JPEG's scale while decoding: far less memory than read-then-scale.
        reader.setScaledSize(original.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        log.info("No thumbnail for %s: %s", path, reader.errorString())
    elif image.width() > size or image.height() > size:
        # Formats that cannot scale while decoding (or whose size was unknown up front).
        image = image.scaled(
            QSize(size, size),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


class _ThumbnailJob(QRunnable):
    def __init__(self, loader: ThumbnailLoader, key: ThumbnailKey, size: int) -> None:
        super().__init__()
        self._loader = loader
        self._key = key
        self._size = size

    def run(self) -> None:
        try:
            image = read_thumbnail(self._key[0], self._size)
        except Exception:  # never let a worker thread die with a traceback
            log.exception("Making a thumbnail of %s failed", self._key[0])
            image = QImage()
        # A RuntimeError says the loader is gone (the app is closing): nobody wants the image.
        with contextlib.suppress(RuntimeError):
            # Emitted here, received in the GUI thread (the loader lives there): queued.
            self._loader.image_read.emit(self._key, image)


class ThumbnailLoader(QObject):
    """Thumbnails by (path, mtime): ``thumbnail()`` answers from the cache or starts a load.

    ``ready(key)`` says that a thumbnail (or the fact that there is none) is now cached.
    Call ``shutdown()`` before the loader goes away: it waits for the running loads.
    """

    ready = Signal(object)
    # From a worker thread to the GUI thread: the key and the decoded image (null if none).
    image_read = Signal(object, QImage)

    def __init__(
        self,
        size: int = THUMBNAIL_SIZE,
        capacity: int = CACHE_CAPACITY,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._size = size
        self._capacity = capacity
        self._cache: OrderedDict[ThumbnailKey, QPixmap | None] = OrderedDict()
        self._pending: set[ThumbnailKey] = set()
        self._closed = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(MAX_THREADS)
        self.image_read.connect(self._store)

    def thumbnail(self, path: Path | str, mtime_ns: int) -> QPixmap | None:
        """The cached thumbnail; None while it loads (a load starts) or if there is none."""
        key = (str(path), mtime_ns)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        if key not in self._pending and not self._closed:
            self._pending.add(key)
            self._pool.start(_ThumbnailJob(self, key, self._size))
        return None

    def is_known(self, path: Path | str, mtime_ns: int) -> bool:
        """True once the thumbnail is made, or known to be impossible (not an image)."""
        return (str(path), mtime_ns) in self._cache

    @property
    def running(self) -> int:
        """How many loads are running right now."""
        return self._pool.activeThreadCount()

    def shutdown(self) -> None:
        """Drop queued loads and wait for running ones (before the app or a test ends)."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
        self._pending.clear()

    def _store(self, key: ThumbnailKey, image: QImage) -> None:
        self._pending.discard(key)
        if self._closed:
            return
        self._cache[key] = None if image.isNull() else QPixmap.fromImage(image)
        while len(self._cache) > self._capacity:
            self._cache.popitem(last=False)
        self.ready.emit(key)
