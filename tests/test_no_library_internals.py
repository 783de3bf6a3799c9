"""The app keeps to libraries' public APIs (issue 14): speed tricks that reach into a
library's internals break silently with its next release, so none may come back.

Read from the source (the AST, not the text, so that comments and strings that name these
things do not count): no ``sys.modules`` edits, no pydantic private attributes, no
hand-made psycopg adapters, and at most five ``type: ignore``, each with its reason.
"""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "crm_desktop"
MAX_TYPE_IGNORES = 5


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _internals(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            value = node.value
            if node.attr == "modules" and isinstance(value, ast.Name) and value.id == "sys":
                found.append("sys.modules")
            if node.attr.startswith("__pydantic") or node.attr in {
                "_fields_set",
                "__fields_set__",
                "_iter",
                "_copy_and_set_values",
            }:
                found.append(f"pydantic internal .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(("psycopg.adapt", "psycopg.types", "pydantic._internal")):
                found.append(f"from {node.module} import …")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(("psycopg.adapt", "pydantic._internal")):
                    found.append(f"import {alias.name}")
    return found


def test_no_library_internals_in_the_app() -> None:
    offenders = {
        str(path.relative_to(PACKAGE.parent)): found
        for path in _sources()
        if (found := _internals(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}


def test_the_checker_finds_what_it_looks_for() -> None:
    tree = ast.parse(
        "import sys\nsys.modules['psycopg'] = None\nx.__pydantic_fields_set__\n"
        "from psycopg.adapt import Dumper\n"
    )
    assert sorted(_internals(tree)) == [
        "from psycopg.adapt import …",
        "pydantic internal .__pydantic_fields_set__",
        "sys.modules",
    ]


def _type_ignores(path: Path) -> list[tuple[int, str, str]]:
    """Each ``type: ignore`` comment: its line, and the comment lines just above it."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT and "type: ignore" in token.string:
            number = token.start[0]
            above = lines[number - 2].strip() if number >= 2 else ""
            found.append((number, token.string, above))
    return found


def test_few_type_ignores_each_with_its_reason() -> None:
    ignores = [(path, *found) for path in _sources() for found in _type_ignores(path)]
    assert len(ignores) <= MAX_TYPE_IGNORES, ignores
    for path, number, comment, above in ignores:
        where = f"{path.relative_to(PACKAGE.parent)}:{number}"
        assert "type: ignore[" in comment, f"{where}: name the error silenced"
        assert above.startswith("#"), f"{where}: say why in a comment on the line above"
