"""The streaming workbook writer: what goes in reads back the same, in openpyxl and LibreOffice."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from exports import responses_xlsx as xlsx_export
from exports.xlsx_layout import DATE_FORMAT
from exports.xlsx_writer import Book
from storage import responses
from tests.helpers import libreoffice_csv

TRICKY = [
    "a & b < c > d",
    "line one\r\nline two\rthree",
    "  spaces kept  ",
    "=1+1",  # a text, never a formula
    "#N/A",  # a text, never an error
    "\"quoted\" & 'single'",
    "価格が安くて対応も丁寧",
    "😀 emoji",
]


def test_cells_read_back_as_they_were_written(tmp_path):
    out = tmp_path / "book.xlsx"
    moment = datetime(2026, 12, 3, 7, 30, 15)
    with Book(out, date_format=DATE_FORMAT) as book:
        sheet = book.sheet("Data & <more>", [12.0, 30.5, 20.0], freeze_heading=True)
        sheet.append(["number", "text", "date"])
        for i, text in enumerate(TRICKY):
            sheet.append([i - 3, text, moment])
        sheet.append([None, None, date(2026, 1, 2)])  # gaps keep the cells' places
        sheet.append([1.25, True, None, 10**15])
        book.sheet("回答 'two'").append(["second sheet"])

    loaded = openpyxl.load_workbook(out)
    assert loaded.sheetnames == ["Data & <more>", "回答 'two'"]
    data = loaded["Data & <more>"]
    assert data.freeze_panes == "A2"
    assert [data.column_dimensions[c].width for c in "ABC"] == [12.0, 30.5, 20.0]
    rows = list(data.iter_rows(min_row=2))
    assert [r[1].value for r in rows[: len(TRICKY)]] == TRICKY
    assert all(r[1].data_type == "s" for r in rows[: len(TRICKY)])
    assert [r[0].value for r in rows[: len(TRICKY)]] == [i - 3 for i in range(len(TRICKY))]
    assert rows[0][2].is_date and rows[0][2].value == moment
    assert rows[0][2].number_format == DATE_FORMAT
    gap = rows[len(TRICKY)]
    assert (gap[0].value, gap[1].value) == (None, None)
    assert gap[2].value == datetime(2026, 1, 2)
    last = [c.value for c in rows[-1]]
    assert last == [1.25, True, None, 10**15]
    assert loaded["回答 'two'"]["A1"].value == "second sheet"
    loaded.close()

    shown = libreoffice_csv(out, tmp_path)  # the first sheet, as Calc shows it
    assert shown[1][2] == "2026-12-03 07:30:15"
    assert [r[1] for r in shown[1 : len(TRICKY) + 1]] == [
        t.replace("\r\n", "\n").replace("\r", "\n") for t in TRICKY
    ]
    assert shown[4][1] == "=1+1"  # shown as typed: not run


def test_a_failure_while_writing_leaves_no_file(tmp_path):
    out = tmp_path / "book.xlsx"
    with pytest.raises(RuntimeError), Book(out, date_format=DATE_FORMAT) as book:
        book.sheet("one").append(["started"])
        raise RuntimeError("the database went away")
    assert list(tmp_path.iterdir()) == []


def test_the_responses_headings_stay_in_sight(workspace, nps_survey, tmp_path):
    responses.record(workspace.db(), nps_survey, {"nps": 9}, language="en")
    out = tmp_path / "answers.xlsx"
    xlsx_export.write_xlsx(workspace.db(), nps_survey, out)
    book = openpyxl.load_workbook(out)
    assert book["Responses"].freeze_panes == "A2"
    assert book["Summary"].freeze_panes is None
    book.close()


def test_a_failure_while_finishing_leaves_no_file(tmp_path, monkeypatch):
    """The disk fills up as the workbook's last parts are written."""
    out = tmp_path / "book.xlsx"

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError), Book(out, date_format=DATE_FORMAT) as book:
        book.sheet("one").append(["written"])
        monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
    assert list(tmp_path.iterdir()) == []
