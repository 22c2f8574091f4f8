"""Reading a respondent's form post, and saying in words what was wrong with it.

The answers themselves are validated by ``Survey.parse_answers``; this module
only turns the raw body into fields, refuses what a browser would never send,
reads text typed under "Other" as that choice, and picks the catalogue message
for each question whose answer did not fit.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from starlette.requests import Request

from surveys.branching import on_path
from surveys.model import OTHER_SUFFIX, FormValue, Survey
from surveys.questions import (
    MAX_SHORT_TEXT_LENGTH,
    NONE,
    OTHER,
    Answer,
    AnswerError,
    Question,
    QuestionType,
)
from surveys.untrusted_text import has_control_characters
from web.i18n import text
from web.urlencoded import parse_pairs

BODY_SCOPE_KEY = "koe.body"
"""Where BodyLimitMiddleware leaves the request body it read (bytes)."""

ALL_PAGES_FIELD = "_all"  # sent by the later pages' section the script reveals
ORDER_FIELD = "_order"  # the seed of the respondent's option order
MAX_FIELDS = 200
_FORM_TYPE = "application/x-www-form-urlencoded"
_SOURCE_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class FormError(ValueError):
    """A post that is not a form a browser would send from our page."""


FormFields = dict[str, str | list[str]]


def read_form(request: Request, repeatable: Collection[str] = ()) -> FormFields:
    """The posted fields by name, or FormError for anything but a plain form.

    A name in ``repeatable`` (a multiple-choice question: one field per ticked
    box) always reads as a list; any other name sent twice is refused.
    """
    if _media_type(request) != _FORM_TYPE:
        raise FormError("not a form post")
    body = request.scope.get(BODY_SCOPE_KEY, b"")
    try:
        pairs = parse_pairs(body.decode("utf-8"), strict=bool(body), max_fields=MAX_FIELDS)
    except ValueError as error:  # UnicodeDecodeError is a ValueError too
        raise FormError(f"unreadable form: {error}") from None
    fields: FormFields = {}
    for name, value in pairs:
        if name in repeatable:
            listed = fields.setdefault(name, [])
            assert isinstance(listed, list)
            listed.append(value)
        elif name in fields:
            raise FormError(f"field {name!r} sent twice")
        else:
            fields[name] = value
    return fields


def _media_type(request: Request) -> str:
    content_type = request.headers.get("content-type", "")
    media_type, _, params = content_type.partition(";")
    charset = params.strip().lower()
    if charset and charset.replace(" ", "") not in ("charset=utf-8", 'charset="utf-8"'):
        return ""
    return media_type.strip().lower()


def clean_source(value: str | None) -> str | None:
    """A public link's ``?src=`` tag if it has the expected shape, else None.

    A misprinted tag should not stop anyone answering, so it is dropped, not refused.
    """
    if value and _SOURCE_SHAPE.match(value):
        return value
    return None


def problem_key(
    question: Question, raw: str | Sequence[str] | None, other: str | None = None
) -> tuple[str, int]:
    """The catalogue key that tells a respondent why ``raw`` did not fit ``question``.

    Returns the key and the length limit its message may name. ``other`` is
    the "please specify" text of a choice question.
    """
    picked = [raw] if isinstance(raw, str) else list(raw or ())
    picked = [value.strip() for value in picked if value.strip()]
    numbered = question.type in (QuestionType.NPS, QuestionType.CSAT, QuestionType.CES)
    if question.is_choice:
        if not picked:
            return "error_required_choice", 0
        codes = question.option_codes()
        if len(set(picked)) > 1 and question.type is QuestionType.SINGLE_CHOICE:
            return "error_choose_option", 0
        if any(code not in codes for code in picked):
            return "error_choose_option", 0
        if NONE in picked and len(set(picked)) > 1:
            return "error_none_alone", 0
        if OTHER in picked and not (other or "").strip():
            return "error_other_text", 0
        if OTHER in picked and has_control_characters(other or ""):
            return "error_control_characters", 0
        return "error_too_long", MAX_SHORT_TEXT_LENGTH
    if not picked:
        if question.is_scale:
            return ("error_required_scale" if numbered else "error_required_choice"), 0
        return "error_required_text", 0
    if question.is_scale:
        return ("error_choose_listed" if numbered else "error_choose_option"), 0
    if any(has_control_characters(value) for value in picked):
        return "error_control_characters", 0
    return "error_too_long", question.text_limit


def tick_other(questions: list[Question], form: FormFields) -> None:
    """Text typed under "Other" means "Other", even if its box was left unticked.

    A multiple-choice question gains the "other" code; a single-choice one
    only when nothing else was chosen (a different choice wins).
    """
    for q in questions:
        typed = form.get(q.qid + OTHER_SUFFIX)
        if not q.other_option or not isinstance(typed, str) or not typed.strip():
            continue
        picked = form.get(q.qid)
        if q.type is QuestionType.MULTIPLE_CHOICE:
            listed = picked if isinstance(picked, list) else []
            if OTHER not in listed:
                form[q.qid] = [*listed, OTHER]
        elif not (isinstance(picked, str) and picked.strip()):
            form[q.qid] = OTHER


def explain(
    survey: Survey,
    form: Mapping[str, FormValue],
    asked: list[Question],
    known: Mapping[str, Answer],
    error: AnswerError,
    language: str,
) -> dict[str, str]:
    """A message for every question whose answer does not fit, not only the first."""
    errors: dict[str, str] = {}
    answers = dict(known)
    for q in asked:
        if q.qid not in on_path(survey.questions, answers):
            continue
        if q.follow_up_of is not None and not q.shown_for(survey.band_for(q, answers)):
            continue
        raw = form.get(q.qid)
        other = form.get(q.qid + OTHER_SUFFIX)
        other_text = other if isinstance(other, str) else None
        try:
            value = q.parse_answer(raw, other_text)
        except AnswerError:
            key, limit = problem_key(q, raw, other_text)
            errors[q.qid] = text(language, key, max=limit)
            continue
        if value is not None:
            answers[q.qid] = value
    if not errors:  # every question optional and none answered
        first = next((q for q in asked if q.qid == error.qid), asked[0])
        key, limit = problem_key(first, None)
        errors[first.qid] = text(language, key, max=limit)
    return errors
