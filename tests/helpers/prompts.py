"""Prompts that answer from a script and remember what was asked: no modal dialog in tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QWidget

from crm_desktop.errors import explain
from crm_desktop.ui.prompts import Prompts


@dataclass
class Asked:
    kind: str
    title: str
    text: str


@dataclass
class ScriptedPrompts(Prompts):
    """``confirm`` answers from ``answers`` (then ``default``); ``choose`` from ``choices``;
    ``save_path``, ``open_path`` and ``choose_folder`` from ``paths`` (then None: the dialog
    was cancelled)."""

    answers: list[bool] = field(default_factory=list)
    default: bool = True
    choices: list[int] = field(default_factory=list)
    asked: list[Asked] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)
    paths: list[Path | None] = field(default_factory=list)

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        self.asked.append(Asked("confirm", title, text))
        return self.answers.pop(0) if self.answers else self.default

    def choose(self, parent: QWidget | None, title: str, text: str, options: list[str]) -> int:
        self.asked.append(Asked("choose", title, text))
        return self.choices.pop(0) if self.choices else 0

    def save_path(
        self,
        parent: QWidget | None,
        title: str,
        suggested: Path,
        filters: str,
        confirm_overwrite: bool = True,
    ) -> Path | None:
        self.asked.append(Asked("save_path", title, str(suggested)))
        return self.paths.pop(0) if self.paths else None

    def open_path(
        self, parent: QWidget | None, title: str, folder: Path, filters: str
    ) -> Path | None:
        self.asked.append(Asked("open_path", title, str(folder)))
        return self.paths.pop(0) if self.paths else None

    def choose_folder(self, parent: QWidget | None, title: str, start: Path) -> Path | None:
        self.asked.append(Asked("choose_folder", title, str(start)))
        return self.paths.pop(0) if self.paths else None

    def about(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append(Asked("about", title, text))

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append(Asked("inform", title, text))

    def error(self, parent: QWidget | None, exc: BaseException) -> None:
        explanation = explain(exc)
        self.asked.append(Asked("error", explanation.title, explanation.text))
        self.errors.append(exc)
