"""The best-practice rules: what each checks and why, and which are off for this survey."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from surveys.checker import RULES, Severity
from ui.common.widgets import heading, hint
from ui.designer.look import severity_icon

RULE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RulesDialog(QDialog):
    """Every rule, ticked when on; the selected rule's help beside the list.

    Ticking or unticking applies at once (the page makes it an undoable edit);
    ``set_disabled`` updates the ticks after undo. ``rule_list`` is public.

    Signals:
        rule_toggled(str, bool): a rule id was switched on (True) or off (False).
    """

    rule_toggled = Signal(str, bool)

    def __init__(
        self, disabled: frozenset[str], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Best-practice rules"))
        self.language = language
        self.rule_list = QListWidget()
        self.rule_list.setIconSize(QSize(16, 16))
        for described in RULES:
            item = QListWidgetItem(
                severity_icon(described.severity, self.palette()), described.title.get_for(language)
            )
            item.setData(RULE_ID_ROLE, described.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            self.rule_list.addItem(item)
        self.set_disabled(disabled)
        self.rule_list.itemChanged.connect(self._on_item_changed)
        self.rule_list.currentItemChanged.connect(self._on_current)

        self.title_label = heading("", scale=1.1)
        self.title_label.setWordWrap(True)
        self.severity_label = hint("")
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.help_label.setTextFormat(Qt.TextFormat.PlainText)
        self.help_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        details = QWidget()
        details_column = QVBoxLayout(details)
        details_column.addWidget(self.title_label)
        details_column.addWidget(self.severity_label)
        details_column.addWidget(self.help_label)
        details_column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(details)

        row = QHBoxLayout()
        row.addWidget(self.rule_list, 2)
        row.addWidget(scroll, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(
            hint(
                self.tr(
                    "Koe checks each survey against these rules as you write it. Untick a "
                    "rule to switch it off for this survey only."
                )
            )
        )
        column.addLayout(row, 1)
        column.addWidget(buttons)
        self.resize(760, 480)
        self.rule_list.setCurrentRow(0)

    def set_disabled(self, disabled: frozenset[str]) -> None:
        blocked = self.rule_list.blockSignals(True)
        for row in range(self.rule_list.count()):
            item = self.rule_list.item(row)
            off = item.data(RULE_ID_ROLE) in disabled
            item.setCheckState(Qt.CheckState.Unchecked if off else Qt.CheckState.Checked)
        self.rule_list.blockSignals(blocked)

    def select_rule(self, rule_id: str) -> None:
        for row in range(self.rule_list.count()):
            if self.rule_list.item(row).data(RULE_ID_ROLE) == rule_id:
                self.rule_list.setCurrentRow(row)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        on = item.checkState() == Qt.CheckState.Checked
        self.rule_toggled.emit(str(item.data(RULE_ID_ROLE)), on)

    def _on_current(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        described = next(r for r in RULES if r.id == item.data(RULE_ID_ROLE))
        self.title_label.setText(described.title.get_for(self.language))
        severity = {
            Severity.ERROR: self.tr("Reported as a problem: it breaks the data."),
            Severity.WARNING: self.tr("Reported as a warning: it hurts the data."),
            Severity.INFO: self.tr("Reported as a suggestion."),
        }[described.severity]
        self.severity_label.setText(severity)
        self.help_label.setText(described.help.get_for(self.language))
