"""The Export dialog: a survey's responses as CSV or Excel, or its PDF report.

The work runs as a LongJob (not on the shared database worker: an export can
take minutes), with its own read-only connection to the workspace. A progress
bar follows it; Cancel stops it and leaves no file behind. The PDF's charts are
drawn on the GUI thread between two steps of the job: reading the numbers,
then writing the file. The dialog can be closed at any moment, whatever the
job did.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from exports import report_pdf
from exports import responses_csv as exports
from exports import responses_xlsx as xlsx_export
from exports.responses_csv import default_file_name
from storage.export_summary import ExportCancelled, ReportData, report_data
from storage.workspace import Workspace
from surveys.model import Survey
from ui.common.long_job import ClosesAfterItsJob, LongJob, Progress
from ui.common.problem_words import error_text
from ui.common.save_places import default_folder, missing_folder_text, write_error_text
from ui.surveys.report_images import chart_png, report_charts

Job = Callable[[Database, Progress], object]
SUFFIX = {"csv": "csv", "xlsx": "xlsx", "pdf": "pdf"}


def on_read_only_connection(folder: Path, job: Job) -> Callable[[Progress], object]:
    """``job`` run with a read-only connection of its own to the workspace in ``folder``."""

    def work(progress: Progress) -> object:
        workspace = Workspace.open_read_only(folder)
        try:
            return job(workspace.db(), progress)
        finally:
            workspace.close()

    return work


class ExportDialog(ClosesAfterItsJob, QDialog):
    """Choose a format (and the workbook's or the PDF's language, the CSV's BOM) and a
    file; export.

    Signals: ``exported(path)`` when a file was written.
    """

    exported = Signal(str)

    def __init__(
        self, folder: Path, survey: Survey, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.folder = folder
        self.survey = survey
        self.language = language
        self.job = LongJob(self, cancelled_by=(ExportCancelled,))
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(self._on_succeeded)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self._then: Callable[[object], None] = self._finished
        self.result_path: Path | None = None
        self._out: Path | None = None

        form = QFormLayout()
        self.format_box = QComboBox()
        self.format_box.addItem(self.tr("CSV (responses and codebook)"), "csv")
        self.format_box.addItem(self.tr("Excel workbook"), "xlsx")
        self.format_box.addItem(self.tr("PDF report"), "pdf")
        form.addRow(self.tr("Format:"), self.format_box)
        self.language_box = QComboBox()
        self.language_box.addItem("日本語", "ja")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(0 if language == "ja" else 1)
        form.addRow(self.tr("Language:"), self.language_box)
        self.bom_box = QCheckBox(self.tr("UTF-8 with BOM (for Japanese Excel)"))
        self.bom_box.setChecked(True)
        form.addRow("", self.bom_box)
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_file)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)
        form.addRow(self.tr("File:"), path_row)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        self.chart_button = QPushButton(self.tr("Save chart image…"))
        self.chart_button.clicked.connect(self.save_chart_image)
        self.chart_button.setEnabled(survey.headline_question is not None)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_or_close)
        buttons.addWidget(self.chart_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    # -- choices

    @property
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def _default_path(self) -> Path:
        folder = default_folder(QStandardPaths.StandardLocation.DocumentsLocation, self.folder)
        title = self.survey.title.get_for(self.language)
        return folder / default_file_name(title, self.survey.id or 0, SUFFIX[self.fmt])

    def _format_changed(self) -> None:
        # A CSV's header is stable column names, the same in every language.
        self.language_box.setEnabled(self.fmt in ("xlsx", "pdf"))
        self.bom_box.setEnabled(self.fmt == "csv")
        current = self.path_edit.text().strip()
        if current:
            self.path_edit.setText(str(Path(current).with_suffix("." + SUFFIX[self.fmt])))
        else:
            self.path_edit.setText(str(self._default_path()))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path_edit.text())
        if path:
            self.path_edit.setText(path)

    # -- running

    def start(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a file to export to."))
            return
        out = Path(text).expanduser()
        survey = self.survey
        self.result_path = None
        self.open_folder_button.hide()
        if not out.parent.is_dir():  # say so now, not after the PDF's first step
            self.status.setText(
                self.tr("The export failed: %1").replace("%1", missing_folder_text(out.parent))
            )
            return
        self._out = out
        if self.fmt == "csv":
            bom = self.bom_box.isChecked()

            def csv_job(db: Database, progress: Progress) -> object:
                count, _ = exports.export_csv(db, survey, out, bom=bom, progress=progress)
                return out, count

            self._run(csv_job, self._finished)
        elif self.fmt == "xlsx":
            language = str(self.language_box.currentData())

            def xlsx_job(db: Database, progress: Progress) -> object:
                count = xlsx_export.write_xlsx(
                    db, survey, out, language=language, progress=progress
                )
                return out, count

            self._run(xlsx_job, self._finished)
        else:
            self._run(lambda db, progress: report_data(db, survey), self._draw_charts)

    def _run(self, job: Job, then: Callable[[object], None]) -> None:
        self._set_running(True)
        self._then = then
        self.job.start(on_read_only_connection(self.folder, job))

    def _on_succeeded(self, result: object) -> None:
        self._then(result)

    def _draw_charts(self, data: object) -> None:
        """Between the PDF's two steps, on the GUI thread: charts are widgets."""
        assert isinstance(data, ReportData) and self._out is not None
        if self.job.cancel_requested:
            self._cancelled()
            return
        language = str(self.language_box.currentData())
        charts = report_charts(data, language)
        out = self._out

        def pdf_job(db: Database, progress: Progress) -> object:
            report_pdf.save_report(out, data, language, charts)
            return out, data.results.responses

        self._run(pdf_job, self._finished)

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.status.setText(
                self.tr("%1 of %Ln response(s)", "", total).replace("%1", f"{done:,}")
            )

    def _finished(self, result: object) -> None:
        path, count = result  # type: ignore[misc]
        self._set_running(False)
        self.result_path = Path(path)
        self.status.setText(
            self.tr("%n response(s) exported to %1", "", int(count)).replace("%1", str(path))
        )
        self.open_folder_button.show()
        self.exported.emit(str(path))

    def _failed(self, error: Exception) -> None:
        self._set_running(False)
        message = write_error_text(error, self._out) if self._out is not None else error_text(error)
        self.status.setText(self.tr("The export failed: %1").replace("%1", message))

    def _cancelled(self) -> None:
        self._set_running(False)
        self.status.setText(self.tr("Export cancelled; no file was written."))

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self.status.setText(self.tr("Exporting…"))
        self.export_button.setEnabled(not running)
        self.format_box.setEnabled(not running)
        self.cancel_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def cancel_or_close(self) -> None:
        if self.job.running:
            self.job.cancel()
            self.show_cancelling()
        else:
            self.reject()

    def show_cancelling(self) -> None:
        self.status.setText(self.tr("Cancelling…"))

    def open_folder(self) -> None:
        if self.result_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path.parent)))

    # -- chart image

    def save_chart_image(self) -> None:
        question = self.survey.headline_question
        if question is None:
            return
        default = self._default_path().with_suffix(".png")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart image"), str(default), self.tr("PNG image (*.png)")
        )
        if path:
            self.save_chart_to(Path(path))

    def save_chart_to(self, path: Path) -> None:
        """The headline question's distribution chart as PNG (a quick query)."""
        question = self.survey.headline_question
        assert question is not None and self.survey.id is not None
        workspace = Workspace.open_read_only(self.folder)
        try:
            from storage import analytics

            counts = analytics.results(workspace.db(), self.survey.id).distribution
        finally:
            workspace.close()
        try:
            path.write_bytes(chart_png(question.type, counts))
        except OSError as error:
            self.status.setText(write_error_text(error, path))
            return
        self.result_path = path
        self.status.setText(self.tr("Chart saved to %1").replace("%1", str(path)))
        self.open_folder_button.show()
