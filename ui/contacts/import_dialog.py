"""Importing a contact list: read, map, preview, then import in one transaction.

The dialog opens on a file and walks through its steps:

1. the file is read off the GUI thread (a LongJob: its own thread and connection,
   with Cancel), and each column gets a field, proposed from its header or
   remembered from the last file with the same header (``import_mapping_step``);
2. "Preview" works the whole file out off the GUI thread, with progress and
   Cancel, and shows it as it will be stored, problems and merges row by row,
   nothing written yet (``import_preview_step``);
3. "Import" writes the preview in ONE transaction (the engine's ``apply``), with
   progress and Cancel, which rolls it back; then what was imported and the
   report, which "Save report…" writes as CSV.

Esc or the window's X mid-work cancel the work, and the dialog closes once
nothing is left running (``ClosesAfterItsJob``).

The work of each step, run on the LongJob's thread, is in ``ui.contacts.import_work``.

Over 400 lines because the steps share one running job, its progress and its Cancel:
the dialog is the flow between them; each step's widget, work and words have modules
of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

import contacts as cf
from contacts import (
    ImportCancelled,
    ImportOutcome,
    MergeReport,
    Preview,
    RowProblem,
    Table,
    write_report,
)
from storage.workspace import Workspace
from ui.common.long_job import ClosesAfterItsJob, LongJob, Progress
from ui.common.page_jobs import guarded
from ui.common.problem_words import error_text, problem_text
from ui.common.save_places import write_error_text
from ui.common.worker import DbWorker
from ui.contacts import import_words as words
from ui.contacts import prompts as contact_prompts
from ui.contacts.import_mapping_step import MappingStep
from ui.contacts.import_preview_step import IssuesTable, PreviewStep
from ui.contacts.import_work import Checked, Read, checking_work, importing_work, reading_work

STEP_MAPPING, STEP_WORKING, STEP_PREVIEW, STEP_REPORT = range(4)
READING, CHECKING, IMPORTING = "reading", "checking", "importing"


class ContactImportDialog(ClosesAfterItsJob, QDialog):
    """Reads, maps, previews and imports one file (another may be chosen on the way).

    Signals:
        imported(object): the import was committed (an ImportOutcome).
    """

    imported = Signal(object)

    def __init__(
        self,
        path: Path,
        region: str,
        workspace: Workspace,
        worker: DbWorker,
        consent_required: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.workspace = workspace
        self.worker = worker
        self.table: Table | None = None
        self.preview: Preview | None = None
        self.outcome: ImportOutcome | None = None
        self.issues: tuple[list[RowProblem], list[MergeReport]] = ([], [])
        self.remembered = False
        self._stage = ""
        self._reading = path
        self.job = LongJob(self, cancelled_by=(ImportCancelled,))
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(self._on_succeeded)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.failed.connect(self._on_failed)
        self.setWindowTitle(self.tr("Import contacts"))
        self.resize(1080, 700)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._mapping_page(region, consent_required))
        self.stack.addWidget(self._progress_page())
        self.stack.addWidget(self._preview_page())
        self.stack.addWidget(self._report_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.read_file(path)

    # Pages ---------------------------------------------------------------------------

    def _mapping_page(self, region: str, consent_required: bool) -> QWidget:
        self.mapping = MappingStep(region, consent_required)
        self.mapping.encoding_chosen.connect(lambda name: self.read_file(self.path, name))
        self.mapping.another_button.clicked.connect(self.choose_another_file)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.check_file)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        return self._page(self.mapping, [cancel, self.preview_button])

    def _progress_page(self) -> QWidget:
        page = QWidget()
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress_note = QLabel()
        self.progress_note.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_work)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_note)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _preview_page(self) -> QWidget:
        self.preview_step = PreviewStep()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(lambda: self._show_step(STEP_MAPPING))
        self.preview_save_button = QPushButton(self.tr("Save report…"))
        self.preview_save_button.clicked.connect(self.save_report)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.start_import)
        return self._page(
            self.preview_step,
            [self.back_button, self.preview_save_button, None, self.import_button],
        )

    def _report_page(self) -> QWidget:
        body = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.report = IssuesTable(done=True)  # shown after an import: what it did
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)
        self.again_button = QPushButton(self.tr("Choose another file…"))
        self.again_button.clicked.connect(self.choose_another_file)
        self.save_button = QPushButton(self.tr("Save report…"))
        self.save_button.clicked.connect(self.save_report)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        return self._page(body, [self.again_button, self.save_button, None, self.close_button])

    @staticmethod
    def _page(body: QWidget, buttons: list[QPushButton | None]) -> QWidget:
        """``body`` above a row of buttons; None is where the row stretches (else: at left)."""
        page = QWidget()
        row = QHBoxLayout()
        if None not in buttons:
            row.addStretch(1)
        for button in buttons:
            if button is None:
                row.addStretch(1)
            else:
                row.addWidget(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(body, 1)
        layout.addLayout(row)
        return page

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        default = {STEP_MAPPING: self.preview_button, STEP_PREVIEW: self.import_button,
                   STEP_REPORT: self.close_button}.get(step)  # fmt: skip
        for button in (self.preview_button, self.import_button, self.close_button):
            button.setDefault(button is default)
        if default is not None and default.isEnabled():
            default.setFocus()  # Enter goes on
        if step == STEP_MAPPING:
            # The focus passed through the columns' table on the way, selecting a line.
            self.mapping.forget_selection()

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    # Reading ---------------------------------------------------------------------------

    def read_file(self, path: Path, encoding: str | None = None) -> None:
        """Read ``path`` (in ``encoding``, else the one detected) off the GUI thread."""
        self._reading = path
        self._start(
            READING,
            reading_work(self.workspace, path, encoding),
            self.tr("Reading %1…").replace("%1", words.shown(path.name)),
            self.tr("Nothing is imported yet."),
        )

    def choose_another_file(self) -> None:
        chosen = contact_prompts.ask_import_path(self)
        if chosen is not None:
            self.read_file(chosen)

    def _on_read(self, read: Read) -> None:
        table, mapping, remembered = read
        self.path, self.table, self.remembered = self._reading, table, remembered
        self.mapping.show_table(table, mapping, remembered)
        self.preview_button.setEnabled(True)
        self._show_step(STEP_MAPPING)

    def _read_failed(self, error: Exception) -> None:
        text = (
            self.tr("%1 cannot be imported: %2")
            .replace("%1", words.shown(self._reading.name))
            .replace("%2", error_text(error))
        )
        if self.table is None:
            self._show_report(text, [], [], can_choose=True)
            return
        # The file read before stays; read in another encoding, it waits for a good one.
        self.mapping.show_error(text)
        if self._reading == self.path:
            self.preview_button.setEnabled(False)
        self._show_step(STEP_MAPPING)

    # Checking: the preview -----------------------------------------------------------

    def chosen_mapping(self) -> list[str]:
        return self.mapping.mapping()

    def set_field(self, column: int, field: str) -> None:
        """Choose what column ``column`` is imported as (for tests and keyboard users)."""
        self.mapping.set_field(column, field)

    def chosen_region(self) -> str:
        return self.mapping.region_code()

    def check_file(self) -> None:
        """Work the whole file out under the chosen mapping, then show the preview."""
        if self.table is None or self.job.running:
            return
        mapping = self.chosen_mapping()
        problems = cf.mapping_problems(mapping)
        if problems:
            self.mapping.show_error(problem_text(problems[0]))
            return
        self.mapping.show_error("")
        self._start(
            CHECKING,
            checking_work(self.workspace, self.table, mapping, self.mapping.options()),
            self.tr("Checking every row of %1…").replace("%1", words.shown(self.path.name)),
            self.tr("Nothing is imported yet: you see the result before anything is saved."),
        )

    def _on_checked(self, checked: Checked) -> None:
        preview, counted = checked
        self.preview = preview
        self.issues = (preview.problems, preview.merges)
        self.preview_step.show_preview(preview, counted)
        count = counted.contacts
        self.import_button.setText(
            self.tr("Import %1 contacts").replace("%1", words.count(count))
            if count != 1
            else self.tr("Import 1 contact")
        )
        self.import_button.setEnabled(count > 0)
        self.preview_save_button.setEnabled(bool(preview.problems or preview.merges))
        self._show_step(STEP_PREVIEW)

    # Importing -------------------------------------------------------------------------

    def start_import(self) -> None:
        """Write the preview in one transaction."""
        if self.preview is None or self.job.running:
            return
        self._start(
            IMPORTING,
            importing_work(self.workspace, self.preview),
            self.tr("Importing %1…").replace("%1", words.shown(self.path.name)),
            self.tr("Nothing is saved until the whole file is imported."),
        )

    def _on_imported(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        text = (
            self.tr("Contacts added: %1. Updated: %2. Rows merged into another: %3.")
            .replace("%1", words.count(outcome.created))
            .replace("%2", words.count(outcome.updated))
            .replace("%3", words.count(outcome.merged_rows))
        )
        if outcome.rejected_rows:
            text += "\n" + self.tr("Rows not imported: %1. The reasons are below.").replace(
                "%1", words.count(outcome.rejected_rows)
            )
        text += "\n" + self._consent_recorded(outcome)
        for note in outcome.notes:
            text += "\n" + words.said(note)
        self._show_report(text, outcome.problems, outcome.merges)
        self.imported.emit(outcome)

    def _consent_recorded(self, outcome: ImportOutcome) -> str:
        given, refused = outcome.consent_recorded, outcome.opt_outs_recorded
        text = (
            self.tr("Consent recorded: SMS %1, email %2. Opt-outs recorded: SMS %3, email %4.")
            .replace("%1", words.count(given.get("sms", 0)))
            .replace("%2", words.count(given.get("email", 0)))
            .replace("%3", words.count(refused.get("sms", 0)))
            .replace("%4", words.count(refused.get("email", 0)))
        )
        if outcome.opt_outs_kept:
            text += " " + self.tr(
                "%1 people who say yes in the file had opted out before: their opt-out stays."
            ).replace("%1", words.count(outcome.opt_outs_kept))
        return text

    # The report ------------------------------------------------------------------------

    def _show_report(
        self,
        text: str,
        problems: list[RowProblem],
        merges: list[MergeReport],
        can_choose: bool = False,
    ) -> None:
        self.issues = (problems, merges)
        self.summary.setText(text)
        left_out = self.report.show_issues(problems, merges)
        if left_out:
            self.summary.setText(
                text
                + "\n"
                + self.tr("…and %1 more: “Save report…” lists them all.").replace(
                    "%1", words.count(left_out)
                )
            )
        self.report.setVisible(bool(problems or merges))
        self.save_button.setVisible(bool(problems or merges))
        self.again_button.setVisible(can_choose)
        self._show_step(STEP_REPORT)

    def save_report(self) -> None:
        suggested = self.path.with_name(self.path.stem + " import report.csv")
        target = contact_prompts.ask_report_path(self, suggested)
        if target is None:
            return
        problems, merges = self.issues

        def job(_db: Database) -> Path:
            # UTF-8 with BOM: the report opens in Japanese Excel too.
            with target.open("w", encoding="utf-8-sig", newline="") as out:
                write_report(problems, out, merges)
            return target

        def done(path: Path) -> None:
            self._say(self.tr("Report saved to %1").replace("%1", str(path)))

        def failed(error: Exception) -> None:
            self._say(
                self.tr("The report could not be saved: %1").replace(
                    "%1", write_error_text(error, target)
                )
            )

        self.worker.submit(job, guarded(self, done), guarded(self, failed))

    def _say(self, text: str) -> None:
        """A line under what the current step says (the report was saved…)."""
        if self.step == STEP_PREVIEW:
            self.preview_step.more.setText(text)
            self.preview_step.more.show()
        else:
            self.summary.setText(self.summary.text() + "\n" + text)

    # The work and its outcome -------------------------------------------------------

    def _start(self, stage: str, work: Callable[[Progress], object], title: str, note: str) -> None:
        self._stage = stage
        self.progress_label.setText(title)
        self.progress_note.setText(note)
        self.progress.setRange(0, 0)  # busy until the first count
        self.cancel_button.setEnabled(True)
        self._show_step(STEP_WORKING)
        self.job.start(work)

    def cancel_work(self) -> None:
        if self.job.running:
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))
            self.job.cancel()

    def show_cancelling(self) -> None:
        self.cancel_work()

    def _on_progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if self._stage == READING or self.job.cancel_requested:
            return
        words_for = (
            self.tr("Checking… %1 of %2 rows")
            if self._stage == CHECKING
            else self.tr("Importing… %1 of %2 rows")
        )
        self.progress_label.setText(
            words_for.replace("%1", words.count(done)).replace("%2", words.count(total))
        )

    def _on_succeeded(self, result: object) -> None:
        if self._stage == READING:
            self._on_read(result)  # type: ignore[arg-type]
        elif self._stage == CHECKING:
            self._on_checked(result)  # type: ignore[arg-type]
        else:
            self._on_imported(result)  # type: ignore[arg-type]

    def _on_cancelled(self) -> None:
        if self._stage == READING:
            if self.table is None:
                self.reject()  # nothing was read: nothing to show
            else:
                self._show_step(STEP_MAPPING)
        elif self._stage == CHECKING:
            self.mapping.show_error(self.tr("Preview cancelled. Nothing was imported."))
            self._show_step(STEP_MAPPING)
        else:
            self._show_report(self.tr("Import cancelled: nothing was saved."), [], [])

    def _on_failed(self, error: Exception) -> None:
        if self._stage == READING:
            self._read_failed(error)
        elif self._stage == CHECKING:
            self.mapping.show_error(
                self.tr("The file could not be checked: %1").replace("%1", error_text(error))
            )
            self._show_step(STEP_MAPPING)
        else:
            self._show_report(
                self.tr("The import failed and nothing was saved: %1").replace(
                    "%1", error_text(error)
                ),
                [],
                [],
            )
