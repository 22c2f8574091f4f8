"""The scale part of the question editor: endpoint labels, and three or five faces."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QRadioButton, QWidget

from surveys.checker import Field
from surveys.questions import Question, QuestionType
from ui.designer.draft import Draft, Target
from ui.designer.fields import LineField
from ui.designer.look import LANGUAGE_NAMES
from ui.designer.question_ops import copy_question
from ui.designer.section import Section, secondary

# Thumbs and faces are their own labels (as the checker says).
LABELLED = (QuestionType.NPS, QuestionType.CSAT, QuestionType.CES, QuestionType.STAR)


class ScaleSection(Section):
    """Labels for both ends of a graded scale, per language; the number of faces.

    ``label_fields`` maps (field, language) to the LineField, field being
    "low_label" or "high_label"; ``points_buttons`` maps 3 and 5 to radio buttons.
    """

    def __init__(self, draft: Draft, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.label_fields: dict[tuple[str, str], LineField] = {}
        self.points_buttons: dict[int, QRadioButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        languages = draft.languages
        scale = question.scale
        if question.type in LABELLED and scale is not None:
            first_column = 1 if len(languages) > 1 else 0
            low = QLabel(self.tr("Label for %1 (lowest)").replace("%1", str(scale.minimum)))
            high = QLabel(self.tr("Label for %1 (highest)").replace("%1", str(scale.maximum)))
            grid.addWidget(low, 0, first_column)
            grid.addWidget(high, 0, first_column + 1)
            for row, language in enumerate(languages, start=1):
                if len(languages) > 1:
                    grid.addWidget(QLabel(LANGUAGE_NAMES[language]), row, 0)
                for column, field in enumerate((Field.LOW_LABEL, Field.HIGH_LABEL)):
                    edit = LineField()
                    edit.setObjectName(f"{field.value}_{language}")
                    edit.edited.connect(
                        lambda text, f=field.value, lang=language: self._on_label(f, lang, text)
                    )
                    grid.addWidget(edit, row, first_column + column)
                    self.label_fields[(field.value, language)] = edit
            grid.setColumnStretch(first_column, 1)
            grid.setColumnStretch(first_column + 1, 1)
        elif question.type is QuestionType.SMILEY:
            row_widget = QWidget()
            row = QHBoxLayout(row_widget)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(QLabel(self.tr("Faces:")))
            group = QButtonGroup(self)
            for points in (3, 5):
                button = QRadioButton(self.tr("%1 faces").replace("%1", str(points)))
                group.addButton(button, points)
                row.addWidget(button)
                self.points_buttons[points] = button
            row.addStretch(1)
            group.idClicked.connect(self._on_points)
            grid.addWidget(row_widget, 0, 0)
            grid.addWidget(secondary(self.tr("Faces need no labels: they speak for themselves.")))
        else:  # thumbs
            grid.addWidget(
                secondary(self.tr("Thumbs need no labels: they speak for themselves.")), 0, 0
            )
        self.show_question(question)

    def show_question(self, question: Question) -> None:
        super().show_question(question)
        for (field, language), edit in self.label_fields.items():
            edit.sync(getattr(question, field).get(language, ""))
        locked = self.draft.is_locked(question.qid)
        for points, button in self.points_buttons.items():
            button.setChecked(question.points == points)
            # The number of faces is the scale: answers on 3 faces mean nothing on 5.
            button.setEnabled(not locked)

    def focus(self, target: Target) -> bool:
        language = target.language or self.draft.languages[0]
        edit = self.label_fields.get((target.field or "", language))
        if edit is None:
            return False
        edit.setFocus()
        edit.selectAll()
        return True

    def _on_label(self, field: str, language: str, text: str) -> None:
        assert self.question is not None
        after = copy_question(self.question)
        getattr(after, field)[language] = text
        key = f"{after.qid}:{field}:{language}"
        target = Target(after.qid, field, language)
        self.emit_edit(after, self.tr("Edit scale label"), key, target)

    def _on_points(self, points: int) -> None:
        assert self.question is not None
        after = copy_question(self.question)
        after.points = points
        self.emit_edit(after, self.tr("Change number of faces"))
