"""Screenshots of the desktop app, every page, in English and Japanese.

    uv run main.py demo --data-dir /tmp/koe-demo
    uv run python tools/screenshot_app.py /tmp/koe-demo   # docs/screenshots/app-<page>-<lang>.png
    uv run python tools/screenshot_app.py --empty --out /tmp/x   # a fresh, empty workspace

The window is built offscreen (no display needed) around the workspace, the
same way ``python main.py`` builds it, and each page is grabbed once the
database worker has nothing left to do.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _settle(app: object, koe: object, seconds: float = 0.4) -> None:
    """Let queued work and repaints finish: the worker idle, then a short grace period."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 20
    while koe.worker.pending and time.monotonic() < deadline:  # type: ignore[attr-defined]
        QApplication.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def shoot(
    data_dir: Path, out: Path, languages: list[str], suffix: str, size: tuple[int, int]
) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from storage import surveys as survey_store
    from storage.workspace import Workspace
    from ui.app import KoeApp
    from ui.i18n import install_translator
    from ui.main_window import PAGES

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Koe")
    app.setOrganizationName("Koe")
    # Geometry the window remembers goes to a scratch folder, not the user's settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="koe-qs-")
    )
    out.mkdir(parents=True, exist_ok=True)
    written = []
    workspace = Workspace.open(data_dir)
    try:
        summaries = survey_store.list_all(workspace.db())
        for language in languages:
            install_translator(app, language)
            koe = KoeApp(workspace)
            koe.take_daily_backup()  # as the app does on start, so Backups has a row
            if not koe.start_server():
                koe.port = 0  # the usual port is taken here; any free one will do
                koe.start_server()
            window = koe.build_window()
            window.resize(*size)
            window.show()
            if summaries:
                # Results for the first survey, as after "See results" on the Surveys page.
                window.show_results(summaries[0].id)
            for spec in PAGES:
                window.show_page(spec.key)
                _settle(app, koe)
                path = out / f"app-{spec.key}-{language}{suffix}.png"
                window.grab().save(str(path))
                written.append(path)
                print(path)
            koe.shutdown()
            _settle(app, koe, 0.1)
    finally:
        workspace.close()
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of every page of the Koe window.")
    parser.add_argument(
        "data_dir", nargs="?", type=Path, help="a workspace folder (e.g. from main.py demo)"
    )
    parser.add_argument("--empty", action="store_true", help="use a fresh, empty workspace")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", nargs="+", default=["en", "ja"], choices=["en", "ja"])
    parser.add_argument("--size", default="1100x720", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--onscreen", action="store_true", help="use the real display")
    args = parser.parse_args(argv)
    if not args.onscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    width, height = (int(n) for n in args.size.lower().split("x"))
    if args.empty:
        data_dir = Path(tempfile.mkdtemp(prefix="koe-empty-"))
        suffix = "-empty"
    elif args.data_dir is not None:
        data_dir = args.data_dir
        suffix = ""
    else:
        parser.error("give a workspace folder, or --empty")
    shoot(data_dir, args.out, args.languages, suffix, (width, height))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
