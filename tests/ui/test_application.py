"""The Qt application's set-up shared by the command line, the self-test and the commands."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import qWarning

from crm_desktop.ui.application import log_qt_messages

WARNING = "crm-desktop test: a warning of Qt's own"


@pytest.mark.qt_log_ignore(WARNING)
def test_qt_warnings_reach_the_log_and_a_handler_before_still_gets_them(qapp, qtlog, caplog):
    log_qt_messages()
    with caplog.at_level(logging.WARNING, logger="crm_desktop.qt"):
        qWarning(WARNING)
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("crm_desktop.qt", logging.WARNING, WARNING)
    ]
    # pytest-qt's handler (qt_log_level_fail) was installed first: it still hears Qt.
    assert [record.message for record in qtlog.records] == [WARNING]
