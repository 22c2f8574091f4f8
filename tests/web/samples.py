"""Sample surveys for the respondent-site tests and screenshots: one question of every type."""

from __future__ import annotations

from channels.links import new_slug
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey, SurveyKind, SurveyStatus
from surveys.questions import Band, Option, Question, QuestionType
from surveys.text import LocalText

BUSINESS = "Hinata Coffee"
T = LocalText

DRINKS = ["latte", "espresso", "tea", "juice", "cocoa"]


def every_type_survey(
    workspace: Workspace, *, languages: tuple[str, ...] = ("en", "ja"), follow_up: bool = False
) -> Survey:
    """An open survey with one question of every type (and, if asked, a scored follow-up)."""
    questions = [
        Question(
            "nps",
            QuestionType.NPS,
            T(
                en=f"How likely are you to recommend {BUSINESS} to a friend or colleague?",
                ja="ひなた珈琲を友人や同僚に薦める可能性はどのくらいありますか？",
            ),
            low_label=T(en="Not at all likely", ja="まったく薦めない"),
            high_label=T(en="Extremely likely", ja="ぜひ薦めたい"),
        ),
        Question(
            "csat",
            QuestionType.CSAT,
            T(
                en="How satisfied were you with your visit?",
                ja="今回のご来店にどの程度満足されましたか？",
            ),
            low_label=T(en="Very unsatisfied", ja="とても不満"),
            high_label=T(en="Very satisfied", ja="とても満足"),
        ),
        Question(
            "ces",
            QuestionType.CES,
            T(
                en="The shop made it easy for me to order.",
                ja="お店のおかげで、簡単に注文することができた。",
            ),
        ),
        Question(
            "star",
            QuestionType.STAR,
            T(en="How would you rate your coffee?", ja="コーヒーの味を評価してください。"),
        ),
        Question(
            "thumbs",
            QuestionType.THUMBS,
            T(
                en="Did you find what you were looking for?",
                ja="お探しの商品は見つかりましたか？",
            ),
        ),
        Question(
            "smiley",
            QuestionType.SMILEY,
            T(en="How did you feel about the wait?", ja="待ち時間はいかがでしたか？"),
            points=5,
        ),
        Question(
            "mood",
            QuestionType.SMILEY,
            T(en="How did you feel when you left?", ja="お帰りの際のお気持ちは？"),
            points=3,
            required=False,
        ),
        Question(
            "heard",
            QuestionType.SINGLE_CHOICE,
            T(en="How did you first hear about us?", ja="当店を最初に知ったきっかけは何ですか？"),
            options=[
                Option("friend", T(en="From a friend", ja="知人の紹介")),
                Option("street", T(en="Walking past", ja="通りがかり")),
                Option("web", T(en="On the web", ja="インターネット")),
            ],
            other_option=True,
        ),
        Question(
            "drinks",
            QuestionType.MULTIPLE_CHOICE,
            T(en="Which drinks did you order?", ja="ご注文いただいた飲み物はどれですか？"),
            options=[
                Option("latte", T(en="Latte", ja="ラテ")),
                Option("espresso", T(en="Espresso", ja="エスプレッソ")),
                Option("tea", T(en="Tea", ja="紅茶")),
                Option("juice", T(en="Juice", ja="ジュース")),
                Option("cocoa", T(en="Cocoa", ja="ココア")),
            ],
            other_option=True,
            none_option=True,
            randomize=True,
        ),
        Question(
            "store",
            QuestionType.SHORT_TEXT,
            T(en="Which store did you visit?", ja="ご来店の店舗名を教えてください。"),
            max_length=200,
        ),
        Question(
            "comment",
            QuestionType.OPEN_TEXT,
            T(
                en="Is there anything else you would like to tell us?",
                ja="その他ご意見があればお聞かせください。",
            ),
            required=False,
        ),
    ]
    if follow_up:
        questions.append(
            Question(
                "why",
                QuestionType.OPEN_TEXT,
                T(
                    en="What is the most important reason for your score?",
                    ja="そのように評価された一番の理由を教えてください。",
                ),
                required=False,
                follow_up_of="nps",
                variants={
                    Band.PROMOTER: T(
                        en="What do you like most about us?",
                        ja="特に気に入っている点を教えてください。",
                    ),
                    Band.PASSIVE: T(en="What could we do better?", ja="改善すべき点は何ですか？"),
                    Band.DETRACTOR: T(
                        en="What disappointed you the most?",
                        ja="一番ご不満だった点を教えてください。",
                    ),
                },
            )
        )
    return store_open(workspace, questions, languages)


def store_open(
    workspace: Workspace, questions: list[Question], languages: tuple[str, ...] = ("en",)
) -> Survey:
    """Store ``questions`` as an open custom survey."""
    survey = Survey(
        kind=SurveyKind.CUSTOM,
        title=T(en="Every type", ja="すべての形式"),
        questions=questions,
        languages=languages,
        slug=new_slug(),
    )
    stored = survey_store.create(workspace.db(), survey)
    assert stored.id is not None
    return survey_store.set_status(workspace.db(), stored.id, SurveyStatus.OPEN)


# A complete, valid answer to every_type_survey, as a browser posts it.
VALID: dict[str, str | list[str]] = {
    "nps": "9",
    "csat": "4",
    "ces": "6",
    "star": "5",
    "thumbs": "0",
    "smiley": "2",
    "mood": "3",
    "heard": "other",
    "heard__other": "A poster at the station",
    "drinks": ["latte", "tea"],
    "store": "Shibuya",
    "comment": "Lovely staff — 店員さんが親切でした",
}
