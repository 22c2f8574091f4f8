"""One tap: a score chosen on the page is kept at once, as a partial response.

The page's script posts the headline score the person taps (never one that a
score link only preselected, nor a script's click) to its link's beacon:
``/r/<token>/opened`` on a personal link (web.personal_links), which finds the
response begun by its delivery, and ``/s/<slug>/score`` on a public link
(web.public_links), which has no delivery to find it by. So a public page
carries, from the start, a fresh resume token in a hidden field
(``BEGUN_FIELD``): the first tap begins a partial response under that token,
each later tap changes that same response (never a new one per tap), and the
form's post completes it (``Answering``). A person who taps a score and
leaves is counted, as a partial response, like one who sent the first page
without JavaScript.

An anonymous survey's personal link works the same way: its response names
no delivery (so nobody can tell whose it is), and the first tap claims the
delivery as answered. The beacon's answer also leaves the token in a cookie
(``BEGUN_COOKIE``, on the link's path only) so that the person's own browser,
and only it, finds the response again: a post after the tap, or the page
opened again, goes on with it instead of saying "already answered".

The beacon answers 204 either way; ``KEPT_HEADER`` tells the script that the
score was kept, and the page then says so.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlite_utils import Database
from starlette.responses import Response

from channels.links import looks_like_token
from storage import responses as response_store
from storage.responses import OpenResponse
from surveys.model import FormValue, Survey
from surveys.questions import Answer
from web import flow
from web.pages import PAGE_HEADERS

BEGUN_FIELD = "_begun"
BEGUN_COOKIE = "koe_begun"
KEPT_HEADER = "Koe-Score"


def tapped_score(survey: Survey, form: Mapping[str, FormValue]) -> dict[str, Answer] | None:
    """The headline score a beacon reports, as an answer; None when it reports none.

    Only the headline score of the first page is kept this way: the rest of
    the answers wait for the form's post. Raises ``AnswerError`` for a score
    the question does not offer.
    """
    headline = survey.headline_question
    if headline is None or not flow.on_page(headline, survey.pages()[0]):
        return None
    raw = form.get(headline.qid)
    if not isinstance(raw, str):
        return None
    score = headline.parse_answer(raw, None)
    return None if score is None else {headline.qid: score}


def begun_partial(db: Database, survey: Survey, token: object) -> OpenResponse | None:
    """The partial response a public page's taps began (its ``BEGUN_FIELD``), if still open."""
    if not isinstance(token, str) or not looks_like_token(token):
        return None
    partial = response_store.find_open(db, token)
    if partial is None or partial.survey_id != survey.id or partial.delivery_id is not None:
        return None
    return partial


def beacon_reply(*, kept: bool, status: int = 204) -> Response:
    """The beacon's empty answer; ``kept`` says the score is stored."""
    headers = {**PAGE_HEADERS, KEPT_HEADER: "kept"} if kept else PAGE_HEADERS
    return Response(status_code=status, headers=headers)


def remember_begun(response: Response, path: str, token: str, *, secure: bool) -> None:
    """Leave a begun response's token with the browser, for ``path`` only, for this session."""
    response.set_cookie(
        BEGUN_COOKIE, token, path=path, httponly=True, samesite="lax", secure=secure
    )
