"""The automatic follow-up texts, per band and language, with their checks and previews.

Koe's texts are where the owner starts; an edited band and language replaces
Koe's (``Settings.follow_up_texts``). Below the text: what is wrong with it
(a placeholder mistyped, a promoter's text without the referral link, a
passive asked to talk without being told how) and what the customer reads —
the SMS to a Japanese number and to another country, each counted by the same
function as the sending (``channels.follow_ups.message`` → ``sms_text``), and
the email.

Signals:
    edited(): a text or the reply page changed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from channels import follow_ups
from storage.settings import Settings
from surveys.messages import SAMPLE_NAMES, SAMPLE_PHONES, SAMPLE_PUBLIC_URL, SAMPLE_TOKEN
from surveys.sms import sms_segments
from ui.common.widgets import hint

LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}
MAX_SEGMENTS = 2  # as the invitation's advice
BAD_RED = "#c62828"


class FollowUpTextsEditor(QWidget):
    """Band and language pickers, the subject and text, the reply page, checks, previews."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = Settings()
        self._texts: dict[tuple[str, str], tuple[str, str]] = {}
        self._loading = False
        self.band = QComboBox()
        for band, name in (
            ("promoter", self.tr("Promoters (thanked, offered the referral link)")),
            ("passive", self.tr("Passives (thanked, invited to talk)")),
            ("detractor", self.tr("Detractors (told someone will be in touch)")),
        ):
            self.band.addItem(name, band)
        self.language = QComboBox()
        for code in follow_ups.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setMaximumHeight(90)
        self.restore = QPushButton(self.tr("Use Koe's text"))
        self.restore.clicked.connect(self._restore)
        self.reply_url = QLineEdit()
        self.reply_url.setPlaceholderText("https://")
        self.problem = QLabel()
        self.problem.setObjectName("follow_up_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {BAD_RED}")
        self.preview = QLabel()
        self.preview.setObjectName("follow_up_preview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)

        pickers = QHBoxLayout()
        pickers.addWidget(self.band, 1)
        pickers.addWidget(self.language)
        pickers.addWidget(self.restore)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Email subject"), self.subject)
        form.addRow(self.tr("Text"), self.body)
        form.addRow(self.tr("Reply page"), self.reply_url)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(pickers)
        column.addLayout(form)
        column.addWidget(
            hint(
                self.tr(
                    "{name}, {company}, {referral} (your referral link) and {reply} (how the "
                    "customer can answer a person) are filled in per person. {reply} says "
                    "“reply to this message” where that reaches you (email, or an SMS to your "
                    "own number outside Japan), else points to the reply page: your contact "
                    "page, LINE account or form. Without one, passives who cannot reply get no "
                    "message."
                )
            )
        )
        column.addWidget(self.problem)
        column.addWidget(self.preview)
        self.band.currentIndexChanged.connect(self._show)
        self.language.currentIndexChanged.connect(self._show)
        self.subject.textChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.reply_url.textChanged.connect(self._edited)

    # -- the texts ------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Show ``settings``' texts (Koe's where the owner has none) and reply page."""
        self._settings = settings
        self._texts = {
            key: follow_ups.text_for(key[0], key[1], settings) for key in follow_ups.DEFAULT_TEXTS
        }
        self._loading = True
        self.reply_url.setText(settings.reply_url)
        self._loading = False
        self._show()

    def texts(self) -> tuple[tuple[str, str, str, str], ...]:
        """The owner's texts as stored: only those that differ from Koe's."""
        return tuple(
            (band, language, subject, body)
            for (band, language), (subject, body) in self._texts.items()
            if (subject, body) != follow_ups.DEFAULT_TEXTS[(band, language)]
        )

    def reply_page(self) -> str:
        return self.reply_url.text().strip()

    def current(self) -> tuple[str, str]:
        return str(self.band.currentData()), str(self.language.currentData())

    def _show(self) -> None:
        subject, body = self._texts.get(self.current(), ("", ""))
        self._loading = True
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self._loading = False
        self.refresh()

    def _edited(self) -> None:
        if self._loading:
            return
        self._texts[self.current()] = (self.subject.text(), self.body.toPlainText())
        self.refresh()
        self.edited.emit()

    def _restore(self) -> None:
        self._texts[self.current()] = follow_ups.DEFAULT_TEXTS[self.current()]
        self._show()
        self.edited.emit()

    # -- checks and previews ------------------------------------------------------------

    def problems(self) -> list[str]:
        """What is wrong with any band's text or the reply page, in plain words."""
        found = []
        names = {
            "promoter": self.tr("promoters"),
            "passive": self.tr("passives"),
            "detractor": self.tr("detractors"),
        }
        for (band, language), (_subject, body) in self._texts.items():
            where = self.tr("The %1 text for %2").replace("%1", LANGUAGE_NAMES[language])
            where = where.replace("%2", names[band])
            if not body.strip():
                found.append(self.tr("%1 is empty.").replace("%1", where))
                continue
            unknown = follow_ups.unknown_placeholders(body)
            if unknown:
                found.append(
                    self.tr("%1 has %2, which is not a placeholder.")
                    .replace("%1", where)
                    .replace("%2", " ".join(unknown))
                )
            needed = follow_ups.REQUIRED.get(band)
            if needed and needed not in body:
                found.append(self.tr("%1 needs %2.").replace("%1", where).replace("%2", needed))
        page = self.reply_page()
        if page and not page.lower().startswith(("https://", "http://")):
            found.append(self.tr("The reply page must be a web address (https://…)."))
        return found

    def preview_settings(self) -> Settings:
        return replace(self._settings, follow_up_texts=self.texts(), reply_url=self.reply_page())

    def refresh(self) -> None:
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        band, language = self.current()
        settings = self.preview_settings()
        base = settings.public_url.rstrip("/") or SAMPLE_PUBLIC_URL
        parts = []
        for phone, whom in (
            (SAMPLE_PHONES["ja"], self.tr("SMS to a Japanese number")),
            (SAMPLE_PHONES["en"], self.tr("SMS to a number outside Japan")),
        ):
            sms = follow_ups.message(
                band,
                language,
                settings,
                channel="sms",
                recipient=phone,
                name=SAMPLE_NAMES[language],
                unsubscribe_url=f"{base}/u/{SAMPLE_TOKEN}",
            )
            if sms is None:
                parts.append(
                    f"{whom}: "
                    + self.tr("not sent: nobody can answer it and there is no reply page.")
                )
                continue
            count = sms_segments(sms[1])
            line = (
                self.tr("%1 (%2 characters, %n segment(s))", "", count.segments)
                .replace("%1", whom)
                .replace("%2", str(count.characters))
            )
            if count.segments > MAX_SEGMENTS:
                line += " " + self.tr("— more than two segments: costs more, may arrive split.")
            parts.append(f"{line}\n{sms[1]}")
        email = follow_ups.message(band, language, settings, name=SAMPLE_NAMES[language])
        if email is not None:
            label = self.tr("Email: %1").replace("%1", email[0])
            parts.append(f"{label}\n{email[1]}")
        self.preview.setText("\n\n".join(parts))
