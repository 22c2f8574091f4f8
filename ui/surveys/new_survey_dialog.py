"""New survey: pick a template (or a blank survey), the languages and a title; the result
is a draft Survey."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from surveys.model import Survey, SurveyKind
from surveys.templates import TEMPLATES, survey_from_template
from surveys.text import LocalText
from ui.common.widgets import heading, hint
from ui.surveys.template_list import BLANK, TemplateList

# Language names are written in their own language, as language pickers do.
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}


class NewSurveyDialog(QDialog):
    """Choose a template, languages and title; ``survey()`` builds the draft.

    The widgets are public attributes so tests can drive them: ``template_list``
    (every template and "Blank survey"; ``template_list.select(key)`` picks one),
    ``language_combo`` (item data: the language codes, "ja,en") and ``title_edits``
    (language → QLineEdit). Titles are prefilled from the template in each chosen
    language until the user edits them.
    """

    def __init__(
        self,
        ui_language: str,
        company: str = "",
        parent: QWidget | None = None,
        *,
        business_kind: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New survey"))
        self._company = company
        self._business_kind = business_kind
        self._edited: set[str] = set()

        self.template_list = TemplateList(ui_language)
        self.template_list.setAccessibleName(self.tr("Templates"))

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
        layout.addWidget(self.template_list, 1)
        layout.addLayout(form)
        layout.addWidget(
            hint(self.tr("The survey is saved as a draft: open it when you are ready to share it."))
        )
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.template_list.currentRowChanged.connect(self._refresh)
        self.template_list.itemDoubleClicked.connect(lambda _item: self._accept_if_ready())
        self.language_combo.currentIndexChanged.connect(self._refresh)
        self.template_list.select("nps")
        self._refresh()

    def template_key(self) -> str:
        """The chosen template's key, or BLANK for a survey without questions."""
        return self.template_list.key()

    def _accept_if_ready(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            self.accept()

    def languages(self) -> tuple[str, ...]:
        return tuple(str(self.language_combo.currentData()).split(","))

    def title(self) -> LocalText:
        return LocalText({lang: self.title_edits[lang].text().strip() for lang in self.languages()})

    def survey(self, company: str | None = None) -> Survey:
        """The draft survey the dialog describes (not stored, no slug yet)."""
        if self.template_key() == BLANK:
            return Survey(
                kind=SurveyKind.CUSTOM,
                title=self.title(),
                questions=[],
                languages=self.languages(),
            )
        return survey_from_template(
            self.template_key(),
            languages=self.languages(),
            company=self._company if company is None else company,
            kind=self._business_kind,
            title=self.title(),
        )

    def _refresh(self) -> None:
        key = self.template_key()
        chosen = self.languages()
        titles = TEMPLATES[key].title if key != BLANK else self._blank_titles()
        for language, edit in self.title_edits.items():
            shown = language in chosen
            self._form.setRowVisible(edit, shown)
            if language not in self._edited:
                edit.setText(titles.get_for(language))
        if key == BLANK:
            self.preview.setText(self.tr("None yet: you write the questions in the designer."))
        else:
            first = survey_from_template(
                key, languages=chosen, company=self._company, kind=self._business_kind
            )
            self.preview.setText(first.questions[0].text.get_for(chosen[0]))
        self._update_ok()

    def _blank_titles(self) -> LocalText:
        # A blank survey is titled in each language, whatever the UI's.
        return LocalText(en="New survey", ja="新しいアンケート")

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(all(self.title().values()))
