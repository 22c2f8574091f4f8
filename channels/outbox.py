"""The outbox dispatcher: sends what is queued, safely across crashes (docs/outbox.md).

One ``Dispatcher`` per workspace, in the process that holds the workspace lock
(the desktop app, or ``main.py serve`` when the workspace has contacts). It
runs one thread ("lane") per channel, each with its own SQLite connection:

1. Recovery, before anything is sent: every row of the channel left in
   'sending' by a crash is settled. SMS: Twilio is asked (messages to that
   number since the attempt began, with the stored body or the delivery's token) and the
   row becomes 'sent' if found, 'queued' if not. Email: SMTP cannot be asked,
   so the row becomes 'unknown' and is shown to the user, never resent.
2. Sending: due rows (status 'queued', ``not_before`` passed) in order; the
   opt-outs are checked at that moment; each row is claimed ('sending', the
   final body stored) in its own commit BEFORE the network call, then marked.
   SMS go at the channel's rate (messages per second), with several requests
   in flight so API latency does not lower the rate.
3. Housekeeping (SMS): delivery statuses polled from Twilio; replies polled
   and handled (``channels.replies``).

Signals to the UI are plain attributes read by polling (no Qt here):
``problems`` (channel → the words of a channel-wide problem such as wrong
credentials) and ``status_counts`` via ``storage.outbox``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

from channels.base import Channel
from channels.lane import Lane, Timing
from storage.database import connect

__all__ = ["STOPPED", "Dispatcher", "Timing"]

# The problem code of a lane that ended on a bug (it no longer sends until a restart).
STOPPED = "stopped"

log = logging.getLogger(__name__)


class Companion(Protocol):
    """A thread that stops with the dispatcher (``channels.programmes.ProgrammeRunner``)."""

    def stop(self, timeout: float | None = None) -> None: ...


class Dispatcher:
    """Sends the outbox of the workspace at ``db_path`` through ``channels`` (by name).

    ``start()`` runs a lane thread per channel; ``stop()`` ends them after the
    message in hand. ``run_until_idle()`` does the same work on the calling
    thread (tests, ``bench/send.py``).
    """

    def __init__(
        self,
        db_path: Path,
        channels: Mapping[str, Channel],
        *,
        timing: Timing | None = None,
        on_change: Callable[[], None] | None = None,
        purposes: frozenset[str] | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.channels = dict(channels)
        self.timing = timing or Timing()
        # Only rows of these purposes are sent (a public host: owners' alerts); None: all.
        self.purposes = purposes
        # Channel → the words of a channel-wide problem, and its provider code (None when
        # the provider gave none): channels/readiness.py reads both to say why messages wait.
        self.problems: dict[str, str] = {}
        self.problem_codes: dict[str, str | None] = {}
        self._on_change = on_change
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        # What runs beside the lanes and stops with them (the programme runner).
        self.companions: list[Companion] = []

    # Life -----------------------------------------------------------------------

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        for name, channel in self.channels.items():
            thread = threading.Thread(
                target=self._lane_forever, args=(name, channel), name=f"koe-send-{name}",
                daemon=True,
            )  # fmt: skip
            self._threads.append(thread)
            thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        for companion in self.companions:
            companion.stop(timeout)
        self.companions = []
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def lane_running(self, name: str) -> bool:
        """Whether the lane of channel ``name`` is alive (it sends that channel's messages)."""
        return any(t.is_alive() and t.name == f"koe-send-{name}" for t in self._threads)

    def report_problem(self, name: str, words: str, code: str | None = None) -> None:
        """Channel ``name`` cannot send for now (from a lane's thread)."""
        self.problem_codes[name] = code
        self.problems[name] = words

    def clear_problem(self, name: str) -> None:
        """Channel ``name`` sends again: its problem is over."""
        self.problems.pop(name, None)
        self.problem_codes.pop(name, None)

    def wake(self) -> None:
        """Look at the queue now (the Send page calls it after queueing a campaign)."""
        self._wake.set()

    def run_until_idle(self, timeout: float = 60.0) -> None:
        """Recover, then send everything due, each channel on its own thread; returns when
        nothing is due (or ``timeout`` passed). For tests, benchmarks and one-shot sends."""
        deadline = time.monotonic() + timeout
        errors: list[BaseException] = []

        def lane(name: str, channel: Channel) -> None:
            worker = Lane(self, name, channel, connect(self.db_path))
            try:
                while not worker.recover():
                    if time.monotonic() > deadline:
                        raise TimeoutError("the outbox could not be reconciled in time")
                    time.sleep(0.05)
                while worker.send_due() and time.monotonic() < deadline:
                    pass
            except BaseException as error:
                errors.append(error)
            finally:
                worker.close()

        threads = [
            threading.Thread(target=lane, args=item, name=f"koe-send-{item[0]}")
            for item in self.channels.items()
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]

    def check_now(self) -> None:
        """Poll delivery statuses and replies once, on this thread (tests, a Refresh button)."""
        for name, channel in self.channels.items():
            lane = Lane(self, name, channel, connect(self.db_path))
            try:
                if channel.supports_status:
                    lane.poll_statuses()
                if channel.supports_replies:
                    lane.poll_replies()
            finally:
                lane.close()

    def _lane_forever(self, name: str, channel: Channel) -> None:
        db = connect(self.db_path)
        lane = Lane(self, name, channel, db)
        try:
            while not self._stop.is_set() and not lane.recover():
                self._stop.wait(self.timing.channel_down_wait)
            while not self._stop.is_set():
                worked = lane.send_due()
                lane.housekeeping()
                if not worked:
                    self._wake.wait(self.timing.idle)
                    self._wake.clear()
        except Exception:  # a bug must not end sending silently: log it, keep the row states
            log.exception("the %s sender stopped", name)
            self.report_problem(
                name, "The sender stopped on an unexpected error; restart Koe.", STOPPED
            )
        finally:
            lane.close()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def changed(self) -> None:
        """Rows changed status: tell whoever asked (``on_change``; from a lane's thread)."""
        if self._on_change is not None:
            self._on_change()
