"""One row of a contact list as the contact it describes, and what was wrong with it.

``RowReader`` is built once per import from the header and the mapping (which
column feeds which field, which column labels which number) and then reads
each row: names put together in their script's order, every phone number
normalised (a mobile chosen for SMS, the others kept), every address checked,
consent read with its vocabulary, dates parsed. A value that cannot be used is
set aside and reported; a row left with neither phone nor email is refused.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence

from channels.contact_files import columns as f
from channels.contact_files.consent import BLANK, NO, UNKNOWN, YES, read_consent, read_opt_out
from channels.contact_files.dates import DateError, parse_date
from channels.contact_files.emails import EmailError, EmailReader
from channels.contact_files.model import (
    PHONE_MOBILE,
    ContactDraft,
    EmailEntry,
    ImportOptions,
    PhoneEntry,
    RowProblem,
)
from channels.contact_files.phones import (
    Phone,
    PhoneError,
    PhoneReader,
    label_kind,
    split_numbers,
    warning,
)
from channels.contact_files.reading import undefined_characters
from surveys.contact_names import full_name, reading
from surveys.problems import QT_TRANSLATE_NOOP, Problem
from surveys.untrusted_text import (
    from_spreadsheet,
    has_control_characters,
    marked_control_characters,
)

CONTROL_CHARACTERS = QT_TRANSLATE_NOOP(
    "Problems",
    "holds control characters (such as NUL or ESC, shown as \ufffd), which no one types: set aside",
)
UNDEFINED_BYTES = QT_TRANSLATE_NOOP(
    "Problems",
    "holds bytes that {encoding} does not define ({bytes}): set aside; is the file in another"
    " encoding?",
)
EXTRA_CELLS = QT_TRANSLATE_NOOP(
    "Problems", "more cells than the header has columns; the extra ones are ignored"
)
NO_ADDRESS = QT_TRANSLATE_NOOP("Problems", "no phone number and no email address")
NO_USABLE_ADDRESS = QT_TRANSLATE_NOOP(
    "Problems", "no usable phone number or email address (see above)"
)
NEITHER_YES_NOR_NO = QT_TRANSLATE_NOOP(
    "Problems", "neither yes nor no: no consent recorded, no opt-out either"
)
YES_AND_NO = QT_TRANSLATE_NOOP(
    "Problems", "says yes and no for {channel}: taken as no (an opt-out)"
)
NOT_A_DATE = QT_TRANSLATE_NOOP("Problems", "not a date: set aside")
NOT_ATTRIBUTES = QT_TRANSLATE_NOOP(
    "Problems", "not Koe's list of attributes: kept as one attribute"
)
SAME_NUMBER_TWICE = QT_TRANSLATE_NOOP("Problems", "the same number twice in the row: kept once")

_EMAIL_SPLIT = re.compile(r"\s*(?::::|;|,|，|、|\s)\s*")
_TAG_SPLIT = re.compile(r"\s*(?::::|;|,|，|、|\n)\s*")
_LANGUAGES = {
    "ja": "ja", "jp": "ja", "japanese": "ja", "日本語": "ja", "jajp": "ja",
    "en": "en", "english": "en", "英語": "en", "enus": "en", "engb": "en",
}  # fmt: skip
_GOOGLE_SYSTEM_GROUPS = {"mycontacts", "othercontacts"}


def _label(cells: Sequence[str], index: int) -> str:
    """A per-row label ("Mobile"; Google marks the main one "* Home")."""
    return cells[index].strip().removeprefix("* ") if 0 <= index < len(cells) else ""


def normalise_language(value: str) -> str:
    return _LANGUAGES.get(f.fold(value), "")


def consent_channels(field: str) -> tuple[str, ...]:
    if field in (f.CONSENT_SMS, f.OPT_OUT_SMS):
        return ("sms",)
    if field in (f.CONSENT_EMAIL, f.OPT_OUT_EMAIL):
        return ("email",)
    return ("sms", "email")


class RowReader:
    """Reads the rows of one table under one mapping."""

    def __init__(
        self, header: Sequence[str], mapping: Sequence[str], options: ImportOptions, encoding: str
    ) -> None:
        self.header = list(header)
        self.width = len(header)
        self.encoding = encoding
        self.region = options.region
        self.phones = PhoneReader(options.region)
        self.emails = EmailReader()
        labels = f.label_columns(header, mapping)
        # (index, field, column name, label column or -1, the column's own phone hint)
        self.plan: list[tuple[int, str, str, int, str]] = []
        for index, name in enumerate(header):
            field = mapping[index] if index < len(mapping) else f.IGNORE
            if field in (f.IGNORE, f.LABEL):
                continue
            hint = PHONE_MOBILE if field == f.MOBILE else label_kind(name)
            column = name or f"column {index + 1}"
            self.plan.append((index, field, column, labels.get(index, -1), hint))
        self.has_names = any(p[1] == f.NAME for p in self.plan)

    def read(
        self, number: int, cells: Sequence[str]
    ) -> tuple[ContactDraft | None, list[RowProblem]]:
        """The contact row ``number`` describes (None: refused) and its problems."""
        draft = ContactDraft(number, [number])
        problems: list[RowProblem] = []
        names: dict[str, list[str]] = {}
        found_phones: list[tuple[Phone, str, str, str]] = []  # phone, label, column, value
        address_seen = False
        consent: dict[str, str] = {}
        size = len(cells)
        if size > self.width and any(cell.strip() for cell in cells[self.width :]):
            problems.append(RowProblem(number, "", "", Problem(EXTRA_CELLS), False))
        for index, field, column, label_index, hint in self.plan:
            if index >= size:
                continue
            value = cells[index].strip()
            if not value:
                continue
            if value[0] in "'=+-@＝＋－＠":
                value = from_spreadsheet(value).strip()
            if not value.isascii():
                unreadable = undefined_characters(value)
                if unreadable:
                    shown = marked_control_characters(
                        re.sub("[\udc80-\udcff\ue000-\uf8ff]", "\ufffd", value)
                    )
                    words = Problem(
                        UNDEFINED_BYTES, {"encoding": self.encoding, "bytes": unreadable}
                    )
                    problems.append(RowProblem(number, column, shown, words, False))
                    address_seen = address_seen or field in (f.MOBILE, f.PHONE, f.EMAIL)
                    continue
            if has_control_characters(value):
                shown = marked_control_characters(value)
                problems.append(
                    RowProblem(number, column, shown, Problem(CONTROL_CHARACTERS), False)
                )
                address_seen = address_seen or field in (f.MOBILE, f.PHONE, f.EMAIL)
                continue
            if field in (f.MOBILE, f.PHONE):
                address_seen = True
                label = _label(cells, label_index)
                self._phones(number, column, value, label, hint, found_phones, problems)
            elif field == f.EMAIL:
                address_seen = True
                self._emails(number, column, value, cells, label_index, draft, problems)
            elif field in (f.CONSENT_SMS, f.CONSENT_EMAIL, f.CONSENT_ALL):
                said = read_consent(value)
                if said == UNKNOWN:
                    problems.append(
                        RowProblem(number, column, value, Problem(NEITHER_YES_NOR_NO), False)
                    )
                elif said != BLANK:
                    for channel in consent_channels(field):
                        if consent.get(channel, said) != said:
                            words = Problem(YES_AND_NO, {"channel": channel})
                            problems.append(RowProblem(number, column, value, words, False))
                            said_here = NO
                        else:
                            said_here = said
                        consent[channel] = said_here
            elif field in (f.OPT_OUT_SMS, f.OPT_OUT_EMAIL):
                if read_opt_out(value):
                    for channel in consent_channels(field):
                        consent[channel] = NO
            elif field in (f.BIRTHDAY, f.LAST_VISIT):
                try:
                    setattr(draft, field, parse_date(value, self.region) or getattr(draft, field))
                except DateError:
                    problems.append(RowProblem(number, column, value, Problem(NOT_A_DATE), False))
            elif field == f.TAGS:
                for tag in _TAG_SPLIT.split(value):
                    tag = tag.removeprefix("* ").strip()
                    if tag and f.fold(tag) not in _GOOGLE_SYSTEM_GROUPS and tag not in draft.tags:
                        draft.tags.append(tag)
            elif field == f.LANGUAGE:
                draft.language = normalise_language(value)
            elif field == f.ATTRIBUTES_JSON:
                self._attributes(number, column, value, draft, problems)
            elif field == f.ATTRIBUTE:
                draft.attributes[column] = value
            else:  # the parts of a name and of its reading
                names.setdefault(field, []).append(" ".join(value.split()))
        if names:
            self._names(draft, names)
        if found_phones:
            self._choose_phone(number, draft, found_phones, problems)
        for channel, said in consent.items():
            (draft.consent if said == YES else draft.opt_out).add(channel)
        if not draft.phone and not draft.email:
            words = Problem(NO_USABLE_ADDRESS if address_seen else NO_ADDRESS)
            refused = [RowProblem(p.row, p.column, p.value, p.problem, True) for p in problems]
            return None, [*refused, RowProblem(number, "", "", words, True)]
        return draft, problems

    def _names(self, draft: ContactDraft, names: dict[str, list[str]]) -> None:
        whole = " ".join(names.get(f.NAME, ()))
        draft.name = whole or full_name(
            " ".join(names.get(f.FAMILY_NAME, ())),
            " ".join(names.get(f.GIVEN_NAME, ())),
            " ".join(names.get(f.MIDDLE_NAME, ())),
        )
        kana = " ".join(names.get(f.FURIGANA, ())) or " ".join(
            part for part in (" ".join(names.get(f.FAMILY_FURIGANA, ())),
                              " ".join(names.get(f.GIVEN_FURIGANA, ()))) if part
        )  # fmt: skip
        draft.furigana = reading(kana) if kana else ""

    def _phones(
        self,
        number: int,
        column: str,
        value: str,
        label: str,
        hint: str,
        found: list[tuple[Phone, str, str, str]],
        problems: list[RowProblem],
    ) -> None:
        kind_hint = label_kind(label) or hint
        for part in split_numbers(value):
            try:
                phone = self.phones.read(part, kind_hint)
            except PhoneError as error:
                problems.append(RowProblem(number, column, part, error.problem, False))
                continue
            shown = label or column
            if phone.extension:
                shown = f"{shown} ext. {phone.extension}"
            found.append((phone, shown, column, part))

    def _choose_phone(
        self,
        number: int,
        draft: ContactDraft,
        found: list[tuple[Phone, str, str, str]],
        problems: list[RowProblem],
    ) -> None:
        """The first mobile takes SMS; every other number is kept beside it."""
        mobiles = [entry for entry in found if entry[0].kind == PHONE_MOBILE]
        first = (mobiles or found)[0]
        phone, label, column, value = first
        draft.phone, draft.phone_kind, draft.phone_label = phone.e164, phone.kind, label
        seen = {phone.e164}
        for other, other_label, _column, _value in found:
            if other.e164 not in seen:
                seen.add(other.e164)
                draft.phones.append(PhoneEntry(other.e164, other.kind, other_label))
        if not mobiles:
            note = warning(phone.kind)
            if note is not None:
                problems.append(RowProblem(number, column, value, note, False))

    def _emails(
        self,
        number: int,
        column: str,
        value: str,
        cells: Sequence[str],
        label_index: int,
        draft: ContactDraft,
        problems: list[RowProblem],
    ) -> None:
        label = _label(cells, label_index)
        parts = [part for part in _EMAIL_SPLIT.split(value) if part]
        if len(parts) > 1 and not all("@" in part for part in parts):
            parts = [value]  # not a list of addresses: one bad address, said once
        for part in parts:
            if not part:
                continue
            try:
                address = self.emails.read(part)
            except EmailError as error:
                problems.append(RowProblem(number, column, part, error.problem, False))
                continue
            if not draft.email:
                draft.email, draft.email_label = address, label or column
            elif address.lower() != draft.email.lower() and all(
                address.lower() != e.address.lower() for e in draft.emails
            ):
                draft.emails.append(EmailEntry(address, label or column))

    def _attributes(
        self, number: int, column: str, value: str, draft: ContactDraft, problems: list[RowProblem]
    ) -> None:
        try:
            loaded = json.loads(value)
        except ValueError:
            loaded = None
        if isinstance(loaded, dict):
            draft.attributes.update({str(k): str(v) for k, v in loaded.items() if str(v)})
        else:
            draft.attributes[column] = value
            problems.append(RowProblem(number, column, value, Problem(NOT_ATTRIBUTES), False))


def clean_text(value: str) -> str:
    return unicodedata.normalize("NFC", value)
