"""Branching: which questions a respondent meets, given the answers so far.

A question may carry a display condition (``Question.show_if``): it is asked
only when an earlier question's answer matches — any of some options, a
rating range (0–6) or a band (detractor, passive, promoter). A question may
also end the survey (``Question.ends_if``): an answer that matches it skips
every question after it. The ``path`` is the questions asked, in order, for
a given set of answers; the respondent site validates a post against it and
the checker looks for questions no path reaches.

Conditions refer only to earlier questions. One that refers to a later
question, to itself or to a missing one is never true here (the question is
not asked), and the checker reports it.

    >>> from surveys.templates import survey_from_template
    >>> survey = survey_from_template("nps")
    >>> path(survey.questions, {}) == survey.questions
    True
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from surveys.questions import Answer, Band, Choice, Question


@dataclass(frozen=True)
class Match:
    """What an answer must be: any of ``codes``, a score in ``low``–``high``, or in ``bands``.

    Exactly one kind is set; a match with none set is never true.
    """

    codes: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    bands: tuple[Band, ...] = ()

    @property
    def kind(self) -> str:
        """ "codes", "bands", "range" or "" (nothing set)."""
        if self.codes:
            return "codes"
        if self.bands:
            return "bands"
        if self.low is not None or self.high is not None:
            return "range"
        return ""

    def holds(self, question: Question, answer: Answer | None) -> bool:
        """Whether ``answer`` (to ``question``) matches."""
        kind = self.kind
        if kind == "codes":
            return isinstance(answer, Choice) and any(c in self.codes for c in answer.codes)
        if not isinstance(answer, int) or isinstance(answer, bool) or not question.is_scale:
            return False
        if kind == "bands":
            return question.band(answer) in self.bands
        if kind == "range":
            low = self.low if self.low is not None else answer
            high = self.high if self.high is not None else answer
            return low <= answer <= high
        return False

    def possible(self, question: Question) -> bool:
        """Whether some answer to ``question`` matches (an unknown option code never does)."""
        kind = self.kind
        if kind == "codes":
            return question.is_choice and any(c in question.option_codes() for c in self.codes)
        scale = question.scale
        if scale is None or not kind:
            return False
        return any(self.holds(question, value) for value in scale.points)

    def to_json(self) -> dict[str, Any]:
        if self.codes:
            return {"codes": list(self.codes)}
        if self.bands:
            return {"bands": [str(b) for b in self.bands]}
        return {"low": self.low, "high": self.high}

    @classmethod
    def from_json(cls, data: object) -> Match:
        """A match as stored (or published); ValueError for anything of the wrong shape."""
        if not isinstance(data, Mapping):
            raise ValueError("a branching match must be an object")
        codes, bands = data.get("codes", []), data.get("bands", [])
        low, high = data.get("low"), data.get("high")
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ValueError("a branching match's codes must be a list of text")
        if not isinstance(bands, list):
            raise ValueError("a branching match's bands must be a list")
        for end in (low, high):
            if end is not None and (isinstance(end, bool) or not isinstance(end, int)):
                raise ValueError("a branching range's ends must be whole numbers")
        return cls(tuple(codes), low, high, tuple(Band(b) for b in bands))


@dataclass(frozen=True)
class Condition:
    """Ask a question only when the answer to question ``qid`` matches ``match``."""

    qid: str
    match: Match

    def to_json(self) -> dict[str, Any]:
        return {"qid": self.qid, **self.match.to_json()}

    @classmethod
    def from_json(cls, data: object) -> Condition:
        if not isinstance(data, Mapping) or not isinstance(data.get("qid"), str):
            raise ValueError("a display condition must name a question")
        return cls(data["qid"], Match.from_json(data))


def has_branching(questions: Sequence[Question]) -> bool:
    """Whether any question has a display condition or ends the survey."""
    return any(q.show_if is not None or q.ends_if is not None for q in questions)


def walk(
    questions: Sequence[Question], answers: Mapping[str, Answer]
) -> Iterator[tuple[Question, bool]]:
    """Each question with whether the path given ``answers`` reaches it.

    An answer to a question off the path counts for nothing: a condition on it
    is false, and it ends nothing.
    """
    asked: dict[str, Question] = {}
    ended = False
    for question in questions:
        shown = not ended and _shows(question, asked, answers)
        yield question, shown
        if not shown:
            continue
        asked[question.qid] = question
        end = question.ends_if
        if end is not None and end.holds(question, answers.get(question.qid)):
            ended = True


def _shows(
    question: Question, asked: Mapping[str, Question], answers: Mapping[str, Answer]
) -> bool:
    condition = question.show_if
    if condition is None:
        return True
    earlier = asked.get(condition.qid)
    return earlier is not None and condition.match.holds(earlier, answers.get(earlier.qid))


def path(questions: Sequence[Question], answers: Mapping[str, Answer]) -> list[Question]:
    """The questions asked, in order, for ``answers``."""
    return [q for q, shown in walk(questions, answers) if shown]


def on_path(questions: Sequence[Question], answers: Mapping[str, Answer]) -> set[str]:
    """The ids of the questions the path given ``answers`` reaches."""
    return {q.qid for q, shown in walk(questions, answers) if shown}


def ended(questions: Sequence[Question], answers: Mapping[str, Answer]) -> bool:
    """Whether an answer on the path ends the survey."""
    reached = on_path(questions, answers)
    return any(
        q.ends_if is not None and q.qid in reached and q.ends_if.holds(q, answers.get(q.qid))
        for q in questions
    )
