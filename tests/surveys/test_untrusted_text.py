"""The one rule every exporter writes text by, its inverse for the contacts import,
and the batch check that lets the CSV export skip the cell-by-cell work."""

from __future__ import annotations

import csv
import io
from itertools import product

import pytest

from surveys.untrusted_text import (
    csv_may_need_marks,
    from_spreadsheet,
    has_control_characters,
    spreadsheet_row,
    spreadsheet_text,
)


@pytest.mark.parametrize(
    ("typed", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+819012345678", "'+819012345678"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝１＋１", "'＝１＋１"),
        ("'=1+1", "''=1+1"),
        ("'Tis", "'Tis"),
        ("a=b", "a=b"),
        ("", ""),
        ("2026-01-01T10:00:00+00:00", "2026-01-01T10:00:00+00:00"),
        ("bad\x00\x1b[2J", "bad\ufffd\ufffd[2J"),
        ("\x00=1", "\ufffd=1"),  # the NUL is shown, and the cell no longer begins with =
        ("=\x07", "'=\ufffd"),
        ("line\nbreak\ttab", "line\nbreak\ttab"),
    ],
)
def test_a_text_becomes_a_cell_no_spreadsheet_runs(typed, cell):
    assert spreadsheet_text(typed) == cell


def test_numbers_and_empty_cells_stay_as_they_are():
    assert spreadsheet_row([-1, 2.5, None, "-1"]) == [-1, 2.5, None, "'-1"]


def test_the_import_gets_back_exactly_what_was_exported():
    pieces = ["", "'", "''", "=", "+", "-", "@", "\t", "\r", "＠", "a", " "]
    for parts in product(pieces, repeat=3):
        text = "".join(parts)
        assert from_spreadsheet(spreadsheet_text(text)) == text, repr(text)


def test_control_characters_are_what_no_one_types():
    assert has_control_characters("a\x00") and has_control_characters("\x1b[2J")
    assert has_control_characters("\x7f") and has_control_characters("\x85")
    assert not has_control_characters("改行\nタブ\tCR\r絵文字😀")


def csv_text(rows: list[list[object]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def test_the_batch_check_misses_no_cell_that_needs_a_mark():
    starts = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]
    cells = [
        prefix + start + tail
        for prefix, start, tail in product(["", "'", "''"], starts, ["", "1", 'x"y', "a,b", "\n"])
    ] + ["ok\x00", "\x1b", "a\x7fb"]
    for cell, where in product(cells, range(3)):
        row: list[object] = [1, "2026-01-01T10:00:00+00:00", None]
        row.insert(where, cell)
        text = csv_text([[2, "ja", None, 9, "fine"], row])
        assert spreadsheet_text(cell) != cell
        assert csv_may_need_marks(text), (cell, text)


def test_the_batch_check_lets_ordinary_rows_through():
    rows = [
        [
            i,
            "2026-01-01T10:00:00+00:00",
            None,
            "ja",
            "link",
            "qr",
            9,
            "価格が少し高い, でも美味しい",
        ]
        for i in range(100)
    ] + [[101, "a-b", "x+y", "", None, "'Tis", "multi\nline", 'say "hi"']]
    assert not csv_may_need_marks(csv_text(rows))
