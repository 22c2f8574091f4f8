"""Every contact written to a CSV file from the Contacts page, off the GUI thread.

The engine's export (``contacts.export_contacts``): UTF-8 with a BOM
so that Excel reads it, every cell formula-neutralised, written to a temporary
file renamed into place (a cancel or a full disk leaves no half file), with the
columns the import reads back. A progress window with Cancel appears when the
list takes longer than a moment to write.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

import contacts as cf
from contacts import ExportCancelled
from storage.workspace import Workspace
from ui.common.long_job import LongJob, Progress

SHOW_AFTER_MS = 400  # a short export ends before any window appears


class ContactExport(QObject):
    """Runs one export at a time for a page.

    Signals:
        exported(object, int): the file (a Path) and how many contacts it holds.
        failed(object, object): the file (a Path) and the exception (for write_error_text).
        cancelled(): the owner cancelled; no file was written.
    """

    exported = Signal(object, int)
    failed = Signal(object, object)
    cancelled = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._parent = parent
        self._path: Path | None = None
        self.progress: QProgressDialog | None = None
        self.job = LongJob(self, cancelled_by=(ExportCancelled,))
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(lambda count: self._finish(self.exported, count))
        self.job.failed.connect(lambda error: self._finish(self.failed, error))
        self.job.cancelled.connect(lambda: self._finish(self.cancelled))

    @property
    def running(self) -> bool:
        return self.job.running

    def start(self, path: Path) -> None:
        self._path = path
        progress = QProgressDialog(
            self.tr("Exporting contacts to %1…").replace("%1", path.name),
            self.tr("Cancel"),
            0,
            0,
            self._parent,
        )
        progress.setWindowTitle(self.tr("Export contacts"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(SHOW_AFTER_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.job.cancel)
        self.progress = progress
        workspace = self._workspace

        def work(report: Progress) -> int:
            try:
                return cf.export_contacts(workspace.db(), path, report)
            finally:
                workspace.close_thread_connection()

        self.job.start(work)

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None and total > 0:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _finish(self, signal: Signal, *values: object) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
        if values:
            signal.emit(self._path, *values)  # type: ignore[attr-defined]
        else:
            signal.emit()  # type: ignore[attr-defined]
