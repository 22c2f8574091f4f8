"""The designer keeps collected answers intact and never loses work: locked questions,
refused saves in plain words, rules switched off and kept, reopening the workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from storage import responses
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import SurveyStatus
from surveys.questions import QuestionType
from tests.conftest import make_survey
from tests.ui import designer_helpers
from tests.ui.designer_helpers import rule_ids, type_into, wait_checked, wait_saved
from ui.common.worker import DbWorker
from ui.context import AppContext
from ui.designer import prompts
from ui.designer.list_model import LOCKED_ROLE
from ui.designer.page import DesignerPage
from ui.designer.saver import SaveState

context = designer_helpers.context
open_designer = designer_helpers.open_designer

# The offscreen platform warns when a dialog window's size limits change as
# its contents change (a real platform simply applies them).
OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_answered_questions_are_locked_in_the_ui(qtbot, workspace: Workspace, open_designer):
    survey = make_survey(workspace, "churn_exit")
    responses.record(workspace.db(), survey, {"leave_reason": "price"}, language="en")
    responses.record(workspace.db(), survey, {"leave_reason": "quality"}, language="en")
    page = open_designer(survey.id)
    editor = page.editor
    assert page.current_qid() == "leave_reason"
    assert page.model.index(0, 0).data(LOCKED_ROLE) is True
    assert page.model.index(1, 0).data(LOCKED_ROLE) is False
    assert editor.lock_banner.isVisible()
    assert editor.lock_label.text().startswith("This question has 2 answers: its type, scale")
    assert "You can correct its wording, add options, or add a new question." in (
        editor.lock_label.text()
    )
    assert not editor.type_combo.isEnabled()
    delete = page.actions_by_name["delete"]
    assert not delete.isEnabled()
    assert "has 2 answers" in delete.toolTip()
    page.list_view.setFocus()
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    assert [q.qid for q in page.draft.questions] == ["leave_reason", "win_back"]

    options = editor.sections[0]
    assert not any(button.isEnabled() for button in options.remove_buttons)
    assert not options.other_box.isEnabled()  # answers may have chosen "Other"
    # Rewording and adding options stay possible; a new option can go again.
    type_into(qtbot, options.option_fields[(0, "en")], "Too expensive for us")
    assert page.draft.question("leave_reason").options[0].code == "price"  # codes stay
    options.add_button.click()
    assert options.remove_buttons[-1].isEnabled()
    type_into(qtbot, options.option_fields[(5, "en")], "Moved away")
    assert page.draft.question("leave_reason").options[5].code == "moved_away"
    wait_saved(qtbot, page)
    # The unanswered question can still change type.
    page.list_view.setCurrentIndex(page.model.index(1, 0))
    assert not editor.lock_banner.isVisible()
    assert editor.type_combo.isEnabled()
    assert page.actions_by_name["delete"].isEnabled()


def test_a_refused_save_is_explained_and_the_draft_kept(qtbot, workspace: Workspace, open_designer):
    survey = make_survey(workspace, "nps")
    page = open_designer(survey.id)
    assert page.editor.type_combo.isEnabled()  # no answers yet
    # An answer arrives while the designer is open (before it hears of it).
    responses.record(workspace.db(), survey, {"nps": 10}, language="en")
    combo = page.editor.type_combo
    combo.setCurrentIndex(combo.findData(QuestionType.CSAT.value))
    combo.activated.emit(combo.currentIndex())
    assert page.draft.question("nps").type is QuestionType.CSAT
    qtbot.waitUntil(lambda: page.saver.state is SaveState.REFUSED, timeout=5000)
    assert page.save_label.text() == "Not saved"
    assert page.notice.kind() == "error"
    assert page.notice.text().startswith(
        "Not saved: “How likely are you to recommend Test Shop to a friend or colleague?” "
        "has answers, so its type cannot change."
    )
    assert "Your changes are kept here" in page.notice.text()
    assert page.draft.question("nps").type is QuestionType.CSAT  # nothing lost
    stored = survey_store.get(workspace.db(), survey.id)
    assert stored.questions[0].type is QuestionType.NPS  # nothing corrupted

    # Leaving asks first; staying keeps the draft.
    asked: list[str] = []

    def stay(_parent: QWidget, reason: str) -> bool:
        asked.append(reason)
        return False

    prompts_confirm = prompts.confirm_discard
    prompts.confirm_discard = stay  # type: ignore[assignment]
    try:
        left: list[bool] = []
        page.request_leave(lambda: left.append(True))
        qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    finally:
        prompts.confirm_discard = prompts_confirm  # type: ignore[assignment]
    assert "its type cannot change" in asked[0]
    assert left == []

    # Undo makes it savable again; the notice goes.
    page.undo_action.trigger()
    wait_saved(qtbot, page)
    assert not page.notice.isVisible()
    assert page.save_label.text() == "Saved"


def test_leaving_with_unsavable_changes_can_discard_them(
    qtbot, workspace: Workspace, open_designer, monkeypatch
):
    survey = make_survey(workspace, "nps")
    page = open_designer(survey.id)
    responses.record(workspace.db(), survey, {"nps": 7}, language="en")
    page.list_view.setCurrentIndex(page.model.index(0, 0))
    # Deleting the (newly answered) question cannot be saved.
    page.edits.delete_question()
    qtbot.waitUntil(lambda: page.saver.state is SaveState.REFUSED, timeout=5000)
    assert "cannot be deleted" in page.saver.reason
    monkeypatch.setattr(prompts, "confirm_discard", lambda _parent, _reason: True)
    with qtbot.waitSignal(page.closed):
        page.go_back()
    assert [q.qid for q in survey_store.get(workspace.db(), survey.id).questions] == [
        "nps",
        "reason",
    ]


def test_new_answers_lock_questions_while_the_designer_is_open(
    qtbot, workspace: Workspace, open_designer, context: AppContext
):
    survey = make_survey(workspace, "nps")
    page = open_designer(survey.id)
    assert page.editor.type_combo.isEnabled()
    responses.record(workspace.db(), survey, {"nps": 9}, language="en")
    context.responses_changed.emit(survey.id)
    qtbot.waitUntil(lambda: page.draft.is_locked("nps"))
    assert not page.editor.type_combo.isEnabled()
    assert page.editor.lock_label.text().startswith("This question has 1 answer:")


@OFFSCREEN_DIALOG
def test_a_rule_turned_off_stays_off_after_reopening(qtbot, workspace: Workspace, open_designer):
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    page.edits.add_question(QuestionType.OPEN_TEXT)
    page.edits.add_question(QuestionType.OPEN_TEXT)
    wait_checked(qtbot, page)
    assert "too-many-open-questions" in rule_ids(page)
    card = next(c for c in page.checklist.cards if c.finding.rule_id == "too-many-open-questions")
    card.off_button.click()
    wait_checked(qtbot, page)
    assert "too-many-open-questions" not in rule_ids(page)
    assert "is off for this survey" in page.notice.text()
    wait_saved(qtbot, page)
    with qtbot.waitSignal(page.closed):
        page.go_back()

    again = open_designer(survey.id)
    assert "too-many-open-questions" in again.draft.survey.disabled_rules
    assert "too-many-open-questions" not in rule_ids(again)
    # The Rules list shows it unticked, and ticking it brings the finding back.
    dialog = again.rules.show_dialog()
    item = next(
        dialog.rule_list.item(row)
        for row in range(dialog.rule_list.count())
        if dialog.rule_list.item(row).data(Qt.ItemDataRole.UserRole + 1)
        == "too-many-open-questions"
    )
    assert item.checkState() == Qt.CheckState.Unchecked
    item.setCheckState(Qt.CheckState.Checked)
    wait_checked(qtbot, again)
    assert "too-many-open-questions" in rule_ids(again)
    again.undo_action.trigger()
    assert item.checkState() == Qt.CheckState.Unchecked
    dialog.close()


def test_everything_is_there_after_reopening_the_workspace(qtbot, tmp_path: Path):
    folder = tmp_path / "shop"

    def session(body) -> None:
        workspace = Workspace.open(folder)
        worker = DbWorker(workspace)
        window = QWidget()
        window.resize(1100, 700)
        try:
            ctx = AppContext(workspace, worker)
            body(workspace, ctx, window)
        finally:
            qtbot.waitUntil(lambda: worker.pending == 0)
            window.close()
            window.deleteLater()
            worker.stop()
            workspace.close()

    survey_id: list[int] = []

    def first(workspace: Workspace, ctx: AppContext, window: QWidget) -> None:
        survey = make_survey(workspace, "nps", languages=("ja",), status=SurveyStatus.DRAFT)
        survey_id.append(survey.id)
        page = DesignerPage(ctx, survey.id, window)
        with qtbot.waitSignal(page.loaded):
            window.show()
        page.edits.add_question(QuestionType.SMILEY)
        type_into(qtbot, page.editor.wording_fields["ja"], "スタッフの対応はいかがでしたか？")
        page.editor.sections[0].points_buttons[3].click()
        page.show_settings()
        page.settings_editor.channel_boxes["qr"].click()
        type_into(qtbot, page.settings_editor.title_fields["ja"], "店頭アンケート")
        # Closing right away still saves: leaving saves at once, not after the pause.
        with qtbot.waitSignal(page.closed, timeout=5000):
            page.go_back()

    def second(workspace: Workspace, ctx: AppContext, window: QWidget) -> None:
        page = DesignerPage(ctx, survey_id[0], window)
        with qtbot.waitSignal(page.loaded):
            window.show()
        questions = page.draft.questions
        assert [q.type for q in questions] == [
            QuestionType.NPS,
            QuestionType.SMILEY,
            QuestionType.OPEN_TEXT,
        ]
        assert questions[1].text == {"ja": "スタッフの対応はいかがでしたか？"}
        assert questions[1].points == 3
        assert page.draft.survey.channels == ("qr",)
        assert page.toolbar.title_label.text() == "店頭アンケート"

    session(first)
    session(second)
