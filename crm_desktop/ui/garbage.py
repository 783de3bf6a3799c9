"""Python's garbage collections kept short while a drop's big work runs.

A full collection holds the GIL from its start to its end, on whichever thread it falls:
over the app's objects and a chat's 20,000 messages it took 50-110 ms, and the window
could not paint meanwhile. So a drop's jobs, and its review dialog while it holds thousands
of rows, set the objects there are aside (``gc.freeze()``): collections then look at newer
objects only. ``keep_young()``, called between the steps of a job, sets aside what the job
made meanwhile as well, so that no collection ever looks at more than a few milliseconds'
worth of objects. Setting aside and putting back cost nothing (lists are joined), and
nothing is lost: after the last ``put_back()`` collections look at everything again.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time
from collections.abc import Iterator

KEEP_YOUNG_EVERY = 0.02  # seconds

_holders = 0  # jobs and dialogs that keep objects set aside
_lock = threading.Lock()
_last = 0.0


def set_aside() -> None:
    """Until the matching put_back(): collections leave the objects there are now alone.
    Calls nest (a job inside a dialog, two drops at once): the last put_back() counts."""
    global _holders
    with _lock:
        _holders += 1
        gc.freeze()


def put_back() -> None:
    global _holders
    with _lock:
        _holders -= 1
        if _holders == 0:
            gc.unfreeze()


@contextlib.contextmanager
def objects_set_aside() -> Iterator[None]:
    set_aside()
    try:
        yield
    finally:
        put_back()


def keep_young() -> None:
    """While objects are set aside: now and then set aside what was made since too."""
    global _last
    if not _holders:
        return
    now = time.monotonic()
    if now - _last > KEEP_YOUNG_EVERY:
        _last = now
        gc.freeze()


class Held:
    """Objects set aside for as long as an owner (a dialog) lives: ``release()`` puts them
    back once, whether the owner is done or destroyed first."""

    def __init__(self) -> None:
        set_aside()
        self._held = True

    def release(self, *_args: object) -> None:
        if self._held:
            self._held = False
            put_back()
