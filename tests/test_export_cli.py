"""``main.py export --format xlsx`` and the CSV's encoding, as a user runs them."""

import csv
import subprocess
import sys

import openpyxl
import pytest

from storage import responses
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.test_cli import ROOT, koe


@pytest.fixture
def ja_workspace(tmp_path):
    folder = tmp_path / "ws"
    workspace = Workspace.open(folder)
    survey = make_survey(workspace, "nps", languages=("ja", "en"))
    db = workspace.db()
    for score, reason in [(10, "価格が安い"), (6, "対応が遅い ①～③"), (9, "")]:
        answers = {"nps": score, **({"reason": reason} if reason else {})}
        responses.record(db, survey, answers, language="ja")
    workspace.close()
    return folder, survey


def test_xlsx_without_out_is_named_after_the_survey_in_the_current_folder(ja_workspace, tmp_path):
    folder, survey = ja_workspace
    cwd = tmp_path / "here"
    cwd.mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", "--data-dir", str(folder),
         "--survey", str(survey.id), "--format", "xlsx"],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    path = cwd / result.stdout.strip()
    assert path.parent == cwd and path.suffix == ".xlsx" and path.exists()
    assert path.name.startswith("ネット・プロモーター・スコア")
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book["回答"].iter_rows(values_only=True))  # the survey's language: Japanese
    assert [r[6] for r in rows[1:]] == [10, 6, 9]
    assert rows[2][7] == "対応が遅い ①～③"
    book.close()


def test_xlsx_with_out(ja_workspace, tmp_path):
    folder, survey = ja_workspace
    out = tmp_path / "out.xlsx"
    result = koe("export", "--data-dir", str(folder), "--survey", str(survey.id),
                 "--format", "xlsx", "--out", str(out))  # fmt: skip
    assert result.stdout.strip() == str(out)
    assert openpyxl.load_workbook(out, read_only=True).sheetnames[0] == "回答"
    koe("export", "--data-dir", str(folder), "--survey", str(survey.id),
        "--format", "xlsx", "--out", str(out), "--language", "en")  # fmt: skip
    assert openpyxl.load_workbook(out, read_only=True).sheetnames[0] == "Responses"


def test_bom_csv_round_trips_japanese_and_is_not_cp932(ja_workspace, tmp_path):
    folder, survey = ja_workspace
    out = tmp_path / "out.csv"
    koe("export", "--data-dir", str(folder), "--survey", str(survey.id),
        "--format", "csv", "--bom", "--out", str(out))  # fmt: skip
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "価格が安い".encode() in raw and "価格が安い".encode("cp932") not in raw
    with out.open(newline="", encoding="utf-8-sig") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["reason"] for r in rows] == ["価格が安い", "対応が遅い ①～③", ""]
    assert next(iter(rows[0])) == "response_id"  # the BOM is not part of the first header
    codebook = (tmp_path / "out.csv.codebook.csv").read_bytes()
    wording = survey.questions[0].text["ja"]
    assert codebook.startswith(b"\xef\xbb\xbf") and wording.encode() in codebook
