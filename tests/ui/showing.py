"""The Results page shown as a user sees it, and the app in another language, for tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication, QWidget

from ui.common import i18n
from ui.context import AppContext
from ui.results.page import ResultsPage


def shown_results_page(
    qtbot, context: AppContext, survey_id: int | None = None, size: tuple[int, int] = (1000, 800)
) -> tuple[QWidget, ResultsPage]:
    """The Results page in a shown window, its dashboard loaded (on ``survey_id`` when
    given). Keep the window: the page goes with it."""
    window = QWidget()
    window.resize(*size)
    page = ResultsPage(context, window)
    page.resize(window.size())
    qtbot.addWidget(window)
    window.show()
    if survey_id is not None:
        page.select_survey(survey_id)
    qtbot.waitUntil(lambda: page.dashboard_data() is not None and context.worker.pending == 0)
    return window, page


def open_responses(qtbot, page: ResultsPage) -> None:
    """Switch to the Responses tab and wait for its first rows."""
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.results_view)
    page.results_view.setCurrentWidget(page.responses)
    qtbot.waitUntil(lambda: page.responses.model.rowCount() > 0 and not page.busy())


@contextmanager
def translated(language: str) -> Iterator[None]:
    """The app's texts in ``language`` meanwhile, English again after."""
    app = QApplication.instance()
    i18n.install_translator(app, language)
    try:
        yield
    finally:
        i18n.install_translator(app, "en")
