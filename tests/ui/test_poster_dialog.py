"""Save poster… on the Surveys page's detail pane: A4/A6, a source tag, a PDF that scans."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from channels.links import public_link
from tests.conftest import make_survey
from ui.main_window import MainWindow
from ui.pages.surveys_page import SurveysPage
from ui.send.poster_dialog import PosterDialog, poster_question

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
