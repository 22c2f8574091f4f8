"""The checker's API, the scale and question-selection rules, and what every rule must carry."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from surveys.checker import (
    RULES,
    Field,
    Finding,
    Place,
    Rule,
    Severity,
    check,
    estimated_seconds,
    rule,
)
from surveys.model import Survey, SurveyKind
from surveys.questions import Band, Option, Question, QuestionType
from surveys.templates import survey_from_template
from surveys.text import LocalText

CSAT_LABELS = {
    "low_label": LocalText(en="Very unsatisfied", ja="とても不満"),
    "high_label": LocalText(en="Very satisfied", ja="とても満足"),
}


def scale(qid: str, kind: QuestionType = QuestionType.CSAT, **more: object) -> Question:
    text = LocalText(
        en=f"How satisfied were you with {qid}?", ja=f"{qid}に、どの程度満足されましたか？"
    )
    labels = CSAT_LABELS if kind in (QuestionType.CSAT, QuestionType.STAR) else {}
    return Question(qid, kind, text, **{**labels, **more})  # type: ignore[arg-type]


def open_text(qid: str, **more: object) -> Question:
    text = LocalText(
        en=f"What could we improve about {qid}?", ja=f"{qid}について改善点を教えてください。"
    )
    more.setdefault("required", False)
    return Question(qid, QuestionType.OPEN_TEXT, text, **more)  # type: ignore[arg-type]


def survey(*questions: Question, **more: object) -> Survey:
    more.setdefault("languages", ("ja", "en"))
    return Survey(SurveyKind.CUSTOM, LocalText(en="t", ja="t"), list(questions), **more)  # type: ignore[arg-type]


def fired(target: Survey, rule_id: str) -> list[Finding]:
    return [f for f in check(target) if f.rule_id == rule_id]


# --- the API --------------------------------------------------------------------------------


def test_rules_have_stable_kebab_case_ids_and_complete_texts_in_both_languages():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids)) >= 20
    for r in RULES:
        assert re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)*", r.id), r.id
        assert isinstance(r.severity, Severity)
        for text in (r.title, r.message, r.fix, r.help):
            assert text["en"].strip() and text["ja"].strip(), r.id
        # Polite Japanese: the explanations are written in です/ます.
        assert re.search(r"(です|ます|ません|ください)", r.help["ja"]), r.id
        assert rule(r.id) is r


def test_the_issues_rules_are_all_there():
    wanted = {
        "long-wording",
        "indirect-question",
        "double-barrelled",
        "leading",
        "not-exhaustive",
        "overlapping-options",
        "duplicate-options",
        "scale-labels",
        "inconsistent-scales",
        "randomized-ordered",
        "randomize-unordered",
        "survey-duration",
        "too-many-questions",
        "validated-wording",
        "too-many-open-questions",
        "opens-with-open-question",
        "grid",
        "sms-segments",
    }
    assert wanted <= {r.id for r in RULES}


def test_a_finding_says_where_and_in_which_language():
    question = Question(
        "q1",
        QuestionType.CSAT,
        LocalText(
            en="How satisfied were you with the price and the quality?",
            ja="価格と品質に、どの程度満足されましたか？",
        ),
        **CSAT_LABELS,  # type: ignore[arg-type]
    )
    findings = fired(survey(scale("q0"), question), "double-barrelled")
    assert {f.place for f in findings} == {
        Place("q1", Field.TEXT, language="ja"),
        Place("q1", Field.TEXT, language="en"),
    }
    for finding in findings:
        assert finding.place.qid is not None
        assert finding.message["en"] and finding.message["ja"]
        assert finding.fix["en"] and finding.fix["ja"]


def test_disabled_rules_are_skipped_and_others_kept():
    leading = replace(
        scale("q1"),
        text=LocalText(
            en="How satisfied were you with our amazing staff?",
            ja="素晴らしいスタッフに、どの程度満足されましたか？",
        ),
        low_label=LocalText(),
    )
    target = survey(leading)
    assert {"leading", "scale-labels"} <= {f.rule_id for f in check(target)}
    target.disabled_rules = frozenset({"leading"})
    remaining = {f.rule_id for f in check(target)}
    assert "leading" not in remaining and "scale-labels" in remaining


def test_findings_are_ordered_survey_first_then_by_question_then_severity():
    questions = [open_text(f"o{i}") for i in range(3)]
    questions.append(
        replace(
            scale("s1"),
            low_label=LocalText(en="Very satisfied", ja="とても満足"),
            high_label=LocalText(en="Very unsatisfied", ja="とても不満"),
        )
    )
    questions.extend(scale(f"x{i}") for i in range(8))
    findings = check(survey(*questions, channels=("sms",)))
    order = [(f.place.qid, f.severity) for f in findings]
    assert order[0][0] is None  # the survey's length comes first
    positions = [-1 if q is None else [x.qid for x in questions].index(q) for q, _ in order]
    assert positions == sorted(positions)
    s1 = [sev for q, sev in order if q == "s1"]
    assert s1 == sorted(s1, key=lambda sev: sev.rank)


# --- estimated_seconds ----------------------------------------------------------------------


def test_estimated_seconds_by_type():
    choice = Question(
        "c",
        QuestionType.SINGLE_CHOICE,
        LocalText(en="Which?"),
        options=[Option("a", LocalText(en="A")), Option("b", LocalText(en="B"))],
        other_option=True,
    )
    short = Question("s", QuestionType.SHORT_TEXT, LocalText(en="Which dish?"), required=False)
    thumbs = Question("t", QuestionType.THUMBS, LocalText(en="Good?"))
    # 5 (scale) + 5 (thumbs) + 8 + 3 options + 20 (short) + 40 (long)
    assert estimated_seconds(survey(scale("q"), thumbs, choice, short, open_text("o"))) == 81


def test_follow_ups_for_different_bands_count_once():
    follow_ups = [open_text(f"why_{band}", follow_up_of="q", show_for=(band,)) for band in Band]
    target = survey(scale("q"), *follow_ups)
    assert estimated_seconds(target) == 5 + 40
    everyone = survey(scale("q"), open_text("why", follow_up_of="q"))
    assert estimated_seconds(everyone) == 45


# --- scales ---------------------------------------------------------------------------------


def test_unlabelled_scale_ends_are_reported_per_end_and_language():
    nps = Question(
        "q1",
        QuestionType.NPS,
        LocalText(en="How likely…?", ja="どのくらい…？"),
        low_label=LocalText(en="Not at all likely"),
    )
    places = {(f.place.field, f.place.language) for f in fired(survey(nps), "scale-labels")}
    assert places == {
        (Field.LOW_LABEL, "ja"),
        (Field.HIGH_LABEL, "ja"),
        (Field.HIGH_LABEL, "en"),
    }


@pytest.mark.parametrize("kind", [QuestionType.THUMBS, QuestionType.SMILEY])
def test_thumbs_and_smiley_need_no_labels(kind):
    assert not fired(survey(scale("q1", kind)), "scale-labels")


def test_a_scale_running_from_good_to_bad_is_an_error():
    flipped = replace(
        scale("q1"),
        low_label=LocalText(en="Very satisfied", ja="とても満足"),
        high_label=LocalText(en="Very unsatisfied", ja="とても不満"),
    )
    found = fired(survey(flipped), "reversed-scale")
    assert {f.place.language for f in found} == {"en", "ja"}
    assert found[0].severity is Severity.ERROR
    assert not fired(survey(scale("q1")), "reversed-scale")


def test_similar_ratings_should_share_a_length_and_a_look():
    smiley3 = scale("s", QuestionType.SMILEY, points=3)
    star5 = scale("t", QuestionType.STAR)
    [length] = fired(survey(scale("c"), smiley3), "inconsistent-scales")
    assert length.severity is Severity.WARNING and length.place.qid == "s"
    assert "3" in length.message["en"] and "5" in length.message["en"]
    [look] = fired(survey(scale("c"), star5), "inconsistent-scales")
    assert look.severity is Severity.INFO
    assert not fired(survey(scale("c"), scale("d")), "inconsistent-scales")
    # NPS and CES are instruments with their own scales.
    nps = scale(
        "n",
        QuestionType.NPS,
        low_label=LocalText(en="a", ja="a"),
        high_label=LocalText(en="b", ja="b"),
    )
    assert not fired(survey(nps, scale("c")), "inconsistent-scales")


# --- question selection ---------------------------------------------------------------------


def test_sms_and_qr_surveys_over_two_minutes_warn():
    questions = [
        scale("q"),
        open_text("a"),
        open_text("b"),
        scale("r"),
        Question(
            "s", QuestionType.SHORT_TEXT, LocalText(en="Name?", ja="お名前は？"), required=False
        ),
    ]
    # 5 + 40 + 40 + 5 + 20 = 110 s: fine; 120 s is still fine; 125 s is not.
    assert estimated_seconds(survey(*questions)) == 110
    assert not fired(survey(*questions, channels=("sms",)), "survey-duration")
    assert not fired(
        survey(*questions, scale("t"), scale("u"), channels=("sms",)), "survey-duration"
    )
    longer = [*questions, scale("t"), scale("u"), scale("v")]
    [finding] = fired(survey(*longer, channels=("qr",)), "survey-duration")
    assert finding.place.qid is None
    assert "2 min 5 s" in finding.message["en"] and "2分5秒" in finding.message["ja"]
    assert not fired(survey(*longer, channels=("email",)), "survey-duration")


def test_any_survey_over_five_minutes_warns():
    many = [scale("q"), *(open_text(f"o{i}") for i in range(8))]
    assert fired(survey(*many, channels=("email",)), "survey-duration")


def test_more_than_ten_questions_warn():
    assert not fired(survey(*(scale(f"q{i}") for i in range(10))), "too-many-questions")
    [finding] = fired(survey(*(scale(f"q{i}") for i in range(11))), "too-many-questions")
    assert "11" in finding.message["en"] and "11" in finding.message["ja"]
    # Three band-specific follow-ups are one question for any respondent.
    follow_ups = [open_text(f"w{b}", follow_up_of="q0", show_for=(b,)) for b in Band]
    assert not fired(survey(*(scale(f"q{i}") for i in range(9)), *follow_ups), "too-many-questions")


def test_more_than_two_open_questions_warn_at_the_third():
    found = fired(
        survey(scale("q"), open_text("a"), open_text("b"), open_text("c")),
        "too-many-open-questions",
    )
    assert [f.place.qid for f in found] == ["c"]
    follow_ups = [open_text(f"w{b}", follow_up_of="q", show_for=(b,)) for b in Band]
    assert not fired(survey(scale("q"), *follow_ups, open_text("a")), "too-many-open-questions")


def test_a_survey_opening_with_an_open_question_warns():
    [finding] = fired(survey(open_text("a"), scale("q")), "opens-with-open-question")
    assert finding.place.qid == "a"
    assert not fired(survey(scale("q"), open_text("a")), "opens-with-open-question")


def test_required_open_questions_warn_and_name_the_bands_who_see_them():
    assert fired(survey(scale("q"), open_text("a", required=True)), "required-open-text")
    assert not fired(survey(scale("q"), open_text("a")), "required-open-text")
    short = Question("s", QuestionType.SHORT_TEXT, LocalText(en="Which dish?", ja="料理は？"))
    assert not fired(survey(scale("q"), short), "required-open-text")
    detractors = open_text("why", required=True, follow_up_of="q", show_for=(Band.DETRACTOR,))
    [finding] = fired(survey(scale("q"), detractors), "required-open-text")
    assert "detractors" in finding.message["en"] and "批判者" in finding.message["ja"]


def test_the_sms_invitation_is_counted_in_each_language():
    invitation = LocalText(
        en="Hi {name}, thanks for visiting Café Koe! Tell us how we did: {link}",
        ja="【珈琲こえ】アンケートのお願い\n{link}",
    )
    found = fired(survey(scale("q"), channels=("sms",), invitation=invitation), "sms-segments")
    by_language = {f.place.language: f for f in found}
    assert set(by_language) == {"en", "ja"}
    for finding in found:
        assert finding.severity is Severity.INFO and finding.place.field is Field.INVITATION
    assert "1 SMS segment " in by_language["en"].message["en"]
    assert "GSM-7" in by_language["en"].message["en"]
    assert (
        "UCS-2" in by_language["ja"].message["ja"] and "SMS 2通" in by_language["ja"].message["ja"]
    )
    assert not fired(survey(scale("q"), channels=("email",), invitation=invitation), "sms-segments")


def test_the_count_holds_the_opt_out_line_as_sent_to_a_japanese_number():
    """Two links of a typical public address take 110 of the 134 units of two segments:
    a sentence of thanks more pushes a Japanese invitation to three."""
    invitation = LocalText(
        ja="{name}様、珈琲こえのご利用ありがとうございました。ご感想をお聞かせください：{link}"
    )
    [finding] = fired(
        survey(scale("q"), languages=("ja",), channels=("sms",), invitation=invitation),
        "sms-segments",
    )
    assert finding.severity is Severity.WARNING
    assert "SMS 3通" in finding.message["ja"] and "3 SMS segments" in finding.message["en"]


def test_a_long_invitation_warns_and_names_what_made_it_ucs2():
    long = LocalText(en="We’d love to hear from you. " * 4 + "{link}")
    [finding] = fired(
        survey(scale("q"), languages=("en",), channels=("sms",), invitation=long), "sms-segments"
    )
    assert finding.severity is Severity.WARNING
    assert "’" in finding.message["en"] and "UCS-2" in finding.message["en"]


# --- every rule, end to end -----------------------------------------------------------------


def test_every_finding_of_every_rule_is_worded_in_both_languages():
    """Trigger the rules with one bad survey and read every message the checker writes."""
    bad = [
        Question(
            "o0", QuestionType.OPEN_TEXT, LocalText(en="Tell us anything.", ja=""), required=True
        ),
        replace(
            scale("s0"),
            text=LocalText(
                en="Rate the following: price, staff, shop.",
                ja="以下の項目をそれぞれ評価してください：価格、接客、店内",
            ),
            low_label=LocalText(),
        ),
        Question(
            "c0",
            QuestionType.SINGLE_CHOICE,
            LocalText(en="How often?", ja="頻度は？"),
            options=[
                Option("a", LocalText(en="1–5", ja="1〜5回")),
                Option("b", LocalText(en="5–10", ja="5〜10回")),
                Option("c", LocalText(en="12 or more", ja="12回以上")),
            ],
            ordered=True,
            randomize=True,
        ),
        *(scale(f"x{i}", QuestionType.SMILEY, points=3) for i in range(9)),
        open_text("o1"),
        open_text("o2"),
    ]
    target = survey(*bad, channels=("sms",), invitation=LocalText(en="x" * 400 + "{link}"))
    findings = check(target)
    assert len({f.rule_id for f in findings}) >= 12
    for finding in findings:
        for text in (finding.message, finding.fix):
            assert text["en"].strip() and text["ja"].strip(), finding.rule_id
            assert "{" not in text["en"] and "{" not in text["ja"], finding.rule_id


def test_rule_findings_carry_the_rules_id():
    r = RULES[0]
    assert isinstance(r, Rule)
    finding = r.finding(
        Place("q"),
        what=LocalText(en="question", ja="質問文"),
        language=LocalText(en="English", ja="英語"),
    )
    assert finding.rule_id == r.id and finding.severity is r.severity


def test_a_business_name_is_a_name_not_two_things():
    for company, language in (("Smith & Sons", "en"), ("山田と鈴木", "ja")):
        survey = survey_from_template("nps", languages=(language,), company=company)
        assert check(survey, business_name=company) == []
