"""Contacts as a Qt table model that loads a page at a time.

The first page and the count of matching contacts come with ``set_query``;
the view asks for more (``canFetchMore``/``fetchMore``) as the user scrolls,
and each page is read through the database worker by id (keyset paging), so
50,000 contacts cost the GUI thread no more than the rows on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from sqlite_utils import Database

from storage import contacts as contact_store
from storage.contacts import Contact
from surveys.contact_names import sort_key
from ui.common.paged_table_model import PAGE_SIZE, FirstPage, NextPage, PagedTableModel
from ui.common.worker import DbWorker

COL_NAME = 0
COL_FURIGANA = 1
COL_PHONE = 2
COL_EMAIL = 3
COL_SMS = 4
COL_MAIL = 5
COL_LANGUAGE = 6
COL_ATTRIBUTES = 7
COLUMN_COUNT = 8

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # int
CONTACT_ROLE = Qt.ItemDataRole.UserRole + 2  # storage.contacts.Contact


_Index = QModelIndex | QPersistentModelIndex
Segment = tuple[str, list[Any]] | None
translate = QCoreApplication.translate


def channel_state(contact: Contact, channel: str) -> tuple[str, str]:
    """Short text and tooltip for a contact's consent and opt-out on ``channel``."""
    if channel == "sms" and not contact.phone:
        return "", ""
    if channel == "email" and not contact.email:
        return "", ""
    if channel in contact.opt_outs:
        source = contact.opt_outs[channel]
        return translate("ContactTableModel", "Opted out"), translate(
            "ContactTableModel", "Opted out (%1)"
        ).replace("%1", source_text(source))
    if channel == "sms" and contact.phone_kind == "landline":
        return translate("ContactTableModel", "Landline"), translate(
            "ContactTableModel", "A landline: it cannot receive SMS."
        )
    consent = contact.consents.get(channel)
    if consent is None:
        return translate("ContactTableModel", "No consent"), translate(
            "ContactTableModel", "No consent recorded for this channel."
        )
    when = consent.given_at.date().isoformat()
    return translate("ContactTableModel", "Consent"), translate(
        "ContactTableModel", "Consent: %1, %2"
    ).replace("%1", source_text(consent.source)).replace("%2", when)


def source_text(source: str) -> str:
    return {
        "import": translate("ContactTableModel", "imported"),
        "form": translate("ContactTableModel", "given on a form"),
        "manual": translate("ContactTableModel", "recorded by hand"),
        "link": translate("ContactTableModel", "by the unsubscribe link"),
        "reply": translate("ContactTableModel", "by reply"),
    }.get(source, source)


def phone_tip(contact: Contact) -> str:
    """Which number SMS go to, and the other numbers kept (landlines: no SMS)."""
    if not contact.phone:
        return ""
    if contact.phone_kind == "landline":
        lines = [translate("ContactTableModel", "A landline: it cannot receive SMS.")]
    else:
        lines = [translate("ContactTableModel", "SMS go to this number.")]
    for value, kind, label in contact.phones:
        words = (
            translate("ContactTableModel", "Also %1 (no SMS)")
            if kind == "landline"
            else translate("ContactTableModel", "Also %1")
        )
        lines.append(words.replace("%1", f"{value} {label}".strip()))
    return "\n".join(lines)


def email_tip(contact: Contact) -> str:
    return "\n".join(
        translate("ContactTableModel", "Also %1").replace("%1", f"{value} {label}".strip())
        for value, label in contact.emails
    )


class ContactTableModel(PagedTableModel):
    """Contacts matching a search, a status filter and a segment, in the order of
    their names (of their furigana when they have one, as a Japanese list is
    sorted: 五十音順); signals: see PagedTableModel."""

    def __init__(self, worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(worker, parent)
        self._search = ""
        self._status = ""
        self._segment: Segment = None

    # Queries ------------------------------------------------------------------

    def set_query(self, search: str = "", status: str = "", segment: Segment = None) -> None:
        self._search, self._status, self._segment = search, status, segment
        self.refresh()

    def first_page_job(self) -> FirstPage:
        search, status, segment = self._search, self._status, self._segment

        def job(db: Database) -> tuple[int, list[Contact]]:
            total = contact_store.count_matching(db, search=search, status=status, segment=segment)
            rows = contact_store.page_by_name(
                db, limit=PAGE_SIZE, search=search, status=status, segment=segment
            )
            return total, rows

        return job

    def next_page_job(self, loaded: list[Contact]) -> NextPage:
        # Keyset paging by (sort key, id): rows deleted meanwhile do not shift the next page.
        last = loaded[-1] if loaded else None
        after = (sort_key(last.name, last.furigana), last.id) if last is not None else ("", 0)
        search, status, segment = self._search, self._status, self._segment

        def job(db: Database) -> list[Contact]:
            return contact_store.page_by_name(
                db, after=after, limit=PAGE_SIZE, search=search, status=status, segment=segment
            )

        return job

    def replace_contact(self, contact: Contact) -> bool:
        """Show an edited contact in place (the scroll position stays); False when not loaded."""
        row = self.row_of(contact.id)
        if row < 0:
            return False
        self._rows[row] = contact
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        return True

    def remove_contact(self, contact_id: int) -> bool:
        """Drop a deleted contact's row in place; False when it was not loaded."""
        row = self.row_of(contact_id)
        if row < 0:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._total = max(0, self._total - 1)
        self.endRemoveRows()
        return True

    def contact(self, row: int) -> Contact | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, contact_id: int) -> int:
        return next((i for i, c in enumerate(self._rows) if c.id == contact_id), -1)

    # Qt overrides -----------------------------------------------------------

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_NAME: self.tr("Name"),
            COL_FURIGANA: self.tr("Furigana"),
            COL_PHONE: self.tr("Phone"),
            COL_EMAIL: self.tr("Email"),
            COL_SMS: self.tr("SMS"),
            COL_MAIL: self.tr("Email consent"),
            COL_LANGUAGE: self.tr("Language"),
            COL_ATTRIBUTES: self.tr("Attributes"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        contact = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(contact, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_NAME:
                return contact.furigana or None
            if column == COL_PHONE:
                return phone_tip(contact) or None
            if column == COL_EMAIL:
                return email_tip(contact) or None
            if column == COL_SMS:
                return channel_state(contact, "sms")[1] or None
            if column == COL_MAIL:
                return channel_state(contact, "email")[1] or None
            if column == COL_ATTRIBUTES:
                return "\n".join(f"{k}: {v}" for k, v in contact.attributes.items()) or None
        if role == CONTACT_ID_ROLE:
            return contact.id
        if role == CONTACT_ROLE:
            return contact
        return None

    def _display(self, contact: Contact, column: int) -> str | None:
        if column == COL_NAME:
            return contact.name
        if column == COL_FURIGANA:
            return contact.furigana
        if column == COL_PHONE:
            return contact.phone or ""
        if column == COL_EMAIL:
            return contact.email or ""
        if column == COL_SMS:
            return channel_state(contact, "sms")[0]
        if column == COL_MAIL:
            return channel_state(contact, "email")[0]
        if column == COL_LANGUAGE:
            return {"ja": "日本語", "en": "English"}.get(contact.language or "", "")
        if column == COL_ATTRIBUTES:
            return ", ".join(f"{k}: {v}" for k, v in contact.attributes.items())
        return None
