"""The respondent site: the page behind a survey's link, and where answers arrive.

Routes:
    GET/POST /s/<slug>                  a survey's public link (``?src=<tag>`` names where
                                        it was shared)
    GET/POST /s/<slug>/next/<resume>    the next page of a response begun there
    GET      /s/<slug>/thanks           shown after an answer (Post/Redirect/Get)
    GET/POST /r/<token>                 a delivery's personal link; answers once
    GET/POST /r/<token>/next/<resume>
    GET      /r/<token>/thanks
    POST     /r/<token>/opened          the page's script: a person opened the link (and
                                        the score chosen, kept as a partial response)
    GET/POST /u/<token>                 unsubscribe from the delivery's channel (web.unsubscribe)
    GET/POST /preview/<token>           the designer's preview of a survey in any status;
                                        stores nothing (web.preview)
    GET      /static/...                the stylesheet and the script

A survey with a follow-up worded by a score has more than one page
(``Survey.pages()``). Without JavaScript the first page's post stores a
partial response (it counts at once) and redirects to the next page, whose
link carries the response's resume token (``?page=`` says which page); the
last page completes it. With JavaScript (static/koe.js) the later pages are
revealed on the first, the follow-ups worded as the score is chosen, and one
post stores the complete response: a post that holds a later page's field (or
``_all``, which the script's section sends) is validated against every page.

A personal link visited again while its response is partial goes on at the
next page. ``/r/<token>?score=9`` (a score link in an email) opens the page
with 9 chosen; a GET or HEAD never stores anything nor counts as "opened",
because mail scanners fetch every link, and security sandboxes load the page
and click around in it. The score is kept when the person chooses a score on
the page (the script's beacon, on a click the browser marks as the person's,
never a script's) or posts the form; any such click or key press of theirs
counts as "opened". Visited while partial through a score link naming another
score (the person clicked a second button in the email), the first page comes
back with that score chosen, and their choosing a score or posting replaces
the one begun.

Every form post carries an anti-forgery token (web.csrf); posts to public
links are rate limited per client address (web.ratelimit). Endpoints are
plain ``def``: Starlette runs them on its worker threads, and each thread
uses its own SQLite connection from ``Workspace.db()``. No IP address or user
agent is stored (the rate limit keeps addresses in memory for a minute);
tokens are never logged whole.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import urlencode

from sqlite_utils import Database
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from channels.links import looks_like_token, new_token
from storage import deliveries as delivery_store
from storage import responses as response_store
from storage import settings as settings_store
from storage import site_keys
from storage import surveys as survey_store
from storage.database import write_refused
from storage.deliveries import Delivery
from storage.responses import AlreadyAnswered, OpenResponse
from storage.workspace import Workspace
from surveys.model import OTHER_SUFFIX, FormValue, Survey, SurveyStatus
from surveys.questions import OTHER, Answer, AnswerError, Band, Question, QuestionType
from web import flow
from web.csrf import FIELD as CSRF_FIELD
from web.csrf import Issued
from web.forms import FormError, FormFields, clean_source, problem_key, read_form
from web.i18n import choose_language, personal_language, site_language, text
from web.middleware import BodyLimitMiddleware, HeadersMiddleware
from web.pages import (
    PAGE_HEADERS,
    SEED_SHAPE,
    STATIC_DIR,
    FormExtras,
    FormPage,
    Site,
    form_values,
    message_page,
    new_seed,
    survey_page,
    thanks_page,
)
from web.preview import PreviewLink
from web.protection import Protection
from web.sync import api as sync_api
from web.trailing_slash import redirect_slashes_on_site
from web.unsubscribe import UnsubscribeLink

log = logging.getLogger(__name__)

OnResponse = Callable[[int], None]

ALL_PAGES_FIELD = "_all"  # sent by the later pages' section the script reveals
ORDER_FIELD = "_order"  # the seed of the respondent's option order
RETRY_AFTER_SECONDS = 5  # when an answer could not be stored just now


def create_app(
    workspace: Workspace,
    *,
    on_response: OnResponse | None = None,
    sync_key: str | None = None,
) -> Starlette:
    """The respondent site over ``workspace``.

    ``on_response(survey_id)`` is called when a response is first stored (a
    score counts at once) and again when a partial one is completed, on the
    worker thread that stored it; an exception from it is logged, never shown
    to the respondent. With a ``sync_key`` (a public host) the site also
    answers the desktop's sync API under ``/api/sync`` (web.sync.api).
    """
    endpoints = RespondentSite(workspace, on_response)
    unsubscribe = UnsubscribeLink(workspace, endpoints.protection)
    preview = PreviewLink(workspace, endpoints.site)
    routes = [
        Route("/s/{slug}", endpoints.public_link, methods=["GET", "POST"]),
        Route("/s/{slug}/next/{resume}", endpoints.public_next, methods=["GET", "POST"]),
        Route("/s/{slug}/thanks", endpoints.public_thanks, methods=["GET"]),
        Route("/r/{token}", endpoints.personal_link, methods=["GET", "POST"]),
        Route("/r/{token}/next/{resume}", endpoints.personal_next, methods=["GET", "POST"]),
        Route("/r/{token}/thanks", endpoints.personal_thanks, methods=["GET"]),
        Route("/r/{token}/opened", endpoints.personal_opened, methods=["POST"]),
        Route("/u/{token}", unsubscribe.endpoint, methods=["GET", "POST"]),
        Route("/preview/{token}", preview.endpoint, methods=["GET", "POST"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    if sync_key is not None:
        routes.append(sync_api.mount(workspace, sync_key))
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(HeadersMiddleware),
            Middleware(BodyLimitMiddleware, site=endpoints.site),
        ],
        exception_handlers={404: _not_found_handler, 500: _server_error_handler},
    )
    redirect_slashes_on_site(app.router)
    return app


@dataclass(frozen=True)
class _Visit:
    """One page of one respondent's answer: what it takes to draw it and to store its post.

    ``base`` is the link the respondent came by (``/s/<slug>`` or
    ``/r/<token>``); ``index`` the page (0-based) of ``Survey.pages()``;
    ``partial`` the response begun on an earlier page, if any, and
    ``resume`` its token.
    """

    survey: Survey
    language: str
    site: Site
    base: str
    index: int = 0
    keep: Mapping[str, str] = field(default_factory=dict)
    delivery: Delivery | None = None
    source: str | None = None
    partial: OpenResponse | None = None
    resume: str = ""
    seed: str = ""
    token: str = ""  # the form's anti-forgery field
    chosen: Mapping[str, str] = field(default_factory=dict)  # e.g. an email's score link

    @property
    def known(self) -> dict[str, Answer]:
        return dict(self.partial.answers) if self.partial else {}

    @property
    def path(self) -> str:
        return f"{self.base}/next/{self.resume}" if self.resume else self.base

    @property
    def query(self) -> dict[str, str]:
        return {**self.keep, "page": str(self.index + 1)} if self.resume else dict(self.keep)


class RespondentSite:
    """The endpoints of the respondent site, sharing the workspace and the callback."""

    def __init__(self, workspace: Workspace, on_response: OnResponse | None) -> None:
        self.workspace = workspace
        self.on_response = on_response
        self.protection = Protection(lambda: site_keys.form_key(workspace.db()))

    def site(self) -> Site:
        """The business's name and privacy notice, read fresh so a change shows at once."""
        return Site.from_settings(settings_store.load(self.workspace.db()))

    def _too_many(self, request: Request, slug: str) -> Response | None:
        """A 429 page when this address posts to public links too often (POSTs only)."""
        if request.method != "POST":
            return None
        settings = settings_store.load(self.workspace.db())
        language = _site_language(request)
        keep = {"src": request.query_params.get("src", ""), "lang": language}
        back = f"/s/{slug}?{urlencode({k: v for k, v in keep.items() if v})}"
        return self.protection.too_many(
            request, settings, language, Site.from_settings(settings), back
        )

    # --- public links ------------------------------------------------------------

    def public_link(self, request: Request) -> Response:
        db = self.workspace.db()
        slug = request.path_params["slug"]
        refused = self._too_many(request, slug)
        if refused is not None:
            return refused
        survey = _live_survey(db, slug)
        if survey is None:
            return _not_found(request, self.site())
        source = clean_source(request.query_params.get("src"))
        visit = _Visit(
            survey,
            _language(request, survey),
            self.site(),
            f"/s/{slug}",
            keep={"src": source} if source else {},
            source=source,
            seed=new_seed(),
        )
        return self._page(request, visit)

    def public_next(self, request: Request) -> Response:
        db = self.workspace.db()
        slug = request.path_params["slug"]
        refused = self._too_many(request, slug)
        if refused is not None:
            return refused
        survey = _live_survey(db, slug)
        partial = self._partial(request, survey, delivery=None)
        if survey is None or partial is None:
            return _not_found(request, self.site())
        return self._next(request, survey, partial, f"/s/{slug}")

    def public_thanks(self, request: Request) -> Response:
        survey = _live_survey(self.workspace.db(), request.path_params["slug"])
        if survey is None:
            return _not_found(request, self.site())
        return thanks_page(
            _language(request, survey), self.site(), _band_asked(request), can_follow_up=False
        )

    # --- personal links ----------------------------------------------------------

    def personal_link(self, request: Request) -> Response:
        token = request.path_params["token"]
        found = self._delivery(token)
        if found is None:
            return _not_found(request, self.site())
        delivery, survey = found
        language = _personal_language(request, survey, delivery)
        visit = _Visit(
            survey,
            language,
            self.site(),
            f"/r/{token}",
            delivery=delivery,
            seed=new_seed(token),
            chosen=_score_link(request, survey),
        )
        if delivery.answered:
            partial = response_store.open_for_delivery(self.workspace.db(), delivery.id)
            if partial is None:
                status = 409 if request.method == "POST" else 200
                return message_page(language, visit.site, "answered", status)
            resume = response_store.resume_token_of(self.workspace.db(), partial.id)
            if resume is None or (
                request.method != "POST" and not _changes_score(visit.chosen, partial)
            ):
                # Back to where the respondent left off.
                return self._go_on(visit, partial, resume or "")
            # The first page posted again (the browser's Back button), or
            # shown again with the other score the person clicked in the
            # email: it changes the response begun, never starts a second
            # one. The GET stores nothing; their post, or their choosing a
            # score on the page (the script's beacon), replaces the score.
            visit = replace(visit, partial=partial, resume=resume)
        return self._page(request, visit)

    def personal_next(self, request: Request) -> Response:
        token = request.path_params["token"]
        found = self._delivery(token)
        if found is None:
            return _not_found(request, self.site())
        delivery, survey = found
        partial = self._partial(request, survey, delivery=delivery)
        if partial is None:
            return _not_found(request, self.site())
        return self._next(request, survey, partial, f"/r/{token}", delivery=delivery)

    def personal_thanks(self, request: Request) -> Response:
        token = request.path_params["token"]
        found = self._delivery(token)
        if found is None:
            return _not_found(request, self.site())
        delivery, survey = found
        if not delivery.answered:
            return RedirectResponse(f"/r/{token}", status_code=303)
        # A follow-up can be promised only to someone the team knows.
        known = not survey.anonymous and delivery.contact_id is not None
        return thanks_page(
            _personal_language(request, survey, delivery),
            self.site(),
            _band_asked(request),
            can_follow_up=known,
        )

    def personal_opened(self, request: Request) -> Response:
        """The script's beacon: a person opened the link (never a scanner's bare GET).

        Marks the delivery opened and, with the headline score the person
        chose on the page (the script never sends one only preselected by a
        score link), keeps that score as a partial response (it counts even
        if the person goes no further), or changes the score of the partial
        response begun. An anonymous survey's score waits for the post: a
        partial response that names no delivery could not be found again to
        complete it.
        """
        token = request.path_params["token"]
        found = self._delivery(token)
        if found is None:
            return Response(status_code=404, headers=PAGE_HEADERS)
        delivery, survey = found
        try:
            form = read_form(request)
        except FormError:
            return Response(status_code=400, headers=PAGE_HEADERS)
        if not self.protection.check(request, f"/r/{token}", form.pop(CSRF_FIELD, None)):
            return Response(status_code=403, headers=PAGE_HEADERS)
        db = self.workspace.db()
        delivery_store.mark_opened(db, delivery.id)
        headline = survey.headline_question
        raw = form.get(headline.qid) if headline is not None else None
        if (
            headline is None
            or not isinstance(raw, str)
            or survey.anonymous
            or not _on_page(headline, survey.pages()[0])
            or not survey.accepts_answers(datetime.now(UTC))
        ):
            return Response(status_code=204, headers=PAGE_HEADERS)
        try:
            score = headline.parse_answer(raw, None)
        except AnswerError:
            return Response(status_code=400, headers=PAGE_HEADERS)
        if score is None:
            return Response(status_code=204, headers=PAGE_HEADERS)
        answers: dict[str, Answer] = {headline.qid: score}
        partial = response_store.open_for_delivery(db, delivery.id)
        if partial is not None:
            if partial.answers.get(headline.qid) != score:
                response_store.add_answers(db, survey, partial.id, answers, complete=False)
                self._notify(delivery.survey_id)
        elif not delivery.answered:
            try:
                response_store.record(
                    db,
                    survey,
                    answers,
                    language=_personal_language(request, survey, delivery),
                    delivery=delivery,
                    resume_token=new_token(),
                )
            except AlreadyAnswered:
                pass  # the post got there first
            else:
                self._notify(delivery.survey_id)
        return Response(status_code=204, headers=PAGE_HEADERS)

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

    # --- later pages -------------------------------------------------------------

    def _partial(
        self, request: Request, survey: Survey | None, *, delivery: Delivery | None
    ) -> OpenResponse | None:
        """The partial response a next-page link continues, if it belongs to that link."""
        resume = request.path_params["resume"]
        if survey is None or not looks_like_token(resume):
            return None
        partial = response_store.find_open(self.workspace.db(), resume)
        if partial is None:
            log.info("next page with unknown or used resume token %s…", resume[:4])
            return None
        if partial.survey_id != survey.id:
            return None
        if partial.delivery_id is not None and (
            delivery is None or partial.delivery_id != delivery.id
        ):
            return None
        return partial

    def _next(
        self,
        request: Request,
        survey: Survey,
        partial: OpenResponse,
        base: str,
        *,
        delivery: Delivery | None = None,
    ) -> Response:
        resume = request.path_params["resume"]
        pages = survey.pages()
        asked = request.query_params.get("page", "")
        if asked.isdigit() and 1 <= int(asked) <= len(pages):
            index = int(asked) - 1
        else:
            index = flow.resume_page(survey, pages, partial.answers)
        chosen = request.query_params.get("lang") or partial.language
        if delivery is not None:
            language = personal_language(survey.languages, chosen, delivery.language)
        else:
            language = choose_language(
                survey.languages, chosen, request.headers.get("accept-language")
            )
        visit = _Visit(
            survey,
            language,
            self.site(),
            base,
            index=index,
            delivery=delivery,
            partial=partial,
            resume=resume,
            seed=new_seed(resume),
        )
        return self._page(request, visit)

    def _go_on(self, visit: _Visit, partial: OpenResponse, resume: str) -> Response:
        pages = visit.survey.pages()
        # The first page too, when the script kept only its score (personal_opened).
        index = flow.resume_page(visit.survey, pages, partial.answers)
        query = urlencode({"page": index + 1, "lang": partial.language})
        return RedirectResponse(
            f"{visit.base}/next/{resume}?{query}", status_code=303, headers=PAGE_HEADERS
        )

    # --- the form ----------------------------------------------------------------

    def _page(self, request: Request, visit: _Visit) -> Response:
        """Show a page of the form (GET) or take its answer (POST), if the survey is open."""
        if not visit.survey.accepts_answers(datetime.now(UTC)):
            return message_page(visit.language, visit.site, "closed", 410)
        if request.method != "POST":
            issued = self._issue(request, visit)
            visit = replace(visit, token=issued.token)
            response = _render(visit, values={**form_values(visit.known), **visit.chosen})
            issued.set_cookie(response)
            return response
        return self._take_answer(request, visit)

    def _issue(self, request: Request, visit: _Visit) -> Issued:
        return self.protection.issue(request, visit.base, settings_store.load(self.workspace.db()))

    def _forged(self, request: Request, visit: _Visit, form: FormFields) -> Response:
        """A post without its anti-forgery token (or a wrong one): 403, nothing stored.

        Usually the browser lost its session cookie (a tab restored days
        later), so the page comes back with the answers kept and a fresh
        token: one more press of Send is all it takes.
        """
        log.info("form post without a valid token to %s…", visit.base[:6])
        issued = self._issue(request, visit)
        visit = replace(visit, token=issued.token)
        words = text(visit.language, "error_expired", submit=text(visit.language, "submit"))
        response = _render(
            visit,
            values=form,
            page_error=words,
            status=403,
            later_open=ALL_PAGES_FIELD in form,
        )
        issued.set_cookie(response)
        return response

    def _take_answer(self, request: Request, visit: _Visit) -> Response:
        survey, language = visit.survey, visit.language
        multiple = {q.qid for q in survey.questions if q.type is QuestionType.MULTIPLE_CHOICE}
        try:
            form = read_form(request, repeatable=multiple)
        except FormError as error:
            log.info("unreadable answer to survey %s: %s", survey.id, error)
            return _render(visit, page_error=text(language, "error_unreadable"), status=400)
        sent = form.pop(CSRF_FIELD, None)
        if not self.protection.check(request, visit.base, sent):
            return self._forged(request, visit, form)
        visit = replace(visit, token=str(sent))
        seed = form.pop(ORDER_FIELD, None)
        if isinstance(seed, str) and SEED_SHAPE.match(seed):
            visit = replace(visit, seed=seed)
        try:
            return self._answer(visit, form)
        except sqlite3.OperationalError as error:
            if not write_refused(error):
                raise
            # Locked for longer than the busy timeout, or the disk is full: the
            # person's answer is not lost, it is on the page, ready to send again.
            log.warning("answer to survey %s not stored: %s", survey.id, error)
            words = text(language, "error_not_saved", submit=text(language, "submit"))
            response = _render(
                visit,
                values=form,
                page_error=words,
                status=503,
                later_open=ALL_PAGES_FIELD in form,
            )
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response

    def _answer(self, visit: _Visit, form: FormFields) -> Response:
        """Validate a page's posted fields and store them (or show what is wrong)."""
        survey, language = visit.survey, visit.language
        if visit.delivery is not None:
            # A post is a person at the link, never a scanner.
            delivery_store.mark_opened(self.workspace.db(), visit.delivery.id)
        form = dict(form)  # the caller keeps the fields as sent, to show them again
        pages = survey.pages()
        index = min(visit.index, len(pages) - 1)
        later = [q for page in pages[index + 1 :] for q in page]
        everything = form.pop(ALL_PAGES_FIELD, None) is not None or any(
            name in form for q in later for name in (q.qid, q.qid + OTHER_SUFFIX)
        )
        asked = [*pages[index], *later] if everything else list(pages[index])
        _tick_other(asked, form)
        known = visit.known
        try:
            answers = survey.parse_answers(form, questions=asked, known=known)
        except AnswerError as error:
            errors = _explain(survey, form, asked, known, error, language)
            return _render(visit, values=form, errors=errors, later_open=everything)
        except ValueError:
            names = {q.qid for q in asked} | {q.qid + OTHER_SUFFIX for q in asked}
            kept = {name: value for name, value in form.items() if name in names}
            return _render(
                visit,
                values=kept,
                page_error=text(language, "error_unexpected_fields"),
                later_open=everything,
            )
        following = None if everything else flow.next_page(survey, pages, index, known | answers)
        return self._store(visit, answers, following)

    def _store(self, visit: _Visit, answers: dict[str, Answer], following: int | None) -> Response:
        """Store a page's answers; go on to page ``following``, or thank when it is None."""
        survey, language = visit.survey, visit.language
        assert survey.id is not None
        db = self.workspace.db()
        complete = following is None
        resume = visit.resume
        if visit.partial is None:
            resume = "" if complete else new_token()
            try:
                response_store.record(
                    db,
                    survey,
                    answers,
                    language=language,
                    delivery=visit.delivery,
                    source=visit.source,
                    resume_token=resume or None,
                )
            except AlreadyAnswered:
                # The script's beacon may have begun this response a moment ago.
                begun = self._begun(visit)
                if begun is None:
                    return message_page(language, visit.site, "answered", 409)
                response_store.add_answers(db, survey, begun.id, answers, complete=complete)
                resume = response_store.resume_token_of(db, begun.id) or ""
            self._notify(survey.id)
        else:
            response_store.add_answers(db, survey, visit.partial.id, answers, complete=complete)
            if complete:
                self._notify(survey.id)
        if complete:
            query = {"lang": language}
            band = _headline_band(survey, {**visit.known, **answers})
            if band is not None:
                query["band"] = str(band)
            return RedirectResponse(
                f"{visit.base}/thanks?{urlencode(query)}", status_code=303, headers=PAGE_HEADERS
            )
        assert following is not None
        query = urlencode({"page": following + 1, "lang": language})
        return RedirectResponse(
            f"{visit.base}/next/{resume}?{query}", status_code=303, headers=PAGE_HEADERS
        )

    def _begun(self, visit: _Visit) -> OpenResponse | None:
        if visit.delivery is None:
            return None
        return response_store.open_for_delivery(self.workspace.db(), visit.delivery.id)

    def _notify(self, survey_id: int) -> None:
        if self.on_response is None:
            return
        try:
            self.on_response(survey_id)
        except Exception:
            # The answer is stored; a broken listener must not turn it into an error page.
            log.exception("on_response failed for survey %s", survey_id)


def _render(
    visit: _Visit,
    *,
    values: Mapping[str, FormValue] | None = None,
    errors: Mapping[str, str] | None = None,
    page_error: str = "",
    status: int | None = None,
    later_open: bool = False,
) -> Response:
    """The visit's page of the form, with what was sent and what was wrong with it."""
    survey, known = visit.survey, visit.known
    pages = survey.pages()
    index = min(visit.index, len(pages) - 1)
    later = [q for page in pages[index + 1 :] for q in page]
    on_page = {q.qid for q in [*pages[index], *later]}
    page = FormPage(
        shown=flow.visible(survey, pages[index], known),
        later=flow.visible(survey, later, known, on_page),
        known=known,
        seed=visit.seed,
        later_open=later_open,
    )
    failed = bool(errors or page_error)
    headline = survey.headline_question
    opened = reported = ""
    if visit.delivery is not None:
        if headline is not None and _on_page(headline, pages[index]) and not survey.anonymous:
            reported = headline.qid
        # Once a response is begun the link is known to be opened: only the
        # score chosen again on its first page is still news.
        if visit.partial is None or reported:
            opened = f"{visit.base}/opened?{urlencode({'lang': visit.language})}"
    extras = FormExtras(token=visit.token, opened=opened, headline=reported)
    back = ""
    if visit.resume and index > 0:
        back = f"{visit.path}?{urlencode({'page': index, 'lang': visit.language})}"
    return survey_page(
        survey,
        visit.language,
        visit.site,
        page,
        path=visit.path,
        query=visit.query,
        values=values,
        errors=errors,
        page_error=page_error,
        status=status or (400 if failed else 200),
        back=back,
        extras=extras,
    )


def _tick_other(questions: list[Question], form: FormFields) -> None:
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


def _score_link(request: Request, survey: Survey) -> dict[str, str]:
    """The score an email's one-click link chose (``?score=9``), if it fits the headline."""
    raw = request.query_params.get("score", "")
    headline = survey.headline_question
    if request.method != "GET" or headline is None or not _on_page(headline, survey.pages()[0]):
        return {}
    try:
        score = headline.parse_answer(raw, None)
    except AnswerError:
        return {}
    return {headline.qid: str(score)} if isinstance(score, int) else {}


def _changes_score(chosen: Mapping[str, str], partial: OpenResponse) -> bool:
    """Whether an email's score link names another score than the response begun holds."""
    return any(str(partial.answers.get(qid)) != score for qid, score in chosen.items())


def _on_page(question: Question, page: Sequence[Question]) -> bool:
    return any(q.qid == question.qid for q in page)


def _headline_band(survey: Survey, answers: Mapping[str, Answer]) -> Band | None:
    """The band (promoter, passive, detractor) of the survey's headline score, if answered."""
    headline = survey.headline_question
    score = answers.get(headline.qid) if headline is not None else None
    if headline is None or not isinstance(score, int):
        return None
    return headline.band(score)


def _band_asked(request: Request) -> Band | None:
    try:
        return Band(request.query_params.get("band", ""))
    except ValueError:
        return None


def _live_survey(db: Database, slug: str) -> Survey | None:
    """The survey behind a public link, unless the link is malformed, unknown or a draft."""
    if not looks_like_token(slug):
        return None
    survey = survey_store.find_by_slug(db, slug)
    if survey is None or survey.status is SurveyStatus.DRAFT:
        return None
    return survey


def _personal_language(request: Request, survey: Survey, delivery: Delivery) -> str:
    """A personal link's language: ``?lang=``, else the contact's (web.i18n.personal_language)."""
    return personal_language(survey.languages, request.query_params.get("lang"), delivery.language)


def _language(request: Request, survey: Survey) -> str:
    return choose_language(
        survey.languages,
        request.query_params.get("lang"),
        request.headers.get("accept-language"),
    )


def _explain(
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


def _not_found(request: Request, site: Site) -> Response:
    language = _site_language(request)
    return message_page(language, site, "not_found", 404)


def _not_found_handler(request: Request, exc: Exception) -> Response:
    # A path the site does not have at all, e.g. a link cut short by a mail program.
    return _not_found(request, Site())


def _server_error_handler(request: Request, exc: Exception) -> Response:
    # The log file in the workspace is where support looks; the path only
    # names the route (a token's first characters), never a whole token.
    log.error(
        "unhandled error on %s %s", request.method, _route_for_log(request.url.path), exc_info=exc
    )
    # The database may be what failed, so the page names no business.
    language = _site_language(request)
    if isinstance(exc, sqlite3.OperationalError) and write_refused(exc):
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        return message_page(language, Site(), "server_error", 503, headers=headers)
    return message_page(language, Site(), "server_error", 500)


def _route_for_log(path: str) -> str:
    """A request path with its token cut to four characters (/r/abcd…/next/…)."""
    parts = path.split("/")
    return "/".join(part[:4] + "…" if looks_like_token(part) else part for part in parts)


def _site_language(request: Request) -> str:
    return site_language(request.query_params.get("lang"), request.headers.get("accept-language"))
