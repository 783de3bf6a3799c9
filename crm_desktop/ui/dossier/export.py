"""Export a dossier to a file: the format from the file's name, written whole or not at all.

Used by the window (on a worker thread, with progress and Cancel) and by the command line
(``crm-desktop --export CUSTOMER --to OUT.pdf``). The file is written under a temporary
name beside the target and renamed when complete: a failure or a Cancel leaves no file,
and an existing file of that name is replaced only by a finished export.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from crm_desktop import safe_files
from crm_desktop.errors import ExplainedError
from crm_desktop.i18n import translate
from crm_desktop.ui.dossier.csv_file import write_csv
from crm_desktop.ui.dossier.pdf import write_pdf
from crm_desktop.ui.dossier.text import Dossier, DossierRequest

Progress = Callable[[int, int], None]


class ExportFormat(StrEnum):
    pdf = "pdf"
    csv = "csv"


class UnknownFormatError(ExplainedError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            translate("Dossier", "Unknown export format"),
            translate("Dossier", "{name}: the name must end in .pdf or .csv.").format(
                name=path.name
            ),
        )


def format_of(path: Path) -> ExportFormat:
    try:
        return ExportFormat(path.suffix.lower().lstrip("."))
    except ValueError:
        raise UnknownFormatError(path) from None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: ExportFormat
    customer: str  # the customer's name
    entries: int  # communications written
    pages: int  # of a PDF (0 for a CSV)
    seconds: float


def export_dossier(
    request: DossierRequest,
    target: Path,
    source: str,
    separator: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the dossier ``request`` asks for to ``target`` (.pdf or .csv). ``source`` names
    the database in the PDF's footer; ``separator`` is the CSV's (default: the locale's)."""
    target = Path(target)
    kind = format_of(target)
    started = time.perf_counter()
    dossier = Dossier.read(request, source)
    pages = 0
    with safe_files.written_whole(target, replace=True) as part:
        if kind is ExportFormat.csv:
            entries = write_csv(dossier, part, separator, progress, cancelled)
        else:
            pages = write_pdf(dossier, part, progress, cancelled)
            entries = dossier.comm_count
    return ExportResult(
        path=target,
        format=kind,
        customer=dossier.customer.name,
        entries=entries,
        pages=pages,
        seconds=time.perf_counter() - started,
    )
