"""What happens when answers arrive, in whichever process holds the sender.

One look at the answers after a watermark does everything a new answer sets off:
the automatic follow-up messages (``channels.follow_ups``), the owners' alert emails
(``channels.owner_alerts``), the chats and webhooks (``channels.webhooks``) and the
escalation rules' follow-up tasks (``channels.escalation``). Each of them claims what
it handled, so a second look, a restart or two processes looking never send twice.

The desktop looks from its window (``ui.comments.alerts``); ``serve`` holding the
contacts looks with ``AnswerWatch``, on each new answer and every 15 s (an
unanswered delivery becomes due without an event).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from sqlite_utils import Database

from storage import responses as response_store
from storage.database import utc_now
from storage.settings import Settings

log = logging.getLogger(__name__)

# Partial responses (a score before its comment) keep their id: each look starts a
# little before the newest answer seen, and the claims keep every message single.
LOOK_BACK = 50


def react_to_answers(
    db: Database,
    settings: Settings,
    after: int,
    language: str,
    *,
    reach_back: bool = False,
    now: datetime | None = None,
) -> None:
    """Queue what the answers after response id ``after`` set off.

    ``reach_back``: the escalation rules look back to their own cut-off (the first look
    after a start: answers that came while nothing was looking).
    """
    # Loaded at the first look (they bring the channels' libraries), not at start.
    from channels.escalation import escalate
    from channels.follow_ups import queue_follow_ups
    from channels.owner_alerts import queue_owner_alerts
    from channels.webhooks.events import queue_webhooks

    queue_follow_ups(db, settings, after)
    queue_owner_alerts(db, settings, after, language)
    queue_webhooks(db, settings, after, now=now)
    escalate(db, settings, 0 if reach_back else after, now=now)


class AnswerWatch:
    """For ``serve`` holding the sender: ``react_to_answers`` on each new answer
    (``wake``) and every ``interval`` seconds (as often as the window looks)."""

    def __init__(
        self,
        open_db: Callable[[], Database],
        load_settings: Callable[[Database], Settings],
        language: Callable[[], str],
        interval: float = 15.0,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._open_db = open_db
        self._load_settings = load_settings
        self._language = language
        self._interval = interval
        self._clock = clock
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="koe-answers", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self, *_args: object) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        db = self._open_db()
        # Answers before the start were looked at by whoever held the sender then.
        after = response_store.latest_id(db)
        reach_back = True
        while not self._stop.is_set():
            try:
                latest = response_store.latest_id(db)
                react_to_answers(
                    db,
                    self._load_settings(db),
                    after,
                    self._language(),
                    reach_back=reach_back,
                    now=self._clock(),
                )
                reach_back = False
                after = max(after, latest - LOOK_BACK)
            except Exception:  # a bad look is logged; the next one may do
                log.exception("looking at new answers failed")
            self._wake.wait(self._interval)
            self._wake.clear()
