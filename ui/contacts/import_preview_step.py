"""The import dialog's preview: the file worked out in full, before anything is written.

The counts (to import, merged, not imported), what happens to consent, the first
rows of the file as they will be stored (problem rows marked), and every problem
and merge of the file in plain words, row by row. ``IssuesTable`` lists the
problems and merges again in the report after the import.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contacts import ContactDraft, MergeReport, Preview, RowProblem
from ui.contacts import import_words as words

PREVIEW_ROWS = 50  # rows of the file shown as they will be stored
ISSUES_SHOWN = 2000  # problems and merges listed; the saved report has them all
WRAPPED_ROWS = 300  # up to this many, each line as high as its words
REFUSED = QColor(198, 40, 40, 45)
NOTED = QColor(230, 160, 0, 45)

(COL_ROW, COL_STATUS, COL_NAME, COL_FURIGANA, COL_SMS, COL_PHONES, COL_EMAIL,
 COL_CONSENT) = range(8)  # fmt: skip
WIDEST = {COL_STATUS: 160, COL_NAME: 150, COL_FURIGANA: 130, COL_SMS: 180, COL_PHONES: 200,
          COL_EMAIL: 200}  # fmt: skip


@dataclass(frozen=True)
class Figures:
    """A preview's counts, worked out beside it off the GUI thread (50,000 contacts
    take a noticeable moment to count)."""

    rows_read: int
    contacts: int
    created: int
    updated: int
    merged: int
    rejected: int
    consent: dict[str, int]
    opt_out: dict[str, int]


def figures(preview: Preview) -> Figures:
    """``preview``'s counts; also readies its row index (``draft_of``). Any thread."""
    preview.draft_of(0)
    return Figures(
        rows_read=preview.rows_read,
        contacts=len(preview.contacts),
        created=preview.created,
        updated=preview.updated,
        merged=preview.merged_rows,
        rejected=preview.rejected_rows,
        consent={c: sum(c in d.consent for d in preview.contacts) for c in ("sms", "email")},
        opt_out={c: sum(c in d.opt_out for d in preview.contacts) for c in ("sms", "email")},
    )


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str, tint: QColor | None = None, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tint is not None:
        item.setBackground(QBrush(tint))
    item.setToolTip(tip)
    return item


class IssuesTable(QTableWidget):
    """Every problem and merge of a file, in row order: row, column, value, what happens
    (``done``: what happened, in the report after the import)."""

    def __init__(self, parent: QWidget | None = None, *, done: bool = False) -> None:
        super().__init__(0, 4, parent)
        self.done = done
        self.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("What happens")]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)  # a merge's report is long: all of it is read
        self.horizontalHeader().setStretchLastSection(True)

    def show_issues(self, problems: list[RowProblem], merges: list[MergeReport]) -> int:
        """Lists them (the first ISSUES_SHOWN); returns how many were left out."""
        shown, left_out = words.issue_lines(problems, merges, ISSUES_SHOWN, self.done)
        self.setRowCount(len(shown))
        for r, (row, column, value, what, refused) in enumerate(shown):
            tint = REFUSED if refused else None
            for c, text in enumerate((str(row), column, value, what)):
                self.setItem(r, c, _item(text, tint, what))
        self.resizeColumnsToContents()
        for column in range(3):
            self.setColumnWidth(column, min(self.columnWidth(column), 220))
        # Rows as high as their words, while that costs little; past that, the tooltip.
        mode = QHeaderView.ResizeMode.ResizeToContents
        if len(shown) > WRAPPED_ROWS:
            mode = QHeaderView.ResizeMode.Interactive
        self.verticalHeader().setSectionResizeMode(mode)
        return left_out


class PreviewStep(QWidget):
    """Shows a Preview: counts, consent, the first rows as stored, the problems."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: Preview | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.consent = QLabel()
        self.consent.setWordWrap(True)
        self.rows_title = QLabel(
            self.tr("The first rows of the file, as they will be saved (nothing is saved yet):")
        )
        self.rows = _table(
            [
                self.tr("Row"),
                self.tr("What happens"),
                self.tr("Name"),
                self.tr("Furigana"),
                self.tr("Phone for SMS"),
                self.tr("Other phones"),
                self.tr("Email"),
                self.tr("Consent"),
            ]
        )
        self.issues_title = QLabel()
        self.issues = IssuesTable()
        self.more = QLabel()
        self.more.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.consent)
        layout.addWidget(self.rows_title)
        layout.addWidget(self.rows, 3)
        layout.addWidget(self.issues_title)
        layout.addWidget(self.issues, 2)
        layout.addWidget(self.more)

    def show_preview(self, preview: Preview, counted: Figures | None = None) -> None:
        self.preview = preview
        counted = counted or figures(preview)
        self.summary.setText(self._counts(counted))
        self.consent.setText(self._consent(preview, counted))
        self._fill_rows(preview)
        issues = len(preview.problems) + len(preview.merges)
        self.issues_title.setText(
            self.tr("Problems and merges, row by row: %1").replace("%1", words.count(issues))
            if issues
            else self.tr("No problems: every row can be imported as it is.")
        )
        left_out = self.issues.show_issues(preview.problems, preview.merges)
        self.issues.setVisible(bool(issues))
        self.more.setVisible(left_out > 0)
        self.more.setText(
            self.tr("…and %1 more: “Save report…” lists them all.").replace(
                "%1", words.count(left_out)
            )
        )

    def _counts(self, counted: Figures) -> str:
        return (
            self.tr(
                "Rows read: %1 · Contacts to import: %2 (new: %3, already saved: %4) · "
                "Rows merged into another: %5 · Rows not imported: %6"
            )
            .replace("%1", words.count(counted.rows_read))
            .replace("%2", words.count(counted.contacts))
            .replace("%3", words.count(counted.created))
            .replace("%4", words.count(counted.updated))
            .replace("%5", words.count(counted.merged))
            .replace("%6", words.count(counted.rejected))
        )

    def _consent(self, preview: Preview, counted: Figures) -> str:
        """What the import records about consent, in the future tense (nothing is saved)."""
        chosen = preview.options.consent_without_column
        if not preview.consent_columns:
            if not chosen:
                return self.tr(
                    "Consent: the file has no consent column, and you chose to record no "
                    "consent for anyone."
                )
            return self.tr(
                "Consent: the file has no consent column; consent to %1 will be recorded for "
                "everyone, as you confirmed."
            ).replace("%1", words.channels_text(chosen))
        given, refused = counted.consent, counted.opt_out
        text = (
            self.tr(
                "Consent from the file: SMS yes %1, no %2 · email yes %3, no %4 "
                "(a “no” is recorded as an opt-out)."
            )
            .replace("%1", words.count(given["sms"]))
            .replace("%2", words.count(refused["sms"]))
            .replace("%3", words.count(given["email"]))
            .replace("%4", words.count(refused["email"]))
        )
        silent = {"sms", "email"} - preview.consent_columns
        if silent:
            text += " " + self.tr("The file says nothing about %1: no consent recorded for it.")
            text = text.replace("%1", words.channels_text(silent))
        return text

    def _fill_rows(self, preview: Preview) -> None:
        merges = {m.row: m for m in preview.merges}
        first = preview.table.first_row_number
        lines: list[tuple[int, ContactDraft | None, str, list[str], QColor | None]] = []
        for offset, cells in enumerate(preview.table.rows):
            if len(lines) >= PREVIEW_ROWS:
                break
            if not "".join(cells).strip():
                continue  # a blank line is no one
            number = first + offset
            draft = preview.draft_of(number)
            problems = preview.problems_of(number)
            said = [words.problem_line(p) for p in problems]
            merge = merges.get(number)
            if merge is not None:
                said.append(words.merge_line(merge))
            if draft is None:
                lines.append((number, None, self.tr("Not imported"), said, REFUSED))
            elif draft.row != number:  # merged into an earlier row: shown there
                status = self.tr("Merged into row %1").replace("%1", str(draft.row))
                lines.append((number, None, status, said, NOTED))
            else:
                if problems:
                    status = self.tr("Imported; see the notes")
                elif draft.contact_id is not None:
                    status = self.tr("Updates a saved contact")
                else:
                    status = self.tr("New")
                lines.append((number, draft, status, said, NOTED if problems else None))
        self.rows.setRowCount(len(lines))
        for r, (number, draft, status, said, tint) in enumerate(lines):
            values = [""] * self.rows.columnCount()
            values[COL_ROW] = str(number)
            values[COL_STATUS] = status
            if draft is not None:
                values[COL_NAME] = words.shown(draft.name)
                values[COL_FURIGANA] = words.shown(draft.furigana)
                values[COL_SMS] = words.sms_number(draft)
                values[COL_PHONES] = words.other_phones(draft)
                values[COL_EMAIL] = words.emails(draft)
                values[COL_CONSENT] = words.consent_text(draft)
            tip = "\n".join(said)
            for c, text in enumerate(values):
                self.rows.setItem(r, c, _item(text, tint, tip or (text if len(text) > 20 else "")))
        self.rows.resizeColumnsToContents()
        for column, widest in WIDEST.items():
            self.rows.setColumnWidth(column, min(self.rows.columnWidth(column), widest))
