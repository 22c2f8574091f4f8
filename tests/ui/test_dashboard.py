"""The Results page's dashboard over a real workspace: filters, interval, PNG, big screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton

from storage import responses
from storage.dashboard import Filters
from storage.database import writing
from tests.conftest import make_survey
from tests.ui.closing import assert_closed_cleanly, held
from tests.ui.showing import shown_results_page, translated
from ui.context import AppContext
from ui.results import big_screen
from ui.results.page import ResultsPage


@pytest.fixture
def page(qtbot, context: AppContext) -> Iterator[ResultsPage]:
    """An NPS survey with 10 answers: link 10, 10, 9, 8, 3; SMS 10, 2, 1, 0, 6."""
    survey = make_survey(context.workspace, "nps")
    db = context.workspace.db()
    qid = survey.headline_question.qid
    for score in (10, 10, 9, 8, 3, 10, 2, 1, 0, 6):
        responses.record(db, survey, {qid: score}, language="en")
    db.execute("UPDATE responses SET channel = 'sms' WHERE id > 5")
    window, result = shown_results_page(qtbot, context)
    yield result  # (the window lives as long as this frame)
    window.close()


def test_interval_and_small_sample_warning_show(page: ResultsPage):
    # 4 promoters, 1 passive, 5 detractors of 10: NPS −10. Rocks' adjusted Wald:
    # n' = 13, p' = 4.75/13, d' = 5.75/13, NPS' = −0.0769; Var = (0.8077 − 0.0059)/13
    # = 0.06168; ±1.96 × 0.24835 = ±0.48677 → −56.4 to +41.0.
    assert page.summary.score_label.text() == "-10"
    text = page.extra.interval_label.text()
    assert text == "95% confidence interval: -56 to +41 (answers: 10)"
    assert page.extra.warning_label.isVisible()
    assert "Fewer than 30 answers" in page.extra.warning_label.text()


def test_filters_change_the_numbers(qtbot, page: ResultsPage):
    bar = page.filters_bar
    bar.channel.setCurrentIndex(bar.channel.findData("sms"))
    # SMS: 10 | 2, 1, 0, 6 → 1 promoter, 4 detractors of 5: NPS −60.
    qtbot.waitUntil(lambda: page.summary.score_label.text() == "-60")
    assert page.summary.count_label.text() == "5"
    qtbot.waitUntil(lambda: not page.busy())  # the breakdown comes after the headline
    data = page.dashboard_data()
    assert data is not None and data.options.filters == Filters(channel="sms")
    assert [g.tally.n for g in data.breakdown] == [5]
    assert page.summary.breakdown_labels["detractors"].text().startswith("80%")
    bar.channel.setCurrentIndex(bar.channel.findData("link"))
    # Link: 10, 10, 9 | 8 | 3 → NPS +40.
    qtbot.waitUntil(lambda: page.summary.score_label.text() == "+40")
    page.apply_filters(Filters())
    qtbot.waitUntil(lambda: page.summary.score_label.text() == "-10")
    assert page.summary.count_label.text() == "10"


def test_all_surveys_of_the_kind_count_together(qtbot, context: AppContext, page: ResultsPage):
    other = make_survey(context.workspace, "nps")
    db = context.workspace.db()
    for score in (10, 10, 10, 10, 10, 10, 10, 10, 10, 10):
        responses.record(db, other, {other.headline_question.qid: score}, language="en")
    csat = make_survey(context.workspace, "csat")  # another kind: never mixed in
    responses.record(db, csat, {csat.headline_question.qid: 1}, language="en")
    page.filters_bar.all_of_kind.setChecked(True)
    # 4 + 10 promoters, 1 passive, 5 detractors of 20: NPS +45.
    qtbot.waitUntil(lambda: page.summary.count_label.text() == "20")
    assert page.summary.score_label.text() == "+45"
    page.filters_bar.all_of_kind.setChecked(False)
    qtbot.waitUntil(lambda: page.summary.count_label.text() == "10")
    assert page.summary.score_label.text() == "-10"


def test_period_compares_with_the_one_before(qtbot, page: ResultsPage):
    page.apply_filters(Filters(), days=30)
    qtbot.waitUntil(lambda: "this period" in page.extra.period_label.text().lower())
    qtbot.waitUntil(lambda: "loading" not in page.extra.period_label.text())
    assert "10 answers" in page.extra.period_label.text()
    assert "0 answers" in page.extra.period_label.text()


def test_breakdown_by_and_trend(qtbot, page: ResultsPage):
    data = page.dashboard_data()
    assert {g.key: g.tally.n for g in data.breakdown} == {"sms": 5, "link": 5}
    assert sum(g.tally.n for g in page.trend.groups) == 10
    page.unit_combo.setCurrentIndex(page.unit_combo.findData("week"))
    qtbot.waitUntil(lambda: page.dashboard_data().options.unit == "week")
    assert sum(g.tally.n for g in page.dashboard_data().trend) == 10


def test_a_chart_saves_a_png(page: ResultsPage, tmp_path: Path):
    for i, chart in enumerate((page.trend, page.breakdown)):
        path = tmp_path / f"chart{i}.png"
        assert chart.save_png(str(path))
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 100


# The offscreen platform cannot size a full-screen window and says so.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_big_screen_opens_and_closes_with_escape(qtbot, page: ResultsPage):
    page.big_button.click()
    screen = page.big_screen
    assert screen is not None and screen.isVisible()
    qtbot.waitUntil(lambda: screen.score_label.text() == "-10")
    assert "10" in screen.count_label.text()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.big_screen is None)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("leave", ["escape", "window-x", "button"])
def test_big_screen_closed_while_loading_opens_again(
    qtbot, page: ResultsPage, context, monkeypatch, unexpected_errors, leave
):
    with monkeypatch.context() as patch:
        gate = held(patch, big_screen, "load")
        page.big_button.click()
        screen = page.big_screen
        qtbot.waitUntil(gate.reached.is_set)
        if leave == "escape":
            qtbot.keyClick(screen, Qt.Key.Key_Escape)
        elif leave == "window-x":
            screen.close()
        else:
            screen.findChild(QPushButton).click()  # Leave big screen (Esc)
        qtbot.waitUntil(lambda: page.big_screen is None)
        gate.set()
        qtbot.waitUntil(lambda: context.worker.pending == 0)
    assert_closed_cleanly(qtbot, screen, unexpected_errors)
    page.big_button.click()
    again = page.big_screen
    qtbot.waitUntil(lambda: again.score_label.text() == "-10")
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert_closed_cleanly(qtbot, again, unexpected_errors)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "95% confidence interval: +87 to +100 (answers: 50)"),
        ("ja", "95% 信頼区間：+87 〜 +100（回答数 50）"),
    ],
)
def test_all_promoters_show_an_interval_that_reaches_below_100(
    qtbot, context: AppContext, language, expected
):
    """50 promoters: +100, and the interval says how far below it the truth may be
    (the plain Wald interval said "+100 to +100 (±0.0)")."""
    survey = make_survey(context.workspace, "nps")
    db = context.workspace.db()
    for _ in range(50):
        responses.record(db, survey, {survey.headline_question.qid: 10}, language="en")
    with translated(language):
        window, page = shown_results_page(qtbot, context, survey.id)
        assert page.summary.score_label.text() == "+100"
        assert page.extra.interval_label.text() == expected
        window.grab().save(f"/tmp/koe-interval-{language}.png")


def deliveries(db, survey_id: int, channel: str, outbox_statuses: list[str]) -> None:
    """Invitations by ``channel`` that left the outbox with these statuses, unopened."""
    now = "2026-11-20T00:00:00+00:00"
    with writing(db):
        db.execute(
            "INSERT OR IGNORE INTO contacts (id, name, attributes, created_at, updated_at)"
            " VALUES (1, '', '{}', ?, ?)",
            [now, now],
        )
        for status in outbox_statuses:
            cursor = db.execute(
                "INSERT INTO deliveries (survey_id, contact_id, channel, token, status,"
                " created_at) VALUES (?, 1, ?, lower(hex(randomblob(8))), 'sent', ?)",
                [survey_id, channel, now],
            )
            db.execute(
                "INSERT INTO outbox (delivery_id, purpose, channel, recipient, body, status,"
                " created_at, updated_at) VALUES (?, 'invitation', ?, 'x', 'b', ?, ?, ?)",
                [cursor.lastrowid, channel, status, now, now],
            )


def test_the_email_funnel_says_delivery_is_not_reported(qtbot, context: AppContext):
    survey = make_survey(context.workspace, "nps")
    db = context.workspace.db()
    responses.record(db, survey, {survey.headline_question.qid: 9}, language="en")
    deliveries(db, survey.id, "email", ["sent"] * 4)
    deliveries(db, survey.id, "sms", ["delivered", "delivered", "sent"])
    _window, page = shown_results_page(qtbot, context, survey.id)
    funnel = page.funnel
    assert funnel.isVisible()
    rows = {r.channel: r for r in funnel.rows}
    assert (rows["email"].sent, rows["email"].delivered) == (4, None)  # not "Delivered 0"
    assert (rows["sms"].sent, rows["sms"].delivered) == (3, 2)  # Twilio's statuses
    note = "Email: delivery is not reported (a mail server cannot confirm it)"
    assert funnel.note == note and note in funnel.chart().title()
    funnel.grab().save("/tmp/koe-funnel.png")
    # SMS alone: every number is reported, no note.
    with writing(db):
        db.execute("DELETE FROM outbox WHERE channel = 'email'")
    page.refresh()
    qtbot.waitUntil(lambda: [r.channel for r in funnel.rows] == ["sms"])
    assert funnel.note == "" and funnel.chart().title() == "Response rate by channel"
