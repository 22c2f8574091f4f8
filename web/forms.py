"""Reading a respondent's form post, and saying in words what was wrong with it.

The answers themselves are validated by ``Survey.parse_answers``; this module
only turns the raw body into fields, refuses what a browser would never send,
and picks the catalogue message for a question whose answer did not fit.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from urllib.parse import parse_qsl

from starlette.requests import Request

from surveys.questions import MAX_SHORT_TEXT_LENGTH, NONE, OTHER, Question, QuestionType
from surveys.untrusted_text import has_control_characters

BODY_SCOPE_KEY = "koe.body"
"""Where BodyLimitMiddleware leaves the request body it read (bytes)."""

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
        pairs = parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=bool(body),
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
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
