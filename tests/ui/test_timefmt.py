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
