"""Reading a contact list from a CSV or Excel file, before anything is stored.

Pure Python, no SQL: ``read_table`` turns a file into a header and rows (the
encoding detected: a BOM, else strict UTF-8, else CP932 as Japanese Excel
writes it), ``propose_mapping`` guesses what each column holds from the
header names people use in English and Japanese, and ``prepare`` normalises
every row (phones to E.164, emails checked, consent read) into
``ContactRow`` values plus a report of what was rejected or set aside and why.
``storage.contacts.import_rows`` then stores them in one transaction.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from phonenumbers import PhoneNumberType

from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem
from surveys.untrusted_text import (
    from_spreadsheet,
    has_control_characters,
    marked_control_characters,
    spreadsheet_row,
)

# What a column can be mapped to; anything else is kept as an attribute.
NAME = "name"
PHONE = "phone"
EMAIL = "email"
LANGUAGE = "language"
CONSENT_SMS = "consent_sms"
CONSENT_EMAIL = "consent_email"
CONSENT_ALL = "consent"
ATTRIBUTE = "attribute"
IGNORE = "ignore"
FIELDS = (NAME, PHONE, EMAIL, LANGUAGE, CONSENT_SMS, CONSENT_EMAIL, CONSENT_ALL, ATTRIBUTE, IGNORE)

PHONE_MOBILE = "mobile"
PHONE_LANDLINE = "landline"
PHONE_OTHER = "other"

ENCODINGS = ("utf-8-sig", "utf-8", "cp932")

# Header names people actually use, compared after folding (lower case, NFKC,
# no spaces, hyphens or underscores). Order matters: consent headers mention
# "sms"/"メール" too, so they are matched first.
_HEADER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        CONSENT_SMS,
        ("smsconsent", "consentsms", "smsoptin", "sms同意", "sms配信同意", "sms配信可"),
    ),
    (
        CONSENT_EMAIL,
        (
            "emailconsent",
            "consentemail",
            "emailoptin",
            "mailconsent",
            "メール同意",
            "メール配信同意",
            "メール配信可",
            "メルマガ同意",
            "メルマガ",
        ),
    ),
    (CONSENT_ALL, ("consent", "optin", "同意", "配信同意", "配信可", "連絡可")),
    (NAME, ("name", "fullname", "customer", "customername", "氏名", "名前", "お名前", "顧客名")),
    (
        PHONE,
        (
            "phone",
            "phonenumber",
            "mobile",
            "mobilephone",
            "mobilenumber",
            "cell",
            "cellphone",
            "tel",
            "telephone",
            "sms",
            "電話",
            "電話番号",
            "携帯",
            "携帯電話",
            "携帯番号",
            "携帯電話番号",
            "連絡先",
        ),
    ),
    (
        EMAIL,
        (
            "email",
            "mail",
            "emailaddress",
            "mailaddress",
            "メール",
            "メールアドレス",
            "eメール",
            "メアド",
        ),
    ),
    (LANGUAGE, ("language", "lang", "locale", "言語", "使用言語")),
)

_YES = {
    "yes",
    "y",
    "true",
    "1",
    "ok",
    "はい",
    "同意",
    "同意済",
    "同意済み",
    "済",
    "可",
    "○",
    "◯",
    "✓",
    "x",
}
_LANGUAGES = {
    "ja": "ja",
    "jp": "ja",
    "japanese": "ja",
    "日本語": "ja",
    "en": "en",
    "english": "en",
    "英語": "en",
}


CONTROL_CHARACTERS_REASON = (
    "holds control characters (such as NUL or ESC, shown as \ufffd), which no one types: set aside"
)


class ImportCancelled(Exception):
    """The user cancelled the import; nothing was stored."""


class ImportFileError(Explained):
    """The file cannot be read as a table; its problem says why in plain words."""


@dataclass(frozen=True)
class Table:
    """A file read as text: the header, the data rows, and how it was read."""

    header: list[str]
    rows: list[list[str]]
    encoding: str  # "xlsx" for an Excel file
    first_row_number: int = 2  # the file's row number of rows[0] (the header is row 1)


@dataclass(frozen=True)
class Issue:
    """One line of the import report.

    ``rejected`` is True when the whole row was left out; otherwise the row was
    imported and only this column's value was set aside (or, for a landline,
    kept with a warning).
    """

    row: int
    column: str
    value: str
    reason: str
    rejected: bool


@dataclass
class ContactRow:
    """One contact as the file gives it, normalised; empty strings mean "no value"."""

    row: int
    name: str = ""
    phone: str = ""  # E.164
    phone_kind: str = ""  # mobile | landline | other
    email: str = ""
    language: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    consent: set[str] = field(default_factory=set)  # channels: sms, email


@dataclass
class Prepared:
    contacts: list[ContactRow]
    issues: list[Issue]
    rows_read: int

    @property
    def rejected_rows(self) -> int:
        return len({issue.row for issue in self.issues if issue.rejected})


# Reading ---------------------------------------------------------------------


def detect_encoding(data: bytes) -> str:
    """utf-8-sig when there is a BOM, utf-8 when it decodes strictly, else cp932."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp932"
    return "utf-8"


def is_excel(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm")


def read_table(path: Path, encoding: str | None = None) -> Table:
    """Read a CSV (or tab-separated) or .xlsx file; ``encoding`` overrides detection."""
    if is_excel(path):
        return _read_xlsx(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        words = QT_TRANSLATE_NOOP("Problems", "cannot read {name}: {detail}")
        raise ImportFileError(
            Problem(words, {"name": path.name, "detail": str(error.strerror or error)})
        ) from None
    return parse_csv_bytes(data, encoding)


def parse_csv_bytes(data: bytes, encoding: str | None = None) -> Table:
    chosen = encoding or detect_encoding(data)
    try:
        codecs.lookup(chosen)
    except LookupError:
        words = QT_TRANSLATE_NOOP("Problems", "unknown encoding {encoding}")
        raise ImportFileError(Problem(words, {"encoding": repr(chosen)})) from None
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as error:
        words = QT_TRANSLATE_NOOP(
            "Problems",
            "the file is not {encoding} (byte {byte} cannot be read); choose another encoding",
        )
        raise ImportFileError(Problem(words, {"encoding": chosen, "byte": error.start})) from None
    if chosen.replace("_", "-").lower() == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [row for row in reader]
    except csv.Error as error:
        words = QT_TRANSLATE_NOOP("Problems", "the file is not a readable CSV: {detail}")
        raise ImportFileError(Problem(words, {"detail": str(error)})) from None
    return _table(rows, chosen)


def _read_xlsx(path: Path) -> Table:
    import openpyxl  # imported here: only Excel files need it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        words = QT_TRANSLATE_NOOP("Problems", "cannot read {name} as an Excel file: {detail}")
        raise ImportFileError(Problem(words, {"name": path.name, "detail": str(error)})) from None
    try:
        sheet = book.worksheets[0]
        rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _table(rows, "xlsx")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        # A phone stored as a number comes back as 9012345678.0.
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = value.isoformat()  # type: ignore[attr-defined]
        return str(text).removesuffix("T00:00:00")
    return str(value)


def _table(rows: list[list[str]], encoding: str) -> Table:
    # Leading blank lines are skipped; the first non-blank row is the header.
    start = 0
    while start < len(rows) and not any(cell.strip() for cell in rows[start]):
        start += 1
    if start == len(rows):
        raise ImportFileError(Problem(QT_TRANSLATE_NOOP("Problems", "the file is empty")))
    header = [cell.strip() for cell in rows[start]]
    while header and not header[-1]:
        header.pop()
    return Table(header, rows[start + 1 :], encoding, first_row_number=start + 2)


# Mapping ---------------------------------------------------------------------


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s_\-・.:：()（）]", "", text)


def propose_field(header: str) -> str:
    """What a column named ``header`` most likely holds (ATTRIBUTE when unknown)."""
    folded = _fold(header)
    if not folded:
        return IGNORE
    for target, words in _HEADER_WORDS:
        if folded in words:
            return target
    return ATTRIBUTE


def propose_mapping(header: Sequence[str]) -> list[str]:
    """A field for each column; a field other than an attribute is used once."""
    mapping: list[str] = []
    taken: set[str] = set()
    for name in header:
        proposed = propose_field(name)
        if proposed not in (ATTRIBUTE, IGNORE) and proposed in taken:
            proposed = ATTRIBUTE
        taken.add(proposed)
        mapping.append(proposed)
    return mapping


# Values ----------------------------------------------------------------------


@dataclass(frozen=True)
class Phone:
    e164: str
    kind: str  # mobile | landline | other


class PhoneError(ValueError):
    """A phone number that cannot be used; the message says why in plain words."""


# What people put between digits: spaces, hyphens and dashes of every kind
# (ー, the katakana long mark, often stands in for a hyphen), brackets, dots.
_PHONE_SEPARATORS = str.maketrans("", "", " \t\r\n\u3000-‐‑–—―ー−()[].")
_PHONE_SHAPE = re.compile(r"\+?\d+")


def normalise_phone(value: str, region: str) -> Phone:
    """E.164 and the kind of number, from a number as people type it."""
    text = unicodedata.normalize("NFKC", value).strip().translate(_PHONE_SEPARATORS)
    if not text:
        raise PhoneError("empty")
    if text.startswith("00"):
        text = "+" + text[2:]
    if not _PHONE_SHAPE.fullmatch(text):
        raise PhoneError("not a phone number: it holds letters or symbols")
    try:
        number = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException:
        raise PhoneError("not a phone number") from None
    # number_type is UNKNOWN exactly when is_valid_number is False; asking once
    # halves the cost of a 50,000-row import.
    kind = phonenumbers.number_type(number)
    if kind == PhoneNumberType.UNKNOWN:
        if len(text.lstrip("+")) < 8:
            raise PhoneError("too short to be a phone number")
        raise PhoneError("not a valid phone number for its country (add +country code?)")
    if kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        label = PHONE_MOBILE
    elif kind == PhoneNumberType.FIXED_LINE:
        label = PHONE_LANDLINE
    else:
        label = PHONE_OTHER
    e164 = f"+{number.country_code}{phonenumbers.national_significant_number(number)}"
    return Phone(e164, label)


def phone_warning(kind: str) -> str:
    if kind == PHONE_LANDLINE:
        return "a landline: kept, but it cannot receive SMS"
    if kind == PHONE_OTHER:
        return "not a mobile number (IP phone, toll-free or pager): kept, but SMS may fail"
    return ""


def normalise_email(value: str) -> str:
    """The address with its domain normalised; raises ValueError saying what is wrong."""
    text = unicodedata.normalize("NFKC", value).strip()
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        raise ValueError(str(error)) from None
    return str(result.normalized)


def normalise_language(value: str) -> str:
    return _LANGUAGES.get(_fold(value), "")


def is_yes(value: str) -> bool:
    return _fold(value) in _YES


def default_region(locale_name: str) -> str:
    """JP for a Japanese locale, else the locale's own country.

    A locale that names no country (C, POSIX, "en") gives JP: Koe's first
    customers are Japanese businesses.
    """
    if locale_name.lower().startswith("ja"):
        return "JP"
    match = re.match(r"^[a-z]{2,3}[_-]([A-Za-z]{2})\b", locale_name)
    return match.group(1).upper() if match else "JP"


# Preparing -------------------------------------------------------------------


def prepare(
    table: Table,
    mapping: Sequence[str],
    region: str,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Prepared:
    """Normalise every row under ``mapping`` (one field per column of the header).

    Rows with neither a usable phone nor a usable email are rejected; a bad
    value in a row that is otherwise usable is set aside and reported. Rows of
    the same person (same phone, else same email) are merged, later rows
    filling blanks and updating attributes.
    """
    header = table.header
    contacts: list[ContactRow] = []
    issues: list[Issue] = []
    by_phone: dict[str, ContactRow] = {}
    by_email: dict[str, ContactRow] = {}
    total = len(table.rows)
    for offset, cells in enumerate(table.rows):
        number = table.first_row_number + offset
        if progress is not None and offset % 1000 == 0:
            progress(offset, total)
        if not any(cell.strip() for cell in cells):
            continue  # a blank line is no one
        contact, row_issues = _prepare_row(number, cells, header, mapping, region)
        if contact is None:
            issues.extend(row_issues)
            continue
        issues.extend(row_issues)
        same = by_phone.get(contact.phone) if contact.phone else None
        if same is None and contact.email:
            same = by_email.get(contact.email.lower())
        if same is not None:
            merge_into(same, contact)
            contact = same
        else:
            contacts.append(contact)
        if contact.phone:
            by_phone.setdefault(contact.phone, contact)
        if contact.email:
            by_email.setdefault(contact.email.lower(), contact)
    if progress is not None:
        progress(total, total)
    return Prepared(contacts, issues, total)


def merge_into(target: ContactRow, newer: ContactRow) -> None:
    """Fill ``target``'s blanks from ``newer`` and update its attributes; never erase."""
    for name in ("name", "language"):
        value = getattr(newer, name)
        if value:
            setattr(target, name, value)
    if not target.phone and newer.phone:
        target.phone, target.phone_kind = newer.phone, newer.phone_kind
    if not target.email and newer.email:
        target.email = newer.email
    target.attributes.update({k: v for k, v in newer.attributes.items() if v})
    target.consent |= newer.consent


def _prepare_row(
    number: int, cells: Sequence[str], header: Sequence[str], mapping: Sequence[str], region: str
) -> tuple[ContactRow | None, list[Issue]]:
    contact = ContactRow(number)
    issues: list[Issue] = []
    phone_seen = email_seen = ""
    if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
        issues.append(
            Issue(
                number,
                "",
                "",
                "more cells than the header has columns; the extra ones are ignored",
                False,
            )
        )
    for index, column in enumerate(header):
        raw = cells[index] if index < len(cells) else ""
        # Koe's own export put a ' before a value a spreadsheet would run (+8190...).
        value = from_spreadsheet(raw.strip()).strip()
        target = mapping[index] if index < len(mapping) else IGNORE
        if not value or target == IGNORE:
            continue
        if has_control_characters(value):
            shown = marked_control_characters(value)
            issues.append(Issue(number, column, shown, CONTROL_CHARACTERS_REASON, False))
            if target == PHONE:
                phone_seen = shown
            elif target == EMAIL:
                email_seen = shown
            continue
        if target == NAME:
            contact.name = " ".join(value.split())
        elif target == PHONE:
            phone_seen = value
            try:
                phone = normalise_phone(value, region)
            except PhoneError as error:
                issues.append(Issue(number, column, value, str(error), False))
            else:
                contact.phone, contact.phone_kind = phone.e164, phone.kind
                warning = phone_warning(phone.kind)
                if warning:
                    issues.append(Issue(number, column, value, warning, False))
        elif target == EMAIL:
            email_seen = value
            try:
                contact.email = normalise_email(value)
            except ValueError as error:
                issues.append(Issue(number, column, value, f"email address: {error}", False))
        elif target == LANGUAGE:
            contact.language = normalise_language(value)
        elif target in (CONSENT_SMS, CONSENT_EMAIL, CONSENT_ALL):
            if is_yes(value):
                contact.consent |= _consent_channels(target)
        else:
            contact.attributes[column or f"column {index + 1}"] = value
    if not contact.phone and not contact.email:
        if phone_seen or email_seen:
            reason = "no usable phone number or email address (see above)"
        else:
            reason = "no phone number and no email address"
        # The row's other notes become part of the rejection.
        rejected = [Issue(i.row, i.column, i.value, i.reason, True) for i in issues]
        return None, [*rejected, Issue(number, "", "", reason, True)]
    return contact, issues


def _consent_channels(target: str) -> set[str]:
    if target == CONSENT_SMS:
        return {"sms"}
    if target == CONSENT_EMAIL:
        return {"email"}
    return {"sms", "email"}


# The report ------------------------------------------------------------------

REPORT_HEADER = ("row", "column", "value", "outcome", "reason")


def report_lines(issues: Iterable[Issue]) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            str(issue.row),
            issue.column,
            issue.value,
            "rejected" if issue.rejected else "imported",
            issue.reason,
        )
        for issue in issues
    ]


def write_report(issues: Iterable[Issue], out: io.TextIOBase | io.StringIO) -> None:
    """The report as CSV; a value quoted from the file is made safe, as in every export."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REPORT_HEADER)
    writer.writerows(map(spreadsheet_row, report_lines(issues)))
