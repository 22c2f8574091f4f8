"""One background thread for the GUI's database work.

Every query the GUI makes runs here, in order, on the worker thread's own
SQLite connection; the result comes back to the GUI thread by signal, so the
window never waits on the disk (the pattern of Anki's taskman).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from sqlite_utils import Database

from storage.workspace import Workspace
from ui.common.problem_words import error_text

log = logging.getLogger(__name__)

# How long a thread running Python keeps the GIL from one that waits for it.
# Python's 5 ms default is paid by the GUI thread at every entry into Python
# (each cell a table paints asks a model written in Python) while the worker
# turns rows into objects: a page of the Responses table then took up to 400 ms
# to paint, against 60 ms with a 0.5 ms interval (and 10 ms with an idle worker).
GIL_SWITCH_INTERVAL_S = 0.0005

Job = Callable[[Database], Any]
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


@dataclass
class _Task:
    job: Job
    done: Done | None
    failed: Failed | None


class _Runner(QObject):
    """Lives on the worker thread; runs tasks with that thread's connection."""

    finished = Signal(object, object)  # task, result
    errored = Signal(object, object)  # task, exception

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self._workspace = workspace

    @Slot(object)
    def run(self, task: _Task) -> None:
        try:
            result = task.job(self._workspace.db())
        except Exception as error:  # reported to the caller on the GUI thread
            log.exception("database task failed")
            self.errored.emit(task, error)
        else:
            self.finished.emit(task, result)

    @Slot()
    def close_connection(self) -> None:
        self._workspace.close_thread_connection()


class DbWorker(QObject):
    """Runs ``job(db)`` off the GUI thread and calls ``done(result)`` back on it.

    Signals:
        busy_changed(bool): True while tasks are pending.
        failed(str): a task without its own error handler failed; the text is plain words.
    """

    busy_changed = Signal(bool)
    failed = Signal(str)
    _submit = Signal(object)
    _close = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The worker shares the interpreter with the GUI: let the GUI have it soon.
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
        self._thread = QThread()
        self._thread.setObjectName("koe-db")
        self._runner = _Runner(workspace)
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._close.connect(self._runner.close_connection)
        self._runner.finished.connect(self._on_finished)
        self._runner.errored.connect(self._on_errored)
        self._pending = 0
        self._thread.start()

    def submit(self, job: Job, done: Done | None = None, failed: Failed | None = None) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._submit.emit(_Task(job, done, failed))

    @property
    def pending(self) -> int:
        return self._pending

    def _settle(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    @Slot(object, object)
    def _on_finished(self, task: _Task, result: object) -> None:
        self._settle()
        if task.done is not None:
            task.done(result)

    @Slot(object, object)
    def _on_errored(self, task: _Task, error: Exception) -> None:
        self._settle()
        if task.failed is not None:
            task.failed(error)
        else:
            self.failed.emit(error_text(error))

    def stop(self) -> None:
        """Finish queued tasks, close the worker's connection and end the thread."""
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait()
