"""Survey templates with standard, validated wording in Japanese and English.

"{company}" in a wording is replaced by the business name when a survey is made
from the template; without a name, by a plain noun phrase that fits the kind of
business ("this shop" / 「このお店」, ``surveys.business``), never "us" / 「当社」.
The NPS, CSAT and CES wordings are the instruments' published ones; the
follow-ups ask one open question, worded by the score as Delighted and
Wootric do. Every template passes the best-practice checker without a warning
(tests/surveys/test_checker_labelled.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from surveys.business import fill_company
from surveys.model import Survey, SurveyKind
from surveys.questions import Band, Option, Question, QuestionType
from surveys.text import LocalText

T = LocalText


@dataclass(frozen=True)
class Template:
    """A starting point for a survey: its kind, name, when to use it, and questions."""

    key: str
    kind: SurveyKind
    title: LocalText
    description: LocalText
    questions: tuple[Question, ...]


NPS_LABELS = {
    "low_label": T(en="Not at all likely", ja="まったく薦めない"),
    "high_label": T(en="Extremely likely", ja="ぜひ薦めたい"),
}


def _reason(follows: str) -> Question:
    """The open follow-up, worded for promoters, passives and detractors."""
    return Question(
        qid="reason",
        type=QuestionType.OPEN_TEXT,
        text=T(
            en="What is the most important reason for your score?",
            ja="そのように評価された一番の理由を教えてください。",
        ),
        required=False,
        follow_up_of=follows,
        variants={
            Band.PROMOTER: T(
                en="What do you like most about {company}?",
                ja="{company}の特に気に入っている点を教えてください。",
            ),
            Band.PASSIVE: T(
                en="What is the one thing {company} could do better?",
                ja="{company}がもっと良くなるために、一番改善すべき点は何ですか？",
            ),
            Band.DETRACTOR: T(
                en="What disappointed you the most?",
                ja="一番ご不満だった点を教えてください。",
            ),
        },
    )


def _nps(context_en: str = "", context_ja: str = "") -> Question:
    """The standard NPS question, optionally after a phrase naming the transaction."""
    question = "how likely are you to recommend {company} to a friend or colleague?"
    return Question(
        qid="nps",
        type=QuestionType.NPS,
        text=T(
            en=f"{context_en}, {question}" if context_en else question.capitalize(),
            ja=f"{context_ja}{{company}}を友人や同僚に薦める可能性はどのくらいありますか？",
        ),
        **NPS_LABELS,
    )


def _nps_template(
    key: str, title: LocalText, description: LocalText, question: Question
) -> Template:
    return Template(key, SurveyKind.NPS, title, description, (question, _reason("nps")))


CSAT_LABELS = {
    "low_label": T(en="Very unsatisfied", ja="とても不満"),
    "high_label": T(en="Very satisfied", ja="とても満足"),
}
CES_LABELS = {
    "low_label": T(en="Strongly disagree", ja="まったくそう思わない"),
    "high_label": T(en="Strongly agree", ja="とてもそう思う"),
}

_TEMPLATES = [
    _nps_template(
        "nps",
        T(en="Net Promoter Score", ja="ネット・プロモーター・スコア"),
        T(
            en="Relationship NPS: how loyal your customers are. Ask every few months.",
            ja="関係性NPS：顧客のロイヤルティを測ります。数か月ごとに。",
        ),
        _nps(),
    ),
    _nps_template(
        "nps_purchase",
        T(en="After a purchase (NPS)", ja="購入後のNPS"),
        T(
            en="Transactional NPS, sent a day or two after an order.",
            ja="取引NPS：ご購入の1〜2日後に送ります。",
        ),
        _nps("Based on your recent purchase", "今回のご購入を踏まえて、"),
    ),
    _nps_template(
        "nps_support",
        T(en="After a support contact (NPS)", ja="サポート対応後のNPS"),
        T(
            en="Transactional NPS, sent when a support request is closed.",
            ja="取引NPS：お問い合わせの対応完了後に送ります。",
        ),
        _nps("Based on your recent support experience", "今回のサポート対応を踏まえて、"),
    ),
    Template(
        "csat",
        SurveyKind.CSAT,
        T(en="Customer satisfaction", ja="顧客満足度"),
        T(
            en="CSAT: how a visit or an order went. Ask right after it.",
            ja="CSAT：ご来店やご注文の満足度。直後に聞きます。",
        ),
        (
            Question(
                qid="csat",
                type=QuestionType.CSAT,
                text=T(
                    en="How satisfied were you with your experience with {company}?",
                    ja="{company}のご利用について、どの程度満足されましたか？",
                ),
                **CSAT_LABELS,
            ),
            _reason("csat"),
        ),
    ),
    Template(
        "csat_support",
        SurveyKind.CSAT,
        T(en="Support satisfaction", ja="サポート満足度"),
        T(
            en="When a support case closes (CSAT): how the help went.",
            ja="お問い合わせの対応完了時に（CSAT）：サポートの満足度を聞きます。",
        ),
        (
            Question(
                qid="csat",
                type=QuestionType.CSAT,
                text=T(
                    en="How satisfied were you with the support you received?",
                    ja="今回のサポート対応に、どの程度満足されましたか？",
                ),
                **CSAT_LABELS,
            ),
            _reason("csat"),
        ),
    ),
    Template(
        "ces",
        SurveyKind.CES,
        T(en="Customer effort", ja="顧客努力指標"),
        T(
            en="CES: how easy it was to get something done, such as a return.",
            ja="CES：返品などの用件がどれだけ簡単に済んだか。",
        ),
        (
            Question(
                qid="ces",
                type=QuestionType.CES,
                text=T(
                    en="{company} made it easy for me to handle my issue.",
                    ja="{company}のおかげで、用件を簡単に済ませることができた。",
                ),
                **CES_LABELS,
            ),
            _reason("ces"),
        ),
    ),
    Template(
        "ces_onboarding",
        SurveyKind.CES,
        T(en="Onboarding effort", ja="導入時の手間"),
        T(
            en="At the end of onboarding (CES): was getting started easy?",
            ja="導入完了時に（CES）：利用開始までが簡単だったかを聞きます。",
        ),
        (
            Question(
                qid="ces",
                type=QuestionType.CES,
                # CES 2.0's validated statement (Delighted's wording); "How easy was it to
                # …?" departs from it (surveys.checker: validated-wording).
                text=T(
                    en="{company} made it easy for me to get started.",
                    ja="{company}のおかげで、簡単に利用を始めることができた。",
                ),
                **CES_LABELS,
            ),
            _reason("ces"),
        ),
    ),
    Template(
        "churn_exit",
        SurveyKind.CUSTOM,
        T(en="Why are you leaving?", ja="ご解約の理由"),
        T(
            en="When a customer cancels or leaves: why they are leaving.",
            ja="解約・退会されたときに、その理由を聞きます。",
        ),
        (
            Question(
                qid="leave_reason",
                type=QuestionType.SINGLE_CHOICE,
                text=T(
                    en="What is the main reason you cancelled?",
                    ja="ご解約の一番の理由は何ですか？",
                ),
                options=[
                    Option("price", T(en="Too expensive", ja="料金が高い")),
                    Option("features", T(en="Missing features I need", ja="必要な機能がない")),
                    Option(
                        "competitor", T(en="Switched to another service", ja="他社に乗り換えた")
                    ),
                    Option("no_need", T(en="No longer needed", ja="必要がなくなった")),
                    Option("quality", T(en="Quality problems", ja="品質に問題があった")),
                ],
                other_option=True,
                randomize=True,
            ),
            Question(
                qid="win_back",
                type=QuestionType.OPEN_TEXT,
                text=T(
                    en="What could {company} have done to keep you as a customer?",
                    ja="継続していただくために、{company}にできたことは何でしょうか？",
                ),
                required=False,
            ),
        ),
    ),
    Template(
        "renewal_intent",
        SurveyKind.CUSTOM,
        T(en="Renewal intent", ja="更新のご意向"),
        T(
            en="90–120 days before a contract or membership renews: will they renew?",
            ja="契約や会員期間の更新の90〜120日前に、更新のご意向を聞きます。",
        ),
        (
            Question(
                qid="renewal",
                type=QuestionType.SINGLE_CHOICE,
                text=T(
                    en="How likely are you to renew when your plan ends?",
                    ja="プランの期間終了時に、更新される可能性はどのくらいありますか？",
                ),
                # The codes are what escalation rules and exports name: never change them.
                options=[
                    Option("unlikely", T(en="Unlikely to renew", ja="更新しない可能性が高い")),
                    Option("undecided", T(en="Undecided", ja="まだ決めていない")),
                    Option("likely", T(en="Likely to renew", ja="更新する可能性が高い")),
                ],
                ordered=True,
            ),
            Question(
                qid="renewal_reason",
                type=QuestionType.OPEN_TEXT,
                text=T(
                    en="What will your decision depend on most?",
                    ja="ご判断に最も影響するのはどのような点ですか？",
                ),
                required=False,
            ),
        ),
    ),
    Template(
        "feature_usefulness",
        SurveyKind.CUSTOM,
        T(en="Feature usefulness", ja="機能の有用性"),
        T(
            en="How useful a new feature is to the people who tried it.",
            ja="新しい機能を試した方に、その有用性を聞きます。",
        ),
        (
            Question(
                qid="usefulness",
                type=QuestionType.SINGLE_CHOICE,
                text=T(
                    en="How useful is this feature to you?",
                    ja="この機能は、あなたにとってどのくらい役に立ちますか？",
                ),
                options=[
                    Option("extremely", T(en="Extremely useful", ja="非常に役に立つ")),
                    Option("very", T(en="Very useful", ja="とても役に立つ")),
                    Option("somewhat", T(en="Somewhat useful", ja="ある程度役に立つ")),
                    Option("slightly", T(en="Slightly useful", ja="少し役に立つ")),
                    Option("not_at_all", T(en="Not at all useful", ja="まったく役に立たない")),
                ],
                ordered=True,
            ),
            Question(
                qid="improvement",
                type=QuestionType.OPEN_TEXT,
                text=T(
                    en="What would make this feature more useful to you?",
                    ja="この機能がもっと役に立つために、何が必要ですか？",
                ),
                required=False,
            ),
        ),
    ),
]

TEMPLATES: dict[str, Template] = {template.key: template for template in _TEMPLATES}


def _fill(text: LocalText, company: str, kind: str) -> LocalText:
    return LocalText(
        {lang: fill_company(value, company, kind, lang) for lang, value in text.items()}
    )


def _only(text: LocalText, languages: tuple[str, ...]) -> LocalText:
    return LocalText({lang: value for lang, value in text.items() if lang in languages})


def localise(
    question: Question, languages: tuple[str, ...], company: str, kind: str = ""
) -> Question:
    """A copy of ``question`` in ``languages`` only, with the business named (or, without
    a name, called what fits its ``kind``: see ``surveys.business``)."""

    def pick(text: LocalText) -> LocalText:
        return _fill(_only(text, languages), company, kind)

    return replace(
        question,
        text=pick(question.text),
        low_label=pick(question.low_label),
        high_label=pick(question.high_label),
        options=[Option(o.code, pick(o.text)) for o in question.options],
        variants={band: pick(text) for band, text in question.variants.items()},
    )


def survey_from_template(
    key: str,
    *,
    languages: tuple[str, ...] = ("en",),
    company: str = "",
    kind: str = "",
    title: LocalText | None = None,
) -> Survey:
    """A new draft survey made from the template named ``key``, for the business named
    ``company`` whose kind (``surveys.business.KINDS``) is ``kind``."""
    template = TEMPLATES[key]
    questions = [localise(q, languages, company, kind) for q in template.questions]
    chosen_title = title or _only(template.title, languages)
    return Survey(kind=template.kind, title=chosen_title, questions=questions, languages=languages)
