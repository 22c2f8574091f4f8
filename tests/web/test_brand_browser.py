"""The shop's look in Chromium at 390×844: logo and colour drawn (the policy lets them
through), light and dark, axe-core clean; the thank-you page goes on to the shop's site
after its few seconds, or stays when asked."""

from __future__ import annotations

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page

from storage import settings as settings_store
from storage import site_logo
from storage.logo_files import read_logo_file
from storage.workspace import Workspace
from surveys.colours import brand_shades
from tests.web import test_accessibility
from tests.web.conftest import Site, phone_context, save_screenshots
from tests.web.test_accessibility import Phones
from tests.web.test_brand import SHOP, branded_survey

pytestmark = pytest.mark.browser
axe_source = test_accessibility.axe_source  # the fixtures of the axe-core tests
phones = test_accessibility.phones
COLOUR = "#ff8800"  # orange: too light for white text, adjusted for light mode


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture
def shop(workspace: Workspace, tmp_path):
    settings_store.save(workspace.db(), brand_colour=COLOUR)
    Image.effect_noise((600, 150), 80).convert("RGB").save(tmp_path / "logo.jpg")
    logo = site_logo.save(workspace.db(), read_logo_file(tmp_path / "logo.jpg"))
    assert logo.address.startswith("/static/logo-")  # a separate, cached file
    return branded_survey(workspace)


def _look(page: Page) -> dict:
    return page.evaluate(
        """() => {
            const img = document.querySelector('img.logo');
            return {
                logo: img.complete && img.naturalWidth,
                logoHeight: img.getBoundingClientRect().height,
                button: getComputedStyle(document.querySelector('button[type=submit]'))
                    .backgroundColor,
                heading: getComputedStyle(document.querySelector('h1')).color,
                h1: document.querySelector('h1').textContent,
                intro: document.querySelector('.intro.own').textContent,
            };
        }"""
    )


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_the_page_shows_the_shops_look_light_and_dark_and_passes_axe(
    phones: Phones, site: Site, shop, locale: str
):
    page = phones.open(locale=locale)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{site.url}/s/{shop.slug}")
    page.get_by_role("radio", name="9", exact=True).click()
    shades = brand_shades(COLOUR)
    for scheme, accent in (("light", shades.light), ("dark", shades.dark)):
        page.emulate_media(color_scheme=scheme)
        look = _look(page)
        assert look["logo"] > 0 and look["logoHeight"] == 48
        assert look["button"] == _rgb(accent) and look["heading"] == _rgb(accent)
        chosen = page.evaluate(
            "getComputedStyle(document.querySelector('.points input:checked + span'))"
            ".backgroundColor"
        )
        assert chosen == _rgb(accent)
    english = locale == "en-US"
    assert look["h1"] == ("Hinata Coffee: how was your visit?" if english else "ひなた珈琲のご感想")
    assert look["intro"] == (
        "Two questions about today." if english else "本日のご来店について2問です。"
    )
    assert not [e for e in errors if "Content Security Policy" in e]
    phones.check()


def test_the_policy_is_enforced_and_still_lets_the_look_through(
    browser: Browser, site: Site, shop, request
):
    context = phone_context(browser)  # the policy as served: not bypassed
    try:
        page = context.new_page()
        blocked: list[str] = []
        page.on(
            "console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None
        )
        page.goto(f"{site.url}/s/{shop.slug}")
        assert _look(page)["button"] == _rgb(brand_shades(COLOUR).light)
        assert _look(page)["logo"] > 0
        assert blocked == []
        save_screenshots(context, request.node.name)
    finally:
        context.close()


def _thanks(page: Page, site: Site, slug: str) -> None:
    page.clock.install()
    page.route(
        "https://hinata-coffee.example/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Menu</title><h1>Our menu</h1>"
        ),
    )
    page.goto(f"{site.url}/s/{slug}")
    page.get_by_role("radio", name="9", exact=True).click()
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/thanks**")


def test_thanks_goes_on_to_the_shop_after_five_seconds(phones: Phones, site: Site, shop):
    page = phones.open()
    _thanks(page, site, shop.slug)
    assert page.get_by_text("See you soon at Hinata!").is_visible()
    note = page.get_by_text("Taking you there in 5 seconds.")
    assert note.is_visible()
    phones.check()  # the page with its countdown, light and dark
    page.clock.run_for(4000)
    assert page.url.endswith("/thanks") or "/thanks?" in page.url
    page.clock.run_for(1500)
    page.wait_for_url(SHOP)
    assert page.locator("h1").text_content() == "Our menu"


def test_the_person_may_stay(browser: Browser, site: Site, shop, request):
    context = phone_context(browser)
    try:
        page = context.new_page()
        _thanks(page, site, shop.slug)
        page.get_by_role("button", name="Stay on this page").click()
        page.clock.run_for(10_000)
        assert "/thanks" in page.url
        link = page.get_by_role("link", name="Continue to hinata-coffee.example")
        assert link.is_visible() and link.get_attribute("href") == SHOP
        save_screenshots(context, request.node.name)
    finally:
        context.close()
