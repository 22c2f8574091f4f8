"""A look at the workspace taken at start and then every ``interval`` seconds, on a
thread of its own with its own connection (the daily backup, the weekly digest, the
programmes' runner).

``stop`` lets a look in progress finish (a backup being written, an email queued),
then closes the thread's connection.
"""

from __future__ import annotations

import threading

from storage.workspace import Workspace


class PeriodicLook:
    """Subclasses say what one look does (``_look``); it must not raise."""

    thread_name = "koe-look"

    def __init__(self, workspace: Workspace, interval: float) -> None:
        self.workspace = workspace
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Stop looking; a look in progress is finished first (waited for up to ``timeout``)."""
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stop.set()
            thread.join(timeout)

    def _run(self) -> None:
        try:
            while True:
                self._look()
                if self._stop.wait(self.interval):
                    return
        finally:
            self.workspace.close_thread_connection()

    def _look(self) -> None:
        raise NotImplementedError
