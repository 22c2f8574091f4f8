"""The Results page's Responses tab: rows, filters, lazy pages, comments shown literally."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from sqlite_utils import Database

from storage import responses
from storage import surveys as survey_store
from storage.dashboard import Filters
from storage.response_table import ResponseQuery
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey
from tests.ui.showing import open_responses, shown_results_page
from ui.common.paged_table_model import PAGE_SIZE
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.results import response_table_model as columns
from ui.results.page import ResultsPage
from ui.results.response_table_model import ResponseTableModel

COUNT = 450  # three pages: 200 + 200 + 50
START = datetime(2026, 9, 1, tzinfo=UTC)


def fill(db: Database, survey: Survey, count: int = COUNT) -> None:
    """``count`` answers, every third by SMS, the newest with an HTML-looking comment."""
    ids = survey_store.question_ids(db, survey.id or 0)
    score_q, text_q = ids[survey.questions[0].qid], ids[survey.questions[1].qid]
    with db.atomic():
        for rid in range(1, count + 1):
            at = (START + timedelta(hours=rid)).isoformat()  # one an hour, in id order
            db.execute(
                "INSERT INTO responses (id, survey_id, channel, language, created_at,"
                " completed_at, updated_at) VALUES (?, ?, ?, 'en', ?, ?, ?)",
                [rid, survey.id, "sms" if rid % 3 == 0 else "link", at, at, at],
            )
            db.execute(
                "INSERT INTO answers (response_id, question_id, value_num) VALUES (?, ?, ?)",
                [rid, score_q, rid % 11],
            )
        db.execute(
            "INSERT INTO answers (response_id, question_id, value_text) VALUES (?, ?, ?)",
            [count, text_q, "<b>x</b> & more\nsecond line"],
        )


@pytest.fixture
def survey(workspace: Workspace) -> Survey:
    survey = make_survey(workspace, "nps")
    fill(workspace.db(), survey)
    return survey


@pytest.fixture
def responses_page(qtbot, context: AppContext, survey: Survey) -> Iterator[ResultsPage]:
    """The Results page in a shown window, on the survey, with the Responses tab open."""
    window, page = shown_results_page(qtbot, context, survey.id or 0, size=(1000, 640))
    open_responses(qtbot, page)
    yield page  # (the window lives as long as the test)
    window.close()


def shown(page: ResultsPage, row: int, column: int) -> str:
    model = page.responses.model
    return str(model.data(model.index(row, column)))


def wait_for_count(qtbot, page: ResultsPage, digits: str) -> None:
    qtbot.waitUntil(
        lambda: (
            page.responses.count.text().startswith(digits)
            and not page.responses.model.fetching
            and not page.busy()
        )
    )


def test_the_table_lists_the_newest_responses_with_their_count(responses_page) -> None:
    page = responses_page
    model = page.responses.model
    assert page.responses.count.text().startswith(f"{COUNT} ")
    assert page.responses.stack.currentWidget() is page.responses.table
    assert model.rowCount() == PAGE_SIZE  # one page, not all of them
    assert shown(page, 0, columns.COL_SCORE) == f"{COUNT % 11}/10"
    assert shown(page, 0, columns.COL_CHANNEL) == "SMS"
    assert shown(page, 0, columns.COL_STATUS) == "Complete"
    assert shown(page, 1, columns.COL_CHANNEL) == "Link"


def test_a_filter_changes_the_rows_and_the_count(qtbot, responses_page) -> None:
    page = responses_page
    page.apply_filters(Filters(channel="sms"))
    wait_for_count(qtbot, page, f"{COUNT // 3} ")
    model = page.responses.model
    assert {shown(page, row, columns.COL_CHANNEL) for row in range(model.rowCount())} == {"SMS"}
    # The dashboard's headline counts the same responses.
    assert page.dashboard_data().headline.score.count == COUNT // 3


def test_no_match_shows_what_to_do_and_a_way_back(qtbot, responses_page, workspace) -> None:
    page = responses_page
    page.apply_filters(Filters(channel="email"))  # nobody answered by email
    view = page.responses
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.empty and not page.busy())
    assert view.empty.title.text() == "No responses match these filters"
    assert view.empty.button is not None
    view.empty.button.click()
    wait_for_count(qtbot, page, f"{COUNT} ")
    assert view.stack.currentWidget() is view.table
    assert page.filters_bar.filters() == Filters()


def test_scrolling_down_fetches_the_next_pages_until_the_oldest(qtbot, responses_page) -> None:
    page = responses_page
    model, table = page.responses.model, page.responses.table

    def scrolled_to_the_end() -> bool:
        table.scrollToBottom()
        return model.rowCount() == COUNT

    qtbot.waitUntil(scrolled_to_the_end)
    assert model.rowCount() == COUNT
    assert model.row_at(COUNT - 1).response_id == 1  # the oldest, last
    assert len({model.row_at(r).response_id for r in range(COUNT)}) == COUNT  # none twice


def test_a_comment_is_shown_as_typed_never_as_markup(responses_page) -> None:
    page = responses_page
    model = page.responses.table.model()  # what the view paints
    index = model.index(0, columns.COL_COMMENT)
    # One line in the cell (the view elides it), the words exactly as typed.
    assert model.data(index) == "<b>x</b> & more second line"
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    rendered = QTextDocument()
    rendered.setHtml(tooltip)
    assert rendered.toPlainText() == "<b>x</b> & more\nsecond line"
    assert page.responses.table.textElideMode() == Qt.TextElideMode.ElideRight


def test_a_new_answer_appears_on_top(qtbot, responses_page, context, workspace, survey) -> None:
    page = responses_page
    responses.record(workspace.db(), survey, {survey.headline_question.qid: 2}, language="ja")
    context.responses_changed.emit(survey.id)
    wait_for_count(qtbot, page, f"{COUNT + 1} ")
    assert shown(page, 0, columns.COL_SCORE) == "2/10"
    assert shown(page, 0, columns.COL_FOLLOW_UP) == "New"  # a detractor nobody called yet


def test_new_answers_leave_a_reader_further_down_in_place(
    qtbot, responses_page, context, workspace, survey
) -> None:
    view = responses_page.responses
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() > PAGE_SIZE and not view.model.fetching)
    reading = view.model.rowCount()
    assert view.table.verticalScrollBar().value() > 0
    responses.record(workspace.db(), survey, {survey.headline_question.qid: 9}, language="ja")
    context.responses_changed.emit(survey.id)
    qtbot.waitUntil(lambda: view.newer.isVisible() and not responses_page.busy())
    # The count knows; the rows being read stay where they were.
    assert view.count.text().startswith(f"{COUNT + 1} ")
    assert view.model.rowCount() == reading and view.table.verticalScrollBar().value() > 0
    view.newer.click()
    qtbot.waitUntil(lambda: view.model.row_at(0).score == 9 and not view.model.fetching)
    assert view.table.verticalScrollBar().value() == 0 and not view.newer.isVisible()


def test_enter_on_a_comment_asks_for_it_on_the_comments_page(qtbot, responses_page) -> None:
    page = responses_page
    table = page.responses.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(1, 0))  # no comment: nothing to open
    with qtbot.assertNotEmitted(page.comment_requested, wait=50):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    table.setCurrentIndex(table.model().index(0, 0))
    with (
        qtbot.waitSignal(page.comment_requested) as opened,
        qtbot.waitSignal(page.navigate_requested) as navigated,
    ):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    _survey_id, answer_id = opened.args
    assert navigated.args == ["comments"]
    assert answer_id == page.responses.model.row_at(0).comment_answer_id


def test_in_the_window_the_comment_opens_selected(qtbot, window: MainWindow, survey) -> None:
    window.show_results(survey.id or 0)
    results = window.pages["results"]
    qtbot.waitUntil(lambda: results.stack.currentWidget() is results.results_view)
    results.results_view.setCurrentWidget(results.responses)
    qtbot.waitUntil(lambda: results.responses.model.rowCount() > 0)
    table = results.responses.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, columns.COL_COMMENT))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    comments = window.pages["comments"]
    assert window.current_page_key() == "comments"
    qtbot.waitUntil(lambda: comments.table.selectionModel().hasSelection())
    selected = comments.model.comment(comments.table.currentIndex().row())
    assert selected is not None and selected.text.startswith("<b>x</b>")
    assert comments.survey.currentData() == survey.id


def test_the_table_is_reached_with_tab(responses_page) -> None:
    table = responses_page.responses.table
    assert table.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not table.tabKeyNavigation()  # Tab moves on instead of cell to cell


def test_times_read_in_the_workspaces_time_zone(responses_page, context) -> None:
    # The newest answer came at 18:00 UTC: 03:00 the next day in Tokyo (the default zone).
    assert context.settings.time_zone == "Asia/Tokyo"
    assert shown(responses_page, 0, columns.COL_DATE) == "2026-09-20 03:00"
    context.settings_changed.emit(replace(context.settings, time_zone="Europe/London"))
    assert shown(responses_page, 0, columns.COL_DATE) == "2026-09-19 19:00"  # BST, UTC+1


def test_the_model_passes_the_model_tester(qtbot, qtmodeltester, context, survey) -> None:
    model = ResponseTableModel(context.worker)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(ResponseQuery(survey.id or 0))
    assert (model.total, model.rowCount()) == (COUNT, PAGE_SIZE)
    qtmodeltester.check(model)  # it fetches the remaining pages as a view would
    qtbot.waitUntil(lambda: not model.fetching)


def test_painting_the_table_asks_python_nothing(qtbot, responses_page, monkeypatch) -> None:
    # Each cell painted would otherwise ask the Python model for a dozen roles: while
    # the worker runs Python, every one of those calls waits for the GIL.
    model, table = responses_page.responses.model, responses_page.responses.table
    qtbot.waitUntil(lambda: table.model().rowCount() == model.rowCount())
    asked = []
    original = model.data
    monkeypatch.setattr(model, "data", lambda *args: (asked.append(args), original(*args))[1])
    image = table.viewport().grab()
    assert not image.isNull() and model.rowCount() > 10
    assert asked == []
    # What it paints is the rows' own texts, newest first.
    view_model = table.model()
    assert view_model.rowCount() == model.rowCount()
    assert view_model.index(0, columns.COL_DATE).data() == shown(responses_page, 0, 0)
