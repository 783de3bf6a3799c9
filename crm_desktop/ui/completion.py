"""Completers for media fields: order ids and tags already in use."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


def _setup(completer: QCompleter) -> QCompleter:
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


def word_completer(parent: QObject, words: Sequence[str] = ()) -> QCompleter:
    """A completer over one value (an order id, one tag)."""
    completer = QCompleter(parent)
    # Parented to the completer: the model lives exactly as long as it does.
    completer.setModel(QStringListModel(list(words), completer))
    return _setup(completer)


class TagListCompleter(QCompleter):
    """Completes the tag being typed in a comma-separated list, keeping the ones before it."""

    def __init__(self, words: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(list(words), self))
        _setup(self)

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        tag = super().pathFromIndex(index)
        editor = self.widget()
        text = editor.text() if isinstance(editor, QLineEdit) else ""
        before = [part.strip() for part in text.split(",")[:-1] if part.strip()]
        return ", ".join([*before, tag])


def set_words(completer: QCompleter, words: Sequence[str]) -> None:
    model = completer.model()
    if isinstance(model, QStringListModel) and model.stringList() != list(words):
        model.setStringList(list(words))
