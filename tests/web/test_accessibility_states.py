"""axe-core on the states one tap and the error summary add, on small phones and large text.

Each state (a score tapped and kept, with its status line and the comment
invited; a post with problems and its summary; "Other" chosen and its box
shown) is checked in English and Japanese, at 320 and 390 px wide, with the
text at 100% and 200%, in light, dark and forced colours (Windows high
contrast): no serious or critical violation. Screenshots of each land in
test-artifacts/web/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from storage.workspace import Workspace
from tests.web.conftest import Site, every_type_survey, phone_context, save_screenshots
from tests.web.test_accessibility import assert_accessible
from tests.web.test_accessibility import axe_source as axe_source  # the fixture

pytestmark = pytest.mark.browser

MODES = (
    {"color_scheme": "light", "forced_colors": "none"},
    {"color_scheme": "dark", "forced_colors": "none"},
    {"color_scheme": "light", "forced_colors": "active"},
)


def tapped(page: Page) -> None:
    page.get_by_role("radio", name="3", exact=True).first.click()
    expect(page.get_by_role("status")).not_to_be_empty()


def with_errors(page: Page) -> None:
    page.evaluate("document.querySelector('form').noValidate = true")
    page.locator("input[name=heard][value=other]").check()  # chosen, left unsaid: a problem
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_be_focused()


def other_chosen(page: Page) -> None:
    page.locator("input[name=drinks][value=other]").check()
    expect(page.locator("input[name=drinks__other]")).to_be_visible()


STATES: dict[str, Callable[[Page], None]] = {
    "tapped": tapped,
    "errors": with_errors,
    "other": other_chosen,
}


@pytest.fixture
def contexts(browser: Browser, request: pytest.FixtureRequest) -> Iterator[list[BrowserContext]]:
    made: list[BrowserContext] = []
    try:
        yield made
    finally:
        for number, context in enumerate(made):
            save_screenshots(context, f"axe-{request.node.name}-{number + 1}")
            context.close()


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("text", [100, 200])
def test_tap_error_and_other_states_are_accessible(
    browser: Browser,
    contexts: list[BrowserContext],
    axe_source: str,
    site: Site,
    workspace: Workspace,
    width: int,
    text: int,
):
    survey = every_type_survey(workspace, languages=("en", "ja"), follow_up=True)
    for language in ("en", "ja"):
        for state in STATES.values():
            context = phone_context(
                browser, viewport={"width": width, "height": 844}, bypass_csp=True
            )
            contexts.append(context)
            page = context.new_page()
            if text != 100:
                page.on(
                    "load",
                    lambda page=page: page.add_style_tag(
                        content=f"html {{ font-size: {text}% !important; }}"
                    ),
                )
            page.goto(f"{site.url}/s/{survey.slug}?lang={language}")
            state(page)
            for mode in MODES:
                page.emulate_media(**mode)
                assert_accessible(page, axe_source)
            page.emulate_media(color_scheme="light", forced_colors="none")
