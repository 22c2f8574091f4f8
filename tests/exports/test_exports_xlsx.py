"""The Excel workbook reads back with the CSV's numbers, columns and Japanese text."""

import csv
import io
from datetime import datetime

import openpyxl
import pytest

from exports import responses_csv as exports
from exports import responses_xlsx as xlsx_export
from storage import responses
from storage.export_summary import ExportCancelled


@pytest.fixture
def answered(workspace, nps_survey):
    db = workspace.db()
    for score, reason, language in [
        (10, "価格が安くて対応も丁寧", "ja"),
        (9, "Friendly staff", "en"),
        (7, "", "en"),
        (3, "サポートが遅い", "ja"),
        (0, "Never again", "en"),
    ]:
        answers = {"nps": score, **({"reason": reason} if reason else {})}
        responses.record(db, nps_survey, answers, language=language, source="store-1")
    return nps_survey


def csv_rows(db, survey) -> list[list[str]]:
    stream = io.StringIO()
    exports.write_csv(db, survey, stream)
    return list(csv.reader(io.StringIO(stream.getvalue())))


def test_workbook_matches_the_csv(workspace, answered, tmp_path):
    db = workspace.db()
    out = tmp_path / "export.xlsx"
    assert xlsx_export.write_xlsx(db, answered, out) == 5
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["Responses", "Summary", "Tags", "nps", "reason", "Codebook"]
    sheet = [list(r) for r in book["Responses"].iter_rows(values_only=True)]
    expected = csv_rows(db, answered)
    # The metadata's headings are words (English here), the questions' their ids.
    assert sheet[0][:3] == ["response no.", "received (Asia/Tokyo)", "completed (Asia/Tokyo)"]
    assert sheet[0][3:] == ["language", "channel", "source tag", *expected[0][6:]]
    for got, want in zip(sheet[1:], expected[1:], strict=True):
        got += [None] * (len(want) - len(got))  # read-only mode trims empty trailing cells
        assert isinstance(got[0], int) and isinstance(got[6], int)
        # The CSV's instant with its offset; the workbook's the same wall time, a real date.
        assert isinstance(got[1], datetime)
        assert got[1] == datetime.fromisoformat(want[1]).replace(tzinfo=None)
        assert ["" if v is None else str(v) for v in got[3:]] == want[3:]
    assert sheet[1][7] == "価格が安くて対応も丁寧"
    summary = {r[0]: r[1:] for r in book["Summary"].iter_rows(values_only=True) if r and r[0]}
    assert summary["responses"][0] == 5
    assert summary["NPS"][0] == 0  # 2 promoters, 1 passive, 2 detractors
    assert summary["Promoters"][:2] == (2, 40)
    assert summary["Detractors"][:2] == (2, 40)
    nps_sheet = list(book["nps"].iter_rows(values_only=True))
    counts = {r[0]: r[1] for r in nps_sheet[nps_sheet.index(("score", "count", "share %")) + 1 :]}
    assert counts == {p: (1 if p in (0, 3, 7, 9, 10) else 0) for p in range(11)}
    reason = {r[0]: r[1] for r in book["reason"].iter_rows(values_only=True) if r}
    assert reason["answered"] == 4 and reason["wording (ja)"]
    codebook = [list(r) for r in book["Codebook"].iter_rows(values_only=True)]
    assert codebook[0][:3] == ["heading", "column", "type"]
    assert [r[0] for r in codebook[1:]] == sheet[0]
    assert [r[1] for r in codebook[1:]] == exports.columns(answered)
    book.close()


def test_columns_do_not_depend_on_the_newest_answers(workspace, nps_survey, tmp_path):
    db = workspace.db()
    out = tmp_path / "empty.xlsx"
    xlsx_export.write_xlsx(db, nps_survey, out)
    responses.record(db, nps_survey, {"nps": 8}, language="en")
    later = tmp_path / "later.xlsx"
    xlsx_export.write_xlsx(db, nps_survey, later)
    headers = []
    for path in (out, later):
        book = openpyxl.load_workbook(path, read_only=True)
        headers.append(next(book["Responses"].iter_rows(values_only=True)))
        book.close()
    assert list(headers[0]) == list(headers[1])
    assert list(headers[0][6:]) == exports.columns(nps_survey)[6:] == ["nps", "reason"]


def test_a_cancelled_export_leaves_no_file(workspace, nps_survey, tmp_path, monkeypatch):
    db = workspace.db()
    for _ in range(5):
        responses.record(db, nps_survey, {"nps": 9}, language="en")
    monkeypatch.setattr(xlsx_export, "PROGRESS_EVERY", 2)
    out = tmp_path / "cancelled.xlsx"
    with pytest.raises(ExportCancelled):
        xlsx_export.write_xlsx(db, nps_survey, out, progress=lambda done, total: False)
    assert list(tmp_path.iterdir()) == [tmp_path / "workspace"]


def test_the_tags_sheet_has_stable_keys_beside_both_labels(workspace, answered, tmp_path):
    """Comments were never tagged (no one opened the Comments page): the export tags
    them itself, and a tag is found by its key whatever language the owner uses."""
    out = tmp_path / "tags.xlsx"
    xlsx_export.write_xlsx(workspace.db(), answered, out)
    book = openpyxl.load_workbook(out, read_only=True)
    rows = [r for r in book["Tags"].iter_rows(values_only=True) if r]
    assert rows[0] == ("tag", "label (en)", "label (ja)", "comments", "NPS")
    by_key = {r[0]: r[1:] for r in rows[1:]}
    # support: 10 and 3 → one promoter, one detractor; price: one 10.
    assert by_key["support"] == ("Support", "サポート", 2, 0)
    assert by_key["price"] == ("Price", "価格", 1, 100)
    assert rows[1][0] == "support"  # the most frequent first
