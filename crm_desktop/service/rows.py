"""Light read-only rows for the lists on screen: only the columns a list shows.

The spec's ``*InDB`` models describe whole records; these carry what one line of a list
needs, cheaply, for lists of tens of thousands of rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from crm_desktop import timeutil


@dataclass(frozen=True, slots=True)
class CustomerRow:
    id: str
    name: str
    organization: str | None
    email: str | None
    phone: str | None
    last_contact: str | None  # stored text of the newest communication's occurred_at
    problems: tuple[str, ...] = field(default=())  # what does not fit, in words

    @property
    def contact(self) -> str:
        return self.email or self.phone or ""


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    nextcloud_path: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    id: str
    customer_id: str
    type: str
    direction: str
    subject: str | None
    body_preview: str | None  # the first characters of the body; the full body via get_comm()
    attachments: tuple[Attachment, ...]
    logged_by: str | None
    occurred_at: str
    problems: tuple[str, ...] = field(default=())

    @property
    def key(self) -> tuple[str, str]:
        """The position in the timeline: newest first, ties broken by id."""
        return (self.occurred_at, self.id)

    @property
    def occurred_at_utc(self) -> datetime | None:
        return timeutil.parse_stored(self.occurred_at)


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """What the timeline shows: empty sets mean every type or direction."""

    types: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    text: str = ""


@dataclass(frozen=True, slots=True)
class MediaFilter:
    order_id: str = ""
    tag: str = ""
    direction: str = ""


@dataclass(frozen=True, slots=True)
class SearchStatus:
    """How complete the search index is (service.search_status())."""

    complete: bool  # every row indexed (changes of the last moments aside)
    indexed: int  # rows indexed so far
    total: int  # rows to index
    pending: int  # changes of other programs the index has not caught up with yet
    message: str  # for the window; "" when there is nothing to say

    @property
    def fraction(self) -> float:
        return 1.0 if self.complete or not self.total else min(1.0, self.indexed / self.total)
