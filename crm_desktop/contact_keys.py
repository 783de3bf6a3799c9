"""Keys to find a contact that is "already in the list": e-mail addresses and phone numbers.

Below the service and the message readers (both use them: a vCard's contact and a stored
customer are compared by the same keys).

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


# Country calling codes by region (ISO 3166 alpha-2), for national numbers (``030 …``):
# the region is the system locale's territory unless the settings name a code. Europe and
# the regions the office is likely to be in; elsewhere the setting says it.
_CODES = (
    "AD=376 AL=355 AT=43 BA=387 BE=32 BG=359 BY=375 CH=41 CY=357 CZ=420 DE=49 DK=45 EE=372 "
    "ES=34 FI=358 FO=298 FR=33 GB=44 GG=44 GI=350 GR=30 HR=385 HU=36 IE=353 IM=44 IS=354 "
    "IT=39 JE=44 LI=423 LT=370 LU=352 LV=371 MC=377 MD=373 ME=382 MK=389 MT=356 NL=31 NO=47 "
    "PL=48 PT=351 RO=40 RS=381 RU=7 SE=46 SI=386 SK=421 SM=378 TR=90 UA=380 XK=383 "
    "US=1 CA=1 PR=1 MX=52 BR=55 AR=54 CL=56 CO=57 PE=51 VE=58 EC=593 BO=591 PY=595 UY=598 "
    "CR=506 PA=507 GT=502 SV=503 HN=504 NI=505 CU=53 "
    "AU=61 NZ=64 JP=81 KR=82 CN=86 HK=852 MO=853 TW=886 IN=91 PK=92 BD=880 LK=94 NP=977 "
    "TH=66 VN=84 MY=60 SG=65 ID=62 PH=63 IL=972 AE=971 SA=966 QA=974 KW=965 BH=973 OM=968 "
    "JO=962 LB=961 IQ=964 IR=98 KZ=7 GE=995 AM=374 AZ=994 "
    "EG=20 MA=212 DZ=213 TN=216 ZA=27 NG=234 KE=254 GH=233 ET=251 TZ=255 UG=256 SN=221"
)
CALLING_CODES: dict[str, str] = dict(pair.split("=", 1) for pair in _CODES.split())


def calling_code(region: str | None) -> str | None:
    """The calling code of a region (``DE``: ``49``), or None when the table lacks it."""
    return CALLING_CODES.get((region or "").upper()) or None


def country_code_setting(text: str | None, region: str | None) -> str | None:
    """The country code to use: the one the settings name (``+49``, ``0049``, ``49``), else
    the region's; None when neither is known."""
    digits = _NOT_DIGIT.sub("", text or "").removeprefix("00")
    return digits or calling_code(region)
