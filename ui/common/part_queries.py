"""A page's queries run as a round of parts, each shown as soon as it is done.

The Results page's dashboard is several queries (headline, trend, breakdown…)
of very different cost. ``PartQueries`` submits each as a worker job of its
own, in order, and hands each result to the page when its job finishes, so
the quick headline never waits for the slow funnel.

A round is made for a key (the page's choices, say the filters). Asking again
with another key supersedes the running round: its jobs not yet started are
skipped, the one running is interrupted (``storage.cancelling``), and nothing
of it reaches the page, even a result already on its way back. Asking again
with the same key (new answers arrived) lets the round finish and runs one more
behind it, so a flood of answers cannot keep the dashboard from ever finishing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from sqlite_utils import Database

from storage.cancelling import Cancelled, cancellable
from ui.common.page_jobs import guarded
from ui.common.worker import DbWorker

_SKIPPED = object()  # what a superseded part's job returns


@dataclass(frozen=True)
class Part:
    """One query of a round: ``job`` runs on the worker, ``done`` gets its result."""

    name: str
    job: Callable[[Database], Any]
    done: Callable[[Any], None]


@dataclass(frozen=True)
class Round:
    key: Hashable
    parts: list[Part]


class PartQueries:
    """Runs ``make_round()``'s parts on ``worker``; ``request()`` starts or supersedes.

    ``make_round`` is called when a round starts, so it sees the page's state at
    that moment; it returns None when there is nothing to query. ``failed`` gets
    a part's error (a cancelled part is no error); ``finished`` is called when the
    last part of the current round is done.
    """

    def __init__(
        self,
        owner: QObject,
        worker: DbWorker,
        make_round: Callable[[], Round | None],
        failed: Callable[[Exception], None],
        finished: Callable[[], None] | None = None,
    ) -> None:
        self._owner = owner
        self._worker = worker
        self._make_round = make_round
        self._failed = failed
        self._finished = finished
        self._cancel: threading.Event | None = None  # the current round's
        self._key: Hashable = None
        self._left = 0
        self._again = False

    @property
    def running(self) -> bool:
        return self._cancel is not None

    @property
    def key(self) -> Hashable:
        """The key of the running round, or of the last one."""
        return self._key

    def request(self) -> None:
        if not shiboken6.isValid(self._owner):
            return  # its page is gone (a signal connected to this method still fires)
        made = self._make_round()
        if made is None:
            self.cancel()
            return
        if self._cancel is not None and made.key == self._key:
            self._again = True  # the same question: let this round finish, then ask again
            return
        self.cancel()
        self._start(made)

    def cancel(self) -> None:
        """Drop the running round: its parts stop and none of their results show."""
        if self._cancel is not None:
            self._cancel.set()
        self._cancel, self._again, self._left = None, False, 0

    def _start(self, made: Round) -> None:
        cancel = threading.Event()
        self._cancel, self._key, self._left = cancel, made.key, len(made.parts)
        for part in made.parts:
            self._worker.submit(
                _interruptible(part.job, cancel),
                guarded(self._owner, lambda value, part=part: self._on_done(cancel, part, value)),
                guarded(self._owner, lambda error: self._on_failed(cancel, error)),
            )
        if not made.parts:
            self._round_over()

    def _on_done(self, cancel: threading.Event, part: Part, value: Any) -> None:
        if cancel is not self._cancel or value is _SKIPPED:
            return  # a superseded round's
        part.done(value)
        self._count_down(cancel)

    def _on_failed(self, cancel: threading.Event, error: Exception) -> None:
        if cancel is not self._cancel:
            return
        self._failed(error)
        self._count_down(cancel)

    def _count_down(self, cancel: threading.Event) -> None:
        # (``done`` may have started another round: then this one is over already.)
        if cancel is not self._cancel:
            return
        self._left -= 1
        if self._left <= 0:
            self._round_over()

    def _round_over(self) -> None:
        again = self._again
        self._cancel, self._again = None, False
        if self._finished is not None:
            self._finished()
        if again:
            self.request()


def _interruptible(
    job: Callable[[Database], Any], cancel: threading.Event
) -> Callable[[Database], Any]:
    def run(db: Database) -> Any:
        try:
            with cancellable(db, cancel.is_set):
                return job(db)
        except Cancelled:
            return _SKIPPED

    return run
