"""The lifecycle templates (issue 16): onboarding CES, renewal intent, post-support CSAT
and the exit survey — built in each language, reviewed clean, their option codes stable."""

from __future__ import annotations

import pytest

from surveys.checker import check
from surveys.model import SurveyKind
from surveys.questions import OTHER, AnswerError, Choice, QuestionType
from surveys.templates import TEMPLATES, survey_from_template

LIFECYCLE = {
    "ces_onboarding": SurveyKind.CES,
    "renewal_intent": SurveyKind.CUSTOM,
    "csat_support": SurveyKind.CSAT,
    "churn_exit": SurveyKind.CUSTOM,
}
LANGUAGE_SETS = [("ja",), ("en",), ("ja", "en"), ("en", "ja")]


@pytest.mark.parametrize("languages", LANGUAGE_SETS)
@pytest.mark.parametrize("key", sorted(LIFECYCLE))
def test_each_lifecycle_template_builds_a_clean_survey(key, languages):
    survey = survey_from_template(key, languages=languages, company="珈琲こえ")
    assert survey.kind is LIFECYCLE[key]
    assert survey.languages == languages
    for question in survey.questions:
        assert set(question.text) == set(languages)
        assert all(question.text[lang].strip() for lang in languages)
        for option in question.options:
            assert all(option.text[lang].strip() for lang in languages)
    # Not even advice: every wording is the validated or a reviewed one.
    assert [(f.rule_id, f.place) for f in check(survey)] == []


@pytest.mark.parametrize("key", sorted(LIFECYCLE))
def test_each_says_when_to_use_it_on_one_line_in_both_languages(key):
    description = TEMPLATES[key].description
    for language in ("en", "ja"):
        text = description[language]
        assert text.strip() and "\n" not in text
        assert len(text) <= 80


def test_renewal_intent_has_exactly_three_options_and_an_optional_why():
    survey = survey_from_template("renewal_intent", languages=("en", "ja"))
    intent, why = survey.questions
    assert intent.type is QuestionType.SINGLE_CHOICE
    # Stable codes: escalation rules ("unlikely to renew") and exports name them.
    assert intent.option_codes() == ["unlikely", "undecided", "likely"]
    assert [o.text["en"] for o in intent.options] == [
        "Unlikely to renew",
        "Undecided",
        "Likely to renew",
    ]
    assert [o.text["ja"] for o in intent.options] == [
        "更新しない可能性が高い",
        "まだ決めていない",
        "更新する可能性が高い",
    ]
    assert why.type is QuestionType.OPEN_TEXT and not why.required
    answers = survey.parse_answers({"renewal": "unlikely"})
    assert answers == {"renewal": Choice(("unlikely",))}
    with pytest.raises(AnswerError):
        survey.parse_answers({"renewal": "maybe"})


def test_exit_survey_asks_why_with_other_and_a_comment():
    survey = survey_from_template("churn_exit", languages=("ja",))
    reason, comment = survey.questions
    assert reason.option_codes() == ["price", "features", "competitor", "no_need", "quality", OTHER]
    assert comment.type is QuestionType.OPEN_TEXT and not comment.required
    answers = survey.parse_answers({"leave_reason": OTHER, "leave_reason__other": "引っ越し"})
    assert answers["leave_reason"] == Choice((OTHER,), "引っ越し")


def test_onboarding_ces_and_support_csat_keep_their_instruments():
    ces = survey_from_template("ces_onboarding", languages=("en",), company="Café Koe")
    assert ces.questions[0].type is QuestionType.CES
    assert ces.questions[0].text["en"] == "Café Koe made it easy for me to get started."
    csat = survey_from_template("csat_support", languages=("ja",))
    assert csat.questions[0].type is QuestionType.CSAT
    assert csat.questions[0].text["ja"] == "今回のサポート対応に、どの程度満足されましたか？"
