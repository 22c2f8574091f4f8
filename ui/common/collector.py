"""Python's cycle collector, run on the GUI thread only.

Python collects cycles on whichever thread happens to allocate when a
generation fills up: in Koe, often the survey site's, the sender's or the
database worker's. A Qt object in such a cycle is then destroyed off the GUI
thread, and its C++ destructor may wait for the interpreter lock while
holding a Qt lock the GUI thread needs, which holds the interpreter lock
waiting for that Qt lock: the window freezes for good. Collecting only on
the GUI thread, from a timer, is PyQt's and PySide's long-standing advice.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# Often enough that memory stays flat, rarely enough to cost nothing noticeable.
INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Turns automatic collection off and collects on the GUI thread instead.

    Each tick collects the youngest generation (cheap: only objects made since
    the last tick), and an older one when Python itself would have by now (its
    count against its threshold), so the pauses stay as short as automatic
    collection's.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> int:
        """Collects the young generation and any older one that is due; returns the oldest."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        due = max((g for g in (1, 2) if counts[g] > thresholds[g]), default=0)
        gc.collect(due)
        return due
