"""An entry as text for the clipboard: what a person pastes into an e-mail or a note."""

from __future__ import annotations

from crm_desktop.i18n import translate
from crm_desktop.models import CommInDB
from crm_desktop.ui import timefmt
from crm_desktop.ui.timeline.labels import direction_label, type_label


def entry_text(comm: CommInDB) -> str:
    """Subject (or nothing), then type, direction, who logged it and when, then the body."""
    about = translate("EntryText", "{type}, {direction}, {time}").format(
        type=type_label(comm.type),
        direction=direction_label(comm.direction),
        time=timefmt.exact(comm.occurred_at),
    )
    if comm.logged_by:
        about = translate("EntryText", "{about}, logged by {name}").format(
            about=about, name=comm.logged_by
        )
    lines = [comm.subject] if comm.subject else []
    lines.append(about)
    if comm.body:
        lines += ["", comm.body]
    return "\n".join(lines)
