"""The Export dialog writes each format off the GUI thread, shows progress, and a
cancelled export leaves no file behind."""

import csv
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QWidget

from exports import responses_csv as exports
from storage import responses
from tests.conftest import make_survey
from tests.ui.closing import (
    CLOSED_MIDWAY,
    Gate,
    after_each_outcome,
    assert_closed_cleanly,
    close_ways,
    close_with_escape,
    the_user_reads,
    under_the_app_error_hook,
)
from tests.ui.showing import translated
from ui.surveys.export_dialog import ExportDialog
from ui.surveys.page import SurveysPage


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


@pytest.fixture
def gate(monkeypatch):
    """Holds a CSV export after its first row until the test sets it (a slow disk)."""
    gate = Gate()
    original = responses.iter_values

    def slow_rows(db, survey):
        rows = original(db, survey)
        yield next(rows)
        gate.hold()
        # Not ``yield from``: that would close SQLite's cursor after the connection.
        for row in rows:  # noqa: UP028
            yield row

    monkeypatch.setattr(responses, "iter_values", slow_rows)
    monkeypatch.setattr(exports, "PROGRESS_EVERY", 1)
    return gate


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


def test_xlsx_in_the_chosen_language(qtbot, dialog, tmp_path):
    """The owner's language first (Japanese here); English when chosen. No CSV language."""
    out = tmp_path / "r.xlsx"
    export(qtbot, dialog, "xlsx", out)
    assert dialog.language_box.isEnabled()
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[:3] == ["回答", "集計", "タグ"]
    assert [r[6] for r in book["回答"].iter_rows(min_row=2, values_only=True)] == [10, 6, 9]
    book.close()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    export(qtbot, dialog, "xlsx", out)
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[:3] == ["Responses", "Summary", "Tags"]
    book.close()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    assert not dialog.language_box.isEnabled()


def test_pdf_in_english(qtbot, dialog, tmp_path):
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    assert dialog.language_box.isEnabled() and not dialog.bom_box.isEnabled()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    out = tmp_path / "r.pdf"
    export(qtbot, dialog, "pdf", out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "Survey report" in text and "Latest comments" in text


def test_cancel_leaves_no_file(qtbot, dialog, workspace, survey, tmp_path, gate):
    out = tmp_path / "cancelled.csv"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=30_000)
    with qtbot.wait_signal(dialog.job.cancelled, timeout=30000):
        dialog.cancel_button.click()  # while running, Cancel cancels
        gate.set()
    assert "no file" in dialog.status.text() or "書き出していません" in dialog.status.text()
    assert not out.exists() and not list(tmp_path.glob("cancelled*"))
    assert dialog.export_button.isEnabled()


def test_save_chart_image(qtbot, dialog, tmp_path):
    out = tmp_path / "chart.png"
    dialog.save_chart_to(out)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_the_surveys_page_offers_export(qtbot, window, nps_survey):
    from ui.surveys.detail_pane import SurveyDetailPane

    pane = window.findChild(SurveyDetailPane)
    assert pane is not None and pane.export_button.text()


# -- closing and opening again after each outcome -------------------------------------


@pytest.fixture
def surveys_page(qtbot, context, survey):
    window = QWidget()
    window.resize(1000, 640)
    page = SurveysPage(context, window)
    page.resize(window.size())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: page.loaded)
    yield page  # the window, held here, outlives the test


def open_from_page(qtbot, page, survey) -> ExportDialog:
    """Export… on the survey's detail pane, as the user opens the dialog."""
    page.select_survey(survey.id)
    qtbot.waitUntil(lambda: page.shown_survey_id() == survey.id)
    page.detail.export_button.click()
    shown = [d for d in page.findChildren(ExportDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def export_to(qtbot, dialog, out) -> None:
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    dialog.path_edit.setText(str(out))
    with qtbot.wait_signal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    assert out.exists()


def run_to(qtbot, dialog, outcome, tmp_path, gate) -> None:
    """Drive the open dialog to ``outcome``; it stays open, ready for another export."""
    if outcome != "cancel":
        gate.set()  # only a cancelled export needs to be slow
    if outcome == "success":
        export_to(qtbot, dialog, tmp_path / "done.csv")
        return
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    if outcome == "failure":
        not_a_folder = tmp_path / "a file"
        not_a_folder.write_text("not a folder")
        dialog.path_edit.setText(str(not_a_folder / "r.csv"))
        dialog.export_button.click()
        qtbot.waitUntil(dialog.export_button.isEnabled, timeout=30_000)
        assert not (not_a_folder / "r.csv").exists()
    else:
        out = tmp_path / "cancelled.csv"
        dialog.path_edit.setText(str(out))
        dialog.export_button.click()
        qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=30_000)
        dialog.cancel_button.click()  # it reads Cancel while the export runs
        gate.set()
        qtbot.waitUntil(dialog.export_button.isEnabled, timeout=30_000)
        assert not out.exists()
    assert dialog.isVisible()


EXPORT_CLOSES = close_ways("cancel_button")  # it reads Close once the export is over


@under_the_app_error_hook
@after_each_outcome(EXPORT_CLOSES, success_closes=False)
def test_closes_and_opens_again_after_each_outcome(
    qtbot, surveys_page, survey, workspace, tmp_path, gate, unexpected_errors, outcome, close
):
    for _ in range(5):  # enough rows to cancel between two of them
        responses.record(workspace.db(), survey, {"nps": 7}, language="en")
    dialog = open_from_page(qtbot, surveys_page, survey)
    run_to(qtbot, dialog, outcome, tmp_path, gate)
    the_user_reads(qtbot)
    EXPORT_CLOSES[close](dialog)
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)
    gate.set()
    again = open_from_page(qtbot, surveys_page, survey)
    export_to(qtbot, again, tmp_path / "again.csv")
    the_user_reads(qtbot)
    EXPORT_CLOSES[close](again)
    assert_closed_cleanly(qtbot, again, unexpected_errors)


@under_the_app_error_hook
@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_closes_after_an_excel_or_pdf_export(
    qtbot, surveys_page, survey, tmp_path, unexpected_errors, fmt
):
    dialog = open_from_page(qtbot, surveys_page, survey)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
    out = tmp_path / f"report.{fmt}"
    dialog.path_edit.setText(str(out))
    with qtbot.wait_signal(dialog.exported, timeout=30_000):
        dialog.export_button.click()  # the PDF: numbers, charts on the GUI thread, file
    the_user_reads(qtbot)
    close_with_escape(dialog)
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)
    assert out.stat().st_size > 0


@under_the_app_error_hook
@CLOSED_MIDWAY
def test_closing_mid_export_cancels_then_closes(
    qtbot, surveys_page, survey, workspace, tmp_path, gate, unexpected_errors, close
):
    for _ in range(5):
        responses.record(workspace.db(), survey, {"nps": 7}, language="en")
    dialog = open_from_page(qtbot, surveys_page, survey)
    out = tmp_path / "half.csv"
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(gate.reached.is_set, timeout=30_000)
    close(dialog)  # the window stays usable meanwhile: nothing waits on the thread
    assert dialog.isVisible() and dialog.status.text() == "Cancelling…"
    gate.set()
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)
    assert not list(tmp_path.glob("half*"))


# -- where the file goes --------------------------------------------------------------


def test_without_documents_the_file_goes_home(qtbot, home_without_documents, dialog):
    proposed = Path(dialog.path_edit.text())
    assert proposed.parent == home_without_documents
    export(qtbot, dialog, "csv", proposed)
    assert proposed.exists()


def test_without_a_home_folder_the_file_goes_to_the_workspace(
    qtbot, workspace, survey, home_without_documents
):
    home_without_documents.rmdir()
    dialog = ExportDialog(workspace.folder, survey, "ja")
    qtbot.addWidget(dialog)
    proposed = Path(dialog.path_edit.text())
    assert proposed.parent == workspace.folder
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("xlsx"))
    assert Path(dialog.path_edit.text()).parent == workspace.folder


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_folder_gone_before_the_export_is_named_in_plain_words(
    qtbot, workspace, survey, tmp_path, language
):
    folder = tmp_path / "USB stick"
    folder.mkdir()
    with translated(language):
        dialog = ExportDialog(workspace.folder, survey, language)
        qtbot.addWidget(dialog)
        dialog.path_edit.setText(str(folder / "r.csv"))
        folder.rmdir()  # the stick was pulled out after the file was chosen
        dialog.export_button.click()
        text = dialog.status.text()
    assert str(folder) in text
    assert ("does not exist" if language == "en" else "見つかりません") in text
    assert "Errno" not in text and dialog.export_button.isEnabled()


def test_a_folder_gone_during_the_export_is_named_in_plain_words(qtbot, dialog, tmp_path, gate):
    folder = tmp_path / "USB stick"
    folder.mkdir()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    dialog.path_edit.setText(str(folder / "r.csv"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=30_000)
    shutil.rmtree(folder)
    gate.set()
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=30_000)
    text = dialog.status.text()
    assert str(folder) in text and "Errno" not in text


def test_a_chart_image_into_a_missing_folder_is_said_plainly(dialog, tmp_path):
    gone = tmp_path / "gone"
    dialog.save_chart_to(gone / "chart.png")
    assert dialog.status.text() == f"The folder {gone} does not exist. Choose another folder."
    assert not dialog.open_folder_button.isVisible()
