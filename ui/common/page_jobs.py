"""Helpers for pages that query through the database worker.

``guarded`` drops a result that comes back after its page was deleted (the
worker outlives pages). ``CoalescedQuery`` turns a burst of refresh requests
into at most one running query plus one queued behind it, so a flood of new
responses never piles up work on the worker. ``WritesBeforeClosing`` keeps a
dialog until the write its Save started has settled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QDialog
from sqlite_utils import Database

from ui.common.problem_words import error_text
from ui.common.worker import DbWorker


def guarded(owner: QObject, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """``callback`` that does nothing once ``owner``'s C++ object is gone."""

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


class CoalescedQuery:
    """A refreshable query: ``request()`` runs it now, or once more after the running one.

    ``make_job()`` is called when the query starts, so it sees the page's state
    at that moment (say, the survey now selected); it returns the job to run on
    the worker, or None when there is nothing to query.
    """

    def __init__(
        self,
        owner: QObject,
        worker: DbWorker,
        make_job: Callable[[], Callable[[Database], Any] | None],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        self._owner = owner
        self._worker = worker
        self._make_job = make_job
        self._done = done
        self._failed = failed
        self._running = False
        self._again = False

    @property
    def running(self) -> bool:
        return self._running

    def request(self) -> None:
        if not shiboken6.isValid(self._owner):
            return  # its page is gone (a signal connected to this method still fires)
        if self._running:
            self._again = True
            return
        job = self._make_job()
        if job is None:
            return
        self._running = True
        self._worker.submit(
            job,
            guarded(self._owner, self._finish_done),
            guarded(self._owner, self._finish_failed),
        )

    def _settle(self) -> bool:
        """Mark the query finished; True when another one was asked for meanwhile."""
        self._running = False
        again, self._again = self._again, False
        return again

    def _finish_done(self, result: Any) -> None:
        again = self._settle()
        # Even when another query was asked for meanwhile, this result is newer
        # than what is on screen: show it, then fetch the newest right behind it.
        self._done(result)
        if again:
            self.request()

    def _finish_failed(self, error: Exception) -> None:
        again = self._settle()
        if self._failed is not None:
            self._failed(error)
        if again:
            self.request()


class WritesBeforeClosing:
    """For a dialog whose Save writes through the worker and then closes.

    While the write is in flight, Esc, Cancel and the window's X wait for it
    (the dialog's buttons are disabled meanwhile): the page learns of the saved
    data through the dialog's signals, which a dialog deleted mid-write could
    no longer send. A write is one short transaction; loading, by contrast,
    may always be abandoned (``guarded``). Put it before QDialog in the bases.
    """

    def write(
        self,
        worker: DbWorker,
        job: Callable[[Database], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        owner = self  # the dialog
        assert isinstance(owner, QDialog)
        self._set_writing(True)

        def written(result: Any) -> None:
            self._set_writing(False)
            done(result)

        def not_written(error: Exception) -> None:
            self._set_writing(False)
            if failed is not None:
                failed(error)
            else:  # as the worker does for a task without its own handler
                worker.failed.emit(error_text(error))

        worker.submit(job, guarded(owner, written), guarded(owner, not_written))

    @property
    def writing(self) -> bool:
        return bool(getattr(self, "_writing", False))

    def _set_writing(self, writing: bool) -> None:
        self._writing = writing
        assert isinstance(self, QDialog)
        for button in self.findChildren(QAbstractButton):
            if writing:
                button.setProperty("koeEnabledBeforeWrite", button.isEnabled())
                button.setEnabled(False)
            elif button.property("koeEnabledBeforeWrite") is not None:
                button.setEnabled(bool(button.property("koeEnabledBeforeWrite")))
                button.setProperty("koeEnabledBeforeWrite", None)

    def reject(self) -> None:
        if not self.writing:
            super().reject()  # type: ignore[misc]
