"""What the exports say about scores, read back as a person reads them: each kind's
band names (the workbook through openpyxl, the PDF through pdftotext, the CSV as
text) and the NPS interval of the PDF report when it reaches +100."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from exports import responses_csv as exports
from exports import responses_xlsx as xlsx_export
from exports.report_pdf import report_pdf
from storage import responses
from storage.export_summary import report_data
from surveys.model import Survey
from tests.conftest import make_survey

NPS_WORDS = re.compile(r"promoter|passive|detractor|推奨者|中立者|批判者", re.IGNORECASE)

# Scores answered, and each band's count the summary must show, best band first.
CASES = {
    # CSAT 1–5: 4–5 satisfied, 3 neutral, 1–2 dissatisfied.
    "csat": (
        [5, 5, 4, 3, 2, 1],
        {"en": ["Satisfied", "Neutral", "Dissatisfied"], "ja": ["満足", "どちらでもない", "不満"]},
        [3, 1, 2],
    ),
    # CES 1–7 (agreement that it was easy): 5–7 easy, 4 neutral, 1–3 difficult.
    "ces": (
        [7, 6, 4, 4, 2],
        {"en": ["Easy", "Neutral", "Difficult"], "ja": ["簡単", "どちらでもない", "難しい"]},
        [2, 2, 1],
    ),
}


def answered(workspace, kind: str) -> Survey:
    survey = make_survey(workspace, kind, languages=("ja", "en"))
    qid = survey.headline_question.qid
    for score in CASES[kind][0]:
        responses.record(workspace.db(), survey, {qid: score}, language="ja")
    return survey


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


@pytest.mark.parametrize("kind", ["csat", "ces"])
def test_workbook_summary_names_the_kinds_own_bands(workspace, tmp_path, kind):
    survey = answered(workspace, kind)
    out = tmp_path / "export.xlsx"
    xlsx_export.write_xlsx(workspace.db(), survey, out)
    book = openpyxl.load_workbook(out, read_only=True)
    rows = [r for r in book["Summary"].iter_rows(values_only=True) if r and r[0]]
    book.close()
    start = rows.index(("band", "count", "share %"))
    _, names, counts = CASES[kind]
    assert [(r[0], r[1]) for r in rows[start + 1 : start + 4]] == list(
        zip(names["en"], counts, strict=True)
    )
    assert not any(NPS_WORDS.search(str(cell)) for row in rows for cell in row if cell)


@pytest.mark.parametrize("kind", ["csat", "ces"])
def test_csv_and_codebook_never_call_the_answers_promoters(workspace, tmp_path, kind):
    survey = answered(workspace, kind)
    stream = io.StringIO()
    exports.write_csv(workspace.db(), survey, stream)
    zone = ZoneInfo("Asia/Tokyo")
    codebook = exports.write_codebook(survey, tmp_path / "codebook.csv", zone).read_text("utf-8")
    assert not NPS_WORDS.search(stream.getvalue() + codebook)


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("kind", ["csat", "ces"])
def test_report_names_the_kinds_own_bands(workspace, tmp_path, kind, language):
    survey = answered(workspace, kind)
    text = pdf_text(report_pdf(report_data(workspace.db(), survey), language), tmp_path)
    _, names, counts = CASES[kind]
    for name, n in zip(names[language], counts, strict=True):
        assert re.search(rf"^\s*{name}\s+{n}\s", text, re.MULTILINE), (name, text)
    assert not NPS_WORDS.search(text), text


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "95% interval: +87 to +100"), ("ja", "95%信頼区間: +87 〜 +100")],
)
def test_report_of_all_promoters_gives_an_interval_below_100(
    workspace, tmp_path, language, expected
):
    # 50 promoters: the plain Wald interval said "+100 to +100", as if 50 answers
    # proved every customer a promoter. Rocks' adjusted Wald: +86.6 to +100.
    survey = make_survey(workspace, "nps", languages=("ja", "en"))
    for _ in range(50):
        responses.record(workspace.db(), survey, {"nps": 10}, language="en")
    text = pdf_text(report_pdf(report_data(workspace.db(), survey), language), tmp_path)
    assert "NPS +100" in text
    assert expected in text, text
