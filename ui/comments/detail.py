"""The selected comment: its full text, its tags and, for a low score, the closed loop.

Signals:
    tags_changed(int, list): the comment with this answer id now has these tags.
    case_saved(int, str): the case of this response was saved with this status.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from storage import comments as comment_store
from storage import follow_up
from storage.comments import Comment
from surveys.questions import Band
from surveys.tags import tag_key, tag_label
from surveys.times import minute_text, zone_named
from ui.comments.model import band_text, contact_text, no_comment_text, tags_text
from ui.common.page_jobs import guarded
from ui.common.survey_labels import ui_language
from ui.context import AppContext


class CommentDetail(QWidget):
    tags_changed = Signal(int, list)
    case_saved = Signal(int, str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.comment: Comment | None = None
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tags = QLabel()
        self.tags.setWordWrap(True)
        self.tag_edit = QComboBox()
        self.tag_edit.setEditable(True)
        self.tag_edit.setObjectName("tag_edit")
        self.add_button = QPushButton(self.tr("Add tag"))
        self.remove_button = QPushButton(self.tr("Remove tag"))
        self.add_button.clicked.connect(self.add_tag)
        self.remove_button.clicked.connect(self.remove_tag)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_edit, 1)
        tag_row.addWidget(self.add_button)
        tag_row.addWidget(self.remove_button)

        # Not "this detractor": a CSAT or CES answer at the bottom of its scale has a
        # case too, and only NPS calls its people detractors.
        self.case_box = QGroupBox(self.tr("Follow-up of this answer"))
        self.status = QComboBox()
        self.status.setObjectName("case_status")
        for key, label in (
            ("new", self.tr("New")),
            ("contacted", self.tr("Contacted")),
            ("resolved", self.tr("Resolved")),
        ):
            self.status.addItem(label, key)
        self.owner = QComboBox()
        self.owner.setObjectName("case_owner")
        self.note = QPlainTextEdit()
        self.note.setObjectName("case_note")
        self.note.setMaximumHeight(80)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("case_save")
        self.save_button.clicked.connect(self.save_case)
        form = QFormLayout(self.case_box)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.meta)
        layout.addWidget(self.text)
        layout.addWidget(self.tags)
        layout.addLayout(tag_row)
        layout.addWidget(self.case_box)
        layout.addStretch(1)
        self.show_comment(None)

    def set_tag_choices(self, tags: list[str]) -> None:
        """Offer the stored tags (keys) by their labels; typing a label names the same tag."""
        current = self.tag_edit.currentText()
        self.tag_edit.clear()
        language = ui_language(self.context)
        self.tag_edit.addItems(sorted(tag_label(t, language) for t in tags))
        self.tag_edit.setCurrentText(current)

    def _fill_owners(self, current: str) -> None:
        self.owner.clear()
        self.owner.addItem(self.tr("Nobody yet"), "")
        for name in self.context.settings.owners:
            self.owner.addItem(name, name)
        if current and self.owner.findData(current) < 0:
            self.owner.addItem(current, current)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))

    def show_comment(self, comment: Comment | None) -> None:
        self.comment = comment
        # A detractor who left no comment has a case to follow up, but nothing to tag.
        has = comment is not None and comment.answer_id is not None
        for widget in (self.tag_edit, self.add_button, self.remove_button):
            widget.setEnabled(has)
        if comment is None:
            self.meta.setText(self.tr("Select a comment to see it whole, tag it or follow it up."))
            self.text.clear()
            self.tags.clear()
            self.case_box.hide()
            return
        self.show_meta()
        self.text.setText(comment.text if comment.answer_id is not None else no_comment_text())
        self._show_tags(comment.tags)
        self.case_box.setVisible(comment.band is Band.DETRACTOR)
        if comment.band is Band.DETRACTOR:
            self.case_box.setEnabled(False)
            response_id = comment.response_id

            def done(case: follow_up.Case) -> None:
                if self.comment is None or self.comment.response_id != response_id:
                    return
                self.status.setCurrentIndex(max(0, self.status.findData(case.status)))
                self._fill_owners(case.owner)
                self.note.setPlainText(case.note)
                self.case_box.setEnabled(True)

            self.context.worker.submit(
                lambda db: follow_up.get(db, response_id), guarded(self, done)
            )

    def show_meta(self) -> None:
        """The comment's time (in the workspace's zone), score, category and contact."""
        comment = self.comment
        if comment is None:
            return
        score = "" if comment.score is None else str(comment.score)
        when = minute_text(comment.created_at, zone_named(self.context.settings.time_zone))
        band = band_text(comment.kind, comment.band, ui_language(self.context))
        parts = [when, score, band, contact_text(comment)]
        self.meta.setText(" · ".join(p for p in parts if p))

    def _show_tags(self, tags: list[str]) -> None:
        shown = tags_text(tags, ui_language(self.context))
        self.tags.setText(self.tr("Tags: %1").replace("%1", shown or "—"))

    def _change_tag(self, add: bool) -> None:
        comment = self.comment
        # 価格 or Price typed (or picked) is the built-in "price", not a new tag.
        tag = tag_key(self.tag_edit.currentText())
        if comment is None or comment.answer_id is None or not tag:
            return
        answer_id = comment.answer_id

        def job(db: Database) -> list[str]:
            if add:
                comment_store.add_tag(db, answer_id, tag)
            else:
                comment_store.remove_tag(db, answer_id, tag)
            return comment_store.tags_of(db, answer_id)

        def done(tags: list[str]) -> None:
            comment.tags = tags
            if self.comment is comment:
                self._show_tags(tags)
            self.tags_changed.emit(answer_id, tags)

        self.context.worker.submit(job, guarded(self, done))

    def add_tag(self) -> None:
        self._change_tag(True)

    def remove_tag(self) -> None:
        self._change_tag(False)

    def save_case(self) -> None:
        comment = self.comment
        if comment is None:
            return
        response_id = comment.response_id
        status = self.status.currentData()
        owner = self.owner.currentData() or ""
        note = self.note.toPlainText().strip()

        def job(db: Database) -> follow_up.Case:
            return follow_up.save(db, response_id, status=status, owner=owner, note=note)

        def done(case: follow_up.Case) -> None:
            self.case_saved.emit(case.response_id, case.status)

        self.context.worker.submit(job, guarded(self, done))
