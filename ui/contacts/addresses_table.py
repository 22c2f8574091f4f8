"""The numbers and addresses a contact has beside the main ones, as the contact dialog
shows them: each on a row (the number or address, what it is, its label), editable,
removable, and checked like the main ones when the dialog is saved.

An import keeps them (a landline beside the mobile, a second email); the owner
corrects or removes them here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contacts import EmailError, PhoneError, normalise_email, normalise_phone
from storage.contacts import Contact
from ui.common.problem_words import error_text

COL_VALUE, COL_KIND, COL_LABEL = range(3)
VISIBLE_ROWS = 3


@dataclass(frozen=True)
class OtherAddresses:
    phones: list[tuple[str, str, str]]  # (E.164, kind, label)
    emails: list[tuple[str, str]]  # (address, label)


class OtherAddressesTable(QWidget):
    """Edits a contact's other numbers and addresses (``read`` checks and returns them)."""

    def __init__(self, contact: Contact | None, region: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.region = region
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Number or address"), self.tr("Kind"), self.tr("Label")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Three rows in sight (most contacts have none, one or two), no more: the
        # dialog stays short.
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + VISIBLE_ROWS * rows.defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        for value, kind, label in contact.phones if contact else ():
            self.add_row(value, kind, label)
        for address, label in contact.emails if contact else ():
            self.add_row(address, "email", label)
        self.table.itemChanged.connect(self._value_changed)
        self.add_button = QPushButton(self.tr("Add a number or address"))
        self.add_button.clicked.connect(self._add_empty)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.table.selectedItems()))
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def kind_text(self, kind: str) -> str:
        return {
            "mobile": self.tr("Mobile"),
            "landline": self.tr("Landline (no SMS)"),
            "other": self.tr("Other phone (SMS may fail)"),
            "email": self.tr("Email"),
        }.get(kind, "")

    def add_row(self, value: str, kind: str, label: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, COL_VALUE, QTableWidgetItem(value))
        shown = QTableWidgetItem(self.kind_text(kind))
        shown.setFlags(shown.flags() & ~Qt.ItemFlag.ItemIsEditable)  # follows the value
        self.table.setItem(row, COL_KIND, shown)
        self.table.setItem(row, COL_LABEL, QTableWidgetItem(label))

    def _add_empty(self) -> None:
        self.add_row("", "", "")
        self.table.setCurrentCell(self.table.rowCount() - 1, COL_VALUE)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, COL_VALUE))

    def remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def _value_changed(self, item: QTableWidgetItem) -> None:
        """The kind follows a value typed anew (empty while it is not one yet)."""
        if item.column() != COL_VALUE:
            return
        kind = self._kind_of(item.text())
        shown = self.table.item(item.row(), COL_KIND)
        if shown is not None:
            shown.setText(self.kind_text(kind))

    def _kind_of(self, text: str) -> str:
        text = text.strip()
        if not text:
            return ""
        if "@" in text:
            return "email"
        try:
            return normalise_phone(text, self.region).kind
        except PhoneError:
            return ""

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def read(self) -> tuple[OtherAddresses | None, str]:
        """The numbers and addresses, checked (empty rows left out), or None and why not."""
        phones: list[tuple[str, str, str]] = []
        emails: list[tuple[str, str]] = []
        for row in range(self.table.rowCount()):
            text, label = self.cell(row, COL_VALUE), self.cell(row, COL_LABEL)
            if not text:
                continue
            try:
                if "@" in text:
                    emails.append((normalise_email(text), label))
                else:
                    phone = normalise_phone(text, self.region)
                    phones.append((phone.e164, phone.kind, label))
            except (EmailError, PhoneError) as error:
                said = self.tr("Other number or address %1: %2")
                return None, said.replace("%1", text).replace("%2", error_text(error))
        return OtherAddresses(phones, emails), ""
