"""Column widths for the Excel workbook, so that no cell shows ``###``.

A spreadsheet shows ``###`` when a number or a date is wider than its column
(a text is clipped instead). A sheet has no widths unless it is given some, and the
default (8.43 characters) is narrower than ``2026-12-03 07:30:00``. Widths are
counted in characters of the default font's digit, as Excel and LibreOffice
measure them; a CJK character is about two digits wide.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime

DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
DATE_WIDTH = len("2026-12-03 07:30:00")  # what DATE_FORMAT shows
WIDE = 2.2  # a CJK character, in digits (Noto Sans CJK beside Calibri/Carlito)
PADDING = 2  # the cell's margins, and a little air
MOST = 60  # a long text is clipped at this width rather than make the sheet unreadable


def text_width(text: str) -> float:
    """How many digits wide ``text`` is (its longest line), CJK characters counting double."""
    return max(
        (
            sum(WIDE if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in line)
            for line in text.splitlines()
        ),
        default=0.0,
    )


def value_width(value: object) -> tuple[float, float]:
    """(width a number or a date needs, width a text would like) of one cell's value."""
    if value is None:
        return 0.0, 0.0
    if isinstance(value, datetime | date):
        return float(DATE_WIDTH), 0.0
    if isinstance(value, int | float):
        return float(len(str(value))), 0.0
    return 0.0, text_width(str(value))


def fit(rows: Iterable[Sequence[object]]) -> list[float]:
    """Each column's width: every number and date whole, texts up to ``MOST``."""
    needed: list[float] = []
    liked: list[float] = []
    for row in rows:
        for column, value in enumerate(row):
            if column == len(needed):
                needed.append(0.0)
                liked.append(0.0)
            number, text = value_width(value)
            needed[column] = max(needed[column], number)
            liked[column] = max(liked[column], text)
    return [max(n, min(t, MOST)) + PADDING for n, t in zip(needed, liked, strict=True)]


def column_width(heading: str, content: float) -> float:
    """A column as wide as its heading (up to ``MOST``) or ``content`` digits, if wider."""
    return max(min(text_width(heading), MOST), content) + PADDING
