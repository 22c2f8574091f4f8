"""The follow-up part of the question editor: the score it follows, who sees it, its wording.

As Delighted and Wootric do, a question after a scale question may word
itself for promoters, passives and detractors, and may be asked of some of
them only. Without JavaScript the score is posted first and the follow-up
comes on the next page (``Survey.pages``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from surveys.checker import Field
from surveys.questions import Band, Question
from surveys.text import LocalText
from ui.designer.draft import Draft, Target
from ui.designer.fields import WordingField
from ui.designer.look import band_name, band_points
from ui.designer.question_ops import copy_question
from ui.designer.section import Section, language_caption, secondary

TEXT = Field.TEXT.value


def scale_questions_before(draft: Draft, question: Question) -> list[Question]:
    row = draft.row_of(question.qid)
    return [q for q in draft.questions[: max(row, 0)] if q.is_scale]


def applies(draft: Draft, question: Question) -> bool:
    """A question may follow up a score asked before it (or already names one)."""
    if question.is_scale:
        return question.follow_up_of is not None
    return bool(scale_questions_before(draft, question)) or question.follow_up_of is not None


class FollowUpSection(Section):
    """Follow-up settings: ``follows_combo`` (item data: the followed qid, "" for none),
    ``everyone_button`` / ``some_button`` with ``band_boxes`` (Band → QCheckBox), and
    ``variant_fields`` ((Band, language) → WordingField)."""

    def __init__(self, draft: Draft, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.band_boxes: dict[Band, QCheckBox] = {}
        self.variant_fields: dict[tuple[Band, str], WordingField] = {}
        self._shape: tuple[object, ...] = ()

        self.follows_combo = QComboBox()
        self.follows_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.follows_combo.setMinimumContentsLength(16)
        self.follows_combo.activated.connect(self._on_follows)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(6)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Follows up on:"), self.follows_combo)
        self._column.addLayout(form)
        self._details = QWidget()
        self._column.addWidget(self._details)
        # Replaced by the first _build_details, which every first show_question makes.
        self.everyone_button = QRadioButton(self._details)
        self.some_button = QRadioButton(self._details)
        self.show_question(question)

    def show_question(self, question: Question) -> None:
        super().show_question(question)
        self._fill_combo(question)
        followed = self.draft.question(question.follow_up_of) if question.follow_up_of else None
        bands = band_points(followed) if followed is not None and followed.is_scale else {}
        shape = (question.follow_up_of, tuple(bands.items()), self.draft.languages)
        if shape != self._shape:
            self._shape = shape
            self._build_details(bands)
        self._details.setVisible(bool(bands))
        some = bool(question.show_for)
        for button, checked in ((self.everyone_button, not some), (self.some_button, some)):
            blocked = button.blockSignals(True)
            button.setChecked(checked)
            button.blockSignals(blocked)
        for band, box in self.band_boxes.items():
            blocked = box.blockSignals(True)
            box.setChecked(some and band in question.show_for)
            box.setEnabled(some)
            box.blockSignals(blocked)
        for (band, language), edit in self.variant_fields.items():
            edit.sync(question.variants.get(band, LocalText()).get(language, ""))

    def _fill_combo(self, question: Question) -> None:
        combo = self.follows_combo
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Nothing: asked as it is"), "")
        first = self.draft.languages[0]
        for candidate in scale_questions_before(self.draft, question):
            number = self.draft.row_of(candidate.qid) + 1
            wording = candidate.text.get(first, "") or self.tr("(no wording yet)")
            combo.addItem(f"{number}. {wording}", candidate.qid)
        if question.follow_up_of and combo.findData(question.follow_up_of) < 0:
            combo.addItem(
                self.tr("A question that is no longer before this one"), question.follow_up_of
            )
        combo.setCurrentIndex(max(0, combo.findData(question.follow_up_of or "")))
        combo.blockSignals(blocked)

    def _build_details(self, bands: dict[Band, str]) -> None:
        self._column.removeWidget(self._details)
        self._details.hide()
        self._details.deleteLater()
        self._details = QWidget()
        self.band_boxes.clear()
        self.variant_fields.clear()
        column = QVBoxLayout(self._details)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        self.everyone_button = QRadioButton(self.tr("Ask everyone"))
        self.some_button = QRadioButton(self.tr("Ask only:"))
        group = QButtonGroup(self._details)
        group.addButton(self.everyone_button)
        group.addButton(self.some_button)
        self.everyone_button.toggled.connect(self._on_everyone)
        column.addWidget(self.everyone_button)
        column.addWidget(self.some_button)
        for band, points in bands.items():
            box = QCheckBox(band_name(band, points))
            box.toggled.connect(lambda checked, b=band: self._on_band(b, checked))
            indented = QHBoxLayout()
            indented.addSpacing(22)  # under the "Ask only" button's text
            indented.addWidget(box, 1)
            column.addLayout(indented)
            self.band_boxes[band] = box
        column.addSpacing(6)
        column.addWidget(QLabel(self.tr("Wording by score")))
        column.addWidget(
            secondary(self.tr("Optional. Left empty, a group sees the question's own wording."))
        )
        for band, points in bands.items():
            for language in self.draft.languages:
                label = QLabel(
                    language_caption(band_name(band, points), language, self.draft.languages)
                )
                edit = WordingField(min_lines=1)
                edit.setObjectName(f"variant_{band.value}_{language}")
                edit.setPlaceholderText(self.tr("Same as the question"))
                edit.edited.connect(
                    lambda text, b=band, lang=language: self._on_variant(b, lang, text)
                )
                label.setBuddy(edit)
                column.addWidget(label)
                column.addWidget(edit)
                self.variant_fields[(band, language)] = edit
        self._column.addWidget(self._details)

    def focus(self, target: Target) -> bool:
        if target.field != TEXT or target.band is None:
            return False
        edit = self.variant_fields.get((target.band, target.language or self.draft.languages[0]))
        if edit is None:
            return False
        edit.setFocus()
        edit.selectAll()
        return True

    # Editing ------------------------------------------------------------------

    def _on_follows(self, index: int) -> None:
        assert self.question is not None
        qid = self.follows_combo.itemData(index) or None
        after = copy_question(self.question)
        after.follow_up_of = qid
        if qid is None:
            after.variants = {}
            after.show_for = ()
        self.emit_edit(after, self.tr("Change follow-up"))

    def _on_everyone(self, checked: bool) -> None:
        assert self.question is not None
        after = copy_question(self.question)
        # "Only" starts with every group ticked: untick those who should not be asked.
        after.show_for = () if checked else tuple(self.band_boxes)
        self.emit_edit(after, self.tr("Change who is asked"))

    def _on_band(self, band: Band, checked: bool) -> None:
        assert self.question is not None
        chosen = {b for b, box in self.band_boxes.items() if box.isChecked()}
        if not chosen:  # nobody would be asked: keep this one
            blocked = self.band_boxes[band].blockSignals(True)
            self.band_boxes[band].setChecked(True)
            self.band_boxes[band].blockSignals(blocked)
            return
        after = copy_question(self.question)
        after.show_for = tuple(b for b in Band if b in chosen)
        self.emit_edit(after, self.tr("Change who is asked"))

    def _on_variant(self, band: Band, language: str, text: str) -> None:
        assert self.question is not None
        after = copy_question(self.question)
        variant = LocalText(after.variants.get(band, LocalText()))
        variant[language] = text
        if any(value.strip() for value in variant.values()):
            after.variants[band] = variant
        else:
            after.variants.pop(band, None)
        key = f"{after.qid}:variant:{band.value}:{language}"
        target = Target(after.qid, TEXT, language, band=band)
        self.emit_edit(after, self.tr("Edit wording by score"), key, target)
