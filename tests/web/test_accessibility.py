"""axe-core on every kind of respondent page: no serious or critical violation.

axe-core comes from PyPI: the ``axe.min.js`` that ``axe-playwright-python`` ships
(pinned in pyproject.toml, so ``uv sync`` brings it; no npm step). The site's
Content-Security-Policy allows no inline script, so the axe run alone uses a
browser context that bypasses it; the pages are otherwise exactly as served.
Each page is checked in light and dark colours, at phone size.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from channels.links import new_token
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.model import SurveyStatus
from tests.conftest import make_survey
from tests.web.conftest import BUSINESS, Site, every_type_survey, phone_context, save_screenshots

pytestmark = pytest.mark.browser

AXE = files("axe_playwright_python") / "axe.min.js"
BLOCKING = {"serious", "critical"}
SCHEMES = ("light", "dark")


@pytest.fixture(scope="module")
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


class Phones:
    """Phone-sized pages (CSP bypassed for axe alone); ``check()`` runs axe on each one
    open, in light and in dark colours (the page's CSS follows prefers-color-scheme).

    axe needs JavaScript: a page reached without it is opened again, by its
    address, in a window with JavaScript for the check.
    """

    def __init__(self, browser: Browser, axe_source: str, name: str) -> None:
        self.browser = browser
        self.axe_source = axe_source
        self.name = name
        self.contexts: list[tuple[BrowserContext, str, bool]] = []

    def open(self, *, locale: str = "en-US", javascript: bool = True) -> Page:
        context = phone_context(
            self.browser, locale=locale, bypass_csp=True, java_script_enabled=javascript
        )
        self.contexts.append((context, locale, javascript))
        return context.new_page()

    def check(self) -> None:
        checked: list[Page] = []
        for context, locale, javascript in list(self.contexts):
            for page in context.pages:
                if not javascript:
                    again = self.open(locale=locale)
                    again.goto(page.url)
                    page = again
                checked.append(page)
        assert checked
        for scheme in SCHEMES:
            for number, (context, _, _) in enumerate(self.contexts):
                for page in context.pages:
                    page.emulate_media(color_scheme=scheme)
                save_screenshots(context, f"{self.name}-{scheme}-{number + 1}")
            for page in checked:
                assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (
                    scheme == "dark"
                )
                assert_accessible(page, self.axe_source)


@pytest.fixture
def phones(browser: Browser, request: pytest.FixtureRequest, axe_source: str) -> Iterator[Phones]:
    made = Phones(browser, axe_source, f"axe-{request.node.name}")
    try:
        yield made
    finally:
        for context, _, _ in made.contexts:
            context.close()


def assert_accessible(page: Page, axe_source: str) -> None:
    if page.evaluate("typeof axe") == "undefined":
        page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(" "))}))"""
    )
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], f"{page.url}: {blocking}"


def personal(
    workspace: Workspace, survey_id: int, *, contact: bool = True, language: str | None = None
) -> str:
    """A personal link; its pages speak the contact's ``language`` (not the phone's)."""
    contact_id = (
        contact_store.add(workspace.db(), name="Aoi", email="aoi@example.com", language=language)
        if contact
        else None
    )
    token = new_token()
    delivery_store.create(
        workspace.db(), survey_id=survey_id, token=token, channel="email", contact_id=contact_id
    )
    return token


def test_nps_page_in_english(phones: Phones, site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("en", "ja"), company=BUSINESS)
    page = phones.open()
    page.goto(f"{site.url}/s/{survey.slug}")
    page.get_by_role("radio", name="3", exact=True).click()  # the follow-up revealed, too
    phones.check()


def test_nps_page_in_japanese(phones: Phones, site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("ja", "en"), company="ひなた珈琲")
    page = phones.open(locale="ja-JP")
    page.goto(f"{site.url}/s/{survey.slug}")
    assert page.evaluate("document.documentElement.lang") == "ja"
    phones.check()


def test_every_type_page(phones: Phones, site: Site, workspace: Workspace):
    survey = every_type_survey(workspace, follow_up=True)
    page = phones.open()
    page.goto(f"{site.url}/s/{survey.slug}")
    page.get_by_role("radio", name="8", exact=True).click()
    phones.check()


def test_follow_up_page_without_javascript(phones: Phones, site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    page = phones.open(javascript=False)
    page.goto(f"{site.url}/s/{survey.slug}")
    page.get_by_role("radio", name="2", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/next/**")
    phones.check()


def test_page_with_errors(phones: Phones, site: Site, workspace: Workspace):
    survey = every_type_survey(workspace, languages=("en",))
    page = phones.open()
    page.goto(f"{site.url}/s/{survey.slug}")
    page.evaluate("document.querySelector('form').noValidate = true")
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").count() == 1
    phones.check()


def test_thank_you_pages(phones: Phones, site: Site, workspace: Workspace):
    settings_store.save(
        workspace.db(),
        follow_up_detractors=True,
        review_url="https://g.page/r/hinata/review",
        referral_url="https://example.com/refer",
    )
    survey = make_survey(workspace, "nps", company=BUSINESS)
    assert survey.id is not None
    for score, locale in (("1", "en-US"), ("10", "en-US"), ("1", "ja-JP")):
        page = phones.open(locale=locale)
        page.goto(f"{site.url}/r/{personal(workspace, survey.id)}?score={score}")
        page.locator("form button").click()
        page.wait_for_url("**/thanks?*")
    phones.check()


def test_error_pages(phones: Phones, site: Site, workspace: Workspace):
    closed = make_survey(workspace, "nps", status=SurveyStatus.CLOSED)
    for path, locale in (
        ("/s/NoSuchSurvey1", "en-US"),
        ("/nothing/here", "ja-JP"),
        (f"/s/{closed.slug}", "en-US"),
        (f"/u/{new_token()}", "en-US"),
    ):
        phones.open(locale=locale).goto(f"{site.url}{path}")
    phones.check()


def test_too_many_posts_page(phones: Phones, site: Site, workspace: Workspace):
    settings_store.save(workspace.db(), rate_limit_per_minute=1)
    survey = make_survey(workspace, "nps", languages=("ja", "en"))
    page = phones.open(locale="ja-JP")
    for _ in range(2):
        page.goto(f"{site.url}/s/{survey.slug}")
        page.evaluate("document.querySelector('form').noValidate = true")
        page.get_by_role("radio", name="5", exact=True).check()
        with page.expect_navigation():  # sent once the tapped score is kept
            page.locator("form button").click()
    assert page.evaluate("document.title").startswith("少し時間をおいて")
    phones.check()


def test_forged_post_page(phones: Phones, site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    page = phones.open()
    page.goto(f"{site.url}/s/{survey.slug}")
    page.evaluate("document.querySelector('input[name=_csrf]').value = 'forged'")
    page.get_by_role("radio", name="4", exact=True).check()
    page.get_by_role("textbox").fill("Slow")
    with page.expect_navigation():  # sent once the tapped score's beacon is answered
        page.get_by_role("button", name="Send").click()
    assert page.get_by_role("alert").count() == 1
    phones.check()


def test_unsubscribe_pages(phones: Phones, site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    assert survey.id is not None
    page = phones.open()
    page.goto(f"{site.url}/u/{personal(workspace, survey.id)}")
    done = phones.open(locale="ja-JP")
    done.goto(f"{site.url}/u/{personal(workspace, survey.id, language='ja')}")
    done.get_by_role("button").click()
    done.wait_for_load_state()
    assert done.get_by_role("heading", name="配信を停止しました").count() == 1
    phones.check()
