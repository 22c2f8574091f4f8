"""Cycles holding Qt objects are collected on the GUI thread, not on the site's or the sender's."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from ui.common.collector import GuiThreadCollector


class Node(QObject):
    """A Qt object in a reference cycle, as a dropped page with a lambda on itself is."""

    def __init__(self, seen: list[int]) -> None:
        super().__init__()
        self.me = self
        # Runs on the thread whose collection frees the object (and so destroys it in C++).
        weakref.finalize(self, lambda: seen.append(threading.get_ident()))


def _allocate_on_another_thread() -> None:
    def churn() -> None:
        # Enough new container objects that Python would run a collection here.
        kept = [[index] for index in range(50_000)]
        del kept

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()


def test_a_cycle_is_collected_on_the_gui_thread_while_other_threads_allocate(qtbot):
    collector = GuiThreadCollector()
    collector.start()
    try:
        seen: list[int] = []
        Node(seen)
        _allocate_on_another_thread()
        assert seen == []  # nothing collected on the other thread
        qtbot.waitUntil(lambda: seen != [], timeout=5000)
        assert seen == [threading.get_ident()]
    finally:
        collector.stop()
    assert gc.isenabled()
