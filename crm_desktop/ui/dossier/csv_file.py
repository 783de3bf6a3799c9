"""A dossier as CSV: one row a communication, for Excel and for scripts.

UTF-8 with a byte-order mark, so that Excel reads umlauts and ``€`` right; every value
exactly as stored (quotes, separators and line breaks inside a value are quoted the CSV
way); times in local time as ``2026-11-25 14:03:07``, which spreadsheets take for a date.
The separator is the one the locale's spreadsheets expect: ``;`` where the decimal point
is a comma (Germany), ``,`` elsewhere.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale

from crm_desktop.errors import Cancelled
from crm_desktop.i18n import translate
from crm_desktop.models import CommInDB
from crm_desktop.ui.dossier import text
from crm_desktop.ui.dossier.text import Dossier

ENCODING = "utf-8-sig"
# How often (rows) a CSV export reports progress and looks at Cancel.
CHECK_EVERY = 200

Progress = Callable[[int, int], None]


def default_separator(locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return ";" if locale.decimalPoint() == "," else ","


def header() -> list[str]:
    return [
        translate("Dossier", "Date (local time)"),
        translate("Dossier", "Type"),
        translate("Dossier", "Direction"),
        translate("Dossier", "Subject"),
        translate("Dossier", "Body"),
        translate("Dossier", "Attachments"),
        translate("Dossier", "Logged by"),
        translate("Dossier", "Customer"),
        translate("Dossier", "Communication ID"),
    ]


def row(dossier: Dossier, comm: CommInDB) -> list[str]:
    return [
        text.sortable_moment(comm.occurred_at),
        text.kind(comm),
        text.direction(comm),
        comm.subject or "",
        comm.body or "",
        "\n".join(text.attachment_names(comm)),
        comm.logged_by or "",
        dossier.customer.name,
        comm.id,
    ]


def write_csv(
    dossier: Dossier,
    path: Path,
    separator: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the dossier's communications to ``path`` (a new or temporary file; see
    export.export_dossier() for the safe way); returns the rows written."""
    written = 0
    with path.open("w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(
            handle, delimiter=separator or default_separator(), lineterminator="\r\n"
        )
        writer.writerow(header())
        for comm in dossier.comms():
            writer.writerow(row(dossier, comm))
            written += 1
            if written % CHECK_EVERY == 0:
                if cancelled is not None and cancelled():
                    raise Cancelled(
                        translate("Dossier", "The export was cancelled; no file was written.")
                    )
                if progress is not None:
                    progress(written, dossier.comm_count)
    if progress is not None:
        progress(written, written)
    return written
