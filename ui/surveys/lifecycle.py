"""What the Surveys page does to a survey on the worker: create, open or close,
duplicate, archive or unarchive, delete a draft; each outcome said in the page's notice.

Functions of the page (``SurveysPage``) rather than its methods, to keep the page
about the list and its selection; their words keep the ``SurveysPage`` translation
context. Confirmations go through ``ui.surveys.prompts``, which tests replace.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from channels.links import new_slug
from storage import surveys as survey_store
from storage.surveys import SurveySummary
from surveys.model import NoQuestions, StatusError, Survey, SurveyStatus
from ui.common.page_jobs import guarded
from ui.common.problem_words import error_text
from ui.common.survey_labels import ui_language
from ui.surveys import prompts as survey_prompts

if TYPE_CHECKING:
    from ui.surveys.page import SurveysPage

translate = QCoreApplication.translate


def title_of(page: SurveysPage, summary: SurveySummary) -> str:
    """The survey's title in the page's language."""
    return summary.title.get_for(ui_language(page.context))


def create(page: SurveysPage, survey: Survey) -> None:
    def job(db: Database) -> Survey:
        survey.slug = new_slug()
        return survey_store.create(db, survey)

    def done(created: Survey) -> None:
        page.keep_selected(created.id)
        page.notice.show_info(
            translate(
                "SurveysPage", "Draft “%1” created. Open it when you are ready to share it."
            ).replace("%1", created.title.get_for(ui_language(page.context)))
        )
        page.context.surveys_changed.emit()
        if created.id is not None:
            page.edit_requested.emit(created.id)

    def failed(error: Exception) -> None:
        page.notice.show_error(
            translate("SurveysPage", "The survey could not be created: %1").replace(
                "%1", error_text(error)
            )
        )

    page.context.worker.submit(job, guarded(page, done), guarded(page, failed))


def set_status(
    page: SurveysPage, survey_id: int, status: SurveyStatus, closes_at: datetime | None = None
) -> None:
    def job(db: Database) -> Survey:
        return survey_store.set_status(db, survey_id, status, closes_at=closes_at)

    def done(survey: Survey) -> None:
        title = survey.title.get_for(ui_language(page.context))
        if status is SurveyStatus.OPEN:
            text = translate("SurveysPage", "“%1” is open: its link and QR code work now.")
        else:
            text = translate("SurveysPage", "“%1” is closed and no longer takes answers.")
        page.notice.show_info(text.replace("%1", title))
        page.context.surveys_changed.emit()

    def failed(error: Exception) -> None:
        if isinstance(error, NoQuestions):
            refuse_empty(page, survey_id, "")
            page.refresh()
            return
        if isinstance(error, StatusError) and status is SurveyStatus.OPEN:
            text = translate(
                "SurveysPage",
                "The survey changed in the meantime and cannot be opened now. "
                "The list shows its current state.",
            )
        elif isinstance(error, StatusError):
            text = translate(
                "SurveysPage",
                "The survey changed in the meantime and cannot be closed now. "
                "The list shows its current state.",
            )
        else:
            text = translate("SurveysPage", "The survey's status could not be changed: %1").replace(
                "%1", error_text(error)
            )
        page.notice.show_error(text)
        page.refresh()

    page.context.worker.submit(job, guarded(page, done), guarded(page, failed))


def refuse_empty(page: SurveysPage, survey_id: int, title: str) -> None:
    text = translate("SurveysPage", "“%1” has no questions yet: add a question before opening it.")
    if not title:
        text = translate(
            "SurveysPage", "This survey has no questions yet: add a question before opening it."
        )
    page.notice.show_error(
        text.replace("%1", title),
        (translate("SurveysPage", "Add a question…"), lambda: page.edit_requested.emit(survey_id)),
    )


def duplicate_selected(page: SurveysPage) -> None:
    """Copy the selected survey as a new draft ("(copy)" after its title) and select it."""
    summary = page.selected_summary()
    if summary is None:
        return
    survey_id = summary.id

    def done(copied: Survey) -> None:
        page.keep_selected(copied.id)
        page.notice.show_info(
            translate(
                "SurveysPage", "“%1” created as a draft: no answers, a link of its own."
            ).replace("%1", copied.title.get_for(ui_language(page.context)))
        )
        page.context.surveys_changed.emit()

    def failed(error: Exception) -> None:
        page.notice.show_error(
            translate("SurveysPage", "The survey could not be duplicated: %1").replace(
                "%1", error_text(error)
            )
        )

    page.context.worker.submit(
        lambda db: survey_store.copy_survey(db, survey_id, new_slug()),
        guarded(page, done),
        guarded(page, failed),
    )


def archive_selected(page: SurveysPage) -> None:
    """Archive the selected survey (after asking), or bring an archived one back."""
    summary = page.selected_summary()
    if summary is None or summary.status is SurveyStatus.DRAFT:
        return
    title, survey_id = title_of(page, summary), summary.id
    if summary.archived:
        job = survey_store.unarchive
        text = translate(
            "SurveysPage", "“%1” is back in the list, closed. Reopen it to take answers again."
        )
    elif survey_prompts.confirm_archive(page, title, summary.responses):
        job = survey_store.archive
        text = translate(
            "SurveysPage",
            "“%1” is archived: closed, and its answers kept. Tick “Show archived” to see it.",
        )
    else:
        return

    def failed(error: Exception) -> None:
        page.notice.show_error(
            translate("SurveysPage", "The survey could not be archived: %1").replace(
                "%1", error_text(error)
            )
        )
        page.refresh()

    def done(_survey: Survey) -> None:
        page.notice.show_info(text.replace("%1", title))
        page.context.surveys_changed.emit()

    page.context.worker.submit(
        lambda db: job(db, survey_id), guarded(page, done), guarded(page, failed)
    )


def delete_selected(page: SurveysPage) -> None:
    """Delete the selected draft, after asking."""
    summary = page.selected_summary()
    if summary is None or summary.status is not SurveyStatus.DRAFT:
        return
    title, survey_id = title_of(page, summary), summary.id
    if not survey_prompts.confirm_delete_draft(page, title):
        return

    def done(_none: None) -> None:
        page.notice.show_info(
            translate("SurveysPage", "The draft “%1” was deleted.").replace("%1", title)
        )
        page.context.surveys_changed.emit()

    def failed(error: Exception) -> None:
        page.notice.show_error(
            translate("SurveysPage", "The draft could not be deleted: %1").replace(
                "%1", error_text(error)
            )
        )
        page.refresh()

    page.context.worker.submit(
        lambda db: survey_store.delete_draft(db, survey_id),
        guarded(page, done),
        guarded(page, failed),
    )
