"""The body preview measures little, and wraps exactly as measuring word by word does."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from crm_desktop.ui.timeline.delegate import preview_lines

PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def word_by_word(text: str, metrics: QFontMetrics, width: int, count: int) -> list[str]:
    """The plain way: add words while the line fits, measuring each time."""
    tokens: list[str | None] = []
    for paragraph in text.splitlines():
        words = paragraph.split()
        if words:
            if tokens:
                tokens.append(None)
            tokens.extend(words)
    lines: list[str] = []
    current: list[str] = []
    position = 0
    while position < len(tokens) and len(lines) < count - 1:
        token = tokens[position]
        if token is None:
            if current:
                lines.append(" ".join(current))
                current = []
            position += 1
            continue
        if current and metrics.horizontalAdvance(" ".join([*current, token])) > width:
            lines.append(" ".join(current))
            current = []
            continue
        current.append(token)
        position += 1
    rest = [*current, *(token for token in tokens[position:] if token is not None)]
    if rest:
        lines.append(" ".join(rest))
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


words = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzäöüßÄWMil.,!-0123456789", min_size=1, max_size=18
)
texts = st.lists(st.one_of(words, st.sampled_from(["\n", "\n\n", "  ", "\t"])), max_size=120).map(
    " ".join
)


@PROPERTY
@given(text=texts, width=st.integers(min_value=1, max_value=700), count=st.integers(1, 4))
def test_preview_is_the_same_as_measuring_word_by_word(qapp, text, width, count):
    metrics = QFontMetrics(QFont())
    assert preview_lines(text, metrics, width, count) == word_by_word(text, metrics, width, count)


def test_a_long_body_is_cut_before_it_is_elided(qapp):
    metrics = QFontMetrics(QFont())
    body = "Sehr geehrte Frau Weber, " + "anbei das Angebot für die Anlage. " * 200
    (line,) = preview_lines(body, metrics, 300, 1)
    assert line == metrics.elidedText(" ".join(body.split()), Qt.TextElideMode.ElideRight, 300)
    narrow = "i" * 2000  # narrower than the average character: cut text would fit
    assert preview_lines(narrow, metrics, 300, 1) == word_by_word(narrow, metrics, 300, 1)
