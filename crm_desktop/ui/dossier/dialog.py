"""Customer ▸ Export…: the format, which communications, the order, and the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.service import TimelineFilter
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.dialogs.base import RememberedDialog
from crm_desktop.ui.dossier import text
from crm_desktop.ui.dossier.csv_file import default_separator
from crm_desktop.ui.dossier.export import ExportFormat
from crm_desktop.ui.dossier.text import DossierRequest
from crm_desktop.ui.forms import FieldForm, dialog_layout


@dataclass(frozen=True)
class ExportChoice:
    """What the dialog was told to export, and where."""

    request: DossierRequest
    path: Path
    separator: str


def safe_file_name(name: str) -> str:
    """A customer's name made fit for a file name on every system."""
    kept = "".join("_" if char in '<>:"/\\|?*' or ord(char) < 32 else char for char in name)
    return kept.strip(" .") or "customer"


class ExportDialog(RememberedDialog):
    """Opens with the last choices; OK checks the file name and stores them."""

    def __init__(
        self,
        context: AppContext,
        customer_id: str,
        customer_name: str,
        filters: TimelineFilter,
        counts: tuple[int, int],  # communications with the filters, and in all
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export {name}").format(name=customer_name))
        self.setMinimumWidth(560)
        self._customer_id = customer_id
        self._customer_name = customer_name
        self._filters = filters
        settings = context.settings
        self.choice: ExportChoice | None = None

        self.form = FieldForm(self)
        self.as_pdf = QRadioButton(self.tr("&PDF, to read, send or archive"), self)
        self.as_pdf.setObjectName("exportFormatPdf")
        self.as_csv = QRadioButton(self.tr("&CSV, for Excel: one row per communication"), self)
        self.as_csv.setObjectName("exportFormatCsv")
        formats = QButtonGroup(self)
        formats.addButton(self.as_pdf)
        formats.addButton(self.as_csv)
        (self.as_csv if settings.export_format == "csv" else self.as_pdf).setChecked(True)
        choice = QWidget(self)
        column = QVBoxLayout(choice)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.as_pdf)
        column.addWidget(self.as_csv)
        self.form.add_field("format", self.tr("Format:"), choice)

        shown, total = counts
        locale = QLocale()
        self.apply_filters = QCheckBox(self)
        self.apply_filters.setObjectName("exportApplyFilters")
        if text.has_filters(filters):
            self.apply_filters.setText(
                self.tr("&Only what the timeline shows ({filters}): {shown} of {total}").format(
                    filters=text.filter_description(filters),
                    shown=locale.toString(shown),
                    total=locale.toString(total),
                )
            )
            self.apply_filters.setChecked(True)
        else:
            self.apply_filters.setText(
                self.tr("All {total} communications (the timeline has no filters)").format(
                    total=locale.toString(total)
                )
            )
            self.apply_filters.setEnabled(False)
        self.form.add_field("filters", self.tr("Communications:"), self.apply_filters)

        self.order = QComboBox(self)
        self.order.setObjectName("exportOrder")
        self.order.addItem(self.tr("Newest first, as in the timeline"), False)
        self.order.addItem(self.tr("Oldest first, as a history reads"), True)
        self.order.setCurrentIndex(1 if settings.export_oldest_first else 0)
        self.form.add_field("order", self.tr("O&rder:"), self.order)

        self.separator = QComboBox(self)
        self.separator.setObjectName("exportSeparator")
        semicolon = self.tr("Semicolon (;), for Excel where numbers are written 3,5")
        self.separator.addItem(semicolon, ";")
        self.separator.addItem(self.tr("Comma (,)"), ",")
        wanted = settings.export_separator or default_separator()
        self.separator.setCurrentIndex(0 if wanted == ";" else 1)
        self.form.add_field("separator", self.tr("CSV &separator:"), self.separator)

        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self.browse)
        self.form.add_field("path", self.tr("&File:"), self.path, browse)
        self.path.setText(str(self._suggested(self._format())))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Export"))
        ok.setObjectName("exportOk")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        dialog_layout(self, self.form, buttons=buttons)
        self.as_pdf.toggled.connect(self._format_changed)
        self._format_changed()
        self.restore_geometry()

    def _format(self) -> ExportFormat:
        return ExportFormat.csv if self.as_csv.isChecked() else ExportFormat.pdf

    def _folder(self) -> Path:
        folder = Path(self.context.settings.export_folder).expanduser()
        return folder if self.context.settings.export_folder and folder.is_dir() else Path.home()

    def _suggested(self, kind: ExportFormat) -> Path:
        day = datetime.now().strftime("%Y-%m-%d")
        name = f"{safe_file_name(self._customer_name)} {day}.{kind.value}"
        return self._folder() / name

    def _format_changed(self) -> None:
        kind = self._format()
        self.form.field("separator").setEnabled(kind is ExportFormat.csv)
        current = Path(self.path.text().strip())
        if current.suffix.lower() in (".pdf", ".csv"):
            self.path.setText(str(current.with_suffix(f".{kind.value}")))

    def browse(self) -> None:
        kind = self._format()
        if kind is ExportFormat.pdf:
            filters = self.tr("PDF files (*.pdf)")
        else:
            filters = self.tr("CSV files (*.csv)")
        start = Path(self.path.text().strip() or self._suggested(kind))
        chosen = self.context.prompts.save_path(self, self.tr("Export to"), start, filters)
        if chosen is not None:
            if chosen.suffix.lower() != f".{kind.value}":
                chosen = chosen.with_name(f"{chosen.name}.{kind.value}")
            self.path.setText(str(chosen))

    def save(self) -> None:
        kind = self._format()
        entered = self.path.text().strip()
        errors = {}
        path = Path(entered).expanduser() if entered else None
        if path is None:
            errors["path"] = self.tr("Choose a file to export to.")
        elif path.suffix.lower() != f".{kind.value}":
            errors["path"] = self.tr("The file's name must end in .{suffix}.").format(
                suffix=kind.value
            )
        elif path.is_dir():
            errors["path"] = self.tr("This is a folder; give a file name inside it.")
        elif not path.parent.is_dir():
            errors["path"] = self.tr("The folder {folder} does not exist.").format(
                folder=path.parent
            )
        if errors or path is None:
            self.form.show_errors(errors)
            return
        if path.exists() and not self.context.prompts.confirm(
            self,
            self.tr("Replace the file?"),
            self.tr("{name} exists. Replace it with the new export?").format(name=path.name),
            self.tr("Replace"),
        ):
            return
        oldest_first = bool(self.order.currentData())
        separator = str(self.separator.currentData())
        settings = self.context.settings
        settings.export_folder = str(path.parent)
        settings.export_format = kind.value
        settings.export_oldest_first = oldest_first
        settings.export_separator = separator
        apply = self.apply_filters.isEnabled() and self.apply_filters.isChecked()
        self.choice = ExportChoice(
            request=DossierRequest(
                customer_id=self._customer_id,
                filters=self._filters if apply else None,
                oldest_first=oldest_first,
            ),
            path=path.absolute(),
            separator=separator,
        )
        self.accept()
