"""``main.py export --format pdf``: the report reads back in Japanese and English
(pdftotext) with the Japanese font embedded (pdffonts)."""

import re
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from exports.report_pdf import report_pdf
from storage import responses
from storage import settings as settings_store
from storage.database import writing
from storage.export_summary import report_data
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.test_cli import koe


@pytest.fixture
def answered(tmp_path):
    folder = tmp_path / "ws"
    workspace = Workspace.open(folder)
    survey = make_survey(workspace, "nps", languages=("ja", "en"))
    db = workspace.db()
    for score, reason in [
        (10, "価格が安くて対応も丁寧"),
        (9, "Friendly staff"),
        (3, "サポートが遅い"),
    ]:
        responses.record(db, survey, {"nps": score, "reason": reason}, language="ja")
    for _ in range(2):
        responses.record(db, survey, {"nps": 7}, language="en")
    workspace.close()
    return folder, survey


def pdf_text(path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    return out.split("\f")[:-1]  # one string a page


@pytest.mark.parametrize(
    ("language", "expected_first", "expected_second"),
    [
        ("ja", ["アンケート結果レポート", "NPS +20", "95%信頼区間", "回答数: 5", "推奨者", "批判者",
                "回答が30件未満"], ["最新のコメント", "価格が安くて対応も丁寧", "スコア 3"]),
        ("en", ["Survey report", "NPS +20", "95% interval", "Responses: 5", "Promoters",
                "Detractors", "Fewer than 30 answers"], ["Latest comments", "Friendly staff",
                                                         "score 10"]),
    ],
)  # fmt: skip
def test_report_pages_and_text(answered, tmp_path, language, expected_first, expected_second):
    folder, survey = answered
    out = tmp_path / f"report-{language}.pdf"
    result = koe("export", "--data-dir", str(folder), "--survey", str(survey.id),
                 "--format", "pdf", "--language", language, "--out", str(out))  # fmt: skip
    assert result.stdout.strip() == str(out)
    pages = pdf_text(out)
    assert len(pages) == 2
    for text in expected_first:
        assert text in pages[0], text
    assert survey.title.get_for(language) in pages[0]
    for text in expected_second:
        assert text in pages[1], text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]  # fmt: skip
    assert fonts and all(" yes yes " in line for line in fonts)
    assert any("KoeSansJP" in line for line in fonts)  # Koe's own Japanese font


def test_pdf_without_out_goes_to_the_current_folder(answered, tmp_path):
    folder, survey = answered
    here = tmp_path / "here"
    here.mkdir()
    import sys

    from tests.test_cli import ROOT

    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", "--data-dir", str(folder),
         "--survey", str(survey.id), "--format", "pdf"],
        cwd=here, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    path = here / result.stdout.strip()
    assert path.parent == here and path.suffix == ".pdf"
    assert "アンケート結果レポート" in pdf_text(path)[0]  # the survey's first language


@pytest.mark.parametrize(
    ("language", "rows", "keys_not_shown"),
    [
        # support: 10 and 3 → one promoter, one detractor → NPS +0.
        ("ja", [r"サポート\s+2\s+\+0", r"価格\s+1\s+\+100", r"スタッフ\s+1\s+\+100",
                r"スピード\s+1\s+-100"], ["price", "support", "Price"]),
        ("en", [r"Support\s+2\s+\+0", r"Price\s+1\s+\+100", r"Staff\s+1\s+\+100",
                r"Speed\s+1\s+-100"], ["価格", "price "]),
    ],
)  # fmt: skip
def test_report_lists_top_tags_in_its_language(answered, tmp_path, language, rows, keys_not_shown):
    """The tags come from the keyword lists although no one opened the Comments page
    (nothing stored them yet): the read-only export tags the comments itself."""
    folder, survey = answered
    out = tmp_path / f"tags-{language}.pdf"
    koe("export", "--data-dir", str(folder), "--survey", str(survey.id),
        "--format", "pdf", "--language", language, "--out", str(out))  # fmt: skip
    page = pdf_text(out)[1]
    heading, after = {"ja": ("よく挙がるタグ", "最新のコメント"), "en": ("Top tags", "Latest")}[
        language
    ]
    tags = page[page.index(heading) : page.index(after)]
    for row in rows:
        assert re.search(row, tags), (row, tags)
    for key in keys_not_shown:
        assert key not in tags
    # Most frequent first.
    assert tags.index(rows[0].split("\\")[0]) < tags.index(rows[1].split("\\")[0])


def test_report_survives_control_characters_and_keeps_words_apart(tmp_path):
    """A comment stored with a tab between words and NUL, SOH and ESC in it (written
    straight into the file): the report is written, says nothing on stderr but its
    one line, and shows the words as words."""
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        survey = make_survey(workspace, "nps")
        db = workspace.db()
        responses.record(db, survey, {"nps": 3, "reason": "placeholder"}, language="en")
        with writing(db):
            db.execute(
                "UPDATE answers SET value_text = ? WHERE value_text = 'placeholder'",
                ["Cold\tcoffee\x00 and\x01 slow\x1b[2J service\r\nNever again"],
            )
    out = tmp_path / "report.pdf"

    result = koe("export", "--data-dir", str(folder), "--survey", str(survey.id),
                 "--format", "pdf", "--language", "en", "--out", str(out))  # fmt: skip

    assert result.stderr.strip().splitlines() == [f"report of 1 responses written to {out}"]
    page = pdf_text(out)[1]
    assert re.search(r"Cold coffee and slow\[2J service\s+Never again", page), page


@pytest.mark.parametrize(
    ("zone", "moments", "language", "period", "days", "not_days"),
    [
        # 00:30 on 1 Sep and 07:30 on 3 Dec in Tokyo: still 31 Aug and 2 Dec in UTC.
        ("Asia/Tokyo", ("2026-08-31T15:30:00+00:00", "2026-12-02T22:30:00+00:00"), "en",
         "Period: 1 Sep 2026 – 3 Dec 2026 (Asia/Tokyo)", ["2026-09-01", "2026-12-03"],
         ["2026-08-31", "2026-12-02"]),
        ("Asia/Tokyo", ("2026-08-31T15:30:00+00:00", "2026-12-02T22:30:00+00:00"), "ja",
         "期間: 2026年9月1日〜2026年12月3日（Asia/Tokyo）", ["2026-09-01", "2026-12-03"],
         ["2026-08-31", "2026-12-02"]),
        # 23:30 in New York, in summer time (UTC-4) and in winter (UTC-5): the next day in UTC.
        ("America/New_York", ("2026-07-01T03:30:00+00:00", "2026-12-03T04:30:00+00:00"), "en",
         "Period: 30 Jun 2026 – 2 Dec 2026 (America/New_York)", ["2026-06-30", "2026-12-02"],
         ["2026-07-01", "2026-12-03"]),
    ],
)  # fmt: skip
def test_report_reads_times_in_the_workspaces_zone_and_states_its_period(
    tmp_path, zone, moments, language, period, days, not_days
):
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        survey = make_survey(workspace, "nps", languages=("ja", "en"))
        db = workspace.db()
        settings_store.save(db, time_zone=zone)
        for moment, reason in zip(moments, ("最初の回答です", "最新の回答です"), strict=True):
            at = datetime.fromisoformat(moment)
            responses.record(db, survey, {"nps": 8, "reason": reason}, language="ja", now=at)
    out = tmp_path / f"period-{language}.pdf"
    koe("export", "--data-dir", str(folder), "--survey", str(survey.id),
        "--format", "pdf", "--language", language, "--out", str(out))  # fmt: skip
    pages = pdf_text(out)
    assert period in pages[0]
    when = r"\d{4}-\d\d-\d\d \d\d:\d\d"
    made = {"en": rf"Generated {when} \({zone}\)", "ja": rf"作成日時 {when}（{zone}）"}
    assert re.search(made[language], pages[0])  # the time it was made, in the same zone
    comments = pages[1]
    for day in days:
        assert day in comments
    for day in not_days:
        assert day not in comments
    shot = Path(tempfile.gettempdir()) / f"koe-report-period-{zone.split('/')[1]}-{language}"
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out), str(shot)],
                   check=True)  # fmt: skip


def test_a_report_without_responses_says_so_for_its_period(tmp_path):
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        survey = make_survey(workspace, "nps", languages=("ja", "en"))
    out = tmp_path / "empty.pdf"
    koe("export", "--data-dir", str(folder), "--survey", str(survey.id),
        "--format", "pdf", "--language", "ja", "--out", str(out))  # fmt: skip
    assert "期間: 回答はまだありません" in pdf_text(out)[0]


def test_the_time_a_report_was_made_reads_in_the_workspaces_zone(workspace, tmp_path):
    survey = make_survey(workspace, "nps", languages=("ja", "en"))
    db = workspace.db()
    settings_store.save(db, time_zone="Asia/Tokyo")
    out = tmp_path / "made.pdf"
    made_at = datetime.fromisoformat("2026-12-02T22:30:00+00:00")
    out.write_bytes(report_pdf(report_data(db, survey), "en", now=made_at))
    assert "Generated 2026-12-03 07:30 (Asia/Tokyo)" in pdf_text(out)[0]
