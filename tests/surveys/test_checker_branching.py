"""The checker's branching rules: bad references, loops and questions no path reaches."""

from __future__ import annotations

from dataclasses import replace

import pytest

from surveys.branching import Condition, Match
from surveys.checker import check
from surveys.model import Survey
from surveys.questions import Band, Question
from tests.surveys.branching_samples import branching_survey


def with_changes(**changes: dict) -> Survey:
    """The sample survey with some questions' fields changed (by qid)."""
    survey = branching_survey()
    survey.questions = [
        replace(q, **changes[q.qid]) if q.qid in changes else q for q in survey.questions
    ]
    return survey


def branch_findings(survey: Survey) -> list[tuple[str, str | None, str, str]]:
    return [
        (f.rule_id, f.place.qid, f.message["en"], f.message["ja"])
        for f in check(survey)
        if f.rule_id.startswith("branch-")
    ]


def test_the_sample_survey_branches_cleanly():
    assert branch_findings(branching_survey()) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"shop": {"show_if": Condition("visit", Match(codes=("mail",)))}},
            [
                (
                    "branch-unreachable",
                    "shop",
                    "No respondent can reach this question: question 4 has none of the "
                    "options its condition names.",
                    "この質問はどの回答者にも表示されません。条件にある選択肢は、質問4にはありません。",
                )
            ],
        ),
        (
            {"low": {"show_if": Condition("score", Match(low=7, high=3))}},
            [
                (
                    "branch-unreachable",
                    "low",
                    "No respondent can reach this question: the range 7–3 holds no answer "
                    "of question 1.",
                    "この質問はどの回答者にも表示されません。7〜3の範囲には、質問1で選べる回答がありません。",
                )
            ],
        ),
        (
            {"low": {"show_if": Condition("visit", Match(bands=(Band.DETRACTOR,)))}},
            [
                (
                    "branch-bad-reference",
                    "low",
                    "This question is shown only for an answer to a question that comes "
                    "later (question 4), so no respondent ever sees it.",
                    "この質問は、後ろにある（質問4）質問の回答を条件に表示されるため、誰にも表示されません。",
                )
            ],
        ),
        (
            {"last": {"show_if": Condition("gone", Match(low=0, high=6))}},
            [
                (
                    "branch-bad-reference",
                    "last",
                    "This question is shown only for an answer to a question that no longer "
                    "exists, so no respondent ever sees it.",
                    "この質問は、もう存在しない質問の回答を条件に表示されるため、誰にも表示されません。",
                )
            ],
        ),
    ],
)
def test_a_condition_that_cannot_come_true_is_an_error_in_both_languages(changes, expected):
    assert branch_findings(with_changes(**changes)) == expected


def test_conditions_in_a_loop_are_reported_once_and_not_as_later_questions():
    survey = with_changes(
        high={"show_if": Condition("shop", Match(codes=("x",)))},
        shop={"show_if": Condition("high", Match(codes=("x",)))},
    )
    (finding,) = [f for f in check(survey) if f.rule_id.startswith("branch-")]
    assert finding.rule_id == "branch-loop" and finding.place.qid == "high"
    assert finding.message["en"].startswith("Questions 3, 5 each wait for an answer")
    assert finding.message["ja"].startswith("質問3・5は互いの回答を条件に")
    assert "before" in finding.fix["en"] and "前の質問" in finding.fix["ja"]
    selfish = with_changes(shop={"show_if": Condition("shop", Match(codes=("x",)))})
    assert [f[0] for f in branch_findings(selfish)] == ["branch-loop"]


def test_what_depends_on_an_unreachable_question_is_unreachable_too():
    survey = with_changes(visit={"show_if": Condition("score", Match(low=20, high=30))})
    found = branch_findings(survey)
    assert [(rule, qid) for rule, qid, *_ in found] == [
        ("branch-unreachable", "visit"),
        ("branch-unreachable", "shop"),
    ]
    assert "depends on question 4, which no respondent reaches either" in found[1][2]


def test_a_question_after_an_answer_that_always_ends_is_unreachable():
    always = Match(codes=("shop", "web", "phone"))
    found = branch_findings(with_changes(visit={"ends_if": always}))
    assert [(rule, qid) for rule, qid, *_ in found] == [
        ("branch-unreachable", "shop"),
        ("branch-unreachable", "last"),
    ]
    assert "every answer to question 4 ends the survey before it" in found[0][2]
    assert "質問4のどの回答でもアンケートがその前に終わります" in found[0][3]
    # Optional: someone may skip it, so the rest stays reachable.
    optional = with_changes(visit={"ends_if": always, "required": False})
    assert branch_findings(optional) == []


def test_a_question_without_conditions_is_never_a_branching_finding():
    plain = Question("solo", branching_survey().questions[0].type, branching_survey().title)
    assert branch_findings(replace(branching_survey(), questions=[plain])) == []
