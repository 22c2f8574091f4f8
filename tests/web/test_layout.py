"""The respondent page's layout on small phones, with large text and in forced colours.

Measured in Debian's Chromium at 320 and 390 px wide, with the text at 100%
and 200% (the root font size doubled, as a phone's larger-text setting does
to a page laid out in rem): every score is a target of at least 44 × 44 px, a
number never breaks ("10" is never "1" over "0"), nothing overflows sideways,
and no heading breaks inside a word. In Windows high contrast (Chromium's
forced-colours emulation) a chosen answer differs from the others by more
than colour.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from storage import settings as settings_store
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.web.conftest import BUSINESS, Site, every_type_survey, phone_context, save_screenshots

pytestmark = pytest.mark.browser

WIDTHS = (320, 390)
TEXT_SIZES = (100, 200)
MIN_TARGET = 44  # px: WCAG 2.5.5's target size, Apple's and Google's guidance


class Phones:
    """Pages at a given width and text size; each test's pages are photographed."""

    def __init__(self, browser: Browser, name: str) -> None:
        self.browser = browser
        self.name = name
        self.contexts: list = []

    def open(self, width: int, text: int = 100, **options: object) -> Page:
        # The CSP allows no inline style: bypassed only to enlarge the text.
        context = phone_context(
            self.browser, viewport={"width": width, "height": 844}, bypass_csp=True, **options
        )
        self.contexts.append(context)
        page = context.new_page()
        page.on("load", lambda: enlarge(page, text))
        return page


def enlarge(page: Page, text: int) -> None:
    if text != 100:
        page.add_style_tag(content=f"html {{ font-size: {text}% !important; }}")


@pytest.fixture
def phones(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Phones]:
    made = Phones(browser, request.node.name)
    try:
        yield made
    finally:
        for number, context in enumerate(made.contexts):
            save_screenshots(context, f"layout-{request.node.name}-{number + 1}")
            context.close()


BOXES = """selector => [...document.querySelectorAll(selector)].map(e => {
    const r = e.getBoundingClientRect();
    return {text: e.textContent.trim(), width: r.width, height: r.height};
})"""

# How many lines each number of the score buttons takes: a Range over its text.
NUMBER_LINES = """() => [...document.querySelectorAll('.points span')].map(span => {
    const range = document.createRange();
    range.selectNodeContents(span.firstChild);
    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    return [span.firstChild.textContent, lines.size];
})"""

# The words of the page's headings (Intl.Segmenter, in the page's language) that
# the browser drew across more than one line.
BROKEN_WORDS = """selector => {
    const lang = document.documentElement.lang;
    const words = new Intl.Segmenter(lang, {granularity: "word"});
    const broken = [];
    for (const heading of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const part of words.segment(node.textContent)) {
                if (!part.isWordLike || part.segment.length < 2) continue;
                const range = document.createRange();
                range.setStart(node, part.index);
                range.setEnd(node, part.index + part.segment.length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(part.segment);
            }
        }
    }
    return broken;
}"""


def overflow(page: Page) -> int:
    """How far the page reaches beyond the window's width (0: no sideways scroll)."""
    return page.evaluate("document.documentElement.scrollWidth - innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("text", TEXT_SIZES)
def test_score_buttons_are_big_and_whole_at_every_text_size(
    phones: Phones, site: Site, workspace: Workspace, width: int, text: int
):
    survey = every_type_survey(workspace, languages=("en", "ja"), follow_up=True)
    for language in ("en", "ja"):
        page = phones.open(width, text)
        page.goto(f"{site.url}/s/{survey.slug}?lang={language}")
        page.get_by_role("radio").first.click()  # the follow-up and status line shown too

        targets = page.evaluate(BOXES, ".points label, .stars label, .list label, .lang a, button")
        small = [t for t in targets if t["width"] < MIN_TARGET or t["height"] < MIN_TARGET]
        links = page.evaluate(BOXES, "footer a")  # words in a line: tall enough to tap
        assert links and [link for link in links if link["height"] < MIN_TARGET] == []
        assert small == [], f"{language} {width}px {text}%: {small}"
        nps = page.evaluate(BOXES, "#q-nps .points label")
        assert len(nps) == 11
        lines = page.evaluate(NUMBER_LINES)
        assert [number for number, count in lines if count != 1] == []
        assert ["10", 1] in lines
        assert overflow(page) == 0


def test_eleven_scores_make_two_rows_on_a_phone(phones: Phones, site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    page = phones.open(320)
    page.goto(f"{site.url}/s/{survey.slug}")

    rows = page.evaluate(
        """() => [...document.querySelectorAll('.points label')]
            .map(l => Math.round(l.getBoundingClientRect().top))"""
    )

    assert len(set(rows)) == 2  # 0–5 over 6–10
    assert rows.count(rows[0]) == 6


@pytest.mark.parametrize("text", TEXT_SIZES)
def test_no_heading_breaks_inside_a_word_at_320_px(
    phones: Phones, site: Site, workspace: Workspace, text: int
):
    settings_store.save(
        workspace.db(),
        review_url="https://g.page/r/hinata/review",
        referral_url="https://example.com/refer",
    )
    survey = make_survey(workspace, "nps", languages=("en", "ja"), company=BUSINESS)
    for language in ("en", "ja"):
        page = phones.open(320, text)
        page.goto(f"{site.url}/s/{survey.slug}/thanks?lang={language}&band=promoter")
        assert page.get_by_role("heading").count() == 3

        # At 200% a line of a Japanese h2 holds seven characters: a phrase longer
        # than that ("おすすめいただけませんか？", 13) cannot but break inside.
        whole = (
            "h1, .brand, .button" if (language, text) == ("ja", 200) else "h1, h2, .brand, .button"
        )
        assert page.evaluate(BROKEN_WORDS, whole) == [], f"{language} at {text}%"
        assert overflow(page) == 0


CHOSEN_STYLE = """selector => [...document.querySelectorAll(selector)].map(e => {
    const s = getComputedStyle(e);
    return {border: s.borderTopWidth, outline: s.outlineStyle + " " + s.outlineWidth,
            background: s.backgroundColor};
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_in_forced_colours_a_choice_is_shown_by_more_than_colour(
    phones: Phones, site: Site, workspace: Workspace, scheme: str
):
    survey = every_type_survey(workspace, languages=("en",))
    page = phones.open(390, forced_colors="active", color_scheme=scheme)
    page.goto(f"{site.url}/s/{survey.slug}")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")

    page.get_by_role("radio", name="7", exact=True).first.click()  # the NPS score
    page.get_by_role("radio", name="Walking past").check()
    page.get_by_role("checkbox", name="Tea").check()
    page.get_by_role("radio", name="3 stars").check()

    scores = page.evaluate(CHOSEN_STYLE, "#q-nps .points span")
    chosen, others = scores[7], scores[:7] + scores[8:]
    assert all(other == others[0] for other in others)
    # Not by colour alone: a thicker border and an outline the others lack.
    assert chosen["border"] == "3px" and others[0]["border"] == "1px"
    assert chosen["outline"].startswith("solid") and others[0]["outline"].startswith("none")
    for question in ("heard", "drinks"):
        rows = page.evaluate(CHOSEN_STYLE, f"#q-{question} .list label")
        widths = sorted({row["border"] for row in rows})
        assert widths == ["1px", "3px"], question
        assert sum(row["border"] == "3px" for row in rows) == 1
    stars = page.evaluate(
        """() => [...document.querySelectorAll('#q-star .stars span')]
            .map(s => getComputedStyle(s).webkitTextStrokeWidth)"""
    )
    assert stars == ["0px", "0px", "0px", "1px", "1px"]  # three filled, two outlined


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("text", TEXT_SIZES)
def test_the_error_summary_and_marked_questions_never_overflow(
    phones: Phones, site: Site, workspace: Workspace, width: int, text: int
):
    survey = every_type_survey(workspace, languages=("en", "ja"))
    for language in ("en", "ja"):
        page = phones.open(width, text)
        page.goto(f"{site.url}/s/{survey.slug}?lang={language}")
        page.evaluate("document.querySelector('form').noValidate = true")
        page.locator("form button[type=submit]").click()
        page.wait_for_load_state()

        links = page.evaluate(BOXES, ".summary a")
        assert len(links) == 9
        assert [link for link in links if link["height"] < MIN_TARGET] == []
        assert overflow(page) == 0, f"{language} {width}px {text}%"
