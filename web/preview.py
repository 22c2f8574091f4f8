"""The designer's preview: ``GET/POST /preview/<token>`` shows a survey as respondents see it.

The token is the survey's ``extra["preview_token"]``, made by the designer on
the first preview (a link only its user has). The page shows the survey in
any status, drafts included, under a banner saying that answers are not
saved; a post is validated like a real one and ends on the thank-you page,
but nothing is stored and nobody is notified.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response

from channels.links import looks_like_token
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.branching import on_path
from surveys.model import OTHER_SUFFIX, Survey
from surveys.questions import Answer, AnswerError, QuestionType
from web import flow
from web.forms import ALL_PAGES_FIELD, FormError, problem_key, read_form
from web.i18n import choose_language, site_language, text
from web.pages import Site, message_page, thanks_page
from web.survey_page import FormPage, new_seed, survey_page

log = logging.getLogger(__name__)


def _on_path(survey: Survey, form: dict) -> dict:
    """The form without the answers to questions the answers before them hide.

    The preview shows every page at once, so a question a branch hides may have
    been filled in; on a respondent's page it would not have been shown at all.
    """
    kept = dict(form)
    answers: dict[str, Answer] = {}
    for question in survey.questions:
        if question.qid not in on_path(survey.questions, answers):
            kept.pop(question.qid, None)
            kept.pop(question.qid + OTHER_SUFFIX, None)
            continue
        other = form.get(question.qid + OTHER_SUFFIX)
        try:
            value = question.parse_answer(
                form.get(question.qid), other if isinstance(other, str) else None
            )
        except AnswerError:
            continue  # parse_answers says what is wrong with it
        if value is not None:
            answers[question.qid] = value
    return kept


class PreviewLink:
    """The preview endpoint over ``workspace``; ``site()`` gives the business's details."""

    def __init__(self, workspace: Workspace, site: Callable[[], Site]) -> None:
        self.workspace = workspace
        self.site = site

    def endpoint(self, request: Request) -> Response:
        token = request.path_params["token"]
        survey = None
        if looks_like_token(token):
            survey = survey_store.find_by_preview_token(self.workspace.db(), token)
        if survey is None or not survey.questions:
            language = site_language(
                request.query_params.get("lang"), request.headers.get("accept-language")
            )
            return message_page(language, self.site(), "not_found", 404)
        language = choose_language(
            survey.languages,
            request.query_params.get("lang"),
            request.headers.get("accept-language"),
        )
        if request.method != "POST":
            return self._form(survey, language, token)
        return self._check(request, survey, language, token)

    def _form(
        self,
        survey: Survey,
        language: str,
        token: str,
        *,
        values: dict | None = None,
        errors: dict[str, str] | None = None,
        page_error: str = "",
        later_open: bool = False,
    ) -> Response:
        pages = survey.pages()
        later = [q for page in pages[1:] for q in page]
        on_page = {q.qid for q in survey.questions}
        page = FormPage(
            shown=flow.visible(survey, pages[0], {}, on_page),
            later=flow.visible(survey, later, {}, on_page),
            seed=new_seed(),
            later_open=later_open,
        )
        failed = bool(errors or page_error)
        return survey_page(
            survey,
            language,
            self.site(),
            page,
            path=f"/preview/{token}",
            query={},
            values=values,
            errors=errors,
            page_error=page_error,
            status=400 if failed else 200,
            banner=text(language, "preview_banner"),
        )

    def _check(self, request: Request, survey: Survey, language: str, token: str) -> Response:
        multiple = {q.qid for q in survey.questions if q.type is QuestionType.MULTIPLE_CHOICE}
        try:
            form = read_form(request, repeatable=multiple)
        except FormError:
            return self._form(
                survey, language, token, page_error=text(language, "error_unreadable")
            )
        # The form's own fields (anti-forgery token, option order…): nothing to check here.
        reserved = {name: form.pop(name) for name in list(form) if name.startswith("_")}
        pages = survey.pages()
        later = [q for page in pages[1:] for q in page]
        everything = ALL_PAGES_FIELD in reserved or any(
            name in form for q in later for name in (q.qid, q.qid + OTHER_SUFFIX)
        )
        if later and not everything:
            # Without JavaScript the next page follows; here it simply opens below.
            return self._form(survey, language, token, values=form, later_open=True)
        try:
            answers = survey.parse_answers(_on_path(survey, form))
        except AnswerError as error:
            question = next((q for q in survey.questions if q.qid == error.qid), None)
            errors = {}
            if question is not None:
                other = form.get(question.qid + OTHER_SUFFIX)
                key, limit = problem_key(
                    question, form.get(question.qid), other if isinstance(other, str) else None
                )
                errors[question.qid] = text(language, key, max=limit)
            return self._form(
                survey, language, token, values=form, errors=errors, later_open=bool(later)
            )
        except ValueError:
            return self._form(
                survey, language, token, page_error=text(language, "error_unexpected_fields")
            )
        band = flow.headline_band(survey, answers)
        log.info("preview of survey %s answered (not stored)", survey.id)
        return thanks_page(
            language,
            self.site(),
            band,
            can_follow_up=False,
            survey=survey,
            banner=text(language, "preview_banner"),
        )
