"""Rules on the options of choice questions: enough, distinct, exhaustive, exclusive, ordered.

A list "looks ordered" when the designer marked it ordered, or when every
option is a numeric range (ages, visits, prices): such a list is a scale and
must never be shuffled, and it needs no "Other".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

from surveys.checker import ranges
from surveys.checker.base import REGISTRY, Field, Finding, Place, Rule, Severity, T
from surveys.checker.lexicons import LEXICONS
from surveys.model import Survey
from surveys.questions import Question

TOO_FEW = Rule(
    "too-few-options",
    Severity.ERROR,
    T("Too few options", "選択肢が少なすぎる"),
    T(
        "A choice question needs at least two options; this one has {count}.",
        "選択式の質問には2つ以上の選択肢が必要です（現在{count}個）。",
    ),
    T(
        "Add the missing options, or ask a thumbs up/down or short-text question instead.",
        "足りない選択肢を追加するか、「良い／良くない」や短い自由回答の質問にしてください。",
    ),
    T(
        "With fewer than two options there is nothing to choose: every answer is the same, or "
        "lands in “Other”, and the question tells you nothing.",
        "選択肢が2つ未満では選ぶ余地がなく、回答がすべて同じになるか「その他」に集まり、"
        "何も分かりません。",
    ),
)


def _looks_ordered(question: Question) -> bool:
    if question.ordered:
        return True
    for language in {lang for o in question.options for lang in o.text}:
        texts = [o.text.get(language, "") for o in question.options]
        lexicon = LEXICONS.get(language)
        counted = [t for t in texts if lexicon is None or not lexicon.none_like(t)]
        if len(counted) >= 2 and all(ranges.parse(t) for t in counted):
            return True
    return False


@REGISTRY.add(TOO_FEW)
def _too_few(survey: Survey) -> Iterator[Finding]:
    for question in survey.questions:
        if question.is_choice and len(question.options) < 2:
            place = Place(question.qid, Field.OPTIONS)
            yield TOO_FEW.finding(place, count=len(question.options))


DUPLICATE = Rule(
    "duplicate-options",
    Severity.ERROR,
    T("Duplicate options", "重複した選択肢"),
    T(
        "Option {q_words} appears twice; answers would split between the two.",
        "選択肢{q_words}が重複しています。回答が二つに分かれてしまいます。",
    ),
    T(
        "Remove the duplicate, or reword it if it meant something else.",
        "重複を削除するか、別の意味であれば言い換えてください。",
    ),
    T(
        "Two options that say the same thing split one answer in two, and the counts of both "
        "are wrong. This includes an option that repeats the built-in “Other” or “None of "
        "these”.",
        "同じ内容の選択肢が二つあると、一つの答えが二つに分かれ、どちらの集計も正しくなくなります。"
        "組み込みの「その他」「該当なし」と同じ選択肢を追加した場合も同様です。",
    ),
)
_BUILT_IN_OTHER = frozenset({"other", "others", "その他", "そのほか", "ほか"})
_BUILT_IN_NONE = frozenset(
    {"none", "noneofthese", "noneoftheabove", "該当なし", "特になし", "どれもあてはまらない"}
)
_PUNCTUATION = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", text).casefold())


@REGISTRY.add(DUPLICATE)
def _duplicates(survey: Survey) -> Iterator[Finding]:
    for question in survey.questions:
        if not question.is_choice:
            continue
        for language in survey.languages:
            seen: set[str] = set()
            for option in question.options:
                text = option.text.get(language, "")
                key = _key(text)
                if not key:
                    continue
                built_in = (question.other_option and key in _BUILT_IN_OTHER) or (
                    question.none_option and key in _BUILT_IN_NONE
                )
                if key in seen or built_in:
                    place = Place(question.qid, Field.OPTIONS, option.code, language)
                    yield DUPLICATE.finding(place, q_words=text.strip())
                seen.add(key)


NOT_EXHAUSTIVE = Rule(
    "not-exhaustive",
    Severity.WARNING,
    T("Options may not cover every answer", "選択肢が網羅的でない"),
    T(
        "The options may not cover everyone's answer: there is no “Other” or “None of these”.",
        "選択肢ですべての回答をカバーできていない可能性があります。「その他」や「該当なし」が"
        "ありません。",
    ),
    T(
        "Turn on “Other (please specify)” or “None of these”. If the options are a complete "
        "scale, mark them as ordered.",
        "「その他（具体的に）」または「該当なし」をオンにしてください。選択肢が完全な尺度であれば、"
        "「順序あり」にしてください。",
    ),
    T(
        "Response options should be exhaustive: everyone must find an answer that fits. "
        "Without one, people pick something close, or leave, and both distort the counts. "
        "“Other (please specify)” also tells you what you did not think of. Yes/no and "
        "ordered scales are complete by themselves.",
        "選択肢は網羅的であるべきです。当てはまる答えがないと、回答者は近いものを選ぶか回答をやめてしまい、"
        "どちらも集計をゆがめます。「その他（具体的に）」からは、想定していなかった答えも分かります。"
        "「はい／いいえ」や順序のある尺度は、それだけで網羅的です。",
    ),
)


def _complete_by_itself(question: Question) -> bool:
    """Yes/no, or an option such as "Other", 「どちらも注文しない」 written by hand."""
    for language, lexicon in LEXICONS.items():
        texts = [o.text.get(language, "") for o in question.options]
        if not any(texts):
            continue
        if lexicon.yes_no(texts) or any(lexicon.none_like(t) for t in texts):
            return True
    return False


@REGISTRY.add(NOT_EXHAUSTIVE)
def _not_exhaustive(survey: Survey) -> Iterator[Finding]:
    for question in survey.questions:
        if not question.is_choice or len(question.options) < 2:
            continue
        if question.other_option or question.none_option or _looks_ordered(question):
            continue
        if not _complete_by_itself(question):
            yield NOT_EXHAUSTIVE.finding(Place(question.qid, Field.OPTIONS))


OVERLAP = Rule(
    "overlapping-options",
    Severity.ERROR,
    T("Overlapping options", "範囲が重なる選択肢"),
    T(
        "Options {q_first} and {q_second} overlap: someone whose answer is in both cannot "
        "choose, and the counts cannot be trusted.",
        "選択肢{q_first}と{q_second}の範囲が重なっています。両方に当てはまる人はどちらを選ぶべきか"
        "分からず、集計も信頼できなくなります。",
    ),
    T(
        "Make the ranges meet without sharing a value, e.g. “1–4”, “5–9”, “10 or more”.",
        "値が重ならないように範囲を区切ってください（例：「1〜4回」「5〜9回」「10回以上」）。",
    ),
    T(
        "Response options should be mutually exclusive: each answer fits exactly one option. "
        "Ranges that share an end (“1–5”, “5–10”) leave a respondent with 5 to guess.",
        "選択肢は互いに排他的であるべきです。どの答えもちょうど一つの選択肢に当てはまる必要があります。"
        "「1〜5回」「5〜10回」のように端が重なると、5回の人はどちらを選ぶか迷います。",
    ),
)
RANGE_GAP = Rule(
    "range-gap",
    Severity.WARNING,
    T("A gap between ranges", "範囲の抜け"),
    T(
        "No option covers the values between {q_first} and {q_second}.",
        "{q_first}と{q_second}の間の値に当てはまる選択肢がありません。",
    ),
    T(
        "Close the gap so that every value has exactly one option.",
        "すべての値がちょうど一つの選択肢に当てはまるよう、範囲の抜けをなくしてください。",
    ),
    T(
        "Ranges with a gap (“2–3”, “5 or more”) are not exhaustive: someone with 4 has no "
        "answer and picks a wrong one.",
        "範囲に抜けがある（「2〜3回」「5回以上」など）と網羅的ではなくなり、4回の人は当てはまらない"
        "選択肢を選ぶことになります。",
    ),
)


def _spans(question: Question, language: str) -> list[tuple[str, str, ranges.Span | None]]:
    lexicon = LEXICONS[language]
    rows = []
    for option in question.options:
        text = option.text.get(language, "").strip()
        if text and not lexicon.none_like(text):
            rows.append((option.code, text, ranges.parse(text)))
    return rows


@REGISTRY.add(OVERLAP)
def _overlap(survey: Survey) -> Iterator[Finding]:
    for question in survey.questions:
        if not question.is_choice:
            continue
        for language in survey.languages:
            rows = _spans(question, language)
            for index, (code, text, span) in enumerate(rows):
                if span is None:
                    continue
                for _, earlier_text, earlier in rows[:index]:
                    if earlier and earlier.unit == span.unit and earlier.overlaps(span):
                        place = Place(question.qid, Field.OPTIONS, code, language)
                        yield OVERLAP.finding(place, q_first=earlier_text, q_second=text)
                        break


@REGISTRY.add(RANGE_GAP)
def _gap(survey: Survey) -> Iterator[Finding]:
    for question in survey.questions:
        if not question.is_choice:
            continue
        for language in survey.languages:
            rows = _spans(question, language)
            spans = [span for _, _, span in rows if span is not None]
            # Only a list that is wholly ranges of one unit, in whole numbers, has
            # gaps to speak of: mixed lists ("Less than 1 month", "More than 1 year")
            # are compared only where their units agree.
            if len(rows) < 2 or len(spans) != len(rows):
                continue
            if len({span.unit for span in spans}) != 1 or not all(s.whole for s in spans):
                continue
            ordered = sorted(zip(spans, rows, strict=True), key=lambda pair: pair[0].low)
            for (before, (_, before_text, _)), (after, (code, text, _)) in pairwise(ordered):
                if after.first_integer > before.last_integer + 1:
                    place = Place(question.qid, Field.OPTIONS, code, language)
                    yield RANGE_GAP.finding(place, q_first=before_text, q_second=text)


RANDOMIZED_ORDERED = Rule(
    "randomized-ordered",
    Severity.ERROR,
    T("Ordered options shuffled", "順序のある選択肢のランダム表示"),
    T(
        "These options have a natural order but are set to be shown in random order.",
        "選択肢に自然な順序があるのに、ランダムな順で表示される設定になっています。",
    ),
    T("Turn off random order.", "ランダム表示をオフにしてください。"),
    T(
        "Options with a natural order (frequencies, amounts, ranges, “likely / undecided / "
        "unlikely”) are a scale; shuffled, respondents lose their bearings and pick wrongly.",
        "頻度・金額・範囲・「可能性が高い／まだ決めていない／低い」など、自然な順序のある選択肢は尺度です。"
        "順番を入れ替えると回答者が混乱し、誤った選択が増えます。",
    ),
)


@REGISTRY.add(RANDOMIZED_ORDERED)
def _randomized_ordered(survey: Survey) -> Iterator[Finding]:
    for question in survey.questions:
        if question.is_choice and question.randomize and _looks_ordered(question):
            yield RANDOMIZED_ORDERED.finding(Place(question.qid, Field.OPTIONS))


RANDOMIZE_UNORDERED = Rule(
    "randomize-unordered",
    Severity.INFO,
    T("Shuffle unordered options", "順序のない選択肢はランダム表示に"),
    T(
        "{count} options without a natural order are always shown in the same order; the "
        "first ones will be chosen more often.",
        "順序のない{count}個の選択肢が、常に同じ順番で表示されます。上にある選択肢ほど選ばれやすく"
        "なります。",
    ),
    T(
        "Turn on random order; “Other” and “None of these” stay last.",
        "ランダム表示をオンにしてください。「その他」と「該当なし」は最後に表示されたままです。",
    ),
    T(
        "People favour the first options of a list, more so on a phone where the last ones "
        "may be off screen. Showing unordered options in a random order per respondent "
        "spreads that bias evenly. Koe suggests it from four options.",
        "回答者はリストの上の方の選択肢を選びがちで、下の方が画面外になりやすいスマートフォンでは"
        "特にその傾向が強まります。順序のない選択肢を回答者ごとにランダムな順で表示すると、"
        "この偏りが均等にならされます。Koeは選択肢が4つ以上のときに提案します。",
    ),
)


def _substantive(question: Question) -> int:
    """How many options are answers, leaving out hand-written "Other"/"Neither" ones.

    Those must stay last, and Koe shuffles every option, so a list with them is
    not worth shuffling unless enough real answers remain.
    """
    return sum(
        1
        for option in question.options
        if not any(
            LEXICONS[lang].none_like(text) for lang, text in option.text.items() if lang in LEXICONS
        )
    )


@REGISTRY.add(RANDOMIZE_UNORDERED)
def _randomize_unordered(survey: Survey) -> Iterator[Finding]:
    for question in survey.questions:
        if not question.is_choice or question.randomize or _substantive(question) < 4:
            continue
        if not _looks_ordered(question):
            place = Place(question.qid, Field.OPTIONS)
            yield RANDOMIZE_UNORDERED.finding(place, count=len(question.options))
