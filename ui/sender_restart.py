"""Restarting the outbox's sender off the GUI thread, and loading it only when needed.

``KoeApp`` (ui.session) restarts the sender when the message settings are saved or
the secrets are unlocked; stopping the old one can take seconds, so it happens here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from channels.outbox import Dispatcher
    from storage.workspace import Workspace

log = logging.getLogger(__name__)


def start_sender(workspace: Workspace, **options: Any) -> Dispatcher | None:
    """``channels.sender.start_sender``, loaded when first called (it brings in Twilio)."""
    from channels.sender import start_sender as start

    return start(workspace, **options)


class SenderRestart(threading.Thread):
    """Stops the old sender and starts one with the saved settings, off the GUI thread.

    ``Dispatcher.stop()`` can wait up to 10 s for a send in flight, so this never
    runs on the GUI thread; ``done(sender, error)`` is called on this thread.
    """

    def __init__(
        self,
        old: Dispatcher | None,
        start: Callable[[], Dispatcher | None],
        done: Callable[[Dispatcher | None, str], None],
    ) -> None:
        super().__init__(name="koe-sender-restart", daemon=True)
        self._old, self._start, self._done = old, start, done

    def run(self) -> None:
        sender: Dispatcher | None = None
        error = ""
        try:
            if self._old is not None:
                self._old.stop()
            sender = self._start()
        except Exception as problem:  # reported by signal, never lost
            log.exception("the sender did not restart")
            error = str(problem) or type(problem).__name__
        self._done(sender, error)
