"""Starting and stopping the desktop app: ``run()`` is what ``python main.py`` calls.

It sets up Qt (name, icon, the system's language until the workspace's is known),
lets Ctrl+C and SIGTERM close the window cleanly, and hands the start to
``ui.startup.Startup``: the window shows at once and the workspace opens off the
GUI thread. The session around an open workspace is ``ui.session.KoeApp``;
unexpected errors go to ``ui.error_reporter.ErrorReporter``.
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.common.collector import GuiThreadCollector
from ui.common.i18n import install_translator
from ui.common.icons import app_icon
from ui.startup import Startup


def _let_python_run() -> None:
    """Nothing: the call itself gives Python the chance to run a pending signal handler."""


def _quit_on_ctrl_c(window: QWidget) -> QTimer:
    """Ctrl+C in the terminal, or SIGTERM at logout, closes the window as Ctrl+Q does
    (a clean shutdown: server stopped, workspace closed).

    Python only runs signal handlers between bytecodes; the timer wakes it up
    while Qt's event loop waits.
    """
    signal.signal(signal.SIGINT, lambda *_: window.close())
    signal.signal(signal.SIGTERM, lambda *_: window.close())
    ticker = QTimer(window)
    ticker.timeout.connect(_let_python_run)
    ticker.start(250)
    return ticker


def run(data_dir: Path, argv: list[str]) -> int:
    """Show the window, open the workspace in ``data_dir``, and return the exit code."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Koe")
    app.setOrganizationName("Koe")
    app.setWindowIcon(app_icon())
    # Until the workspace is open its language setting is unknown: follow the system.
    install_translator(app, "")
    previous_hooks = sys.excepthook, threading.excepthook
    previous_sigint = signal.getsignal(signal.SIGINT)
    previous_sigterm = signal.getsignal(signal.SIGTERM)
    start = Startup(app, Path(data_dir))
    collector = GuiThreadCollector(app)
    collector.start()
    try:
        ticker = _quit_on_ctrl_c(start.window)
        start.show_and_open()
        code = app.exec()
        ticker.stop()
        return code
    finally:
        start.finish()
        collector.stop()
        sys.excepthook, threading.excepthook = previous_hooks
        signal.signal(signal.SIGINT, previous_sigint)
        signal.signal(signal.SIGTERM, previous_sigterm)
