"""A survey that branches every way Koe can, shared by the branching tests.

score     NPS 0–10
low       open text, shown when score is 0–6 (a range); required
high      open text, shown when score is a promoter (a band)
visit     single choice: shop, web, phone; "phone" ends the survey
shop      short text, shown when visit is shop or web (options); required
last      open text, optional
"""

from __future__ import annotations

from surveys.branching import Condition, Match
from surveys.model import Survey, SurveyKind
from surveys.questions import Band, Option, Question, QuestionType
from surveys.text import LocalText


def _words(en: str, ja: str) -> LocalText:
    return LocalText(en=en, ja=ja)


def branching_survey(slug: str = "branching1") -> Survey:
    return Survey(
        slug=slug,
        kind=SurveyKind.NPS,
        title=_words("Branching", "分岐"),
        languages=("en", "ja"),
        questions=[
            Question(
                "score",
                QuestionType.NPS,
                _words("How likely are you to recommend us?", "おすすめしたいですか？"),
            ),
            Question(
                "low",
                QuestionType.OPEN_TEXT,
                _words("What went wrong?", "何が問題でしたか？"),
                show_if=Condition("score", Match(low=0, high=6)),
            ),
            Question(
                "high",
                QuestionType.OPEN_TEXT,
                _words("What did you like?", "何がよかったですか？"),
                required=False,
                show_if=Condition("score", Match(bands=(Band.PROMOTER,))),
            ),
            Question(
                "visit",
                QuestionType.SINGLE_CHOICE,
                _words("How did you reach us?", "どちらでご利用になりましたか？"),
                options=[
                    Option("shop", _words("In the shop", "店舗")),
                    Option("web", _words("On the web", "ウェブ")),
                    Option("phone", _words("By phone", "電話")),
                ],
                ends_if=Match(codes=("phone",)),
            ),
            Question(
                "shop",
                QuestionType.SHORT_TEXT,
                _words("Which branch?", "どの店舗ですか？"),
                show_if=Condition("visit", Match(codes=("shop", "web"))),
            ),
            Question(
                "last",
                QuestionType.OPEN_TEXT,
                _words("Anything else?", "ほかに何かありますか？"),
                required=False,
            ),
        ],
    )
