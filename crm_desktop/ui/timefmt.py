"""Stored UTC timestamps shown in local time, following the system locale."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QLocale, QTimeZone

from crm_desktop import timeutil
from crm_desktop.i18n import translate


def to_local(moment: datetime) -> QDateTime:
    """An aware datetime as a QDateTime in the system's time zone."""
    utc = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000), QTimeZone.utc())
    return utc.toLocalTime()


def exact(stored: str | None) -> str:
    """The full local date and time (for tooltips), or the stored text if it is not a date."""
    moment = timeutil.parse_stored(stored)
    if moment is None:
        return stored or ""
    return QLocale().toString(to_local(moment), QLocale.FormatType.LongFormat)


def short(stored: str | None) -> str:
    """The local date and time in the locale's short form."""
    moment = timeutil.parse_stored(stored)
    if moment is None:
        return stored or ""
    return QLocale().toString(to_local(moment), QLocale.FormatType.ShortFormat)


def date_only(stored: str | None) -> str:
    moment = timeutil.parse_stored(stored)
    if moment is None:
        return stored or ""
    return QLocale().toString(to_local(moment).date(), QLocale.FormatType.ShortFormat)


def relative(stored: str | None, now: datetime | None = None) -> str:
    """Recent moments relative ("5 min ago", "yesterday 14:30"), older ones as a short date."""
    moment = timeutil.parse_stored(stored)
    if moment is None:
        return stored or ""
    now = now or timeutil.utc_now()
    age = now - moment
    local = to_local(moment)
    locale = QLocale()
    if timedelta(0) <= age < timedelta(minutes=1):
        return translate("timefmt", "just now")
    if timedelta(0) <= age < timedelta(hours=1):
        return translate("timefmt", "%n min ago", None, int(age.total_seconds() // 60))
    today = to_local(now).date()
    clock = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    if local.date() == today:
        return translate("timefmt", "today {time}").format(time=clock)
    if local.date() == today.addDays(-1):
        return translate("timefmt", "yesterday {time}").format(time=clock)
    if timedelta(0) <= age < timedelta(days=6):
        return f"{locale.dayName(local.date().dayOfWeek(), QLocale.FormatType.ShortFormat)} {clock}"
    return locale.toString(local.date(), QLocale.FormatType.ShortFormat)
