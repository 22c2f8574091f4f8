"""The designer page: one survey's questions on the left, the selected one in the centre,
the live checklist on the right.

Every edit is an undo command on ``undo_stack``; the draft is checked 150 ms
after the last change and saved through the worker 800 ms after it (and when
the page is left), so closing never loses work.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QUndoStack
from PySide6.QtWidgets import (
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from storage import surveys as survey_store
from surveys.checker import Finding, check, estimated_seconds
from surveys.model import Survey, SurveyStatus
from surveys.text import LocalText
from ui.common.empty_state import EmptyState
from ui.common.notice_bar import NoticeBar
from ui.common.page_jobs import guarded
from ui.common.problem_words import error_text
from ui.common.survey_labels import status_name, ui_language
from ui.context import AppContext
from ui.designer import prompts
from ui.designer.actions import add_menu, make_actions, make_undo_actions, repaint_icons
from ui.designer.checklist import ChecklistPanel
from ui.designer.draft import Draft, Target
from ui.designer.edit_flow import EditFlow
from ui.designer.list_model import QID_ROLE, QuestionListModel
from ui.designer.preview_flow import PreviewFlow
from ui.designer.question_editor import QuestionEditor, locked_text
from ui.designer.question_panel import QuestionPanel
from ui.designer.rules_flow import RulesFlow
from ui.designer.saver import AutoSaver, SaveState
from ui.designer.survey_settings import SurveySettingsEditor
from ui.designer.toolbar import DesignerToolbar

CHECK_DELAY_MS = 150


class DesignerPage(QWidget):
    """Designs one survey (``survey_id``), loaded through the worker.

    Public for tests: ``draft``, ``model``, ``list_view``, ``editor`` (QuestionEditor),
    ``settings_editor``, ``checklist``, ``undo_stack``, ``edits`` (add, duplicate, delete,
    move), ``saver``, ``actions_by_name``,
    ``undo_action``, ``redo_action``, ``save_label`` and ``notice``.

    Signals:
        loaded(): the survey arrived from the database and is shown.
        closed(): the user went back to the surveys, after the last save.
    """

    loaded = Signal()
    closed = Signal()

    def __init__(self, context: AppContext, survey_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.survey_id = survey_id
        self.ui_lang = ui_language(context)
        self._leave_then: Callable[[], None] | None = None
        self.draft = Draft(self)
        self.model = QuestionListModel(self.draft, self)
        self.undo_stack = QUndoStack(self)
        self.saver = AutoSaver(self.draft, context.worker, self)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_check)
        self.edits = EditFlow(self)

        self.actions_by_name = make_actions(self, self._handlers())
        self.undo_action, self.redo_action = make_undo_actions(self, self.undo_stack)
        self.add_menu = add_menu(self, self.edits.add_question, self.palette(), self.explain_grids)
        self.editor = QuestionEditor(self.draft, self.ui_lang)
        self.settings_editor = SurveySettingsEditor(self.draft, self.ui_lang)
        self.settings_editor.page_texts.watch_shop(context)
        self.checklist = ChecklistPanel(self.draft, self.ui_lang)
        self.notice = NoticeBar()
        self.rules = RulesFlow(self)
        self.preview = PreviewFlow(self)
        self._layout()
        self._wire()
        self._update_actions()
        self.load()

    # Building ---------------------------------------------------------------------

    def _handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "back": self.go_back,
            "preview": lambda: self.preview.start(),
            "add": lambda: self.panel.add_button.showMenu(),
            "duplicate": self.edits.duplicate_question,
            "delete": self.edits.delete_question,
            "move_up": lambda: self.edits.move_question(-1),
            "move_down": lambda: self.edits.move_question(1),
            "settings": self.show_settings,
        }

    def _layout(self) -> None:
        a = self.actions_by_name
        self.toolbar = DesignerToolbar(a, self.undo_action, self.redo_action)
        self.panel = QuestionPanel(self.model, a, self.add_menu)
        self.list_view = self.panel.list_view
        self.settings_button = self.panel.settings_button
        self.save_label = self.toolbar.save_label

        # Centre: the selected question, the settings, or an invitation to add one.
        self.empty_state = EmptyState("list-checks", self.tr("Add a question"), "plus")
        self.empty_state.set_text(
            self.tr("No questions yet"),
            self.tr(
                "Start with the one question you most need answered. Koe reviews each "
                "question as you write it."
            ),
        )
        assert self.empty_state.button is not None
        self.empty_state.button.setMenu(self.add_menu)
        self.centre = QStackedWidget()
        for widget in (self.empty_state, self.editor, self.settings_editor):
            self.centre.addWidget(widget)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.centre)
        splitter.addWidget(self.checklist)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([230, 380, 330])
        splitter.setChildrenCollapsible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 4, 12, 10)
        column.setSpacing(4)
        column.addWidget(self.toolbar)
        column.addWidget(self.notice)
        column.addWidget(splitter, 1)

    def _wire(self) -> None:
        d = self.draft
        d.loaded.connect(self._on_loaded)
        d.changed.connect(self._check_timer.start)
        d.question_changed.connect(self._on_question_changed)
        d.questions_changed.connect(self._on_structure)
        d.settings_changed.connect(self._on_settings)
        d.locks_changed.connect(self._on_structure)
        d.target_requested.connect(self.go_to)
        self.list_view.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.move_requested.connect(self.edits.drag_move)
        self.editor.edited.connect(self.edits.push_question_edit)
        self.editor.new_question_requested.connect(self.edits.reword_as_new_question)
        self.saver.saved.connect(self.draft.remember_stored)
        self.editor.field_left.connect(self.edits.new_session)
        self.settings_editor.edited.connect(self.edits.push_settings_edit)
        self.settings_editor.field_left.connect(self.edits.new_session)
        self.settings_editor.rules_requested.connect(self.rules.show_dialog)
        self.checklist.finding_activated.connect(self.go_to_finding)
        self.checklist.rule_off_requested.connect(self.rules.turn_off)
        self.checklist.rules_requested.connect(self.rules.show_dialog)
        self.saver.state_changed.connect(self._on_save_state)
        self.saver.settled.connect(self._on_settled)
        self.context.responses_changed.connect(self._on_responses)
        self._on_save_state(self.saver.state.value, "")

    # Loading ------------------------------------------------------------------------

    def load(self) -> None:
        survey_id = self.survey_id

        def job(db: Database) -> tuple[Survey, dict[str, int], dict[str, LocalText]]:
            return (
                survey_store.get(db, survey_id),
                survey_store.answer_counts(db, survey_id),
                survey_store.first_wordings(db, survey_id),
            )

        def failed(error: Exception) -> None:
            self.notice.show_error(
                self.tr("The survey could not be opened: %1").replace("%1", error_text(error))
            )

        self.context.worker.submit(
            job, guarded(self, lambda r: self.draft.load(*r)), guarded(self, failed)
        )

    def _on_loaded(self) -> None:
        self.undo_stack.clear()
        self._on_settings()
        self.run_check()
        first = self.draft.questions[0].qid if self.draft.questions else None
        self.go_to(Target(first))
        self.loaded.emit()

    def _on_responses(self, survey_id: int) -> None:
        if survey_id != self.survey_id or self.draft.survey is None:
            return

        def job(db: Database) -> tuple[dict[str, int], Survey, dict[str, LocalText]]:
            return (
                survey_store.answer_counts(db, survey_id),
                survey_store.get(db, survey_id),
                survey_store.first_wordings(db, survey_id),
            )

        self.context.worker.submit(job, guarded(self, lambda r: self.draft.update_locks(*r)))

    # Selection and focus ------------------------------------------------------------

    def current_qid(self) -> str | None:
        rows = self.list_view.selectionModel().selectedRows()
        return rows[0].data(QID_ROLE) if rows else None

    def go_to(self, target: Target) -> None:
        """Select ``target``'s question (or the settings) and focus its field, if it names one."""
        if target.qid is None and target.field is None and not self.draft.questions:
            self._select(None)
            self.centre.setCurrentWidget(self.empty_state)
            return
        if target.qid is None:
            self.show_settings()
            if target.field is not None:
                self.settings_editor.focus(target)
            return
        self._select(target.qid)
        if target.field is not None or target.band is not None:
            self.editor.focus(target)

    def go_to_finding(self, finding: Finding) -> None:
        if finding.rule_id == "no-questions":
            self.go_to(Target(None))  # the "Add a question" invitation
            self.empty_state.setFocus()
            return
        place = finding.place
        field = place.field.value if place.field is not None else None
        if place.qid is None and field is None:
            field = "title"
        self.go_to(Target(place.qid, field, place.language, place.option, place.band))

    def show_settings(self) -> None:
        self._select(None)
        self.settings_button.setChecked(True)
        self.settings_editor.show_settings()
        self.centre.setCurrentWidget(self.settings_editor)
        self._update_actions()

    def _select(self, qid: str | None) -> None:
        index = self.model.index_of(qid)
        selection = self.list_view.selectionModel()
        if index.isValid():
            self.list_view.setCurrentIndex(index)
            self.list_view.scrollTo(index)
        else:
            selection.clearSelection()

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        qid = self.current_qid()
        self.edits.new_session()
        if qid is not None:
            self.settings_button.setChecked(False)
            self.editor.show_question(qid)
            self.centre.setCurrentWidget(self.editor)
        elif not self.settings_button.isChecked():
            self.centre.setCurrentWidget(
                self.empty_state if not self.draft.questions else self.editor
            )
        self._update_actions()

    # Following the draft -------------------------------------------------------------

    def _on_question_changed(self, qid: str) -> None:
        if qid == self.editor.qid:
            self.editor.show_question(qid)

    def _on_structure(self) -> None:
        self.editor.refresh()
        self._update_actions()
        if not self.draft.questions and not self.settings_button.isChecked():
            self.centre.setCurrentWidget(self.empty_state)

    def _on_settings(self) -> None:
        survey = self.draft.survey
        if survey is None:
            return
        title = survey.title.get_for(self.ui_lang) or self.tr("Untitled survey")
        status = status_name(survey.status)
        if survey.status is SurveyStatus.OPEN:
            # Autosave publishes: say so where the user looks before typing.
            status = self.tr("Open: respondents see each change once it is saved")
        self.toolbar.show_title(title, status)
        self.settings_editor.show_settings()
        self.editor.refresh()
        self.rules.sync()

    def run_check(self) -> None:
        """Check the draft now (the page does it 150 ms after the last change)."""
        self._check_timer.stop()
        survey = self.draft.survey
        if survey is None:
            return
        self.draft.set_findings(check(survey, business_name=self.context.settings.business_name))
        self.checklist.show_findings(self.draft.findings, estimated_seconds(survey))

    # Editing ----------------------------------------------------------------------------

    def explain_grids(self) -> None:
        """The Rules list, open at the grid rule: why Koe offers no grids or matrices."""
        self.rules.show_dialog().select_rule("grid")

    def _update_actions(self) -> None:
        a = self.actions_by_name
        current = self.current_qid()
        row = self.draft.row_of(current)
        locked = current is not None and self.draft.is_locked(current)
        loaded = self.draft.survey is not None
        for name in ("add", "preview", "settings"):
            a[name].setEnabled(loaded)
        a["duplicate"].setEnabled(current is not None)
        a["delete"].setEnabled(current is not None and not locked)
        a["delete"].setToolTip(
            locked_text(self.draft.answer_counts.get(current or "", 0))
            if locked
            else a["delete"].text()
        )
        a["move_up"].setEnabled(current is not None and row > 0)
        a["move_down"].setEnabled(current is not None and row < len(self.draft.questions) - 1)

    # Saving and leaving --------------------------------------------------------------

    def _on_save_state(self, state: str, reason: str) -> None:
        self.toolbar.show_save_state(SaveState(state), reason)
        if state in (SaveState.REFUSED, SaveState.FAILED):
            self.notice.show_error(
                self.tr(
                    "Not saved: %1 Your changes are kept here; undo or change them to save."
                ).replace("%1", reason)
            )
        elif state == SaveState.SAVED and self.notice.kind() == "error":
            self.notice.hide()

    def request_leave(self, then: Callable[[], None]) -> None:
        """Save what is unsaved, then call ``then``; if it cannot be saved, ask first."""
        if self.draft.survey is None or not self.saver.dirty:
            then()
            return
        self._leave_then = then
        self.saver.save_now()

    def _on_settled(self) -> None:
        then, self._leave_then = self._leave_then, None
        if then is None:
            return
        if not self.saver.dirty:
            then()
        elif self.saver.state in (SaveState.REFUSED, SaveState.FAILED):
            if prompts.confirm_discard(self, self.saver.reason):
                self.saver.saved_revision = self.draft.revision  # discarded on purpose
                then()
        else:  # changed again while saving: save that too
            self.request_leave(then)

    def go_back(self) -> None:
        self.request_leave(self._finish_leaving)

    def _finish_leaving(self) -> None:
        self.context.surveys_changed.emit()
        self.closed.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving for another page saves at once rather than after the pause.
        if self.saver.dirty:
            self.saver.save_now()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            repaint_icons(
                [*self.actions_by_name.values(), self.undo_action, self.redo_action], self.palette()
            )
            self.model.set_palette(self.palette())
            self._on_save_state(self.saver.state.value, self.saver.reason)
        super().changeEvent(event)
