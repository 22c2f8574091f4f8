"""Running the whole app as ``python main.py`` does (``ui.app.run``), with a look at
its windows while it runs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer

from ui import app as app_module


def drop_workspace_log() -> None:
    """Take the workspace's log file (which run() sets up) out of logging again."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "koe_workspace_log", False):
            root.removeHandler(handler)
            handler.close()


def run_app(folder: Path, look: Callable[[], None]) -> int:
    """``run()`` on ``folder``, calling ``look()`` every 50 ms while it runs (to answer a
    dialog or close the window, as a person would); returns run()'s exit code."""
    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(50)
    try:
        return app_module.run(folder, ["koe"])
    finally:
        poll.stop()
        drop_workspace_log()
