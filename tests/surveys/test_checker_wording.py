"""The wording rules, one by one: what triggers each and what must not."""

from __future__ import annotations

import pytest

from surveys.checker import Field, Finding, Severity, check
from surveys.model import Survey, SurveyKind
from surveys.questions import Band, Option, Question, QuestionType
from surveys.text import LocalText

CSAT_LABELS = {
    "low_label": LocalText(en="Very unsatisfied", ja="とても不満"),
    "high_label": LocalText(en="Very satisfied", ja="とても満足"),
}


def one(kind: QuestionType, text: str, language: str, **more: object) -> Survey:
    """A survey in ``language`` of one labelled question worded ``text``."""
    labels = CSAT_LABELS if kind in (QuestionType.CSAT, QuestionType.STAR) else {}
    if kind is QuestionType.NPS:
        labels = {
            "low_label": LocalText(en="Not at all likely", ja="まったく薦めない"),
            "high_label": LocalText(en="Extremely likely", ja="ぜひ薦めたい"),
        }
    question = Question("q1", kind, LocalText({language: text}), **{**labels, **more})  # type: ignore[arg-type]
    return Survey(SurveyKind.CUSTOM, LocalText(en="t"), [question], languages=(language,))


def fired(survey: Survey, rule_id: str) -> list[Finding]:
    return [f for f in check(survey) if f.rule_id == rule_id]


# --- empty-text -----------------------------------------------------------------------------


def test_missing_translation_is_an_error_in_that_language_only():
    question = Question(
        "q1",
        QuestionType.CSAT,
        LocalText(en="How satisfied were you with your visit?"),
        **CSAT_LABELS,  # type: ignore[arg-type]
    )
    survey = Survey(SurveyKind.CSAT, LocalText(en="t"), [question], languages=("ja", "en"))
    [finding] = fired(survey, "empty-text")
    assert finding.severity is Severity.ERROR
    assert (finding.place.qid, finding.place.field, finding.place.language) == (
        "q1",
        Field.TEXT,
        "ja",
    )
    assert "Japanese" in finding.message["en"] and "日本語" in finding.message["ja"]


def test_missing_option_and_variant_translations_point_at_them():
    question = Question(
        "q1",
        QuestionType.SINGLE_CHOICE,
        LocalText(en="Which plan are you on?", ja="ご利用中のプランはどれですか？"),
        options=[
            Option("basic", LocalText(en="Basic", ja="ベーシック")),
            Option("pro", LocalText(en="Pro")),
        ],
        other_option=True,
    )
    follow = Question(
        "q2",
        QuestionType.OPEN_TEXT,
        LocalText(en="Why?", ja="理由を教えてください。"),
        required=False,
        follow_up_of="q0",
        variants={Band.DETRACTOR: LocalText(en="What went wrong?")},
    )
    score = Question("q0", QuestionType.THUMBS, LocalText(en="Was it good?", ja="良かったですか？"))
    survey = Survey(
        SurveyKind.CUSTOM, LocalText(en="t"), [score, question, follow], languages=("ja", "en")
    )
    places = {f.place for f in fired(survey, "empty-text")}
    assert {(p.qid, p.field, p.option, p.language, p.band) for p in places} == {
        ("q1", Field.OPTIONS, "pro", "ja", None),
        ("q2", Field.TEXT, None, "ja", Band.DETRACTOR),
    }


def test_an_invitation_missing_in_one_language_is_a_warning():
    survey = one(QuestionType.THUMBS, "Was it good?", "en")
    survey.languages = ("ja", "en")
    survey.questions[0].text["ja"] = "良かったですか？"
    survey.channels = ("sms",)
    survey.invitation = LocalText(en="Tell us how we did: {link}")
    [finding] = fired(survey, "empty-text")
    assert finding.severity is Severity.WARNING
    assert (finding.place.field, finding.place.language) == (Field.INVITATION, "ja")


# --- long-wording ---------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "unit", "limit"), [("en", "a", 140), ("ja", "あ", 70)])
def test_long_wording_limit_per_language(language, unit, limit):
    ending = "?" if language == "en" else "？"
    at_limit = one(QuestionType.OPEN_TEXT, unit * (limit - 1) + ending, language)
    over = one(QuestionType.OPEN_TEXT, unit * limit + ending, language)
    assert not fired(at_limit, "long-wording")
    [finding] = fired(over, "long-wording")
    assert str(limit + 1) in finding.message["en"] and str(limit) in finding.message["ja"]


# --- indirect-question ----------------------------------------------------------------------

INDIRECT = [
    ("en", QuestionType.CSAT, "Rate your satisfaction with today's visit."),
    ("en", QuestionType.STAR, "Please rate our service."),
    ("en", QuestionType.SMILEY, "Your visit today"),
    ("en", QuestionType.NPS, "Tell us how likely you are to recommend us."),
    ("ja", QuestionType.CSAT, "満足度を評価してください。"),
    ("ja", QuestionType.STAR, "当店のサービスに点数をつけてください。"),
    ("ja", QuestionType.SMILEY, "本日のご体験"),
]
DIRECT = [
    ("en", QuestionType.CSAT, "How satisfied were you with your visit today?"),
    ("en", QuestionType.STAR, "How would you rate the taste of your meal?"),
    ("en", QuestionType.CES, "Café Koe made it easy for me to handle my issue."),
    ("en", QuestionType.OPEN_TEXT, "Please tell us more."),
    ("ja", QuestionType.CSAT, "本日のご来店に、どの程度満足されましたか？"),
    ("ja", QuestionType.STAR, "お料理の味を、どのように評価されますか？"),
    ("ja", QuestionType.CES, "珈琲こえのおかげで、用件を簡単に済ませることができた。"),
    ("ja", QuestionType.OPEN_TEXT, "理由を教えてください。"),
]


@pytest.mark.parametrize(("language", "kind", "text"), INDIRECT)
def test_indirect_questions_are_flagged(language, kind, text):
    [finding] = fired(one(kind, text, language), "indirect-question")
    assert finding.place.language == language and finding.place.field is Field.TEXT


@pytest.mark.parametrize(("language", "kind", "text"), DIRECT)
def test_direct_questions_and_the_ces_statement_pass(language, kind, text):
    assert not fired(one(kind, text, language), "indirect-question")


# --- double-barrelled -----------------------------------------------------------------------

DOUBLE = [
    ("en", "How satisfied were you with the price and the quality?", "price and the quality"),
    ("en", "How satisfied were you with the speed and friendliness of our staff?", None),
    ("en", "How satisfied are you with our food & drinks?", None),
    ("en", "How would you rate our delivery times as well as our packaging?", None),
    ("ja", "価格と品質に、どの程度満足されましたか？", "価格と品質"),
    ("ja", "スピードや対応に、どの程度満足されましたか？", "スピードや対応"),
    ("ja", "お部屋の清潔さと快適さを、どのように評価されますか？", "清潔さと快適さ"),
    ("ja", "お料理・お飲み物に、どの程度満足されましたか？", None),
    ("ja", "配送のスピードおよび梱包に、どの程度満足されましたか？", "および"),
    ("ja", "料理、サービス、雰囲気に、どの程度満足されましたか？", None),
    ("ja", "お会計は早くて簡単でしたか？", None),
    ("ja", "担当者は親切で、技術も確かでしたか？", None),
]
SINGLE = [
    ("en", "How likely are you to recommend us to a friend or colleague?"),
    ("en", "How easy was it to understand our terms and conditions?"),
    ("en", "How did you like the rock and roll night?"),
    ("en", "Was there enough salt and pepper on the table?"),
    ("en", "Did you use the friends and family discount?"),
    ("en", "What would make you come and visit us more often?"),
    ("en", "How satisfied were you with the time between booking and your appointment?"),
    ("en", "How many visits did you make, between 1 and 5?"),
    ("en", "Which feature do you use most, and why?"),
    ("ja", "当社を友人や同僚に薦める可能性はどのくらいありますか？"),
    ("ja", "また当店をご利用になりたいと思いますか？"),
    ("ja", "この価格は適正だとお考えですか？"),
    ("ja", "前回のご来店と比べて、今回のサービスにどの程度満足されましたか？"),
    ("ja", "本日はご家族と一緒にご来店されましたか？"),
    ("ja", "スタッフと話しやすかったですか？"),
    ("ja", "コーヒーと紅茶では、どちらをよく注文されますか？"),
    ("ja", "その他、ご意見・ご感想があればご自由にお書きください。"),
    ("ja", "もっと良くなるために、何が必要ですか？"),
    ("ja", "ネット・プロモーター・スコアをご存じですか？"),
]


@pytest.mark.parametrize(("language", "text", "words"), DOUBLE)
def test_two_things_at_once_are_flagged(language, text, words):
    [finding] = fired(one(QuestionType.CSAT, text, language), "double-barrelled")
    assert finding.severity is Severity.WARNING
    if words:
        assert words in finding.message["en"] and words in finding.message["ja"]


@pytest.mark.parametrize(("language", "text"), SINGLE)
def test_one_thing_is_not_flagged(language, text):
    assert not fired(one(QuestionType.OPEN_TEXT, text, language), "double-barrelled")


# --- leading --------------------------------------------------------------------------------

LEADING = [
    ("en", QuestionType.CSAT, "How satisfied were you with our amazing new menu?"),
    ("en", QuestionType.THUMBS, "Don't you agree that our new app is easier?"),
    ("en", QuestionType.THUMBS, "Wouldn't you say our staff are friendly?"),
    ("en", QuestionType.THUMBS, "The new website is faster, isn't it?"),
    ("en", QuestionType.STAR, "How much did you enjoy your massage?"),
    ("en", QuestionType.THUMBS, "Should we open earlier on weekdays?"),
    ("en", QuestionType.THUMBS, "Could our staff have been more helpful?"),
    ("en", QuestionType.CSAT, "How do you feel about our new opening hours?"),
    ("en", QuestionType.OPEN_TEXT, "What did you love most about your stay?"),
    (
        "en",
        QuestionType.CSAT,
        "Most of our customers love the loyalty card. How satisfied are you?",
    ),
    ("ja", QuestionType.THUMBS, "新しいアプリの方が使いやすいと思いませんか？"),
    ("ja", QuestionType.THUMBS, "スタッフはいつも親切ですよね？"),
    ("ja", QuestionType.THUMBS, "新しいサイトは速くなったでしょう？"),
    ("ja", QuestionType.CSAT, "素晴らしいサービスに、どの程度満足されましたか？"),
    ("ja", QuestionType.STAR, "マッサージをどのくらい楽しめましたか？"),
    ("ja", QuestionType.THUMBS, "日曜も営業すべきだと思いますか？"),
    ("ja", QuestionType.CSAT, "多くのお客様にご好評の新メニューに、どの程度満足されましたか？"),
]
NEUTRAL = [
    ("en", QuestionType.OPEN_TEXT, "What could we do better?"),
    ("en", QuestionType.OPEN_TEXT, "What should we add to our menu?"),
    ("en", QuestionType.OPEN_TEXT, "How did you feel when you left?"),
    ("en", QuestionType.CSAT, "How satisfied were you with your haircut?"),
    ("en", QuestionType.SINGLE_CHOICE, "How many people are in your household?"),
    ("en", QuestionType.OPEN_TEXT, "What do you like most about Café Koe?"),
    ("ja", QuestionType.OPEN_TEXT, "当社がもっと良くなるために、一番改善すべき点は何ですか？"),
    ("ja", QuestionType.OPEN_TEXT, "継続していただくために、当社にできたことは何でしょうか？"),
    ("ja", QuestionType.CSAT, "お料理のおいしさに、どの程度満足されましたか？"),
    ("ja", QuestionType.THUMBS, "ご不便はありませんでしたか？"),
    ("ja", QuestionType.THUMBS, "また当店をご利用になりたいと思いますか？"),
]


@pytest.mark.parametrize(("language", "kind", "text"), LEADING)
def test_leading_wording_is_flagged(language, kind, text):
    assert fired(one(kind, text, language), "leading")


@pytest.mark.parametrize(("language", "kind", "text"), NEUTRAL)
def test_neutral_wording_passes(language, kind, text):
    assert not fired(one(kind, text, language), "leading")


def test_leading_wording_in_a_follow_up_variant_names_the_band():
    score = Question("nps", QuestionType.THUMBS, LocalText(en="Was it good?"))
    follow = Question(
        "why",
        QuestionType.OPEN_TEXT,
        LocalText(en="Why?"),
        required=False,
        follow_up_of="nps",
        variants={Band.PROMOTER: LocalText(en="What did you love about our amazing staff?")},
    )
    survey = Survey(SurveyKind.CUSTOM, LocalText(en="t"), [score, follow])
    [finding] = fired(survey, "leading")
    assert (finding.place.qid, finding.place.band) == ("why", Band.PROMOTER)


# --- double-negative and grid ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "flagged"),
    [
        ("en", "Was the waiting room not uncomfortable?", True),
        ("en", "Do you not disagree with the new prices?", True),
        ("en", "Was the waiting room comfortable?", False),
        ("en", "Was anything not clear?", False),
        ("ja", "待合室は快適でなくはなかったですか？", True),
        ("ja", "料金に不満がないわけではありませんか？", True),
        ("ja", "待合室は快適でしたか？", False),
    ],
)
def test_double_negatives(language, text, flagged):
    assert bool(fired(one(QuestionType.THUMBS, text, language), "double-negative")) is flagged


@pytest.mark.parametrize(
    ("language", "kind", "text", "flagged"),
    [
        ("en", QuestionType.STAR, "Please rate the following: price, quality, service.", True),
        ("en", QuestionType.CSAT, "How satisfied are you with each of the following?", True),
        ("en", QuestionType.CSAT, "How satisfied were you? Staff, prices, hours", True),
        ("en", QuestionType.MULTIPLE_CHOICE, "Which of the following did you use?", False),
        ("en", QuestionType.CSAT, "How satisfied were you with our staff?", False),
        ("ja", QuestionType.STAR, "以下の項目をそれぞれ評価してください：価格、品質、接客", True),
        ("ja", QuestionType.CSAT, "次の各項目について、どの程度満足されましたか？", True),
        (
            "ja",
            QuestionType.MULTIPLE_CHOICE,
            "次のうち、ご利用になったものをお選びください。",
            False,
        ),
        ("ja", QuestionType.CSAT, "次回のご来店に、どの程度期待されていますか？", False),
    ],
)
def test_grids_in_disguise(language, kind, text, flagged):
    more = {}
    if kind is QuestionType.MULTIPLE_CHOICE:
        more = {
            "options": [
                Option("a", LocalText({language: "A"})),
                Option("b", LocalText({language: "B"})),
            ],
            "none_option": True,
        }
    survey = one(kind, text, language, **more)
    found = fired(survey, "grid")
    assert bool(found) is flagged
    if flagged:
        # The grid explains it; the same words are not also reported as double-barrelled.
        assert not fired(survey, "double-barrelled")


def test_the_grid_help_says_koe_has_none_and_why():
    from surveys.checker import rule

    help_text = rule("grid").help
    assert "no grids or matrices" in help_text["en"]
    assert "straight-line" in help_text["en"] and "phone" in help_text["en"]
    assert "グリッド" in help_text["ja"] and "スマートフォン" in help_text["ja"]


# --- validated-wording ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "kind", "text", "standard"),
    [
        (
            "en",
            QuestionType.NPS,
            "Would you recommend us to your friends?",
            "How likely are you to recommend this business to a friend or colleague?",
        ),
        (
            "en",
            QuestionType.CSAT,
            "How happy were you with your order?",
            "How satisfied were you with your experience with this business?",
        ),
        (
            "en",
            QuestionType.CES,
            "How easy was it to return your item?",
            "This business made it easy for me to handle my issue.",
        ),
        (
            "ja",
            QuestionType.NPS,
            "当店を他の人にすすめたいですか？",
            "このお店を友人や同僚に薦める可能性はどのくらいありますか？",
        ),
        (
            "ja",
            QuestionType.CSAT,
            "ご注文の商品は気に入っていただけましたか？",
            "このお店のご利用について、どの程度満足されましたか？",
        ),
    ],
)
def test_non_standard_instrument_wording_gets_the_standard_as_fix(language, kind, text, standard):
    [finding] = fired(one(kind, text, language), "validated-wording")
    assert finding.severity is Severity.INFO
    assert finding.place.language == language
    assert standard in finding.fix["en"] and standard in finding.fix["ja"]


@pytest.mark.parametrize(
    ("language", "kind", "text"),
    [
        (
            "en",
            QuestionType.NPS,
            "How likely are you to recommend Hana Salon to a friend or colleague?",
        ),
        (
            "en",
            QuestionType.NPS,
            "Based on your recent visit, how likely are you to recommend "
            "Hana Salon to a friend or colleague?",
        ),
        ("en", QuestionType.CSAT, "How satisfied were you with your haircut today?"),
        ("en", QuestionType.CES, "Hana Salon made it easy for me to book an appointment."),
        (
            "ja",
            QuestionType.NPS,
            "今回のご来店を踏まえて、ハナ美容室を友人や同僚に薦める可能性はどのくらいありますか？",
        ),
        ("ja", QuestionType.CSAT, "本日のカットに、どの程度満足されましたか？"),
        ("ja", QuestionType.CES, "ハナ美容室のおかげで、簡単に予約を取ることができた。"),
        ("en", QuestionType.STAR, "Would you recommend us?"),  # not an instrument
    ],
)
def test_standard_wording_with_any_business_and_transaction_passes(language, kind, text):
    assert not fired(one(kind, text, language), "validated-wording")
