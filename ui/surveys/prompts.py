"""The Surveys page's blocking and outward calls: a file dialog, a confirmation, a browser.

They live apart from the page so tests can replace them (monkeypatch this
module's functions) and drive the page without native dialogs or a browser.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.common.confirm import ask

PNG_FILTER = "PNG (*.png)"
SVG_FILTER = "SVG (*.svg)"


class SurveyPrompts(QObject):
    """The prompts' wordings with a count: lupdate reads the plural forms of ``self.tr``
    only, not of ``QCoreApplication.translate``."""

    def archive_details(self, responses: int) -> str:
        return self.tr(
            "It is closed (its link tells visitors it no longer takes answers) and no longer "
            "listed. Its %n response(s) are kept: tick “Show archived” to see it again, and "
            "unarchive it at any time.",
            "",
            responses,
        )


def ask_save_path(parent: QWidget, caption: str, suggested: Path) -> Path | None:
    """Ask where to save a QR code; the suffix (.png or .svg) follows the chosen filter."""
    chosen, selected = QFileDialog.getSaveFileName(
        parent, caption, str(suggested), f"{PNG_FILTER};;{SVG_FILTER}"
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_name(path.name + (".svg" if selected == SVG_FILTER else ".png"))
    return path


def confirm_close(parent: QWidget, title: str) -> bool:
    """Ask before closing a survey (it stops taking answers)."""
    translate = QCoreApplication.translate
    return ask(
        parent,
        title=translate("SurveysPage", "Close survey"),
        question=translate("SurveysPage", "Close “%1”?").replace("%1", title),
        details=translate(
            "SurveysPage",
            "It stops taking answers: people who open its link are told it is closed. "
            "You can reopen it later.",
        ),
        action=translate("SurveysPage", "Close survey"),
    )


def open_in_browser(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


def confirm_archive(parent: QWidget, title: str, responses: int) -> bool:
    """Ask before archiving a survey (it closes and leaves the list; its answers stay)."""
    translate = QCoreApplication.translate
    return ask(
        parent,
        title=translate("SurveysPage", "Archive survey"),
        question=translate("SurveysPage", "Archive “%1”?").replace("%1", title),
        details=SurveyPrompts().archive_details(responses),
        action=translate("SurveysPage", "Archive survey"),
    )


def confirm_delete_draft(parent: QWidget, title: str) -> bool:
    """Ask before deleting a draft: it cannot be undone."""
    translate = QCoreApplication.translate
    return ask(
        parent,
        title=translate("SurveysPage", "Delete draft"),
        question=translate("SurveysPage", "Delete the draft “%1”?").replace("%1", title),
        details=translate(
            "SurveysPage",
            "It was never opened, so no one has its link. Its questions and settings are "
            "deleted; this cannot be undone.",
        ),
        action=translate("SurveysPage", "Delete draft"),
        destructive=True,
    )
