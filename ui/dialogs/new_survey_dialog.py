"""New survey: pick a template, the languages and a title; the result is a draft Survey."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from surveys.model import Survey
from surveys.templates import TEMPLATES, survey_from_template
from surveys.text import LocalText
from ui.widgets import heading, hint

# The three headline-score templates this dialog offers, by name; the designer
# reaches the others. When to use each comes from the template itself.
TEMPLATE_NAMES: dict[str, str] = {
    "nps": QT_TRANSLATE_NOOP("NewSurveyDialog", "NPS — Net Promoter Score (0–10)"),
    "csat": QT_TRANSLATE_NOOP("NewSurveyDialog", "CSAT — Customer satisfaction (1–5)"),
    "ces": QT_TRANSLATE_NOOP("NewSurveyDialog", "CES — Customer effort (1–7)"),
}

# Language names are written in their own language, as language pickers do.
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}


class NewSurveyDialog(QDialog):
    """Choose a template, languages and title; ``survey()`` builds the draft.

    The widgets are public attributes so tests can drive them: ``template_buttons``
    (key → QRadioButton), ``language_combo`` (item data: the language codes, "ja,en")
    and ``title_edits`` (language → QLineEdit). Titles are prefilled from the
    template in each chosen language until the user edits them.
    """

    def __init__(
        self,
        ui_language: str,
        company: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New survey"))
        self._company = company
        self._edited: set[str] = set()

        self.template_group = QButtonGroup(self)
        self.template_buttons: dict[str, QRadioButton] = {}
        templates = QVBoxLayout()
        templates.setSpacing(2)
        for key, name in TEMPLATE_NAMES.items():
            button = QRadioButton(QCoreApplication.translate("NewSurveyDialog", name))
            self.template_group.addButton(button)
            self.template_buttons[key] = button
            description = hint(TEMPLATES[key].description.get_for(ui_language))
            # Indent the description under the radio button's text.
            description.setContentsMargins(22, 0, 0, 8)
            templates.addWidget(button)
            templates.addWidget(description)

        self.language_combo = QComboBox()
        other = "en" if ui_language == "ja" else "ja"
        choices = [
            ((ui_language,), LANGUAGE_NAMES[ui_language]),
            ((other,), LANGUAGE_NAMES[other]),
            (
                (ui_language, other),
                self.tr("Both (%1 first)").replace("%1", LANGUAGE_NAMES[ui_language]),
            ),
        ]
        for languages, label in choices:
            # Item data is a string ("ja,en"): Qt keeps a Python tuple as a list.
            self.language_combo.addItem(label, ",".join(languages))

        self.title_edits: dict[str, QLineEdit] = {}
        self._form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Languages:"), self.language_combo)
        for language in (ui_language, other):
            edit = QLineEdit()
            edit.textEdited.connect(lambda _text, lang=language: self._edited.add(lang))
            edit.textChanged.connect(self._update_ok)
            label = QLabel(self.tr("Title (%1):").replace("%1", LANGUAGE_NAMES[language]))
            label.setBuddy(edit)
            self.title_edits[language] = edit
            form.addRow(label, edit)

        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        # Use the whole field width: a wrapping label otherwise settles for a narrow,
        # tall shape of its own choosing.
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        form.addRow(self.tr("First question:"), self.preview)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create draft"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Start from a template")))
        layout.addLayout(templates)
        layout.addLayout(form)
        layout.addWidget(
            hint(self.tr("The survey is saved as a draft: open it when you are ready to share it."))
        )
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self.template_group.buttonToggled.connect(self._on_template_toggled)
        self.language_combo.currentIndexChanged.connect(self._refresh)
        self.template_buttons["nps"].setChecked(True)
        self._refresh()

    def template_key(self) -> str:
        return next(key for key, b in self.template_buttons.items() if b.isChecked())

    def languages(self) -> tuple[str, ...]:
        return tuple(str(self.language_combo.currentData()).split(","))

    def title(self) -> LocalText:
        return LocalText({lang: self.title_edits[lang].text().strip() for lang in self.languages()})

    def survey(self, company: str | None = None) -> Survey:
        """The draft survey the dialog describes (not stored, no slug yet)."""
        return survey_from_template(
            self.template_key(),
            languages=self.languages(),
            company=self._company if company is None else company,
            title=self.title(),
        )

    def _on_template_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._refresh()

    def _refresh(self) -> None:
        template = TEMPLATES[self.template_key()]
        chosen = self.languages()
        for language, edit in self.title_edits.items():
            shown = language in chosen
            self._form.setRowVisible(edit, shown)
            if language not in self._edited:
                edit.setText(template.title.get_for(language))
        first = survey_from_template(
            template.key, languages=chosen, company=self._company
        ).questions[0]
        self.preview.setText(first.text.get_for(chosen[0]))
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(all(self.title().values()))
