"""The designer over a real workspace: build from a template, add and reorder questions,
see the checklist follow the wording, go to a finding, undo and redo, reopen and find it saved."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import SurveyStatus
from surveys.questions import QuestionType
from tests.conftest import make_survey
from tests.ui import designer_helpers
from tests.ui.designer_helpers import rule_ids, type_into, wait_checked, wait_saved
from ui.designer.list_model import QID_ROLE, SEVERITY_ROLE
from ui.designer.page import DesignerPage

context = designer_helpers.context
open_designer = designer_helpers.open_designer

LEADING_EN = "Don't you agree our coffee is great?"
LEADING_JA = "当店のコーヒーは美味しいと思いませんか？"
FIXED_EN = "How satisfied are you with our coffee?"
FIXED_JA = "当店のコーヒーにどの程度満足されましたか？"


def qids(page: DesignerPage) -> list[str]:
    return [q.qid for q in page.draft.questions]


def add(qtbot, page: DesignerPage, kind: QuestionType) -> str:
    """Add a question through the Add menu, as a user does; returns its qid."""
    action = next(a for a in page.add_menu.actions() if a.objectName() == f"add_{kind.value}")
    action.trigger()
    return page.current_qid() or ""


def test_a_template_survey_opens_with_its_questions_and_a_clean_checklist(
    qtbot, workspace: Workspace, open_designer
):
    survey = make_survey(workspace, "nps", languages=("en", "ja"), status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    assert qids(page) == ["nps", "reason"]
    assert page.current_qid() == "nps"
    assert page.centre.currentWidget() is page.editor
    assert page.editor.wording_fields["en"].text().startswith("How likely are you to recommend")
    assert page.editor.wording_fields["ja"].text().endswith("薦める可能性はどのくらいありますか？")
    assert rule_ids(page) == []
    assert page.checklist.time_label.text() == "About 45 seconds to answer"
    assert page.save_label.text() == "Saved"
    # The list shows number, type and wording of each row.
    index = page.model.index(1, 0)
    assert index.data() == "2. What is the most important reason for your score?"


def test_add_a_question_and_reorder_it_by_the_model_and_by_keyboard(
    qtbot, workspace: Workspace, open_designer
):
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    new = add(qtbot, page, QuestionType.STAR)
    assert qids(page) == ["nps", new, "reason"]  # added after the selected question
    assert page.editor.qid == new
    # Dragging asks the model to move rows; the move becomes an undoable command.
    assert page.model.moveRow(QModelIndex(), 1, QModelIndex(), 0)
    assert qids(page) == [new, "nps", "reason"]
    assert page.model.index(0, 0).data().startswith("1.")
    assert page.current_qid() == new  # the selection followed the question
    # The keyboard: Alt+Down twice moves it to the end, in one undo step.
    page.list_view.setFocus()
    qtbot.keyClick(page.list_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.list_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert qids(page) == ["nps", "reason", new]
    assert not page.actions_by_name["move_down"].isEnabled()
    page.undo_stack.undo()
    assert qids(page) == [new, "nps", "reason"]
    qtbot.keyClick(page.list_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert qids(page) == [new, "nps", "reason"]  # already first: nothing happens
    wait_saved(qtbot, page)
    stored = survey_store.get(workspace.db(), survey.id)
    assert [q.qid for q in stored.questions] == [new, "nps", "reason"]


def test_a_leading_question_is_flagged_as_typed_and_goes_away_when_fixed(
    qtbot, workspace: Workspace, open_designer
):
    survey = make_survey(workspace, "nps", languages=("en", "ja"), status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    new = add(qtbot, page, QuestionType.CSAT)
    type_into(qtbot, page.editor.wording_fields["en"], LEADING_EN)
    type_into(qtbot, page.editor.wording_fields["ja"], LEADING_JA)
    wait_checked(qtbot, page)
    leading = [c for c in page.checklist.cards if c.finding.rule_id == "leading"]
    assert [c.finding.place.language for c in leading] == ["en", "ja"]
    assert "don't you agree" in leading[0].message_label.text()
    assert leading[0].fix_label.text()  # says how to fix it
    # The list row shows a badge; the group in the checklist names the question.
    row = page.model.index_of(new)
    assert row.data(SEVERITY_ROLE) == "warning"
    assert page.checklist.cards[0].finding.place.qid == new

    # Clicking the Japanese finding selects the question and focuses that field.
    page.list_view.setCurrentIndex(page.model.index(0, 0))
    assert page.current_qid() == "nps"
    qtbot.mouseClick(leading[1], Qt.MouseButton.LeftButton)
    assert page.current_qid() == new
    assert QApplication.focusWidget() is page.editor.wording_fields["ja"]

    type_into(qtbot, page.editor.wording_fields["ja"], FIXED_JA)
    type_into(qtbot, page.editor.wording_fields["en"], FIXED_EN)
    wait_checked(qtbot, page)
    assert "leading" not in rule_ids(page)


def test_undo_and_redo_every_kind_of_edit(qtbot, workspace: Workspace, open_designer):
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    stack = page.undo_stack
    original = page.draft.question("nps").text["en"]

    # Typing in one field is one undo step, whatever its length.
    type_into(qtbot, page.editor.wording_fields["en"], "How likely are you to recommend us?")
    assert stack.count() == 1
    assert stack.undoText() == "Edit wording"
    page.undo_action.trigger()
    assert page.draft.question("nps").text["en"] == original
    assert page.editor.wording_fields["en"].text() == original
    page.redo_action.trigger()
    assert page.draft.question("nps").text["en"] == "How likely are you to recommend us?"

    # Add, delete, duplicate: undo restores the list and the selection.
    new = add(qtbot, page, QuestionType.SINGLE_CHOICE)
    assert qids(page) == ["nps", new, "reason"]
    page.undo_action.trigger()
    assert qids(page) == ["nps", "reason"]
    assert page.current_qid() == "nps"
    page.redo_action.trigger()
    assert qids(page) == ["nps", new, "reason"]
    assert page.current_qid() == new

    page.list_view.setCurrentIndex(page.model.index_of("reason"))
    page.list_view.setFocus()
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    assert qids(page) == ["nps", new]
    page.list_view.setCurrentIndex(page.model.index_of("nps"))
    page.undo_action.trigger()
    assert qids(page) == ["nps", new, "reason"]
    assert page.current_qid() == "reason"  # undo selects what it brought back

    page.actions_by_name["duplicate"].trigger()
    twin = page.current_qid()
    assert twin not in ("nps", new, "reason")
    assert page.draft.question(twin).text == page.draft.question("reason").text
    page.undo_action.trigger()
    assert qids(page) == ["nps", new, "reason"]

    # Options and settings are edits too.
    page.list_view.setCurrentIndex(page.model.index_of(new))
    options = page.editor.sections[0]
    options.add_button.click()
    assert len(page.draft.question(new).options) == 3
    type_into(qtbot, options.option_fields[(2, "en")], "Too expensive")
    assert page.draft.question(new).options[2].code == "too_expensive"
    options.other_box.click()
    assert page.draft.question(new).other_option
    page.undo_action.trigger()
    page.undo_action.trigger()
    page.undo_action.trigger()
    assert len(page.draft.question(new).options) == 2
    assert not page.draft.question(new).other_option

    page.show_settings()
    type_into(qtbot, page.settings_editor.title_fields["en"], "Coffee survey")
    assert page.toolbar.title_label.text() == "Coffee survey"
    page.undo_action.trigger()
    assert page.toolbar.title_label.text() == "Net Promoter Score"
    assert page.centre.currentWidget() is page.settings_editor


def test_ctrl_z_in_a_field_undoes_the_survey_edit_not_just_the_field(
    qtbot, workspace: Workspace, open_designer
):
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    field = page.editor.wording_fields["en"]
    original = field.text()
    type_into(qtbot, field, "Would you recommend us?")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.draft.question("nps").text["en"] == original
    assert field.text() == original
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert page.draft.question("nps").text["en"] == "Would you recommend us?"
    qtbot.keyClick(
        field,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert page.draft.question("nps").text["en"] == "Would you recommend us?"  # nothing to redo


def test_everything_is_as_saved_after_closing_and_reopening(
    qtbot, workspace: Workspace, open_designer
):
    survey = make_survey(workspace, "csat", languages=("ja", "en"), status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    new = add(qtbot, page, QuestionType.MULTIPLE_CHOICE)
    type_into(qtbot, page.editor.wording_fields["ja"], "ご来店のきっかけは何ですか？")
    type_into(qtbot, page.editor.wording_fields["en"], "What brought you to our shop?")
    options = page.editor.sections[0]
    type_into(qtbot, options.option_fields[(0, "en")], "A friend")
    type_into(qtbot, options.option_fields[(0, "ja")], "友人の紹介")
    options.none_box.click()
    page.list_view.setCurrentIndex(page.model.index_of(new))
    page.actions_by_name["move_up"].trigger()
    wait_saved(qtbot, page)
    with qtbot.waitSignal(page.closed):
        page.actions_by_name["back"].trigger()

    again = open_designer(survey.id)
    assert qids(again) == [new, "csat", "reason"]
    question = again.draft.question(new)
    assert question.text == {
        "ja": "ご来店のきっかけは何ですか？",
        "en": "What brought you to our shop?",
    }
    assert question.options[0].code == "a_friend"
    assert question.options[0].text == {"en": "A friend", "ja": "友人の紹介"}
    assert question.none_option
    assert again.current_qid() == new
    assert again.editor.wording_fields["ja"].text() == "ご来店のきっかけは何ですか？"


def test_the_designer_rows_carry_their_question_ids(qtbot, workspace: Workspace, open_designer):
    survey = make_survey(workspace, "churn_exit", status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    assert [page.model.index(r, 0).data(QID_ROLE) for r in range(2)] == [
        "leave_reason",
        "win_back",
    ]
