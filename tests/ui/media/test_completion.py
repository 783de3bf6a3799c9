"""Completion of order ids and tags."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from crm_desktop.ui.completion import TagListCompleter, set_words, word_completer


def test_tag_list_completion_completes_the_last_tag(qtbot):
    line = QLineEdit()
    qtbot.addWidget(line)
    completer = TagListCompleter(["damage", "roof"], line)
    line.setCompleter(completer)
    line.setText("roof, dam")
    assert completer.splitPath(line.text()) == ["dam"]
    completer.setCompletionPrefix("dam")
    assert completer.pathFromIndex(completer.currentIndex()) == "roof, damage"


def test_word_completer_matches_inside_words_and_updates(qtbot):
    line = QLineEdit()
    qtbot.addWidget(line)
    completer = word_completer(line, ["A-1001", "B-2002"])
    completer.setCompletionPrefix("100")
    assert completer.currentCompletion() == "A-1001"
    set_words(completer, ["C-3003"])
    assert completer.model().stringList() == ["C-3003"]
