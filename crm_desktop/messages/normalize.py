"""Keys to find a contact that is "already in the list": e-mail addresses and phone numbers.

- E-mail: blanks and a ``mailto:`` removed, casefolded (``Anna@Example.COM`` is
  ``anna@example.com``); None when it has no ``@``. Mailbox names are case-sensitive in
  theory and never in practice.
- Phone: digits only, with a leading ``+`` for an international number. ``00`` at the
  start is ``+`` (the international prefix in Europe); a ``(0)`` after the country code is
  dropped (``+49 (0)30 …``); a national number (one leading ``0``) becomes international
  when ``country_code`` is given (``030 123`` with ``49``: ``+4930123``), and stays as it is
  otherwise. Fewer than five digits: None (an extension, not a number).
"""

from __future__ import annotations

import re

_NOT_DIGIT = re.compile(r"\D")


def email_key(address: str | None) -> str | None:
    if not address:
        return None
    text = "".join(address.split()).removeprefix("mailto:").removeprefix("MAILTO:").strip("<>")
    if "@" not in text.strip("@"):
        return None
    return text.casefold()


def phone_key(number: str | None, country_code: str | None = None) -> str | None:
    if not number:
        return None
    text = number.strip().removeprefix("tel:").split(";", 1)[0]
    text = text.replace("(0)", "")
    international = text.lstrip().startswith("+")
    digits = _NOT_DIGIT.sub("", text)
    if len(digits) < 5:
        return None
    if international:
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0") and country_code:
        return "+" + _NOT_DIGIT.sub("", country_code) + digits[1:]
    return digits
