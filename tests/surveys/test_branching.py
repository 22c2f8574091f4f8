"""Branching: the path a respondent takes, and a post validated against it."""

from __future__ import annotations

import itertools

import pytest

from surveys.branching import Condition, Match, ended, path
from surveys.model import Survey
from surveys.questions import AnswerError, Band, Choice, Question, QuestionType
from surveys.text import LocalText
from tests.surveys.branching_samples import branching_survey

SURVEY = branching_survey()


def qids(answers: dict) -> list[str]:
    return [q.qid for q in path(SURVEY.questions, answers)]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, ["score", "visit", "last"]),
        ({"score": 0}, ["score", "low", "visit", "last"]),
        ({"score": 6}, ["score", "low", "visit", "last"]),
        ({"score": 7}, ["score", "visit", "last"]),
        ({"score": 8}, ["score", "visit", "last"]),
        ({"score": 9}, ["score", "high", "visit", "last"]),
        ({"score": 10}, ["score", "high", "visit", "last"]),
        ({"score": 3, "visit": Choice(("shop",))}, ["score", "low", "visit", "shop", "last"]),
        ({"score": 9, "visit": Choice(("web",))}, ["score", "high", "visit", "shop", "last"]),
        ({"score": 9, "visit": Choice(("phone",))}, ["score", "high", "visit"]),
        ({"visit": Choice(("phone",))}, ["score", "visit"]),
        # A text answer can never satisfy a range or a band.
        ({"score": "3"}, ["score", "visit", "last"]),
    ],
)
def test_path_follows_the_answers(answers, expected):
    assert qids(answers) == expected


def test_every_answer_combination_keeps_the_rules():
    """Exhaustively: a condition holds exactly when its question is on the path,
    and nothing after an ending answer is asked."""
    visits = [None, Choice(("shop",)), Choice(("web",)), Choice(("phone",))]
    for score, visit in itertools.product([None, *range(11)], visits):
        answers = {k: v for k, v in {"score": score, "visit": visit}.items() if v is not None}
        asked = qids(answers)
        assert ("low" in asked) == (score is not None and score <= 6)
        assert ("high" in asked) == (score is not None and score >= 9)
        finished = visit == Choice(("phone",))
        assert ended(SURVEY.questions, answers) == finished
        assert ("last" in asked) == (not finished)
        assert ("shop" in asked) == (visit is not None and not finished)


def test_an_answer_off_the_path_decides_nothing():
    # "low" is hidden for a 9, so a stale answer to it counts for nothing downstream.
    follow = Question(
        "more",
        QuestionType.SHORT_TEXT,
        LocalText(en="More?"),
        show_if=Condition("visit", Match(codes=("shop",))),
    )
    hidden_source = Question(
        "visit",
        QuestionType.SINGLE_CHOICE,
        LocalText(en="Where?"),
        show_if=Condition("score", Match(low=0, high=6)),
        options=SURVEY.question("visit").options,
    )
    questions = [SURVEY.question("score"), hidden_source, follow]
    answers = {"score": 9, "visit": Choice(("shop",))}
    assert [q.qid for q in path(questions, answers)] == ["score"]


@pytest.mark.parametrize(
    ("condition", "possible"),
    [
        (Condition("score", Match(low=0, high=6)), True),
        (Condition("score", Match(low=7, high=3)), False),  # empty range
        (Condition("score", Match(low=11, high=20)), False),  # outside 0–10
        (Condition("score", Match(bands=(Band.PASSIVE,))), True),
        (Condition("visit", Match(codes=("shop",))), True),
        (Condition("visit", Match(codes=("mail",))), False),  # no such option
        (Condition("visit", Match(low=0, high=6)), False),  # a range on a choice
        (Condition("score", Match(codes=("shop",))), False),  # options on a score
        (Condition("score", Match()), False),
    ],
)
def test_match_knows_when_it_can_ever_hold(condition, possible):
    assert condition.match.possible(SURVEY.question(condition.qid)) == possible


def test_conditions_survive_their_json_and_refuse_a_bad_shape():
    for question in SURVEY.questions:
        if question.show_if is not None:
            assert Condition.from_json(question.show_if.to_json()) == question.show_if
        if question.ends_if is not None:
            assert Match.from_json(question.ends_if.to_json()) == question.ends_if
    for bad in [[], {"codes": "shop"}, {"low": "0"}, {"bands": ["loud"]}, {"low": True}]:
        with pytest.raises(ValueError):
            Match.from_json(bad)
    with pytest.raises(ValueError):
        Condition.from_json({"codes": ["shop"]})  # names no question


def test_pages_split_where_the_path_is_decided():
    assert [[q.qid for q in page] for page in SURVEY.pages()] == [
        ["score"],
        ["low", "high", "visit"],
        ["shop", "last"],
    ]


def _form(**fields) -> dict:
    return {k: v for k, v in fields.items()}


def test_a_hidden_required_question_is_not_required():
    answers = SURVEY.parse_answers(_form(score="8", visit="shop", shop="Ginza"))
    assert answers == {"score": 8, "visit": Choice(("shop",)), "shop": "Ginza"}
    # "low" is required and shown for a 5: it must be answered.
    with pytest.raises(AnswerError) as refused:
        SURVEY.parse_answers(_form(score="5", visit="shop", shop="Ginza"))
    assert refused.value.qid == "low"


@pytest.mark.parametrize(
    "form",
    [
        _form(score="9", low="tampered", visit="web", shop="x"),  # low is for 0–6
        _form(score="3", high="tampered", low="slow", visit="web", shop="x"),
        _form(score="9", visit="phone", shop="after the end"),
        _form(score="9", visit="phone", last="after the end"),
    ],
)
def test_an_answer_to_a_question_off_the_path_is_refused(form):
    with pytest.raises(ValueError, match="not asked on this path"):
        SURVEY.parse_answers(form)


def test_blank_fields_of_hidden_questions_are_no_answer():
    answers = SURVEY.parse_answers(_form(score="9", low="  ", visit="phone", shop=""))
    assert answers == {"score": 9, "visit": Choice(("phone",))}


def test_earlier_pages_answers_decide_the_path():
    page = SURVEY.pages()[1]
    answers = SURVEY.parse_answers(
        _form(low="Too slow", visit="shop"), questions=page, known={"score": 2}
    )
    assert answers == {"low": "Too slow", "visit": Choice(("shop",))}
    with pytest.raises(ValueError):
        SURVEY.parse_answers(_form(low="x", visit="shop"), questions=page, known={"score": 10})


def test_a_survey_without_branching_keeps_its_pages():
    plain = Survey(
        kind=SURVEY.kind,
        title=SURVEY.title,
        questions=[SURVEY.question("score"), SURVEY.question("last")],
    )
    assert [[q.qid for q in page] for page in plain.pages()] == [["score", "last"]]
