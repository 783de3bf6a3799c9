"""The lines of WhatsApp exports that are not messages, and the ones that name a file.

Easy to extend: a language is a few more lines in each table. Texts are compared
casefolded, without the left-to-right marks (U+200E) iOS puts before them and without
surrounding blanks.
"""

from __future__ import annotations

import re

# A message whose whole text is one of these stands for something the export left out
# (media, deleted messages, calls): it is skipped.
OMITTED = frozenset(
    {
        # English
        "<media omitted>", "image omitted", "video omitted", "audio omitted",
        "sticker omitted", "gif omitted", "document omitted", "contact card omitted",
        "this message was deleted", "you deleted this message", "missed voice call",
        "missed video call", "waiting for this message", "null", "location omitted",
        "<view once voice message omitted>", "view once photo omitted", "poll omitted",
        "this message was deleted by admin", "message deleted",
        # German
        "<medien ausgeschlossen>", "bild weggelassen", "video weggelassen",
        "audio weggelassen", "sticker weggelassen", "gif weggelassen",
        "dokument weggelassen", "kontaktkarte ausgelassen", "kontaktkarte weggelassen",
        "diese nachricht wurde gelöscht", "du hast diese nachricht gelöscht",
        "verpasster sprachanruf", "verpasster videoanruf", "warten auf diese nachricht",
        "standort weggelassen", "umfrage weggelassen",
    }
)  # fmt: skip

# Phrases of the export's own notices (encryption, group changes). A line is a notice when
# one of these is in what would be its sender's name, or in a text iOS marks with U+200E,
# or (the encryption notices) anywhere in it.
ENCRYPTION_NOTICES = (
    "messages and calls are end-to-end encrypted",
    "messages to this group are now secured with end-to-end encryption",
    "nachrichten und anrufe sind ende-zu-ende-verschlüsselt",
    "nachrichten in dieser gruppe sind jetzt mit ende-zu-ende-verschlüsselung geschützt",
)
NOTICES = (
    *ENCRYPTION_NOTICES,
    # English
    "changed the subject", "changed this group's icon", "changed the group description",
    "created group", "joined using this group's invite link", "your security code with",
    "changed their phone number", "added you", "removed you", "deleted this group's icon",
    "changed to", "is a contact", "disappearing messages", "pinned a message",
    # German
    "hat den betreff", "hat das gruppenbild", "hat die gruppenbeschreibung",
    "hat die gruppe", "ist der gruppe über den einladungslink beigetreten",
    "deine sicherheitsnummer für", "hat die telefonnummer", "hat dich hinzugefügt",
    "hat dich entfernt", "selbstlöschende nachrichten", "hat eine nachricht fixiert",
)  # fmt: skip

# Marks a message carries after its text when it was edited: removed, the text is kept.
EDITED = ("<this message was edited>", "<diese nachricht wurde bearbeitet>")

# A line that names a file sent with the message (Android, then iOS); group "name".
ATTACHED = (
    re.compile(r"^(?P<name>[^<>:/\\]+?\.\w{1,6}) \((?:file attached|datei angehängt)\)$", re.I),
    re.compile(r"^<(?:attached|anhang): (?P<name>[^<>/\\]+)>$", re.I),
)
