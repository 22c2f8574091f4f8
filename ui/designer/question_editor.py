"""The centre of the designer: the selected question, with an editor suited to its type."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
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

from surveys.checker import Field
from surveys.questions import Question, QuestionType
from surveys.rewording import Verdict, compare
from ui.common.icons import icon
from ui.common.widgets import heading, heading_font
from ui.designer import branching_section, follow_up_section
from ui.designer.branching_section import BranchingSection
from ui.designer.draft import TYPE, Draft, Target
from ui.designer.fields import WordingField
from ui.designer.follow_up_section import FollowUpSection
from ui.designer.look import TYPE_ICONS, TYPE_ORDER, type_name
from ui.designer.options_section import OptionsSection
from ui.designer.question_ops import convert, copy_question
from ui.designer.scale_section import ScaleSection
from ui.designer.section import Section, caption, language_caption, secondary

TEXT = Field.TEXT.value


def locked_text(answers: int) -> str:
    """Why a question with answers cannot change type, scale or options, in plain words."""
    if answers == 1:
        text = QCoreApplication.translate(
            "QuestionEditor",
            "This question has 1 answer: its type, scale and options are fixed so collected "
            "answers keep their meaning. You can correct its wording, add options, or add a "
            "new question.",
        )
    else:
        text = QCoreApplication.translate(
            "QuestionEditor",
            "This question has %1 answers: its type, scale and options are fixed so collected "
            "answers keep their meaning. You can correct its wording, add options, or add a "
            "new question.",
        ).replace("%1", str(answers))
    return text


class QuestionEditor(QScrollArea):
    """Edits one question of the draft: wording per language, required, type, and the
    parts its type needs (scale labels, faces, options, follow-up).

    Public for tests: ``type_combo`` (item data: the QuestionType value),
    ``required_box``, ``wording_fields`` (language → WordingField), ``lock_banner``
    and ``lock_label``, ``reword_banner``, ``reword_label`` and ``new_question_button``
    (what a new wording of an answered question is, and the way out when it
    changes the meaning), and ``sections`` (the type's Section widgets).

    Signals:
        edited(object, str, str, object): a new Question, the undo text, a merge key
            and a Target (see Section.edited).
        field_left(): a text field lost the focus: the next typing is a new undo step.
        new_question_requested(str): keep this answered question's wording and add
            the new wording as a new question.
    """

    edited = Signal(object, str, str, object)
    field_left = Signal()
    new_question_requested = Signal(str)

    def __init__(self, draft: Draft, ui_lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.ui_lang = ui_lang
        self.qid: str | None = None
        self._shape: tuple[object, ...] = ()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        body = QWidget()
        self.setWidget(body)
        self._column = QVBoxLayout(body)
        self._column.setContentsMargins(16, 12, 16, 16)
        self._column.setSpacing(8)

        self.number_label = heading("")
        self.type_combo = QComboBox()
        self.type_combo.setIconSize(QSize(16, 16))
        for kind in TYPE_ORDER:
            self.type_combo.addItem(
                icon(TYPE_ICONS[kind], self.palette()), type_name(kind), kind.value
            )
        self.type_combo.activated.connect(self._on_type)
        self.required_box = QCheckBox(self.tr("Answer required"))
        self.required_box.toggled.connect(self._on_required)
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addStretch(1)
        top.addWidget(self.required_box)
        type_row = QHBoxLayout()
        type_label = QLabel(self.tr("Type:"))
        type_label.setBuddy(self.type_combo)
        type_row.addWidget(type_label)
        type_row.addWidget(self.type_combo, 1)

        self.lock_banner = QFrame()
        self.lock_banner.setObjectName("lockBanner")
        self.lock_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self._lock_icon = QLabel()
        self.lock_label = QLabel()
        self.lock_label.setWordWrap(True)
        banner = QHBoxLayout(self.lock_banner)
        banner.setContentsMargins(8, 6, 8, 6)
        banner.addWidget(self._lock_icon, 0, Qt.AlignmentFlag.AlignTop)
        banner.addWidget(self.lock_label, 1)

        self.reword_banner = QFrame()
        self.reword_banner.setObjectName("rewordBanner")
        self.reword_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.reword_label = QLabel()
        self.reword_label.setWordWrap(True)
        self.reword_label.setTextFormat(Qt.TextFormat.PlainText)
        self.new_question_button = QPushButton(self.tr("Add as a new question"))
        self.new_question_button.setObjectName("reword_as_new_question")
        self.new_question_button.clicked.connect(
            lambda: self.new_question_requested.emit(self.qid) if self.qid else None
        )
        reword = QVBoxLayout(self.reword_banner)
        reword.setContentsMargins(8, 6, 8, 6)
        reword.addWidget(self.reword_label)
        reword.addWidget(self.new_question_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.reword_banner.hide()

        self._column.addLayout(top)
        self._column.addLayout(type_row)
        self._column.addWidget(self.lock_banner)
        self._column.addWidget(self.reword_banner)
        self._parts = QWidget()
        self._column.addWidget(self._parts)
        self._column.addStretch(1)
        self.wording_fields: dict[str, WordingField] = {}
        self.sections: list[Section] = []
        self._paint()

    # Showing ------------------------------------------------------------------

    def show_question(self, qid: str | None) -> None:
        """Show the question ``qid`` of the draft (rebuilt only when its shape changed)."""
        question = self.draft.question(qid) if qid is not None else None
        if question is None:
            self.qid = None
            return
        changed_question = qid != self.qid
        self.qid = qid
        shape = (
            qid,
            question.type,
            self.draft.languages,
            follow_up_section.applies(self.draft, question),
            branching_section.applies(self.draft, question),
        )
        if shape != self._shape:
            self._shape = shape
            self._build(question)
        self._sync(question)
        if changed_question:
            self.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        """Show the current question again (after a change elsewhere in the survey)."""
        self.show_question(self.qid)

    def _build(self, question: Question) -> None:
        self._column.removeWidget(self._parts)
        self._parts.hide()
        self._parts.deleteLater()
        self._parts = QWidget()
        column = QVBoxLayout(self._parts)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(6)
        self.wording_fields = {}
        languages = self.draft.languages
        for language in languages:
            label = caption(language_caption(self.tr("Question"), language, languages))
            edit = WordingField()
            edit.setObjectName(f"text_{language}")
            edit.setPlaceholderText(self.tr("The question, as respondents will read it"))
            edit.edited.connect(lambda text, lang=language: self._on_wording(lang, text))
            edit.finished.connect(self.field_left)
            label.setBuddy(edit)
            column.addWidget(label)
            column.addWidget(edit)
            self.wording_fields[language] = edit
        self.sections = []
        if question.is_scale:
            self._add_section(column, self.tr("Scale"), ScaleSection(self.draft, question))
        if question.is_choice:
            self._add_section(column, self.tr("Options"), OptionsSection(self.draft, question))
        if question.is_text:
            limit = question.text_limit
            column.addWidget(
                secondary(
                    self.tr("Respondents can type up to %1 characters.").replace("%1", str(limit))
                )
            )
        if follow_up_section.applies(self.draft, question):
            self._add_section(column, self.tr("Follow-up"), FollowUpSection(self.draft, question))
        if branching_section.applies(self.draft, question):
            self._add_section(column, self.tr("Branching"), BranchingSection(self.draft, question))
        self._column.insertWidget(4, self._parts)

    def _add_section(self, column: QVBoxLayout, title: str, section: Section) -> None:
        label = QLabel(title)
        label.setFont(heading_font(label.font(), 1.05))
        column.addSpacing(8)
        column.addWidget(label)
        column.addWidget(section)
        section.edited.connect(self.edited)
        self.sections.append(section)

    def _sync(self, question: Question) -> None:
        number = self.draft.row_of(question.qid) + 1
        self.number_label.setText(self.tr("Question %1").replace("%1", str(number)))
        locked = self.draft.is_locked(question.qid)
        combo = self.type_combo
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(question.type.value))
        combo.blockSignals(blocked)
        combo.setEnabled(not locked)
        combo.setToolTip(self.tr("Questions with answers keep their type.") if locked else "")
        blocked = self.required_box.blockSignals(True)
        self.required_box.setChecked(question.required)
        self.required_box.blockSignals(blocked)
        self.lock_banner.setVisible(locked)
        if locked:
            self.lock_label.setText(locked_text(self.draft.answer_counts.get(question.qid, 0)))
        for language, edit in self.wording_fields.items():
            edit.sync(question.text.get(language, ""))
        self._show_rewording(question, locked)
        for section in self.sections:
            section.show_question(question)

    def _show_rewording(self, question: Question, locked: bool) -> None:
        """Say whether a new wording of an answered question is a correction, and why."""
        found = compare(self.draft.first_wording(question.qid), question.text) if locked else None
        if found is None or found.verdict is Verdict.SAME:
            self.reword_banner.hide()
            return
        reason = found.reason().get_for(self.ui_lang)
        if found.allowed:
            self.reword_label.setText(reason)
        else:
            self.reword_label.setText(
                self.tr(
                    "%1 Answers already given were to the first wording, so this new wording "
                    "cannot be saved on this question. Add a new question instead: it keeps "
                    "this question as it was and asks the new wording as a new question."
                ).replace("%1", reason)
            )
        self.new_question_button.setVisible(not found.allowed)
        self.reword_banner.setVisible(True)

    # Focus ------------------------------------------------------------------------

    def focus(self, target: Target) -> bool:
        """Focus the field ``target`` points at; True when there is one."""
        if target.qid != self.qid:
            return False
        if target.field == TYPE:
            self.type_combo.setFocus()
            return True
        for section in self.sections:
            if section.focus(target):
                self._reveal()
                return True
        if target.field in (TEXT, None) and target.band is None:
            edit = self.wording_fields.get(target.language or self.draft.languages[0])
            if edit is not None:
                edit.setFocus()
                edit.selectAll()
                self._reveal()
                return True
        return False

    def _reveal(self) -> None:
        widget = self.focusWidget()
        if widget is not None:
            self.ensureWidgetVisible(widget, 0, 24)

    # Editing ------------------------------------------------------------------

    def _current(self) -> Question | None:
        return self.draft.question(self.qid) if self.qid is not None else None

    def _on_wording(self, language: str, text: str) -> None:
        question = self._current()
        if question is None:
            return
        after = copy_question(question)
        after.text[language] = text
        key = f"{after.qid}:text:{language}"
        self.edited.emit(after, self.tr("Edit wording"), key, Target(after.qid, TEXT, language))

    def _on_required(self, checked: bool) -> None:
        question = self._current()
        if question is None:
            return
        after = copy_question(question)
        after.required = checked
        self.edited.emit(after, self.tr("Change “required”"), "", Target(after.qid))

    def _on_type(self, index: int) -> None:
        question = self._current()
        if question is None or self.draft.is_locked(question.qid):
            return
        kind = QuestionType(self.type_combo.itemData(index))
        if kind is question.type:
            return
        after = convert(question, kind, self.draft.languages)
        self.edited.emit(after, self.tr("Change question type"), "", Target(after.qid, TYPE))

    # Look -------------------------------------------------------------------------

    def _paint(self) -> None:
        self._lock_icon.setPixmap(icon("lock", self.palette()).pixmap(16, 16))
        for row, kind in enumerate(TYPE_ORDER):
            self.type_combo.setItemIcon(row, icon(TYPE_ICONS[kind], self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()
        super().changeEvent(event)
