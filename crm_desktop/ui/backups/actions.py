"""Backing up and restoring the open database file from the window.

Every copy runs on a worker thread with connections of its own (see
crm_desktop.sqlite_backup): the window stays usable and the web backend keeps writing.
Progress shows in the status bar, and the outcome of the daily backup stays there.
A restore checks the backup first, asks (saying that the web backend must be stopped),
closes the window's database, puts the backup in place and opens it again.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from crm_desktop.errors import Cancelled
from crm_desktop.service import backups
from crm_desktop.service.backups import BackupInfo, BackupResult, ScheduledOutcome
from crm_desktop.ui import icons, timefmt
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.task_status import TaskStatus
from crm_desktop.ui.worker import Worker

MESSAGE_MS = 15_000


class BackupActions(QObject):
    """File ▸ Back up… and File ▸ Restore from backup…, and the daily backup.

    ``release`` closes the window's database (False when it cannot now) and ``reopen``
    opens it again: the window's own functions, called around a restore.
    """

    def __init__(
        self,
        window: QMainWindow,
        context: AppContext,
        release: Callable[[], bool],
        reopen: Callable[[], object],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self._release = release
        self._reopen = reopen

        self.backup_action = QAction(icons.icon("backup"), self.tr("&Back up…"), window)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.setStatusTip(
            self.tr("Save a copy of the database file, even while the web backend writes to it")
        )
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action = QAction(
            icons.icon("restore"), self.tr("&Restore from backup…"), window
        )
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.setStatusTip(
            self.tr("Put a backup in place of the database file (the current one is kept)")
        )
        self.restore_action.triggered.connect(self.restore)

        self.status = TaskStatus("backup", window)
        self.outcome = QLabel(window)
        self.outcome.setObjectName("backupOutcome")
        self.outcome.hide()
        bar = window.statusBar()
        bar.addPermanentWidget(self.status)
        bar.addPermanentWidget(self.outcome)
        self.worker = Worker(self)
        self.worker.progress.connect(lambda value: self.status.progress(*value))
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.status.cancel_requested.connect(self._cancel)
        self._job = ""  # what the worker does: "backup", "daily", "check" or "restore"
        self._restoring: Path | None = None

    def actions(self) -> list[QAction]:
        return [self.backup_action, self.restore_action]

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def _start(
        self, job: str, text: str, work: Callable[[threading.Event, Callable[[Any], None]], Any]
    ) -> None:
        self._job = job
        self.status.start(text, cancellable=job in ("backup", "daily"))
        self.backup_action.setEnabled(False)
        self.restore_action.setEnabled(False)
        self.worker.start(work)

    def _cancel(self) -> None:
        self.status.cancelling()
        self.worker.cancel()

    def _busy(self, title: str) -> bool:
        """While a backup (or check, or restore) runs, say so (True) rather than start
        another."""
        if not self.worker.busy:
            return False
        self.context.prompts.inform(
            self.window,
            title,
            self.tr("A backup is under way (see the status bar). Try again when it is done."),
        )
        return True

    def _on_server(self, title: str) -> bool:
        """On an office server: say what does this there instead (True), else False."""
        if self.context.location.is_file:
            return False
        error = backups.ServerBackupError()
        self.context.prompts.inform(self.window, title, error.text)
        return True

    # --- by hand --------------------------------------------------------------------------

    def _folder(self) -> Path:
        last = self.context.settings.backup_last_folder
        if last and Path(last).is_dir():
            return Path(last)
        return self.context.settings.daily_backup_folder()

    def back_up(self) -> None:
        """Ask for a new file and copy the database there."""
        title = self.tr("Back up")
        if self._busy(title) or self._on_server(title):
            return
        live = self.context.db_path
        assert live is not None
        folder = self._folder()
        with contextlib.suppress(OSError):  # never a tree of folders: see back_up_scheduled()
            folder.mkdir(exist_ok=True)
        target = self.context.prompts.save_path(
            self.window,
            title,
            folder / backups.suggested_backup_name(live),
            self.tr("Database backups (*.sqlite3)"),
            confirm_overwrite=False,
        )
        if target is None:
            return
        if target.suffix == "":
            target = target.with_suffix(".sqlite3")
        if target.exists():
            self.context.prompts.inform(
                self.window,
                title,
                self.tr(
                    "{name} exists, and a backup never overwrites a file. Choose a new name."
                ).format(name=target.name),
            )
            return
        self.context.settings.backup_last_folder = str(target.parent)

        def work(cancel: threading.Event, report: Callable[[Any], None]) -> BackupResult:
            return backups.back_up_database(
                target, lambda done, total: report((done, total)), cancel.is_set
            )

        self._start("backup", self.tr("Backing up to {name}…").format(name=target.name), work)

    # --- daily ----------------------------------------------------------------------------

    def start_daily(self, now: datetime | None = None) -> bool:
        """Back up in the background if the daily backup is on and due (at start)."""
        settings = self.context.settings
        live = self.context.db_path
        if live is None or not settings.backup_daily or self.worker.busy:
            return False
        folder = settings.daily_backup_folder()
        if not backups.scheduled_backup_due(folder, live, now):
            last = backups.last_scheduled_backup(folder, live)
            if last is not None:
                self._show_outcome(
                    self.tr("Last backup {when}").format(
                        when=timefmt.relative(last.made_at.strftime("%Y-%m-%dT%H:%M:%S"))
                    ),
                    str(last.path),
                )
            return False
        keep = max(1, settings.backup_keep)

        def work(cancel: threading.Event, report: Callable[[Any], None]) -> ScheduledOutcome:
            return backups.back_up_scheduled(
                folder, keep, lambda done, total: report((done, total)), now
            )

        self._start("daily", self.tr("Daily backup…"), work)
        return True

    def _show_outcome(self, text: str, tip: str, failed: bool = False) -> None:
        self.outcome.setText(text)
        self.outcome.setToolTip(tip)
        self.outcome.setProperty("role", "error" if failed else "")
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
        self.outcome.show()

    # --- restore --------------------------------------------------------------------------

    def restore(self) -> None:
        """Ask for a backup, check it, then ask before putting it in place."""
        title = self.tr("Restore from backup")
        if self._busy(title):
            return
        if not self.context.location.is_file:
            self.context.prompts.inform(
                self.window,
                title,
                self.tr(
                    "This database is on an office PostgreSQL server: it is restored on the "
                    "server, with PostgreSQL's pg_restore, by whoever runs it."
                ),
            )
            return
        if not self.context.writable:
            self.context.prompts.inform(
                self.window,
                title,
                self.tr("The database is read-only ({reason}): it cannot be replaced.").format(
                    reason=self.context.read_only_reason
                ),
            )
            return
        chosen = self.context.prompts.open_path(
            self.window,
            title,
            self._folder(),
            self.tr("Database backups (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if chosen is None:
            return
        self._restoring = chosen

        def work(_cancel: threading.Event, report: Callable[[Any], None]) -> BackupInfo:
            return backups.check_backup(chosen, lambda done, total: report((done, total)))

        self._start("check", self.tr("Checking {name}…").format(name=chosen.name), work)

    def _confirm_restore(self, info: BackupInfo) -> None:
        live = self.context.db_path
        assert live is not None
        locale = QLocale()
        rows = info.rows
        made = datetime.fromtimestamp(info.path.stat().st_mtime, UTC)
        question = self.tr(
            "The backup {name} (saved {when}, {size}) holds {customers} customers, "
            "{comms} communications and {media} media records.\n\n"
            "It replaces the database {live}. The current file is kept beside it as "
            "{kept}: what was written after the backup stays only there.\n\n"
            "Stop the web backend before you restore: while it runs it keeps writing to "
            "the file being replaced. The app refuses if it finds the file open elsewhere."
        ).format(
            name=info.path.name,
            when=timefmt.short(made.strftime("%Y-%m-%dT%H:%M:%S")),
            size=locale.formattedDataSize(info.bytes),
            customers=locale.toString(rows.get("crm_customers", 0)),
            comms=locale.toString(rows.get("crm_comms_log", 0)),
            media=locale.toString(rows.get("crm_media", 0)),
            live=live,
            kept=backups.kept_name(live).name,
        )
        if not self.context.prompts.confirm(
            self.window, self.tr("Restore from this backup?"), question, self.tr("Restore")
        ):
            return
        if not self._release():
            return
        backup = info.path

        def work(_cancel: threading.Event, report: Callable[[Any], None]) -> Path | None:
            return backups.restore_database(backup, live, lambda done, total: report((done, total)))

        self._start("restore", self.tr("Restoring {name}…").format(name=backup.name), work)

    # --- outcomes -------------------------------------------------------------------------

    def _done(self) -> str:
        job, self._job = self._job, ""
        self.status.finish()
        self.backup_action.setEnabled(True)
        self.restore_action.setEnabled(True)
        return job

    def _finished(self, result: object) -> None:
        job = self._done()
        bar = self.window.statusBar()
        if job == "backup" and isinstance(result, BackupResult):
            size = QLocale().formattedDataSize(result.bytes)
            bar.showMessage(
                self.tr("Backed up to {path} ({size}, checked)").format(
                    path=result.path, size=size
                ),
                MESSAGE_MS,
            )
        elif job == "daily" and isinstance(result, ScheduledOutcome):
            clock = QLocale().toString(
                timefmt.to_local(datetime.now(UTC)).time(), QLocale.FormatType.ShortFormat
            )
            self._show_outcome(
                self.tr("Backed up {time}").format(time=clock),
                self.tr("Daily backup: {path}").format(path=result.result.path),
            )
        elif job == "check" and isinstance(result, BackupInfo):
            self._confirm_restore(result)
        elif job == "restore":
            self._reopen()
            kept = result if isinstance(result, Path) else None
            text = self.tr("The database was restored from {name}.").format(
                name=self._restoring.name if self._restoring else ""
            )
            if kept is not None:
                text += " " + self.tr("The replaced file is kept as {kept}.").format(kept=kept)
            bar.showMessage(text, MESSAGE_MS)
            self.context.prompts.inform(self.window, self.tr("Restored"), text)

    def _failed(self, exc: BaseException) -> None:
        job = self._done()
        if job == "restore":
            self._reopen()  # the live file is as it was
        if isinstance(exc, Cancelled):
            self.window.statusBar().showMessage(
                self.tr("Backup cancelled; no file was written."), MESSAGE_MS
            )
            return
        if job == "daily":
            # Said in the status bar, not in a dialog: nobody asked for it just now.
            self._show_outcome(self.tr("Daily backup failed"), str(exc), failed=True)
            return
        self.context.prompts.error(self.window, exc)

    def shutdown(self) -> None:
        """Stop a running backup and wait (the window closes); a restore is let finish."""
        self.worker.shutdown()
