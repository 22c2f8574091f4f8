"""Editing a survey that already has answers, without corrupting what was collected.

Koe's rule is to lock what answers depend on: a question that has answers
keeps its id, its type and its scale, and keeps every option code it had. Its
wording may still be corrected (surveys.rewording says what a correction is:
a change of meaning is refused) and options may be added, and new questions may
be added anywhere. To ask something different, add a new question: it gets a
new id, so exports keep one meaning per column.

A survey that is open must keep at least one question: its link is live.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping

from surveys.model import Survey, SurveyStatus
from surveys.questions import Question, QuestionType
from surveys.rewording import compare
from surveys.text import LocalText

NO_QUESTIONS_OPEN = "an open survey needs at least one question"


class EditRefused(ValueError):
    """Changes that would corrupt collected answers; ``problems`` says which, in words."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def locked_problems(
    old: Survey,
    new: Survey,
    answered: Collection[str],
    first_wordings: Mapping[str, LocalText] | None = None,
) -> list[str]:
    """What ``new`` changes that the answered questions (by qid) of ``old`` forbid.

    ``first_wordings`` holds, by qid, the first wording answers were given to:
    a new wording must be a correction of it (surveys.rewording). Without it
    the wording ``old`` has stands in.
    """
    problems: list[str] = []
    if old.status is SurveyStatus.OPEN and not new.questions:
        problems.append(NO_QUESTIONS_OPEN)
    new_by_qid = {q.qid: q for q in new.questions}
    for before in old.questions:
        if before.qid not in answered:
            continue
        after = new_by_qid.get(before.qid)
        if after is None:
            problems.append(f"{before.qid} has answers and cannot be deleted")
            continue
        problems.extend(_question_problems(before, after))
        first = (first_wordings or {}).get(before.qid, before.text)
        if not compare(first, after.text).allowed:
            problems.append(f"{before.qid} has answers: its new wording changes its meaning")
    return problems


def _question_problems(before: Question, after: Question) -> list[str]:
    problems = []
    if after.type is not before.type:
        problems.append(f"{before.qid} has answers: its type cannot change")
    elif after.scale != before.scale:
        problems.append(f"{before.qid} has answers: its scale cannot change")
    removed = {o.code for o in before.options} - {o.code for o in after.options}
    if removed:
        problems.append(f"{before.qid} has answers: options {', '.join(sorted(removed))} must stay")
    if before.other_option and not after.other_option:
        problems.append(f'{before.qid} has answers: its "Other" option must stay')
    if before.none_option and not after.none_option:
        problems.append(f'{before.qid} has answers: its "None of these" option must stay')
    return problems


def new_qid(survey: Survey, prefix: str = "q") -> str:
    """A question id not used in ``survey``: q1, q2, …"""
    used = {q.qid for q in survey.questions}
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


def new_question(survey: Survey, kind: QuestionType) -> Question:
    """A blank question of type ``kind`` with a fresh id, in the survey's languages."""
    blank = LocalText({language: "" for language in survey.languages})
    return Question(qid=new_qid(survey), type=kind, text=blank, required=False)


# What a copy's title says it is, in each language of the survey.
COPY_SUFFIX = LocalText(en=" (copy)", ja="（コピー）")
# Kept with one survey only: a copy makes its own.
_NOT_COPIED = ("preview_token",)


def duplicate(survey: Survey) -> Survey:
    """A copy of ``survey`` to store as a new draft: same questions and settings, no
    answers, no slug yet, no end date, "(copy)" after the title in each language."""
    title = LocalText(
        {
            language: text + COPY_SUFFIX.get(language, COPY_SUFFIX["en"])
            for language, text in survey.title.items()
        }
    )
    return Survey(
        kind=survey.kind,
        title=title,
        questions=copy.deepcopy(survey.questions),
        languages=survey.languages,
        anonymous=survey.anonymous,
        disabled_rules=survey.disabled_rules,
        channels=survey.channels,
        invitation=LocalText(survey.invitation),
        heading=LocalText(survey.heading),
        intro=LocalText(survey.intro),
        thanks=LocalText(survey.thanks),
        redirect_url=survey.redirect_url,
        extra={k: copy.deepcopy(v) for k, v in survey.extra.items() if k not in _NOT_COPIED},
    )
