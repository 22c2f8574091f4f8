"""Adding or editing one contact: name and its reading (furigana), phone, email, the
other numbers and addresses kept beside them, language, attributes, consent and
opt-outs per channel.

The dialog checks what it can without the database (the phone number becomes
E.164 with the default region, the email address is checked); the page
stores the result through the worker and reports a clash (a phone number
another contact has) in the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contacts import EmailError, PhoneError, normalise_email, normalise_phone
from storage.contacts import Contact
from surveys.contact_names import reading
from ui.common.problem_words import error_text
from ui.common.widgets import save_cancel
from ui.contacts.addresses_table import OtherAddressesTable
from ui.contacts.table_model import source_text


@dataclass(frozen=True)
class ContactValues:
    name: str
    phone: str | None
    phone_kind: str | None
    email: str | None
    language: str | None
    attributes: dict[str, str]
    consents: list[str]
    opt_outs: list[str]
    furigana: str = ""  # full-width katakana, as stored
    other_phones: list[tuple[str, str, str]] = field(default_factory=list)  # (e164, kind, label)
    other_emails: list[tuple[str, str]] = field(default_factory=list)  # (address, label)


class ContactDialog(QDialog):
    """Edits ``contact`` (None: a new contact).

    Save checks the values and emits ``submitted``; whoever stores them calls
    ``accept()`` when that worked, or ``show_error`` when it did not.

    Signals:
        submitted(object): ContactValues to store.
    """

    submitted = Signal(object)

    def __init__(self, contact: Contact | None, region: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.contact = contact
        self._region = region
        self._values: ContactValues | None = None
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("Add contact"))
        self.setMinimumWidth(560)

        self.name = QLineEdit(contact.name if contact else "")
        self.furigana = QLineEdit(contact.furigana if contact else "")
        self.furigana.setPlaceholderText(self.tr("ヤマダ ハナコ (hiragana is fine too)"))
        self.furigana.setToolTip(
            self.tr("The reading of the name: the list sorts by it (五十音順).")
        )
        self.phone = QLineEdit(contact.phone or "" if contact else "")
        self.phone.setPlaceholderText(self.tr("090-1234-5678 or +81 90 1234 5678"))
        self.email = QLineEdit(contact.email or "" if contact else "")
        self.language = QComboBox()
        self.language.addItem(self.tr("Not set"), "")
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        if contact and contact.language:
            self.language.setCurrentIndex(max(0, self.language.findData(contact.language)))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Furigana"), self.furigana)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        self.others = OtherAddressesTable(contact, region)
        form.addRow(self.tr("Other numbers\nand addresses"), self.others)
        form.addRow(self.tr("Language"), self.language)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("SMS")), 0, 1)
        grid.addWidget(QLabel(self.tr("Email")), 0, 2)
        self.consent = {ch: QCheckBox() for ch in ("sms", "email")}
        self.opt_out = {ch: QCheckBox() for ch in ("sms", "email")}
        grid.addWidget(QLabel(self.tr("Consent to receive surveys")), 1, 0)
        grid.addWidget(QLabel(self.tr("Opted out")), 2, 0)
        for column, channel in enumerate(("sms", "email"), start=1):
            consent = contact.consents.get(channel) if contact else None
            box = self.consent[channel]
            box.setChecked(consent is not None)
            if consent is not None:
                box.setToolTip(
                    self.tr("%1, %2")
                    .replace("%1", source_text(consent.source))
                    .replace("%2", consent.given_at.date().isoformat())
                )
            grid.addWidget(box, 1, column)
            out = self.opt_out[channel]
            out.setChecked(bool(contact and channel in contact.opt_outs))
            if contact and channel in contact.opt_outs:
                out.setToolTip(source_text(contact.opt_outs[channel]))
            grid.addWidget(out, 2, column)
        grid.addWidget(QLabel(self.tr("Consent recorded")), 3, 0)
        for column, channel in enumerate(("sms", "email"), start=1):
            consent = contact.consents.get(channel) if contact else None
            recorded = QLabel("—")
            if consent is not None:
                recorded.setText(
                    f"{source_text(consent.source)}, {consent.given_at.date().isoformat()}"
                )
            grid.addWidget(recorded, 3, column)
        grid.setColumnStretch(3, 1)

        self.attributes = QTableWidget(0, 2)
        self.attributes.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Value")])
        self.attributes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.attributes.verticalHeader().hide()
        self.attributes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for key, value in (contact.attributes if contact else {}).items():
            self.add_attribute(key, value)
        add = QPushButton(self.tr("Add attribute"))
        add.clicked.connect(lambda: self.add_attribute("", ""))

        buttons = save_cancel(self, self.check_and_accept)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(QLabel(self.tr("Attributes (store, plan, time zone…)")))
        layout.addWidget(self.attributes, 1)
        layout.addWidget(add, 0)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @property
    def region(self) -> str:
        """The region a number typed without +country code is read in."""
        return self._region

    @region.setter
    def region(self, region: str) -> None:
        self._region = self.others.region = region

    def add_attribute(self, key: str, value: str) -> None:
        row = self.attributes.rowCount()
        self.attributes.insertRow(row)
        self.attributes.setItem(row, 0, QTableWidgetItem(key))
        self.attributes.setItem(row, 1, QTableWidgetItem(value))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def values(self) -> ContactValues | None:
        return self._values

    def check_and_accept(self) -> None:
        phone = self.phone.text().strip()
        email = self.email.text().strip()
        e164 = kind = None
        if phone:
            try:
                number = normalise_phone(phone, self.region)
            except PhoneError as error:
                self.show_error(self.tr("Phone number: %1").replace("%1", error_text(error)))
                return
            e164, kind = number.e164, number.kind
        if email:
            try:
                email = normalise_email(email)
            except EmailError as error:
                self.show_error(self.tr("Email address: %1").replace("%1", error_text(error)))
                return
        if not e164 and not email:
            self.show_error(self.tr("A contact needs a phone number or an email address."))
            return
        others, problem = self.others.read()
        if others is None:
            self.show_error(problem)
            return
        attributes = {}
        for row in range(self.attributes.rowCount()):
            key_item, value_item = self.attributes.item(row, 0), self.attributes.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            value = value_item.text().strip() if value_item else ""
            if key and value:
                attributes[key] = value
        self._values = ContactValues(
            name=" ".join(self.name.text().split()),
            phone=e164,
            phone_kind=kind,
            email=email or None,
            language=self.language.currentData() or None,
            attributes=attributes,
            consents=[ch for ch, box in self.consent.items() if box.isChecked()],
            opt_outs=[ch for ch, box in self.opt_out.items() if box.isChecked()],
            furigana=reading(self.furigana.text()),
            other_phones=others.phones,
            other_emails=others.emails,
        )
        self.show_error("")
        self.submitted.emit(self._values)
