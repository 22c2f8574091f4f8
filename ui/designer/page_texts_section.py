"""The designer's "On the customer's page" section: the survey's own heading and intro,
its thank-you message and the shop's page to go on to, with a live phone sketch that
shows them in the shop's look (logo and colour from Settings)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from storage import site_logo
from storage.settings import Settings
from surveys.page_texts import redirect_address
from surveys.text import LocalText
from ui.common.page_jobs import guarded
from ui.common.phone_preview import PhoneLook, PhonePreview
from ui.common.widgets import heading
from ui.context import AppContext
from ui.designer.draft import SurveySettings
from ui.designer.fields import LineField, WordingField
from ui.designer.section import caption, language_caption, secondary

HEADING, INTRO, THANKS = "heading", "intro", "thanks"
REDIRECT = "redirect_url"


class PageTextsSection(QWidget):
    """Edits what respondents read around the questions.

    Public for tests: ``heading_fields``, ``intro_fields``, ``thanks_fields`` (language →
    field), ``redirect_field`` and ``redirect_problem`` (why an address is not used),
    ``phone`` (the live PhonePreview).

    Signals:
        text_edited(str, str, str): field (HEADING, INTRO, THANKS), language, new text.
        redirect_edited(str): a valid redirect address, or "" for none.
        field_left(): a field lost the focus.
    """

    text_edited = Signal(str, str, str)
    redirect_edited = Signal(str)
    field_left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages: tuple[str, ...] = ()
        self._preview_language = ""
        self._settings: SurveySettings | None = None
        self._shop = PhoneLook()
        self.heading_fields: dict[str, LineField] = {}
        self.intro_fields: dict[str, WordingField] = {}
        self.thanks_fields: dict[str, WordingField] = {}
        self._fields = QWidget()
        self._rows = QVBoxLayout(self._fields)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(4)
        self.redirect_field = LineField()
        self.redirect_field.setObjectName("redirect_url")
        self.redirect_field.setPlaceholderText("https://")
        self.redirect_field.edited.connect(self._on_redirect)
        self.redirect_field.finished.connect(self.field_left)
        self.redirect_problem = secondary("")
        self.redirect_problem.setObjectName("redirect_problem")
        self.phone = PhonePreview()

        fields = QVBoxLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addWidget(self._fields)
        redirect_label = caption(self.tr("After the thank-you page, go on to (optional)"))
        redirect_label.setBuddy(self.redirect_field)
        fields.addWidget(redirect_label)
        fields.addWidget(self.redirect_field)
        fields.addWidget(self.redirect_problem)
        fields.addWidget(
            secondary(
                self.tr(
                    "Your own site, such as your menu or shop: https only. The thank-you page "
                    "shows a link to it and goes there after 5 seconds, unless the customer "
                    "chooses to stay or the page offers a review or referral link."
                )
            )
        )
        fields.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(fields, 1)
        row.addWidget(self.phone)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(self.tr("On the customer's page")))
        column.addWidget(
            secondary(
                self.tr(
                    "Leave a field empty to use Koe's words. The logo and colour are the same "
                    "for every survey: Settings ▸ Your shop's look."
                )
            )
        )
        column.addLayout(row)

    # Showing ------------------------------------------------------------------

    def watch_shop(self, context: AppContext) -> None:
        """Show the shop's name, colour and logo in the sketch, and follow their changes."""

        def loaded(logo: object) -> None:
            content = logo.content if isinstance(logo, site_logo.Logo) else b""
            self._show_shop(context.settings, content)

        def refresh(_settings: object = None) -> None:
            context.worker.submit(site_logo.load, guarded(self, loaded))

        context.settings_changed.connect(refresh)
        refresh()

    def _show_shop(self, settings: Settings, logo: bytes) -> None:
        self._shop = PhoneLook(settings.business_name, settings.brand_colour, logo)
        self._show_phone()

    def show_settings(self, settings: SurveySettings) -> None:
        self._settings = settings
        if settings.languages != self._languages:
            self._languages = settings.languages
            self._build(settings.languages)
        if self._preview_language not in settings.languages:
            self._preview_language = settings.languages[0]
        for name, fields in self._by_name().items():
            values: LocalText = getattr(settings, name)
            for language, edit in fields.items():
                edit.sync(values.get(language, ""))
        if self.redirect_field.text().strip() != settings.redirect_url:
            self.redirect_field.sync(settings.redirect_url)
        self._show_phone()

    def _show_phone(self) -> None:
        settings = self._settings
        language = self._preview_language
        shop = self._shop
        self.phone.show_look(
            PhoneLook(
                shop.business_name,
                shop.colour,
                shop.logo,
                settings.heading.get(language, "") if settings else "",
                settings.intro.get(language, "") if settings else "",
            )
        )

    def _by_name(self) -> dict[str, dict]:
        return {HEADING: self.heading_fields, INTRO: self.intro_fields, THANKS: self.thanks_fields}

    def _build(self, languages: tuple[str, ...]) -> None:
        while self._rows.count():
            widget = self._rows.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.heading_fields, self.intro_fields, self.thanks_fields = {}, {}, {}
        names = {
            HEADING: self.tr("Heading (instead of “Customer survey”)"),
            INTRO: self.tr("Introduction under the heading"),
            THANKS: self.tr("Thank-you message"),
        }
        for name, fields in self._by_name().items():
            for language in languages:
                edit: LineField | WordingField
                edit = LineField() if name == HEADING else WordingField(min_lines=2, max_lines=5)
                edit.setObjectName(f"{name}_{language}")
                edit.edited.connect(
                    lambda text, n=name, lang=language: self._on_text(n, lang, text)
                )
                edit.finished.connect(self.field_left)
                label = caption(language_caption(names[name], language, languages))
                label.setBuddy(edit)
                self._rows.addWidget(label)
                self._rows.addWidget(edit)
                fields[language] = edit

    # Editing ------------------------------------------------------------------

    def _on_text(self, name: str, language: str, text: str) -> None:
        self._preview_language = language  # the sketch follows the language being typed
        self.text_edited.emit(name, language, text)

    def _on_redirect(self, text: str) -> None:
        try:
            address = redirect_address(text)
        except ValueError:
            self.redirect_problem.setText(
                self.tr(
                    "Not used yet: type a whole address starting with https://, such as "
                    "https://example.com/menu."
                )
            )
            return
        self.redirect_problem.setText("")
        self.redirect_edited.emit(address)
