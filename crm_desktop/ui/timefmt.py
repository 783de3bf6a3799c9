"""Stored UTC timestamps shown in local time, in the user's locale, in whole phrases.

Dates follow QLocale's own formats with the year written out ("25.11.2026",
"25/11/2026"); where the locale writes the month first in numbers (the United States), the
month is a word ("Nov 25, 2026"), since "11/12/2026" reads as two different days to
anyone else. Phrases with a time in them ("yesterday 14:30", "Fri 15:09") are translated
whole, so a translator can reorder them.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QLocale, QObject, QTimeZone

from crm_desktop import timeutil
from crm_desktop.i18n import translate


class TimeWords(QObject):
    """Phrases with a count (lupdate sees plurals only in a class's tr())."""

    def minutes_ago(self, minutes: int) -> str:
        return self.tr("%n min ago", "", minutes)


_words: list[TimeWords] = []


def _time_words() -> TimeWords:
    if not _words:
        _words.append(TimeWords())
    return _words[0]


def to_local(moment: datetime) -> QDateTime:
    """An aware datetime as a QDateTime in the system's time zone."""
    utc = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000), QTimeZone.utc())
    return utc.toLocalTime()


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date with a four-digit year; month-first locales spell the month."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:  # "25 11 2026": no one writes dates so
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "MMM" not in short and 0 <= short.find("M") < short.find("d") < short.find("y"):
        # "dddd, MMMM d, yyyy" -> "MMM d, yyyy": the long form without the weekday.
        long = locale.dateFormat(QLocale.FormatType.LongFormat)
        rest = long[long.find("MMMM") :] if "MMMM" in long else ""
        if rest and "d" in rest and "dddd" not in rest:
            return rest.replace("MMMM", "MMM", 1)
    if "yyyy" not in short:
        short = short.replace("yy", "yyyy", 1)
    return short


def format_date(date: QDate, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(date, date_format(locale))


def exact(stored: str | None) -> str:
    """The full local date and time (for tooltips), or the stored text if it is not a date."""
    moment = timeutil.parse_stored(stored)
    if moment is None:
        return stored or ""
    return QLocale().toString(to_local(moment), QLocale.FormatType.LongFormat)


def short(stored: str | None) -> str:
    """The local date and time: "25.11.2026 14:30"."""
    moment = timeutil.parse_stored(stored)
    if moment is None:
        return stored or ""
    local = to_local(moment)
    locale = QLocale()
    return translate("timefmt", "{date} {time}", "a date, then the time of day").format(
        date=format_date(local.date(), locale),
        time=locale.toString(local.time(), QLocale.FormatType.ShortFormat),
    )


def long(stored: str | None) -> str:
    """The local date in the locale's long form and the time: "Wednesday, 25 November 2026
    14:30" (the reading pane); the stored text if it is not a date."""
    moment = timeutil.parse_stored(stored)
    if moment is None:
        return stored or ""
    local = to_local(moment)
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return translate("timefmt", "{date} {time}", "a date, then the time of day").format(
        date=locale.toString(local.date(), QLocale.FormatType.LongFormat),
        time=locale.toString(local.time(), QLocale.FormatType.ShortFormat),
    )


def date_only(stored: str | None) -> str:
    moment = timeutil.parse_stored(stored)
    if moment is None:
        return stored or ""
    return format_date(to_local(moment).date())


def relative(stored: str | None, now: datetime | None = None) -> str:
    """Recent moments relative ("5 min ago", "yesterday 14:30"), older ones as a date."""
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
        return _time_words().minutes_ago(int(age.total_seconds() // 60))
    today = to_local(now).date()
    clock = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    if local.date() == today:
        return translate("timefmt", "today {time}").format(time=clock)
    if local.date() == today.addDays(-1):
        return translate("timefmt", "yesterday {time}").format(time=clock)
    if timedelta(0) <= age < timedelta(days=6):
        weekday = locale.dayName(local.date().dayOfWeek(), QLocale.FormatType.ShortFormat)
        return translate("timefmt", "{weekday} {time}", "a day of this week and a time").format(
            weekday=weekday, time=clock
        )
    return format_date(local.date(), locale)


class RelativeMemo:
    """relative() for a list's rows, kept until the minute changes: a view asks for every
    visible row on every repaint, and the words change once a minute at most."""

    def __init__(self) -> None:
        self._minute = -1
        self._texts: dict[str, str] = {}

    def __call__(self, stored: str) -> str:
        minute = int(time.time() // 60)
        if minute != self._minute or len(self._texts) > 50_000:
            self._texts.clear()
            self._minute = minute
        text = self._texts.get(stored)
        if text is None:
            text = self._texts[stored] = relative(stored)
        return text

    def clear(self) -> None:
        self._texts.clear()
