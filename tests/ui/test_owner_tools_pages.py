"""The owner's everyday tools on the pages: duplicate, archive and delete a draft on Surveys
(and Open refused for a survey without questions), delete one response on Results, and every
detractor, with or without a comment, on Comments."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from channels.links import new_slug
from exports import responses_csv as exports
from storage import analytics, follow_up, responses
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey, SurveyKind, SurveyStatus
from surveys.text import LocalText
from tests.conftest import make_survey
from tests.ui import test_surveys_page
from ui.comments.model import COL_SCORE, COL_TEXT
from ui.main_window import MainWindow
from ui.results import prompts as results_prompts
from ui.surveys import prompts as survey_prompts
from ui.surveys.page import SurveysPage
from ui.surveys.table_model import COL_STATUS, COL_TITLE

OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
make_page = test_surveys_page.make_page  # the Surveys page in a shown window


def choose(qtbot, page: SurveysPage, survey_id: int) -> None:
    """Click the survey's row, as the owner does, and wait for its detail."""
    row = page.model.row_of(survey_id)
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(row, 0)).row())
    settle(qtbot, page, survey_id)


def titles(page: SurveysPage) -> list[str]:
    return [page.model.index(r, COL_TITLE).data() for r in range(page.model.rowCount())]


def settle(qtbot, page: SurveysPage, survey_id: int | None = None) -> None:
    qtbot.waitUntil(
        lambda: (
            page.context.worker.pending == 0
            and (survey_id is None or page.shown_survey_id() == survey_id)
        )
    )


def test_duplicate_makes_a_draft_copy_with_its_own_link(qtbot, workspace: Workspace, make_page):
    original = make_survey(workspace, "nps", languages=("ja", "en"))
    responses.record(workspace.db(), original, {"nps": 9}, language="ja")
    settings_store.save(workspace.db(), language="ja")
    page = make_page()
    page.context.settings = settings_store.load(workspace.db())
    choose(qtbot, page, original.id)

    page.actions_by_name["duplicate_survey"].trigger()
    qtbot.waitUntil(lambda: len(titles(page)) == 2)
    settle(qtbot, page)

    copy_title = original.title["ja"] + "（コピー）"
    assert copy_title in titles(page)
    copied = next(s for s in survey_store.list_all(workspace.db()) if s.id != original.id)
    assert copied.status is SurveyStatus.DRAFT and copied.responses == 0
    assert copied.slug != original.slug
    assert page.selected_survey_id() == copied.id
    assert copy_title in page.notice.text()


@OFFSCREEN_DIALOG
def test_archive_hides_a_survey_with_answers_and_show_archived_brings_it_back(
    qtbot, workspace: Workspace, make_page, monkeypatch
):
    survey = make_survey(workspace, "nps")
    other = make_survey(workspace, "csat")
    responses.record(workspace.db(), survey, {"nps": 3, "reason": "Slow"}, language="en")
    asked: list[tuple[str, int]] = []
    monkeypatch.setattr(
        survey_prompts,
        "confirm_archive",
        lambda _parent, title, count: asked.append((title, count)) or True,
    )
    page = make_page()
    choose(qtbot, page, survey.id)
    assert not page.actions_by_name["delete_survey"].isEnabled()  # it was opened: archive it

    page.actions_by_name["archive_survey"].trigger()
    qtbot.waitUntil(lambda: len(titles(page)) == 1)

    assert asked == [(survey.title["en"], 1)]
    assert titles(page) == [other.title["en"]]
    stored = survey_store.get(workspace.db(), survey.id)
    assert stored.status is SurveyStatus.CLOSED  # the link answers as a closed survey's
    assert analytics.results(workspace.db(), survey.id).responses == 1  # data kept
    assert "Show archived" in page.notice.text()

    page.show_archived.setChecked(True)
    assert len(titles(page)) == 2
    choose(qtbot, page, survey.id)
    row = page.model.row_of(survey.id)
    assert page.model.index(row, COL_STATUS).data() == "Archived"
    assert "archived" in page.detail.link_note.text()
    assert not page.actions_by_name["open_survey"].isEnabled()
    action = page.actions_by_name["archive_survey"]
    assert action.text() == "Unarchive"

    action.trigger()
    qtbot.waitUntil(lambda: not survey_store.list_all(workspace.db())[1].archived)
    page.show_archived.setChecked(False)
    qtbot.waitUntil(lambda: len(titles(page)) == 2)


@OFFSCREEN_DIALOG
def test_a_draft_is_deleted_after_a_confirmation_that_says_it_cannot_be_undone(
    qtbot, workspace: Workspace, make_page
):
    draft = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    page = make_page()
    choose(qtbot, page, draft.id)
    assert not page.actions_by_name["archive_survey"].isEnabled()
    read: list[str] = []

    def answer(button: QMessageBox.StandardButton | None) -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        read.append(f"{box.text()} {box.informativeText()}")
        if button is None:
            destructive = [
                b
                for b in box.buttons()
                if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole
            ]
            destructive[0].click()
        else:
            box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    page.actions_by_name["delete_survey"].trigger()
    assert survey_store.list_all(workspace.db())[0].id == draft.id  # cancelled: kept
    assert "cannot be undone" in read[0] and draft.title["en"] in read[0]

    QTimer.singleShot(0, lambda: answer(None))
    page.actions_by_name["delete_survey"].trigger()
    qtbot.waitUntil(lambda: survey_store.list_all(workspace.db()) == [])
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty_state)


def test_open_refuses_a_survey_without_questions_and_says_why(
    qtbot, workspace: Workspace, make_page
):
    blank = Survey(kind=SurveyKind.CUSTOM, title=LocalText(en="Visit"), questions=[])
    blank.slug = new_slug()
    stored = survey_store.create(workspace.db(), blank)
    page = make_page()
    choose(qtbot, page, stored.id)
    edits: list[int] = []
    page.edit_requested.connect(edits.append)

    assert page.open_selected() is None  # no dialog: nothing to open

    assert page.notice.kind() == "error"
    assert page.notice.text() == "“Visit” has no questions yet: add a question before opening it."
    assert page.notice.fix_button.text() == "Add a question…"
    page.notice.fix_button.click()
    assert edits == [stored.id]
    assert survey_store.get(workspace.db(), stored.id).status is SurveyStatus.DRAFT


# --- Results: delete one response ---------------------------------------------------


def open_responses(qtbot, window: MainWindow, survey_id: int):
    window.show_page("results")
    page = window.pages["results"]
    page.select_survey(survey_id)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.results_view, timeout=5000)
    page.results_view.setCurrentWidget(page.responses)
    qtbot.waitUntil(lambda: page.responses.model.rowCount() > 0 and not page.busy())
    return page


@OFFSCREEN_DIALOG
def test_deleting_one_response_asks_then_it_leaves_every_count(
    qtbot, workspace: Workspace, window: MainWindow, monkeypatch, tmp_path
):
    db = workspace.db()
    survey = make_survey(workspace, "nps")
    responses.record(db, survey, {"nps": 10, "reason": "Great"}, language="en")
    gone = responses.record(db, survey, {"nps": 2, "reason": "Delete me please"}, language="en")
    responses.record(db, survey, {"nps": 8}, language="en")
    page = open_responses(qtbot, window, survey.id)
    view = page.responses
    assert page.results().responses == 3 and view.count.text().startswith("3 response")
    assert page.summary.count_label.text() == "3"
    assert page.summary.breakdown_labels["detractors"].text().endswith("(1)")
    assert not view.delete_button.isEnabled()  # nothing selected yet
    row = next(r for r in range(view.model.rowCount()) if view.model.row_at(r).response_id == gone)
    view.table.selectRow(row)
    assert view.delete_button.isEnabled()

    # The confirmation a person reads; Cancel keeps the response.
    read: list[str] = []

    def cancel() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        read.append(f"{box.text()} {box.informativeText()}")
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, cancel)
    view.delete_button.click()
    assert "Delete this response?" in read[0] and "score 2/10" in read[0]
    assert "“Delete me please”" in read[0]
    assert "disappears from every count" in read[0] and "cannot be undone" in read[0]
    assert responses.count(db, survey.id) == 3

    monkeypatch.setattr(results_prompts, "confirm_delete_response", lambda _p, _d: True)
    view.table.selectRow(row)
    view.delete_button.click()
    qtbot.waitUntil(
        lambda: view.count.text().startswith("2 response") and not page.busy(), timeout=5000
    )

    assert page.results().responses == 2  # the headline: its count and the detractors
    qtbot.waitUntil(lambda: page.summary.count_label.text() == "2")
    assert page.summary.breakdown_labels["detractors"].text().endswith("(0)")
    assert gone not in [view.model.row_at(r).response_id for r in range(view.model.rowCount())]
    assert "no longer counts anywhere" in page.notice.text()
    out = tmp_path / "answers.csv"
    assert exports.export_csv(db, survey, out)[0] == 2
    assert "Delete me please" not in out.read_text(encoding="utf-8")
    comments = window.pages["comments"]
    window.show_page("comments")
    qtbot.waitUntil(lambda: comments.model.rowCount() == 1 and not comments.model.fetching)
    assert comments.model.index(0, COL_TEXT).data() == "Great"


# --- Comments: the closed loop lists every detractor ---------------------------------


def test_the_closed_loop_lists_a_detractor_who_left_no_comment(
    qtbot, workspace: Workspace, window: MainWindow
):
    db = workspace.db()
    settings_store.save(db, owners=["Sato"])
    survey = make_survey(workspace, "nps")
    responses.record(db, survey, {"nps": 3, "reason": "Too slow"}, language="en")
    silent = responses.record(db, survey, {"nps": 1}, language="en")
    responses.record(db, survey, {"nps": 10, "reason": "Great"}, language="en")
    page = window.pages["comments"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        window.show_page("comments")
    assert page.model.rowCount() == 2  # every comment: the silent detractor left none

    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.band.setCurrentIndex(page.band.findText("Detractors"))

    texts = [page.model.index(r, COL_TEXT).data() for r in range(page.model.rowCount())]
    assert texts == ["(no comment)", "Too slow"]
    assert page.model.index(0, COL_SCORE).data() == "1/10"
    assert page.count.text().startswith("2 detractor response")
    assert page.count.text().endswith("with or without a comment")
    page.table.selectRow(0)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.case_box.isVisible() and detail.case_box.isEnabled())
    assert not detail.add_button.isEnabled()  # nothing to tag
    detail.status.setCurrentIndex(detail.status.findData("contacted"))
    detail.owner.setCurrentIndex(detail.owner.findData("Sato"))
    with qtbot.waitSignal(detail.case_saved, timeout=5000):
        detail.save_button.click()
    assert follow_up.get(db, silent).status == "contacted"
