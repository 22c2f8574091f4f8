"""The Results page: a survey's dashboard (dashboard_charts, score_summary…), filtered, live.

The headline score with its count, 95% interval and small-sample warning,
the promoter/passive/detractor bar, the distribution, the trend, a breakdown
"by" a chosen key, this period against the last and the response-rate
funnel; every number follows the filter bar. The dashboard's queries run on
the worker, one job per part (``PartQueries``), each part shown as soon as its
own query is done and covered until then; other choices supersede the queries
of the old ones, so a million responses never freeze the window nor show a
number of choices no longer made.

It follows new answers by itself: the app's ``responses_changed`` signal (the
embedded server) refreshes the shown survey at once, and a light poll catches
answers written by another process (``serve`` on the same workspace, a sync):
every few seconds it stats the database files and, when they changed, asks
the worker for the newest response id. The Responses tab (ui/results/) lists
the responses themselves under the same filters.

Over 400 lines because the survey chosen, the filters, the queries in flight and the
live follow-up of new answers are one state; the dashboard's widgets
(``ui.results.dashboard_parts``), the filters bar, the tabs and the big screen have
modules of their own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from storage import dashboard, responses
from storage import surveys as survey_store
from storage.analytics import SurveyResults
from storage.dashboard import Filters
from storage.database import change_stamp
from storage.response_table import ResponseRow
from storage.settings import Settings
from storage.surveys import SurveyNotFound, SurveySummary
from surveys.model import SurveyStatus
from surveys.times import zone_named
from ui.common.empty_state import EmptyState
from ui.common.notice_bar import NoticeBar
from ui.common.page_jobs import CoalescedQuery, guarded
from ui.common.part_queries import Part, PartQueries, Round
from ui.common.problem_words import error_text
from ui.common.survey_labels import archived_name, kind_name, status_name, ui_language
from ui.context import AppContext
from ui.results import prompts as results_prompts
from ui.results.big_screen import BigScreen
from ui.results.dashboard_parts import DashboardParts
from ui.results.data import DashboardData, HeadlinePart, Options, PartJobs
from ui.results.filters_bar import FiltersBar
from ui.results.responses_view import ResponsesView
from ui.results.tabs import results_tabs

POLL_INTERVAL_MS = 5000


class ResultsPage(QWidget):
    """Shows one survey's results and keeps them current.

    Signals:
        navigate_requested(str): the user asked for another page ("surveys").
        comment_requested(int, int): show this survey's comment (answer id) on Comments.
    """

    navigate_requested = Signal(str)
    comment_requested = Signal(int, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._rows: list[SurveySummary] = []
        self._survey_id: int | None = None
        self._wanted_id: int | None = None
        self._latest_id: int | None = None
        self._stamp: tuple[int, ...] = ()
        self._results: SurveyResults | None = None
        self._data: DashboardData | None = None
        self._shown: Options | None = None  # the choices whose numbers are on screen
        self.big_screen: BigScreen | None = None

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

        self.big_button = QPushButton(self.tr("Big screen"))
        self.big_button.setToolTip(self.tr("A full-screen live dashboard for the office screen"))
        self.big_button.clicked.connect(self.open_big_screen)
        selector.addWidget(self.big_button)
        self.filters_bar = FiltersBar()
        self.filters_bar.changed.connect(self._on_filters)

        self.notice = NoticeBar()
        self.dashboard = DashboardParts(lambda: self._parts.request())
        # The dashboard's widgets, by name (tests look at them).
        self.summary, self.extra = self.dashboard.summary, self.dashboard.extra
        self.chart, self.trend = self.dashboard.chart, self.dashboard.trend
        self.breakdown, self.funnel = self.dashboard.breakdown, self.dashboard.funnel
        self.unit_combo = self.dashboard.unit_combo

        self.responses = ResponsesView(
            context.worker, zone_named(context.settings.time_zone), language=ui_language(context)
        )
        self.responses.comment_requested.connect(self._open_comment)
        self.responses.delete_requested.connect(self.delete_response)
        self.responses.clear_filters_requested.connect(lambda: self.apply_filters(Filters()))
        self.results_view, self.dashboard_view = results_tabs(
            self.dashboard.widgets(), self.responses
        )

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
        for view in (self._loading_view, self.results_view, self.no_answers, self.no_surveys):
            self.stack.addWidget(view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.selector)
        layout.addWidget(self.filters_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)

        worker = context.worker
        self._list_query = CoalescedQuery(
            self, worker, lambda: survey_store.list_all, self._on_surveys, self._on_failed
        )
        # The dashboard's parts, each shown as its query finishes; other choices
        # supersede a round, new answers run one more behind it.
        self._parts = PartQueries(
            self, worker, self._make_round, self._on_results_failed, self._on_round_over
        )
        self._choices_query = CoalescedQuery(
            self, worker, self._choices_job, self._on_choices, lambda _e: None
        )
        self._poll_query = CoalescedQuery(
            self, worker, lambda: responses.latest_id, self._on_latest_id, lambda _e: None
        )
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self._poll)

        # Methods of the page, not lambdas: Qt disconnects them when the page goes (the
        # window builds its pages again in a new language; the context stays).
        context.surveys_changed.connect(self._on_surveys_changed)
        context.settings_changed.connect(self._on_settings_changed)
        context.responses_changed.connect(self._on_responses_changed)
        self._list_query.request()

    def _on_surveys_changed(self) -> None:
        self._list_query.request()

    def _on_settings_changed(self, settings: Settings) -> None:
        self._list_query.request()
        self.responses.set_zone(zone_named(settings.time_zone))

    # Public -------------------------------------------------------------------

    def view_state(self) -> int | None:
        """What a page built again keeps (MainWindow.rebuild_pages): the survey shown."""
        return self._survey_id

    def restore_view(self, survey_id: int | None) -> None:
        if survey_id is not None:
            self.select_survey(survey_id)

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
        self._parts.request()

    def dashboard_data(self) -> DashboardData | None:
        """The whole dashboard last on screen (None before all of its parts came once)."""
        return self._data

    def headline_shown(self) -> bool:
        """Whether the headline on screen is that of the choices made now."""
        return (
            self._survey_id is not None
            and not self.dashboard.loading_of("headline")
            and (self._shown == self.options() or self.stack.currentWidget() is self.no_answers)
        )

    def options(self) -> Options | None:
        if self._survey_id is None:
            return None
        return Options(
            self._survey_id,
            self.filters_bar.filters(),
            self.filters_bar.days(),
            self.dashboard.by(),
            self.dashboard.unit(),
            self.filters_bar.same_kind(),
        )

    def apply_filters(self, filters: Filters, days: int = 0) -> None:
        """Set the filter bar as a user would (for scripts and the benchmark)."""
        bar = self.filters_bar
        for combo, value in (
            (bar.segment, filters.segment_id),
            (bar.channel, filters.channel),
            (bar.campaign, filters.campaign_id),
            (bar.period, days),
        ):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(blocked)
        self._on_filters()

    def busy(self) -> bool:
        return self._parts.running

    def open_big_screen(self) -> None:
        options = self.options()
        if options is None:
            return
        if self.big_screen is not None:
            self.big_screen.close()
        self.big_screen = BigScreen(self.context.worker, options, self.combo.currentText())
        self.big_screen.closed.connect(self._on_big_screen_closed)
        self.big_screen.showFullScreen()

    def delete_response(self, row: ResponseRow) -> None:
        """Delete one response after asking (a customer's request); every count follows."""
        if not results_prompts.confirm_delete_response(self, self.responses.describe(row)):
            return
        response_id = row.response_id

        def done(survey_id: int) -> None:
            self.notice.show_info(
                self.tr("The response was deleted. It no longer counts anywhere.")
            )
            self.responses.reload()
            self.context.responses_changed.emit(survey_id)
            self.context.surveys_changed.emit()

        def failed(error: Exception) -> None:
            self.notice.show_error(
                self.tr("The response could not be deleted: %1").replace("%1", error_text(error))
            )

        self.context.worker.submit(
            lambda db: responses.delete(db, response_id), guarded(self, done), guarded(self, failed)
        )

    def _open_comment(self, survey_id: int, answer_id: int) -> None:
        self.comment_requested.emit(survey_id, answer_id)
        self.navigate_requested.emit("comments")

    def _on_big_screen_closed(self) -> None:
        screen, self.big_screen = self.big_screen, None
        if screen is not None:
            screen.deleteLater()

    def _on_filters(self) -> None:
        self._parts.request()

    # Survey list ----------------------------------------------------------------

    def _on_surveys(self, rows: list[SurveySummary]) -> None:
        # Archived surveys stay out of the choice unless asked for (See results).
        keep = (self._wanted_id, self._survey_id)
        rows = [row for row in rows if not row.archived or row.id in keep]
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
            status = archived_name() if row.archived else status_name(row.status)
            parts = [row.title.get_for(language), kind_name(row.kind), status]
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
        self._data = None
        self._shown = None
        self.stack.setCurrentWidget(self._loading_view)
        self._parts.request()
        self._choices_query.request()

    def _on_failed(self, error: Exception) -> None:
        self.notice.show_error(
            self.tr("Could not read the surveys: %1").replace("%1", error_text(error))
        )

    # Results ------------------------------------------------------------------

    def _make_round(self) -> Round | None:
        options = self.options()
        if options is None:
            return None
        jobs = PartJobs(options)
        parts = [
            Part("headline", jobs.headline, self._on_headline),
            *(
                Part(name, job, lambda value, name=name: self.dashboard.show_part(name, value))
                for name, job in (
                    ("trend", jobs.trend),
                    ("periods", jobs.periods),
                    ("breakdown", jobs.breakdown),
                    ("funnel", jobs.funnel),
                )
            ),
        ]
        if not options.days:
            parts = [part for part in parts if part.name != "periods"]
        if options != self._shown:
            # Other choices: no number of the old ones may stay in sight meanwhile.
            self.dashboard.set_loading(periods=bool(options.days))
        return Round(options, parts)

    def _on_headline(self, head: HeadlinePart) -> None:
        options = self._parts.key
        assert isinstance(options, Options)
        self._shown = options
        self._latest_id = head.latest_id
        self._results = head.results
        if self.notice.kind() != "info":  # a problem is over; what was just done still shows
            self.notice.hide()
        if not head.results.responses:
            self._show_no_answers(head.results.survey.status)
            return
        self.dashboard.fill_by(head.attributes)
        self.dashboard.show_headline(head, options)
        headline = head.headline
        # The table lists the answers the headline counts: its count is reused.
        self.responses.set_options(options, headline.score.count if headline else None)
        self.stack.setCurrentWidget(self.results_view)

    def _on_round_over(self) -> None:
        options = self._parts.key
        assert isinstance(options, Options)
        self._data = self.dashboard.complete(options) or self._data

    # Dashboard ----------------------------------------------------------------

    def _choices_job(self) -> Callable[[Database], tuple[list, list]] | None:
        survey_id = self._survey_id
        if survey_id is None:
            return None
        return lambda db: dashboard.filter_choices(db, survey_id)

    def _on_choices(self, value: tuple[list, list]) -> None:
        self.filters_bar.set_choices(*value)

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
        self.notice.show_error(
            self.tr("Could not read the results: %1").replace("%1", error_text(error))
        )

    def _on_responses_changed(self, survey_id: int) -> None:
        if survey_id == self._survey_id:
            self._parts.request()

    # Polling ------------------------------------------------------------------

    def _poll(self) -> None:
        # Ask the database only when its files changed: most ticks cost one stat
        # and no round trip through the worker.
        stamp = change_stamp(self.context.workspace.db_path)
        if stamp == self._stamp or self._parts.running:
            return  # (while a refresh runs, the stamp is kept to look again next tick)
        self._stamp = stamp
        self._poll_query.request()

    def _on_latest_id(self, latest_id: int) -> None:
        if self._latest_id is not None and latest_id != self._latest_id:
            self._parts.request()
        self._latest_id = latest_id

    def showEvent(self, event: QShowEvent) -> None:
        # Poll only while the page is on screen; catch up at once when it comes back.
        self.poll_timer.start()
        if self._survey_id is not None:
            self._parts.request()
            self._choices_query.request()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.poll_timer.stop()
        super().hideEvent(event)
