"""Which page of a survey comes next, for a respondent without JavaScript.

``Survey.pages()`` starts a new page after each score that a follow-up is
worded by, and where branching (surveys.branching) is decided. A page whose
every question is a follow-up not asked for the band of the score given, or
off the path the answers take, is skipped; when no page is left (or an answer
ended the survey), the response is complete. The script may reveal later
pages on the first, but never past a page the path decides (``revealed``).
Also the band of the headline score, which the thank-you page is chosen by.
Pure functions of the survey and the answers: no request, no storage.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from surveys.branching import on_path
from surveys.model import Survey
from surveys.questions import Answer, Band, Question


def visible(
    survey: Survey,
    questions: Sequence[Question],
    known: Mapping[str, Answer],
    on_page: Collection[str] = (),
) -> list[Question]:
    """``questions`` less the follow-ups that the known scores leave out, and
    the questions off the path the known answers take.

    A follow-up of a score asked on the same page (``on_page``) stays: the
    script shows or hides it as the score is chosen.
    """
    reached = on_path(survey.questions, known)
    return [
        q
        for q in questions
        if q.qid in reached
        and (
            q.follow_up_of is None
            or q.follow_up_of in on_page
            or q.shown_for(survey.band_for(q, known))
        )
    ]


def revealed(pages: Sequence[Sequence[Question]], index: int) -> int:
    """The last page the script may show on page ``index``: up to the first one
    whose questions the path decides (a display condition, or a question before
    it that may end the survey), which only the server, given the answers, draws."""
    last = index
    for later in range(index + 1, len(pages)):
        decided = any(q.show_if is not None for q in pages[later]) or any(
            q.ends_if is not None for q in pages[later - 1]
        )
        if decided:
            break
        last = later
    return last


def next_page(
    survey: Survey, pages: Sequence[Sequence[Question]], index: int, known: Mapping[str, Answer]
) -> int | None:
    """The first page after ``index`` with a question to ask, or None when none is left."""
    for later in range(index + 1, len(pages)):
        if visible(survey, pages[later], known):
            return later
    return None


def resume_page(
    survey: Survey, pages: Sequence[Sequence[Question]], answers: Mapping[str, Answer]
) -> int:
    """Where a partial response goes on.

    The first page with a required question still unanswered (the first page
    itself, when only its score was kept from a first tap), else the page
    after the last one with an answer.
    """
    for index, page in enumerate(pages):
        if any(q.required and q.qid not in answers for q in visible(survey, page, answers)):
            return index
    answered = [i for i, page in enumerate(pages) if any(q.qid in answers for q in page)]
    last = answered[-1] if answered else 0
    following = next_page(survey, pages, last, answers)
    return following if following is not None else len(pages) - 1


def on_page(question: Question, page: Sequence[Question]) -> bool:
    """Whether ``question`` is asked on ``page``."""
    return any(q.qid == question.qid for q in page)


def headline_band(survey: Survey, answers: Mapping[str, Answer]) -> Band | None:
    """The band (promoter, passive, detractor) of the survey's headline score, if answered."""
    headline = survey.headline_question
    score = answers.get(headline.qid) if headline is not None else None
    if headline is None or not isinstance(score, int):
        return None
    return headline.band(score)
