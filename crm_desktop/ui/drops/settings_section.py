"""The message drops' part of the Settings dialog: the office's own e-mail addresses (they
tell an e-mail's direction) and the country code for national phone numbers (vCards and
WhatsApp names compared with the customer list)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QLineEdit

from crm_desktop.contact_keys import country_code_setting
from crm_desktop.settings import Settings
from crm_desktop.ui.forms import FieldForm


def system_region() -> str:
    """The system locale's territory as a two-letter code (``DE``), or ""."""
    locale = QLocale.system()
    return QLocale.territoryToCode(locale.territory()) or ""


def country_code(settings: Settings) -> str | None:
    """The calling code for national numbers: the setting's, else the system region's."""
    return country_code_setting(settings.phone_country_code, system_region())


class MessageSettings(QObject):
    """Adds its fields to ``form``; the dialog calls errors() before save()."""

    def __init__(self, form: FieldForm, settings: Settings) -> None:
        super().__init__(form)
        self._settings = settings
        self.addresses = QLineEdit(settings.office_addresses, form)
        self.addresses.setObjectName("settingsOfficeAddresses")
        self.addresses.setPlaceholderText(self.tr("e.g. info@roofing.example, @roofing.example"))
        self.addresses.setToolTip(
            self.tr(
                "The office's own e-mail addresses, separated by commas; @domain stands for "
                "every address of the domain. A dropped e-mail sent from one of them is "
                "outbound, one sent to them inbound."
            )
        )
        form.add_field("office_addresses", self.tr("Office &e-mail addresses:"), self.addresses)

        derived = country_code_setting("", system_region())
        self.country = QLineEdit(settings.phone_country_code, form)
        self.country.setObjectName("settingsCountryCode")
        self.country.setMaximumWidth(self.country.fontMetrics().horizontalAdvance("+0000") * 3)
        self.country.setPlaceholderText(f"+{derived}" if derived else self.tr("e.g. +49"))
        self.country.setToolTip(
            self.tr(
                "The country calling code of phone numbers written without one (030 …), used "
                "to find dropped contacts in the customer list. Empty: the one of this "
                "computer's region."
            )
        )
        form.add_field("phone_country_code", self.tr("Phone &country code:"), self.country)

    def errors(self) -> dict[str, str]:
        text = self.country.text().strip()
        digits = text.removeprefix("+").removeprefix("00")
        if text and (not digits.isdigit() or not 1 <= len(digits) <= 4):
            return {"phone_country_code": self.tr("A country code is 1 to 4 digits, e.g. +49.")}
        return {}

    def save(self) -> None:
        self._settings.office_addresses = self.addresses.text().strip()
        self._settings.phone_country_code = self.country.text().strip()
