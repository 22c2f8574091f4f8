"""The Export dialog writes each format off the GUI thread, shows progress, and a
cancelled export leaves no file behind."""

import csv
import subprocess

import openpyxl
import pytest

from storage import exports, responses
from tests.conftest import make_survey
from ui.export.export_dialog import ExportDialog, ExportThread


@pytest.fixture
def survey(workspace):
    survey = make_survey(workspace, "nps", languages=("ja", "en"))
    db = workspace.db()
    for score, reason in [(10, "価格が安い"), (6, "対応が遅い"), (9, "Great")]:
        responses.record(db, survey, {"nps": score, "reason": reason}, language="ja")
    return survey


@pytest.fixture
def dialog(qtbot, workspace, survey):
    dialog = ExportDialog(workspace.folder, survey, "ja")
    qtbot.addWidget(dialog)
    return dialog


def export(qtbot, dialog, fmt, out):
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
    dialog.path_edit.setText(str(out))
    with qtbot.wait_signal(dialog.exported, timeout=30000) as blocker:
        dialog.export_button.click()
        assert not dialog.export_button.isEnabled()
    assert blocker.args == [str(out)]
    assert dialog.open_folder_button.isVisible() or not dialog.isVisible()
    assert str(out) in dialog.status.text()


def test_csv_with_bom(qtbot, dialog, tmp_path):
    out = tmp_path / "r.csv"
    export(qtbot, dialog, "csv", out)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["reason"] for r in rows] == ["価格が安い", "対応が遅い", "Great"]
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert exports.codebook_path(out).exists()


def test_xlsx(qtbot, dialog, tmp_path):
    out = tmp_path / "r.xlsx"
    export(qtbot, dialog, "xlsx", out)
    book = openpyxl.load_workbook(out, read_only=True)
    assert [r[6] for r in book["Responses"].iter_rows(min_row=2, values_only=True)] == [10, 6, 9]
    book.close()


def test_pdf_in_english(qtbot, dialog, tmp_path):
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    assert dialog.language_box.isEnabled() and not dialog.bom_box.isEnabled()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    out = tmp_path / "r.pdf"
    export(qtbot, dialog, "pdf", out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "Survey report" in text and "Latest comments" in text


def test_cancel_leaves_no_file(qtbot, dialog, workspace, survey, tmp_path, monkeypatch):
    db = workspace.db()
    for _ in range(40):
        responses.record(db, survey, {"nps": 8}, language="en")
    monkeypatch.setattr(exports, "PROGRESS_EVERY", 1)
    out = tmp_path / "cancelled.csv"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    dialog.path_edit.setText(str(out))
    original = ExportThread._progress

    def waits_for_cancel(self, done, total):
        self._stop.wait(10)  # the export is still running when the user clicks Cancel
        return original(self, done, total)

    monkeypatch.setattr(ExportThread, "_progress", waits_for_cancel)
    dialog.export_button.click()
    thread = dialog.thread_
    assert thread is not None
    with qtbot.wait_signal(thread.cancelled, timeout=30000):
        dialog.cancel_button.click()  # while running, Cancel cancels
    assert "no file" in dialog.status.text() or "書き出していません" in dialog.status.text()
    assert not out.exists() and not list(tmp_path.glob("cancelled*"))
    assert dialog.export_button.isEnabled()


def test_save_chart_image(qtbot, dialog, tmp_path):
    out = tmp_path / "chart.png"
    dialog.save_chart_to(out)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_the_surveys_page_offers_export(qtbot, window, nps_survey):
    from ui.pages.survey_detail_pane import SurveyDetailPane

    pane = window.findChild(SurveyDetailPane)
    assert pane is not None and pane.export_button.text()
