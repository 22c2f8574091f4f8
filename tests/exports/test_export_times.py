"""Exports read times in the workspace's time zone, and the workbook speaks the export's
language with columns LibreOffice shows whole.

An answer stored at 22:30 UTC on 2 December came at 07:30 on 3 December in Tokyo:
a person reads the 3rd everywhere, and a program still gets the exact instant.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import UTC, datetime

import openpyxl
import pytest

from exports import responses_csv as exports
from exports import responses_xlsx as xlsx_export
from exports.words import WORDS
from storage import responses
from storage import settings as settings_store
from storage.database import writing
from tests.helpers import libreoffice_profile

TOKYO_MORNING = datetime(2026, 12, 2, 22, 30, tzinfo=UTC)  # 07:30 on 3 Dec in Tokyo
NEW_YORK_SUMMER = datetime(2026, 7, 1, 14, 30, tzinfo=UTC)  # 10:30 EDT (UTC-4)
NEW_YORK_WINTER = datetime(2026, 12, 3, 15, 30, tzinfo=UTC)  # 10:30 EST (UTC-5)


@pytest.fixture
def tokyo(workspace, nps_survey):
    db = workspace.db()
    settings_store.save(db, time_zone="Asia/Tokyo")
    answers = {"nps": 9, "reason": "朝の対応が丁寧でした"}
    responses.record(db, nps_survey, answers, language="ja", now=TOKYO_MORNING)
    return nps_survey


@pytest.fixture
def new_york(workspace, nps_survey):
    db = workspace.db()
    settings_store.save(db, time_zone="America/New_York")
    for moment in (NEW_YORK_SUMMER, NEW_YORK_WINTER):
        responses.record(db, nps_survey, {"nps": 7}, language="en", now=moment)
    return nps_survey


def read_csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_csv_gives_the_shops_time_with_its_offset(workspace, tokyo, tmp_path):
    out = tmp_path / "answers.csv"
    _count, codebook = exports.export_csv(workspace.db(), tokyo, out)
    rows = read_csv(out)
    assert list(rows[0]) == exports.columns(tokyo)  # the header is unchanged
    assert rows[0]["created_at"] == "2026-12-03T07:30:00+09:00"
    assert rows[0]["completed_at"] == "2026-12-03T07:30:00+09:00"
    assert datetime.fromisoformat(rows[0]["created_at"]) == TOKYO_MORNING  # the same instant
    described = {r["column"]: r for r in read_csv(codebook)}
    assert "ISO 8601 with the UTC offset" in described["created_at"]["wording_en"]
    assert "Asia/Tokyo (UTC+09:00)" in described["created_at"]["wording_en"]
    assert "Asia/Tokyo（UTC+09:00）" in described["created_at"]["wording_ja"]


def test_new_york_times_keep_their_summer_and_winter_offsets(workspace, new_york, tmp_path):
    db = workspace.db()
    out = tmp_path / "answers.csv"
    exports.export_csv(db, new_york, out)
    assert [r["created_at"] for r in read_csv(out)] == [
        "2026-07-01T10:30:00-04:00",
        "2026-12-03T10:30:00-05:00",
    ]
    book_path = tmp_path / "answers.xlsx"
    xlsx_export.write_xlsx(db, new_york, book_path)
    book = openpyxl.load_workbook(book_path)
    sheet = book["Responses"]
    assert sheet["B1"].value == "received (America/New_York)"
    assert [sheet[f"B{row}"].value for row in (2, 3)] == [
        datetime(2026, 7, 1, 10, 30),
        datetime(2026, 12, 3, 10, 30),
    ]
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True) if r and r[0]}
    assert summary["time zone"] == "America/New_York (UTC-05:00, or UTC-04:00 in summer time)"


def test_the_workbook_holds_real_dates_of_the_shops_day(workspace, tokyo, tmp_path):
    out = tmp_path / "answers.xlsx"
    xlsx_export.write_xlsx(workspace.db(), tokyo, out)
    book = openpyxl.load_workbook(out)
    for cell in (book["Responses"]["B2"], book["Responses"]["C2"]):
        assert cell.is_date and cell.value == datetime(2026, 12, 3, 7, 30)
    summary = {r[0].value: r[1] for r in book["Summary"].iter_rows() if r[0].value}
    for label in ("first response", "last response"):
        assert summary[label].is_date and summary[label].value == datetime(2026, 12, 3, 7, 30)
    assert summary["time zone"].value == "Asia/Tokyo (UTC+09:00)"
    codebook = {r[1]: r for r in book["Codebook"].iter_rows(values_only=True)}
    assert codebook["created_at"][0] == "received (Asia/Tokyo)"
    assert "local time in Asia/Tokyo (UTC+09:00)" in codebook["created_at"][3]


def workbook_texts(path) -> dict[str, set[str]]:
    """Every text cell of each sheet."""
    book = openpyxl.load_workbook(path, read_only=True)
    texts = {
        sheet.title: {v for row in sheet.iter_rows(values_only=True) for v in row if type(v) is str}
        for sheet in book.worksheets
    }
    book.close()
    return texts


def test_a_japanese_workbook_is_japanese(workspace, tokyo, tmp_path):
    out = tmp_path / "回答.xlsx"
    xlsx_export.write_xlsx(workspace.db(), tokyo, out, language="ja")
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["回答", "集計", "タグ", "nps", "reason", "コードブック"]
    heads = next(book["回答"].iter_rows(values_only=True))
    assert heads == (
        "回答番号", "受信日時（Asia/Tokyo）", "完了日時（Asia/Tokyo）", "言語", "経路",
        "ソースタグ", "nps", "reason",
    )  # fmt: skip
    summary = {r[0]: r[1:] for r in book["集計"].iter_rows(values_only=True) if r and r[0]}
    assert summary["アンケート"][0] == "ネット・プロモーター・スコア"
    assert summary["回答数"][0] == 1 and summary["推奨者"][0] == 1
    assert summary["区分"][:2] == ("件数", "割合 (%)")
    codebook = {r[1]: r for r in book["コードブック"].iter_rows(values_only=True)}
    assert codebook["nps"][5:] == (
        "はい",
        "0〜10 の整数（0 = まったく薦めない、10 = ぜひ薦めたい）",
    )
    assert codebook["reason"][6].startswith("自由記述（2000文字まで）。文字列が = + -")
    book.close()
    # Not one English label is left: the English there is the questions' own English
    # wording and the CSV's column names, which the codebook gives beside the headings.
    english = set(WORDS["en"].values()) - set(WORDS["ja"].values()) - set(exports.columns(tokyo))
    for sheet, texts in workbook_texts(out).items():
        assert not texts & english, sheet


def test_an_english_workbook_is_english(workspace, tokyo, tmp_path):
    out = tmp_path / "answers.xlsx"
    xlsx_export.write_xlsx(workspace.db(), tokyo, out, language="en")
    texts = workbook_texts(out)
    assert list(texts) == ["Responses", "Summary", "Tags", "nps", "reason", "Codebook"]
    japanese = set(WORDS["ja"].values()) - set(WORDS["en"].values())
    for sheet, found in texts.items():
        assert not found & japanese, sheet
    assert {"survey", "responses", "first response", "time zone", "band"} <= texts["Summary"]


def libreoffice_text(source, work) -> str:
    """What LibreOffice Calc shows of every sheet, printed to PDF and read back."""
    command = [
        shutil.which("soffice") or "soffice",
        libreoffice_profile(),
        "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(work), str(source),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    pdf = work / (source.stem + ".pdf")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("options", [{}, {"language": "ja"}], ids=["en", "ja"])
def test_libreoffice_shows_every_number_and_date_whole(workspace, tokyo, tmp_path, options):
    """``###`` is what a spreadsheet shows for a number or a date wider than its column."""
    db = workspace.db()
    for score in range(11):
        responses.record(db, tokyo, {"nps": score, "reason": "x"}, language="en", now=TOKYO_MORNING)
    # An answer beyond the scale, as a hand-edited file or an old version could hold.
    with writing(db):
        db.execute("UPDATE answers SET value_num = 1234567 WHERE value_num = 10")
    out = tmp_path / "answers.xlsx"
    xlsx_export.write_xlsx(db, tokyo, out, **options)
    shown = libreoffice_text(out, tmp_path)
    assert shown.count("2026-12-03 07:30:00") >= 12 * 2  # the dates are there, whole
    assert "1234567" in shown and "18.18" in shown and "9.09" in shown
    assert "###" not in shown
