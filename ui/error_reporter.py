"""What the app does with an error nobody expected: ``ErrorReporter`` logs it with its
traceback (the workspace's log, storage.logfile) and tells the user in plain words."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)


class ErrorReporter(QObject):
    """Logs unexpected errors with their traceback and tells the user in plain words.

    Errors from other threads are logged there and shown on the GUI thread.

    Signals:
        reported(str): an unexpected error happened; carries its one-line summary.
    """

    reported = Signal(str)

    def __init__(self, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self._box: QMessageBox | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.critical("unexpected error", exc_info=(kind, error, tb))
        self.reported.emit(_summary(kind, error))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def message(self, summary: str) -> str:
        text = self.tr("Something unexpected went wrong: {error}").format(error=summary)
        if self.log_path is not None:
            text += "\n\n" + self.tr(
                "The details were written to {path}. If this keeps happening, send that file "
                "to whoever supports your Koe."
            ).format(path=self.log_path)
        return text

    def _show(self, summary: str) -> None:
        if self._box is not None and self._box.isVisible():
            return  # one box at a time, even if an error repeats in a loop
        parent = QApplication.activeWindow()
        box = QMessageBox(QMessageBox.Icon.Critical, "Koe", self.message(summary), parent=parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "_box", None))
        self._box = box
        box.open()


def _summary(kind: type[BaseException], error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else kind.__name__
