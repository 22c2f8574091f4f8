"""Storing a contact from the Contacts page's contact dialog, on the worker: the
outcome said in the dialog (a failure while it is open) or in the page's notice.
Its words keep the ``ContactsPage`` translation context they had in the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from storage import contacts as contact_store
from storage.contacts import Contact
from ui.common.page_jobs import guarded
from ui.common.problem_words import error_text
from ui.contacts.contact_dialog import ContactDialog, ContactValues

if TYPE_CHECKING:
    from ui.contacts.page import ContactsPage

translate = QCoreApplication.translate


def store_contact(
    page: ContactsPage, dialog: ContactDialog, contact: Contact | None, values: ContactValues
) -> None:
    """Write the dialog's ``values`` (a new contact, or ``contact`` edited) on the worker;
    the dialog closes once they are stored, or says why they are not."""

    def job(db: Database) -> Contact:
        return contact_store.save(
            db,
            contact.id if contact is not None else None,
            name=values.name,
            phone=values.phone,
            phone_kind=values.phone_kind,
            email=values.email,
            language=values.language,
            attributes=values.attributes,
            consents=values.consents,
            opt_outs=values.opt_outs,
            furigana=values.furigana,
            other_phones=values.other_phones,
            other_emails=values.other_emails,
        )

    # The dialog may have been closed while the contact was written: the list
    # still shows the saved contact, and a failure still reaches the user.
    def done(saved: Contact) -> None:
        if shiboken6.isValid(dialog):
            dialog.accept()
        page.notice.show_info(
            translate("ContactsPage", "“%1” saved.").replace("%1", saved.name or saved.phone or "")
        )
        # An edit keeps the user's place in a long list; a new contact needs the query.
        if contact is None or not page.model.replace_contact(saved):
            page.model.refresh()

    def failed(error: Exception) -> None:
        if "already has this phone" in str(error):
            text = translate("ContactsPage", "Another contact already has this phone number.")
        else:
            text = translate("ContactsPage", "Not saved: %1").replace("%1", error_text(error))
        if shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.show_error(text)
        else:
            page.notice.show_error(text)

    page.context.worker.submit(job, guarded(page, done), guarded(page, failed))
