from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale

from crm_desktop import timeutil
from crm_desktop.ui import timefmt


@pytest.fixture(autouse=True)
def english(qapp):
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


def stored(moment: datetime) -> str:
    return timeutil.to_storage(moment)


def test_relative_for_recent_moments():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert timefmt.relative(stored(now - timedelta(seconds=20)), now) == "just now"
    assert timefmt.relative(stored(now - timedelta(minutes=5)), now) == "5 min ago"
    assert timefmt.relative(stored(now - timedelta(days=40)), now) == timefmt.date_only(
        stored(now - timedelta(days=40))
    )


def test_texts_that_are_not_dates_are_shown_as_they_are():
    for function in (timefmt.relative, timefmt.exact, timefmt.short, timefmt.date_only):
        assert function("yesterday-ish") == "yesterday-ish"
        assert function(None) == ""


def test_exact_is_local_time():
    moment = datetime(2026, 6, 1, 10, 30, tzinfo=UTC)
    local = timefmt.to_local(moment)
    assert local.toSecsSinceEpoch() == int(moment.timestamp())
    assert str(local.date().year()) in timefmt.exact(stored(moment))


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (QLocale(QLocale.Language.German, QLocale.Country.Germany), "25.11.2026"),
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "Nov 25, 2026"),
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), "25/11/2026"),
        (QLocale.c(), "25/11/2026"),  # never "25 11 2026"
    ],
)
def test_dates_in_the_users_locale_with_the_whole_year(locale, expected):
    QLocale.setDefault(locale)
    moment = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert timefmt.date_only(stored(moment)) == expected
    assert timefmt.short(stored(moment)).startswith(expected + " ")
    assert timefmt.relative(stored(moment), moment + timedelta(days=30)) == expected


def test_phrases_are_translated_whole(german):
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday
    assert timefmt.relative(stored(now - timedelta(minutes=1)), now) == "vor 1 Min."
    assert timefmt.relative(stored(now - timedelta(minutes=5)), now) == "vor 5 Min."
    local = timefmt.to_local(now - timedelta(days=3))
    weekday = QLocale().dayName(local.date().dayOfWeek(), QLocale.FormatType.ShortFormat)
    clock = QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)
    assert timefmt.relative(stored(now - timedelta(days=3)), now) == f"{weekday}, {clock}"
