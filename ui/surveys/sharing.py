"""Sharing a survey from the Surveys page: its link copied or opened in the browser, its
QR code saved to a file (on the worker). The words keep the ``SurveysPage`` translation
context; the file dialog and the browser go through ``ui.surveys.prompts``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QGuiApplication
from sqlite_utils import Database

from ui.common.page_jobs import guarded
from ui.common.reach_notice import announce
from ui.common.save_places import default_folder, write_error_text
from ui.common.survey_labels import file_stem
from ui.surveys import prompts as survey_prompts

if TYPE_CHECKING:
    from ui.surveys.page import SurveysPage

translate = QCoreApplication.translate


def copy_link(page: SurveysPage, link: str) -> None:
    QGuiApplication.clipboard().setText(link)
    text = translate("SurveysPage", "Link copied: %1").replace("%1", link)
    announce(page.notice, page.context, text, link)


def copy_embed(page: SurveysPage, slug: str, title: str) -> None:
    """The embed snippet (web.embed) to the clipboard, and what the site must allow."""
    from web.embed import snippet

    words = translate("SurveysPage", "Answer the survey in a new tab")
    code = snippet(page.context.base_url(), slug, title, words)
    QGuiApplication.clipboard().setText(code)
    if page.context.settings.embed_origins:
        text = translate("SurveysPage", "Embed code copied: paste it into your website's page.")
    else:
        text = translate(
            "SurveysPage",
            "Embed code copied. Add your website's address under Settings ▸ Embedding on "
            "your website first, or browsers will not show the survey in it.",
        )
    page.notice.show_info(text)


def open_link(page: SurveysPage, link: str) -> None:
    if not survey_prompts.open_in_browser(link):
        page.notice.show_error(translate("SurveysPage", "No web browser could be started."))


def save_qr(page: SurveysPage, link: str, title: str) -> None:
    """Ask for a file, then write the QR code of ``link`` there (PNG or SVG by suffix)."""
    folder = default_folder(
        QStandardPaths.StandardLocation.PicturesLocation, page.context.workspace.folder
    )
    suggested = folder / f"{file_stem(title)} QR.png"
    path = survey_prompts.ask_save_path(page, translate("SurveysPage", "Save QR code"), suggested)
    if path is None:
        return

    def done(saved: Path) -> None:
        text = translate("SurveysPage", "QR code saved to %1").replace("%1", str(saved))
        announce(page.notice, page.context, text, link)

    def failed(error: Exception) -> None:
        page.notice.show_error(
            translate("SurveysPage", "The QR code could not be saved: %1").replace(
                "%1", write_error_text(error, path)
            )
        )

    def job(_db: Database) -> Path:
        from channels import qr

        return qr.save(link, path)

    # Writing a file is I/O: off the GUI thread like everything else.
    page.context.worker.submit(job, guarded(page, done), guarded(page, failed))
