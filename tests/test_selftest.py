"""The self-test on the real app: it passes, and it says what failed when something does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop import __version__, selftest, service

CHECKS = (
    "SQLite",
    "Resources",
    "Image formats",
    "Office-server driver",
    "Database",
    "Customer create/read/update",
    "Communication create/read/update",
    "Media create/read/update",
    "Dossier export",
    "Main window",
    "Translations",
    "Delete",
)


def lines_of(report: Path) -> dict[str, str]:
    """Check name -> its report line."""
    result = {}
    for line in report.read_text(encoding="utf-8").splitlines():
        if line.startswith(("PASS  ", "FAIL  ")):
            result[line[6:].split(":", 1)[0]] = line
    return result


def test_passes_on_the_real_app(qapp, tmp_path, capsys):
    report = tmp_path / "report.txt"

    assert selftest.run_self_test(report) == 0

    lines = lines_of(report)
    assert list(lines) == list(CHECKS)
    assert all(line.startswith("PASS") for line in lines.values()), lines
    text = report.read_text(encoding="utf-8")
    assert f"CRM Desktop {__version__} self-test" in text
    assert "SQLite 3." in text
    assert "de: Datei, Bearbeiten, Kunde, Kommunikation, Medien, Hilfe" in lines["Translations"]
    assert "Self-test PASSED" in text
    assert "Self-test PASSED" in capsys.readouterr().out


def test_writes_to_the_data_folder_by_default(qapp, user_folders):
    assert selftest.run_self_test() == 0

    report = selftest.default_report_path()
    assert report.is_relative_to(user_folders)
    assert "Self-test PASSED" in report.read_text(encoding="utf-8")


def test_a_failed_step_is_named_and_the_steps_after_it_are_not_run(qapp, tmp_path, monkeypatch):
    def broken(data):
        raise OSError("disk full")

    monkeypatch.setattr(service, "create_comm", broken)
    report = tmp_path / "report.txt"

    assert selftest.run_self_test(report) == 1

    lines = lines_of(report)
    assert lines["Customer create/read/update"].startswith("PASS")
    assert lines["Communication create/read/update"].startswith(
        "FAIL  Communication create/read/update: OSError: disk full"
    )
    for name in (
        "Media create/read/update",
        "Dossier export",
        "Main window",
        "Translations",
        "Delete",
    ):
        assert (
            lines[name] == f"FAIL  {name}: not run, because Communication create/read/update failed"
        )
    assert "Self-test FAILED (6 check(s))" in report.read_text(encoding="utf-8")


def test_a_view_without_the_data_fails_the_window_check(qapp, tmp_path, monkeypatch):
    shows = selftest._shows
    monkeypatch.setattr(selftest, "WAIT_SECONDS", 0.1)
    monkeypatch.setattr(
        selftest,
        "_shows",
        lambda view, text: view.objectName() != "mediaView" and shows(view, text),
    )
    report = tmp_path / "report.txt"

    assert selftest.run_self_test(report) == 1

    lines = lines_of(report)
    assert lines["Main window"] == (
        "FAIL  Main window: mediaView does not show 'self-test-photo.jpg'"
    )
    assert lines["Delete"].startswith("PASS")


def test_an_unwritable_report_fails(qapp, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")

    assert selftest.run_self_test(blocker / "report.txt") == 1


@pytest.mark.slow
def test_command_line_without_a_display(tmp_path):
    """What CI runs on an installed app: no DISPLAY, no QT_QPA_PLATFORM; it goes offscreen."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    report = tmp_path / "report.txt"

    done = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--self-test", "--self-test-report", str(report)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert "Qt platform: offscreen" in report.read_text(encoding="utf-8")
    assert "Self-test PASSED" in done.stdout
