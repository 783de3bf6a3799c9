"""A contract type that import-linter lacks, for ``lint-imports`` (see pyproject.toml).

grimp knows an external package by its top-level name only (``PySide6``, not
``PySide6.QtWidgets``), so import-linter's own ``forbidden`` contracts cannot say "Qt's
core, but never its widgets". This one reads the import statements grimp found.
"""

from __future__ import annotations

import re

import grimp
from importlinter import Contract, ContractCheck, fields, output


class ForbiddenSubmodulesContract(Contract):
    """``source_modules`` (and everything in them) never import ``forbidden_modules``,
    submodules of external packages such as ``PySide6.QtWidgets``."""

    source_modules = fields.ListField(subfield=fields.StringField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        forbidden = [str(name) for name in self.forbidden_modules]
        found: list[tuple[str, int, str]] = []
        for source in self.source_modules:
            modules = {str(source)} | graph.find_descendants(str(source))
            for module in sorted(modules):
                imported = graph.find_modules_directly_imported_by(module)
                for name in forbidden:
                    top = name.split(".")[0]
                    if top not in imported:
                        continue
                    pattern = re.compile(rf"\b{re.escape(name)}\b")
                    for detail in graph.get_import_details(importer=module, imported=top):
                        if pattern.search(detail["line_contents"]):
                            found.append((module, detail["line_number"], detail["line_contents"]))
        return ContractCheck(kept=not found, warnings=None, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for module, line_number, line in check.metadata["found"]:
            output.print_error(f"{module}:{line_number}: {line}", bold=False)
            output.new_line()
