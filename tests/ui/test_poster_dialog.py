"""Save poster… on the Surveys page's detail pane: A4/A6, a source tag, a PDF that scans."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtWidgets import QFileDialog, QWidget

from channels.links import public_link
from exports import poster
from tests.conftest import make_survey
from tests.ui.closing import (
    Gate,
    after_each_outcome,
    assert_closed_cleanly,
    close_ways,
    held,
    the_user_reads,
    under_the_app_error_hook,
)
from ui.main_window import MainWindow
from ui.send.poster_dialog import PosterDialog, open_poster_dialog, poster_question
from ui.surveys.page import SurveysPage

OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@OFFSCREEN_DIALOG
def test_save_poster_from_the_detail_pane(qtbot, window: MainWindow, koe_app, tmp_path: Path):
    survey = make_survey(koe_app.workspace, "nps", languages=("ja", "en"), company="さくら")
    page = window.pages["surveys"]
    assert isinstance(page, SurveysPage)
    page.refresh()
    qtbot.waitUntil(lambda: page.detail.survey is not None and page.detail.survey.id == survey.id)
    qtbot.waitUntil(lambda: page.detail.poster_button.isEnabled())
    page.detail.poster_button.click()
    dialog = page.findChild(PosterDialog)
    assert isinstance(dialog, PosterDialog)
    dialog.size.setCurrentIndex(dialog.size.findData("A6"))
    dialog.source.setText("counter")
    target = tmp_path / "poster.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save_to(target)
    qtbot.waitUntil(lambda: "Poster saved" in page.notice.text())
    text = subprocess.run(
        ["pdftotext", str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    question = poster_question(survey, "")
    assert "".join(question["ja"].split())[:12] in "".join(text.split())
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(target), str(tmp_path / "p")],
        check=True,
    )
    codes = zxingcpp.read_barcodes(Image.open(tmp_path / "p.png"))
    link = public_link(koe_app.context.base_url(), survey.slug, source="counter")
    assert [c.text for c in codes] == [link]


# -- closing and opening again after each outcome -------------------------------------

CLOSES = close_ways("cancel_button")


@pytest.fixture
def poster_gate(monkeypatch) -> Gate:
    """Holds the poster's writing on the worker until the test sets it."""
    return held(monkeypatch, poster, "save_poster")


@pytest.fixture
def parent(qtbot) -> QWidget:
    window = QWidget()
    window.resize(800, 600)
    qtbot.addWidget(window)
    window.show()
    return window


@under_the_app_error_hook
@after_each_outcome(CLOSES)
def test_closes_and_opens_again_after_each_outcome(
    qtbot, parent, context, workspace, tmp_path, poster_gate, unexpected_errors, outcome, close
):
    survey = make_survey(workspace, "nps", languages=("ja", "en"))
    dialog = open_poster_dialog(parent, context, survey)
    assert dialog is not None and dialog.isVisible()
    if outcome == "success":
        poster_gate.set()
        with qtbot.waitSignal(dialog.saved, timeout=10_000):
            dialog.save_to(tmp_path / "first.pdf")  # it closes itself
    elif outcome == "failure":
        poster_gate.set()
        not_a_folder = tmp_path / "a file"
        not_a_folder.write_text("not a folder")
        with qtbot.waitSignal(dialog.failed, timeout=10_000):
            dialog.save_to(not_a_folder / "poster.pdf")
        assert str(not_a_folder) in dialog.status.text() and "Errno" not in dialog.status.text()
        the_user_reads(qtbot)
        CLOSES[close](dialog)
    else:  # closed while the poster is being written
        dialog.save_to(tmp_path / "late.pdf")
        # The first poster loads fpdf and the font: slow on a loaded machine.
        qtbot.waitUntil(poster_gate.reached.is_set, timeout=30_000)
        CLOSES[close](dialog)
        poster_gate.set()
        qtbot.waitUntil(lambda: context.worker.pending == 0, timeout=30_000)
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)

    again = open_poster_dialog(parent, context, survey)
    assert again is not None
    poster_gate.set()
    with qtbot.waitSignal(again.saved, timeout=10_000):
        again.save_to(tmp_path / "again.pdf")
    assert (tmp_path / "again.pdf").read_bytes().startswith(b"%PDF")
    assert_closed_cleanly(qtbot, again, unexpected_errors)


@OFFSCREEN_DIALOG
def test_the_proposed_poster_folder_exists(
    qtbot, home_without_documents, parent, context, workspace, monkeypatch
):
    survey = make_survey(workspace, "nps", languages=("ja", "en"))
    dialog = open_poster_dialog(parent, context, survey)
    proposed: list[str] = []

    def fake_dialog(_parent, _caption, default, _filter):
        proposed.append(default)
        return "", ""  # the user cancels the file dialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    dialog.choose_file()
    assert Path(proposed[0]).parent == home_without_documents
    dialog.reject()
