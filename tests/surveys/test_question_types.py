"""Every question type validates its answer on the server; follow-ups follow the score."""

import pytest

from surveys.editing import new_question
from surveys.model import Survey, SurveyKind
from surveys.questions import AnswerError, Band, Choice, Option, Question, QuestionType
from surveys.templates import TEMPLATES, survey_from_template
from surveys.text import LocalText

T = LocalText


def question(kind: QuestionType, **fields) -> Question:
    return Question(qid="q", type=kind, text=T(en="?"), **fields)


@pytest.mark.parametrize(
    ("kind", "fields", "good", "bad"),
    [
        (QuestionType.STAR, {}, ["1", "5"], ["0", "6"]),
        (QuestionType.THUMBS, {}, ["0", "1"], ["2", "-1"]),
        (QuestionType.SMILEY, {"points": 3}, ["1", "3"], ["4", "0"]),
        (QuestionType.SMILEY, {"points": 5}, ["5"], ["6"]),
        (QuestionType.CES, {}, ["7"], ["8"]),
    ],
)
def test_scale_types_accept_their_range_only(kind, fields, good, bad):
    q = question(kind, **fields)
    for value in good:
        assert q.parse_answer(value) == int(value)
    for value in bad:
        with pytest.raises(AnswerError):
            q.parse_answer(value)


def test_short_text_is_short_and_long_text_is_long():
    assert question(QuestionType.SHORT_TEXT).parse_answer("x" * 200) == "x" * 200
    with pytest.raises(AnswerError, match="longer than 200"):
        question(QuestionType.SHORT_TEXT).parse_answer("x" * 201)
    assert len(question(QuestionType.OPEN_TEXT).parse_answer("あ" * 2000)) == 2000


def choice(kind=QuestionType.SINGLE_CHOICE, **fields) -> Question:
    options = [Option("a", T(en="A")), Option("b", T(en="B"))]
    return question(kind, options=options, **fields)


def test_single_choice_takes_one_listed_code():
    q = choice()
    assert q.parse_answer("a") == Choice(("a",))
    for bad in (["a", "b"], "z", "other"):
        with pytest.raises(AnswerError):
            q.parse_answer(bad)


def test_multiple_choice_other_and_none():
    q = choice(QuestionType.MULTIPLE_CHOICE, other_option=True, none_option=True)
    assert q.parse_answer(["a", "b"]).stored() == "a;b"
    assert q.parse_answer(["a", "other"], "Parking") == Choice(("a", "other"), "Parking")
    with pytest.raises(AnswerError, match="Other"):
        q.parse_answer(["other"], "  ")
    with pytest.raises(AnswerError, match="None of these"):
        q.parse_answer(["none", "a"])
    assert q.parse_answer(["none"]) == Choice(("none",))


def test_an_optional_question_may_be_left_blank():
    assert choice(required=False).parse_answer([]) is None
    assert question(QuestionType.STAR, required=False).parse_answer("") is None


def test_option_codes_are_safe_for_exports():
    with pytest.raises(ValueError):
        Option("a;b", T(en="x"))
    with pytest.raises(ValueError):
        Option("other", T(en="x"))


@pytest.mark.parametrize(
    ("kind", "fields", "score", "band"),
    [
        (QuestionType.NPS, {}, 6, Band.DETRACTOR),
        (QuestionType.NPS, {}, 8, Band.PASSIVE),
        (QuestionType.NPS, {}, 9, Band.PROMOTER),
        (QuestionType.CSAT, {}, 3, Band.PASSIVE),
        (QuestionType.CSAT, {}, 4, Band.PROMOTER),
        (QuestionType.CES, {}, 4, Band.PASSIVE),
        (QuestionType.CES, {}, 3, Band.DETRACTOR),
        (QuestionType.SMILEY, {"points": 3}, 2, Band.PASSIVE),
        (QuestionType.THUMBS, {}, 0, Band.DETRACTOR),
    ],
)
def test_bands(kind, fields, score, band):
    assert question(kind, **fields).band(score) is band


def test_follow_up_wording_and_pages():
    survey = survey_from_template("nps", languages=("en", "ja"), company="Koe")
    follow_up = survey.questions[1]
    assert [[q.qid for q in page] for page in survey.pages()] == [["nps"], ["reason"]]
    assert survey.band_for(follow_up, {"nps": 3}) is Band.DETRACTOR
    assert follow_up.wording("en", Band.DETRACTOR) == "What disappointed you the most?"
    assert follow_up.wording("ja", Band.PROMOTER) == "Koeの特に気に入っている点を教えてください。"
    assert follow_up.wording("en") == "What is the most important reason for your score?"
    # page two is validated knowing the score from page one
    answers = survey.parse_answers(
        {"reason": "Slow"}, questions=survey.pages()[1], known={"nps": 2}
    )
    assert answers == {"reason": "Slow"}


def test_a_follow_up_shown_only_to_detractors_is_skipped_for_promoters():
    survey = survey_from_template("nps")
    survey.questions[1].show_for = (Band.DETRACTOR,)
    assert survey.parse_answers({"nps": "10", "reason": "ignored"}) == {"nps": 10}
    assert survey.parse_answers({"nps": "2", "reason": "Slow"})["reason"] == "Slow"


def test_every_template_builds_in_both_languages():
    for key in TEMPLATES:
        survey = survey_from_template(key, languages=("ja", "en"))
        for q in survey.questions:
            assert q.text["ja"] and q.text["en"], (key, q.qid)
            assert "{company}" not in q.text["ja"] + q.text["en"]
            for option in q.options:
                assert option.text["ja"] and option.text["en"]


def test_new_question_ids_are_fresh():
    survey = Survey(kind=SurveyKind.CUSTOM, title=T(en="x"), questions=[], languages=("ja",))
    first = new_question(survey, QuestionType.STAR)
    survey.questions.append(first)
    second = new_question(survey, QuestionType.STAR)
    assert (first.qid, second.qid) == ("q1", "q2")
    assert first.text == {"ja": ""}
