"""The live checklist beside the editor: what the best-practice checker finds, and how to fix it.

Findings are grouped by question, in survey order, each with its severity,
its message and its fix in the UI language. Clicking one (or Enter on it)
selects the question and focuses the field it is about; fixing the wording
makes it disappear at the next check.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from surveys.checker import Finding, Severity, rule
from ui.common.icons import icon
from ui.common.widgets import heading, heading_font, hint
from ui.designer.draft import Draft
from ui.designer.look import severity_icon

_WORDING_CHARS = 90


def duration_text(seconds: int) -> str:
    """ "About 40 seconds to answer", "About 2 minutes to answer"."""
    translate = QCoreApplication.translate
    if seconds < 60:
        rounded = max(5, 5 * round(seconds / 5))
        text = translate("ChecklistPanel", "About %1 seconds to answer")
        return text.replace("%1", str(rounded))
    minutes = round(seconds / 60)
    if minutes <= 1:
        return translate("ChecklistPanel", "About a minute to answer")
    return translate("ChecklistPanel", "About %1 minutes to answer").replace("%1", str(minutes))


class FindingCard(QFrame):
    """One finding: its severity, message, fix, and (on request) why the rule exists.

    Signals:
        activated(object): the Finding was clicked or chosen with Enter/Space.
        rule_off_requested(str): "Turn this rule off for this survey" on its rule id.
    """

    activated = Signal(object)
    rule_off_requested = Signal(str)

    def __init__(self, finding: Finding, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("findingCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Minimum: the wrapped text decides the height (heightForWidth), never less.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        described = rule(finding.rule_id)
        self.setAccessibleName(described.title.get_for(language))
        self.icon_label = QLabel()
        self.icon_label.setPixmap(severity_icon(finding.severity, self.palette()).pixmap(16, 16))
        self.message_label = QLabel(finding.message.get_for(language))
        self.fix_label = hint(finding.fix.get_for(language))
        self.help_label = hint(described.help.get_for(language))
        self.help_label.hide()
        for label in (self.message_label, self.fix_label, self.help_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.why_button = QPushButton(self.tr("Why?"))
        self.off_button = QPushButton(self.tr("Turn off"))
        self.off_button.setToolTip(self.tr("Turn this rule off for this survey"))
        for button in (self.why_button, self.off_button):
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.why_button.clicked.connect(self.toggle_help)
        self.off_button.clicked.connect(lambda: self.rule_off_requested.emit(finding.rule_id))

        text = QVBoxLayout()
        text.setSpacing(3)
        text.addWidget(self.message_label)
        text.addWidget(self.fix_label)
        text.addWidget(self.help_label)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.why_button)
        buttons.addWidget(self.off_button)
        text.addLayout(buttons)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 8, 8, 4)
        row.setSpacing(8)
        row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)

    def toggle_help(self) -> None:
        shown = not self.help_label.isVisible()
        self.help_label.setVisible(shown)
        self.why_button.setText(self.tr("Hide") if shown else self.tr("Why?"))

    def paintEvent(self, event: QPaintEvent) -> None:
        # Drawn rather than styled: a style sheet set on a palette change would
        # itself change the palette again.
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = self.hasFocus()
        border = palette.color(QPalette.ColorRole.Highlight if focused else QPalette.ColorRole.Mid)
        width = 2 if focused else 1
        painter.setPen(QPen(border, width))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        inset = width / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 6, 6)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.finding)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.finding)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu(event.globalPos())

    def menu(self, where: QPoint) -> QMenu:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Go to the question"), lambda: self.activated.emit(self.finding))
        menu.addAction(self.tr("Why this rule?"), self.toggle_help)
        menu.addSeparator()
        menu.addAction(
            self.tr("Turn this rule off for this survey"),
            lambda: self.rule_off_requested.emit(self.finding.rule_id),
        )
        menu.popup(where)
        return menu

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.icon_label.setPixmap(
                severity_icon(self.finding.severity, self.palette()).pixmap(16, 16)
            )
        super().changeEvent(event)


class ChecklistPanel(QWidget):
    """The checker's findings on the draft, refreshed by the page as the user types.

    Public for tests: ``cards`` (the FindingCards shown, in order), ``time_label``,
    ``summary_label`` and ``rules_button``.

    Signals:
        finding_activated(object): go to this Finding's question and field.
        rule_off_requested(str): switch this rule id off for the survey.
        rules_requested(): show the list of rules.
    """

    finding_activated = Signal(object)
    rule_off_requested = Signal(str)
    rules_requested = Signal()

    def __init__(self, draft: Draft, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.language = language
        self.cards: list[FindingCard] = []
        self._signature: tuple[object, ...] | None = None

        self.time_icon = QLabel()
        self.time_label = QLabel()
        self.summary_icon = QLabel()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.rules_button = QPushButton(self.tr("Rules…"))
        self.rules_button.clicked.connect(self.rules_requested)

        time_row = QHBoxLayout()
        time_row.addWidget(self.time_icon)
        time_row.addWidget(self.time_label, 1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_icon, 0, Qt.AlignmentFlag.AlignTop)
        summary_row.addWidget(self.summary_label, 1)

        self._list = QWidget()
        self._list_column = QVBoxLayout(self._list)
        self._list_column.setContentsMargins(0, 0, 4, 0)
        self._list_column.setSpacing(6)
        self._list_column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self._list)

        footer = QHBoxLayout()
        footer.addWidget(hint(self.tr("Koe reviews the survey as you write it.")), 1)
        footer.addWidget(self.rules_button)

        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 10)
        column.setSpacing(6)
        column.addWidget(heading(self.tr("Checklist")))
        column.addLayout(time_row)
        column.addLayout(summary_row)
        column.addWidget(self.scroll, 1)
        column.addLayout(footer)
        self._paint()

    def show_findings(self, findings: list[Finding], seconds: int) -> None:
        """Show ``findings`` (in check() order) and the estimated time to answer."""
        self.time_label.setText(duration_text(seconds))
        self._summarise(findings)
        # Group titles show the wording: a reworded question redraws its group too.
        first = self.draft.languages[0]
        signature = (
            *((f.rule_id, f.place, f.severity, f.message.get_for(self.language)) for f in findings),
            self.draft.languages,
            tuple((q.qid, q.text.get(first, "")) for q in self.draft.questions),
        )
        if signature == self._signature:
            return
        self._signature = signature
        scrolled = self.scroll.verticalScrollBar().value()
        self._rebuild(findings)
        self.scroll.verticalScrollBar().setValue(scrolled)

    def _summarise(self, findings: list[Finding]) -> None:
        counts = {severity: 0 for severity in Severity}
        for finding in findings:
            counts[finding.severity] += 1
        parts = []
        if counts[Severity.ERROR]:
            parts.append(self.tr("Problems: %1").replace("%1", str(counts[Severity.ERROR])))
        if counts[Severity.WARNING]:
            parts.append(self.tr("Warnings: %1").replace("%1", str(counts[Severity.WARNING])))
        if counts[Severity.INFO]:
            parts.append(self.tr("Suggestions: %1").replace("%1", str(counts[Severity.INFO])))
        if parts:
            self.summary_label.setText(self.tr(" · ").join(parts))
            worst = next(s for s in Severity if counts[s])
            self.summary_icon.setPixmap(severity_icon(worst, self.palette()).pixmap(16, 16))
        else:
            self.summary_label.setText(
                self.tr("Nothing to fix: this survey follows best practice.")
            )
            self.summary_icon.setPixmap(icon("circle-check", self.palette()).pixmap(16, 16))

    def _rebuild(self, findings: list[Finding]) -> None:
        column = self._list_column
        while column.count() > 1:  # everything but the closing stretch
            widget = column.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.cards = []
        group: object = ()
        for finding in findings:
            if finding.place.qid != group:
                group = finding.place.qid
                column.insertWidget(column.count() - 1, self._group_label(finding.place.qid))
            card = FindingCard(finding, self.language)
            card.activated.connect(self.finding_activated)
            card.rule_off_requested.connect(self.rule_off_requested)
            column.insertWidget(column.count() - 1, card)
            self.cards.append(card)

    def _group_label(self, qid: str | None) -> QLabel:
        if qid is None:
            text = self.tr("Survey")
        else:
            row = self.draft.row_of(qid)
            question = self.draft.question(qid)
            wording = (
                " ".join(question.text.get(self.draft.languages[0], "").split()) if question else ""
            )
            if len(wording) > _WORDING_CHARS:
                wording = wording[: _WORDING_CHARS - 1] + "…"
            text = (
                f"{row + 1}. {wording}"
                if wording
                else self.tr("Question %1").replace("%1", str(row + 1))
            )
        label = QLabel(text)
        label.setFont(heading_font(label.font(), 1.0))
        label.setContentsMargins(0, 6, 0, 0)
        label.setWordWrap(True)
        return label

    def _paint(self) -> None:
        self.time_icon.setPixmap(icon("timer", self.palette()).pixmap(16, 16))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()
            self._signature = None
        super().changeEvent(event)
