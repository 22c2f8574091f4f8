"""Rendering the respondent pages: the survey form and the one-message pages.

Templates and CSS are read from beside this module (never the current
directory), with autoescaping on: answers and names typed by people are shown
as text, never as markup.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.responses import HTMLResponse

from storage.settings import Settings
from surveys.model import Survey
from surveys.questions import Question
from web.i18n import CATALOGUE, text

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
# A personal link's page must not linger in a shared phone's or a proxy's cache.
PAGE_HEADERS: dict[str, str] = {**SECURITY_HEADERS, "Cache-Control": "no-store"}

_env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _css_url() -> str:
    # The content hash in the URL lets browsers keep the file for a long time
    # (see the headers middleware) and still fetch a changed one at once.
    digest = hashlib.sha256((STATIC_DIR / "koe.css").read_bytes()).hexdigest()[:10]
    return f"/static/koe.css?v={digest}"


CSS_URL = _css_url()


@dataclass(frozen=True)
class Site:
    """What every page shows about the business: its name and privacy notice."""

    business_name: str = ""
    privacy_url: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> Site:
        privacy = settings.privacy_url.strip()
        # Only a web address becomes a link: never a javascript: or data: URL.
        if not privacy.lower().startswith(("https://", "http://")):
            privacy = ""
        return cls(business_name=settings.business_name.strip(), privacy_url=privacy)


@dataclass(frozen=True)
class QuestionView:
    """One question as the template draws it, with what the respondent sent."""

    question: Question
    text: str
    low_label: str
    high_label: str
    value: str
    error: str

    @property
    def qid(self) -> str:
        return self.question.qid

    @property
    def points(self) -> list[int]:
        scale = self.question.scale
        return list(scale.points) if scale else []


def _render(
    template: str, status: int, language: str, site: Site, **context: object
) -> HTMLResponse:
    page = _env.get_template(template).render(
        lang=language,
        _=partial(text, language),
        site=site,
        css_url=CSS_URL,
        **context,
    )
    return HTMLResponse(page, status_code=status, headers=PAGE_HEADERS)


def message_page(language: str, site: Site, topic: str, status: int) -> HTMLResponse:
    """A page that says one thing: ``topic`` names ``<topic>_title``/``<topic>_body``."""
    return _render("message.html", status, language, site, topic=topic)


def survey_page(
    survey: Survey,
    language: str,
    site: Site,
    *,
    path: str,
    query: Mapping[str, str],
    values: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    page_error: str = "",
    status: int = 200,
) -> HTMLResponse:
    """The survey's form; on a failed post, with the sent values and the errors.

    ``query`` holds the parameters to keep through the post (``src``); the
    language is added here, so the answer is stored in the language shown.
    """
    values = values or {}
    errors = errors or {}
    questions = [
        QuestionView(
            question=q,
            text=q.text.get_for(language),
            low_label=q.low_label.get_for(language),
            high_label=q.high_label.get_for(language),
            value=values.get(q.qid, ""),
            error=errors.get(q.qid, ""),
        )
        for q in survey.questions
    ]
    action = f"{path}?{urlencode({**query, 'lang': language})}"
    switches = [
        (other, CATALOGUE[other]["language_name"], f"{path}?{urlencode({**query, 'lang': other})}")
        for other in survey.languages
        if other != language
    ]
    return _render(
        "survey.html",
        status,
        language,
        site,
        questions=questions,
        action=action,
        switches=switches,
        page_error=page_error,
        has_errors=bool(errors or page_error),
    )
