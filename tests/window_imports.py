"""Which libraries the desktop app has loaded when its window shows, when it is ready,
and after the Results page was opened: run as ``python -m tests.window_imports DIR``
in a fresh process (``tests/test_architecture.py``); prints one JSON object.

A fresh process is the point: in the test session every library is loaded already.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

# Libraries that only some pages or actions need (PDF, Excel, SMS, charts, phone
# numbers), and the ones the services that start with the window load.
WATCHED = (
    "fpdf",
    "openpyxl",
    "twilio",
    "PySide6.QtCharts",
    "phonenumbers",
    "email_validator",
    "qrcode",
    "httpx",
    "requests",
    "jinja2",
    "starlette",
    "uvicorn",
    "sqlite_utils",
)


def loaded() -> list[str]:
    return [name for name in WATCHED if name in sys.modules]


def main(folder: str) -> int:
    app = QApplication(["koe"])
    from ui.main_window import MainWindow

    report: dict[str, list[str]] = {}

    class ShowWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(watched, MainWindow):
                report.setdefault("shown", loaded())
            return False

    def window() -> MainWindow | None:
        shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        return shown[0] if shown else None

    def settled(main_window: MainWindow) -> bool:
        # A window without is_ready (built once its workspace was open) is ready when shown.
        ready = getattr(main_window, "is_ready", lambda: True)()
        return bool(ready) and main_window.context.worker.pending == 0

    def look() -> None:
        main_window = window()
        if main_window is None or not settled(main_window):
            return
        if "ready" not in report:
            report["ready"] = loaded()
            main_window.show_page("results")
        elif "results" not in report:
            report["results"] = loaded()
            print(json.dumps(report), flush=True)
            main_window.close()

    watch = ShowWatch()
    app.installEventFilter(watch)
    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(10)
    import main as koe

    return koe.main(["main.py", "--data-dir", folder])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
