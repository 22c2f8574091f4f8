"""The Results page: a survey's headline score, response count and score distribution.

It follows new answers by itself: the app's ``responses_changed`` signal (the
embedded server) refreshes the shown survey at once, and a light poll catches
answers written by another process (``serve`` on the same workspace, a sync):
every few seconds it stats the database files and, when they changed, asks
the worker for the newest response id.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from storage import analytics, responses
from storage import surveys as survey_store
from storage.analytics import SurveyResults
from storage.database import change_stamp
from storage.surveys import SurveyNotFound, SurveySummary
from surveys.model import SurveyStatus
from ui.charts.distribution_chart import DistributionChart
from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.notice_bar import NoticeBar
from ui.page_jobs import CoalescedQuery
from ui.pages.score_summary import ScoreSummary
from ui.survey_labels import kind_name, status_name, ui_language

POLL_INTERVAL_MS = 5000


class ResultsPage(QWidget):
    """Shows one survey's results and keeps them current.

    Signals:
        navigate_requested(str): the user asked for another page ("surveys").
    """

    navigate_requested = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._rows: list[SurveySummary] = []
        self._survey_id: int | None = None
        self._wanted_id: int | None = None
        self._latest_id: int | None = None
        self._stamp: tuple[int, ...] = ()
        self._results: SurveyResults | None = None

        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.currentIndexChanged.connect(self._on_combo)
        survey_label = QLabel(self.tr("Survey:"))
        survey_label.setBuddy(self.combo)
        self.selector = QWidget()
        selector = QHBoxLayout(self.selector)
        selector.setContentsMargins(0, 0, 0, 0)
        selector.addWidget(survey_label)
        selector.addWidget(self.combo, 1)

        self.notice = NoticeBar()
        self.summary = ScoreSummary()
        self.chart = DistributionChart()
        results_view = QWidget()
        results_layout = QVBoxLayout(results_view)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.summary)
        results_layout.addWidget(self.chart, 1)

        self.no_surveys = EmptyState("chart-column", self.tr("Go to Surveys"), "arrow-right")
        self.no_surveys.set_text(
            self.tr("No surveys yet"),
            self.tr("Create a survey on the Surveys page; its results appear here."),
        )
        assert self.no_surveys.button is not None
        self.no_surveys.button.clicked.connect(lambda: self.navigate_requested.emit("surveys"))
        self.no_answers = EmptyState("inbox")
        self.stack = QStackedWidget()
        self._loading_view = QWidget()
        for view in (self._loading_view, results_view, self.no_answers, self.no_surveys):
            self.stack.addWidget(view)
        self.results_view = results_view

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.selector)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)

        worker = context.worker
        self._list_query = CoalescedQuery(
            self, worker, lambda: survey_store.list_all, self._on_surveys, self._on_failed
        )
        self._results_query = CoalescedQuery(
            self, worker, self._results_job, self._on_results, self._on_results_failed
        )
        self._poll_query = CoalescedQuery(
            self, worker, lambda: responses.latest_id, self._on_latest_id, lambda _e: None
        )
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self._poll)

        context.surveys_changed.connect(self._list_query.request)
        context.settings_changed.connect(lambda _s: self._list_query.request())
        context.responses_changed.connect(self._on_responses_changed)
        self._list_query.request()

    # Public -------------------------------------------------------------------

    def select_survey(self, survey_id: int) -> None:
        """Show the results of ``survey_id`` (once the survey list knows it)."""
        self._wanted_id = survey_id
        index = self.combo.findData(survey_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            # A survey made a moment ago: the list is about to learn of it.
            self._list_query.request()

    def survey_id(self) -> int | None:
        return self._survey_id

    def results(self) -> SurveyResults | None:
        """The results on screen (None before the first query returns)."""
        return self._results

    def refresh(self) -> None:
        self._results_query.request()

    # Survey list ----------------------------------------------------------------

    def _on_surveys(self, rows: list[SurveySummary]) -> None:
        self._rows = rows
        language = ui_language(self.context)
        ids = [row.id for row in rows]
        chosen = next(
            (i for i in (self._wanted_id, self._survey_id) if i is not None and i in ids),
            ids[0] if ids else None,
        )
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        for row in rows:
            parts = [row.title.get_for(language), kind_name(row.kind), status_name(row.status)]
            label = " · ".join(parts)
            self.combo.addItem(label, row.id)
        self.combo.setCurrentIndex(ids.index(chosen) if chosen is not None else -1)
        self.combo.blockSignals(blocked)
        # With nothing to choose from, the selector would only be an empty box.
        self.selector.setVisible(bool(rows))
        if chosen == self._wanted_id:
            self._wanted_id = None
        if not rows:
            self._survey_id = None
            self._results = None
            self.stack.setCurrentWidget(self.no_surveys)
            return
        if chosen != self._survey_id or self._results is None:
            self._show_survey(chosen)

    def _on_combo(self, index: int) -> None:
        survey_id = self.combo.itemData(index)
        self._wanted_id = None
        if survey_id is not None and survey_id != self._survey_id:
            self._show_survey(survey_id)

    def _show_survey(self, survey_id: int | None) -> None:
        self._survey_id = survey_id
        self._results = None
        self.stack.setCurrentWidget(self._loading_view)
        self._results_query.request()

    def _on_failed(self, error: Exception) -> None:
        self.notice.show_error(self.tr("Could not read the surveys: %1").replace("%1", str(error)))

    # Results ------------------------------------------------------------------

    def _results_job(self) -> Callable[[Database], tuple[SurveyResults, int]] | None:
        survey_id = self._survey_id
        if survey_id is None:
            return None

        def job(db: Database) -> tuple[SurveyResults, int]:
            # The newest id read with the results, so the poll compares like with like.
            return analytics.results(db, survey_id), responses.latest_id(db)

        return job

    def _on_results(self, value: tuple[SurveyResults, int]) -> None:
        results, latest_id = value
        self._latest_id = latest_id
        if results.survey.id != self._survey_id:
            return  # another survey was chosen meanwhile; its query is queued
        self._results = results
        self.notice.hide()
        if not results.responses:
            self._show_no_answers(results.survey.status)
            return
        self.summary.show_results(results)
        question = results.survey.headline_question
        self.chart.setVisible(question is not None)
        if question is not None:
            self.chart.set_distribution(question.type, results.distribution)
        self.stack.setCurrentWidget(self.results_view)

    def _show_no_answers(self, status: SurveyStatus) -> None:
        if status is SurveyStatus.DRAFT:
            # A draft's link does not work yet: sharing it would only disappoint.
            title = self.tr("No answers yet")
            text = self.tr("It is still a draft: open it on the Surveys page, then share it.")
        else:
            title = self.tr("No answers yet — share its link or QR code")
            text = self.tr("New answers appear here as soon as they arrive.")
        self.no_answers.set_text(title, text)
        self.stack.setCurrentWidget(self.no_answers)

    def _on_results_failed(self, error: Exception) -> None:
        if isinstance(error, SurveyNotFound):
            self._list_query.request()  # it went away: pick another
            return
        self.notice.show_error(self.tr("Could not read the results: %1").replace("%1", str(error)))

    def _on_responses_changed(self, survey_id: int) -> None:
        if survey_id == self._survey_id:
            self._results_query.request()

    # Polling ------------------------------------------------------------------

    def _poll(self) -> None:
        # Ask the database only when its files changed: most ticks cost one stat
        # and no round trip through the worker.
        stamp = change_stamp(self.context.workspace.db_path)
        if stamp == self._stamp or self._results_query.running:
            return  # (while a refresh runs, the stamp is kept to look again next tick)
        self._stamp = stamp
        self._poll_query.request()

    def _on_latest_id(self, latest_id: int) -> None:
        if self._latest_id is not None and latest_id != self._latest_id:
            self._results_query.request()
        self._latest_id = latest_id

    def showEvent(self, event: QShowEvent) -> None:
        # Poll only while the page is on screen; catch up at once when it comes back.
        self.poll_timer.start()
        if self._survey_id is not None:
            self._results_query.request()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.poll_timer.stop()
        super().hideEvent(event)
