"""The import dialog's first step: what each column of the file becomes.

One line per column: its header, a couple of its values, and the field it is
imported as (proposed from the header, or remembered from the last file with
the same header), which the owner may correct. Several columns may become the
name ("combine these two into the name": their values joined in column order).
Under the table, the file's first contact as the engine reads it with this
mapping, so a correction shows at once; and, when no column speaks of consent,
the question of what to record for the people in the file.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import contacts as cf
from contacts import ImportOptions, Table
from ui.contacts import import_words as words

REGIONS = ("JP", "US", "GB", "KR", "TW", "CN", "HK", "SG", "AU", "CA", "DE", "FR")
SAMPLES = 2  # values shown per column
SAMPLE_ROWS = 50  # rows looked at for them, and for the first contact
COL_HEADER, COL_SAMPLES, COL_FIELD = 0, 1, 2
CONSENT_MAPPED = frozenset(
    {cf.CONSENT_SMS, cf.CONSENT_EMAIL, cf.CONSENT_ALL, cf.OPT_OUT_SMS, cf.OPT_OUT_EMAIL}
)
ERROR_STYLE = "color: #c62828"
NOTE_STYLE = "color: palette(dark)"


class MappingStep(QWidget):
    """Shows a Table's columns and lets the owner say what each becomes.

    Signals:
        encoding_chosen(str): read the file again in this encoding.
        changed(): the mapping, the region or the consent choice changed.
    """

    encoding_chosen = Signal(str)
    changed = Signal()

    def __init__(self, region: str, consent_required: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.table: Table | None = None
        self._consent_required = consent_required

        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.another_button = QPushButton(self.tr("Choose another file…"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.another_button)

        self.encoding = QComboBox()
        for name in cf.ENCODINGS:
            self.encoding.addItem(name, name)
        self.encoding.activated.connect(
            lambda _i: self.encoding_chosen.emit(str(self.encoding.currentData()))
        )
        self.encoding_note = QLabel()
        self.region = QComboBox()
        self.region.setEditable(True)
        self.region.addItems(list(REGIONS) if region in REGIONS else [region, *REGIONS])
        self.region.setCurrentText(region)
        self.region.setToolTip(self.tr("The country of phone numbers written without +"))
        self.region.setMinimumContentsLength(6)
        self.region.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.region.currentTextChanged.connect(lambda _t: self._changed())
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(self.encoding)
        encoding_row.addWidget(self.encoding_note, 1)
        form = QFormLayout()
        form.addRow(self.tr("Encoding"), encoding_row)
        region_row = QHBoxLayout()
        region_row.addWidget(self.region)
        region_row.addStretch(1)
        form.addRow(self.tr("Country of local numbers"), region_row)

        self.remembered_note = QLabel()
        self.remembered_note.setWordWrap(True)
        self.remembered_note.hide()

        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Values"), self.tr("Import as")]
        )
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.columns.setWordWrap(False)
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(COL_HEADER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SAMPLES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeMode.ResizeToContents)
        self.columns.itemSelectionChanged.connect(self._update_combine)

        self.combine_button = QPushButton(self.tr("Combine into the name"))
        self.combine_button.setToolTip(
            self.tr(
                "Select the columns that together make the name (Ctrl+click), then combine "
                "them: their values are joined in the order of the columns."
            )
        )
        self.combine_button.clicked.connect(self.combine_selected)
        self.first_contact = QLabel()
        self.first_contact.setWordWrap(True)
        self.first_contact.setTextFormat(Qt.TextFormat.PlainText)
        combine_row = QHBoxLayout()
        combine_row.addWidget(self.first_contact, 1)
        combine_row.addWidget(self.combine_button)

        self.consent_box = QGroupBox(self.tr("Consent"))
        self.consent_question = QLabel(
            self.tr(
                "No column of this file says whether people agreed to receive messages. "
                "Record consent for everyone in it only if they all gave it:"
            )
        )
        self.consent_question.setWordWrap(True)
        self.consent_sms = QCheckBox(self.tr("Everyone agreed to SMS"))
        self.consent_email = QCheckBox(self.tr("Everyone agreed to email"))
        for box in (self.consent_sms, self.consent_email):
            box.toggled.connect(lambda _on: self._changed())
        self.consent_setting = QLabel()
        self.consent_setting.setWordWrap(True)
        self.consent_setting.setStyleSheet(NOTE_STYLE)
        boxes = QHBoxLayout()
        boxes.addWidget(self.consent_sms)
        boxes.addWidget(self.consent_email)
        boxes.addStretch(1)
        consent_layout = QVBoxLayout(self.consent_box)
        consent_layout.addWidget(self.consent_question)
        consent_layout.addLayout(boxes)
        consent_layout.addWidget(self.consent_setting)

        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(file_row)
        layout.addLayout(form)
        layout.addWidget(self.remembered_note)
        layout.addWidget(self.columns, 1)
        layout.addLayout(combine_row)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.error)
        self._update_consent_setting()

    # Showing a file ------------------------------------------------------------------

    def show_table(self, table: Table, mapping: list[str], remembered: bool) -> None:
        self.table = table
        self.file_label.setText(
            self.tr("%1 — %2 rows")
            .replace("%1", words.shown(table.file_name))
            .replace("%2", words.count(len(table.rows)))
        )
        excel = table.encoding == "xlsx"
        self.encoding.setEnabled(not excel)
        if excel:
            self.encoding_note.setText(self.tr("Excel file: no encoding to choose"))
        else:
            self.encoding.setCurrentIndex(max(0, self.encoding.findData(table.encoding)))
            self.encoding_note.setText(
                self.tr("Japanese Excel saves CSV files as cp932 (Shift_JIS).")
            )
        self.remembered_note.setVisible(remembered)
        self.remembered_note.setText(
            self.tr(
                "The columns are set as you chose for the last file with the same columns. "
                "Check them again if this file comes from somewhere else."
            )
        )
        self._fill_columns(table, mapping)
        self.show_error("")
        self._changed()

    def _fill_columns(self, table: Table, mapping: list[str]) -> None:
        blocker = self.columns.blockSignals(True)
        self.columns.clearContents()
        self.columns.setRowCount(len(table.header))
        rows = table.rows[:SAMPLE_ROWS]
        for column, (name, field) in enumerate(zip(table.header, mapping, strict=True)):
            title = words.shown(name) or self.tr("(column %1, no name)").replace(
                "%1", str(column + 1)
            )
            self.columns.setItem(column, COL_HEADER, QTableWidgetItem(title))
            values = [r[column] for r in rows if column < len(r) and r[column].strip()]
            shown = [words.sample(v) for v in values[:SAMPLES]]
            item = QTableWidgetItem("   ·   ".join(shown))
            item.setToolTip("\n".join(words.shown(v) for v in values[:8]))
            self.columns.setItem(column, COL_SAMPLES, item)
            combo = QComboBox()
            for key, label in words.field_names():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.currentIndexChanged.connect(lambda _i: self._changed())
            self.columns.setCellWidget(column, COL_FIELD, combo)
        self.columns.blockSignals(blocker)
        self.forget_selection()
        self.columns.resizeColumnToContents(COL_HEADER)
        self._update_combine()

    # What the owner chose ----------------------------------------------------------

    def mapping(self) -> list[str]:
        return [str(self._combo(row).currentData()) for row in range(self.columns.rowCount())]

    def _combo(self, row: int) -> QComboBox:
        combo = self.columns.cellWidget(row, COL_FIELD)
        assert isinstance(combo, QComboBox)
        return combo

    def set_field(self, column: int, field: str) -> None:
        """Choose what column ``column`` is imported as."""
        self._combo(column).setCurrentIndex(self._combo(column).findData(field))

    def region_code(self) -> str:
        return self.region.currentText().strip().upper() or "JP"

    def has_consent_column(self) -> bool:
        return bool(CONSENT_MAPPED & set(self.mapping()))

    def options(self) -> ImportOptions:
        chosen: set[str] = set()
        if not self.has_consent_column():
            if self.consent_sms.isChecked():
                chosen.add("sms")
            if self.consent_email.isChecked():
                chosen.add("email")
        name = self.table.file_name if self.table is not None else ""
        return ImportOptions(
            region=self.region_code(), file_name=name, consent_without_column=frozenset(chosen)
        )

    def combine_selected(self) -> None:
        """The selected columns together become the name, in their order in the file."""
        for index in self.columns.selectionModel().selectedRows():
            self.set_field(index.row(), cf.NAME)

    def forget_selection(self) -> None:
        self.columns.setCurrentItem(None)
        self.columns.clearSelection()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # Reacting ------------------------------------------------------------------------

    def _update_combine(self) -> None:
        selected = len(self.columns.selectionModel().selectedRows())
        self.combine_button.setEnabled(selected >= 2)

    def _update_consent_setting(self) -> None:
        if self._consent_required:
            text = self.tr(
                "Today Koe sends only to contacts who gave consent (Settings ▸ Messages): "
                "people without it will not be invited."
            )
        else:
            text = self.tr(
                "Today Koe sends to everyone who has not opted out (Settings ▸ Messages): "
                "leaving these unticked records no consent and changes nothing else."
            )
        self.consent_setting.setText(text)

    def _changed(self) -> None:
        if self.table is None:
            return
        self.consent_box.setVisible(not self.has_consent_column())
        self.first_contact.setText(self._first_contact_text())
        self.changed.emit()

    def _first_contact_text(self) -> str:
        """The file's first contact as the engine reads it with this mapping."""
        assert self.table is not None
        mapping = self.mapping()
        if cf.mapping_problems(mapping):
            return ""
        few = replace(self.table, rows=self.table.rows[:SAMPLE_ROWS])
        try:
            found = cf.preview(few, mapping, self.options())
        except Exception:  # only a hint: the preview step says what is wrong
            return ""
        if not found.contacts:
            return ""
        draft = found.contacts[0]
        parts = [draft.name or self.tr("(no name)")]
        parts += [text for text in (draft.furigana, words.sms_number(draft), draft.email) if text]
        return (
            self.tr("Row %1 becomes: %2")
            .replace("%1", str(draft.row))
            .replace("%2", words.shown("  ·  ".join(parts)))
        )
