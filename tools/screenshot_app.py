"""Screenshots of the desktop app, every page, in English and Japanese.

    uv run main.py demo --data-dir /tmp/koe-demo
    uv run python tools/screenshot_app.py /tmp/koe-demo   # docs/screenshots/app-<page>-<lang>.png
    uv run python tools/screenshot_app.py --empty --out /tmp/x   # a fresh, empty workspace
    uv run python tools/screenshot_app.py --designer-only           # app-designer-<lang>.png only
    uv run python tools/screenshot_app.py --assistant-only  # app-assistant-<page>-<lang>.png only
    uv run python tools/screenshot_app.py --import-only  # app-import-preview-<lang>.png only

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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

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


def _qt_app() -> QApplication:
    """The application, named as the app names it; the geometry a window remembers
    goes to a scratch folder, not the user's settings."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Koe")
    app.setOrganizationName("Koe")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="koe-qs-")
    )
    return app


def shoot(
    data_dir: Path, out: Path, languages: list[str], suffix: str, size: tuple[int, int]
) -> list[Path]:

    from storage import settings as settings_store
    from storage import surveys as survey_store
    from storage.workspace import Workspace
    from ui.common.i18n import install_translator
    from ui.page_list import PAGES
    from ui.session import KoeApp

    app = _qt_app()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    workspace = Workspace.open(data_dir)
    try:
        summaries = survey_store.list_all(workspace.db())
        for language in languages:
            # The app speaks the language of the settings (band and tag names too).
            settings_store.save(workspace.db(), language=language)
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
                results = window.pages[spec.key]
                if spec.key == "results" and hasattr(results, "responses"):
                    # The Results page's other tab: the responses themselves.
                    results.results_view.setCurrentWidget(results.responses)
                    _settle(app, koe)
                    path = out / f"app-results-responses-{language}{suffix}.png"
                    window.grab().save(str(path))
                    written.append(path)
                    print(path)
                    results.results_view.setCurrentIndex(0)
            koe.shutdown()
            _settle(app, koe, 0.1)
    finally:
        workspace.close()
    return written


# The designer's screenshot: an NPS survey with a leading and a double-barrelled
# question added, so that the checklist has something to say.
DESIGNER_EXTRA = {
    "en": (
        "Don't you agree our coffee is great?",
        "How satisfied are you with the price and the quality of our coffee?",
    ),
    "ja": (
        "当店のコーヒーは美味しいと思いませんか？",
        "当店のコーヒーの価格と品質にどの程度満足していますか？",
    ),
}


def shoot_designer(
    out: Path, languages: list[str], size: tuple[int, int], palette: str = "light"
) -> list[Path]:
    """The designer on a survey with warnings, in a scratch workspace of its own."""

    from channels.links import new_slug
    from storage import settings as settings_store
    from storage import surveys as survey_store
    from storage.workspace import Workspace
    from surveys.questions import QuestionType
    from surveys.templates import survey_from_template
    from surveys.text import LocalText
    from ui.common.i18n import install_translator
    from ui.designer.question_ops import starter_question
    from ui.session import KoeApp

    app = _qt_app()
    if palette == "dark":
        _dark(app)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for language in languages:
        workspace = Workspace.open(Path(tempfile.mkdtemp(prefix="koe-designer-")))
        try:
            survey = survey_from_template("nps", languages=(language,), company="Café Koe")
            survey.title = LocalText({language: "Café Koe" if language == "en" else "カフェ Koe"})
            for wording in DESIGNER_EXTRA[language]:
                question = starter_question(survey, QuestionType.CSAT, "Café Koe")
                question.text = LocalText({language: wording})
                survey.questions.insert(len(survey.questions) - 1, question)
            survey.slug = new_slug()
            stored = survey_store.create(workspace.db(), survey)
            assert stored.id is not None
            # The designer speaks the UI language of the settings, as in the app.
            settings_store.save(workspace.db(), language=language)
            install_translator(app, language)
            koe = KoeApp(workspace, port=0)
            koe.start_server()
            window = koe.build_window()
            window.resize(*size)
            window.show()
            designer = window.open_designer(stored.id)
            _settle(app, koe)
            assert designer is not None
            designer.go_to(_target(designer, 1))
            _settle(app, koe)
            suffix = "" if palette == "light" else f"-{palette}"
            path = out / f"app-designer-{language}{suffix}.png"
            window.grab().save(str(path))
            written.append(path)
            print(path)
            koe.shutdown()
            _settle(app, koe, 0.1)
        finally:
            workspace.close()
    return written


# The set-up assistant's pages, in order, with what the owner has typed or chosen by then.
ASSISTANT_PAGES = ("welcome", "time-zone", "kind", "reach")
ASSISTANT_NAME = {"en": "Sakura Bakery", "ja": "さくらベーカリー"}


def shoot_assistant(out: Path, languages: list[str]) -> list[Path]:
    """The set-up assistant on an empty workspace, each page, as at first start."""

    from storage.workspace import Workspace
    from surveys.business import CAFE
    from ui.common.i18n import install_translator
    from ui.session import KoeApp
    from ui.setup.assistant import SetUpAssistant

    app = _qt_app()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for language in languages:
        workspace = Workspace.open(Path(tempfile.mkdtemp(prefix="koe-assistant-")))
        try:
            install_translator(app, language)
            koe = KoeApp(workspace, port=0)
            assistant = SetUpAssistant(koe.context, at_start=True)
            assistant.welcome.name.setText(ASSISTANT_NAME[language])
            assistant.time_zone.select("Asia/Tokyo")
            assistant.show()
            for number, name in enumerate(ASSISTANT_PAGES):
                if number == 2:
                    assistant.kind.buttons[CAFE][0].setChecked(True)
                _settle(app, koe)
                path = out / f"app-assistant-{name}-{language}.png"
                assistant.grab().save(str(path))
                written.append(path)
                print(path)
                assistant.next()
            assistant.hide()
            assistant.deleteLater()
            koe.shutdown()
            _settle(app, koe, 0.1)
        finally:
            workspace.close()
    return written


# The import dialog's preview: a file each language's shop would bring (the layouts
# of tests/contacts/fixtures), with a merge and a problem row.
IMPORT_FILES = {
    "en": ROOT / "tests" / "contacts" / "fixtures" / "google_contacts.csv",
    "ja": ROOT / "tests" / "contacts" / "fixtures" / "pos_airregi_cp932.csv",
}


def shoot_import_preview(out: Path, languages: list[str]) -> list[Path]:
    """The import dialog's preview step on a real file, in a scratch workspace."""

    from storage.workspace import Workspace
    from ui.common.i18n import install_translator
    from ui.common.worker import DbWorker
    from ui.contacts.import_dialog import STEP_MAPPING, STEP_PREVIEW, ContactImportDialog

    app = _qt_app()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for language in languages:
        workspace = Workspace.open(Path(tempfile.mkdtemp(prefix="koe-import-")))
        worker = DbWorker(workspace)
        try:
            install_translator(app, language)
            dialog = ContactImportDialog(IMPORT_FILES[language], "JP", workspace, worker)
            dialog.show()
            _wait_for(app, lambda d=dialog: d.step == STEP_MAPPING)
            dialog.check_file()
            _wait_for(app, lambda d=dialog: d.step == STEP_PREVIEW)
            _wait_for(app, lambda: False, 0.4)  # repaints
            path = out / f"app-import-preview-{language}.png"
            dialog.grab().save(str(path))
            written.append(path)
            print(path)
            dialog.reject()
            dialog.deleteLater()
        finally:
            worker.stop()
            workspace.close()
    return written


def _wait_for(app: object, done: object, seconds: float = 30) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:  # type: ignore[operator]
        QApplication.processEvents()
        time.sleep(0.01)


def _target(designer: object, row: int) -> object:
    from ui.designer.draft import Target

    return Target(designer.draft.questions[row].qid)  # type: ignore[attr-defined]


def _dark(app: object) -> None:
    """Fusion with a dark palette: how the window reads on a dark system theme."""
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")  # type: ignore[attr-defined]
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#1f2023"),
        (QPalette.ColorRole.WindowText, "#e8e8ea"),
        (QPalette.ColorRole.Base, "#17181a"),
        (QPalette.ColorRole.AlternateBase, "#25262a"),
        (QPalette.ColorRole.Text, "#e8e8ea"),
        (QPalette.ColorRole.Button, "#2a2b2f"),
        (QPalette.ColorRole.ButtonText, "#e8e8ea"),
        (QPalette.ColorRole.Highlight, "#2f6fb3"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#9a9ba1"),
        (QPalette.ColorRole.Mid, "#4a4b50"),
        (QPalette.ColorRole.ToolTipBase, "#2a2b2f"),
        (QPalette.ColorRole.ToolTipText, "#e8e8ea"),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)  # type: ignore[attr-defined]


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
    parser.add_argument(
        "--designer-only", action="store_true", help="only the designer's screenshots"
    )
    parser.add_argument(
        "--palette", choices=["light", "dark"], default="light", help="the designer's palette"
    )
    parser.add_argument(
        "--assistant-only", action="store_true", help="only the set-up assistant's screenshots"
    )
    parser.add_argument(
        "--import-only", action="store_true", help="only the import dialog's preview"
    )
    args = parser.parse_args(argv)
    if not args.onscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    width, height = (int(n) for n in args.size.lower().split("x"))
    if args.designer_only:
        shoot_designer(args.out, args.languages, (width, height), args.palette)
        return 0
    if args.assistant_only:
        shoot_assistant(args.out, args.languages)
        return 0
    if args.import_only:
        shoot_import_preview(args.out, args.languages)
        return 0
    if args.empty:
        data_dir = Path(tempfile.mkdtemp(prefix="koe-empty-"))
        suffix = "-empty"
    elif args.data_dir is not None:
        data_dir = args.data_dir
        suffix = ""
    else:
        parser.error("give a workspace folder, or --empty")
    shoot(data_dir, args.out, args.languages, suffix, (width, height))
    if not args.empty:
        shoot_designer(args.out, args.languages, (width, height))
        shoot_assistant(args.out, args.languages)
        shoot_import_preview(args.out, args.languages)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
