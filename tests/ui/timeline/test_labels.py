"""Words for types and directions; a foreign row's value shows as stored."""

from __future__ import annotations

import pytest

from crm_desktop.models import CommDirection, CommType
from crm_desktop.ui.timeline.labels import DIRECTIONS, TYPES, direction_label, type_label


def test_every_type_and_direction_has_a_label(qapp):
    assert [type_label(value) for value in TYPES] == [
        "E-mail",
        "WhatsApp",
        "Call",
        "SMS",
        "Note",
        "In person",
    ]
    assert [direction_label(value) for value in DIRECTIONS] == ["Inbound", "Outbound", "Internal"]
    assert type_label(CommType.in_person) == type_label("in_person")
    assert direction_label(CommDirection.inbound) == "Inbound"


@pytest.mark.parametrize(("value", "shown"), [("fax", "fax"), ("", ""), (None, "")])
def test_unknown_values_show_as_stored(qapp, value, shown):
    assert type_label(value) == shown
    assert direction_label(value) == shown
