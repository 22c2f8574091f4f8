"""The Results page over a real workspace, and the loop: an answer posted over HTTP shows up."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from storage import responses
from storage.workspace import Workspace
from surveys.model import Survey, SurveyStatus
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.web.conftest import answer as answer_through_form
from ui.context import AppContext
from ui.results.distribution_chart import nice_axis
from ui.results.page import ResultsPage
from web.app import create_app
from web.server import EmbeddedServer


@pytest.fixture
def make_page(qtbot, context: AppContext) -> Iterator[Callable[[], ResultsPage]]:
    """Builds the page inside a shown window, as in the app, once its list has loaded."""
    windows: list[QWidget] = []

    def make() -> ResultsPage:
        window = QWidget()
        window.resize(900, 600)
        page = ResultsPage(context, window)
        page.resize(window.size())
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitUntil(lambda: context.worker.pending == 0)
        return page

    yield make


def answer(workspace: Workspace, survey: Survey, *scores: int) -> None:
    qid = survey.headline_question.qid
    for score in scores:
        responses.record(workspace.db(), survey, {qid: score}, language="en")


def bar_values(page: ResultsPage) -> list[list[float]]:
    return [[bar_set.at(i) for i in range(bar_set.count())] for bar_set in page.chart.bar_sets()]


def test_no_surveys(qtbot, make_page):
    page = make_page()
    assert page.stack.currentWidget() is page.no_surveys
    assert "Surveys page" in page.no_surveys.text.text()
    assert not page.combo.isVisible()


def test_a_survey_without_answers(qtbot, context: AppContext, make_page):
    draft = make_survey(context.workspace, "csat", status=SurveyStatus.DRAFT)
    survey = make_survey(context.workspace, "nps")
    page = make_page()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.no_answers)
    assert page.no_answers.title.text() == "No answers yet — share its link or QR code"
    page.select_survey(draft.id)
    qtbot.waitUntil(lambda: page.no_answers.title.text() == "No answers yet")
    assert "draft" in page.no_answers.text.text()
    assert page.survey_id() == draft.id != survey.id


def test_headline_nps_count_breakdown_and_chart(qtbot, context: AppContext, make_page):
    survey = make_survey(context.workspace, "nps")
    # 3 promoters, 1 passive, 1 detractor: 60% − 20% = +40.
    answer(context.workspace, survey, 10, 9, 9, 7, 3)
    page = make_page()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.results_view)
    summary = page.summary
    assert summary.score_label.text() == "+40"
    assert summary.score_name_label.text() == "NPS"
    assert summary.count_label.text() == "5"
    assert summary.breakdown_labels["promoters"].text() == "60%  (3)"
    assert summary.breakdown_labels["passives"].text() == "20%  (1)"
    assert summary.breakdown_labels["detractors"].text() == "20%  (1)"
    # Every point of 0–10 has a bar; each category is its own (coloured) set.
    assert page.chart.axis_x.categories() == [str(point) for point in range(11)]
    detractors, passives, promoters = bar_values(page)
    assert detractors == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert passives == [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]
    assert promoters == [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1]
    assert [s.label() for s in page.chart.bar_sets()] == [
        "Detractors (0–6)",
        "Passives (7–8)",
        "Promoters (9–10)",
    ]
    assert len({s.color().name() for s in page.chart.bar_sets()}) == 3


def test_csat_and_ces_headlines(qtbot, context: AppContext, make_page):
    csat = make_survey(context.workspace, "csat")
    ces = make_survey(context.workspace, "ces")
    answer(context.workspace, csat, 5, 4, 4, 2)  # 3 of 4 satisfied
    answer(context.workspace, ces, 7, 5, 4, 5, 5)  # mean 26 / 5
    page = make_page()
    page.select_survey(csat.id)
    qtbot.waitUntil(lambda: page.summary.score_label.text() == "75%")
    assert page.summary.score_name_label.text() == "CSAT (% satisfied)"
    assert not page.summary.breakdown.isVisible()
    assert "3 of 4" in page.summary.detail_label.text()
    page.select_survey(ces.id)
    qtbot.waitUntil(lambda: page.summary.score_label.text() == "5.2")
    assert page.summary.score_name_label.text() == "CES (mean effort, 1–7)"
    assert page.chart.axis_x.categories() == [str(point) for point in range(1, 8)]
    assert page.combo.currentData() == ces.id


def test_select_survey_before_the_list_has_loaded(qtbot, context: AppContext, make_page):
    first = make_survey(context.workspace, "nps")
    make_survey(context.workspace, "csat")
    page = make_page()
    later = make_survey(context.workspace, "ces", status=SurveyStatus.DRAFT)
    page.select_survey(later.id)  # not in the combo yet: the page asks for the list again
    qtbot.waitUntil(lambda: page.survey_id() == later.id)
    page.select_survey(first.id)
    qtbot.waitUntil(lambda: page.combo.currentData() == first.id)


def test_refreshes_coalesce(qtbot, context: AppContext, make_page):
    survey = make_survey(context.workspace, "nps")
    page = make_page()
    qtbot.waitUntil(lambda: page.results() is not None)
    submitted: list[object] = []
    original = context.worker.submit

    def counting_submit(job, done=None, failed=None):
        submitted.append(job)
        original(job, done, failed)

    context.worker.submit = counting_submit  # type: ignore[method-assign]
    answer(context.workspace, survey, 9)
    for _ in range(20):
        context.responses_changed.emit(survey.id)
    qtbot.waitUntil(lambda: page.summary.count_label.text() == "1")
    qtbot.waitUntil(lambda: context.worker.pending == 0)
    # One round of the dashboard's parts (headline, trend, breakdown, funnel: a job
    # each) ran at once and at most one more was queued behind it.
    parts = 4
    assert parts <= len(submitted) <= 2 * parts


def test_poll_catches_answers_from_another_process(qtbot, context: AppContext, make_page):
    survey = make_survey(context.workspace, "csat")
    answer(context.workspace, survey, 5)
    page = make_page()
    qtbot.waitUntil(lambda: page.summary.count_label.text() == "1")
    page.poll_timer.setInterval(50)
    # Stored without any signal, as `serve` on the same workspace would.
    answer(context.workspace, survey, 1)
    qtbot.waitUntil(lambda: page.summary.count_label.text() == "2", timeout=3000)
    assert page.summary.score_label.text() == "50%"


def test_poll_stays_quiet_while_nothing_is_written(qtbot, context: AppContext, make_page):
    survey = make_survey(context.workspace, "nps")
    answer(context.workspace, survey, 8)
    page = make_page()
    qtbot.waitUntil(lambda: page.summary.count_label.text() == "1")
    page.poll_timer.setInterval(20)
    qtbot.wait(100)  # the first tick has no stamp to compare with, and asks once
    qtbot.waitUntil(lambda: context.worker.pending == 0)
    submitted: list[object] = []
    original = context.worker.submit

    def counting_submit(job, done=None, failed=None):
        submitted.append(job)
        original(job, done, failed)

    context.worker.submit = counting_submit  # type: ignore[method-assign]
    qtbot.wait(200)
    assert submitted == []


def test_nice_count_axis():
    assert nice_axis(0) == (1, 2)
    assert nice_axis(3) == (3, 4)
    assert nice_axis(7) == (8, 5)
    assert nice_axis(48) == (50, 6)


class _ResponseBridge(QObject):
    """Carries the web server thread's callback to the GUI thread as a queued signal."""

    stored = Signal(int)


def test_an_answer_posted_over_http_updates_the_page(
    qtbot, context: AppContext, make_page, nps_survey: Survey
):
    bridge = _ResponseBridge()
    bridge.stored.connect(context.responses_changed)
    answer(context.workspace, nps_survey, 9, 0)  # +0 with two answers
    server = EmbeddedServer(
        create_app(context.workspace, on_response=bridge.stored.emit), "127.0.0.1", free_port()
    )
    server.start()
    try:
        page = make_page()
        page.select_survey(nps_survey.id)
        qtbot.waitUntil(lambda: page.summary.count_label.text() == "2")
        assert page.summary.score_label.text() == "+0"
        page.poll_timer.stop()  # the signal alone must bring the answer in

        with httpx.Client(base_url=server.url, follow_redirects=True) as browser:
            reply = answer_through_form(browser, f"/s/{nps_survey.slug}", {"nps": "10"})
        assert reply.status_code == 200, reply.text  # the thank-you page

        qtbot.waitUntil(lambda: page.summary.count_label.text() == "3")
        assert page.summary.score_label.text() == "+33"
        assert bar_values(page)[2][10] == 1
    finally:
        server.stop()
