"""Each kind names its own bands where a person reads them: the Responses tab and the
Comments page (list, filter, detail) call a CSAT answer satisfied or dissatisfied and
a CES answer easy or difficult, never a promoter or a detractor; in English and Japanese."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from storage import responses
from storage import settings as settings_store
from surveys.model import Survey
from tests.conftest import make_survey
from tests.ui.showing import open_responses, shown_results_page
from ui.comments.model import COL_BAND, COL_TEXT
from ui.main_window import MainWindow
from ui.results import response_table_model as columns

NPS_WORDS = re.compile(r"promoter|passive|detractor|推奨者|中立者|批判者", re.IGNORECASE)

# Score → the band's name, for each kind and language.
NAMES = {
    "csat": {
        "en": {5: "Satisfied", 3: "Neutral", 1: "Dissatisfied"},
        "ja": {5: "満足", 3: "どちらでもない", 1: "不満"},
    },
    "ces": {
        "en": {7: "Easy", 4: "Neutral", 2: "Difficult"},
        "ja": {7: "簡単", 4: "どちらでもない", 2: "難しい"},
    },
}


def answer(workspace, survey: Survey, score: int, comment: str = "") -> None:
    text = next(q for q in survey.questions if q.is_text)
    answers = {survey.headline_question.qid: score, **({text.qid: comment} if comment else {})}
    responses.record(workspace.db(), survey, answers, language="en")


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("kind", ["csat", "ces"])
def test_the_responses_tab_names_each_kinds_bands(qtbot, context, workspace, kind, language):
    survey = make_survey(workspace, kind)
    for score in NAMES[kind][language]:
        answer(workspace, survey, score)
    context.settings = replace(context.settings, language=language)
    window, page = shown_results_page(qtbot, context, survey.id or 0)
    open_responses(qtbot, page)
    model = page.responses.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    shown = {
        model.row_at(row).score: model.index(row, columns.COL_BAND).data()
        for row in range(model.rowCount())
    }
    assert shown == NAMES[kind][language]
    window.grab().save(f"/tmp/koe-responses-{kind}-{language}.png")


@pytest.fixture
def mixed(workspace) -> tuple[Survey, Survey]:
    """An NPS and a CSAT survey, each with a low, a middle and a high score commented."""
    nps = make_survey(workspace, "nps")
    for score, text in ((2, "Too expensive"), (7, "Fine"), (10, "Great staff")):
        answer(workspace, nps, score, text)
    csat = make_survey(workspace, "csat")
    for score, text in ((1, "Cold coffee"), (3, "Okay"), (5, "Lovely cake")):
        answer(workspace, csat, score, text)
    return nps, csat


def comments_page(qtbot, window: MainWindow):
    page = window.pages["comments"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        window.show_page("comments")
    return page


def bands_shown(page) -> dict[str, str]:
    model = page.model
    return {
        model.index(row, COL_TEXT).data(): model.index(row, COL_BAND).data()
        for row in range(model.rowCount())
    }


def band_choices(page) -> list[str]:
    return [page.band.itemText(i) for i in range(page.band.count())]


@pytest.fixture(params=["en", "ja"])
def language(request, workspace) -> str:
    """The app's language, set before the app starts."""
    settings_store.save(workspace.db(), language=request.param)
    return request.param


def test_the_comments_page_names_each_kinds_bands(qtbot, mixed, language, window):
    _nps, csat = mixed
    page = comments_page(qtbot, window)
    words = {
        "en": ("Detractor", "Passive", "Promoter", "Dissatisfied", "Neutral", "Satisfied"),
        "ja": ("批判者", "中立者", "推奨者", "不満", "どちらでもない", "満足"),
    }[language]
    assert bands_shown(page) == dict(
        zip(
            ["Too expensive", "Fine", "Great staff", "Cold coffee", "Okay", "Lovely cake"],
            words,
            strict=True,
        )
    )
    # All surveys: each band is named as each kind calls it.
    choices = band_choices(page)
    if language == "en":
        assert choices == [
            "All categories",
            "Detractors / Dissatisfied",
            "Passives / Neutral",
            "Promoters / Satisfied",
        ]
    else:
        assert choices[1:] == ["批判者 / 不満", "中立者 / どちらでもない", "推奨者 / 満足"]
    # The CSAT survey alone: its own words only, and the filter still works.
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.survey.setCurrentIndex(page.survey.findData(csat.id))
    assert not any(NPS_WORDS.search(text) for text in band_choices(page))
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.band.setCurrentIndex(1)  # the worst band first
    assert list(bands_shown(page)) == ["Cold coffee"]
    # Its detail: the band's name, and a follow-up that does not call it a detractor.
    page.table.selectRow(0)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.case_box.isVisible() and detail.case_box.isEnabled())
    assert words[3] in detail.meta.text()
    assert not NPS_WORDS.search(detail.meta.text() + detail.case_box.title())
    window.grab().save(f"/tmp/koe-comments-{language}.png")
