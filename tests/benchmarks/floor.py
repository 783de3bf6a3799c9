"""The floors of issue 19: the same visible work done with the same libraries and nothing of
the app's own: three bare ``QListView``s over ``QStandardItemModel``s, filled with rows read
raw (APSW, the app's SQLite) by the very statements the app ran.

- ``FloorWindow`` is used in the benchmark's process for *click to repaint*: choosing a
  customer in its first list reads the timeline's and the media panel's statements raw and
  refills the other two lists.
- Run as a script it is the *start floor*: it imports PySide6, peewee, pydantic and APSW,
  opens the file, reads the first screen's rows with the statements the app ran for its
  first screen (a JSON file), shows the three lists, paints them, prints "shown" and quits
  (as ``crm-desktop`` does with CRM_DESKTOP_EXIT_AFTER_SHOWN):

      python tests/benchmarks/floor.py FILE STATEMENTS.json

Nothing here imports the test package or the app, so that the script loads only what a
floor may.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import apsw
from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QHBoxLayout, QListView, QWidget

Statement = tuple[str, list[Any]]

# Where a statement's rows go: the first list shows customers, the second the timeline,
# the third the media records; a statement of none of them (a count) is run all the same.
PANELS = ("customers", "timeline", "media")


def panel_of(sql: str) -> str | None:
    """Which list a statement's rows fill, from the table it reads."""
    text = sql.lower()
    if "crm_media" in text:
        return "media"
    if "crm_comms_log" in text and "crm_customers" not in text:
        return "timeline"
    if "crm_customers" in text:
        return "customers"
    return None


def text_of(row: Sequence[Any]) -> str:
    """A row as one line of text (what a bare list shows: no formatting of its own)."""
    return " · ".join(str(value) for value in row[1:4] if value is not None)


class FloorWindow(QWidget):
    """Three bare lists side by side at the app's window size."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.setWindowTitle("floor")
        self.connection = apsw.Connection(str(path), flags=apsw.SQLITE_OPEN_READONLY)
        self.models = {name: QStandardItemModel(self) for name in PANELS}
        self.views = {name: QListView(self) for name in PANELS}
        layout = QHBoxLayout(self)
        for name in PANELS:
            self.views[name].setModel(self.models[name])
            self.views[name].setUniformItemSizes(True)
            layout.addWidget(self.views[name], 1)
        self.resize(1400, 860)
        self.chosen: Callable[[int], None] | None = None
        self.views["customers"].selectionModel().currentRowChanged.connect(self._current)

    def read(self, statements: list[Statement]) -> dict[str, list[tuple[Any, ...]]]:
        """Run every statement, fetching all its rows; the rows by the list they fill."""
        rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in PANELS}
        for sql, params in statements:
            fetched = self.connection.execute(sql, params).fetchall()
            panel = panel_of(sql)
            if panel is not None and fetched and len(fetched[0]) > 1:
                rows[panel].extend(fetched)
        return rows

    def fill(self, name: str, rows: list[tuple[Any, ...]]) -> None:
        model = self.models[name]
        model.clear()
        for row in rows:
            model.appendRow(QStandardItem(text_of(row)))

    def show_rows(self, rows: dict[str, list[tuple[Any, ...]]], panels: Sequence[str]) -> None:
        for name in panels:
            self.fill(name, rows[name])

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.chosen is not None and current.isValid():
            self.chosen(current.row())


def start(path: Path, statements_file: Path) -> int:
    """The start floor: the first screen's rows read raw and shown in three lists."""
    # Imported as the app imports them: part of the floor. pydantic's package loads its
    # parts on first use, so the floor asks for BaseModel, as any use of pydantic does.
    import peewee  # noqa: F401
    from pydantic import BaseModel  # noqa: F401

    statements = [(sql, params) for sql, params in json.loads(statements_file.read_text())]
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")  # the app's style (its style sheet is the app's own work)
    window = FloorWindow(path)
    window.show_rows(window.read(statements), PANELS)
    window.show()

    def shown() -> None:  # as crm_desktop.app.exit_when_shown does it
        QApplication.sendPostedEvents()
        window.repaint()
        print("shown", flush=True)
        QApplication.quit()

    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(start(Path(sys.argv[1]), Path(sys.argv[2])))
