"""Deleting a contact: every piece of their personal data, wherever the file holds it.

Apart from ``storage.contacts`` because deleting reaches far beyond the contacts
tables: deliveries, answers' texts, outbox and inbound messages, opt-out digests.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlite_utils import Database

from storage import opt_outs as opt_out_store
from storage.contacts import addresses_of
from storage.database import to_text, utc_now, writing
from surveys.problems import QT_TRANSLATE_NOOP

DELETED = QT_TRANSLATE_NOOP("Problems", "The contact was deleted.")


def delete(db: Database, contact_id: int) -> bool:
    """Delete a contact and all their personal data, wherever the file holds it.

    The contact's row goes with everything an import added to it (furigana, birthday,
    last visit, tags), and with their other numbers and addresses
    (``contact_addresses``); consents and the opt-out ledger go too (ON DELETE
    CASCADE). An opt-out in force leaves only a one-way digest of each of their
    addresses for that channel, so the same person imported again is not invited
    again (``storage.opt_outs``). Deliveries keep no personal data and lose the link
    (ON DELETE SET NULL), so the answers stay as anonymous answers; the contact's
    name, reading, numbers and addresses written into those answers' texts are
    blanked out. Messages to the contact (by delivery or by any of their addresses)
    and about them (an owner's detractor alert names them) lose address, subject,
    text and error words; those not sent yet never will be. SMS replies from any of
    their numbers lose the number and the text (the row stays, so a reply polled
    again is not handled again). Notes on their detractor cases are cleared.
    """
    # What is deleted is overwritten with zeros, not left in free space of the file
    # (some SQLite builds do this by default, not all: Debian's does, python.org's not).
    db.execute("PRAGMA secure_delete = ON")
    with writing(db):
        row = db.execute(
            "SELECT name, furigana FROM contacts WHERE id = ?", [contact_id]
        ).fetchone()
        if row is None:
            return False
        name, furigana = row
        phones, emails = addresses_of(db, contact_id)
        opt_out_store.suppress_deleted(db, contact_id, phones, emails)
        deliveries = "SELECT id FROM deliveries WHERE contact_id = :contact"
        responses = f"SELECT id FROM responses WHERE delivery_id IN ({deliveries})"
        where = {
            "contact": contact_id,
            "phones": json.dumps(phones),
            "addresses": json.dumps([*phones, *emails]),
        }
        db.execute(
            "UPDATE outbox SET status = CASE WHEN status IN ('queued', 'paused', 'held')"
            "   THEN 'skipped' ELSE status END,"
            " error = CASE WHEN error IS NOT NULL OR status IN ('queued', 'paused', 'held')"
            "   THEN :deleted END, problem = NULL,"
            " recipient = CASE WHEN purpose = 'owner_alert' THEN recipient ELSE '' END,"
            " body = '', subject = NULL, updated_at = :now"
            f" WHERE delivery_id IN ({deliveries}) OR response_id IN ({responses})"
            " OR (recipient != '' AND recipient IN (SELECT value FROM json_each(:addresses)))",
            {**where, "deleted": DELETED, "now": to_text(utc_now())},
        )
        db.execute(
            "UPDATE sms_inbound SET sender = '', body = ''"
            f" WHERE delivery_id IN ({deliveries})"
            " OR (sender != '' AND sender IN (SELECT value FROM json_each(:phones)))",
            where,
        )
        _blank_in_answers(db, responses, where, [name, furigana, *emails], phones)
        db.execute(
            "UPDATE detractor_cases SET note = ''"
            f" WHERE note != '' AND response_id IN ({responses})",
            where,
        )
        # ON DELETE CASCADE would do it; said here too, so that no connection without
        # foreign keys could ever leave a deleted contact's numbers behind.
        db.execute("DELETE FROM contact_addresses WHERE contact_id = ?", [contact_id])
        db.execute("DELETE FROM contacts WHERE id = ?", [contact_id])
    return True


def _blank_in_answers(
    db: Database, responses: str, where: dict[str, Any], words: list[str], phones: list[str]
) -> None:
    """Blank the contact's name, reading, addresses and numbers out of their own
    answers' texts."""
    words = [text.strip() for text in words if text and len(text.strip()) > 1]
    rows = db.execute(
        "SELECT id, value_text, value_other FROM answers"
        f" WHERE response_id IN ({responses})"
        " AND (value_text IS NOT NULL OR value_other IS NOT NULL)",
        where,
    ).fetchall()
    for answer_id, *values in rows:
        blanked = [_blank(value, words, phones) if value else value for value in values]
        if blanked != values:
            db.execute(
                "UPDATE answers SET value_text = ?, value_other = ? WHERE id = ?",
                [*blanked, answer_id],
            )


_WRITTEN_NUMBER = re.compile(r"\+?\d[\d\s\-().]{5,}\d")
BLANKED = "***"


def _blank(text: str, words: list[str], phones: list[str]) -> str:
    for word in words:
        text = re.sub(re.escape(word), BLANKED, text, flags=re.IGNORECASE)
    # However a number was written (+81 90-1234-5678, 090 1234 5678): the same last
    # eight digits as one of the contact's.
    tails = {re.sub(r"\D", "", phone)[-8:] for phone in phones if phone}
    if tails:

        def number(match: re.Match[str]) -> str:
            digits = re.sub(r"\D", "", match.group())
            return BLANKED if any(digits.endswith(tail) for tail in tails) else match.group()

        text = _WRITTEN_NUMBER.sub(number, text)
    return text
