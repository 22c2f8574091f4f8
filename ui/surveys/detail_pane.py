"""The Surveys page's right-hand pane: the selected survey's link, QR code and questions.

It only shows things; its buttons trigger the page's QActions, so the
toolbar, the shortcuts and the pane always agree on what is possible.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from channels.reach import classify
from surveys.model import Survey, SurveyStatus
from ui.common.reach_notice import ReachNotice, qr_hint
from ui.common.survey_labels import archived_name, kind_name, status_text
from ui.common.widgets import heading, heading_font, hint
from ui.context import AppContext

QR_PREVIEW_SIZE = 168


def action_button(action: QAction, parent: QWidget | None = None) -> QPushButton:
    """A push button that triggers ``action`` and mirrors its text, icon and state."""
    button = QPushButton(parent)

    def sync() -> None:
        button.setText(action.iconText() or action.text().replace("&", ""))
        button.setIcon(action.icon())
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())

    action.changed.connect(sync)
    button.clicked.connect(action.trigger)
    sync()
    return button


class SurveyDetailPane(QScrollArea):
    """Title, status, public link, QR preview and question wording of one survey.

    ``link_edit`` holds the public link; ``qr_label`` the QR preview; ``reach_notice``
    says who cannot open the link (hidden when anyone can) and offers the set-up.
    """

    poster_requested = Signal(object)  # the survey shown: Save poster… was clicked
    export_requested = Signal(object)  # the survey shown: Export… was clicked

    def __init__(
        self, actions: dict[str, QAction], context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

        body = QWidget()
        self.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 8, 12, 12)
        column.setSpacing(8)

        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setFont(heading_font(self.font(), 1.4))
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = hint("")
        column.addWidget(self.title_label)
        column.addWidget(self.meta_label)

        self._content = QWidget()
        content = QVBoxLayout(self._content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(8)
        column.addWidget(self._content)

        content.addSpacing(6)
        content.addWidget(heading(self.tr("Public link"), scale=1.05))
        self.link_edit = QLineEdit()
        self.link_edit.setReadOnly(True)
        content.addWidget(self.link_edit)
        links = QHBoxLayout()
        links.addWidget(action_button(actions["copy_link"]))
        links.addWidget(action_button(actions["open_in_browser"]))
        links.addStretch(1)
        content.addLayout(links)
        self.link_note = hint("")
        content.addWidget(self.link_note)
        self.reach_notice = ReachNotice(context)
        content.addWidget(self.reach_notice)

        content.addSpacing(6)
        content.addWidget(heading(self.tr("QR code"), scale=1.05))
        qr_row = QHBoxLayout()
        self.qr_label = QLabel()
        self.qr_label.setFixedSize(QR_PREVIEW_SIZE, QR_PREVIEW_SIZE)
        self.qr_label.setScaledContents(True)
        # Codes are black on white whatever the theme: scanners need the contrast.
        self.qr_label.setStyleSheet("background: white; border: 1px solid #c8c8c8;")
        qr_row.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)
        qr_side = QVBoxLayout()
        self.qr_hint = hint("")
        qr_side.addWidget(self.qr_hint)
        qr_side.addWidget(action_button(actions["save_qr"]), 0, Qt.AlignmentFlag.AlignLeft)
        self.survey: Survey | None = None
        self.poster_button = QPushButton(self.tr("Save poster…"))
        self.poster_button.clicked.connect(lambda: self.poster_requested.emit(self.survey))
        save_qr = actions["save_qr"]
        save_qr.changed.connect(lambda: self.poster_button.setEnabled(save_qr.isEnabled()))
        self.poster_button.setEnabled(save_qr.isEnabled())
        qr_side.addWidget(self.poster_button, 0, Qt.AlignmentFlag.AlignLeft)
        qr_side.addStretch(1)
        qr_row.addLayout(qr_side, 1)
        content.addLayout(qr_row)

        content.addSpacing(6)
        questions_row = QHBoxLayout()
        questions_row.addWidget(heading(self.tr("Questions"), scale=1.05))
        questions_row.addStretch(1)
        questions_row.addWidget(action_button(actions["edit_survey"]))
        content.addLayout(questions_row)
        self.questions_label = QLabel()
        self.questions_label.setWordWrap(True)
        self.questions_label.setTextFormat(Qt.TextFormat.PlainText)
        self.questions_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.questions_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        content.addWidget(self.questions_label)

        content.addSpacing(10)
        status_row = QHBoxLayout()
        status_row.addWidget(action_button(actions["open_survey"]))
        status_row.addWidget(action_button(actions["close_survey"]))
        status_row.addStretch(1)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("export_survey")
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.survey))
        status_row.addWidget(self.export_button)
        status_row.addWidget(action_button(actions["see_results"]))
        content.addLayout(status_row)
        keeping_row = QHBoxLayout()
        for name in ("duplicate_survey", "archive_survey", "delete_survey"):
            keeping_row.addWidget(action_button(actions[name]))
        keeping_row.addStretch(1)
        content.addLayout(keeping_row)
        column.addStretch(1)
        # Never narrower than its widest row: the pane scrolls down, not sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scrollbar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(max(320, body.minimumSizeHint().width() + scrollbar))
        self.show_survey(None)

    def show_survey(
        self,
        survey: Survey | None,
        link: str = "",
        qr_png: bytes = b"",
        language: str = "en",
        responses: int = 0,
        archived: bool = False,
    ) -> None:
        """Show ``survey`` (None: the "select a survey" hint)."""
        self.survey = survey
        self._content.setVisible(survey is not None)
        if survey is None:
            self.title_label.setText("")
            self.meta_label.setText(self.tr("Select a survey to see its link and QR code."))
            self.link_edit.clear()
            self.qr_label.clear()
            return
        self.title_label.setText(survey.title.get_for(language))
        self.meta_label.setText(
            " · ".join(
                [
                    kind_name(survey.kind),
                    archived_name() if archived else status_text(survey.status, survey.closes_at),
                    self.tr("Responses: %1").replace("%1", str(responses)),
                ]
            )
        )
        self.link_edit.setText(link)
        self.link_edit.setCursorPosition(0)
        self.link_note.setText(self._link_note(survey.status, bool(link), archived))
        self.link_note.setVisible(bool(self.link_note.text()))
        if link:
            self.reach_notice.show_link(link)
        else:
            self.reach_notice.hide()
        self.qr_hint.setText(qr_hint(classify(link)))
        pixmap = QPixmap()
        if qr_png and pixmap.loadFromData(qr_png, "PNG"):
            self.qr_label.setPixmap(pixmap)
        else:
            self.qr_label.clear()
        self.questions_label.setText(self._questions_text(survey, language))

    def _link_note(self, status: SurveyStatus, has_link: bool, archived: bool = False) -> str:
        if not has_link:
            return self.tr("Set a public URL starting with http:// or https:// in Settings.")
        if archived:
            return self.tr(
                "The survey is archived: the link tells visitors it no longer takes answers. "
                "Its answers are kept; unarchive it to reopen it."
            )
        if status is SurveyStatus.DRAFT:
            return self.tr("This is a draft: the link works once the survey is opened.")
        if status is SurveyStatus.CLOSED:
            return self.tr(
                "The survey is closed: the link tells visitors it no longer takes answers."
            )
        return ""

    def _questions_text(self, survey: Survey, language: str) -> str:
        lines = []
        for number, question in enumerate(survey.questions, start=1):
            line = f"{number}. {question.text.get_for(language)}"
            if question.scale is not None:
                line += f" ({question.scale.minimum}–{question.scale.maximum})"
            if not question.required:
                line = self.tr("%1 (optional)").replace("%1", line)
            lines.append(line)
        return "\n".join(lines)

    def changeEvent(self, event: QEvent) -> None:
        # The title is drawn larger than the system font: follow it when it changes.
        if event.type() == QEvent.Type.FontChange:
            self.title_label.setFont(heading_font(self.font(), 1.4))
        super().changeEvent(event)
