"""The branching part of the question editor: when the question is shown, what ends the survey.

"Show this question only if…" names an earlier score or choice question and
the answers that show it (options, a range of scores, or groups of scores);
"End the survey after…" makes some answers to this question finish the
survey. Below them, every path of the survey in words (ui.designer.branch_words).
The model is surveys.branching; the checker reports conditions that cannot
come true.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from surveys.branching import Condition, Match
from surveys.questions import Band, Question
from ui.designer.branch_words import option_words, path_lines
from ui.designer.draft import Draft
from ui.designer.look import band_name, band_points
from ui.designer.question_ops import copy_question
from ui.designer.section import Section, secondary

RANGE, BANDS = "range", "bands"


def sources_before(draft: Draft, question: Question) -> list[Question]:
    """The earlier questions a condition may name: scores and choices."""
    row = draft.row_of(question.qid)
    return [q for q in draft.questions[: max(row, 0)] if q.is_scale or q.is_choice]


def default_match(question: Question, *, ending: bool = False) -> Match:
    """A first condition on ``question``'s answer, for the owner to adjust."""
    if question.is_choice:
        codes = question.option_codes()
        return Match(codes=(codes[-1 if ending else 0],) if codes else ())
    scale = question.scale
    if ending or scale is None:
        low = scale.minimum if scale is not None else 0
        return Match(low=low, high=low)
    return Match(bands=(Band.DETRACTOR,))


class MatchEditor(QWidget):
    """The answers a match accepts: option boxes for a choice question; for a score,
    a range (``low_spin``–``high_spin``) or groups (``band_boxes``), picked by ``how_combo``.
    ``option_boxes`` maps option codes to boxes. Emits ``changed(Match)``."""

    changed = Signal(object)

    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.option_boxes: dict[str, QCheckBox] = {}
        self.band_boxes: dict[Band, QCheckBox] = {}
        self.how_combo = QComboBox()
        self.low_spin = QSpinBox()
        self.high_spin = QSpinBox()
        column = QVBoxLayout(self)
        column.setContentsMargins(22, 0, 0, 0)
        column.setSpacing(4)
        if question.is_choice:
            for code in question.option_codes():
                box = QCheckBox(option_words(question, code, language))
                box.toggled.connect(self._emit)
                column.addWidget(box)
                self.option_boxes[code] = box
            return
        scale = question.scale
        assert scale is not None
        self.how_combo.addItem(self.tr("Score from … to …"), RANGE)
        self.how_combo.addItem(self.tr("Score group"), BANDS)
        self.how_combo.activated.connect(self._on_how)
        column.addWidget(self.how_combo)
        self._range = QWidget()
        span = QHBoxLayout(self._range)
        span.setContentsMargins(0, 0, 0, 0)
        for spin in (self.low_spin, self.high_spin):
            spin.setRange(scale.minimum, scale.maximum)
            spin.valueChanged.connect(self._emit)
        self.low_spin.setAccessibleName(self.tr("Lowest score"))
        self.high_spin.setAccessibleName(self.tr("Highest score"))
        span.addWidget(self.low_spin)
        span.addWidget(QLabel(self.tr("to")))
        span.addWidget(self.high_spin)
        span.addStretch(1)
        column.addWidget(self._range)
        self._bands = QWidget()
        groups = QVBoxLayout(self._bands)
        groups.setContentsMargins(0, 0, 0, 0)
        for band, points in band_points(question).items():
            box = QCheckBox(band_name(band, points))
            box.toggled.connect(self._emit)
            groups.addWidget(box)
            self.band_boxes[band] = box
        column.addWidget(self._bands)

    def show_match(self, match: Match) -> None:
        widgets = [self.how_combo, self.low_spin, self.high_spin]
        widgets += [*self.option_boxes.values(), *self.band_boxes.values()]
        blocked = [w.blockSignals(True) for w in widgets]
        for code, box in self.option_boxes.items():
            box.setChecked(code in match.codes)
        if not self.question.is_choice:
            how = BANDS if match.kind == "bands" else RANGE
            self.how_combo.setCurrentIndex(self.how_combo.findData(how))
            scale = self.question.scale
            assert scale is not None
            low = match.low if match.low is not None else scale.minimum
            self.low_spin.setValue(low)
            self.high_spin.setValue(match.high if match.high is not None else low)
            for band, box in self.band_boxes.items():
                box.setChecked(band in match.bands)
            self._range.setVisible(how == RANGE)
            self._bands.setVisible(how == BANDS)
        for widget, was in zip(widgets, blocked, strict=True):
            widget.blockSignals(was)

    def current(self) -> Match:
        if self.question.is_choice:
            return Match(codes=tuple(c for c, box in self.option_boxes.items() if box.isChecked()))
        if self.how_combo.currentData() == BANDS:
            return Match(bands=tuple(b for b, box in self.band_boxes.items() if box.isChecked()))
        return Match(low=self.low_spin.value(), high=self.high_spin.value())

    def _on_how(self, _index: int) -> None:
        if self.how_combo.currentData() == BANDS:
            self.changed.emit(Match(bands=(Band.DETRACTOR,)))
        else:
            scale = self.question.scale
            assert scale is not None
            self.changed.emit(Match(low=scale.minimum, high=scale.minimum))

    def _emit(self) -> None:
        self.changed.emit(self.current())


class BranchingSection(Section):
    """Branching settings: ``source_combo`` (item data: the earlier qid, "" for always),
    ``show_editor`` (a MatchEditor, or None), ``ends_box`` with ``ends_editor``, and
    ``paths_label`` (every path of the survey in words)."""

    def __init__(self, draft: Draft, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.show_editor: MatchEditor | None = None
        self.ends_editor: MatchEditor | None = None
        self._shapes: tuple[object, object] = (None, None)
        self.source_combo = QComboBox()
        self.source_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_combo.setMinimumContentsLength(16)
        self.source_combo.activated.connect(self._on_source)
        self.ends_box = QCheckBox(self.tr("End the survey after these answers:"))
        self.ends_box.toggled.connect(self._on_ends)
        self.paths_title = QLabel(self.tr("Paths through the survey"))
        self.paths_label = secondary("")
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(6)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Show this question only if:"), self.source_combo)
        self._column.addLayout(form)
        self._show_slot = QVBoxLayout()
        self._column.addLayout(self._show_slot)
        self._column.addWidget(self.ends_box)
        self._ends_slot = QVBoxLayout()
        self._column.addLayout(self._ends_slot)
        self._column.addSpacing(6)
        self._column.addWidget(self.paths_title)
        self._column.addWidget(self.paths_label)
        self.show_question(question)

    def show_question(self, question: Question) -> None:
        super().show_question(question)
        self._fill_combo(question)
        condition = question.show_if
        source = self.draft.question(condition.qid) if condition is not None else None
        show_shape = _shape(source, self.draft.languages)
        if show_shape != self._shapes[0]:
            self.show_editor = self._replace(self._show_slot, self.show_editor, source)
            if self.show_editor is not None:
                self.show_editor.changed.connect(self._on_show_match)
        if self.show_editor is not None and condition is not None:
            self.show_editor.show_match(condition.match)
        own = question if question.is_scale or question.is_choice else None
        ends_shape = _shape(own, self.draft.languages)
        if ends_shape != self._shapes[1]:
            self.ends_editor = self._replace(self._ends_slot, self.ends_editor, own)
            if self.ends_editor is not None:
                self.ends_editor.changed.connect(self._on_ends_match)
        self._shapes = (show_shape, ends_shape)
        self.ends_box.setVisible(own is not None)
        blocked = self.ends_box.blockSignals(True)
        self.ends_box.setChecked(question.ends_if is not None)
        self.ends_box.blockSignals(blocked)
        if self.ends_editor is not None:
            self.ends_editor.setVisible(question.ends_if is not None)
            self.ends_editor.show_match(question.ends_if or Match())
        lines = path_lines(self.draft)
        self.paths_label.setText(
            "\n".join(f"• {line}" for line in lines)
            or self.tr("Every respondent meets every question.")
        )

    def _replace(
        self, slot: QVBoxLayout, old: MatchEditor | None, question: Question | None
    ) -> MatchEditor | None:
        if old is not None:
            slot.removeWidget(old)
            old.hide()
            old.deleteLater()
        if question is None:
            return None
        editor = MatchEditor(question, self.draft.languages[0])
        slot.addWidget(editor)
        return editor

    def _fill_combo(self, question: Question) -> None:
        combo = self.source_combo
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Always show it"), "")
        first = self.draft.languages[0]
        for candidate in sources_before(self.draft, question):
            number = self.draft.row_of(candidate.qid) + 1
            wording = candidate.text.get(first, "") or self.tr("(no wording yet)")
            combo.addItem(
                self.tr("Question %1 is answered: %2")
                .replace("%1", str(number))
                .replace("%2", wording),
                candidate.qid,
            )
        condition = question.show_if
        if condition is not None and combo.findData(condition.qid) < 0:
            combo.addItem(self.tr("A question that is no longer before this one"), condition.qid)
        combo.setCurrentIndex(max(0, combo.findData(condition.qid if condition else "")))
        combo.blockSignals(blocked)

    # Editing ------------------------------------------------------------------

    def _on_source(self, index: int) -> None:
        assert self.question is not None
        qid = self.source_combo.itemData(index) or None
        source = self.draft.question(qid) if qid else None
        after = copy_question(self.question)
        after.show_if = Condition(qid, default_match(source)) if qid and source else None
        self.emit_edit(after, self.tr("Change when the question is shown"))

    def _on_show_match(self, match: Match) -> None:
        assert self.question is not None and self.question.show_if is not None
        after = copy_question(self.question)
        after.show_if = Condition(self.question.show_if.qid, match)
        self.emit_edit(after, self.tr("Change when the question is shown"))

    def _on_ends(self, checked: bool) -> None:
        assert self.question is not None
        after = copy_question(self.question)
        after.ends_if = default_match(self.question, ending=True) if checked else None
        self.emit_edit(after, self.tr("Change what ends the survey"))

    def _on_ends_match(self, match: Match) -> None:
        assert self.question is not None
        after = copy_question(self.question)
        after.ends_if = match
        self.emit_edit(after, self.tr("Change what ends the survey"))


def _shape(question: Question | None, languages: tuple[str, ...]) -> object:
    """What a MatchEditor is built from: rebuilt only when this changes."""
    if question is None:
        return None
    options = tuple((o.code, tuple(o.text.items())) for o in question.options)
    return (
        question.qid,
        question.type,
        question.points,
        options,
        question.other_option,
        question.none_option,
        languages,
    )


def applies(draft: Draft, question: Question) -> bool:
    """A question may be shown by an earlier answer, or its own answers may end the survey."""
    return (
        question.is_scale
        or question.is_choice
        or question.show_if is not None
        or bool(sources_before(draft, question))
    )
