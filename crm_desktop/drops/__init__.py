"""Files dropped from the file manager, below the widgets: what they are and how they are saved.

``dropped(mime)`` turns a drag's URLs into items (no disk access: it runs in the drop
handler); ``scan()`` walks folders and checks each file; a ``Review`` holds the rows the
person edits; ``save_drop()`` copies and records them, all or nothing.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the type checker sees; at run time, __getattr__ below
    from crm_desktop.drops.copying import Copier, CopyError, numbered
    from crm_desktop.drops.review import Duplicate, Review, ReviewRow
    from crm_desktop.drops.rules import Cancelled, normalize_path, record_problem
    from crm_desktop.drops.save import Planned, SaveProgress, Shared, check_shared, save_drop
    from crm_desktop.drops.scanning import Candidate, ScanOptions, scan
    from crm_desktop.drops.urls import Dropped, dropped, from_urls, has_local_files

# Loaded on first use: the app starts without the drop machinery, which a drop needs only.
_WHERE = {
    "Cancelled": "rules",
    "Candidate": "scanning",
    "Copier": "copying",
    "CopyError": "copying",
    "Dropped": "urls",
    "Duplicate": "review",
    "Planned": "save",
    "Review": "review",
    "ReviewRow": "review",
    "SaveProgress": "save",
    "ScanOptions": "scanning",
    "Shared": "save",
    "check_shared": "save",
    "dropped": "urls",
    "from_urls": "urls",
    "has_local_files": "urls",
    "normalize_path": "rules",
    "numbered": "copying",
    "record_problem": "rules",
    "save_drop": "save",
    "scan": "scanning",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)


__all__ = [
    "Cancelled",
    "Candidate",
    "Copier",
    "CopyError",
    "Dropped",
    "Duplicate",
    "Planned",
    "Review",
    "ReviewRow",
    "SaveProgress",
    "ScanOptions",
    "Shared",
    "check_shared",
    "dropped",
    "from_urls",
    "has_local_files",
    "normalize_path",
    "numbered",
    "record_problem",
    "save_drop",
    "scan",
]
