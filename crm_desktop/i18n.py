"""The app's words in the user's language, through Qt's own mechanism.

Widgets use ``self.tr()``; plain functions use :func:`translate` with a context name (the
name and the arguments ``pyside6-lupdate`` looks for), so that every user-visible string
is found for translators and none has to touch code. A phrase with a count is a plural:
``SomeQObjectClass.tr("%n files", "", n)`` (lupdate sees plurals only in a class's tr();
see resources/translations/README.md, and tests/test_translations.py, which checks it all).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from crm_desktop import paths

log = logging.getLogger("crm_desktop.i18n")

# The translators installed, so that installing again replaces them.
_translators: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translators (pyside6-lupdate finds it by this name) without
    translating it: for sentences kept in tables and translated where they are shown.
    Qt's own QT_TRANSLATE_NOOP does the same, typed as returning ``object``."""
    return text


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(context, text, disambiguation)


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def available_languages() -> list[str]:
    """The languages the app speaks: English (its source) and every catalogue built."""
    built = {path.stem.removeprefix("crm_desktop_") for path in translations_dir().glob("*.qm")}
    return ["en", *sorted(built - {"en"})]


def install_translations(app: QCoreApplication, language: str = "") -> str:
    """The app's words and Qt's own (standard buttons, dialogs) in ``language`` ("de"), or
    in the system's language when it is "" and a catalogue exists; returns the language
    the app now speaks ("en" when there is none for it).

    The catalogues are resources/translations/crm_desktop_<lang>.qm, built from the .ts
    files by pyside6-lrelease (.ci/setup, build.spec). English is installed first, always:
    its catalogue holds the plural forms ("1 customer", "2 customers"), and it answers for
    every language without a catalogue of its own."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    folder = str(translations_dir())
    locale = QLocale(language) if language else QLocale.system()
    spoken = "en"
    english = QTranslator(app)
    if english.load("crm_desktop_en", folder):
        _translators.append(english)
    else:
        log.warning("The English catalogue (plural forms) is missing in %s", folder)
    own = QTranslator(app)
    if own.load(locale, "crm_desktop", "_", folder) and not own.language().startswith("en"):
        _translators.append(own)
        spoken = own.language().split("_")[0]
        qt_words = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_words.load(locale, "qtbase", "_", qt_folder):
            _translators.append(qt_words)
        else:
            log.warning("Qt's own %s words are missing in %s", spoken, qt_folder)
    for translator in _translators:
        app.installTranslator(translator)
    return spoken
