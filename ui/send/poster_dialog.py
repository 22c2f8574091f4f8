"""Save poster…: choose A4 or A6 and an optional source tag, then a file; the PDF is
written on the worker (exports.poster). The dialog may be closed while it is
written: the late result is then dropped (``guarded``), not delivered to a
deleted dialog.

Signals:
    saved(str): the poster was written to this path.
    failed(str): it was not; the text says why in plain words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from channels import links
from exports import poster
from surveys.business import fill_company
from surveys.model import Survey
from ui.common.notice_bar import NoticeBar
from ui.common.page_jobs import guarded
from ui.common.reach_notice import ReachNotice, announce
from ui.common.save_places import default_folder, write_error_text
from ui.common.widgets import hint, save_cancel
from ui.context import AppContext


def poster_question(survey: Survey, company: str, business_kind: str = "") -> dict[str, str]:
    """The headline question (else the first) in each language, {company} filled in."""
    question = survey.headline_question or (survey.questions[0] if survey.questions else None)
    texts = question.text if question is not None else survey.title
    return {
        language: fill_company(texts[language], company, business_kind, language)
        for language in ("ja", "en")
        if texts.get(language)
    }


class PosterDialog(QDialog):
    """Asks for the poster's size and source tag. See the module docstring for its signals.

    ``reach_notice`` says who cannot open the poster's code (hidden when anyone can);
    its set-up button closes the dialog and shows Settings ▸ Public host.
    """

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, context: AppContext, survey: Survey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.survey = survey
        self.setWindowTitle(self.tr("Save poster"))
        self.size = QComboBox()
        self.size.addItem(self.tr("A4 (wall or window)"), "A4")
        self.size.addItem(self.tr("A6 (counter card)"), "A6")
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("e.g. counter"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.reach_notice = ReachNotice(context, self.reject)
        self.reach_notice.show_link(context.base_url())
        buttons = save_cancel(self, self.choose_file)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout(self)
        form.addRow(self.reach_notice)
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("Source tag"), self.source)
        form.addRow(
            hint(
                self.tr(
                    "Optional: answers through this poster are tagged with it, so you can "
                    "tell the counter from the receipts."
                )
            )
        )
        form.addRow(self.status)
        form.addRow(buttons)
        self.setMinimumWidth(440)  # the reach notice's words wrap in too narrow a column

    def link(self) -> str:
        tag = self.source.text().strip() or None
        return links.public_link(self.context.base_url(), self.survey.slug, source=tag)

    def choose_file(self) -> None:
        folder = default_folder(
            QStandardPaths.StandardLocation.DocumentsLocation, self.context.workspace.folder
        )
        title = self.survey.title.get_for(self.survey.default_language)
        suggested = folder / f"{title} {self.size.currentData()}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save poster"), str(suggested), self.tr("PDF (*.pdf)")
        )
        if chosen:
            path = Path(chosen)
            self.save_to(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def save_to(self, path: Path) -> None:
        """Write the poster to ``path`` through the worker."""
        kwargs = {
            "question": poster_question(
                self.survey,
                self.context.settings.business_name,
                self.context.settings.business_kind,
            ),
            "url": self.link(),
            "size": self.size.currentData(),
            "business_name": self.context.settings.business_name,
        }
        self.status.setText(self.tr("Saving…"))

        def done(saved: Path) -> None:
            self.saved.emit(str(saved))
            self.accept()

        def failed(error: Exception) -> None:
            reason = write_error_text(error, path)
            text = self.tr("The poster could not be saved: {error}").format(error=reason)
            self.status.setText(text)
            self.failed.emit(text)

        self.context.worker.submit(
            lambda _db: poster.save_poster(path, **kwargs),
            guarded(self, done),
            guarded(self, failed),
        )


def open_poster_dialog(
    parent: QWidget, context: AppContext, survey: Survey | None, notice: NoticeBar | None = None
) -> PosterDialog | None:
    """Open the dialog for ``survey`` (non-blocking); a saved poster is announced on
    ``notice``, with the limits of its code when it does not reach every customer."""
    if survey is None or not survey.slug:
        return None
    dialog = PosterDialog(context, survey, parent)
    if notice is not None:
        dialog.saved.connect(
            lambda path: announce(
                notice,
                context,
                QCoreApplication.translate("PosterDialog", "Poster saved to {path}").format(
                    path=path
                ),
                dialog.link(),
            )
        )
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
