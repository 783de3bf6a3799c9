from __future__ import annotations

import pytest

from crm_desktop.messages import email_key, phone_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Anna@Example.COM", "anna@example.com"),
        (" mailto:anna@example.com ", "anna@example.com"),
        ("<anna@example.com>", "anna@example.com"),
        ("no address", None),
        ("@", None),
        (None, None),
    ],
)
def test_email_key(text, key):
    assert email_key(text) == key


@pytest.mark.parametrize(
    ("text", "country", "key"),
    [
        ("+49 170 1234567", None, "+491701234567"),
        ("0049 170 1234567", None, "+491701234567"),
        ("+49 (0)30 123456", None, "+4930123456"),
        ("030 123456", "49", "+4930123456"),
        ("030 123456", None, "030123456"),
        ("(555) 123-4567", None, "5551234567"),
        ("tel:+1-555-555-5555;ext=12", None, "+15555555555"),
        ("123", None, None),
        ("", None, None),
    ],
)
def test_phone_key(text, country, key):
    assert phone_key(text, country) == key


def test_the_country_code_comes_from_the_setting_else_the_region():
    from crm_desktop.contact_keys import calling_code, country_code_setting

    assert calling_code("DE") == "49" and calling_code("at") == "43" and calling_code("ZZ") is None
    assert country_code_setting("+41", "DE") == "41"
    assert country_code_setting("0041", "DE") == "41"
    assert country_code_setting("", "DE") == "49"
    assert country_code_setting(None, None) is None
    assert phone_key("030 1234567", country_code_setting("", "DE")) == "+49301234567"
