"""Dates as shops' files write them, to ISO 8601.

``1990-01-02``, ``1990/1/2``, ``1990.01.02``, ``19900102``, ``1990年1月2日``,
Japanese eras (``平成2年1月2日``, ``H2.1.2``), ``01/02/1990`` (month first in
the US, day first elsewhere; a first number above 12 can only be a day), an
Excel serial day (32875) from a cell Excel stored as a number, a time after
the date (``2024/05/01 13:45``). A birthday without a year (Google's
``--01-02``, Square's ``01-02``, ``1月2日``) is kept as ``--01-02``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

_ERAS = {
    "令和": 2018,
    "r": 2018,
    "平成": 1988,
    "h": 1988,
    "昭和": 1925,
    "s": 1925,
    "大正": 1911,
    "t": 1911,
}
_ERA = re.compile(
    r"^(令和|平成|昭和|大正|[rhst])\s*(\d{1,2}|元)[年./-](\d{1,2})[月./-](\d{1,2})日?$"
)
_YMD = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_MONTH_DAY = re.compile(r"^(?:--|0000-)?(\d{1,2})[-/月](\d{1,2})日?$")
_TIME = re.compile(r"[ t]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?$")
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL = range(1, 80_000)  # 1900-01-01 to 2119: a serial day, not a year or a phone


# What tools write for "no date": Outlook's 0/0/00, a database's zero date.
_NO_DATE = re.compile(r"^0{1,4}[-/.]0{1,2}[-/.]0{1,4}$")


class DateError(ValueError):
    """Not a date this module can read."""


def parse_date(value: str, region: str = "JP") -> str:
    """``value`` as YYYY-MM-DD (or --MM-DD without a year), "" for a tool's way of
    saying "no date" (0/0/00); raises DateError."""
    text = unicodedata.normalize("NFKC", value).strip().lower()
    text = _TIME.sub("", text).strip()
    if _NO_DATE.match(text):
        return ""
    if text.isdigit() and len(text) <= 5 and int(text) in _SERIAL:
        return (_EXCEL_EPOCH + timedelta(days=int(text))).isoformat()
    if match := _ERA.match(text):
        era, year, month, day = match.groups()
        return _iso(_ERAS[era] + (1 if year == "元" else int(year)), int(month), int(day))
    if match := _YMD.match(text) or _COMPACT.match(text):
        return _iso(*map(int, match.groups()))
    if match := _DMY.match(text):
        first, second, year = map(int, match.groups())
        month_first = (region.upper() in ("US", "CA", "PH") and first <= 12) or second > 12
        month, day = (first, second) if month_first else (second, first)
        return _iso(year, month, day)
    if match := _MONTH_DAY.match(text):
        month, day = map(int, match.groups())
        _iso(2000, month, day)  # checks the day exists (29 February included)
        return f"--{month:02d}-{day:02d}"
    raise DateError(value)


def _iso(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise DateError(f"{year}-{month}-{day}") from None
