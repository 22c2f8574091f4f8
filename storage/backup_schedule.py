"""Daily backups on a timer, in whichever process holds the workspace lock.

The desktop app and ``serve`` each run one ``BackupSchedule``: a thread that
looks at start and then every hour whether today's backup is due, and takes
it (storage.backups.take_daily: checked, the last seven kept, copied to the
second folder when one is set). Looking every hour rather than sleeping a day
means a machine that slept, or whose clock jumped, still gets its backup
within the hour, and an app left open for a week takes one every day.

The clock is injectable, so tests move time instead of waiting for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from storage.backups import BackupError, BackupOutcome
from storage.database import utc_now
from storage.periodic import PeriodicLook
from storage.workspace import Workspace
from surveys.problems import QT_TRANSLATE_NOOP, Problem

log = logging.getLogger(__name__)

CHECK_EVERY_SECONDS = 3600.0

Clock = Callable[[], datetime]
# Called on the schedule's thread after each look: the outcome, or None and why it failed.
# The outcome, or None and why the backup failed (None when it did not).
Report = Callable[[BackupOutcome | None, Problem | None], None]


class BackupSchedule(PeriodicLook):
    """Takes the daily backup when due, on a thread of its own (``start``/``stop``)."""

    thread_name = "koe-backups"

    def __init__(
        self,
        workspace: Workspace,
        *,
        clock: Clock = utc_now,
        interval: float = CHECK_EVERY_SECONDS,
        report: Report | None = None,
    ) -> None:
        super().__init__(workspace, interval)
        self.clock = clock
        self._report = report

    def check(self) -> BackupOutcome:
        """One look, on the calling thread's connection: take today's backup if due.

        Raises BackupError (in plain words) when it could not be taken.
        """
        return self.workspace.take_daily_backup(self.clock())

    def _look(self) -> None:
        try:
            outcome = self.check()
        except BackupError as error:
            log.error("daily backup failed: %s", error)
            self._tell(None, error.problem)
            return
        except Exception as error:  # the thread must keep looking tomorrow
            log.exception("daily backup failed")
            words = QT_TRANSLATE_NOOP("Problems", "The daily backup failed: {detail}")
            self._tell(None, Problem(words, {"detail": str(error)}))
            return
        if outcome.path is not None:
            log.info("daily backup written to %s", outcome.path)
        if outcome.copy_error:
            log.warning("daily backup not copied: %s", outcome.copy_error)
        self._tell(outcome, None)

    def _tell(self, outcome: BackupOutcome | None, error: Problem | None) -> None:
        if self._report is not None:
            self._report(outcome, error)
