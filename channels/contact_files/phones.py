"""Phone numbers as shops' files hold them, to E.164 with their kind.

What people and tools write: ``090-1234-5678``, ``０９０（１２３４）５６７８``,
``'+81 90…`` (a quote to keep Excel from reading a formula), ``81901234567`` and
``9012345678`` (a number Excel stored as a number: the + or the leading 0 lost),
``03-1234-5678 内線 12`` (an extension), several in one cell (Google's
``090-… ::: 03-…``, ``;``, ``/``, a line break). The kind comes from the
number (phonenumbers' metadata: mobile, landline, other), and, when the number
itself could be either (US numbers), from the column or its label ("Mobile
Phone", "Home", 携帯, 自宅).

``PhoneReader`` reads each distinct text once (a list repeats a shop's number
and the same file is previewed, then imported). Its fast path skips
``phonenumbers.parse`` for the common shapes — digits after the national
prefix, or ``+`` and a country code of one region — and asks the same metadata
for the type; anything else goes through ``parse``. tests/contact_files checks
that both paths agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberType
from phonenumbers.phonenumberutil import _number_type_helper

from channels.contact_files.model import PHONE_LANDLINE, PHONE_MOBILE, PHONE_OTHER
from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem


@dataclass(frozen=True)
class Phone:
    e164: str
    kind: str  # mobile | landline | other
    extension: str = ""


class PhoneError(Explained):
    """A phone number that cannot be used; its problem says why in plain words."""


NOT_A_NUMBER = QT_TRANSLATE_NOOP("Problems", "not a phone number: it holds letters or symbols")
TOO_SHORT = QT_TRANSLATE_NOOP("Problems", "too short to be a phone number")
NOT_VALID = QT_TRANSLATE_NOOP(
    "Problems", "not a valid phone number for its country (add +country code?)"
)
LANDLINE = QT_TRANSLATE_NOOP("Problems", "a landline: kept, but it cannot receive SMS")
OTHER = QT_TRANSLATE_NOOP(
    "Problems", "not a mobile number (IP phone, toll-free or pager): kept, but SMS may fail"
)

# What people put between digits: spaces, hyphens and dashes of every kind
# (ー, the katakana long mark, often stands in for a hyphen), brackets, dots.
_SEPARATORS = str.maketrans("", "", " \t\r\n\u3000-‐‑–—―ー−()[].")
_SHAPE = re.compile(r"\+?\d+")
_EXTENSION = re.compile(
    r"\s*(?:内線|ext\.?|extension|x|#|（内）|\(内\))\s*(\d{1,6})\s*$", re.IGNORECASE
)
_SPLIT = re.compile(r"\s*(?::::|;|\n|／|/|、|,|，)\s*")
_MOBILE_WORDS = re.compile(r"mobile|cell|携帯|iphone|sms|car", re.IGNORECASE)
_FIXED_WORDS = re.compile(r"home|work|business|office|main|fax|自宅|会社|勤務|固定|事務所", re.I)
_MOBILE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def split_numbers(cell: str) -> list[str]:
    """The numbers of one cell: Google's ``" ::: "``, ``;``, ``/``, line breaks…
    A cell whose parts are not each a phone number's length is one number."""
    parts = [part for part in _SPLIT.split(cell.strip()) if part]
    if len(parts) > 1 and all(sum(ch.isdigit() for ch in unicodedata.normalize("NFKC", p)) >= 8
                              for p in parts):  # fmt: skip
        return parts
    return [cell.strip()] if cell.strip() else []


def label_kind(label: str) -> str:
    """mobile or landline when a column name or label says so, else ""."""
    if _MOBILE_WORDS.search(label):
        return PHONE_MOBILE
    if _FIXED_WORDS.search(label):
        return PHONE_LANDLINE
    return ""


def warning(kind: str) -> Problem | None:
    """What the report says of a number kept that cannot (or may not) take an SMS."""
    if kind == PHONE_LANDLINE:
        return Problem(LANDLINE)
    if kind == PHONE_OTHER:
        return Problem(OTHER)
    return None


class PhoneReader:
    """Normalises phone numbers for one default region, each distinct text once."""

    def __init__(self, region: str) -> None:
        self.region = (region or "JP").upper()
        self.metadata = PhoneMetadata.metadata_for_region(self.region)
        self.country_code = str(self.metadata.country_code) if self.metadata else ""
        prefix = self.metadata.national_prefix if self.metadata else None
        self.national_prefix = prefix or ""
        self._cache: dict[str, Phone | PhoneError] = {}

    def read(self, value: str, hint: str = "") -> Phone:
        """E.164 and kind of ``value``; ``hint`` is the column's or label's kind
        ("mobile", "landline" or ""), used only when the number could be either."""
        found = self._cache.get(value)
        if found is None:
            try:
                found = self._normalise(value)
            except PhoneError as error:
                found = error
            self._cache[value] = found
        if isinstance(found, PhoneError):
            raise found
        if found.kind == "either":
            return Phone(found.e164, PHONE_LANDLINE if hint == PHONE_LANDLINE else PHONE_MOBILE,
                         found.extension)  # fmt: skip
        return found

    def _normalise(self, value: str) -> Phone:
        text = unicodedata.normalize("NFKC", value).strip().lstrip("'")
        extension = ""
        match = _EXTENSION.search(text)
        if match:
            extension, text = match.group(1), text[: match.start()]
        text = text.translate(_SEPARATORS)
        if not text:
            raise PhoneError(Problem(TOO_SHORT))
        if text.startswith("00"):
            text = "+" + text[2:]
        if not _SHAPE.fullmatch(text):
            raise PhoneError(Problem(NOT_A_NUMBER))
        phone = self._fast(text) or self._parsed(text)
        if phone is None and self.country_code and text.startswith(self.country_code):
            # 81901234567: stored as a number, the + lost.
            phone = self._fast("+" + text) or self._parsed("+" + text)
        if phone is None:
            if len(text.lstrip("+")) < 8:
                raise PhoneError(Problem(TOO_SHORT))
            raise PhoneError(Problem(NOT_VALID))
        return Phone(phone[0], phone[1], extension)

    def _fast(self, text: str) -> tuple[str, str] | None:
        """Without ``parse``: the region's national prefix, or + and a one-region code."""
        if text.startswith("+"):
            digits = text[1:]
            for size in (1, 2, 3):
                regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(digits[:size] or 0))
                if regions:
                    break
            else:
                return None
            national = digits[size:]
            if len(regions) != 1 or national.startswith("0"):
                return None  # +1, +44…: the region depends on the number; +81 0…: parse
            metadata = PhoneMetadata.metadata_for_region(regions[0])
            code = digits[:size]
        else:
            metadata, code = self.metadata, self.country_code
            if metadata is None:
                return None
            prefix = self.national_prefix
            national = text[len(prefix) :] if prefix and text.startswith(prefix) else text
            if national.startswith("0"):
                return None  # 000…, 0037…: carrier codes and the like, parse knows them
        if metadata is None:
            return None
        kind = _kind(_number_type_helper(national, metadata))
        return (f"+{code}{national}", kind) if kind else None

    def _parsed(self, text: str) -> tuple[str, str] | None:
        try:
            number = phonenumbers.parse(text, self.region)
        except phonenumbers.NumberParseException:
            return None
        kind = _kind(phonenumbers.number_type(number))
        if not kind:
            return None
        return f"+{number.country_code}{phonenumbers.national_significant_number(number)}", kind


def _kind(number_type: int) -> str:
    """mobile, landline, other, "either" (the number cannot tell), or "" (not valid)."""
    if number_type == PhoneNumberType.UNKNOWN:
        return ""
    if number_type == PhoneNumberType.MOBILE:
        return PHONE_MOBILE
    if number_type == PhoneNumberType.FIXED_LINE_OR_MOBILE:
        return "either"
    if number_type == PhoneNumberType.FIXED_LINE:
        return PHONE_LANDLINE
    return PHONE_OTHER


def normalise_phone(value: str, region: str, hint: str = "") -> Phone:
    """One number, without a cache (the contact dialog's)."""
    return PhoneReader(region).read(value, hint)


def default_region(locale_name: str) -> str:
    """JP for a Japanese locale, else the locale's own country.

    A locale that names no country (C, POSIX, "en") gives JP: Koe's first
    customers are Japanese businesses.
    """
    if locale_name.lower().startswith("ja"):
        return "JP"
    match = re.match(r"^[a-z]{2,3}[_-]([A-Za-z]{2})\b", locale_name)
    return match.group(1).upper() if match else "JP"
