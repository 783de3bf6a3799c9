"""Files dropped from the file manager, below the widgets: what they are and how they are saved.

``dropped(mime)`` turns a drag's URLs into items (no disk access: it runs in the drop
handler); ``scan()`` walks folders and checks each file; a ``Review`` holds the rows the
person edits; ``save_drop()`` copies and records them, all or nothing.
"""

from crm_desktop.drops.copying import Copier, CopyError, numbered
from crm_desktop.drops.review import Duplicate, Review, ReviewRow
from crm_desktop.drops.rules import Cancelled, normalize_path, record_problem
from crm_desktop.drops.save import Planned, SaveProgress, Shared, check_shared, save_drop
from crm_desktop.drops.scan import Candidate, ScanOptions, scan
from crm_desktop.drops.urls import Dropped, dropped, from_urls, has_local_files

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
