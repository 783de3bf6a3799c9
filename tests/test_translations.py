"""Every user-visible string is found by pyside6-lupdate, translated into German, and keeps
its placeholders; the English catalogue gives the plural forms; the catalogues load.

The strings are found twice, by reading the code (Python's ast, the way the runtime looks
them up) and by pyside6-lupdate (what translators get), and both must agree: lupdate's
Python reader misses some forms (a plural through ``translate()``, a module-level ``tr()``
wrapper files its strings under no context, so they would never be translated at run time).

To add or change strings: resources/translations/README.md.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "crm_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
GERMAN = TRANSLATIONS / "crm_desktop_de.ts"
ENGLISH = TRANSLATIONS / "crm_desktop_en.ts"

# Where translate() is called with a variable on purpose: the texts come from tables whose
# entries are marked with QT_TRANSLATE_NOOP (file, function).
DYNAMIC_TRANSLATE = {
    ("crm_desktop/i18n.py", "translate"),
    ("crm_desktop/ui/labels.py", "_translate"),
    ("crm_desktop/errors.py", "explain"),
    ("crm_desktop/service/_common.py", "undecodable_problems"),
}

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n|%L?\d")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*")


@dataclass(frozen=True)
class Key:
    context: str
    source: str
    comment: str = ""


@dataclass
class Scan:
    keys: dict[Key, bool]  # -> plural
    problems: list[str]


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _disambiguation(node: ast.expr | None) -> str | None:
    """A literal disambiguation ("" for None); None when it is not a literal."""
    if node is None or (isinstance(node, ast.Constant) and node.value is None):
        return ""
    return _literal(node)


class _Finder(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self.classes: list[str] = []
        self.functions: list[str] = []
        self.keys: dict[Key, bool] = {}
        self.problems: list[str] = []
        self.plural_in: list[tuple[str, int]] = []  # (class, line) of self.tr(..., n)
        self.bases: dict[str, list[str]] = {}

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.bases[node.name] = [ast.unparse(base).split(".")[-1] for base in node.bases]
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    def _where(self, node: ast.AST) -> str:
        return f"{self.path}:{getattr(node, 'lineno', 0)}"

    def _add(self, node: ast.Call, context: str, source: str, comment: str, plural: bool) -> None:
        key = Key(context, source, comment)
        if self.keys.get(key, plural) != plural:
            self.problems.append(f"{self._where(node)}: {source!r} both with and without a count")
        self.keys[key] = plural or self.keys.get(key, False)

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        args = list(node.args)
        counted = any(k.arg == "n" for k in node.keywords)
        if name == "tr":
            has_count = counted or len(args) >= 3
            self._tr(node, func, args, has_count)
        elif name == "translate" and (
            isinstance(func, ast.Name)
            or (
                isinstance(func.value, ast.Name)
                and func.value.id in ("QCoreApplication", "QApplication")
            )
        ):
            self._translate(node, args, counted or len(args) >= 4)
        elif name == "QT_TRANSLATE_NOOP":
            context, source = (_literal(a) for a in [*args, None, None][:2])
            if context is None or source is None:
                self.problems.append(f"{self._where(node)}: QT_TRANSLATE_NOOP of a variable")
            else:
                self._add(node, context, source, "", False)

    def _tr(self, node: ast.Call, func: ast.expr, args: list[ast.expr], has_count: bool) -> None:
        if isinstance(func, ast.Name):
            self.problems.append(
                f"{self._where(node)}: a plain tr() function: lupdate files its strings under "
                "no context; call translate(context, text) or a class's tr()"
            )
            return
        assert isinstance(func, ast.Attribute)
        owner = func.value
        if isinstance(owner, ast.Name) and owner.id != "self":
            context = owner.id  # Words.tr(...): lupdate and PySide both use the class's name
        elif self.classes:
            context = self.classes[-1]
            if has_count:
                self.plural_in.append((context, node.lineno))
        else:
            self.problems.append(f"{self._where(node)}: tr() outside a class")
            return
        source = _literal(args[0]) if args else None
        comment = _disambiguation(args[1] if len(args) > 1 else None)
        if source is None or comment is None:
            self.problems.append(
                f"{self._where(node)}: tr() of a variable: lupdate cannot see the text"
            )
            return
        self._add(node, context, source, comment, has_count)

    def _translate(self, node: ast.Call, args: list[ast.expr], has_count: bool) -> None:
        context = _literal(args[0]) if args else None
        source = _literal(args[1]) if len(args) > 1 else None
        comment = _disambiguation(args[2] if len(args) > 2 else None)
        if context is None or source is None or comment is None:
            function = self.functions[-1] if self.functions else ""
            if (self.path, function) not in DYNAMIC_TRANSLATE:
                self.problems.append(
                    f"{self._where(node)}: translate() of a variable: lupdate cannot see the "
                    "text (mark a table's texts with QT_TRANSLATE_NOOP, and list the function "
                    "in DYNAMIC_TRANSLATE)"
                )
            return
        if has_count:
            self.problems.append(
                f"{self._where(node)}: a plural through translate(): lupdate does not see it as "
                "one; use self.tr(text, '', n) in a QObject class (timefmt.TimeWords)"
            )
            return
        self._add(node, context, source, comment, False)


def scan_code() -> Scan:
    keys: dict[Key, bool] = {}
    problems: list[str] = []
    plural_in: list[tuple[str, str, int]] = []
    bases: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        finder = _Finder(relative)
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), relative))
        for key, plural in finder.keys.items():
            keys[key] = plural or keys.get(key, False)
        problems += finder.problems
        plural_in += [(relative, cls, line) for cls, line in finder.plural_in]
        for cls, names in finder.bases.items():
            bases.setdefault(cls, []).extend(names)
    # PySide finds a subclass's translation through the base class's name, except for
    # plurals: there the base class spells its own name (Base.tr(text, "", n)).
    subclassed = {base for names in bases.values() for base in names}
    for relative, cls, line in plural_in:
        if cls in subclassed:
            problems.append(
                f"{relative}:{line}: self.tr() with a count in {cls}, which has subclasses: "
                "PySide looks plurals up under the subclass's name only; put the phrase in "
                "a class of its own (see crm_desktop/ui/timefmt.py's TimeWords)"
            )
    return Scan(keys, problems)


@dataclass
class Message:
    plural: bool
    kind: str  # the translation's type: "" (done), "unfinished", "vanished", "obsolete"
    forms: list[str]


def read_catalogue(path: Path) -> dict[Key, Message]:
    messages: dict[Key, Message] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            plural = message.get("numerus") == "yes"
            forms = (
                [form.text or "" for form in translation.iter("numerusform")]
                if plural
                else [translation.text or ""]
            )
            key = Key(name, message.findtext("source") or "", message.findtext("comment") or "")
            messages[key] = Message(plural, translation.get("type", ""), forms)
    return messages


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} is not installed beside Python (it comes with PySide6)")
    return found


@pytest.fixture(scope="module")
def scan() -> Scan:
    return scan_code()


@pytest.fixture(scope="module")
def lupdate_keys(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, Message]:
    target = tmp_path_factory.mktemp("lupdate") / "all.ts"
    sources = [str(path) for path in sorted(PACKAGE.rglob("*.py"))]
    subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(target)],
        check=True,
        capture_output=True,
    )
    return read_catalogue(target)


def test_every_string_is_marked_so_that_lupdate_and_the_runtime_agree(scan: Scan) -> None:
    assert not scan.problems, "\n".join(scan.problems)


def test_lupdate_finds_every_string_the_code_translates(
    scan: Scan, lupdate_keys: dict[Key, Message]
) -> None:
    missed = sorted(f"{k.context}: {k.source!r}" for k in set(scan.keys) - set(lupdate_keys))
    assert not missed, "lupdate does not see these (write them plainly):\n" + "\n".join(missed)
    wrong = sorted(
        f"{k.context}: {k.source!r}"
        for k, plural in scan.keys.items()
        if k in lupdate_keys and lupdate_keys[k].plural != plural
    )
    assert not wrong, "plural in the code, not for lupdate (or back):\n" + "\n".join(wrong)


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)\S", text.replace("&&", "")))


def test_the_german_catalogue_translates_every_string_whole(
    lupdate_keys: dict[Key, Message],
) -> None:
    catalogue = read_catalogue(GERMAN)
    missing = sorted(f"{k.context}: {k.source!r}" for k in set(lupdate_keys) - set(catalogue))
    stale = sorted(f"{k.context}: {k.source!r}" for k in set(catalogue) - set(lupdate_keys))
    assert not missing, "not in crm_desktop_de.ts (run lupdate, README there):\n" + "\n".join(
        missing
    )
    assert not stale, "no longer in the code (lupdate -no-obsolete):\n" + "\n".join(stale)
    problems = []
    for key, message in sorted(catalogue.items(), key=lambda item: repr(item[0])):
        where = f"{key.context}: {key.source!r}"
        if message.kind or not all(form.strip() for form in message.forms):
            problems.append(f"{where}: not translated ({message.kind or 'empty'})")
            continue
        if message.plural and len(message.forms) != 2:
            problems.append(f"{where}: German has two plural forms")
        for form in message.forms:
            if _placeholders(form) != _placeholders(key.source):
                problems.append(f"{where}: placeholders differ in {form!r}")
            if sorted(TAG.findall(form)) != sorted(TAG.findall(key.source)):
                problems.append(f"{where}: markup differs in {form!r}")
            if _mnemonics(form) != _mnemonics(key.source):
                problems.append(f"{where}: the & of a shortcut key is lost in {form!r}")
    assert not problems, "\n".join(problems)


def test_the_english_catalogue_gives_every_plural_its_singular(
    lupdate_keys: dict[Key, Message],
) -> None:
    plurals = {key for key, message in lupdate_keys.items() if message.plural}
    catalogue = read_catalogue(ENGLISH)
    assert set(catalogue) == plurals, "run lupdate -pluralonly (README in translations/)"
    for key, message in catalogue.items():
        assert not message.kind and len(message.forms) == 2, key
        for form in message.forms:
            assert _placeholders(form) == _placeholders(key.source), (key, form)


def test_the_catalogues_compile_and_load(tmp_path: Path, qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    for ts in (GERMAN, ENGLISH):
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(tmp_path / ts.stem)],
            check=True,
        )
    english, german = QTranslator(), QTranslator()
    assert english.load(str(tmp_path / ENGLISH.stem))
    assert german.load(str(tmp_path / GERMAN.stem))
    try:
        QCoreApplication.installTranslator(english)
        assert QCoreApplication.translate("MainWindow", "%Ln customers", None, 1) == "1 customer"
        QCoreApplication.installTranslator(german)
        assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
        assert QCoreApplication.translate("MainWindow", "%Ln customers", None, 1) == "1 Kunde"
        assert QCoreApplication.translate("MainWindow", "%Ln customers", None, 3) == "3 Kunden"
    finally:
        QCoreApplication.removeTranslator(german)
        QCoreApplication.removeTranslator(english)


def test_the_catalogues_ship_compiled_with_the_app() -> None:
    """.ci/setup builds the .qm files (they are never committed)."""
    for ts in (GERMAN, ENGLISH):
        compiled = ts.with_suffix(".qm")
        assert compiled.is_file(), f"{compiled.name} is missing: run .ci/setup"
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", str(GERMAN.with_suffix(".qm"))], cwd=ROOT, check=False
    )
    assert ignored.returncode == 0, ".qm files are built, not committed (.gitignore)"
