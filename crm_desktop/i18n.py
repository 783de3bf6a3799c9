"""Translation for code below the widgets (models, service), through Qt's own mechanism.

Widgets use ``self.tr()``; plain functions use :func:`translate` with a context name (the
name and the arguments ``pyside6-lupdate`` looks for), so that every user-visible string
is found for translators and none has to touch code.
"""

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translators (pyside6-lupdate finds it by this name) without
    translating it: for sentences kept in tables and translated where they are shown.
    Qt's own QT_TRANSLATE_NOOP does the same, typed as returning ``object``."""
    return text


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)
