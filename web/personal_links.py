"""A delivery's personal link, ``/r/<token>``: one contact's answer, taken once.

Routes (``create_app`` wires them):
    GET/POST /r/<token>                 the survey; answers once
    GET/POST /r/<token>/next/<resume>   the next page of the response begun
    GET      /r/<token>/thanks          shown after the answer (Post/Redirect/Get)
    POST     /r/<token>/opened          the page's script: a person opened the link (and
                                        the score chosen, kept as a partial response)

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
the one begun. The page flow itself is web.answering's.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from channels.links import looks_like_token, new_token
from storage import deliveries as delivery_store
from storage import responses as response_store
from storage import surveys as survey_store
from storage.deliveries import Delivery
from storage.responses import AlreadyAnswered, OpenResponse
from surveys.model import Survey, SurveyStatus
from surveys.questions import Answer, AnswerError
from web import flow
from web.answering import Answering, Visit, band_asked
from web.csrf import FIELD as CSRF_FIELD
from web.errors import not_found
from web.forms import FormError, read_form
from web.i18n import personal_language
from web.one_tap import (
    BEGUN_COOKIE,
    BEGUN_FIELD,
    KEPT_HEADER,
    beacon_reply,
    begun_partial,
    remember_begun,
    tapped_score,
)
from web.pages import PAGE_HEADERS, message_page, thanks_page
from web.protection import is_https
from web.survey_page import new_seed

log = logging.getLogger(__name__)


class PersonalLinks:
    """The endpoints of ``/r/<token>``."""

    def __init__(self, answering: Answering) -> None:
        self.answering = answering
        self.workspace = answering.workspace

    def link(self, request: Request) -> Response:
        token = request.path_params["token"]
        found = self._delivery(token)
        if found is None:
            return not_found(request, self.answering.site())
        delivery, survey = found
        language = _language(request, survey, delivery)
        visit = Visit(
            survey,
            language,
            self.answering.site(),
            f"/r/{token}",
            delivery=delivery,
            seed=new_seed(token),
            chosen=_score_link(request, survey),
            begun=new_token() if survey.anonymous else "",
        )
        if delivery.answered:
            partial = self._response_begun(request, survey, delivery)
            if partial is None and survey.anonymous and request.method == "POST":
                # The tap's reply (and its cookie) may have been lost on a weak
                # signal: the form's own _begun token finds the response.
                return self.answering.page(request, visit)
            if partial is None:
                status = 409 if request.method == "POST" else 200
                return message_page(language, visit.site, "answered", status)
            resume = response_store.resume_token_of(self.workspace.db(), partial.id)
            if resume is None or (
                request.method != "POST" and not _changes_score(visit.chosen, partial)
            ):
                # Back to where the respondent left off.
                return _go_on(visit, partial, resume or "")
            # The first page posted again (the browser's Back button), or
            # shown again with the other score the person clicked in the
            # email: it changes the response begun, never starts a second
            # one. The GET stores nothing; their post, or their choosing a
            # score on the page (the script's beacon), replaces the score.
            visit = replace(visit, partial=partial, resume=resume)
        return self.answering.page(request, visit)

    def next(self, request: Request) -> Response:
        token = request.path_params["token"]
        found = self._delivery(token)
        if found is None:
            return not_found(request, self.answering.site())
        delivery, survey = found
        partial = self.answering.partial(request, survey, delivery=delivery)
        if partial is None:
            return not_found(request, self.answering.site())
        return self.answering.next_page(request, survey, partial, f"/r/{token}", delivery=delivery)

    def thanks(self, request: Request) -> Response:
        token = request.path_params["token"]
        found = self._delivery(token)
        if found is None:
            return not_found(request, self.answering.site())
        delivery, survey = found
        if not delivery.answered:
            return RedirectResponse(f"/r/{token}", status_code=303)
        # A follow-up can be promised only to someone the team knows.
        known = not survey.anonymous and delivery.contact_id is not None
        return thanks_page(
            _language(request, survey, delivery),
            self.answering.site(),
            band_asked(request),
            survey=survey,
            can_follow_up=known,
        )

    def opened(self, request: Request) -> Response:
        """The script's beacon: a person opened the link (never a scanner's bare GET).

        Marks the delivery opened and, with the headline score the person
        chose on the page (the script never sends one only preselected by a
        score link), keeps that score as a partial response (it counts even
        if the person goes no further), or changes the score of the partial
        response begun. An anonymous survey's response names no delivery: the
        page's ``_begun`` token finds it instead (web.one_tap).
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
        protection = self.answering.protection
        if not protection.check(request, f"/r/{token}", form.pop(CSRF_FIELD, None)):
            return Response(status_code=403, headers=PAGE_HEADERS)
        db = self.workspace.db()
        delivery_store.mark_opened(db, delivery.id)
        if not survey.accepts_answers(datetime.now(UTC)):
            return beacon_reply(kept=False)
        try:
            answers = tapped_score(survey, form)
        except AnswerError:
            return beacon_reply(kept=False, status=400)
        if answers is None:
            return beacon_reply(kept=False)
        if survey.anonymous:
            return self._keep_anonymous(request, survey, delivery, answers, form.get(BEGUN_FIELD))
        partial = response_store.open_for_delivery(db, delivery.id)
        if partial is not None:
            if any(partial.answers.get(qid) != score for qid, score in answers.items()):
                response_store.add_answers(db, survey, partial.id, answers, complete=False)
                self.answering.notify(delivery.survey_id)
            return beacon_reply(kept=True)
        if delivery.answered:
            return beacon_reply(kept=False)
        try:
            response_store.record(
                db,
                survey,
                answers,
                language=_language(request, survey, delivery),
                delivery=delivery,
                resume_token=new_token(),
            )
        except AlreadyAnswered:
            return beacon_reply(kept=False)  # the post got there first
        self.answering.notify(delivery.survey_id)
        return beacon_reply(kept=True)

    def _keep_anonymous(
        self,
        request: Request,
        survey: Survey,
        delivery: Delivery,
        answers: dict[str, Answer],
        begun: object,
    ) -> Response:
        """An anonymous survey's tapped score, kept under the page's ``_begun`` token."""
        if not isinstance(begun, str) or not looks_like_token(begun):
            return beacon_reply(kept=False)  # a page from before the token: the post carries it
        reply = self.answering.keep_tap(
            survey,
            answers,
            resume_token=begun,
            language=_language(request, survey, delivery),
            delivery=delivery,
        )
        if reply.headers.get(KEPT_HEADER):
            secure = is_https(request, self.answering.settings())
            remember_begun(reply, f"/r/{delivery.token}", begun, secure=secure)
        return reply

    def _response_begun(
        self, request: Request, survey: Survey, delivery: Delivery
    ) -> OpenResponse | None:
        """The partial response this link began: by its delivery, or (anonymous) the cookie."""
        db = self.workspace.db()
        if survey.anonymous:
            return begun_partial(db, survey, request.cookies.get(BEGUN_COOKIE))
        return response_store.open_for_delivery(db, delivery.id)

    def _delivery(self, token: str) -> tuple[Delivery, Survey] | None:
        if not looks_like_token(token):
            return None
        db = self.workspace.db()
        delivery = delivery_store.find_by_token(db, token)
        if delivery is None:
            log.info("personal link with unknown token %s…", token[:4])
            return None
        try:
            survey = self.answering.survey(delivery.survey_id)
        except survey_store.SurveyNotFound:
            return None
        if survey.status is SurveyStatus.DRAFT:
            return None
        return delivery, survey


def _go_on(visit: Visit, partial: OpenResponse, resume: str) -> Response:
    pages = visit.survey.pages()
    # The first page too, when the script kept only its score (PersonalLinks.opened).
    index = flow.resume_page(visit.survey, pages, partial.answers)
    query = urlencode({"page": index + 1, "lang": partial.language})
    return RedirectResponse(
        f"{visit.base}/next/{resume}?{query}", status_code=303, headers=PAGE_HEADERS
    )


def _language(request: Request, survey: Survey, delivery: Delivery) -> str:
    """A personal link's language: ``?lang=``, else the contact's (web.i18n.personal_language)."""
    return personal_language(survey.languages, request.query_params.get("lang"), delivery.language)


def _score_link(request: Request, survey: Survey) -> dict[str, str]:
    """The score an email's one-click link chose (``?score=9``), if it fits the headline."""
    raw = request.query_params.get("score", "")
    headline = survey.headline_question
    if request.method != "GET" or headline is None or not flow.on_page(headline, survey.pages()[0]):
        return {}
    try:
        score = headline.parse_answer(raw, None)
    except AnswerError:
        return {}
    return {headline.qid: str(score)} if isinstance(score, int) else {}


def _changes_score(chosen: Mapping[str, str], partial: OpenResponse) -> bool:
    """Whether an email's score link names another score than the response begun holds."""
    return any(str(partial.answers.get(qid)) != score for qid, score in chosen.items())
