"""Survey templates with the standard, validated wording in Japanese and English.

"{company}" in a wording is replaced by the business name when a survey is made
from the template; without a name the wording falls back to "us" / "当社".
"""

from __future__ import annotations

from dataclasses import dataclass

from surveys.model import Survey, SurveyKind
from surveys.questions import Question, QuestionType
from surveys.text import LocalText

FALLBACK_COMPANY = LocalText(en="us", ja="当社")


@dataclass(frozen=True)
class Template:
    """A starting point for a survey: its kind, title and questions."""

    key: str
    kind: SurveyKind
    title: LocalText
    questions: tuple[Question, ...]


def _follow_up() -> Question:
    return Question(
        qid="reason",
        type=QuestionType.OPEN_TEXT,
        text=LocalText(
            en="What is the most important reason for your score?",
            ja="そのように評価された一番の理由を教えてください。",
        ),
        required=False,
    )


TEMPLATES: dict[str, Template] = {
    "nps": Template(
        key="nps",
        kind=SurveyKind.NPS,
        title=LocalText(en="Net Promoter Score", ja="ネット・プロモーター・スコア"),
        questions=(
            Question(
                qid="nps",
                type=QuestionType.NPS,
                text=LocalText(
                    en="How likely are you to recommend {company} to a friend or colleague?",
                    ja="{company}を友人や同僚に薦める可能性はどのくらいありますか？",
                ),
                low_label=LocalText(en="Not at all likely", ja="まったく薦めない"),
                high_label=LocalText(en="Extremely likely", ja="ぜひ薦めたい"),
            ),
            _follow_up(),
        ),
    ),
    "csat": Template(
        key="csat",
        kind=SurveyKind.CSAT,
        title=LocalText(en="Customer satisfaction", ja="顧客満足度"),
        questions=(
            Question(
                qid="csat",
                type=QuestionType.CSAT,
                text=LocalText(
                    en="How satisfied were you with your experience with {company}?",
                    ja="{company}のご利用について、どの程度満足されましたか？",
                ),
                low_label=LocalText(en="Very unsatisfied", ja="とても不満"),
                high_label=LocalText(en="Very satisfied", ja="とても満足"),
            ),
            _follow_up(),
        ),
    ),
    "ces": Template(
        key="ces",
        kind=SurveyKind.CES,
        title=LocalText(en="Customer effort", ja="顧客努力指標"),
        questions=(
            Question(
                qid="ces",
                type=QuestionType.CES,
                text=LocalText(
                    en="{company} made it easy for me to handle my issue.",
                    ja="{company}のおかげで、用件を簡単に済ませることができた。",
                ),
                low_label=LocalText(en="Strongly disagree", ja="まったくそう思わない"),
                high_label=LocalText(en="Strongly agree", ja="とてもそう思う"),
            ),
            _follow_up(),
        ),
    ),
}


def _fill(text: LocalText, company: LocalText) -> LocalText:
    return LocalText(
        {
            lang: value.replace("{company}", company.get(lang) or FALLBACK_COMPANY[lang])
            for lang, value in text.items()
        }
    )


def _only(text: LocalText, languages: tuple[str, ...]) -> LocalText:
    return LocalText({lang: value for lang, value in text.items() if lang in languages})


def survey_from_template(
    key: str,
    *,
    languages: tuple[str, ...] = ("en",),
    company: str = "",
    title: LocalText | None = None,
) -> Survey:
    """A new draft survey made from the template named ``key``."""
    template = TEMPLATES[key]
    company_text = LocalText(en=company, ja=company) if company else FALLBACK_COMPANY
    questions = [
        Question(
            qid=q.qid,
            type=q.type,
            text=_fill(_only(q.text, languages), company_text),
            required=q.required,
            low_label=_only(q.low_label, languages),
            high_label=_only(q.high_label, languages),
            max_length=q.max_length,
        )
        for q in template.questions
    ]
    chosen_title = title or _only(template.title, languages)
    return Survey(kind=template.kind, title=chosen_title, questions=questions, languages=languages)
