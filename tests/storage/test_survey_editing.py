"""Editing a survey keeps what was collected intact (the lock rule of surveys.editing)."""

from dataclasses import replace

import pytest

from storage import responses
from storage import surveys as survey_store
from surveys.editing import EditRefused, new_question
from surveys.questions import Option, QuestionType
from surveys.text import LocalText
from tests.conftest import make_survey


def test_a_draft_can_be_reworded_reordered_and_extended(workspace):
    survey = make_survey(workspace, status=survey_store.SurveyStatus.DRAFT)
    extra = new_question(survey, QuestionType.SINGLE_CHOICE)
    extra.text = LocalText(en="Which shop did you visit?")
    extra.options = [Option("ginza", LocalText(en="Ginza")), Option("ueno", LocalText(en="Ueno"))]
    extra.other_option = True
    survey.questions.insert(0, extra)
    survey.questions[1].text = LocalText(en="How likely are you to recommend Test Shop?")
    survey.title = LocalText(en="Shop visit")
    saved = survey_store.update(workspace.db(), survey)
    assert [q.qid for q in saved.questions] == ["q1", "nps", "reason"]
    assert saved.questions[0].options[1].text["en"] == "Ueno"
    assert saved.questions[0].other_option
    assert saved.title["en"] == "Shop visit"


def test_an_answered_question_keeps_its_type_scale_and_options(workspace):
    survey = make_survey(workspace)
    responses.record(workspace.db(), survey, {"nps": 9}, language="en")
    changed = replace(survey, questions=[replace(survey.questions[0], type=QuestionType.CSAT)])
    with pytest.raises(EditRefused) as refused:
        survey_store.update(workspace.db(), changed)
    assert "nps has answers: its type cannot change" in refused.value.problems
    assert "nps has answers and cannot be deleted" not in refused.value.problems
    deleted = replace(survey, questions=survey.questions[1:])
    with pytest.raises(EditRefused, match="cannot be deleted"):
        survey_store.update(workspace.db(), deleted)
    # nothing was changed by the refused edits
    stored = survey_store.get(workspace.db(), survey.id)
    assert [q.type for q in stored.questions] == [QuestionType.NPS, QuestionType.OPEN_TEXT]


def test_answered_questions_may_be_reworded_and_moved(workspace):
    survey = make_survey(workspace)
    responses.record(workspace.db(), survey, {"nps": 9, "reason": "Nice"}, language="en")
    survey.questions.reverse()
    survey.questions[1].text = LocalText(
        en="How likely are you to recommend Test Shop to a friend?"
    )
    saved = survey_store.update(workspace.db(), survey)
    assert [q.qid for q in saved.questions] == ["reason", "nps"]
    row = next(responses.iter_rows(workspace.db(), saved))
    assert row["nps"] == 9 and row["reason"] == "Nice"


def test_only_a_survey_without_responses_can_be_deleted(workspace):
    empty = make_survey(workspace)
    survey_store.delete(workspace.db(), empty.id)
    assert survey_store.list_all(workspace.db()) == []
    answered = make_survey(workspace)
    responses.record(workspace.db(), answered, {"nps": 1}, language="en")
    with pytest.raises(EditRefused, match="archive it instead"):
        survey_store.delete(workspace.db(), answered.id)


def test_choice_answers_round_trip_with_other_text(workspace):
    survey = make_survey(workspace, "churn_exit")
    answers = survey.parse_answers(
        {"leave_reason": "other", "leave_reason__other": "引っ越し", "win_back": ""}
    )
    responses.record(workspace.db(), survey, answers, language="ja")
    row = next(responses.iter_rows(workspace.db(), survey))
    assert row["leave_reason"] == "other" and row["leave_reason_other"] == "引っ越し"


def test_answer_counts_name_the_answered_questions(workspace):
    survey = make_survey(workspace)
    assert survey_store.answer_counts(workspace.db(), survey.id) == {}
    responses.record(workspace.db(), survey, {"nps": 9, "reason": "Nice"}, language="en")
    responses.record(workspace.db(), survey, {"nps": 3}, language="en")
    counts = survey_store.answer_counts(workspace.db(), survey.id)
    assert counts == {"nps": 2, "reason": 1}
    assert set(counts) == survey_store.answered_qids(workspace.db(), survey.id)


def test_a_blank_survey_that_gains_an_nps_question_becomes_an_nps_survey(workspace):
    from surveys.model import Survey, SurveyKind

    blank = Survey(kind=SurveyKind.CUSTOM, title=LocalText(en="Visit"), questions=[])
    blank.slug = "blank-1"
    stored = survey_store.create(workspace.db(), blank)
    assert stored.kind is SurveyKind.CUSTOM
    score = new_question(stored, QuestionType.NPS)
    score.text = LocalText(en="How likely are you to recommend us to a friend or colleague?")
    stored.questions.append(score)
    saved = survey_store.update(workspace.db(), stored)
    assert saved.kind is SurveyKind.NPS
    assert survey_store.list_all(workspace.db())[0].kind is SurveyKind.NPS
