"""A survey's public link, ``/s/<slug>``: anyone may answer, as often as they like.

Routes (``create_app`` wires them):
    GET/POST /s/<slug>                  the survey (``?src=<tag>`` names where the link
                                        was shared; a misprinted tag is dropped)
    GET/POST /s/<slug>/next/<resume>    the next page of a response begun there
    GET      /s/<slug>/thanks           shown after an answer (Post/Redirect/Get)
    POST     /s/<slug>/score            the page's script: the score the person tapped,
                                        kept at once as a partial response (web.one_tap)

A draft's slug, or one that is malformed or unknown, is a 404. Posts are rate
limited per client address (web.ratelimit, through web.protection); the page
flow itself is web.answering's.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from channels.links import looks_like_token, new_token
from surveys.model import Survey, SurveyStatus
from surveys.questions import AnswerError
from web.answering import Answering, Visit, band_asked
from web.csrf import FIELD as CSRF_FIELD
from web.errors import not_found, page_language
from web.forms import FormError, clean_source, read_form
from web.i18n import choose_language
from web.one_tap import BEGUN_FIELD, beacon_reply, tapped_score
from web.pages import thanks_page
from web.protection import too_many_page
from web.survey_page import new_seed

log = logging.getLogger(__name__)


class PublicLinks:
    """The endpoints of ``/s/<slug>`` (or of ``prefix``/<slug>: the embed, web.embed)."""

    def __init__(self, answering: Answering, prefix: str = "/s") -> None:
        self.answering = answering
        self.workspace = answering.workspace
        self.prefix = prefix

    def link(self, request: Request) -> Response:
        slug = request.path_params["slug"]
        refused = self._too_many(request, slug)
        if refused is not None:
            return refused
        survey = self._live_survey(slug)
        if survey is None:
            return not_found(request, self.answering.site())
        source = clean_source(request.query_params.get("src"))
        visit = Visit(
            survey,
            _language(request, survey),
            self.answering.site(),
            f"{self.prefix}/{slug}",
            keep={"src": source} if source else {},
            source=source,
            seed=new_seed(),
            begun=new_token(),
        )
        return self.answering.page(request, visit)

    def next(self, request: Request) -> Response:
        slug = request.path_params["slug"]
        refused = self._too_many(request, slug)
        if refused is not None:
            return refused
        survey = self._live_survey(slug)
        partial = self.answering.partial(request, survey, delivery=None)
        if survey is None or partial is None:
            return not_found(request, self.answering.site())
        return self.answering.next_page(request, survey, partial, f"{self.prefix}/{slug}")

    def thanks(self, request: Request) -> Response:
        survey = self._live_survey(request.path_params["slug"])
        if survey is None:
            return not_found(request, self.answering.site())
        return thanks_page(
            _language(request, survey),
            self.answering.site(),
            band_asked(request),
            survey=survey,
            can_follow_up=False,
        )

    def score(self, request: Request) -> Response:
        """The script's beacon: the score tapped, kept at once (web.one_tap).

        Rate limited and guarded against forgery like the form's post; the
        page's ``_begun`` token names the one partial response that every
        tap of this page changes.
        """
        slug = request.path_params["slug"]
        refused = self._too_many(request, slug)
        if refused is not None:
            return refused
        survey = self._live_survey(slug)
        if survey is None:
            return beacon_reply(kept=False, status=404)
        try:
            form = read_form(request)
        except FormError:
            return beacon_reply(kept=False, status=400)
        scope = f"{self.prefix}/{slug}"
        if not self.answering.protection.check(request, scope, form.pop(CSRF_FIELD, None)):
            return beacon_reply(kept=False, status=403)
        begun = form.get(BEGUN_FIELD)
        if not isinstance(begun, str) or not looks_like_token(begun):
            return beacon_reply(kept=False, status=400)
        try:
            answers = tapped_score(survey, form)
        except AnswerError:
            return beacon_reply(kept=False, status=400)
        if answers is None or not survey.accepts_answers(datetime.now(UTC)):
            return beacon_reply(kept=False)
        assert survey.id is not None
        language = _language(request, survey)
        source = clean_source(request.query_params.get("src"))
        return self.answering.keep_tap(
            survey, answers, resume_token=begun, language=language, source=source
        )

    def _live_survey(self, slug: str) -> Survey | None:
        """The survey behind a public link, unless the link is malformed, unknown or a draft."""
        if not looks_like_token(slug):
            return None
        survey = self.answering.survey_by_slug(slug)
        if survey is None or survey.status is SurveyStatus.DRAFT:
            return None
        return survey

    def _too_many(self, request: Request, slug: str) -> Response | None:
        """A 429 page when this address posts to public links too often (POSTs only)."""
        if request.method != "POST":
            return None
        wait = self.answering.protection.wait(request, self.answering.settings())
        if not wait:
            return None
        language = page_language(request)
        keep = {"src": request.query_params.get("src", ""), "lang": language}
        back = f"{self.prefix}/{slug}?{urlencode({k: v for k, v in keep.items() if v})}"
        return too_many_page(language, self.answering.site(), back, wait)


def _language(request: Request, survey: Survey) -> str:
    return choose_language(
        survey.languages,
        request.query_params.get("lang"),
        request.headers.get("accept-language"),
    )
