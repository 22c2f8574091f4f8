"""The Results page shows each part of its dashboard as its own query finishes, and a
filter changed meanwhile supersedes the old filter's queries: none of their numbers show."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from storage import dashboard, responses
from storage.cancelling import Cancelled, cancellable
from tests.conftest import make_survey
from ui.context import AppContext
from ui.results.page import ResultsPage

ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)"
    " SELECT count(*) FROM n"
)


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds back a query on the worker until set (set at the end whatever happens,
    or the worker would never stop)."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def survey(context: AppContext):
    """An NPS survey with 10 answers: link 10, 10, 9, 8, 3; SMS 10, 2, 1, 0, 6 (NPS −10;
    SMS alone −60, link alone +40)."""
    survey = make_survey(context.workspace, "nps")
    db = context.workspace.db()
    for score in (10, 10, 9, 8, 3, 10, 2, 1, 0, 6):
        responses.record(db, survey, {survey.headline_question.qid: score}, language="en")
    db.execute("UPDATE responses SET channel = 'sms' WHERE id > 5")
    return survey


@pytest.fixture
def make_page(qtbot, context: AppContext) -> Iterator[Callable[[int], ResultsPage]]:
    windows: list[QWidget] = []

    def make(survey_id: int) -> ResultsPage:
        window = QWidget()
        window.resize(1000, 800)
        page = ResultsPage(context, window)
        page.resize(window.size())
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        page.select_survey(survey_id)
        return page

    yield make


def held_back(
    monkeypatch, name: str, gate: threading.Event, when: Callable[..., bool] = lambda *a: True
) -> list[tuple]:
    """``storage.dashboard.<name>`` waits for ``gate`` when ``when(*its arguments)``;
    returns the list of the arguments of each call."""
    original = getattr(dashboard, name)
    calls: list[tuple] = []

    def slow(*args, **kwargs):
        calls.append(args)
        if when(*args):
            gate.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(dashboard, name, slow)
    return calls


def test_the_headline_shows_before_a_slow_breakdown_is_done(
    qtbot, monkeypatch, context, survey, gate, make_page
):
    held_back(monkeypatch, "breakdown", gate)
    page = make_page(survey.id)
    # The headline and the trend are on screen while the breakdown's query still runs.
    qtbot.waitUntil(lambda: page.summary.score_label.text() == "-10")
    qtbot.waitUntil(lambda: bool(page.trend.groups) and not page.dashboard.loading_of("trend"))
    assert page.summary.count_label.text() == "10"
    assert "95% confidence interval" in page.extra.interval_label.text()
    assert page.dashboard.loading_of("breakdown") and page.dashboard.loading_of("funnel")
    assert page.busy() and page.dashboard_data() is None
    gate.set()
    qtbot.waitUntil(lambda: not page.busy())
    assert not page.dashboard.loading_of("breakdown") and not page.dashboard.loading_of("funnel")
    assert {g.key: g.tally.n for g in page.dashboard_data().breakdown} == {"sms": 5, "link": 5}


def test_a_superseded_filter_never_shows_its_numbers(
    qtbot, monkeypatch, context, survey, gate, make_page
):
    page = make_page(survey.id)
    qtbot.waitUntil(lambda: page.dashboard_data() is not None and not page.busy())
    sms = lambda _db, _sc, filters=None, *rest: filters is not None and filters.channel == "sms"  # noqa: E731
    held_back(monkeypatch, "headline", gate, sms)
    trends = held_back(monkeypatch, "trend", threading.Event(), lambda *a: False)
    shown: list[str] = []
    set_text = page.summary.score_label.setText
    page.summary.score_label.setText = lambda text: (shown.append(text), set_text(text))[1]
    bar = page.filters_bar
    bar.channel.setCurrentIndex(bar.channel.findData("sms"))  # its headline is held back
    # The old numbers are covered at once: they are not those of SMS.
    assert page.dashboard.loading_of("headline") and not page.headline_shown()
    bar.channel.setCurrentIndex(bar.channel.findData("link"))  # the user changes their mind
    gate.set()  # the SMS headline comes back now, too late
    qtbot.waitUntil(lambda: page.summary.score_label.text() == "+40")
    qtbot.waitUntil(lambda: not page.busy() and context.worker.pending == 0)
    assert "-60" not in shown
    assert page.summary.score_label.text() == "+40" and page.summary.count_label.text() == "5"
    # The SMS round's other parts were dropped before they ran.
    assert all(filters.channel != "sms" for _db, _sc, filters, *_ in trends)
    assert {g.key for g in page.dashboard_data().breakdown} == {"link"}


def test_the_window_keeps_ticking_while_a_long_query_runs(
    qtbot, monkeypatch, context, survey, make_page
):
    ticks = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    original = dashboard.breakdown

    def long_breakdown(db, *args, **kwargs):
        # Endless SQL on the worker, stopped once the GUI's timer ticked 40 times: with
        # the GUI thread stuck behind the worker, the timer would never get there.
        try:
            with cancellable(db, lambda: len(ticks) >= 40):
                db.execute(ENDLESS).fetchall()
        except Cancelled:
            pass
        return original(db, *args, **kwargs)

    monkeypatch.setattr(dashboard, "breakdown", long_breakdown)
    timer.start()
    page = make_page(survey.id)
    qtbot.waitUntil(lambda: page.dashboard_data() is not None, timeout=20_000)
    timer.stop()
    assert len(ticks) >= 40


def test_a_worker_running_python_hands_the_gil_to_the_gui_thread_soon(context):
    # Python's default 5 ms would be waited at each entry of the GUI thread into
    # Python (every painted cell of a model written in Python) while the worker
    # turns rows into objects: the window would stall for hundreds of ms.
    assert sys.getswitchinterval() <= 0.001
