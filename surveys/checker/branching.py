"""Rules on branching: every condition names an earlier question and can come true.

A question shown only when an earlier answer matches (``Question.show_if``)
is lost when its condition names a question that is gone, one that comes
later, or itself through a loop of conditions; and when it can never be true
(an option code the question does not have, an empty range, a band of a
question that has no score), or every path ends the survey before it.
Questions are numbered as the designer numbers them (1, 2, …).
"""

from __future__ import annotations

from collections.abc import Iterator

from surveys.branching import Match
from surveys.checker.base import REGISTRY, Finding, Place, Rule, Severity, T
from surveys.model import Survey
from surveys.questions import Choice, Question

BAD_REFERENCE = Rule(
    "branch-bad-reference",
    Severity.ERROR,
    T("Condition on a missing or later question", "存在しない・後ろの質問への条件"),
    T(
        "This question is shown only for an answer to a question that {where}, so no "
        "respondent ever sees it.",
        "この質問は、{where}質問の回答を条件に表示されるため、誰にも表示されません。",
    ),
    T(
        "Base the condition on a question before this one, or remove the condition.",
        "この質問より前にある質問を条件にするか、条件を外してください。",
    ),
    T(
        "A respondent answers the questions in order: a question can depend only on what "
        "was already answered. A condition on a deleted question, or on one that comes "
        "later, is never met.",
        "回答者は質問に順番に答えます。表示の条件にできるのは、すでに答えた質問だけです。"
        "削除された質問や後ろにある質問を条件にすると、その条件は決して満たされません。",
    ),
)
_MISSING = T("no longer exists", "もう存在しない")
_LATER = T("comes later (question {n})", "後ろにある（質問{n}）")

LOOP = Rule(
    "branch-loop",
    Severity.ERROR,
    T("Conditions in a loop", "条件がループしている"),
    T(
        "Questions {loop} each wait for an answer to another of them, so none of them is "
        "ever shown.",
        "質問{loop}は互いの回答を条件にしているため、どれも表示されません。",
    ),
    T(
        "Base the first of them on a question before it, or remove one of the conditions.",
        "最初の質問の条件をそれより前の質問にするか、どれかの条件を外してください。",
    ),
    T(
        "A question can depend only on answers given before it. When conditions refer to "
        "each other in a circle, each question waits for another that is never shown.",
        "質問の表示条件にできるのは、それより前の回答だけです。条件が互いを参照して輪になると、"
        "どの質問も表示されない質問を待ち続けることになります。",
    ),
)

UNREACHABLE = Rule(
    "branch-unreachable",
    Severity.ERROR,
    T("No path reaches this question", "どの回答でも表示されない質問"),
    T(
        "No respondent can reach this question: {why}.",
        "この質問はどの回答者にも表示されません。{why}。",
    ),
    T(
        "Change the condition so that some answer meets it, or remove it.",
        "いずれかの回答で満たされるように条件を直すか、条件を外してください。",
    ),
    T(
        "A question no path reaches collects nothing. Usually an option was renamed or "
        "removed after the condition was set, or a range was entered backwards.",
        "どの回答でも表示されない質問からは、何も集まりません。条件を設定した後に選択肢の名前を"
        "変えたり削除したりした場合や、範囲を逆に入力した場合によく起こります。",
    ),
)
_NEVER = {
    "codes": T(
        "question {n} has none of the options its condition names",
        "条件にある選択肢は、質問{n}にはありません",
    ),
    "range": T(
        "the range {low}–{high} holds no answer of question {n}",
        "{low}〜{high}の範囲には、質問{n}で選べる回答がありません",
    ),
    "bands": T(
        "question {n} has no score, so it has no bands", "質問{n}はスコアの質問ではありません"
    ),
    "": T("its condition on question {n} is empty", "質問{n}への条件が空です"),
}
_HIDDEN_SOURCE = T(
    "it depends on question {n}, which no respondent reaches either",
    "条件にしている質問{n}も、誰にも表示されません",
)
_ENDED = T(
    "every answer to question {n} ends the survey before it",
    "質問{n}のどの回答でもアンケートがその前に終わります",
)


def _numbers(survey: Survey) -> dict[str, int]:
    return {q.qid: index + 1 for index, q in enumerate(survey.questions)}


def _loops(survey: Survey) -> list[list[str]]:
    """Each loop of conditions once, as the qids in it in survey order."""
    refers = {q.qid: q.show_if.qid for q in survey.questions if q.show_if is not None}
    found: list[list[str]] = []
    seen: set[str] = set()
    for start in refers:
        chain: list[str] = []
        qid: str | None = start
        while qid is not None and qid in refers and qid not in chain:
            chain.append(qid)
            qid = refers[qid]
        if qid in chain:
            loop = chain[chain.index(qid) :]
            if not seen & set(loop):
                seen.update(loop)
                order = _numbers(survey)
                found.append(sorted(loop, key=order.__getitem__))
    return found


@REGISTRY.add(BAD_REFERENCE)
def _bad_reference(survey: Survey) -> Iterator[Finding]:
    numbers = _numbers(survey)
    in_loops = {qid for loop in _loops(survey) for qid in loop}
    for question in survey.questions:
        condition = question.show_if
        if condition is None or question.qid in in_loops:
            continue
        if condition.qid not in numbers:
            yield BAD_REFERENCE.finding(Place(question.qid), where=_MISSING)
        elif numbers[condition.qid] >= numbers[question.qid]:
            later = T(*(_LATER[lang].format(n=numbers[condition.qid]) for lang in ("en", "ja")))
            yield BAD_REFERENCE.finding(Place(question.qid), where=later)


@REGISTRY.add(LOOP)
def _loop(survey: Survey) -> Iterator[Finding]:
    numbers = _numbers(survey)
    for loop in _loops(survey):
        names = T(
            ", ".join(str(numbers[qid]) for qid in loop),
            "・".join(str(numbers[qid]) for qid in loop),
        )
        yield LOOP.finding(Place(loop[0]), loop=names)


def _always_ends(question: Question) -> bool:
    """Whether every answer to ``question`` ends the survey (so nothing after it is asked)."""
    end = question.ends_if
    if end is None or not question.required:
        return False
    if question.is_choice:
        return all(end.holds(question, Choice((code,))) for code in question.option_codes())
    scale = question.scale
    return scale is not None and all(end.holds(question, value) for value in scale.points)


@REGISTRY.add(UNREACHABLE)
def _unreachable(survey: Survey) -> Iterator[Finding]:
    numbers = _numbers(survey)
    in_loops = {qid for loop in _loops(survey) for qid in loop}
    reached: dict[str, Question] = {}
    ender: Question | None = None
    for question in survey.questions:
        condition = question.show_if
        why = None
        if question.qid in in_loops:
            continue  # reported as a loop
        if ender is not None:
            why = _ENDED
            n = numbers[ender.qid]
        elif condition is not None:
            n = numbers.get(condition.qid, 0)
            source = survey.questions[n - 1] if n else None
            if source is None or n >= numbers[question.qid]:
                continue  # reported as a bad reference or a loop
            if source.qid not in reached:
                why = _HIDDEN_SOURCE
            elif not condition.match.possible(source):
                why = _NEVER[condition.match.kind]
        if why is None:
            reached[question.qid] = question
            if _always_ends(question):
                ender = question
            continue
        match = condition.match if condition is not None else Match()
        words = T(
            *(
                why[lang].format(n=n, low=_end(match.low), high=_end(match.high))
                for lang in ("en", "ja")
            )
        )
        yield UNREACHABLE.finding(Place(question.qid), why=words)


def _end(value: int | None) -> str:
    return "" if value is None else str(value)
