"""One row of a contact list as the contact it describes, and what was wrong with it.

``RowReader`` is built once per import from the header and the mapping (which
column feeds which field, which column labels which number) and then reads
each row: names put together in their script's order, every phone number
normalised (a mobile chosen for SMS, the others kept), every address checked,
consent read with its vocabulary, dates parsed. A value that cannot be used is
set aside and reported; a row left with neither phone nor email is refused.

Over 400 lines because every field's reading shares the row's state (which
number is the mobile, which column labels which number); split, each part
would need all of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from operator import itemgetter

from contacts import columns as f
from contacts.consent import NO, UNKNOWN, YES, read_consent, read_opt_out
from contacts.dates import DateError, parse_date
from contacts.emails import EmailError, EmailReader
from contacts.model import (
    PHONE_MOBILE,
    ContactDraft,
    EmailEntry,
    ImportOptions,
    PhoneEntry,
    RowProblem,
)
from contacts.phones import (
    MAYBE_SEVERAL,
    PLAIN_NUMBER,
    Phone,
    PhoneError,
    PhoneReader,
    label_kind,
    split_numbers,
    warning,
)
from contacts.reading import undefined_characters
from surveys.contact_names import full_name, reading
from surveys.problems import QT_TRANSLATE_NOOP, Problem
from surveys.untrusted_text import (
    from_spreadsheet,
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

_EMAIL_SPLIT = re.compile(r"\s*(?::::|;|,|，|、|\s)\s*")
_EMAIL_SEPARATOR = re.compile(r"[\s;,，、]|:::")
_TAG_SPLIT = re.compile(r"\s*(?::::|;|,|，|、|\n)\s*")
_LANGUAGES = {
    "ja": "ja", "jp": "ja", "japanese": "ja", "日本語": "ja", "jajp": "ja",
    "en": "en", "english": "en", "英語": "en", "enus": "en", "engb": "en",
}  # fmt: skip
_GOOGLE_SYSTEM_GROUPS = {"mycontacts", "othercontacts"}
_MARKED = "'=+-@＝＋－＠"  # a cell Koe's export (or Shopify's) marked with a '
_MARKED_OR_SPACE = _MARKED + " "
# Cells that need none of the checks before their reader's (no mark, no space, no
# control character, one value): most cells of most files, read on a shorter path.
_PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&*/?^_`{|}~][A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]*@[A-Za-z0-9.-]+"
)
_UNDEFINED = re.compile("[\udc80-\udcff\ue000-\uf8ff]")
# A control character (tab, LF and CR are text), an unreadable byte, a private character.
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\udc80-\udcff\ue000-\uf8ff]")
_NAME_PARTS = frozenset(
    (f.NAME, f.FAMILY_NAME, f.GIVEN_NAME, f.MIDDLE_NAME, f.FURIGANA, f.FAMILY_FURIGANA,
     f.GIVEN_FURIGANA)
)  # fmt: skip
_PHONE_FIELDS = frozenset(f.PHONE_FIELDS)
_ADDRESS_FIELDS = frozenset((f.MOBILE, f.PHONE, f.EMAIL))


def _plain(value: str) -> bool:
    """No control character, no unreadable byte. ``isprintable`` (one C pass) is False
    for all of them and for a few harmless ones (a line break, 　 the full-width
    space): the search decides only then."""
    return value.isprintable() or _SUSPECT.search(value) is None


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


Result = tuple[object, tuple[tuple[str, Problem], ...], bool]
"""What one cell gives: its value for the field (None: nothing), the problems with it
(the value shown, the problem), and whether it was meant as a phone or an address."""
_EMPTY: Result = (None, (), False)

_FIELD_GROUPS = {
    f.ATTRIBUTE: "attribute", f.EMAIL: "email", f.MOBILE: "phone", f.PHONE: "phone",
    **dict.fromkeys(_NAME_PARTS, "name"),
    **dict.fromkeys((f.CONSENT_SMS, f.CONSENT_EMAIL, f.CONSENT_ALL, f.OPT_OUT_SMS,
                     f.OPT_OUT_EMAIL), "consent"),
    **dict.fromkeys((f.BIRTHDAY, f.LAST_VISIT, f.LANGUAGE), "scalar"),
    f.TAGS: "tags", f.ATTRIBUTES_JSON: "attributes",
}  # fmt: skip


class RowReader:
    """Reads the rows of one table under one mapping.

    The work goes column by column: each distinct value of a column is read once
    (a shop's list repeats its stores, plans, consent words and dates; each distinct
    number and address is checked once by ``PhoneReader`` and ``EmailReader``), then
    its result is given to every row holding it. A row's problems keep the order of
    its columns.
    """

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
        self.needed_width = 1 + max((max(e[0], e[3]) for e in self.plan), default=-1)
        parts = [entry[1] for entry in self.plan if entry[1] in _NAME_PARTS]
        self.one_name_column = parts == [f.NAME]
        self.one_phone_column = sum(e[1] in _PHONE_FIELDS for e in self.plan) == 1
        self._cells = [0 for _ in self.plan]  # cells read so far, per column
        self._distinct = [False for _ in self.plan]  # True: its values hardly repeat
        self._caches: list[dict[object, Result]] = [{"": _EMPTY} for _ in self.plan]

    def read_rows(
        self, rows: Sequence[Sequence[str]], first: int
    ) -> tuple[list[ContactDraft | None], list[RowProblem]]:
        """The contact each non-blank row of ``rows`` (the first being the file's row
        ``first``) describes (None: refused), and the problems, in row order."""
        kept = [(first + i, row) for i, row in enumerate(rows)
                if (row and row[0].strip()) or "".join(row).strip()]  # fmt: skip
        numbers = [number for number, _row in kept]
        need = self.needed_width
        # A short row (the file's, not a cell left empty) padded once: no length checks after.
        cells = [row if len(row) >= need else [*row, *[""] * (need - len(row))]
                 for _number, row in kept]  # fmt: skip
        drafts = [ContactDraft(number, [number]) for number in numbers]
        problems: dict[int, list[RowProblem]] = {}
        seen = bytearray(len(kept))
        width = self.width
        for i, row in enumerate(cells):
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                problems[i] = [RowProblem(numbers[i], "", "", Problem(EXTRA_CELLS), False)]
        names: dict[int, dict[str, list[str]]] = {}
        found: dict[int, list[tuple[Phone, str, str, str]]] = {}
        consent: dict[int, dict[str, str]] = {}
        for position, (index, field, column, label_index, hint) in enumerate(self.plan):
            if label_index >= 0:
                keys: list[object] = [(row[index], _label(row, label_index)) for row in cells]
            else:
                keys = list(map(itemgetter(index), cells))
            group = _FIELD_GROUPS[field]
            read = self._read
            results: Iterable[tuple[int, Result]]
            if group == "phone" and label_index < 0:
                # Numbers and addresses are mostly distinct: their readers keep each
                # value they checked (across columns too), a second cache would cost.
                results = self._phone_column(column, keys, hint, drafts)  # type: ignore[arg-type]
            elif group == "email" and label_index < 0:
                results = self._email_column(column, keys, drafts)  # type: ignore[arg-type]
            elif group in ("phone", "email"):
                results = enumerate([read(position, key) for key in keys])
            elif group == "name" and self.one_name_column:
                results = self._name_column(column, keys, drafts)  # type: ignore[arg-type]
            elif self._distinct[position]:
                # A column of distinct values: keeping them would only cost.
                results = enumerate([
                    self._read_cell(key, key.strip(), field, column, "", hint)  # type: ignore[attr-defined]
                    for key in keys
                ])  # fmt: skip
            else:
                cache = self._caches[position]
                given = [cache.get(key) or read(position, key) for key in keys]
                self._cells[position] += len(keys)
                self._distinct[position] = len(cache) > 0.8 * self._cells[position] > 1000
                if group == "attribute":  # a shop's stores and plans: given at once
                    for draft, (payload, _said, _meant) in zip(drafts, given, strict=True):
                        if payload is not None:
                            draft.attributes[column] = payload  # type: ignore[assignment]
                    results = [(i, r) for i, r in enumerate(given) if r[1]]  # said: see below
                else:
                    results = enumerate(given)
            for i, (payload, said, meant) in results:
                if said:
                    problems.setdefault(i, []).extend(
                        RowProblem(numbers[i], column, shown, words, False) for shown, words in said
                    )
                if meant:
                    seen[i] = 1
                if payload is None:
                    continue
                draft = drafts[i]
                if group == "attribute":
                    draft.attributes[column] = payload  # type: ignore[assignment]
                elif group == "name":
                    if self.one_name_column:
                        draft.name = payload  # type: ignore[assignment]
                    else:
                        names.setdefault(i, {}).setdefault(field, []).append(payload)  # type: ignore[arg-type]
                elif group == "phone":
                    if self.one_phone_column and len(payload) == 1:  # type: ignore[arg-type]
                        phone, shown = payload[0][0], payload[0][1]  # type: ignore[index]
                        if phone.kind == PHONE_MOBILE:  # the common case: nothing to choose
                            draft.phone, draft.phone_kind, draft.phone_label = (
                                phone.e164, phone.kind, shown,
                            )  # fmt: skip
                            continue
                    found.setdefault(i, []).extend(payload)  # type: ignore[arg-type]
                elif group == "email":
                    if not draft.email and len(payload) == 1:  # type: ignore[arg-type]
                        draft.email, draft.email_label = payload[0]  # type: ignore[index]
                    else:
                        self._add_emails(draft, payload)  # type: ignore[arg-type]
                elif group == "consent":
                    self._consent(numbers[i], column, field, payload, consent, problems, i)  # type: ignore[arg-type]
                elif group == "scalar":
                    if payload:
                        setattr(draft, field, payload)
                elif group == "tags":
                    draft.tags.extend(t for t in payload if t not in draft.tags)  # type: ignore[attr-defined]
                else:
                    draft.attributes.update(payload)  # type: ignore[arg-type]
        for i, parts in names.items():
            self._names(drafts[i], parts)
        for i, entries in found.items():
            if len(entries) == 1 and entries[0][0].kind == PHONE_MOBILE:  # most rows
                draft = drafts[i]
                phone, draft.phone_label = entries[0][0], entries[0][1]
                draft.phone, draft.phone_kind = phone.e164, phone.kind
            else:
                self._choose_phone(numbers[i], drafts[i], entries, problems.setdefault(i, []))
        for i, said in consent.items():
            draft = drafts[i]
            for channel, answer in said.items():
                (draft.consent if answer == YES else draft.opt_out).add(channel)
        out: list[ContactDraft | None] = list(drafts)
        said: list[RowProblem] = []
        for i, draft in enumerate(drafts):
            row_problems = problems.get(i)
            if draft.phone or draft.email:
                if row_problems:
                    said += row_problems
                continue
            out[i] = None
            said += [RowProblem(p.row, p.column, p.value, p.problem, True)
                     for p in row_problems or ()]  # fmt: skip
            words = Problem(NO_USABLE_ADDRESS if seen[i] else NO_ADDRESS)
            said.append(RowProblem(draft.row, "", "", words, True))
        return out, said

    def _phone_column(
        self, column: str, keys: list[str], hint: str, drafts: list[ContactDraft]
    ) -> Iterable[tuple[int, Result]]:
        """The cells of a phone column without labels. In the file's only phone column
        a mobile number written plainly (090-1234-5678: a shape that needs none of the
        checks for marks, controls or several numbers) is set straight on its row's
        contact; what the other cells give is returned, by row."""
        if not self.one_phone_column:
            return enumerate([self._phone_cell(column, key, hint) if key else _EMPTY
                              for key in keys])  # fmt: skip
        read = self.phones.read
        rest: dict[int, Result] = {}
        for i, key in enumerate(keys):
            if PLAIN_NUMBER.fullmatch(key) is None:
                if key:
                    rest[i] = self._phone_cell(column, key, hint)
                continue
            try:
                phone = read(key, hint)
            except PhoneError as error:
                rest[i] = (None, ((key, error.problem),), True)
                continue
            if phone.kind == PHONE_MOBILE:  # the common case: nothing to choose
                draft = drafts[i]
                draft.phone, draft.phone_kind, draft.phone_label = phone.e164, PHONE_MOBILE, column
            else:
                rest[i] = ([(phone, column, column, key)], (), True)
        return rest.items()

    def _email_column(
        self, column: str, keys: list[str], drafts: list[ContactDraft]
    ) -> Iterable[tuple[int, Result]]:
        """The cells of an email column without labels: an address written plainly
        (ASCII, one address, no mark) is checked and set straight on its row's
        contact; what the other cells give is returned, by row."""
        read = self.emails.read
        rest: dict[int, Result] = {}
        for i, key in enumerate(keys):
            if _PLAIN_ADDRESS.fullmatch(key) is None:
                if key:
                    rest[i] = self._email_cell(column, key)
                continue
            try:
                address = read(key)
            except EmailError as error:
                rest[i] = (None, ((key, error.problem),), True)
                continue
            draft = drafts[i]
            if not draft.email:
                draft.email, draft.email_label = address, column
            else:
                self._add_emails(draft, [(address, column)])
        return rest.items()

    def _name_column(
        self, column: str, keys: list[str], drafts: list[ContactDraft]
    ) -> Iterable[tuple[int, Result]]:
        """The file's one name column: a name without a mark or a control character
        is set straight on its row's contact (spaces made single); what the other
        cells give is returned, by row."""
        rest: dict[int, Result] = {}
        for i, key in enumerate(keys):
            if key and key.isprintable() and key[0] not in _MARKED_OR_SPACE:
                drafts[i].name = " ".join(key.split())
            elif key:
                rest[i] = self._read_cell(key, key.strip(), f.NAME, column, "", "")
        return rest.items()

    def _read(self, position: int, key: object) -> Result:
        """What the cell ``key`` (its text, or its text and its label) gives; kept for
        every other cell of the column with the same text."""
        _index, field, column, label_index, hint = self.plan[position]
        raw, label = key if label_index >= 0 else (key, "")  # type: ignore[misc]
        group = _FIELD_GROUPS[field]
        result = self._read_cell(raw, raw.strip(), field, column, label, hint)
        if group not in ("phone", "email"):
            self._caches[position][key] = result
        return result

    def _read_cell(
        self, raw: str, value: str, field: str, column: str, label: str, hint: str
    ) -> Result:
        if value and value[0] in _MARKED:
            value = from_spreadsheet(value).strip()
        group = _FIELD_GROUPS.get(field, field)
        if not value:
            return _EMPTY
        if not _plain(value):
            return (None, (self._unusable(value),), group in ("phone", "email"))
        if group == "phone":
            return self._read_phones(column, value, label, hint)
        if group == "email":
            return self._read_emails(column, value, label)
        if group == "name":
            return (" ".join(value.split()), (), False)
        if group == "attribute":
            return (value, (), False)
        return self._read_other(field, column, value)

    def _phone_cell(self, column: str, raw: str, hint: str) -> Result:
        """``_read`` for a phone column without labels: most cells of most files."""
        value = raw.strip()
        if not value or value[0] in _MARKED or not _plain(value):
            return self._read_cell(raw, value, "phone", column, "", hint)
        if MAYBE_SEVERAL.search(value) is not None:
            return self._read_phones(column, value, "", hint)
        try:
            phone = self.phones.read(value, hint)
        except PhoneError as error:
            return (None, ((value, error.problem),), True)
        shown = f"{column} ext. {phone.extension}" if phone.extension else column
        return ([(phone, shown, column, value)], (), True)

    def _email_cell(self, column: str, raw: str) -> Result:
        """``_read`` for an email column without labels."""
        value = raw.strip()
        if not value or value[0] in _MARKED or not _plain(value):
            return self._read_cell(raw, value, "email", column, "", "")
        if _EMAIL_SEPARATOR.search(value) is not None:
            return self._read_emails(column, value, "")
        try:
            return ([(self.emails.read(value), column)], (), True)
        except EmailError as error:
            return (None, ((value, error.problem),), True)

    def _unusable(self, value: str) -> tuple[str, Problem]:
        """A value with bytes the encoding does not define, or control characters."""
        unreadable = undefined_characters(value, self.encoding)
        if unreadable:
            shown = marked_control_characters(_UNDEFINED.sub("\ufffd", value))
            return shown, Problem(UNDEFINED_BYTES, {"encoding": self.encoding, "bytes": unreadable})
        return marked_control_characters(value), Problem(CONTROL_CHARACTERS)

    def _read_phones(self, column: str, value: str, label: str, hint: str) -> Result:
        kind_hint = (label_kind(label) or hint) if label else hint
        if not label and MAYBE_SEVERAL.search(value) is None:  # one number, no label
            try:
                phone = self.phones.read(value, kind_hint)
            except PhoneError as error:
                return (None, ((value, error.problem),), True)
            shown = f"{column} ext. {phone.extension}" if phone.extension else column
            return ([(phone, shown, column, value)], (), True)
        entries: list[tuple[Phone, str, str, str]] = []
        said: list[tuple[str, Problem]] = []
        for part in split_numbers(value):
            try:
                phone = self.phones.read(part, kind_hint)
            except PhoneError as error:
                said.append((part, error.problem))
                continue
            shown = label or column
            if phone.extension:
                shown = f"{shown} ext. {phone.extension}"
            entries.append((phone, shown, column, part))
        return (entries or None, tuple(said), True)

    def _read_emails(self, column: str, value: str, label: str) -> Result:
        if _EMAIL_SEPARATOR.search(value) is None:
            parts = [value]
        else:
            parts = [part for part in _EMAIL_SPLIT.split(value) if part]
        if len(parts) > 1 and not all("@" in part for part in parts):
            parts = [value]  # not a list of addresses: one bad address, said once
        addresses: list[tuple[str, str]] = []
        said: list[tuple[str, Problem]] = []
        for part in parts:
            try:
                addresses.append((self.emails.read(part), label or column))
            except EmailError as error:
                said.append((part, error.problem))
        return (addresses or None, tuple(said), True)

    def _read_other(self, field: str, column: str, value: str) -> Result:
        """Consent, opt-outs, dates, language, tags, Koe's attributes."""
        if field in (f.CONSENT_SMS, f.CONSENT_EMAIL, f.CONSENT_ALL):
            answer = read_consent(value)
            if answer == UNKNOWN:
                return (None, ((value, Problem(NEITHER_YES_NOR_NO)),), False)
            return (answer or None, (), False)
        if field in (f.OPT_OUT_SMS, f.OPT_OUT_EMAIL):
            return (NO if read_opt_out(value) else None, (), False)
        if field in (f.BIRTHDAY, f.LAST_VISIT):
            try:
                return (parse_date(value, self.region), (), False)
            except DateError:
                return (None, ((value, Problem(NOT_A_DATE)),), False)
        if field == f.LANGUAGE:
            return (normalise_language(value), (), False)
        if field == f.TAGS:
            tags: list[str] = []
            for tag in _TAG_SPLIT.split(value):
                tag = tag.removeprefix("* ").strip()
                if tag and f.fold(tag) not in _GOOGLE_SYSTEM_GROUPS and tag not in tags:
                    tags.append(tag)
            return (tags, (), False)
        return self._read_attributes(column, value)

    def _read_attributes(self, column: str, value: str) -> Result:
        """Koe's own export: every attribute as JSON (a value holding a control
        character, written as \\u0007 in JSON, is set aside as anywhere else)."""
        try:
            loaded = json.loads(value)
        except ValueError:
            loaded = None
        if not isinstance(loaded, dict):
            return ({column: value}, ((value, Problem(NOT_ATTRIBUTES)),), False)
        attributes: dict[str, str] = {}
        said: list[tuple[str, Problem]] = []
        for key, item in loaded.items():
            text = str(item)
            if _SUSPECT.search(str(key) + text):
                said.append(self._unusable(text))
            elif text:
                attributes[str(key)] = text
        return (attributes, tuple(said), False)

    def _consent(
        self,
        number: int,
        column: str,
        field: str,
        answer: str,
        consent: dict[int, dict[str, str]],
        problems: dict[int, list[RowProblem]],
        i: int,
    ) -> None:
        said = consent.setdefault(i, {})
        for channel in consent_channels(field):
            if said.get(channel, answer) != answer:
                words = Problem(YES_AND_NO, {"channel": channel})
                problems.setdefault(i, []).append(RowProblem(number, column, "", words, False))
                answer = NO
            said[channel] = answer

    @staticmethod
    def _add_emails(draft: ContactDraft, addresses: list[tuple[str, str]]) -> None:
        for address, label in addresses:
            if not draft.email:
                draft.email, draft.email_label = address, label
            elif address.lower() != draft.email.lower() and all(
                address.lower() != e.address.lower() for e in draft.emails
            ):
                draft.emails.append(EmailEntry(address, label))

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
