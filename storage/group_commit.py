"""One writer for the respondent site: writes queued, committed together (group commit).

SQLite lets one connection write at a time. With each of the web server's
worker threads writing on its own connection, a busy minute had tens of threads
asleep in SQLite's busy handler (it sleeps, then looks again), which made the
slowest answers wait seconds. Here the threads hand their writes (a ``job``: a
function of the writer's connection) to one thread, which runs every job waiting
at that moment in one ``BEGIN IMMEDIATE`` transaction, each job in its own
savepoint, then commits once: one WAL append and one lock hand-over for the
whole group, and the comment index and sync bookkeeping that the triggers write
land once per group instead of once per answer. No job waits for company: a
group is whatever queued while the previous one was committing.

What a caller is told is what the file holds:

- ``run`` returns only after the COMMIT that holds the job returned; a job whose
  group did not commit raises, and nothing of it is kept.
- A job that raises (a malformed answer, a link already answered) is rolled back
  to its savepoint and raises in its caller alone; the others of the group go on.
- When SQLite ends the whole transaction on a job's error, or COMMIT fails for a
  reason that is not "cannot write now", each job of the group runs again alone,
  in its own transaction, so that one job's trouble never costs another its answer.
- When the file cannot be written now (locked past the busy timeout by another
  program, a full disk: ``database.write_refused``), every job of the group raises
  that error: none was kept, and each caller says so (the site's "not saved, send
  again" page).

Jobs may run twice (after such a rollback), so a job does nothing but SQL on the
connection it is given.

Between groups, when nothing waits, the writer does the housekeeping it is
given (``idle``: the comment index's catch-up, storage.comment_index), in its
own transactions: it says whether work remains, and the writer then comes back
to it after ``quiet`` seconds without a job.
"""

from __future__ import annotations

import copy
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from storage.database import connect, write_refused, writing

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[Database], T]
# Housekeeping between groups: (connection, quiet) -> whether work remains. ``quiet``
# is True after a quiet moment, False right after a group.
Idle = Callable[[Database, bool], bool]

MAX_GROUP = 128  # jobs in one transaction at most: a bound on how long the first one waits
QUIET = 1.0  # seconds without a job before the housekeeping left to do is done


class WriterClosed(RuntimeError):
    """The writer was closed (the workspace is closing): nothing more is taken."""


@dataclass
class _Queued:
    job: Job[Any]
    future: Future[Any] = field(default_factory=Future)


_STOP = object()


class _Lost(Exception):
    """A job's error ended the group's whole transaction."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


class GroupCommit:
    """The writer thread over the SQLite file at ``path`` (started on first use)."""

    def __init__(
        self, path: Path, max_group: int = MAX_GROUP, idle: Idle | None = None, quiet: float = QUIET
    ) -> None:
        self.path = path
        self.max_group = max_group
        self.idle = idle
        self.quiet = quiet
        self._queue: queue.SimpleQueue[_Queued | object] = queue.SimpleQueue()
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False
        self.groups = 0  # transactions committed, for tests and benches
        self.committed = 0  # jobs committed in them

    def run(self, job: Job[T]) -> T:
        """Run ``job(db)`` in the writer's transaction; its result once committed.

        Raises what the job raised, or the error that kept its group from committing.
        """
        return self.submit(job).result()

    def submit(self, job: Job[T]) -> Future[T]:
        queued = _Queued(job)
        with self._guard:
            if self._closed:
                raise WriterClosed("the workspace is closing")
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="koe-writer", daemon=True)
                self._thread.start()
            self._queue.put(queued)
        return queued.future

    def close(self, timeout: float = 10.0) -> None:
        """Finish the jobs queued, then stop the thread and close its connection."""
        with self._guard:
            self._closed = True
            thread = self._thread
            if thread is not None:
                self._queue.put(_STOP)
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                log.warning("the writer did not stop within %s s", timeout)

    # --- the writer thread -------------------------------------------------------

    def _serve(self) -> None:
        db: Database | None = None
        stopping = False
        unfinished = False  # housekeeping left for a quiet moment
        while not stopping:
            try:
                first = self._queue.get(timeout=self.quiet if unfinished else None)
            except queue.Empty:
                unfinished = self._housekeep(db, quiet=True)
                continue
            if first is _STOP:
                break
            group: list[_Queued] = [first]  # type: ignore[list-item]
            while len(group) < self.max_group:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is _STOP:
                    stopping = True
                    break
                group.append(more)  # type: ignore[arg-type]
            try:
                if db is None:
                    db = connect(self.path)
                self._commit(db, group)
            except BaseException as error:  # never leave a caller waiting
                log.exception("the writer failed")
                for queued in group:
                    if not queued.future.done():
                        queued.future.set_exception(_own(error))
            if self._queue.empty():
                unfinished = self._housekeep(db, quiet=False)
        if db is not None:
            db.close()

    def _housekeep(self, db: Database | None, quiet: bool) -> bool:
        if self.idle is None or db is None:
            return False
        try:
            return self.idle(db, quiet)
        except Exception:  # the answers come first: housekeeping never stops the writer
            log.exception("the writer's housekeeping failed")
            return False

    def _commit(self, db: Database, group: list[_Queued]) -> None:
        conn = db.conn
        outcomes: list[tuple[_Queued, Any, BaseException | None]] = []
        began = False
        try:
            with writing(db):  # BEGIN IMMEDIATE ... COMMIT
                began = True
                for queued in group:
                    try:
                        with writing(db):  # a savepoint: a failing job takes back its own rows
                            value = queued.job(db)
                    except Exception as error:
                        if not conn.in_transaction:
                            # SQLite ended the whole transaction (a full disk, an I/O error).
                            raise _Lost(error) from error
                        outcomes.append((queued, None, error))
                    else:
                        outcomes.append((queued, value, None))
        except _Lost as lost:
            self._each_alone(db, group, lost.error)
            return
        except sqlite3.Error as error:
            if not began:  # nothing was written: locked past the busy timeout, unreadable
                _fail(group, error)
            else:  # COMMIT refused: nothing of the group is in the file
                self._each_alone(db, group, error)
            return
        self.groups += 1
        self.committed += sum(1 for _q, _v, error in outcomes if error is None)
        for queued, value, error in outcomes:
            if error is None:
                queued.future.set_result(value)
            else:
                queued.future.set_exception(error)

    def _each_alone(self, db: Database, group: list[_Queued], error: BaseException) -> None:
        """The group's transaction was lost: every job fails with ``error`` when the file
        cannot be written now, else each runs again in its own transaction."""
        if len(group) == 1 or (isinstance(error, sqlite3.Error) and write_refused(error)):
            _fail(group, error)
            return
        log.warning(
            "a group of %s writes was rolled back (%s): each again alone", len(group), error
        )
        for queued in group:
            try:
                with writing(db):
                    value = queued.job(db)
            except Exception as alone:
                queued.future.set_exception(alone)
            else:
                self.groups += 1
                self.committed += 1
                queued.future.set_result(value)


def _fail(group: list[_Queued], error: BaseException) -> None:
    for queued in group:
        queued.future.set_exception(_own(error))


def _own(error: BaseException) -> BaseException:
    """A copy of ``error`` for one caller: the same exception raised in many threads
    would gather all their tracebacks."""
    try:
        return copy.copy(error)
    except Exception:
        return error
