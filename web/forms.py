"""Reading a respondent's form post, and saying in words what was wrong with it.

The answers themselves are validated by ``Survey.parse_answers``; this module
only turns the raw body into fields, refuses what a browser would never send,
and picks the catalogue message for a question whose answer did not fit.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from starlette.requests import Request

from surveys.questions import Question

BODY_SCOPE_KEY = "koe.body"
"""Where BodyLimitMiddleware leaves the request body it read (bytes)."""

MAX_FIELDS = 50
_FORM_TYPE = "application/x-www-form-urlencoded"
_SOURCE_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class FormError(ValueError):
    """A post that is not a form a browser would send from our page."""


def read_form(request: Request) -> dict[str, str]:
    """The posted fields by name, or FormError for anything but a plain form."""
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
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            raise FormError(f"field {name!r} sent twice")
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


def problem_key(question: Question, raw: str | None) -> str:
    """The catalogue key that tells a respondent why ``raw`` did not fit ``question``."""
    if not (raw or "").strip():
        return "error_required_scale" if question.is_scale else "error_required_text"
    if question.is_scale:
        return "error_choose_listed"
    return "error_too_long"
