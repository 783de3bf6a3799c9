"""Signals that tell every view what changed in the database, whoever changed it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    """Emitted after the app's own writes, and when another program wrote to the file."""

    # A customer was added, changed or deleted (their id), or "" when unknown/many.
    customers_changed = Signal(str)
    # Communications of a customer changed (their customer's id), or "" for any customer.
    comms_changed = Signal(str)
    # Media records of a customer changed (their customer's id), or "" for any customer.
    media_changed = Signal(str)
    # Media records the user just added (their customer's id, the new ids): shown and selected.
    media_added = Signal(str, list)
    # An undo put deleted rows back (kind "customer", "communication" or "media", their
    # customer's id, the rows' ids): the window shows the customer and selects them again.
    restored = Signal(str, str, list)
    # The user's settings changed (e.g. the Nextcloud sync folder): views re-read what they show.
    settings_changed = Signal()
