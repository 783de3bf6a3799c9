"""The review dialog of a drop: one row per file, fields for all rows, then save with progress.

It looks at the files on a worker thread as soon as it opens, and saves on one too, so the
window keeps painting and Cancel works at any moment. Saving is all or nothing (see
``save.py``); after a cancelled or failed save the dialog stays open with everything
as it was, and says what happened.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import nextcloud, service
from crm_desktop.errors import Cancelled, InvalidInputError
from crm_desktop.models import CustomerInDB, MediaInDB
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.drops.fields import DropTable, SharedFields
from crm_desktop.ui.drops.items import Dropped
from crm_desktop.ui.drops.model import DropColumn, DropReviewModel
from crm_desktop.ui.drops.review import Duplicate, Review
from crm_desktop.ui.drops.save import SHARED_FIELDS, SaveProgress, check_shared, save_drop
from crm_desktop.ui.drops.scanning import ScanOptions, scan
from crm_desktop.ui.forms import MARGIN, SPACING
from crm_desktop.ui.worker import Worker

log = logging.getLogger("crm_desktop.ui.drops")

STATE_KEY = "dialog/MediaDropDialog"


class Stage(Enum):
    scanning = "scanning"
    review = "review"
    saving = "saving"
    saved = "saved"


class _RecordedPaths:
    """Which paths the customer has recorded: the worker's answer first, then the database."""

    def __init__(self, customer_id: str, checked: set[str], recorded: set[str]) -> None:
        self._customer_id = customer_id
        self._checked, self._recorded = checked, recorded

    def __call__(self, paths: list[str]) -> set[str]:
        found = {path for path in paths if path in self._recorded}
        unknown = [path for path in paths if path not in self._checked]
        if unknown:
            try:
                found |= service.existing_media_paths(self._customer_id, unknown)
            except Exception:  # the save checks again; a lost flag is no harm here
                log.warning("Looking up recorded paths failed", exc_info=True)
        return found


class MediaDropDialog(QDialog):
    """Review the files of one drop for one customer; ``saved(customer_id, ids)`` after saving."""

    saved = Signal(str, list)

    def __init__(
        self,
        context: AppContext,
        customer: CustomerInDB,
        items: list[Dropped],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.customer = customer
        self.items = items
        self.sync_folder = context.settings.nextcloud_folder or None
        self.saved_ids: list[str] = []
        self._stage = Stage.scanning
        self.setObjectName("mediaDropDialog")
        self.setWindowTitle(self.tr("Record files for {name}").format(name=customer.name))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(720, 480)

        self.model = DropReviewModel(self)
        self.worker = Worker(self)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._work_done)
        self.worker.failed.connect(self._work_failed)
        self._build()
        self.model.dataChanged.connect(self._update_summary)
        self.model.modelReset.connect(self._update_summary)
        self._set_stage(Stage.scanning)
        self.resize(960, 640)
        state = context.settings.state(STATE_KEY)
        if state is not None:
            self.restoreGeometry(state)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Untick what should not be recorded; double-click a name, type or path to "
                "change it. The app records these details only: the files live in Nextcloud."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("mediaDropSummary")
        self.table = DropTable(self.model, self)
        # The chosen row's fate in full: a reason is a sentence, the status column a glimpse.
        self.reason = QLabel(self)
        self.reason.setObjectName("mediaDropReason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table.selectionModel().currentChanged.connect(self._show_reason)
        self.model.dataChanged.connect(self._show_reason)
        self.model.modelReset.connect(self._show_reason)
        try:
            tags, order_ids = service.known_tags(), service.known_order_ids()
        except Exception:  # completion is a help, not a need
            log.warning("Reading completions failed", exc_info=True)
            tags, order_ids = [], []
        self.fields = SharedFields(self.context.user_name, tags, order_ids, self)
        self._set_up_copy_box()
        shared = QGroupBox(self.tr("For every file recorded"), self)
        shared.setObjectName("mediaDropShared")
        box = QVBoxLayout(shared)
        box.addWidget(self.fields)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("mediaDropProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.status = QLabel(self)
        self.status.setObjectName("mediaDropStatus")
        progress_row = QHBoxLayout()
        progress_row.setSpacing(SPACING)
        progress_row.addWidget(self.status, 1)
        progress_row.addWidget(self.progress, 2)

        self.record_all = QPushButton(self.tr("Record &all"), self)
        self.record_all.setObjectName("mediaDropCheckAll")
        self.record_all.clicked.connect(lambda: self.model.set_all_kept(True))
        self.record_none = QPushButton(self.tr("Record &none"), self)
        self.record_none.setObjectName("mediaDropCheckNone")
        self.record_none.clicked.connect(lambda: self.model.set_all_kept(False))
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("mediaDropSave")
        self.save_button.setToolTip(self.tr("Record the ticked files (Ctrl+Enter)"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("mediaDropCancel")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.record_all)
        bottom.addWidget(self.record_none)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addWidget(shared)
        layout.addLayout(progress_row)
        layout.addLayout(bottom)

    def _set_up_copy_box(self) -> None:
        box = self.fields.copy
        folder = self.customer.nextcloud_folder or "/"
        if self.sync_folder:
            box.setText(
                self.tr(
                    "Copy files from outside the Nextcloud folder into it (to {folder})"
                ).format(folder=folder)
            )
            box.setChecked(True)
            box.setToolTip(
                self.tr(
                    "Into {path}; a name that is taken gets a number, nothing is overwritten."
                ).format(
                    path=nextcloud.in_sync_folder(folder, self.sync_folder)
                    or Path(self.sync_folder)
                )
            )
        else:
            box.setText(self.tr("Copy files into the Nextcloud folder (set it in Settings first)"))
            box.setChecked(False)
            box.setEnabled(False)
        box.setAccessibleName(box.text())
        box.toggled.connect(self.model.set_copy_outside)
        self.model.set_copy_outside(box.isChecked())

    # --- stages ---------------------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        return self._stage

    @property
    def review(self) -> Review | None:
        return self.model.review

    def _set_stage(self, stage: Stage) -> None:
        self._stage = stage
        busy = stage in (Stage.scanning, Stage.saving)
        self.progress.setVisible(busy)
        self.status.setVisible(busy or bool(self.status.text()))
        for widget in (self.table, self.fields, self.record_all, self.record_none):
            widget.setEnabled(stage == Stage.review)
        self._update_summary()

    def scan(self) -> None:
        """Look at the dropped files on the worker thread; the table fills when done."""
        options = ScanOptions(self.sync_folder, self.customer.nextcloud_folder)
        items, customer_id = list(self.items), self.customer.id

        def work(cancel: threading.Event, report: Callable[[Any], None]) -> Review:
            candidates = scan(items, options, cancel, lambda done, total: report((done, total)))
            paths = {c.nextcloud_path for c in candidates if c.nextcloud_path}
            recorded = service.existing_media_paths(customer_id, paths)
            # Built here, so its first pass over every row is not the GUI thread's work;
            # later edits look up new paths from the GUI thread, one at a time.
            return Review(candidates, _RecordedPaths(customer_id, paths, recorded))

        self._show_status(self.tr("Looking at the files…"))
        self.progress.setRange(0, 0)
        self.worker.start(work)

    def save(self) -> None:
        """Copy (if chosen) and record the ticked rows on the worker thread."""
        review = self.review
        if self._stage != Stage.review or review is None or not review.kept():
            return
        self.fields.clear_errors()
        shared = self.fields.shared()
        try:
            check_shared(self.customer.id, shared)
        except InvalidInputError as exc:
            self.fields.show_errors(exc.field_errors)
            return
        planned = review.planned(self.fields.copy.isChecked())
        reserved = review.recorded_paths()
        customer_id, sync_folder = self.customer.id, self.sync_folder

        def work(cancel: threading.Event, report: Callable[[Any], None]) -> Any:
            return save_drop(
                customer_id,
                planned,
                shared,
                sync_folder,
                reserved=reserved,
                cancel=cancel,
                progress=report,
            )

        self._show_status(self.tr("Saving…"))
        self.progress.setRange(0, 0)
        self._set_stage(Stage.saving)
        self.worker.start(work)

    # --- what the worker says -------------------------------------------------------------

    def _progress(self, value: Any) -> None:
        if isinstance(value, SaveProgress):
            self._save_progress(value)
        else:
            done, total = value
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self._show_status(
                self.tr("Looking at the files… {done} of {total}").format(
                    done=QLocale().toString(done), total=QLocale().toString(total)
                )
            )

    def _save_progress(self, value: SaveProgress) -> None:
        locale = QLocale()
        if value.writing or not value.files_to_copy:
            self.progress.setRange(0, 0)  # one transaction: no steps to show
            self._show_status(self.tr("Recording…"))
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * value.bytes_copied / max(value.bytes_to_copy, 1)))
        self._show_status(
            self.tr("Copying into the Nextcloud folder… {done} of {total} files").format(
                done=locale.toString(value.files_copied), total=locale.toString(value.files_to_copy)
            )
        )

    def _work_done(self, result: Any) -> None:
        if self._stage == Stage.scanning:
            self.model.set_review(result)
            self._show_status("")
            self._set_stage(Stage.review)
            self._focus_first_row()
        elif self._stage == Stage.saving:
            self._saved(result)

    def _show_reason(self, *_args: object) -> None:
        row = self.model.row_of(self.table.currentIndex())
        if row is None:
            self.reason.clear()
            return
        self.reason.setText(
            self.tr("{name}: {status}").format(name=row.filename, status=self.model.status(row))
        )

    def _focus_first_row(self) -> None:
        """Keyboard users start on the first file that can be recorded (nothing selected)."""
        review = self.review
        first = (
            next((n for n, row in enumerate(review.rows) if row.fixable), None) if review else None
        )
        if first is not None:
            index = self.model.index(first, DropColumn.filename)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.table.setFocus()

    def _saved(self, records: list[MediaInDB]) -> None:
        self.saved_ids = [record.id for record in records]
        self._set_stage(Stage.saved)
        customer_id = self.customer.id
        self.context.events.media_changed.emit(customer_id)
        self.saved.emit(customer_id, self.saved_ids)
        # Selecting a thousand new records loads them all: on the next turn of the event
        # loop, so that the window paints in between instead of freezing for both.
        QTimer.singleShot(0, self, self._show_saved)

    def _show_saved(self) -> None:
        self.context.events.media_added.emit(self.customer.id, self.saved_ids)
        self.accept()

    def _work_failed(self, exc: BaseException) -> None:
        if self._stage == Stage.scanning:
            if isinstance(exc, Cancelled):
                super().reject()
                return
            self._set_stage(Stage.review)
            self._show_problem(exc)
            return
        self._set_stage(Stage.review)
        if isinstance(exc, Cancelled):
            self._show_status(self.tr("Cancelled: nothing was recorded and no file was copied."))
        elif isinstance(exc, InvalidInputError):
            self._show_input_errors(exc.field_errors)
        else:
            self._show_problem(exc)

    def _show_problem(self, exc: BaseException) -> None:
        self._show_status("")
        self.fields.show_failure(exc, self.tr("Nothing was recorded and no file was copied."))

    def _show_input_errors(self, errors: dict[str, str]) -> None:
        """Shared fields show their errors at the field; a row's error names the row's file
        and selects it; anything else (e.g. the customer is gone) goes to the banner."""
        review = self.review
        kept = review.kept() if review is not None else []
        shown: dict[str, str] = {}
        rows: list[int] = []
        for location, message in errors.items():
            parts = location.split(".")
            if review is not None and parts[0] == "rows" and len(parts) > 1 and parts[1].isdigit():
                row = kept[int(parts[1])]
                rows.append(review.rows.index(row))
                message = self.tr("{name}: {message}").format(name=row.filename, message=message)
                location = f"row {parts[1]}"
            shown[location] = message
        if not set(errors) <= set(SHARED_FIELDS):  # not only field errors: say what happened
            shown["nothing"] = self.tr("Nothing was recorded and no file was copied.")
        self._show_status("")
        self.fields.show_errors(shown)
        if rows:
            self.table.select_row(min(rows))

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _update_summary(self, *_args: object) -> None:
        review = self.review
        count = len(review.kept()) if review is not None else 0
        self.save_button.setText(self.tr("Record %n files", "", count))
        self.save_button.setEnabled(self._stage == Stage.review and count > 0)
        if review is None:
            self.summary.setText(self.tr("Looking at what was dropped…"))
            return
        locale, total = QLocale(), len(review.rows)
        files = self.tr("%Ln files", "", total)
        parts = [
            self.tr("To record: {count} of {files}").format(
                count=locale.toString(count), files=files
            )
        ]
        for amount, text in (
            (review.count(Duplicate.recorded), self.tr("{n} already recorded")),
            (review.count(Duplicate.repeated), self.tr("{n} twice in this drop")),
            (review.count(bad=True), self.tr("{n} cannot be recorded")),
        ):
            if amount:
                parts.append(text.format(n=locale.toString(amount)))
        self.summary.setText(" · ".join(parts))

    # --- closing --------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: stops the running work (a cancelled save keeps the dialog open), or closes."""
        if self.worker.busy:
            self.worker.cancel()
            self._show_status(self.tr("Cancelling…"))
            return
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # No default button: Enter ends a cell's edit or picks a completion, and never
        # records a thousand files by accident; Ctrl+Enter records.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def done(self, result: int) -> None:
        self.worker.shutdown()
        self.context.settings.set_state(STATE_KEY, self.saveGeometry())
        super().done(result)
