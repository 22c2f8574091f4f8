"""Answering a survey by its link: a page of the form shown, its post checked and stored.

Shared by the public links (web.public_links) and the personal links
(web.personal_links): both draw a ``Visit`` (one page of one respondent's
answer) with ``Answering.page``, which on a POST takes the answer.

A survey with a follow-up worded by a score has more than one page
(``Survey.pages()``). Without JavaScript the first page's post stores a
partial response (it counts at once) and redirects to the next page, whose
link carries the response's resume token (``?page=`` says which page); the
last page completes it. With JavaScript (static/koe.js) the later pages are
revealed on the first, the follow-ups worded as the score is chosen, and one
post stores the complete response: a post that holds a later page's field (or
``_all``, which the script's section sends) is validated against every page.

Just over 400 lines because showing a page and taking its post share one ``Visit``
(the path so far, the tapped score, the resume token); split, each half would need it all.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TypeVar
from urllib.parse import urlencode

from sqlite_utils import Database
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from channels.links import looks_like_token, new_token
from storage import deliveries as delivery_store
from storage import responses as response_store
from storage import settings as settings_store
from storage import site_logo
from storage import surveys as survey_store
from storage.database import write_refused
from storage.deliveries import Delivery
from storage.group_commit import Job
from storage.responses import AlreadyAnswered, OpenResponse
from storage.settings import Settings
from storage.site_cache import SiteCache
from storage.workspace import Workspace
from surveys.model import OTHER_SUFFIX, FormValue, Survey
from surveys.questions import Answer, AnswerError, Band, QuestionType
from web import flow
from web.after_commit import AfterCommit
from web.csrf import FIELD as CSRF_FIELD
from web.csrf import Issued
from web.errors import RETRY_AFTER_SECONDS
from web.forms import (
    ALL_PAGES_FIELD,
    ORDER_FIELD,
    FormError,
    FormFields,
    explain,
    read_form,
    tick_other,
)
from web.i18n import choose_language, personal_language, text
from web.one_tap import BEGUN_FIELD, beacon_reply, begun_partial
from web.pages import PAGE_HEADERS, Site, message_page
from web.protection import Protection
from web.survey_page import SEED_SHAPE, FormExtras, FormPage, form_values, new_seed, survey_page

log = logging.getLogger(__name__)

OnResponse = Callable[[int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class Visit:
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
    begun: str = ""  # a public page's token for the response its first tap begins (web.one_tap)

    @property
    def known(self) -> dict[str, Answer]:
        return dict(self.partial.answers) if self.partial else {}

    @property
    def path(self) -> str:
        return f"{self.base}/next/{self.resume}" if self.resume else self.base

    @property
    def query(self) -> dict[str, str]:
        return {**self.keep, "page": str(self.index + 1)} if self.resume else dict(self.keep)


class Answering:
    """Shows a visit's page and stores its answer; shared by both kinds of link.

    ``on_response(survey_id)`` is called when a response is first stored and
    again when a partial one is completed (see ``web.app.create_app``).

    The settings, the site and the surveys come from a cache that any change to
    them empties before the next request (storage.site_cache); answers are
    written through the workspace's one writer (storage.group_commit), and a
    respondent is answered only once theirs is committed.
    """

    def __init__(
        self, workspace: Workspace, on_response: OnResponse | None, protection: Protection
    ) -> None:
        self.workspace = workspace
        self.on_response = on_response
        self.protection = protection
        self.cache = SiteCache()

    def site(self) -> Site:
        """The business's name, privacy notice, logo and colour, as stored now."""
        return self.cache.get(self.workspace.db(), "site", _site_of)

    def settings(self) -> Settings:
        """The workspace's settings, as stored now."""
        return self.cache.get(self.workspace.db(), "settings", settings_store.load)

    def survey_by_slug(self, slug: str) -> Survey | None:
        """The survey behind a public link (whatever its status), as stored now."""
        db = self.workspace.db()
        return self.cache.get(db, ("slug", slug), lambda db: survey_store.find_by_slug(db, slug))

    def survey(self, survey_id: int) -> Survey:
        """A survey by id, as stored now (``SurveyNotFound`` when there is none)."""
        db = self.workspace.db()
        return self.cache.get(db, ("id", survey_id), lambda db: survey_store.get(db, survey_id))

    def write(self, job: Job[T]) -> T:
        """``job(db)`` run by the workspace's writer; returns once it is committed."""
        return self.workspace.writer().run(job)

    def write_then(
        self,
        job: Job[T],
        done: Callable[[T], Response],
        failed: Callable[[Exception], Response],
    ) -> Response:
        """``job(db)`` handed to the writer; the reply is ``done(result)`` once it is
        committed (made on the event loop: no reads or writes there), or
        ``failed(error)`` (on a page thread) when it is not."""
        return AfterCommit(self.workspace.writer().submit(job), done, failed)

    def keep_tap(
        self,
        survey: Survey,
        answers: dict[str, Answer],
        *,
        resume_token: str,
        language: str,
        source: str | None = None,
        delivery: Delivery | None = None,
    ) -> Response:
        """A beacon's tapped score kept under ``resume_token`` (web.one_tap), and its reply."""
        try:
            kept = self.write(
                lambda db: response_store.keep_tapped(
                    db,
                    survey,
                    answers,
                    resume_token=resume_token,
                    language=language,
                    source=source,
                    delivery=delivery,
                )
            )
        except AlreadyAnswered:  # the form's post got there first
            return beacon_reply(kept=False)
        except sqlite3.OperationalError as error:
            if not write_refused(error):
                raise
            log.warning("tapped score for survey %s not kept: %s", survey.id, error)
            return beacon_reply(kept=False, status=503)  # the form's post still carries it
        if kept is None:
            return beacon_reply(kept=False, status=409)
        assert survey.id is not None
        self.notify(survey.id)
        return beacon_reply(kept=True)

    # --- later pages -------------------------------------------------------------

    def partial(
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

    def next_page(
        self,
        request: Request,
        survey: Survey,
        partial: OpenResponse,
        base: str,
        *,
        delivery: Delivery | None = None,
    ) -> Response:
        """A later page of the response begun (``/next/<resume>``), shown or taken."""
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
        visit = Visit(
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
        return self.page(request, visit)

    # --- the form ----------------------------------------------------------------

    def page(self, request: Request, visit: Visit) -> Response:
        """Show a page of the form (GET) or take its answer (POST), if the survey is open."""
        if not visit.survey.accepts_answers(datetime.now(UTC)):
            return message_page(visit.language, visit.site, "closed", 410)
        if request.method != "POST":
            issued = self._issue(request, visit)
            visit = replace(visit, token=issued.token)
            response = render(visit, values={**form_values(visit.known), **visit.chosen})
            issued.set_cookie(response)
            return response
        return self._take_answer(request, visit)

    def _issue(self, request: Request, visit: Visit) -> Issued:
        return self.protection.issue(request, visit.base, self.settings())

    def _forged(self, request: Request, visit: Visit, form: FormFields) -> Response:
        """A post without its anti-forgery token (or a wrong one): 403, nothing stored.

        Usually the browser lost its session cookie (a tab restored days
        later), so the page comes back with the answers kept and a fresh
        token: one more press of Send is all it takes.
        """
        log.info("form post without a valid token to %s…", visit.base[:6])
        issued = self._issue(request, visit)
        visit = replace(visit, token=issued.token)
        response = _send_again(visit, form, "error_expired", 403)
        issued.set_cookie(response)
        return response

    def _take_answer(self, request: Request, visit: Visit) -> Response:
        survey, language = visit.survey, visit.language
        multiple = {q.qid for q in survey.questions if q.type is QuestionType.MULTIPLE_CHOICE}
        try:
            form = read_form(request, repeatable=multiple)
        except FormError as error:
            log.info("unreadable answer to survey %s: %s", survey.id, error)
            return render(visit, page_error=text(language, "error_unreadable"), status=400)
        sent = form.pop(CSRF_FIELD, None)
        if not self.protection.check(request, visit.base, sent):
            return self._forged(request, visit, form)
        visit = replace(visit, token=str(sent))
        visit = self._tapped(visit, form.pop(BEGUN_FIELD, None))
        seed = form.pop(ORDER_FIELD, None)
        if isinstance(seed, str) and SEED_SHAPE.match(seed):
            visit = replace(visit, seed=seed)
        try:
            return self._answer(visit, form)
        except sqlite3.OperationalError as error:
            return _not_saved(visit, form, error)

    def _tapped(self, visit: Visit, begun: object) -> Visit:
        """A post goes on with the partial response its page's taps began, if any.

        A public link's, or an anonymous survey's personal link's (web.one_tap):
        a known contact's is found by its delivery instead.
        """
        personal = visit.delivery is not None and not visit.survey.anonymous
        if personal or visit.partial is not None or not isinstance(begun, str):
            return visit
        partial = begun_partial(self.workspace.db(), visit.survey, begun)
        if partial is None:
            return replace(visit, begun=begun if looks_like_token(begun) else "")
        return replace(visit, partial=partial, resume=begun, begun=begun)

    def _answer(self, visit: Visit, form: FormFields) -> Response:
        """Validate a page's posted fields and store them (or show what is wrong)."""
        survey, language = visit.survey, visit.language
        if visit.delivery is not None:
            # A post is a person at the link, never a scanner.
            delivery_id = visit.delivery.id
            self.write(lambda db: delivery_store.mark_opened(db, delivery_id))
        sent, form = form, dict(form)  # the fields as sent, to show them again
        pages = survey.pages()
        index = min(visit.index, len(pages) - 1)
        last = flow.revealed(pages, index)
        later = [q for page in pages[index + 1 : last + 1] for q in page]
        everything = form.pop(ALL_PAGES_FIELD, None) is not None or any(
            name in form for q in later for name in (q.qid, q.qid + OTHER_SUFFIX)
        )
        asked = [*pages[index], *later] if everything else list(pages[index])
        tick_other(asked, form)
        known = visit.known
        try:
            answers = survey.parse_answers(form, questions=asked, known=known)
        except AnswerError as error:
            errors = explain(survey, form, asked, known, error, language)
            return render(visit, values=form, errors=errors, later_open=everything)
        except ValueError:
            names = {q.qid for q in asked} | {q.qid + OTHER_SUFFIX for q in asked}
            kept = {name: value for name, value in form.items() if name in names}
            return render(
                visit,
                values=kept,
                page_error=text(language, "error_unexpected_fields"),
                later_open=everything,
            )
        following = flow.next_page(survey, pages, last if everything else index, known | answers)
        return self._store(visit, answers, following, sent)

    def _store(
        self,
        visit: Visit,
        answers: dict[str, Answer],
        following: int | None,
        sent: FormFields,
    ) -> Response:
        """Store a page's answers; go on to page ``following``, or thank when it is None.

        The reply waits for the writer's commit on the event loop (web.after_commit);
        ``sent`` is the form as posted, shown again if the answers cannot be saved.
        """
        survey, language = visit.survey, visit.language
        survey_id = survey.id
        assert survey_id is not None
        complete = following is None

        def saved(resume: str) -> Response:
            if visit.partial is None or complete:
                self.notify(survey_id)
            return _onward(visit, answers, following, resume)

        if visit.partial is not None:
            partial_id, resume = visit.partial.id, visit.resume
            return self.write_then(
                lambda db: response_store.add_answers(
                    db, survey, partial_id, answers, complete=complete
                ),
                lambda _none: saved(resume),
                lambda error: _not_saved(visit, sent, error),
            )
        fresh = "" if complete else new_token()

        def refused(error: Exception) -> Response:
            if not isinstance(error, AlreadyAnswered):
                return _not_saved(visit, sent, error)
            # The script's beacon may have begun this response a moment ago.
            begun = self._begun(visit)
            if begun is None:
                return message_page(language, visit.site, "answered", 409)
            begun_id = begun.id
            try:
                self.write(
                    lambda db: response_store.add_answers(
                        db, survey, begun_id, answers, complete=complete
                    )
                )
            except sqlite3.OperationalError as again:
                return _not_saved(visit, sent, again)
            return saved(response_store.resume_token_of(self.workspace.db(), begun_id) or "")

        return self.write_then(
            lambda db: response_store.record(
                db,
                survey,
                answers,
                language=language,
                delivery=visit.delivery,
                source=visit.source,
                resume_token=fresh or None,
            ),
            lambda _id: saved(fresh),
            refused,
        )

    def _begun(self, visit: Visit) -> OpenResponse | None:
        if visit.delivery is None:
            return None
        if visit.survey.anonymous:
            return begun_partial(self.workspace.db(), visit.survey, visit.begun)
        return response_store.open_for_delivery(self.workspace.db(), visit.delivery.id)

    def notify(self, survey_id: int) -> None:
        """Call ``on_response``; a failure there is logged, never shown to the respondent."""
        if self.on_response is None:
            return
        try:
            self.on_response(survey_id)
        except Exception:
            # The answer is stored; a broken listener must not turn it into an error page.
            log.exception("on_response failed for survey %s", survey_id)


def _site_of(db: Database) -> Site:
    return Site.from_settings(settings_store.load(db), site_logo.load(db))


def render(
    visit: Visit,
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
    later = [q for page in pages[index + 1 : flow.revealed(pages, index) + 1] for q in page]
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
    keep = begun = ""
    if visit.delivery is not None:
        if headline is not None and flow.on_page(headline, pages[index]):
            reported = headline.qid
            if survey.anonymous:  # its response is found by the page's token (web.one_tap)
                begun = visit.resume or visit.begun
        # Once a response is begun the link is known to be opened: only the
        # score chosen again on its first page is still news.
        if visit.partial is None or reported:
            opened = f"{visit.base}/opened?{urlencode({'lang': visit.language})}"
    if visit.delivery is None and (visit.begun or visit.resume):
        # A public link: a tapped score is kept at once (web.one_tap).
        begun = visit.resume or visit.begun
        if headline is not None and flow.on_page(headline, pages[index]):
            reported = headline.qid
            keep = f"{visit.base}/score?{urlencode({**visit.keep, 'lang': visit.language})}"
    # Without the script the score went first, on its own page: say it was received.
    received = headline is not None and headline.qid in known and index > 0
    extras = FormExtras(
        token=visit.token,
        opened=opened,
        headline=reported,
        keep=keep,
        begun=begun,
        received=received,
    )
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


def _onward(
    visit: Visit, answers: Mapping[str, Answer], following: int | None, resume: str
) -> Response:
    """Where a stored page leads: the next page of the response, or the thanks."""
    if following is None:
        query = {"lang": visit.language}
        band = flow.headline_band(visit.survey, {**visit.known, **answers})
        if band is not None:
            query["band"] = str(band)
        return RedirectResponse(
            f"{visit.base}/thanks?{urlencode(query)}", status_code=303, headers=PAGE_HEADERS
        )
    query = urlencode({"page": following + 1, "lang": visit.language})
    return RedirectResponse(
        f"{visit.base}/next/{resume}?{query}", status_code=303, headers=PAGE_HEADERS
    )


def _not_saved(visit: Visit, form: FormFields, error: Exception) -> Response:
    """The page with the answers kept, when the file cannot be written now (locked past
    the busy timeout, a full disk): nothing is lost, Send works again. Other errors
    are raised again (the 500 page)."""
    if not isinstance(error, sqlite3.OperationalError) or not write_refused(error):
        raise error
    log.warning("answer to survey %s not stored: %s", visit.survey.id, error)
    response = _send_again(visit, form, "error_not_saved", 503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _send_again(visit: Visit, form: FormFields, problem: str, status: int) -> Response:
    """The page with the answers as sent and ``problem``'s words: press Send again."""
    words = text(visit.language, problem, submit=text(visit.language, "submit"))
    return render(
        visit, values=form, page_error=words, status=status, later_open=ALL_PAGES_FIELD in form
    )


def band_asked(request: Request) -> Band | None:
    """The band a thank-you link names (``?band=``), which words the page."""
    try:
        return Band(request.query_params.get("band", ""))
    except ValueError:
        return None
