"""Follow-up tasks: what the escalation rules handed to a person, with owner and why.

One row a task (``storage.follow_up_tasks``), newest first: when it was made,
its owner, why (a detractor's score, the option chosen, the days without an
answer after the last message), the survey, the customer and its status on the
closed loop. Selecting a task lets its owner, status and note change; "Rules…"
opens the escalation rules (``EscalationDialog``).

Signals:
    changed(): a task or a rule was saved (the page's count of open tasks follows).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from storage import escalation, follow_up_tasks
from storage.database import from_text
from storage.follow_up_tasks import Task
from ui.comments.escalation_dialog import EscalationDialog
from ui.common.page_jobs import WritesBeforeClosing, guarded
from ui.common.survey_labels import datetime_text, ui_language
from ui.context import AppContext

COLUMNS = 6


@dataclass(frozen=True)
class _Loaded:
    tasks: list[Task]
    options: dict[tuple[str, str], dict]  # (qid, code) → the option's wording


def _load(db: Database) -> _Loaded:
    options = {(o.qid, o.code): o.text for o in escalation.choice_options(db)}
    return _Loaded(follow_up_tasks.list_tasks(db), options)


class TasksDialog(WritesBeforeClosing, QDialog):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = ui_language(context)
        self.loaded = _Loaded([], {})
        self.setWindowTitle(self.tr("Follow-up tasks"))
        self.resize(860, 440)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("follow_up_tasks")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Created"),
                self.tr("Owner"),
                self.tr("Why"),
                self.tr("Survey"),
                self.tr("Customer"),
                self.tr("Status"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_task(row))
        self.status = QComboBox()
        self.status.setObjectName("task_status")
        for key, label in self.status_names().items():
            self.status.addItem(label, key)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save_task)
        edit_row = QHBoxLayout()
        for widget in (self.status, self.owner):
            edit_row.addWidget(widget)
        edit_row.addWidget(self.note, 1)
        edit_row.addWidget(self.save_button)
        rules = QPushButton(self.tr("Rules…"))
        rules.setObjectName("escalation_rules_button")
        rules.clicked.connect(self.edit_rules)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(rules, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(buttons)
        self._show_task(-1)
        self.reload()

    def status_names(self) -> dict[str, str]:
        return {
            "new": self.tr("New"),
            "contacted": self.tr("Contacted"),
            "resolved": self.tr("Resolved"),
        }

    def reload(self) -> None:
        self.context.worker.submit(_load, guarded(self, self._fill))

    def why(self, task: Task) -> str:
        """Why the task was made, in a few words."""
        detail = task.detail
        if task.reason == "detractor":
            return self.tr("Low score: %1").replace("%1", str(detail.get("score", "?")))
        if task.reason == "option":
            code = str(detail.get("option", ""))
            texts = [t for (_, c), t in self.loaded.options.items() if c == code]
            label = (texts[0].get(self.language) or code) if texts else code
            return self.tr("Chose “%1”").replace("%1", label)
        days = int(detail.get("wait_days", 0) or 0)
        return self.tr("No answer %n day(s) after the last message", "", days)

    def _fill(self, loaded: _Loaded) -> None:
        self.loaded = loaded
        self.table.setRowCount(len(loaded.tasks))
        names = self.status_names()
        for row, task in enumerate(loaded.tasks):
            created = from_text(task.created_at)
            title = task.survey_title.get_for(self.language) if task.survey_title else ""
            cells = [
                datetime_text(created) if created else "",
                task.owner,
                self.why(task),
                title,
                task.contact_name or self.tr("Anonymous"),
                names.get(task.status, task.status),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _current(self) -> Task | None:
        row = self.table.currentRow()
        return self.loaded.tasks[row] if 0 <= row < len(self.loaded.tasks) else None

    def _show_task(self, row: int) -> None:
        task = self.loaded.tasks[row] if 0 <= row < len(self.loaded.tasks) else None
        for widget in (self.status, self.owner, self.note, self.save_button):
            widget.setEnabled(task is not None)
        if task is None:
            return
        self.status.setCurrentIndex(max(0, self.status.findData(task.status)))
        self.owner.clear()
        self.owner.addItems(list(dict.fromkeys([task.owner, *self.context.settings.owners])))
        self.owner.setCurrentText(task.owner)
        self.note.setText(task.note)

    def save_task(self) -> None:
        task = self._current()
        if task is None:
            return
        status, owner, note = self.status.currentData(), self.owner.currentText(), self.note.text()

        def job(db: Database) -> None:
            follow_up_tasks.update(db, task.id, status=status, owner=owner.strip(), note=note)

        def done(_: None) -> None:
            self.changed.emit()
            self.reload()

        self.write(self.context.worker, job, done)

    def edit_rules(self) -> EscalationDialog:
        dialog = EscalationDialog(self.context, self)
        dialog.saved.connect(self.reload)
        dialog.saved.connect(self.changed)
        dialog.open()
        return dialog
