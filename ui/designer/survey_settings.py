"""Survey settings in the designer: title, languages, channels, anonymity, invitation, rules
switched off, and what the customer's page says (ui.designer.page_texts_section)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from surveys.checker import Field, rule, sms_segments
from surveys.checker.selection import LINK_LENGTH
from surveys.messages import sample_sms
from surveys.text import LocalText
from ui.common.widgets import heading
from ui.designer.draft import TITLE, Draft, SurveySettings, Target
from ui.designer.fields import LineField, WordingField
from ui.designer.look import LANGUAGE_NAMES
from ui.designer.page_texts_section import PageTextsSection
from ui.designer.section import caption, language_caption, secondary

INVITATION = Field.INVITATION.value
CHANNELS = ("link", "qr", "sms", "email")
# Language choices as the survey stores them: the first is the default language.
LANGUAGE_CHOICES = (("ja",), ("en",), ("ja", "en"), ("en", "ja"))


class SurveySettingsEditor(QScrollArea):
    """Edits the survey as a whole.

    Public for tests: ``title_fields`` and ``invitation_fields`` (language → field),
    ``sms_labels`` (language → the live segment count), ``language_combo`` (item
    data "ja,en"), ``channel_boxes`` (channel → QCheckBox), ``anonymous_box`` and
    ``anonymous_hint`` (what the switch changes), ``rules_label`` and ``rules_button``,
    ``page_texts`` (heading, intro, thank-you, redirect and the live phone sketch).

    Signals:
        edited(object, str, str, object): new SurveySettings, the undo text, a merge key
            and a Target.
        rules_requested(): the user asked for the list of rules.
        field_left(): a text field lost the focus.
    """

    edited = Signal(object, str, str, object)
    rules_requested = Signal()
    field_left = Signal()

    def __init__(self, draft: Draft, ui_lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.ui_lang = ui_lang
        self._languages: tuple[str, ...] = ()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        self._column = QVBoxLayout(body)
        self._column.setContentsMargins(16, 12, 16, 16)
        self._column.setSpacing(8)
        self._column.addWidget(heading(self.tr("Survey settings")))

        self.language_combo = QComboBox()
        for languages in LANGUAGE_CHOICES:
            self.language_combo.addItem(
                " + ".join(LANGUAGE_NAMES[lang] for lang in languages), ",".join(languages)
            )
        self.language_combo.activated.connect(self._on_languages)
        language_row = QHBoxLayout()
        language_label = QLabel(self.tr("Languages:"))
        language_label.setBuddy(self.language_combo)
        language_row.addWidget(language_label)
        language_row.addWidget(self.language_combo, 1)

        self.channel_boxes: dict[str, QCheckBox] = {}
        names = {
            "link": self.tr("Link"),
            "qr": self.tr("QR code"),
            "sms": self.tr("SMS"),
            "email": self.tr("Email"),
        }
        channel_row = QHBoxLayout()
        for channel in CHANNELS:
            box = QCheckBox(names[channel])
            box.toggled.connect(lambda checked, c=channel: self._on_channel(c, checked))
            channel_row.addWidget(box)
            self.channel_boxes[channel] = box
        channel_row.addStretch(1)

        self.anonymous_box = QCheckBox(self.tr("Anonymous answers"))
        self.anonymous_box.setObjectName("anonymous")
        self.anonymous_box.toggled.connect(self._on_anonymous)
        self.anonymous_hint = secondary("")

        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        self.rules_button = QPushButton(self.tr("Rules…"))
        self.rules_button.clicked.connect(self.rules_requested)
        rules_row = QHBoxLayout()
        rules_row.addWidget(self.rules_label, 1)
        rules_row.addWidget(self.rules_button, 0, Qt.AlignmentFlag.AlignTop)

        self._titles = QWidget()
        self._title_rows = QVBoxLayout(self._titles)
        self._title_rows.setContentsMargins(0, 0, 0, 0)
        self._title_rows.setSpacing(4)
        self._invitations = QWidget()
        self._invitation_rows = QVBoxLayout(self._invitations)
        self._invitation_rows.setContentsMargins(0, 6, 0, 0)
        self._invitation_rows.setSpacing(4)
        self.title_fields: dict[str, LineField] = {}
        self.invitation_fields: dict[str, WordingField] = {}
        self.sms_labels: dict[str, QLabel] = {}

        self._column.addWidget(self._titles)
        self._column.addLayout(language_row)
        self._column.addWidget(
            secondary(
                self.tr(
                    "Wording in a language you remove is kept, and comes back if you add "
                    "the language again."
                )
            )
        )
        self._column.addSpacing(6)
        self._column.addWidget(caption(self.tr("Meant to be shared by:")))
        self._column.addLayout(channel_row)
        self._column.addWidget(
            secondary(
                self.tr(
                    "SMS and QR surveys are answered on a phone: the checklist asks for "
                    "under two minutes."
                )
            )
        )
        self._column.addSpacing(6)
        self._column.addWidget(self.anonymous_box)
        self._column.addWidget(self.anonymous_hint)
        self._column.addWidget(self._invitations)
        self._column.addSpacing(6)
        self.page_texts = PageTextsSection()
        self.page_texts.text_edited.connect(self._on_page_text)
        self.page_texts.redirect_edited.connect(self._on_redirect)
        self.page_texts.field_left.connect(self.field_left)
        self._column.addWidget(self.page_texts)
        self._column.addSpacing(6)
        self._column.addLayout(rules_row)
        self._column.addStretch(1)

    # Showing ------------------------------------------------------------------

    def show_settings(self) -> None:
        settings = self.draft.settings()
        if settings.languages != self._languages:
            self._languages = settings.languages
            self._build_fields(settings.languages)
        for language, edit in self.title_fields.items():
            edit.sync(settings.title.get(language, ""))
        for language, edit in self.invitation_fields.items():
            edit.sync(settings.invitation.get(language, ""))
        self._show_sms_counts(settings)
        self.page_texts.show_settings(settings)
        combo = self.language_combo
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(",".join(settings.languages))))
        combo.blockSignals(blocked)
        for channel, box in self.channel_boxes.items():
            blocked = box.blockSignals(True)
            box.setChecked(channel in settings.channels)
            box.blockSignals(blocked)
        blocked = self.anonymous_box.blockSignals(True)
        self.anonymous_box.setChecked(settings.anonymous)
        self.anonymous_box.blockSignals(blocked)
        self.anonymous_hint.setText(self._anonymous_text(settings.anonymous))
        off = sorted(settings.disabled_rules)
        if off:
            titles = ", ".join(rule(rule_id).title.get_for(self.ui_lang) for rule_id in off)
            self.rules_label.setText(
                self.tr("Switched off for this survey: %1").replace("%1", titles)
            )
        else:
            self.rules_label.setText(self.tr("Every best-practice rule is on."))

    def _anonymous_text(self, anonymous: bool) -> str:
        """What the switch changes, in plain words, for the state it is in."""
        if anonymous:
            return self.tr(
                "On: answers that come through a personal link (SMS or email) are not linked "
                "to the contact who got it. Comments, alerts and exports show no name, answers "
                "cannot be broken down by contact details, and no follow-up message goes to the "
                "person. Reminders still stop once someone answers. It applies to answers from "
                "now on: those already given stay as they were stored."
            )
        return self.tr(
            "Off: an answer through a personal link (SMS or email) is linked to the contact "
            "who got it, so you see who answered and can follow up. Answers through the public "
            "link or a QR code are anonymous either way."
        )

    def _build_fields(self, languages: tuple[str, ...]) -> None:
        for rows in (self._title_rows, self._invitation_rows):
            while rows.count():
                widget = rows.takeAt(0).widget()
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self.title_fields, self.invitation_fields, self.sms_labels = {}, {}, {}
        for language in languages:
            label = caption(language_caption(self.tr("Title"), language, languages))
            edit = LineField()
            edit.setObjectName(f"title_{language}")
            edit.edited.connect(lambda text, lang=language: self._on_text(TITLE, lang, text))
            edit.finished.connect(self.field_left)
            label.setBuddy(edit)
            self._title_rows.addWidget(label)
            self._title_rows.addWidget(edit)
            self.title_fields[language] = edit
        for language in languages:
            label = caption(language_caption(self.tr("Invitation message"), language, languages))
            edit = WordingField(min_lines=3, max_lines=6, paragraphs=True)
            edit.setObjectName(f"invitation_{language}")
            edit.edited.connect(lambda text, lang=language: self._on_text(INVITATION, lang, text))
            edit.finished.connect(self.field_left)
            label.setBuddy(edit)
            count = secondary("")
            self._invitation_rows.addWidget(label)
            self._invitation_rows.addWidget(edit)
            self._invitation_rows.addWidget(count)
            self.invitation_fields[language] = edit
            self.sms_labels[language] = count
        self._invitation_rows.addWidget(
            secondary(
                self.tr(
                    "For SMS and email: the Send page starts from it. {name} becomes the "
                    "contact's name, {company} your business name and {link} their personal "
                    "link (counted as %1 characters). The SMS count holds the opt-out line "
                    "as it is sent."
                ).replace("%1", str(LINK_LENGTH))
            )
        )

    def _show_sms_counts(self, settings: SurveySettings) -> None:
        for language, label in self.sms_labels.items():
            template = settings.invitation.get(language, "")
            count = sms_segments(sample_sms(template, language)) if template.strip() else None
            if count is None or count.segments == 0:
                text = self.tr("SMS: nothing to send yet.")
            elif count.segments == 1:
                text = self.tr("1 SMS segment: %1 of %2 characters.")
                text = text.replace("%1", str(count.characters)).replace(
                    "%2", str(count.per_segment)
                )
            else:
                text = self.tr("%1 SMS segments: %2 characters, %3 a segment.")
                text = (
                    text.replace("%1", str(count.segments))
                    .replace("%2", str(count.characters))
                    .replace("%3", str(count.per_segment))
                )
            label.setText(text)

    def focus(self, target: Target) -> bool:
        language = target.language or self.draft.languages[0]
        fields = self.invitation_fields if target.field == INVITATION else self.title_fields
        edit = fields.get(language)
        if edit is None:
            return False
        edit.setFocus()
        edit.selectAll()
        self.ensureWidgetVisible(edit, 0, 24)
        return True

    # Editing ------------------------------------------------------------------

    def _emit(
        self, after: SurveySettings, text: str, key: str = "", target: Target | None = None
    ) -> None:
        before = self.draft.settings()
        if after != before:
            self.edited.emit(after, text, key, target or Target(None))

    def _on_text(self, field: str, language: str, text: str) -> None:
        settings = self.draft.settings()
        values = LocalText(getattr(settings, field))
        values[language] = text
        after = replace(settings, **{field: values})
        what = self.tr("Edit title") if field == TITLE else self.tr("Edit invitation")
        self._emit(after, what, f"survey:{field}:{language}", Target(None, field, language))

    def _on_page_text(self, field: str, language: str, text: str) -> None:
        settings = self.draft.settings()
        values = LocalText(getattr(settings, field))
        values[language] = text
        what = {
            "heading": self.tr("Edit page heading"),
            "intro": self.tr("Edit introduction"),
            "thanks": self.tr("Edit thank-you message"),
        }[field]
        self._emit(replace(settings, **{field: values}), what, f"survey:{field}:{language}")

    def _on_redirect(self, address: str) -> None:
        after = replace(self.draft.settings(), redirect_url=address)
        self._emit(after, self.tr("Edit the page after thanks"), "survey:redirect_url")

    def _on_languages(self, index: int) -> None:
        languages = tuple(str(self.language_combo.itemData(index)).split(","))
        after = replace(self.draft.settings(), languages=languages)
        self._emit(after, self.tr("Change languages"))

    def _on_anonymous(self, checked: bool) -> None:
        after = replace(self.draft.settings(), anonymous=checked)
        text = self.tr("Make answers anonymous") if checked else self.tr("Link answers to contacts")
        self._emit(after, text)

    def _on_channel(self, channel: str, checked: bool) -> None:
        settings = self.draft.settings()
        chosen = (
            set(settings.channels) | {channel} if checked else set(settings.channels) - {channel}
        )
        after = replace(settings, channels=tuple(c for c in CHANNELS if c in chosen))
        self._emit(after, self.tr("Change channels"))
