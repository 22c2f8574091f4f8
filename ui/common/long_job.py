"""One long piece of work (an export, an import) off the GUI thread, with progress
and Cancel, that a dialog may ask about or close at any moment.

A dialog used to start a QThread of its own and hand it to ``deleteLater`` when
it finished, then ask it ``isRunning()`` when the user closed the dialog: the
C++ thread object was already freed ("already deleted"), and the dialog could
not close. ``LongJob`` keeps nothing that can be freed under the dialog:

- what a dialog asks (``running``, ``cancel_requested``) is plain Python state,
  true or false whether the work never started, runs or has ended;
- the work runs on a Python thread, which reports through a private signal
  queued to the GUI thread; the job object has no Qt parent and stays alive
  (in ``_ALIVE``) until its thread has ended, so the dialog can be closed or
  deleted mid-way: the report then reaches nobody, and nothing fails;
- the outcome is one of ``succeeded(result)``, ``failed(error)`` or
  ``cancelled()``, delivered on the GUI thread after the thread has ended, and
  only while the owner (the dialog) still exists.

``ClosesAfterItsJob`` gives such a dialog its closing rule: Esc or the window's
X mid-work cancel, and the dialog closes once the work has stopped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[[int, int], bool]
"""``progress(done, total)`` shows how far the work is; False once Cancel was asked."""

Work = Callable[[Progress], object]


class JobCancelled(Exception):
    """Raised by a job that stopped because Cancel was asked (nothing was kept)."""


# Jobs whose thread may still report: held here, not by a Qt parent, so that
# the owner's deletion never frees a job under its running thread.
_ALIVE: set[LongJob] = set()


def _release(job: LongJob) -> None:
    if not job.running:  # a slot may have started it again meanwhile
        _ALIVE.discard(job)


_PROGRESS, _SUCCEEDED, _FAILED, _CANCELLED = "progress", "succeeded", "failed", "cancelled"


class LongJob(QObject):
    """Runs one piece of work at a time for ``owner``, off the GUI thread.

    ``start(work)`` calls ``work(progress)`` on a thread of its own; ``work``
    stops when ``progress`` returns False by raising ``JobCancelled`` or one of
    the ``cancelled_by`` exceptions. See the module docstring for the rest.

    Signals (on the GUI thread, while ``owner`` exists):
        progressed(int, int): done, total.
        succeeded(object): what ``work`` returned.
        failed(object): the exception ``work`` raised (logged with its traceback).
        cancelled(): ``work`` stopped on Cancel.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    _report = Signal(str, object)

    def __init__(self, owner: QObject, cancelled_by: tuple[type[BaseException], ...] = ()) -> None:
        super().__init__()  # no parent: see _ALIVE
        self._owner = owner
        self._cancelled_by = (JobCancelled, *cancelled_by)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._running = False
        self._after: list[Callable[[], None]] = []
        self._report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        """True from ``start`` until the outcome has been delivered."""
        return self._running

    @property
    def cancel_requested(self) -> bool:
        """Cancel was asked since the last ``start`` (it stays so after the end)."""
        return self._stop.is_set()

    def start(self, work: Work) -> None:
        if self._running:
            raise RuntimeError("this job is still running")
        self._stop.clear()
        self._running = True
        _ALIVE.add(self)
        self._thread = threading.Thread(
            target=self._run, args=(work,), name="koe-long-job", daemon=True
        )
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report; the outcome follows."""
        if self._running:
            self._stop.set()

    def cancel_then(self, callback: Callable[[], None]) -> None:
        """Cancel, and call ``callback`` once the outcome is delivered (now if idle).

        For a dialog closed mid-work: it closes when nothing is left running,
        without freezing the window while the work winds down.
        """
        if not self._running:
            callback()
            return
        self._after.append(callback)
        self.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the thread has ended (its outcome is still to be delivered)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()

    def stop(self) -> None:
        """Cancel and wait: for a dialog that closes while its work runs."""
        self.cancel()
        self.wait()

    # -- on the job's thread -----------------------------------------------------

    def _progress(self, done: int, total: int) -> bool:
        self._report.emit(_PROGRESS, (done, total))
        return not self._stop.is_set()

    def _run(self, work: Work) -> None:
        try:
            result = work(self._progress)
        except self._cancelled_by:
            self._report.emit(_CANCELLED, None)
        except Exception as error:  # delivered to the dialog, in plain words there
            log.exception("background job failed")
            self._report.emit(_FAILED, error)
        else:
            self._report.emit(_SUCCEEDED, result)

    # -- on the GUI thread ------------------------------------------------------

    @Slot(str, object)
    def _on_report(self, kind: str, payload: object) -> None:
        owner_alive = shiboken6.isValid(self._owner)
        if kind == _PROGRESS:
            if self._running and owner_alive:
                done, total = payload  # type: ignore[misc]
                self.progressed.emit(done, total)
            return
        # The outcome was the thread's last act: it ends at once.
        self.wait()
        self._running = False
        # Let go of the job after this slot has returned (never inside its own call).
        QTimer.singleShot(0, partial(_release, self))
        if not owner_alive:
            self._after.clear()
            return
        if kind == _SUCCEEDED:
            self.succeeded.emit(payload)
        elif kind == _FAILED:
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        if not self._running:  # (a slot may have started the next step)
            after, self._after = self._after, []
            for callback in after:
                callback()


class ClosesAfterItsJob:
    """For a dialog whose work runs as ``self.job`` (a LongJob); put it before QDialog.

    Esc and the window's X mid-work cancel the job and close the dialog once it
    has stopped (no half-written file, an import rolled back), and the window
    stays usable meanwhile. ``show_cancelling`` says so in the dialog.
    """

    job: LongJob

    def show_cancelling(self) -> None:
        """Tell the user the work is being cancelled (the dialog's own words)."""

    def reject(self) -> None:
        if self.job.running:
            self.show_cancelling()
            self.job.cancel_then(super().reject)  # type: ignore[misc]
            return
        super().reject()  # type: ignore[misc]

    def done(self, result: int) -> None:
        self.job.stop()  # never leave work running behind a closed dialog
        super().done(result)  # type: ignore[misc]
