"""Importing a contact list: the mapping step, progress with Cancel, and the report.

Three steps in one dialog. First the proposed mapping (a combo box per column
of the file), the encoding as detected with an override, the default region
for numbers without a country code, and a preview of the first rows. Then
the import runs as a LongJob (a thread of its own with its own connection), in
one transaction: Cancel rolls it back, and so does closing the dialog, which
then closes once nothing is left running. Last, what was imported and the rows
that were rejected or set aside and why, which "Save report…" writes as CSV.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from channels import contact_files as cf
from channels.contact_files import (
    EMAIL,
    MOBILE,
    PHONE,
    ImportCancelled,
    ImportOptions,
    ImportOutcome,
    RowProblem,
    Table,
    propose_mapping,
    read_table,
    write_report,
)
from storage.workspace import Workspace
from ui.long_job import ClosesAfterItsJob, LongJob, Progress
from ui.page_jobs import guarded
from ui.pages import contact_prompts
from ui.problem_words import error_text, problem_text
from ui.save_places import write_error_text
from ui.worker import DbWorker

PREVIEW_ROWS = 5
REGIONS = ("JP", "US", "GB", "KR", "TW", "CN", "HK", "SG", "AU", "CA", "DE", "FR")
ENCODINGS = cf.ENCODINGS

translate = QCoreApplication.translate


def field_names() -> list[tuple[str, str]]:
    """Every field a column can be imported as (``cf.FIELDS``), in the owner's words: a
    field proposed for a column is always one the combo box can show."""
    return [
        (cf.NAME, translate("ContactImport", "Name")),
        (cf.FAMILY_NAME, translate("ContactImport", "Family name")),
        (cf.GIVEN_NAME, translate("ContactImport", "Given name")),
        (cf.MIDDLE_NAME, translate("ContactImport", "Middle name")),
        (cf.FURIGANA, translate("ContactImport", "Furigana")),
        (cf.FAMILY_FURIGANA, translate("ContactImport", "Furigana (family name)")),
        (cf.GIVEN_FURIGANA, translate("ContactImport", "Furigana (given name)")),
        (cf.MOBILE, translate("ContactImport", "Mobile phone")),
        (cf.PHONE, translate("ContactImport", "Phone")),
        (cf.EMAIL, translate("ContactImport", "Email")),
        (cf.LABEL, translate("ContactImport", "Label of a phone or email column")),
        (cf.LANGUAGE, translate("ContactImport", "Language")),
        (cf.CONSENT_SMS, translate("ContactImport", "Consent: SMS")),
        (cf.CONSENT_EMAIL, translate("ContactImport", "Consent: email")),
        (cf.CONSENT_ALL, translate("ContactImport", "Consent: SMS and email")),
        (cf.OPT_OUT_SMS, translate("ContactImport", "Opted out: SMS")),
        (cf.OPT_OUT_EMAIL, translate("ContactImport", "Opted out: email")),
        (cf.BIRTHDAY, translate("ContactImport", "Birthday")),
        (cf.LAST_VISIT, translate("ContactImport", "Last visit")),
        (cf.TAGS, translate("ContactImport", "Tags")),
        (cf.ATTRIBUTES_JSON, translate("ContactImport", "Attributes (Koe export)")),
        (cf.ATTRIBUTE, translate("ContactImport", "Attribute")),
        (cf.IGNORE, translate("ContactImport", "Do not import")),
    ]


def import_work(
    workspace: Workspace, table: Table, mapping: list[str], options: ImportOptions
) -> Callable[[Progress], ImportOutcome]:
    """The import as a LongJob's work: this thread's own connection, one transaction."""

    def work(progress: Progress) -> ImportOutcome:
        def report(done: int, total: int) -> None:
            if not progress(done, total):
                raise ImportCancelled  # rolls the transaction back

        try:
            return cf.run_import(workspace.db(), table, mapping, options, report)
        finally:
            workspace.close_thread_connection()

    return work


class ContactImportDialog(ClosesAfterItsJob, QDialog):
    """Maps, imports and reports one file.

    Signals:
        imported(object): the import was committed (an ImportOutcome).
    """

    imported = Signal(object)

    def __init__(
        self,
        path: Path,
        table: Table,
        region: str,
        workspace: Workspace,
        worker: DbWorker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.table = table
        self.workspace = workspace
        self.worker = worker
        self.job = LongJob(self, cancelled_by=(ImportCancelled,))
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(self._on_succeeded)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.failed.connect(self._on_failed)
        self.outcome: ImportOutcome | None = None
        self.setWindowTitle(self.tr("Import contacts"))
        self.resize(820, 600)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._mapping_page(region))
        self.stack.addWidget(self._progress_page())
        self.stack.addWidget(self._report_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.show_table(table)

    # Step 1: mapping -------------------------------------------------------------

    def _mapping_page(self, region: str) -> QWidget:
        page = QWidget()
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.encoding = QComboBox()
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        self.encoding_note = QLabel()
        self.encoding.activated.connect(self._on_encoding)
        self.region = QComboBox()
        self.region.setEditable(True)
        self.region.addItems(list(REGIONS) if region in REGIONS else [region, *REGIONS])
        self.region.setCurrentText(region)
        self.region.setToolTip(self.tr("The country of phone numbers written without +"))
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(self.encoding)
        encoding_row.addWidget(self.encoding_note, 1)
        form = QFormLayout()
        form.addRow(self.tr("Encoding"), encoding_row)
        form.addRow(self.tr("Country of local numbers"), self.region)

        self.mapping = QTableWidget(0, 3)
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Import as"), self.tr("First values")]
        )
        self.mapping.verticalHeader().hide()
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.preview = QTableWidget(0, 0)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.setMaximumHeight(170)
        self.mapping_error = QLabel()
        self.mapping_error.setStyleSheet("color: #c62828")
        self.mapping_error.setWordWrap(True)
        self.mapping_error.hide()

        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(page)
        layout.addWidget(self.file_label)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Check what each column holds. Columns imported as attributes (store, "
                    "plan…) can be used in segments."
                )
            )
        )
        layout.addWidget(self.mapping, 2)
        layout.addWidget(QLabel(self.tr("Preview of the first rows")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.mapping_error)
        layout.addLayout(buttons)
        return page

    def show_table(self, table: Table) -> None:
        self.table = table
        rows = len(table.rows)
        self.file_label.setText(
            self.tr("%1 — %2 rows").replace("%1", self.path.name).replace("%2", f"{rows:,}")
        )
        excel = table.encoding == "xlsx"
        self.encoding.setEnabled(not excel)
        if excel:
            self.encoding_note.setText(self.tr("Excel file: no encoding to choose"))
        else:
            index = self.encoding.findData(table.encoding)
            self.encoding.setCurrentIndex(max(0, index))
            self.encoding_note.setText(
                self.tr("Japanese Excel saves CSV files as cp932 (Shift_JIS).")
            )
        proposed = propose_mapping(table.header)
        self.mapping.setRowCount(len(table.header))
        for row, (name, target) in enumerate(zip(table.header, proposed, strict=True)):
            self.mapping.setItem(row, 0, QTableWidgetItem(name or self.tr("(no name)")))
            combo = QComboBox()
            for key, label in field_names():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(target)))
            self.mapping.setCellWidget(row, 1, combo)
            samples = [r[row] for r in table.rows[:PREVIEW_ROWS] if row < len(r) and r[row]]
            self.mapping.setItem(row, 2, QTableWidgetItem(", ".join(samples)))
        self.preview.setColumnCount(len(table.header))
        self.preview.setHorizontalHeaderLabels(table.header)
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for r, cells in enumerate(shown):
            for c in range(len(table.header)):
                text = cells[c] if c < len(cells) else ""
                self.preview.setItem(r, c, QTableWidgetItem(text.replace("\n", " ⏎ ")))
        self.preview.resizeColumnsToContents()

    def chosen_mapping(self) -> list[str]:
        mapping = []
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            mapping.append(str(combo.currentData()))
        return mapping

    def set_field(self, column: int, target: str) -> None:
        """Choose what column ``column`` is imported as (for tests and keyboard users)."""
        combo = self.mapping.cellWidget(column, 1)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(target))

    def _on_encoding(self, _index: int) -> None:
        encoding = str(self.encoding.currentData())
        path = self.path

        def job(_db: Database) -> Table:
            return read_table(path, encoding)

        def failed(error: Exception) -> None:
            self.mapping_error.setText(error_text(error))
            self.mapping_error.show()
            self.import_button.setEnabled(False)

        def done(table: Table) -> None:
            self.mapping_error.hide()
            self.import_button.setEnabled(True)
            self.show_table(table)

        self.worker.submit(job, guarded(self, done), guarded(self, failed))

    # Step 2: progress -------------------------------------------------------------

    def _progress_page(self) -> QWidget:
        page = QWidget()
        self.progress_label = QLabel(self.tr("Importing…"))
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.cancel_import)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(
            QLabel(self.tr("Nothing is saved until the whole file is imported.")),
        )
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def start_import(self) -> None:
        mapping = self.chosen_mapping()
        if not {PHONE, MOBILE, EMAIL} & set(mapping):
            self.mapping_error.setText(
                self.tr("Choose the column with phone numbers or the one with email addresses.")
            )
            self.mapping_error.show()
            return
        region = self.chosen_region()
        self.stack.setCurrentIndex(1)
        self.progress.setRange(0, max(1, len(self.table.rows)))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        options = ImportOptions(region=region, file_name=self.path.name)
        self.job.start(import_work(self.workspace, self.table, mapping, options))

    def chosen_region(self) -> str:
        return self.region.currentText().strip().upper() or "JP"

    def cancel_import(self) -> None:
        if self.job.running:
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))
            self.job.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)
        self.progress_label.setText(
            self.tr("Importing… %1 of %2 rows")
            .replace("%1", f"{done:,}")
            .replace("%2", f"{total:,}")
        )

    def _on_cancelled(self) -> None:
        self.summary.setText(self.tr("Import cancelled: nothing was saved."))
        self.show_report([])

    def _on_failed(self, error: Exception) -> None:
        self.summary.setText(
            self.tr("The import failed and nothing was saved: %1").replace("%1", error_text(error))
        )
        self.show_report([])

    def _on_succeeded(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        text = self.tr("Contacts added: %1. Updated: %2.").replace("%1", f"{outcome.created:,}")
        text = text.replace("%2", f"{outcome.updated:,}")
        if outcome.rejected_rows:
            text += "\n" + self.tr("Rows not imported: %1. The reasons are below.").replace(
                "%1", f"{outcome.rejected_rows:,}"
            )
        elif outcome.problems:
            text += "\n" + self.tr("Some values were set aside or need attention:")
        self.summary.setText(text)
        self.show_report(outcome.problems)
        self.imported.emit(outcome)

    # Step 3: report ---------------------------------------------------------------

    def _report_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.report = QTableWidget(0, 4)
        self.report.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("What happened")]
        )
        self.report.verticalHeader().hide()
        self.report.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.save_button = QPushButton(self.tr("Save report…"))
        self.save_button.clicked.connect(self.save_report)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)
        layout.addLayout(row)
        return page

    def show_report(self, issues: list[RowProblem]) -> None:
        self.issues = issues
        self.stack.setCurrentIndex(2)
        self.report.setVisible(bool(issues))
        self.save_button.setVisible(bool(issues))
        self.report.setRowCount(len(issues))
        for r, issue in enumerate(issues):
            outcome = self.tr("Row not imported") if issue.rejected else self.tr("Imported")
            values = [str(issue.row), issue.column, issue.value,
                      self.tr("%1: %2").replace("%1", outcome).replace(
                          "%2", problem_text(issue.problem))]  # fmt: skip
            for c, text in enumerate(values):
                self.report.setItem(r, c, QTableWidgetItem(text))
        self.report.resizeColumnsToContents()
        self.report.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def save_report(self) -> None:
        suggested = self.path.with_name(self.path.stem + " import report.csv")
        target = contact_prompts.ask_report_path(self, suggested)
        if target is None:
            return
        issues = list(self.issues)

        def job(_db: Database) -> Path:
            # UTF-8 with BOM: the report opens in Japanese Excel too.
            with target.open("w", encoding="utf-8-sig", newline="") as out:
                write_report(issues, out)  # type: ignore[arg-type]
            return target

        def done(path: Path) -> None:
            self.summary.setText(
                self.summary.text() + "\n" + self.tr("Report saved to %1").replace("%1", str(path))
            )

        def failed(error: Exception) -> None:
            self.summary.setText(
                self.tr("The report could not be saved: %1").replace(
                    "%1", write_error_text(error, target)
                )
            )

        self.worker.submit(job, guarded(self, done), guarded(self, failed))

    def show_cancelling(self) -> None:
        self.cancel_import()
