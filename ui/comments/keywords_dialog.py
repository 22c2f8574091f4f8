"""Edits the keyword lists behind automatic tags; saving re-tags every comment.

Built-in tags are listed by their label in the UI language (価格) and saved
under their stable key ("price"), so editing a list never renames its tag.

Signals:
    saved(): the lists were stored (and every comment tagged again).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from storage import comments as comment_store
from surveys.tags import parse_keywords, tag_key, tag_label
from ui.common.page_jobs import WritesBeforeClosing, guarded
from ui.common.survey_labels import ui_language
from ui.common.widgets import save_cancel
from ui.context import AppContext


class KeywordsDialog(WritesBeforeClosing, QDialog):
    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Tag keywords"))
        self.resize(560, 380)
        hint = QLabel(
            self.tr(
                "A comment gets a tag when it contains one of the tag's keywords."
                " Separate keywords with commas. Full-width and half-width forms,"
                " and capitals, count as the same."
            )
        )
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("keywords_table")
        self.table.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Keywords")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("Add tag"))
        add.clicked.connect(lambda: self.add_row("", ""))
        remove = QPushButton(self.tr("Remove tag"))
        remove.clicked.connect(self.remove_selected)
        buttons = save_cancel(self, self.save)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        context.worker.submit(comment_store.keywords, guarded(self, self._show))

    def _show(self, lists: dict[str, list[str]]) -> None:
        self.table.setRowCount(0)
        language = ui_language(self.context)
        for tag, words in lists.items():
            self.add_row(tag_label(tag, language), ", ".join(words))

    def add_row(self, tag: str, words: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(tag))
        self.table.setItem(row, 1, QTableWidgetItem(words))

    def remove_selected(self) -> None:
        for index in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(index)

    def lists(self) -> dict[str, list[str]]:
        lists: dict[str, list[str]] = {}
        for row in range(self.table.rowCount()):
            tag_item, words_item = self.table.item(row, 0), self.table.item(row, 1)
            tag = tag_key(tag_item.text()) if tag_item else ""
            words = parse_keywords(words_item.text()) if words_item else []
            if tag and words:
                lists.setdefault(tag, []).extend(w for w in words if w not in lists.get(tag, []))
        return lists

    def save(self) -> None:
        lists = self.lists()

        def job(db: Database) -> None:
            comment_store.set_keywords(db, lists)
            comment_store.apply_pending(db)

        def done(_: None) -> None:
            self.saved.emit()
            self.accept()

        self.write(self.context.worker, job, done)
