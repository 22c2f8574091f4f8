"""The respondent site served by the real uvicorn server on a free 127.0.0.1 port."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import httpx
import pytest

from channels.links import new_slug
from storage import responses as response_store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey, SurveyKind, SurveyStatus
from surveys.questions import Band, Option, Question, QuestionType
from surveys.text import LocalText
from tests.helpers import free_port
from web.app import create_app
from web.server import EmbeddedServer

BUSINESS = "Hinata Coffee"


@dataclass
class Site:
    """A running site: an HTTP client on it, and the survey ids on_response reported."""

    client: httpx.Client
    url: str
    notified: list[int] = field(default_factory=list)


@pytest.fixture
def site(workspace: Workspace) -> Iterator[Site]:
    settings_store.save(
        workspace.db(), business_name=BUSINESS, privacy_url="https://example.com/privacy"
    )
    notified: list[int] = []
    server = EmbeddedServer(create_app(workspace, on_response=notified.append), port=free_port())
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            yield Site(client=client, url=server.url, notified=notified)
    finally:
        server.stop()


def form_action(page: str) -> str:
    """Where the page's form posts to, as a browser would read it."""
    match = re.search(r'<form[^>]*action="([^"]*)"', page)
    assert match, "the page has no form"
    return html.unescape(match.group(1))


Fields = Mapping[str, str | Sequence[str]]


def answer(client: httpx.Client, link: str, fields: Fields, **get: str) -> httpx.Response:
    """Open ``link`` and post ``fields`` through its form, like a browser."""
    page = client.get(link, params=get or None)
    assert page.status_code == 200, page.text
    return client.post(form_action(page.text), data=dict(fields))


def stored(workspace: Workspace, survey: Survey) -> list[dict[str, object]]:
    """The survey's responses as the export sees them."""
    return list(response_store.iter_rows(workspace.db(), survey))


def textarea(page: str, name: str) -> str:
    """The text a textarea shows, unescaped."""
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, f"no textarea {name}"
    return html.unescape(match.group(1))


def checked(page: str, name: str) -> list[str]:
    """The values of the radio buttons or boxes of ``name`` that are ticked."""
    return re.findall(rf'name="{name}" value="([^"]*)" checked', page)


def values_of(page: str, name: str) -> list[str]:
    """The values of the radio buttons or boxes of ``name``, in the order shown."""
    return re.findall(rf'type="(?:radio|checkbox)" name="{name}" value="([^"]*)"', page)


def text_field(page: str, name: str) -> str:
    """The text a one-line text field shows, unescaped."""
    match = re.search(rf'<input[^>]*type="text" name="{name}" value="([^"]*)"', page)
    assert match, f"no text field {name}"
    return html.unescape(match.group(1))


def question_box(page: str, qid: str) -> str:
    """The markup of one question: its fieldset, or its box for a text question."""
    match = re.search(rf'<(fieldset|div) class="q[^"]*" id="q-{qid}"[^>]*>.*?</\1>', page, re.S)
    assert match, f"no question {qid}"
    return match.group(0)


def hidden_field(page: str, name: str) -> str:
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)">', page)
    assert match, f"no hidden field {name}"
    return match.group(1)


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
