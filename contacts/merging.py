"""Rows of the same person made one contact, and every merge said in words.

Two rows are the same person when they share a mobile number (or the number
SMS would go to), else an email address. The later row fills the earlier's
blanks and updates what it says anew (name, dates, attributes); nothing is
dropped without a word: a second email or number is kept beside the first
("row 7 merged into row 3: same mobile; row 7's email b@example.jp added as a
second email"), a value replaced is named with the one replacing it. A "no"
to a channel in either row wins over a "yes" (the person said no).
A contact already stored is merged the same way, the file's row being newer.
"""

from __future__ import annotations

from contacts.model import PHONE_MOBILE, ContactDraft, EmailEntry, PhoneEntry
from surveys.problems import QT_TRANSLATE_NOOP, Problem

SAME_MOBILE = QT_TRANSLATE_NOOP("Problems", "same mobile")
SAME_PHONE = QT_TRANSLATE_NOOP("Problems", "same phone number")
SAME_EMAIL = QT_TRANSLATE_NOOP("Problems", "same email")
MERGED_INTO_ROW = QT_TRANSLATE_NOOP("Problems", "row {row} merged into row {into}: {why}")
MERGED_INTO_CONTACT = QT_TRANSLATE_NOOP(
    "Problems", "row {row} updates the contact already saved as {name}: {why}"
)
SECOND_EMAIL = QT_TRANSLATE_NOOP("Problems", "email {kept} kept, {added} added as a second email")
SECOND_PHONE = QT_TRANSLATE_NOOP(
    "Problems", "phone {kept} kept for SMS, {added} added as another number"
)
MOBILE_NOW = QT_TRANSLATE_NOOP(
    "Problems", "mobile {added} now used for SMS, {kept} kept as another number"
)
REPLACED = QT_TRANSLATE_NOOP("Problems", "{what} {old} replaced by {new}")
DROPPED_WITH_NAME = QT_TRANSLATE_NOOP(
    "Problems", "{what} {old} removed: it was the reading of the name replaced"
)
OPTED_OUT = QT_TRANSLATE_NOOP("Problems", "one row says no to {channel}: opted out")
NAME = QT_TRANSLATE_NOOP("Problems", "name")
FURIGANA = QT_TRANSLATE_NOOP("Problems", "furigana")
BIRTHDAY = QT_TRANSLATE_NOOP("Problems", "birthday")
LAST_VISIT = QT_TRANSLATE_NOOP("Problems", "last visit")
LANGUAGE = QT_TRANSLATE_NOOP("Problems", "language")
_SCALARS = (
    ("name", NAME), ("furigana", FURIGANA), ("birthday", BIRTHDAY),
    ("last_visit", LAST_VISIT), ("language", LANGUAGE),
)  # fmt: skip


def keys(draft: ContactDraft) -> tuple[list[tuple[str, str]], list[str]]:
    """What identifies ``draft``: its SMS number and every mobile, with why; its emails."""
    phones = []
    if draft.phone:
        phones.append(
            (draft.phone, SAME_MOBILE if draft.phone_kind == PHONE_MOBILE else SAME_PHONE)
        )
    phones += [(p.e164, SAME_MOBILE) for p in draft.phones if p.kind == PHONE_MOBILE]
    return phones, [e.lower() for e in draft.all_emails()]


def headline(newer: ContactDraft, target: ContactDraft, why: str) -> Problem:
    if target.contact_id is not None and target.row == 0:
        shown = target.name or target.phone or target.email
        return Problem(MERGED_INTO_CONTACT, {"row": newer.row, "name": shown, "why": Problem(why)})
    return Problem(MERGED_INTO_ROW, {"row": newer.row, "into": target.row, "why": Problem(why)})


def merge(target: ContactDraft, newer: ContactDraft) -> list[Problem]:
    """Make ``target`` hold ``newer`` too; returns what was done beyond filling blanks."""
    said: list[Problem] = []
    target.rows.extend(newer.rows)
    # A reading belongs to its name: a row that brings another name brings its own
    # reading, or none, never the replaced name's (鈴木 read as ヤマダ).
    renamed = bool(newer.name) and newer.name != target.name
    if renamed and target.furigana and not newer.furigana:
        said.append(Problem(DROPPED_WITH_NAME, {"what": Problem(FURIGANA), "old": target.furigana}))
        target.furigana = ""
    for name, what in _SCALARS:
        old, new = getattr(target, name), getattr(newer, name)
        if name == "birthday" and new.startswith("--") and old.endswith(new[1:]):
            continue  # the same day, said without its year
        if new and new != old:
            if old:
                said.append(Problem(REPLACED, {"what": Problem(what), "old": old, "new": new}))
            setattr(target, name, new)
    _merge_phones(target, newer, said)
    _merge_emails(target, newer, said)
    for key, value in newer.attributes.items():
        old = target.attributes.get(key)
        if old and old != value:
            said.append(Problem(REPLACED, {"what": Problem.plain(key), "old": old, "new": value}))
        target.attributes[key] = value
    target.tags.extend(tag for tag in newer.tags if tag not in target.tags)
    for channel in sorted(newer.opt_out | target.opt_out):
        if channel in newer.consent | target.consent:
            said.append(Problem(OPTED_OUT, {"channel": channel}))
    target.opt_out |= newer.opt_out
    target.consent = (target.consent | newer.consent) - target.opt_out
    return said


def _merge_phones(target: ContactDraft, newer: ContactDraft, said: list[Problem]) -> None:
    if not newer.phone:
        return
    if not target.phone:
        target.phone, target.phone_kind, target.phone_label = (
            newer.phone, newer.phone_kind, newer.phone_label,
        )  # fmt: skip
    elif newer.phone != target.phone and newer.phone_kind == PHONE_MOBILE != target.phone_kind:
        # A mobile beats a landline for SMS; the landline stays.
        said.append(Problem(MOBILE_NOW, {"added": newer.phone, "kept": target.phone}))
        target.phones.insert(0, PhoneEntry(target.phone, target.phone_kind, target.phone_label))
        target.phone, target.phone_kind, target.phone_label = (
            newer.phone, newer.phone_kind, newer.phone_label,
        )  # fmt: skip
    elif newer.phone != target.phone and newer.phone not in {p.e164 for p in target.phones}:
        said.append(Problem(SECOND_PHONE, {"kept": target.phone, "added": newer.phone}))
        target.phones.append(PhoneEntry(newer.phone, newer.phone_kind, newer.phone_label))
    known = {target.phone, *(p.e164 for p in target.phones)}
    for entry in newer.phones:
        if entry.e164 not in known:
            known.add(entry.e164)
            target.phones.append(entry)


def _merge_emails(target: ContactDraft, newer: ContactDraft, said: list[Problem]) -> None:
    if not newer.email:
        return
    if not target.email:
        target.email, target.email_label = newer.email, newer.email_label
    known = {e.lower() for e in target.all_emails()}
    for address, label in (
        (newer.email, newer.email_label),
        *((e.address, e.label) for e in newer.emails),
    ):
        if address.lower() not in known:
            known.add(address.lower())
            said.append(Problem(SECOND_EMAIL, {"kept": target.email, "added": address}))
            target.emails.append(EmailEntry(address, label))


class Merger:
    """Finds, for each contact of a file in turn, the earlier one it is (or none)."""

    def __init__(self) -> None:
        self.by_phone: dict[str, ContactDraft] = {}
        self.by_email: dict[str, ContactDraft] = {}

    def find(self, draft: ContactDraft) -> tuple[ContactDraft, str] | None:
        """The earlier contact ``draft`` is, with why; None (and ``draft`` remembered)
        when it is someone new."""
        if not draft.phones and not draft.emails:  # most rows: one number, one address
            phone, email = draft.phone, draft.email.lower()
            if phone:
                same = self.by_phone.get(phone)
                if same is not None:
                    return same, SAME_MOBILE if draft.phone_kind == PHONE_MOBILE else SAME_PHONE
            if email:
                same = self.by_email.get(email)
                if same is not None:
                    return same, SAME_EMAIL
                self.by_email[email] = draft
            if phone:
                self.by_phone[phone] = draft
            return None
        phones, emails = keys(draft)
        for number, why in phones:
            same = self.by_phone.get(number)
            if same is not None:
                return same, why
        for address in emails:
            same = self.by_email.get(address)
            if same is not None:
                return same, SAME_EMAIL
        self._index(draft, phones, emails)
        return None

    def add(self, draft: ContactDraft) -> None:
        """Remember ``draft`` again, after a merge gave it more numbers or addresses."""
        self._index(draft, *keys(draft))

    def _index(self, draft: ContactDraft, phones: list[tuple[str, str]], emails: list[str]) -> None:
        for number, _why in phones:
            self.by_phone.setdefault(number, draft)
        for address in emails:
            self.by_email.setdefault(address, draft)
