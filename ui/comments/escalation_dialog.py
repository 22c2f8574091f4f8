"""Escalation rules: which answers or silences become a follow-up task, for which owner.

The list on the left holds the rules (``storage.escalation``); the form on the
right edits the one selected, or a new one. A rule is: when (a detractor, a
chosen option, no answer after the last reminder), the surveys it watches (none
ticked: every survey), the option (for "a chosen option"), the days to wait and
the segments marked important (for "no answer"), and the owner who gets the
task. A new rule starts from now; "Also for answers already in" reaches back.
Saving looks at the answers once (``channels.escalation``) so its tasks appear.

Signals:
    saved(): a rule was stored or removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from storage import escalation as store
from storage import surveys as survey_store
from surveys.escalation import MAX_WAIT_DAYS, Rule, RuleKind
from ui.common.page_jobs import WritesBeforeClosing, guarded
from ui.common.survey_labels import ui_language
from ui.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_SEPARATOR = "\x1f"  # between a question's id and an option's code (neither holds it)


def _key(qid: str, code: str) -> str:
    return f"{qid}{_SEPARATOR}{code}"


@dataclass(frozen=True)
class _Choices:
    rules: list[Rule]
    surveys: list[tuple[int, dict]]  # id, title by language
    options: list[store.ChoiceOption]
    segments: list[tuple[int, str, bool]]  # id, name, important


def _load(db: Database) -> _Choices:
    surveys = [(s.id, dict(s.title)) for s in survey_store.list_all(db) if not s.archived]
    segments = store.segment_flags(db)
    return _Choices(store.rules(db), surveys, store.choice_options(db), segments)


class EscalationDialog(WritesBeforeClosing, QDialog):
    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = ui_language(context)
        self.choices = _Choices([], [], [], [])
        self.setWindowTitle(self.tr("Escalation rules"))
        self.resize(760, 460)
        hint = QLabel(
            self.tr(
                "A rule hands an answer to a person: it puts a follow-up task with an owner"
                " on the task list. Each answer or unanswered invitation makes one task at most."
            )
        )
        hint.setWordWrap(True)
        self.rule_list = QListWidget()
        self.rule_list.setObjectName("escalation_rules")
        self.rule_list.setWordWrap(True)  # a rule's line is read whole
        self.rule_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rule_list.currentRowChanged.connect(self._show_rule)
        add = QPushButton(self.tr("New rule"))
        add.clicked.connect(self.new_rule)
        self.remove_button = QPushButton(self.tr("Remove rule"))
        self.remove_button.clicked.connect(self.remove_rule)
        left = QVBoxLayout()
        left.addWidget(self.rule_list, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(add)
        left_buttons.addWidget(self.remove_button)
        left.addLayout(left_buttons)

        self.kind = QComboBox()
        self.kind.addItem(self.tr("A detractor answers"), RuleKind.DETRACTOR.value)
        self.kind.addItem(self.tr("An answer chooses an option"), RuleKind.OPTION.value)
        self.kind.addItem(
            self.tr("A key customer does not answer after the last reminder"),
            RuleKind.NO_ANSWER.value,
        )
        self.kind.currentIndexChanged.connect(self._show_kind)
        self.surveys = QListWidget()
        self.surveys.setObjectName("escalation_surveys")
        self.surveys.setMaximumHeight(140)
        self.option = QComboBox()
        self.option.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.option.setMinimumContentsLength(24)
        self.wait = QSpinBox()
        self.wait.setRange(0, MAX_WAIT_DAYS)
        self.wait.setSuffix(self.tr(" days"))
        self.segments = QListWidget()
        self.segments.setObjectName("escalation_segments")
        self.segments.setMaximumHeight(100)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.backlog = QCheckBox(self.tr("Also for answers already in"))
        self.problem = QLabel()
        self.problem.setObjectName("escalation_problem")
        self.problem.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("When"), self.kind)
        self.form.addRow(self.tr("Surveys (none ticked: all)"), self.surveys)
        self.form.addRow(self.tr("Option"), self.option)
        self.form.addRow(self.tr("Wait after the last message"), self.wait)
        self.form.addRow(self.tr("Important segments"), self.segments)
        self.form.addRow(self.tr("Task goes to"), self.owner)
        self.form.addRow("", self.backlog)
        self.form.addRow("", self.problem)
        self.save_button = QPushButton(self.tr("Save rule"))
        self.save_button.clicked.connect(self.save)
        right = QVBoxLayout()
        right.addLayout(self.form, 1)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._editing = 0  # the rule shown in the form; 0: a new one
        self.reload()

    # --- loading and showing ---------------------------------------------------------

    def reload(self, select: int = 0) -> None:
        def done(choices: _Choices) -> None:
            self.choices = choices
            self._fill(select)

        self.context.worker.submit(_load, guarded(self, done))

    def _fill(self, select: int) -> None:
        self.surveys.clear()
        for survey_id, title in self.choices.surveys:
            item = QListWidgetItem(title.get(self.language) or next(iter(title.values()), ""))
            item.setData(ID_ROLE, survey_id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.surveys.addItem(item)
        self.option.clear()
        for option in self.choices.options:
            self.option.addItem(self._option_text(option), _key(option.qid, option.code))
        self.segments.clear()
        for segment_id, name, important in self.choices.segments:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, segment_id)
            checked = Qt.CheckState.Checked if important else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.segments.addItem(item)
        self.rule_list.blockSignals(True)
        self.rule_list.clear()
        for rule in self.choices.rules:
            item = QListWidgetItem(self.describe(rule))
            item.setToolTip(item.text())
            item.setData(ID_ROLE, rule.id)
            self.rule_list.addItem(item)
        self.rule_list.blockSignals(False)
        ids = [rule.id for rule in self.choices.rules]
        if select in ids:
            self.rule_list.setCurrentRow(ids.index(select))
        elif ids:
            self.rule_list.setCurrentRow(0)
        else:
            self.new_rule()

    def _local(self, text: dict) -> str:
        return str(text.get(self.language) or next(iter(text.values()), ""))

    def _option_text(self, option: store.ChoiceOption) -> str:
        # The option first: a long question is cut at the end, the option stays readable.
        return (
            self.tr("%1 (%2)", "an option (its question)")
            .replace("%1", self._local(option.text) or option.code)
            .replace("%2", self._local(option.question))
        )

    def describe(self, rule: Rule) -> str:
        """One line for the list: what makes a task, and whose it is."""
        if rule.kind is RuleKind.DETRACTOR:
            what = self.tr("Detractor")
        elif rule.kind is RuleKind.OPTION:
            labels = {(o.qid, o.code): o for o in self.choices.options}
            known = labels.get((rule.qid, rule.option_code))
            # An option no survey holds any more is named by its code.
            what = self._local(known.text) if known else f"{rule.qid} = {rule.option_code}"
        else:
            what = self.tr("No answer after %n day(s)", "", rule.wait_days)
        where = (
            self.tr("all surveys")
            if not rule.survey_ids
            else self.tr("%n survey(s)", "", len(rule.survey_ids))
        )
        return self.tr("%1 (%2) → %3").replace("%1", what).replace("%2", where).replace(
            "%3", rule.owner
        )  # fmt: skip

    def _fill_owner(self, current: str) -> None:
        self.owner.clear()
        for name in self.context.settings.owners:
            self.owner.addItem(name)
        self.owner.setCurrentText(current or (self.owner.itemText(0) if self.owner.count() else ""))

    def new_rule(self) -> None:
        self.rule_list.blockSignals(True)
        self.rule_list.clearSelection()
        self.rule_list.setCurrentRow(-1)
        self.rule_list.blockSignals(False)
        self._load_form(Rule(RuleKind.DETRACTOR, owner=""))

    def _show_rule(self, row: int) -> None:
        if 0 <= row < len(self.choices.rules):
            self._load_form(self.choices.rules[row])

    def _load_form(self, rule: Rule) -> None:
        self._editing = rule.id
        self.kind.setCurrentIndex(max(0, self.kind.findData(rule.kind.value)))
        for row in range(self.surveys.count()):
            item = self.surveys.item(row)
            ticked = item.data(ID_ROLE) in rule.survey_ids
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        index = self.option.findData(_key(rule.qid, rule.option_code))
        self.option.setCurrentIndex(index if index >= 0 else 0)
        self.wait.setValue(rule.wait_days)
        self._fill_owner(rule.owner)
        self.backlog.setChecked(False)
        self.backlog.setVisible(rule.id == 0)
        self.remove_button.setEnabled(rule.id != 0)
        self.problem.clear()
        self._show_kind()

    def _show_kind(self) -> None:
        kind = RuleKind(self.kind.currentData())
        for widget, shown in (
            (self.option, kind is RuleKind.OPTION),
            (self.wait, kind is RuleKind.NO_ANSWER),
            (self.segments, kind is RuleKind.NO_ANSWER),
        ):
            self.form.setRowVisible(widget, shown)

    # --- saving ----------------------------------------------------------------------

    def rule(self) -> Rule:
        """The rule the form describes."""
        ticked = tuple(
            int(self.surveys.item(row).data(ID_ROLE))
            for row in range(self.surveys.count())
            if self.surveys.item(row).checkState() == Qt.CheckState.Checked
        )
        kind = RuleKind(self.kind.currentData())
        qid, _, code = str(self.option.currentData() or "").partition(_SEPARATOR)
        return Rule(
            kind,
            owner=self.owner.currentText().strip(),
            survey_ids=ticked,
            qid=qid if kind is RuleKind.OPTION else "",
            option_code=code if kind is RuleKind.OPTION else "",
            wait_days=self.wait.value(),
            id=self._editing,
        )

    def important(self) -> dict[int, bool]:
        return {
            int(self.segments.item(row).data(ID_ROLE)): (
                self.segments.item(row).checkState() == Qt.CheckState.Checked
            )
            for row in range(self.segments.count())
        }

    def _refusal(self, rule: Rule) -> str:
        if not rule.owner:
            return self.tr("Choose the owner who gets this rule's tasks.")
        if rule.kind is RuleKind.OPTION and not rule.option_code:
            return self.tr("No survey has a choice question yet: add one, then choose its option.")
        if rule.kind is RuleKind.NO_ANSWER and not any(self.important().values()):
            return self.tr("Mark at least one segment as important: its contacts are the key ones.")
        return ""

    def save(self) -> None:
        rule = self.rule()
        refusal = self._refusal(rule)
        self.problem.setText(refusal)
        if refusal:
            return
        backlog = self.backlog.isChecked()
        important = self.important() if rule.kind is RuleKind.NO_ANSWER else {}
        settings = self.context.settings

        def job(db: Database) -> int:
            from channels.escalation import escalate

            for segment_id, flag in important.items():
                store.set_important(db, segment_id, flag)
            stored = store.save(db, rule, include_backlog=backlog)
            escalate(db, settings)  # its tasks appear now, not at the next answer
            return stored.id

        def done(rule_id: int) -> None:
            self.saved.emit()
            self.reload(rule_id)

        self.write(self.context.worker, job, done)

    def remove_rule(self) -> None:
        rule_id = self._editing
        if not rule_id:
            return

        def done(_: None) -> None:
            self.saved.emit()
            self.reload()

        self.write(self.context.worker, lambda db: store.delete(db, rule_id), done)
