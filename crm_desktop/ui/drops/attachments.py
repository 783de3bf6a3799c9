"""Files dropped on the composer become attachments, worked out as for the media panel.

The drop's scan (``scanning``) decides each file's name, its Nextcloud path and what is wrong with
it, so an attachment and a media record made from the same file say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMimeData

from crm_desktop.i18n import translate
from crm_desktop.ui.drops.items import Dropped, dropped
from crm_desktop.ui.drops.scanning import ScanOptions, scan


@dataclass
class DroppedAttachments:
    attachments: list[dict[str, str]] = field(default_factory=list)  # CommAttachment fields
    problems: list[str] = field(default_factory=list)  # "name: what is wrong", per file


def attachments_from_drop(
    items: Iterable[Dropped], sync_folder: str | None, customer_folder: str | None
) -> DroppedAttachments:
    """The attachments a drop makes (folders taken whole), and why other files were left out."""
    options = ScanOptions(sync_folder, customer_folder, detect_mime=False)
    result = DroppedAttachments()
    for candidate in scan(items, options):
        problem = candidate.problem
        if problem is None:
            result.attachments.append(
                {"filename": candidate.filename, "nextcloud_path": candidate.nextcloud_path}
            )
        else:
            result.problems.append(
                translate("timeline", "{name}: {problem}").format(
                    name=candidate.filename, problem=problem
                )
            )
    return result


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files among the dragged URLs, in order; folders and web links are left out."""
    return [item.path for item in dropped(mime) if item.path is not None and item.path.is_file()]
