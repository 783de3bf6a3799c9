"""Translation for code below the widgets (models, service), through Qt's own mechanism.

Widgets use ``self.tr()``; plain functions use :func:`tr` with a context name, so that
``lupdate`` finds every user-visible string and a translator never has to touch code.
"""

from PySide6.QtCore import QCoreApplication


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)
