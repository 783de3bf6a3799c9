"""Customer ▸ Export… and Customer ▸ Print… in the real main window."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
)

from crm_desktop import service
from crm_desktop.app import create_main_window
from crm_desktop.database import close_db
from crm_desktop.settings import Settings
from crm_desktop.ui.dossier.dialog import ExportDialog
from crm_desktop.ui.dossier.printing import DossierPrint
from tests.helpers.prompts import ScriptedPrompts
from tests.helpers.ui import show_active, wait_active


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def window(qtbot, qapp, tmp_path, settings, prompts):
    db = tmp_path / "crm.sqlite3"
    result = create_main_window(db, settings, prompts, create=True)
    customer = service.create_customer({"name": "Müller & Söhne", "email": "m@example.com"})
    for day in range(1, 61):
        service.create_comm(
            {
                "customer_id": customer.id,
                "type": "call" if day % 3 == 0 else "email",
                "direction": "inbound",
                "subject": f"Betreff {day}",
                "body": f"Text {day}: Grüße, „Zitat“, 12 €",
                "occurred_at": f"2026-01-{day // 24 + 1:02d}T{day % 24:02d}:00:00",
            }
        )
    result.customers.model.reload()
    qtbot.addWidget(result)
    show_active(qtbot, result)
    result.customers.select_first()
    qtbot.waitUntil(lambda: result.timeline.model.rowCount() > 0)
    yield result
    result.close()
    assert not prompts.errors, prompts.errors
    close_db()


def action(window, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_the_customer_menu_has_export_and_print(window):
    menu = next(m for m in window.menuBar().actions() if m.text() == "&Customer").menu()
    assert action(window, "exportDossierAction") in menu.actions()
    assert action(window, "printDossierAction") in menu.actions()
    assert action(window, "printDossierAction").shortcut() == QKeySequence(
        QKeySequence.StandardKey.Print
    )
    assert action(window, "printDossierAction").shortcut().toString() == "Ctrl+P"
    window.dossier.set_customer(None)
    assert not action(window, "exportDossierAction").isEnabled()


def open_dialog(qtbot, window) -> ExportDialog:
    action(window, "exportDossierAction").trigger()
    dialog = window.findChild(ExportDialog, "exportDialog")
    assert dialog is not None
    return wait_active(qtbot, dialog)


def test_export_a_csv_through_the_dialog(qtbot, window, tmp_path, settings):
    dialog = open_dialog(qtbot, window)
    dialog.findChild(QRadioButton, "exportFormatCsv").setChecked(True)
    path = dialog.findChild(QLineEdit, "exportPath")
    assert path.text().endswith(".csv")
    target = tmp_path / "Müller.csv"
    path.setText(str(target))
    qtbot.mouseClick(dialog.findChild(QPushButton, "exportOk"), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not window.dossier.busy and target.exists())
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=settings.export_separator))
    assert len(rows) == 61 and rows[1][4] == "Text 60: Grüße, „Zitat“, 12 €"
    assert "Exported Müller & Söhne: 60 communications, to" in window.statusBar().currentMessage()
    assert settings.export_format == "csv" and settings.export_folder == str(tmp_path)
    again = open_dialog(qtbot, window)  # the last choices come back
    assert again.findChild(QRadioButton, "exportFormatCsv").isChecked()
    assert Path(again.findChild(QLineEdit, "exportPath").text()).parent == tmp_path
    again.reject()


def test_export_with_the_timelines_filters(qtbot, window, tmp_path):
    qtbot.mouseClick(window.timeline.type_buttons["call"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.timeline.model.rowCount() == 20)
    dialog = open_dialog(qtbot, window)
    apply = dialog.findChild(QCheckBox, "exportApplyFilters")
    assert apply.isEnabled() and apply.isChecked() and "20 of 60" in apply.text()
    target = tmp_path / "calls.pdf"
    dialog.findChild(QLineEdit, "exportPath").setText(str(target))
    dialog.findChild(QRadioButton, "exportFormatPdf").setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: not window.dossier.busy and target.exists())
    text = " ".join(pypdf.PdfReader(target).pages[0].extract_text().split())
    assert "Communications (20, newest first)" in text


def test_the_dialog_refuses_a_file_it_cannot_write(qtbot, window, tmp_path, prompts):
    dialog = open_dialog(qtbot, window)
    dialog.findChild(QRadioButton, "exportFormatPdf").setChecked(True)
    path = dialog.findChild(QLineEdit, "exportPath")
    path.setText(str(tmp_path / "missing folder" / "x.pdf"))
    dialog.save()
    assert "does not exist" in dialog.form.error_text("path") and dialog.isVisible()
    path.setText(str(tmp_path / "x.csv"))
    dialog.save()
    assert ".pdf" in dialog.form.error_text("path")
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"keep")
    path.setText(str(existing))
    prompts.answers = [False]  # do not replace it
    dialog.save()
    assert dialog.isVisible() and existing.read_bytes() == b"keep"
    assert prompts.asked[-1].title == "Replace the file?"
    dialog.reject()


def test_an_export_can_be_cancelled_from_the_status_bar(qtbot, window, tmp_path, monkeypatch):
    from crm_desktop.ui.dossier import pdf

    # The worker waits at its first page until the test has pressed Cancel.
    monkeypatch.setattr(pdf, "BATCH_ENTRIES", 5)
    gate = threading.Event()
    draw = pdf.DossierPainter._flush

    def held_flush(painter, batch):
        assert gate.wait(30)
        draw(painter, batch)

    monkeypatch.setattr(pdf.DossierPainter, "_flush", held_flush)
    dialog = open_dialog(qtbot, window)
    dialog.findChild(QRadioButton, "exportFormatPdf").setChecked(True)
    target = tmp_path / "never.pdf"
    dialog.findChild(QLineEdit, "exportPath").setText(str(target))
    dialog.save()
    status = window.findChild(QLabel, "exportLabel")
    assert status.isVisible() and "never.pdf" in status.text()
    assert not action(window, "exportDossierAction").isEnabled()  # one export at a time
    qtbot.mouseClick(window.findChild(QToolButton, "exportCancel"), Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not window.dossier.busy)
    assert window.statusBar().currentMessage() == "Export cancelled; no file was written."
    assert not target.exists() and not list(tmp_path.glob(".crm-desktop-*"))
    assert not status.isVisible() and action(window, "exportDossierAction").isEnabled()


def test_print_preview_draws_the_dossier(qtbot, window, prompts):
    preview = window.dossier.print_dossier()
    assert isinstance(preview, DossierPrint)
    assert preview.dialog.objectName() == "printPreview"
    qtbot.waitUntil(lambda: preview.pages >= 2)
    preview.dialog.reject()


def test_print_with_filters_asks_which(qtbot, window, prompts):
    qtbot.mouseClick(window.timeline.type_buttons["call"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.timeline.model.rowCount() == 20)
    prompts.choices = [-1]
    assert window.dossier.print_dossier() is None  # closed without choosing
    prompts.choices = [0]
    preview = window.dossier.print_dossier()
    assert preview is not None and preview.request.filters is not None
    qtbot.waitUntil(lambda: preview.pages >= 1)
    preview.dialog.reject()
    prompts.choices = [1]
    preview = window.dossier.print_dossier()
    assert preview is not None and preview.request.filters is None
    qtbot.waitUntil(lambda: preview.pages >= 1)
    preview.dialog.reject()


def test_a_long_print_preview_shows_progress_and_can_be_cancelled(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    from crm_desktop.ui.dossier import pdf, printing

    monkeypatch.setattr(printing, "PROGRESS_FROM", 10)
    monkeypatch.setattr(pdf, "BATCH_ENTRIES", 5)
    shown = []
    monkeypatch.setattr(
        QProgressDialog, "wasCanceled", lambda dialog: shown.append(dialog.objectName()) or True
    )
    preview = window.dossier.print_dossier()
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pages >= 1)
    assert shown and set(shown) == {"printProgress"}
    assert preview.pages == 1  # cancelled after the first batch: the pages drawn so far
    assert not any(d.isVisible() for d in preview.dialog.findChildren(QProgressDialog))
    preview.dialog.reject()
