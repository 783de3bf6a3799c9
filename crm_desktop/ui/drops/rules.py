"""What a record made from a dropped file must satisfy: names and paths Nextcloud accepts."""

from __future__ import annotations

import threading
import time

from crm_desktop import nextcloud
from crm_desktop.errors import Cancelled
from crm_desktop.i18n import translate
from crm_desktop.ui.garbage import keep_young

# How often a worker lets the GUI thread have the GIL: well below Python's switch interval
# (5 ms), well above what a yield costs.
YIELD_EVERY = 0.002
_last_yield = 0.0


def checkpoint(cancel: threading.Event | None) -> None:
    """Between two steps of work on a worker thread: raise Cancelled if asked to stop, and
    now and then let a waiting GUI thread have the GIL (else each of its calls into Python
    may wait up to 5 ms, and a window painting a table makes hundreds of them)."""
    global _last_yield
    if cancel is None:
        return
    if cancel.is_set():
        raise Cancelled
    now = time.monotonic()
    if now - _last_yield > YIELD_EVERY:
        _last_yield = now
        time.sleep(0)
    keep_young()  # a full garbage collection stays short (crm_desktop.ui.garbage)


def record_problem(filename: str, nextcloud_path: str) -> str | None:
    """Why a record with this filename and Nextcloud path cannot be made (in words), or None."""
    if not filename.strip():
        return translate("drops", "the file name is empty")
    return nextcloud.name_problem(filename) or nextcloud.path_problem(nextcloud_path)
