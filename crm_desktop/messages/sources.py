"""Where an attachment's bytes are read again from: the source file, checked unchanged."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.messages.types import changed_meanwhile


@dataclass(frozen=True, slots=True)
class FileStamp:
    """A file as it was when it was read: reading an attachment later checks it is the same."""

    path: Path
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileStamp:
        info = os.stat(path)
        return cls(path, info.st_size, info.st_mtime_ns)

    def check(self) -> None:
        """Raise AttachmentUnavailableError if the file changed or went away meanwhile."""
        try:
            info = os.stat(self.path)
        except OSError:
            raise changed_meanwhile(self.path) from None
        if (info.st_size, info.st_mtime_ns) != (self.size, self.mtime_ns):
            raise changed_meanwhile(self.path)
