"""The segment editor: a name and conditions on attributes, with a live count.

Each condition is an attribute (or the contact's language), an operator and
values (comma-separated). The count of matching contacts is re-queried through
the worker, debounced, while the user edits; Save and Delete write through it
and close once written (``WritesBeforeClosing``).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from storage import contacts as contact_store
from storage import segments as segment_store
from storage.segments import Condition, Segment
from ui.common.page_jobs import CoalescedQuery, WritesBeforeClosing
from ui.common.problem_words import error_text
from ui.common.worker import DbWorker

COUNT_DELAY_MS = 250


class SegmentDialog(WritesBeforeClosing, QDialog):
    """Creates or edits one segment.

    Signals:
        saved(object): the stored Segment.
        deleted(int): the segment with this id was deleted.
    """

    saved = Signal(object)
    deleted = Signal(int)

    def __init__(
        self,
        worker: DbWorker,
        attributes: list[str],
        segment: Segment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.segment = segment
        self.attribute_names = attributes
        self.setWindowTitle(self.tr("Edit segment") if segment else self.tr("New segment"))
        self.setMinimumWidth(640)
        self.name = QLineEdit(segment.name if segment else "")
        self.name.setPlaceholderText(self.tr("For example: Shibuya, paying plans"))
        self.rows: list[tuple[QComboBox, QComboBox, QLineEdit, QPushButton]] = []
        self.grid = QGridLayout()
        self.grid.addWidget(QLabel(self.tr("Attribute")), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Condition")), 0, 1)
        self.grid.addWidget(QLabel(self.tr("Values (separate with commas)")), 0, 2)
        self.grid.setColumnStretch(2, 1)
        add = QPushButton(self.tr("Add condition"))
        add.clicked.connect(lambda: self.add_condition(None))
        self.count_label = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.error.hide()

        self.save_button = QPushButton(self.tr("Save segment"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete segment"))
        self.delete_button.setVisible(segment is not None)
        self.delete_button.clicked.connect(self.delete)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Contacts who match every condition:")))
        layout.addLayout(self.grid)
        layout.addWidget(add, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.recount)
        self._count = CoalescedQuery(self, worker, self._count_job, self._on_count)
        for condition in segment.conditions if segment else ():
            self.add_condition(condition)
        if not self.rows:
            self.add_condition(None)
        self.recount()

    def operators(self) -> list[tuple[str, str]]:
        return [
            (segment_store.OP_IN, self.tr("is one of")),
            (segment_store.OP_NOT_IN, self.tr("is none of")),
            (segment_store.OP_CONTAINS, self.tr("contains")),
            (segment_store.OP_EMPTY, self.tr("is empty")),
            (segment_store.OP_NOT_EMPTY, self.tr("is not empty")),
        ]

    def add_condition(self, condition: Condition | None) -> None:
        attribute = QComboBox()
        attribute.setEditable(True)
        attribute.addItem(self.tr("Language (ja, en)"), segment_store.LANGUAGE)
        for name in self.attribute_names:
            attribute.addItem(name, name)
        op = QComboBox()
        for key, label in self.operators():
            op.addItem(label, key)
        values = QLineEdit()
        remove = QPushButton(self.tr("Remove"))
        if condition is not None:
            index = attribute.findData(condition.attribute)
            if index < 0:
                attribute.addItem(condition.attribute, condition.attribute)
                index = attribute.count() - 1
            attribute.setCurrentIndex(index)
            op.setCurrentIndex(max(0, op.findData(condition.op)))
            values.setText(", ".join(condition.values))
        elif self.attribute_names:
            attribute.setCurrentIndex(1)
        row = len(self.rows) + 1
        entry = (attribute, op, values, remove)
        self.rows.append(entry)
        for column, widget in enumerate(entry):
            self.grid.addWidget(widget, row, column)
        attribute.currentTextChanged.connect(self._changed)
        op.currentIndexChanged.connect(self._changed)
        values.textChanged.connect(self._changed)
        remove.clicked.connect(lambda: self.remove_condition(entry))
        self._changed()

    def remove_condition(self, entry: tuple[QComboBox, QComboBox, QLineEdit, QPushButton]) -> None:
        self.rows.remove(entry)
        for widget in entry:
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._changed()

    def conditions(self) -> list[Condition]:
        result = []
        for attribute, op, values, _remove in self.rows:
            name = attribute.currentText().strip()
            if (
                attribute.currentIndex() >= 0
                and attribute.itemText(attribute.currentIndex()) == name
            ):
                name = str(attribute.currentData())
            if not name:
                continue
            parts = tuple(
                v.strip() for v in values.text().replace("、", ",").split(",") if v.strip()
            )
            result.append(Condition(name, str(op.currentData()), parts))
        return result

    def _changed(self, *_args: object) -> None:
        for _attribute, op, values, _remove in self.rows:
            values.setEnabled(
                op.currentData() not in (segment_store.OP_EMPTY, segment_store.OP_NOT_EMPTY)
            )
        self._timer.start()

    def recount(self) -> None:
        self._count.request()

    def _count_job(self):  # type: ignore[no-untyped-def]
        try:
            where = segment_store.clause(self.conditions())
        except segment_store.SegmentError as error:
            message = error_text(error)

            def refuse(_db: Database) -> str:
                return message

            return refuse

        def job(db: Database) -> int:
            return contact_store.count_matching(db, segment=where)

        return job

    def _on_count(self, result: int | str) -> None:
        if isinstance(result, str):
            self.count_label.setText(result)
            return
        self.count_label.setText(self.tr("Matching contacts: %1").replace("%1", f"{result:,}"))

    def save(self) -> None:
        name = self.name.text()
        conditions = self.conditions()
        segment_id = self.segment.id if self.segment else None

        def job(db: Database) -> Segment:
            return segment_store.save(db, name, conditions, segment_id)

        def done(segment: Segment) -> None:
            self.saved.emit(segment)
            self.accept()

        def failed(error: Exception) -> None:
            self.error.setText(error_text(error))
            self.error.show()

        self.write(self.worker, job, done, failed)

    def delete(self) -> None:
        if self.segment is None:
            return
        segment_id = self.segment.id

        def done(_result: object) -> None:
            self.deleted.emit(segment_id)
            self.accept()

        self.write(self.worker, lambda db: segment_store.delete(db, segment_id), done)
