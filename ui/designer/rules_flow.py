"""Switching best-practice rules off and on for the survey, as undoable edits."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from surveys.checker import rule
from ui.designer.commands import SettingsEdit
from ui.designer.draft import Target
from ui.designer.rules_dialog import RulesDialog

if TYPE_CHECKING:
    from ui.designer.page import DesignerPage


class RulesFlow(QObject):
    """Turns rules off from a finding, and on or off from the Rules dialog.

    The choice is kept in ``Survey.disabled_rules`` and saved with the survey.
    ``dialog`` is the open RulesDialog, if any.
    """

    def __init__(self, page: DesignerPage) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: RulesDialog | None = None

    def set_rule(self, rule_id: str, on: bool) -> None:
        draft = self.page.draft
        if draft.survey is None:
            return
        before = draft.settings()
        off = set(before.disabled_rules)
        off.discard(rule_id) if on else off.add(rule_id)
        after = replace(before, disabled_rules=frozenset(off))
        if after == before:
            return
        title = rule(rule_id).title.get_for(self.page.ui_lang)
        text = self.tr("Turn on “%1”") if on else self.tr("Turn off “%1”")
        # Undo brings the checklist back where it was, not to the settings.
        target = Target(self.page.current_qid()) if self.page.current_qid() else None
        self.page.undo_stack.push(
            SettingsEdit(draft, before, after, text.replace("%1", title), target=target)
        )

    def turn_off(self, rule_id: str) -> None:
        self.set_rule(rule_id, False)
        title = rule(rule_id).title.get_for(self.page.ui_lang)
        self.page.notice.show_info(
            self.tr("“%1” is off for this survey. Turn it back on under Rules….").replace(
                "%1", title
            )
        )

    def show_dialog(self) -> RulesDialog:
        if self.dialog is None:
            draft = self.page.draft
            disabled = draft.survey.disabled_rules if draft.survey else frozenset()
            self.dialog = RulesDialog(disabled, self.page.ui_lang, self.page)
            self.dialog.rule_toggled.connect(self.set_rule)
            self.dialog.finished.connect(self._on_finished)
        self.dialog.open()
        return self.dialog

    def sync(self) -> None:
        survey = self.page.draft.survey
        if self.dialog is not None and survey is not None:
            self.dialog.set_disabled(survey.disabled_rules)

    def _on_finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
