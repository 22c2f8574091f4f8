"""The campaign wizard's Messages page: templates per language with a live preview, the
SMS's encoding, segments and cost, and the email with its score buttons."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
)

from channels.base import OutgoingMessage
from channels.email import preview_html
from surveys import campaigns as c
from surveys.business import fill_company, unnamed
from surveys.campaign_plan import message_for
from surveys.campaigns import Contact, Decision
from surveys.messages import (
    SAMPLE_NAMES,
    SAMPLE_PHONES,
    Templates,
    pick_language,
    sms_estimate,
)
from ui.send.wizard_pages import _Page

if TYPE_CHECKING:
    from ui.send.wizard import CampaignWizard

LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}
# The person a language's preview is written to when no included contact speaks it
# (surveys.messages.SAMPLE_PHONES: a Japanese number's SMS ends with the opt-out link).
SAMPLE = {
    "en": Contact(0, SAMPLE_NAMES["en"], SAMPLE_PHONES["en"], "name@example.com", language="en"),
    "ja": Contact(0, SAMPLE_NAMES["ja"], SAMPLE_PHONES["ja"], "name@example.jp", language="ja"),
}


class MessagesPage(_Page):
    """The templates per language with a live preview, SMS segments and cost."""

    def __init__(self, wizard: CampaignWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Messages"))
        self.setSubTitle(
            self.tr(
                "The invitation starts from the survey's own (written in the designer). "
                "{name}, {company} and {link} are filled in per person."
            )
        )
        self.language = QComboBox()
        self.sms = QPlainTextEdit()
        self.sms.setMaximumHeight(90)
        self.subject = QLineEdit()
        self.email = QPlainTextEdit()
        self.email.setMaximumHeight(110)
        self.sms_preview = QLabel()
        self.sms_preview.setWordWrap(True)
        self.sms_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sms_figures = QLabel()
        self.sms_figures.setWordWrap(True)
        self.email_preview = QTextBrowser()
        self.email_preview.setOpenLinks(False)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("SMS"), self.sms)
        form.addRow(self.tr("SMS preview"), self.sms_preview)
        form.addRow("", self.sms_figures)
        form.addRow(self.tr("Email subject"), self.subject)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Email preview"), self.email_preview)
        self._loading = False
        self._started_for: int | None = None  # the survey whose invitation the texts start from
        self.language.currentIndexChanged.connect(self._show_language)
        for edit in (self.sms, self.email):
            edit.textChanged.connect(self._edited)
        self.subject.textChanged.connect(self._edited)

    def initializePage(self) -> None:
        state = self.wiz().state
        survey = state.survey
        assert survey is not None
        if survey.id != self._started_for:
            # The owner's invitation from the designer, once per survey: going back and
            # forth keeps what was edited here.
            state.templates = Templates.defaults().starting_from(survey.invitation)
            self._started_for = survey.id
        self._loading = True
        self.language.clear()
        for code in survey.languages:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self._loading = False
        self._show_language()
        modes = self.wiz().state.mode
        self.sms.setEnabled(modes != c.EMAIL)
        self.subject.setEnabled(modes != c.SMS)
        self.email.setEnabled(modes != c.SMS)

    def current_language(self) -> str:
        return str(self.language.currentData() or "en")

    def _show_language(self) -> None:
        if self._loading:
            return
        language = self.current_language()
        templates = self.wiz().state.templates
        self._loading = True
        self.sms.setPlainText(templates.sms.get_for(language))
        self.subject.setText(templates.subject.get_for(language))
        self.email.setPlainText(templates.email.get_for(language))
        self._loading = False
        self.refresh()

    def _edited(self) -> None:
        if self._loading:
            return
        language = self.current_language()
        templates = self.wiz().state.templates
        templates.sms[language] = self.sms.toPlainText()
        templates.subject[language] = self.subject.text()
        templates.email[language] = self.email.toPlainText()
        self.refresh()

    def _of_language(self, decision: Decision) -> bool:
        survey = self.wiz().state.survey
        languages = survey.languages if survey is not None else ()
        return pick_language(decision.contact.language, languages) == self.current_language()

    def _sample(self, channel: str) -> Decision:
        """The first included contact of this language and channel, else a sample person."""
        for decision in self.wiz().decisions():
            if decision.channel == channel and self._of_language(decision):
                return decision
        sample = SAMPLE.get(self.current_language(), SAMPLE["en"])
        recipient = sample.email if channel == c.EMAIL else sample.phone
        return Decision(sample, channel, recipient or "")

    def _sms_samples(self) -> list[Decision]:
        """Who the SMS preview is written to: an included contact of this language with a
        Japanese number and one with another number, when there are both (the first ends
        with the opt-out link, the other with the STOP keyword), else one person."""
        found: dict[bool, Decision] = {}
        for decision in self.wiz().decisions():
            if decision.channel == c.SMS and self._of_language(decision):
                found.setdefault(c.is_japanese_number(decision.recipient), decision)
        return [found[japan] for japan in (True, False) if japan in found] or [self._sample(c.SMS)]

    def refresh(self) -> None:
        wizard = self.wiz()
        survey = wizard.state.survey
        assert survey is not None
        base = wizard.base_url()
        link = base + "/r/" + "x" * 22
        unsubscribe = base + "/u/" + "x" * 22
        languages = (self.current_language(),)
        try:
            price = Decimal(wizard.context.settings.sms_price_per_segment or "0")
        except InvalidOperation:
            price = Decimal(0)
        samples = self._sms_samples()
        texts, figures = [], []
        for decision in samples:
            # The same function as the campaign: what is shown is what is sent.
            _, _, sms = message_for(
                decision,
                purpose=c.INVITATION,
                templates=wizard.state.templates,
                survey_languages=languages,
                company=wizard.company(),
                link=link,
                unsubscribe=unsubscribe,
            )
            estimate = sms_estimate(sms, price)
            line = self.tr(
                "{encoding}, {characters} characters: %n segment(s), about {cost} "
                "per message at {price} a segment.",
                "",
                estimate.segments,
            ).format(
                encoding=estimate.encoding,
                characters=estimate.count.characters,
                cost=f"{estimate.cost.normalize():f}",
                price=f"{price.normalize():f}",
            )
            if len(samples) > 1:
                whom = (
                    self.tr("To Japanese numbers:")
                    if c.is_japanese_number(decision.recipient)
                    else self.tr("To other numbers:")
                )
                sms, line = f"{whom}\n{sms}", f"{whom} {line}"
            texts.append(sms)
            figures.append(line)
        self.sms_preview.setText("\n\n".join(texts))
        self.sms_figures.setText("\n".join(figures))
        _, subject, body = message_for(
            self._sample(c.EMAIL),
            purpose=c.INVITATION,
            templates=wizard.state.templates,
            survey_languages=languages,
            company=wizard.company(),
            link=link,
            unsubscribe=unsubscribe,
        )
        self.email_preview.setHtml(self._email_html(subject or "", body, link))

    def _email_html(self, subject: str, body: str, link: str) -> str:
        """The email as channels.email writes it: the survey's question, its end labels
        and the score buttons where the body holds the link, before the sign-off."""
        wizard = self.wiz()
        survey = wizard.state.survey
        assert survey is not None
        language = self.current_language()
        # The footer names the sender; without a name yet, the plain phrase for the kind.
        company = wizard.company() or unnamed(wizard.context.settings.business_kind, language)
        headline = survey.headline_question
        scale = headline.scale if headline is not None else None
        question, ends = "", ("", "")
        if headline is not None and scale is not None:
            kind = wizard.context.settings.business_kind
            question = fill_company(
                headline.text.get_for(language), wizard.company(), kind, language
            )
            ends = (headline.low_label.get_for(language), headline.high_label.get_for(language))
        message = OutgoingMessage(
            0,
            "",
            body,
            subject=subject,
            link=link,
            unsubscribe_url=link.replace("/r/", "/u/"),
            scores=(scale.minimum, scale.maximum) if scale is not None else None,
            question=question,
            end_labels=ends,
            language=language,
        )
        settings = wizard.context.settings
        page = preview_html(message, company, settings.postal_address)
        return f"<p><b>{escape(subject)}</b></p><hr>{page}"
