"""The options part of the question editor: the list of options and how they are shown."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from surveys.checker import Field
from surveys.questions import Question
from ui.common.icons import icon
from ui.designer.draft import Draft, Target
from ui.designer.fields import LineField
from ui.designer.question_ops import blank_option, copy_question, retitle_option
from ui.designer.section import Section, language_caption

OPTIONS = Field.OPTIONS.value


class OptionsSection(Section):
    """Options of a choice question, each worded per language, with add, remove and reorder;
    "Other (please specify)", "None of these", random order and ordered options.

    ``option_fields`` maps (row, language) to a LineField; ``remove_buttons``,
    ``up_buttons`` and ``down_buttons`` are per row; ``add_button``,
    ``other_box``, ``none_box``, ``randomize_box`` and ``ordered_box`` are public
    for tests. An option's code (what exports hold) follows its English wording
    until answers fix it, or a branching rule names it; the row's tooltip shows it.
    """

    def __init__(self, draft: Draft, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.option_fields: dict[tuple[int, str], LineField] = {}
        self.remove_buttons: list[QToolButton] = []
        self.up_buttons: list[QToolButton] = []
        self.down_buttons: list[QToolButton] = []
        self._rows = QGridLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setHorizontalSpacing(6)
        self._rows.setVerticalSpacing(4)
        self._row_widgets: list[QWidget] = []

        self.add_button = QPushButton(icon("plus", self.palette()), self.tr("Add option"))
        self.add_button.clicked.connect(self._on_add)
        self.other_box = QCheckBox(self.tr("“Other (please specify)”"))
        self.none_box = QCheckBox(self.tr("“None of these”"))
        self.randomize_box = QCheckBox(self.tr("Randomise the order for each respondent"))
        self.ordered_box = QCheckBox(self.tr("Options are ordered (frequencies, ranges, grades)"))
        for box, name in (
            (self.other_box, "other_option"),
            (self.none_box, "none_option"),
            (self.randomize_box, "randomize"),
            (self.ordered_box, "ordered"),
        ):
            box.toggled.connect(lambda checked, n=name: self._on_flag(n, checked))

        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(self._rows)
        column.addLayout(add_row)
        for box in (self.other_box, self.none_box, self.randomize_box, self.ordered_box):
            column.addWidget(box)
        self._build_rows(len(question.options))
        self.show_question(question)

    # Showing ------------------------------------------------------------------

    def show_question(self, question: Question) -> None:
        super().show_question(question)
        if len(question.options) != len(self.remove_buttons):
            self._build_rows(len(question.options))
        fixed = self.draft.fixed_codes(question.qid)
        base = self.draft.baseline.get(question.qid)
        last = len(question.options) - 1
        for row, option in enumerate(question.options):
            for language in self.draft.languages:
                edit = self.option_fields[(row, language)]
                edit.sync(option.text.get(language, ""))
                edit.setToolTip(self.tr("Code in exports: %1").replace("%1", option.code))
            keeps = option.code in fixed
            self.remove_buttons[row].setEnabled(not keeps)
            self.remove_buttons[row].setToolTip(
                self.tr("This option has answers and cannot be removed; you can reword it.")
                if keeps
                else self.tr("Remove this option")
            )
            self.up_buttons[row].setEnabled(row > 0)
            self.down_buttons[row].setEnabled(row < last)
        for box, value, kept in (
            (self.other_box, question.other_option, base is not None and base.other_option),
            (self.none_box, question.none_option, base is not None and base.none_option),
            (self.randomize_box, question.randomize, False),
            (self.ordered_box, question.ordered, False),
        ):
            blocked = box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(blocked)
            # An answered "Other" or "None" stays: answers chose it.
            box.setEnabled(not (kept and value))

    def _build_rows(self, count: int) -> None:
        for widget in self._row_widgets:
            self._rows.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._row_widgets = []
        self.option_fields.clear()
        self.remove_buttons.clear()
        self.up_buttons.clear()
        self.down_buttons.clear()
        languages = self.draft.languages
        # One line per language, the translations of an option stacked together,
        # its buttons beside them: readable even when the editor is narrow.
        lines = len(languages) + (1 if len(languages) > 1 else 0)  # a gap between options
        for row in range(count):
            first = row * lines
            for offset, language in enumerate(languages):
                edit = LineField()
                edit.setObjectName(f"option_{row}_{language}")
                placeholder = self.tr("Option %1").replace("%1", str(row + 1))
                edit.setPlaceholderText(language_caption(placeholder, language, languages))
                edit.edited.connect(lambda text, r=row, lang=language: self._on_text(r, lang, text))
                self._rows.addWidget(edit, first + offset, 0)
                self._row_widgets.append(edit)
                self.option_fields[(row, language)] = edit
            if len(languages) > 1:
                self._rows.setRowMinimumHeight(first + len(languages), 6)
            buttons = (
                ("arrow-up", self.tr("Move up"), lambda _=False, r=row: self._on_move(r, -1)),
                ("arrow-down", self.tr("Move down"), lambda _=False, r=row: self._on_move(r, 1)),
                ("x", self.tr("Remove this option"), lambda _=False, r=row: self._on_remove(r)),
            )
            for column, (name, tip, slot) in enumerate(buttons, start=1):
                button = QToolButton()
                button.setIcon(icon(name, self.palette()))
                button.setIconSize(QSize(16, 16))
                button.setAutoRaise(True)
                button.setToolTip(tip)
                button.clicked.connect(slot)
                self._rows.addWidget(
                    button, first, column, len(languages), 1, Qt.AlignmentFlag.AlignVCenter
                )
                self._row_widgets.append(button)
                (self.up_buttons, self.down_buttons, self.remove_buttons)[column - 1].append(button)
        self._rows.setColumnStretch(0, 1)

    def focus(self, target: Target) -> bool:
        if target.field != OPTIONS or self.question is None:
            return False
        row = target.row
        if row is None and target.option is not None:
            codes = [o.code for o in self.question.options]
            row = codes.index(target.option) if target.option in codes else None
        if row is None:
            if target.option in ("other", "none"):
                box = self.other_box if target.option == "other" else self.none_box
                box.setFocus()
                return True
            row = 0 if self.question.options else None
        if row is None:
            self.add_button.setFocus()
            return True
        edit = self.option_fields.get((row, target.language or self.draft.languages[0]))
        if edit is None:
            return False
        edit.setFocus()
        edit.selectAll()
        return True

    # Editing ------------------------------------------------------------------

    def _on_text(self, row: int, language: str, text: str) -> None:
        assert self.question is not None
        qid = self.question.qid
        fixed = self.draft.fixed_codes(qid) | self.draft.codes_in_rules(qid)
        after = retitle_option(self.question, row, language, text, fixed)
        key = f"{after.qid}:option:{row}:{language}"
        target = Target(after.qid, OPTIONS, language, row=row)
        self.emit_edit(after, self.tr("Edit option"), key, target)

    def _on_add(self) -> None:
        assert self.question is not None
        after = copy_question(self.question)
        after.options.append(blank_option(after))
        row = len(after.options) - 1
        target = Target(after.qid, OPTIONS, self.draft.languages[0], row=row)
        self.emit_edit(after, self.tr("Add option"), "", target)
        self.focus(target)

    def _on_remove(self, row: int) -> None:
        assert self.question is not None
        if self.question.options[row].code in self.draft.fixed_codes(self.question.qid):
            return
        after = copy_question(self.question)
        del after.options[row]
        target = Target(after.qid, OPTIONS, self.draft.languages[0], row=max(0, row - 1))
        self.emit_edit(after, self.tr("Remove option"), "", target)

    def _on_move(self, row: int, step: int) -> None:
        assert self.question is not None
        other = row + step
        if not 0 <= other < len(self.question.options):
            return
        after = copy_question(self.question)
        options = after.options
        options[row], options[other] = options[other], options[row]
        target = Target(after.qid, OPTIONS, self.draft.languages[0], row=other)
        self.emit_edit(after, self.tr("Move option"), "", target)
        button = (self.up_buttons if step < 0 else self.down_buttons)[other]
        (button if button.isEnabled() else self.option_fields[(other, target.language)]).setFocus()

    def _on_flag(self, name: str, checked: bool) -> None:
        assert self.question is not None
        after = copy_question(self.question)
        setattr(after, name, checked)
        texts = {
            "other_option": self.tr("Change “Other”"),
            "none_option": self.tr("Change “None of these”"),
            "randomize": self.tr("Change random order"),
            "ordered": self.tr("Change ordered options"),
        }
        self.emit_edit(after, texts[name], "", Target(after.qid, OPTIONS))
