"""The respondent site: the page behind a survey's link, and where answers arrive.

Routes:
    GET/POST /s/<slug>          a survey's public link (``?src=<tag>`` names where it was shared)
    GET      /s/<slug>/thanks   shown after an answer (Post/Redirect/Get)
    GET/POST /r/<token>         a delivery's personal link; answers once
    GET      /r/<token>/thanks
    GET      /static/...        the stylesheet

Endpoints are plain ``def``: Starlette runs them on its worker threads, and
each thread uses its own SQLite connection from ``Workspace.db()``.
No IP address or user agent is read or stored; tokens are never logged whole.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from sqlite_utils import Database
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from channels.links import looks_like_token
from storage import deliveries as delivery_store
from storage import responses as response_store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.deliveries import Delivery
from storage.responses import AlreadyAnswered
from storage.workspace import Workspace
from surveys.model import Survey, SurveyStatus
from surveys.questions import AnswerError
from web.forms import FormError, clean_source, problem_key, read_form
from web.i18n import choose_language, site_language, text
from web.middleware import BodyLimitMiddleware, HeadersMiddleware
from web.pages import PAGE_HEADERS, STATIC_DIR, Site, message_page, survey_page

log = logging.getLogger(__name__)

OnResponse = Callable[[int], None]


def create_app(workspace: Workspace, *, on_response: OnResponse | None = None) -> Starlette:
    """The respondent site over ``workspace``.

    ``on_response(survey_id)`` is called after each stored response, on the
    worker thread that stored it; an exception from it is logged, never shown
    to the respondent.
    """
    endpoints = RespondentSite(workspace, on_response)
    routes = [
        Route("/s/{slug}", endpoints.public_link, methods=["GET", "POST"]),
        Route("/s/{slug}/thanks", endpoints.public_thanks, methods=["GET"]),
        Route("/r/{token}", endpoints.personal_link, methods=["GET", "POST"]),
        Route("/r/{token}/thanks", endpoints.personal_thanks, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    return Starlette(
        routes=routes,
        middleware=[
            Middleware(HeadersMiddleware),
            Middleware(BodyLimitMiddleware, site=endpoints.site),
        ],
        exception_handlers={404: _not_found_handler, 500: _server_error_handler},
    )


class RespondentSite:
    """The endpoints of the respondent site, sharing the workspace and the callback."""

    def __init__(self, workspace: Workspace, on_response: OnResponse | None) -> None:
        self.workspace = workspace
        self.on_response = on_response

    def site(self) -> Site:
        """The business's name and privacy notice, read fresh so a change shows at once."""
        return Site.from_settings(settings_store.load(self.workspace.db()))

    # --- public links ------------------------------------------------------------

    def public_link(self, request: Request) -> Response:
        db = self.workspace.db()
        survey = _live_survey(db, request.path_params["slug"])
        if survey is None:
            return _not_found(request, self.site())
        source = clean_source(request.query_params.get("src"))
        keep = {"src": source} if source else {}
        return self._survey(request, survey, keep, delivery=None, source=source)

    def public_thanks(self, request: Request) -> Response:
        survey = _live_survey(self.workspace.db(), request.path_params["slug"])
        if survey is None:
            return _not_found(request, self.site())
        return message_page(_language(request, survey), self.site(), "thanks", 200)

    # --- personal links ----------------------------------------------------------

    def personal_link(self, request: Request) -> Response:
        found = self._delivery(request.path_params["token"])
        if found is None:
            return _not_found(request, self.site())
        delivery, survey = found
        if delivery.answered:
            status = 409 if request.method == "POST" else 200
            return message_page(_language(request, survey), self.site(), "answered", status)
        return self._survey(request, survey, {}, delivery=delivery, source=None)

    def personal_thanks(self, request: Request) -> Response:
        token = request.path_params["token"]
        found = self._delivery(token)
        if found is None:
            return _not_found(request, self.site())
        delivery, survey = found
        if not delivery.answered:
            return RedirectResponse(f"/r/{token}", status_code=303)
        return message_page(_language(request, survey), self.site(), "thanks", 200)

    def _delivery(self, token: str) -> tuple[Delivery, Survey] | None:
        if not looks_like_token(token):
            return None
        db = self.workspace.db()
        delivery = delivery_store.find_by_token(db, token)
        if delivery is None:
            log.info("personal link with unknown token %s…", token[:4])
            return None
        try:
            survey = survey_store.get(db, delivery.survey_id)
        except survey_store.SurveyNotFound:
            return None
        if survey.status is SurveyStatus.DRAFT:
            return None
        return delivery, survey

    # --- the form ----------------------------------------------------------------

    def _survey(
        self,
        request: Request,
        survey: Survey,
        keep: Mapping[str, str],
        *,
        delivery: Delivery | None,
        source: str | None,
    ) -> Response:
        """Show the form (GET) or take the answer (POST) of a survey that may be open."""
        language = _language(request, survey)
        site = self.site()
        if not survey.accepts_answers(datetime.now(UTC)):
            return message_page(language, site, "closed", 410)
        page = _PageContext(survey, language, site, request.url.path, keep)
        if request.method != "POST":
            return page.render()
        return self._take_answer(request, page, delivery=delivery, source=source)

    def _take_answer(
        self,
        request: Request,
        page: _PageContext,
        *,
        delivery: Delivery | None,
        source: str | None,
    ) -> Response:
        survey, language = page.survey, page.language
        try:
            form = read_form(request)
        except FormError as error:
            log.info("unreadable answer to survey %s: %s", survey.id, error)
            return page.render(page_error=text(language, "error_unreadable"), status=400)
        try:
            answers = survey.parse_answers(form)
        except AnswerError as error:
            return page.render(values=form, errors=_explain(survey, form, error, language))
        except ValueError:
            known = {q.qid for q in survey.questions}
            kept = {name: value for name, value in form.items() if name in known}
            return page.render(values=kept, page_error=text(language, "error_unexpected_fields"))
        db = self.workspace.db()
        try:
            response_store.record(
                db, survey, answers, language=language, delivery=delivery, source=source
            )
        except AlreadyAnswered:
            return message_page(language, page.site, "answered", 409)
        assert survey.id is not None
        self._notify(survey.id)
        return RedirectResponse(
            f"{page.path}/thanks?lang={language}", status_code=303, headers=PAGE_HEADERS
        )

    def _notify(self, survey_id: int) -> None:
        if self.on_response is None:
            return
        try:
            self.on_response(survey_id)
        except Exception:
            # The answer is stored; a broken listener must not turn it into an error page.
            log.exception("on_response failed for survey %s", survey_id)


class _PageContext:
    """What it takes to draw a survey's form again: the survey, language, site and link."""

    def __init__(
        self, survey: Survey, language: str, site: Site, path: str, keep: Mapping[str, str]
    ) -> None:
        self.survey = survey
        self.language = language
        self.site = site
        self.path = path
        self.keep = keep

    def render(
        self,
        *,
        values: Mapping[str, str] | None = None,
        errors: Mapping[str, str] | None = None,
        page_error: str = "",
        status: int | None = None,
    ) -> Response:
        failed = bool(errors or page_error)
        return survey_page(
            self.survey,
            self.language,
            self.site,
            path=self.path,
            query=self.keep,
            values=values,
            errors=errors,
            page_error=page_error,
            status=status or (400 if failed else 200),
        )


def _live_survey(db: Database, slug: str) -> Survey | None:
    """The survey behind a public link, unless the link is malformed, unknown or a draft."""
    if not looks_like_token(slug):
        return None
    survey = survey_store.find_by_slug(db, slug)
    if survey is None or survey.status is SurveyStatus.DRAFT:
        return None
    return survey


def _language(request: Request, survey: Survey) -> str:
    return choose_language(
        survey.languages,
        request.query_params.get("lang"),
        request.headers.get("accept-language"),
    )


def _explain(
    survey: Survey, form: Mapping[str, str], error: AnswerError, language: str
) -> dict[str, str]:
    """A message for every question whose answer does not fit, not only the first."""
    failing = []
    for question in survey.questions:
        try:
            question.parse_answer(form.get(question.qid))
        except AnswerError:
            failing.append(question)
    if not failing:  # every question optional and none answered
        failing = [survey.question(error.qid)]
    return {
        q.qid: text(language, problem_key(q, form.get(q.qid)), max=q.max_length) for q in failing
    }


def _not_found(request: Request, site: Site) -> Response:
    language = _site_language(request)
    return message_page(language, site, "not_found", 404)


def _not_found_handler(request: Request, exc: Exception) -> Response:
    # A path the site does not have at all, e.g. a link cut short by a mail program.
    return _not_found(request, Site())


def _server_error_handler(request: Request, exc: Exception) -> Response:
    # The database may be what failed, so the page names no business.
    language = _site_language(request)
    return message_page(language, Site(), "server_error", 500)


def _site_language(request: Request) -> str:
    return site_language(request.query_params.get("lang"), request.headers.get("accept-language"))
