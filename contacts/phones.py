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
for the type; anything else goes through ``parse``. tests/contacts checks
that both paths agree.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberType

from contacts.model import PHONE_LANDLINE, PHONE_MOBILE, PHONE_OTHER
from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem


class Phone(NamedTuple):
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
_ASCII_SEPARATORS = b" \t\r\n-()[]."


def _is_number(text: str) -> bool:
    """Digits, perhaps after a +: what is left of a phone number once its separators are."""
    return (text[1:] if text.startswith("+") else text).isdigit() and text.isascii()


_EXTENSION = re.compile(
    r"\s*(?:内線|ext\.?|extension|x|#|（内）|\(内\))\s*(\d{1,6})\s*$", re.IGNORECASE
)
_SPLIT = re.compile(r"\s*(?::::|;|\n|／|/|、|,|，)\s*")
_MOBILE_WORDS = re.compile(r"mobile|cell|携帯|iphone|sms|car", re.IGNORECASE)
_FIXED_WORDS = re.compile(r"home|work|business|office|main|fax|自宅|会社|勤務|固定|事務所", re.I)
_MOBILE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


MAYBE_SEVERAL = re.compile(r":::|[;\n／/、,，]")
# ASCII digits and hyphens, the way most files write a number (090-1234-5678): a text
# that needs no trimming, no mark taken off, no splitting.
PLAIN_NUMBER = re.compile(r"[0-9][0-9-]*")


def split_numbers(cell: str) -> list[str]:
    """The numbers of one cell: Google's ``" ::: "``, ``;``, ``/``, line breaks…
    A cell whose parts are not each a phone number's length is one number."""
    if MAYBE_SEVERAL.search(cell) is None:
        return [cell]
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


# A reader keeps what it worked out for each text while texts repeat: after SAMPLE
# texts, it stops when more than DISTINCT of them were distinct.
SAMPLE = 2000
DISTINCT = 0.8


class PhoneReader:
    """Normalises phone numbers for one default region, each distinct text once."""

    def __init__(self, region: str) -> None:
        self.region = (region or "JP").upper()
        self.metadata = PhoneMetadata.metadata_for_region(self.region)
        self.country_code = str(self.metadata.country_code) if self.metadata else ""
        prefix = self.metadata.national_prefix if self.metadata else None
        self.national_prefix = prefix or ""
        self.types = _types(self.metadata) if self.metadata else None
        self._cache: dict[str, Phone | PhoneError] = {}
        self._reads = 0  # while deciding whether the texts repeat (see ``read``)
        self._keep = True

    def read(self, value: str, hint: str = "") -> Phone:
        """E.164 and kind of ``value``; ``hint`` is the column's or label's kind
        ("mobile", "landline" or ""), used only when the number could be either.

        Each distinct text is worked out once, while texts repeat: when the first
        SAMPLE texts were nearly all distinct (a customer list: one number each),
        keeping them would cost a third of reading a plain number, and is stopped."""
        if self._keep:
            found = self._cache.get(value)
            if found is None:
                found = self._cache[value] = self._found(value)
            self._reads += 1
            if self._reads == SAMPLE and len(self._cache) >= DISTINCT * SAMPLE:
                self._keep = False
                self._cache.clear()
        else:
            found = self._found(value)
        if type(found) is not Phone:
            raise found  # type: ignore[misc]
        if found.kind == "either":
            return Phone(found.e164, PHONE_LANDLINE if hint == PHONE_LANDLINE else PHONE_MOBILE,
                         found.extension)  # fmt: skip
        return found

    def _found(self, value: str) -> Phone | PhoneError:
        try:
            return self._plain(value) or self._normalise(value)
        except PhoneError as error:
            return error

    def _plain(self, value: str) -> Phone | None:
        """The commonest shape, 090-1234-5678 (ASCII digits and hyphens after the
        region's national prefix), without the general path's steps; None: another shape."""
        if self.types is None or not self.national_prefix or PLAIN_NUMBER.fullmatch(value) is None:
            return None
        digits = value.replace("-", "")
        size = len(self.national_prefix)
        if not digits.startswith(self.national_prefix) or digits.startswith("0", size):
            return None
        kind = self.types.kind(digits[size:])
        if not kind:
            return None
        # tuple.__new__: a NamedTuple's own constructor is a Python function (a third slower).
        return tuple.__new__(Phone, (f"+{self.country_code}{digits[size:]}", kind, ""))  # type: ignore[return-value]

    def _normalise(self, value: str) -> Phone:
        text = value.strip()
        if text.isascii():  # most are: bytes.translate is ten times faster than str's
            digits = text.encode().translate(None, _ASCII_SEPARATORS).decode()
            if digits[:1] == "'":
                digits = digits.lstrip("'")
            prefix = self.national_prefix
            if (  # 090 1234 5678, (090) 1234-5678: no call to spare
                prefix
                and digits.startswith(prefix)
                and digits.isdigit()
                and not digits.startswith("0", len(prefix))
                and self.types is not None
            ):
                kind = self.types.kind(digits[len(prefix) :])
                if kind:
                    return Phone(f"+{self.country_code}{digits[len(prefix) :]}", kind)
        else:
            text = unicodedata.normalize("NFKC", text).strip()
            digits = text.translate(_SEPARATORS).lstrip("'")
        text = text.lstrip("'")
        extension = ""
        if not _is_number(digits):
            match = _EXTENSION.search(text)
            if match:
                extension, digits = match.group(1), text[: match.start()].translate(_SEPARATORS)
        if not digits:
            raise PhoneError(Problem(TOO_SHORT))
        if digits.startswith("00"):
            digits = "+" + digits[2:]
        if not _is_number(digits):
            raise PhoneError(Problem(NOT_A_NUMBER))
        phone = self._fast(digits) or self._parsed(digits)
        if phone is None and self.country_code and digits.startswith(self.country_code):
            # 819012345678: stored as a number, the + lost.
            phone = self._fast("+" + digits) or self._parsed("+" + digits)
        if phone is None:
            if len(digits.lstrip("+")) < 8:
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
            if self.types is None:
                return None
            prefix = self.national_prefix
            national = text[len(prefix) :] if prefix and text.startswith(prefix) else text
            if national.startswith("0"):
                return None  # 000…, 0037…: carrier codes and the like, parse knows them
            kind = self.types.kind(national)
            return (f"+{self.country_code}{national}", kind) if kind else None
        if metadata is None:
            return None
        kind = _types(metadata).kind(national)
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


class _TypeTable:
    """phonenumbers' ``number_type`` for a national number of one region, its
    patterns compiled once: the same descriptions tried in the same order."""

    ORDER = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager",
             "uan", "voicemail")  # fmt: skip

    def __init__(self, metadata: PhoneMetadata) -> None:
        self.general = self._desc(metadata.general_desc)
        self.others = [d for d in (self._desc(getattr(metadata, n)) for n in self.ORDER) if d]
        self.fixed = self._desc(metadata.fixed_line)
        self.mobile = self._desc(metadata.mobile)
        self.same = bool(metadata.same_mobile_and_fixed_line_pattern)
        # One pattern per length of number, compiled when a number of that length is
        # first seen (None: no number of that length is valid).
        self._by_length: dict[int, re.Pattern[str] | None] = {}

    @staticmethod
    def _desc(desc: object) -> tuple[frozenset[int], re.Pattern[str]] | None:
        pattern = getattr(desc, "national_number_pattern", None)
        if not pattern:
            return None
        return frozenset(getattr(desc, "possible_length", ()) or ()), re.compile(pattern)

    @staticmethod
    def _matches(number: str, desc: tuple[frozenset[int], re.Pattern[str]] | None) -> bool:
        if desc is None:
            return False
        lengths, pattern = desc
        return (not lengths or len(number) in lengths) and pattern.fullmatch(number) is not None

    def _pattern(self, length: int) -> re.Pattern[str] | None:
        """phonenumbers' order for numbers of ``length`` digits, as ONE pattern: the
        general description (a lookahead: in some regions a number can match a type's
        pattern and not it: invalid), then the "other" types, fixed line, mobile,
        each an alternative named after what it gives."""
        if self.general is None:
            return None
        lengths, general = self.general
        if lengths and length not in lengths:
            return None

        def fits(desc: tuple[frozenset[int], re.Pattern[str]]) -> bool:
            return not desc[0] or length in desc[0]

        others = [p.pattern for d in self.others if fits(d) for p in (d[1],)]
        types = []
        if others:
            types.append("(?P<other>" + "|".join(f"(?:{p})" for p in others) + ")")
        if self.fixed is not None and fits(self.fixed):
            types.append(f"(?P<fixed>{self.fixed[1].pattern})")
        if self.mobile is not None and not self.same and fits(self.mobile):
            types.append(f"(?P<mobile>{self.mobile[1].pattern})")
        return re.compile(rf"(?=(?:{general.pattern})\Z)(?:{'|'.join(types) or '(?!)'})")

    def kind(self, number: str) -> str:
        """mobile, landline, other, "either" (fixed line or mobile: the number cannot
        tell), or "" (not a valid number), as ``phonenumbers.number_type`` says."""
        size = len(number)
        pattern = self._by_length.get(size, _UNSEEN)
        if pattern is _UNSEEN:
            pattern = self._by_length[size] = self._pattern(size)
        found = pattern.fullmatch(number) if pattern is not None else None
        if found is None:
            return ""
        which = found.lastgroup  # the alternative that matched (it closes last)
        if which == "mobile":
            return PHONE_MOBILE
        if which == "other":
            return PHONE_OTHER
        if which == "fixed":
            return "either" if self.same or self._matches(number, self.mobile) else PHONE_LANDLINE
        return ""


_TABLES: dict[int, _TypeTable] = {}
_UNSEEN = re.compile("")  # a length not looked at yet


def _types(metadata: PhoneMetadata) -> _TypeTable:
    table = _TABLES.get(id(metadata))
    if table is None:
        table = _TABLES[id(metadata)] = _TypeTable(metadata)
    return table


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
