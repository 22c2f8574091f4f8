"""Rules on rating scales: labelled ends, the right direction, the same length throughout."""

from __future__ import annotations

from collections.abc import Iterator

from surveys.checker.base import (
    LANGUAGE_NAMES,
    REGISTRY,
    Field,
    Finding,
    Place,
    Rule,
    Severity,
    T,
)
from surveys.checker.lexicons import LEXICONS
from surveys.model import Survey
from surveys.questions import Question, QuestionType
from surveys.text import LocalText

# Thumbs and smiley faces are their own labels.
LABELLED_TYPES = (QuestionType.NPS, QuestionType.CSAT, QuestionType.CES, QuestionType.STAR)

SCALE_LABELS = Rule(
    "scale-labels",
    Severity.WARNING,
    T("Unlabelled scale end", "尺度の端にラベルがない"),
    T(
        "The {end} end of this scale has no label in {language}.",
        "この尺度の{end}に{language}のラベルがありません。",
    ),
    T(
        "Label both ends, e.g. “Very unsatisfied” and “Very satisfied”.",
        "両端にラベルを付けてください（例：「とても不満」「とても満足」）。",
    ),
    T(
        "A graded scale needs labelled endpoints: without them, 1 may mean “bad” to one "
        "person and “best” to another, and on 0–10 people do not know which way is good. "
        "Thumbs and smiley faces are their own labels and need none.",
        "段階的な尺度には両端のラベルが必要です。ラベルがないと、「1」が「悪い」なのか「最高」なのかが"
        "人によって変わり、0〜10の尺度ではどちらが良いのか分かりません。"
        "「良い／良くない」やスマイリーは、アイコン自体がラベルなので不要です。",
    ),
)
_ENDS = {
    Field.LOW_LABEL: T("low (left)", "低い側（左端）"),
    Field.HIGH_LABEL: T("high (right)", "高い側（右端）"),
}


@REGISTRY.add(SCALE_LABELS)
def _scale_labels(survey: Survey) -> Iterator[Finding]:
    for question in survey.questions:
        if question.type not in LABELLED_TYPES:
            continue
        for language in survey.languages:
            for field, label in (
                (Field.LOW_LABEL, question.low_label),
                (Field.HIGH_LABEL, question.high_label),
            ):
                if not label.get(language, "").strip():
                    place = Place(question.qid, field, language=language)
                    yield SCALE_LABELS.finding(
                        place, end=_ENDS[field], language=LANGUAGE_NAMES[language]
                    )


REVERSED = Rule(
    "reversed-scale",
    Severity.ERROR,
    T("Scale runs the wrong way", "尺度の向きが逆"),
    T(
        "The labels run from good ({q_low}) to bad ({q_high}), but Koe counts the highest "
        "number as the best answer: every score would be read backwards.",
        "ラベルが良い方（{q_low}）から悪い方（{q_high}）の順になっていますが、Koeは最も大きい数字を"
        "最も良い回答として集計します。スコアがすべて逆に読まれてしまいます。",
    ),
    T(
        "Swap the two labels so that the scale runs from bad to good.",
        "二つのラベルを入れ替え、悪い方から良い方へ並ぶようにしてください。",
    ),
    T(
        "Similar scales should run in the same direction throughout a survey. In Koe every "
        "scale runs from the bad end (low numbers, left) to the good end (high numbers, "
        "right), which is how NPS, CSAT and CES are scored and how respondents expect them.",
        "アンケート内の似た尺度は同じ向きにそろえるべきです。Koeの尺度はすべて、悪い方（小さい数字・左）"
        "から良い方（大きい数字・右）へ並びます。NPS・CSAT・CESの集計方法も、回答者の期待もこの向きです。",
    ),
)


@REGISTRY.add(REVERSED)
def _reversed(survey: Survey) -> Iterator[Finding]:
    for question in survey.questions:
        if question.type not in LABELLED_TYPES:
            continue
        for language in survey.languages:
            low = question.low_label.get(language, "").strip()
            high = question.high_label.get(language, "").strip()
            lexicon = LEXICONS[language]
            if low and high and lexicon.polarity(low) > 0 > lexicon.polarity(high):
                place = Place(question.qid, Field.LOW_LABEL, language=language)
                yield REVERSED.finding(place, q_low=low, q_high=high)


INCONSISTENT = Rule(
    "inconsistent-scales",
    Severity.WARNING,
    T("Different scales for similar questions", "似た質問で尺度が異なる"),
    T(
        "This rating has {points} points while question {other} has {other_points}; "
        "similar questions should use the same scale.",
        "この評価は{points}段階ですが、質問{other}は{other_points}段階です。"
        "似た質問には同じ尺度を使ってください。",
    ),
    T(
        "Use the same kind of scale, with the same number of points, as question {other}.",
        "質問{other}と同じ種類・同じ段階数の尺度を使ってください。",
    ),
    T(
        "When one rating has 3 points and the next 5, respondents must re-learn the scale, "
        "and the two results cannot be compared. Satisfaction, star and smiley ratings in "
        "one survey should share a length (a warning) and preferably a look (advice). NPS "
        "(0–10) and CES (1–7) are standard instruments with their own scales and are not "
        "compared.",
        "ある評価が3段階、次が5段階だと、回答者は尺度を読み直す必要があり、結果同士も比較できません。"
        "一つのアンケート内の満足度・星・スマイリーの評価は、段階数をそろえ（警告）、できれば"
        "形式もそろえてください（アドバイス）。NPS（0〜10）とCES（1〜7）は独自の尺度を持つ標準の"
        "指標なので、比較の対象外です。",
    ),
)
RATING_TYPES = (QuestionType.CSAT, QuestionType.STAR, QuestionType.SMILEY)
_TYPE_NAMES = {
    QuestionType.CSAT: T("a satisfaction scale", "満足度の尺度"),
    QuestionType.STAR: T("stars", "星"),
    QuestionType.SMILEY: T("smiley faces", "スマイリー"),
}
_SAME_LENGTH_OTHER_LOOK = T(
    "This rating uses {kind} while question {other} uses {other_kind}; similar questions "
    "read more easily with one kind of scale.",
    "この評価は{kind}ですが、質問{other}は{other_kind}です。似た質問は一種類の尺度にそろえると"
    "答えやすくなります。",
)


def _points(question: Question) -> int:
    scale = question.scale
    return 0 if scale is None else len(scale.points)


@REGISTRY.add(INCONSISTENT)
def _inconsistent(survey: Survey) -> Iterator[Finding]:
    ratings = [
        (number, q)
        for number, q in enumerate(survey.questions, 1)
        if q.type in RATING_TYPES and q.follow_up_of is None
    ]
    if not ratings:
        return
    first_number, first = ratings[0]
    for _, question in ratings[1:]:
        place = Place(question.qid, Field.TEXT)
        if _points(question) != _points(first):
            yield INCONSISTENT.finding(
                place,
                points=_points(question),
                other=first_number,
                other_points=_points(first),
            )
        elif question.type is not first.type:
            yield INCONSISTENT.finding(
                place,
                severity=Severity.INFO,
                message=_SAME_LENGTH_OTHER_LOOK,
                kind=_TYPE_NAMES[question.type],
                other=first_number,
                other_kind=LocalText(_TYPE_NAMES[first.type]),
            )
