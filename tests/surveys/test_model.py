"""The questionnaire model: answers validated, status rules, templates."""

from datetime import UTC, datetime, timedelta

import pytest

from surveys.model import StatusError, SurveyKind, SurveyStatus
from surveys.questions import AnswerError, QuestionType
from surveys.templates import TEMPLATES, survey_from_template
from surveys.text import LocalText, normalise_language


@pytest.mark.parametrize("key", ["nps", "csat", "ces"])
def test_every_template_has_wording_in_both_languages(key):
    template = TEMPLATES[key]
    for question in template.questions:
        assert question.text["ja"] and question.text["en"]
        if question.is_scale:
            assert question.low_label["ja"] and question.high_label["en"]
    assert template.kind == SurveyKind(key)


def test_template_names_the_business_or_falls_back():
    named = survey_from_template("nps", languages=("ja", "en"), company="珈琲こえ")
    assert named.questions[0].text["ja"].startswith("珈琲こえを友人や同僚に")
    assert "recommend 珈琲こえ to a friend" in named.questions[0].text["en"]
    anonymous = survey_from_template("nps", languages=("en",))
    assert anonymous.questions[0].text == {
        "en": "How likely are you to recommend this business to a friend or colleague?"
    }
    # Without a name, the kind of business says what to call it; never "us".
    online = survey_from_template("ces", languages=("en", "ja"), kind="online")
    assert online.questions[0].text == {
        "en": "This service made it easy for me to handle my issue.",
        "ja": "このサービスのおかげで、用件を簡単に済ませることができた。",
    }


def test_scale_answers_are_checked_against_their_range():
    survey = survey_from_template("nps")
    assert survey.parse_answers({"nps": "0"}) == {"nps": 0}
    assert survey.parse_answers({"nps": " 10 ", "reason": "Great"}) == {
        "nps": 10,
        "reason": "Great",
    }
    for bad in ("11", "-1", "abc", "9.5", ""):
        with pytest.raises(AnswerError):
            survey.parse_answers({"nps": bad})


def test_csat_and_ces_ranges():
    csat = survey_from_template("csat")
    ces = survey_from_template("ces")
    assert csat.questions[0].type is QuestionType.CSAT
    with pytest.raises(AnswerError):
        csat.parse_answers({"csat": "0"})
    assert ces.parse_answers({"ces": "7"}) == {"ces": 7}
    with pytest.raises(AnswerError):
        ces.parse_answers({"ces": "8"})


def test_unknown_fields_and_overlong_text_are_refused():
    survey = survey_from_template("nps")
    with pytest.raises(ValueError, match="unknown fields"):
        survey.parse_answers({"nps": "9", "admin": "1"})
    with pytest.raises(AnswerError, match="longer than"):
        survey.parse_answers({"nps": "9", "reason": "x" * 2001})


def test_status_life_cycle():
    survey = survey_from_template("nps")
    assert survey.status is SurveyStatus.DRAFT
    survey.check_transition(SurveyStatus.OPEN)
    with pytest.raises(StatusError):
        survey.check_transition(SurveyStatus.CLOSED)  # a draft is opened before it is closed
    survey.status = SurveyStatus.OPEN
    survey.check_transition(SurveyStatus.CLOSED)
    survey.status = SurveyStatus.CLOSED
    survey.check_transition(SurveyStatus.OPEN)  # reopening is allowed
    with pytest.raises(StatusError):
        survey.check_transition(SurveyStatus.DRAFT)


def test_end_date_stops_answers():
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    survey = survey_from_template("nps")
    assert not survey.accepts_answers(now)  # draft
    survey.status = SurveyStatus.OPEN
    assert survey.accepts_answers(now)
    survey.closes_at = now + timedelta(hours=1)
    assert survey.accepts_answers(now)
    assert not survey.accepts_answers(now + timedelta(hours=1))


def test_headline_question_is_the_first_scale_question():
    survey = survey_from_template("ces")
    assert survey.headline_question is survey.questions[0]


def test_local_text_falls_back_when_a_translation_is_missing():
    text = LocalText(ja="こんにちは")
    assert text.get_for("en") == "こんにちは"
    assert LocalText(en="Hi", ja="やあ").get_for("ja") == "やあ"
    assert normalise_language("ja_JP") == "ja"
    assert normalise_language("en-US") == "en"
    assert normalise_language("fr_FR") == "en"
