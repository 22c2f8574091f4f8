"""The shop's own look on the respondent pages: logo, brand colour, the survey's heading,
intro and thank-you message, and the way on to the shop's site.

Over HTTP against the real server; tests/web/test_brand_browser.py looks at it in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import re

from PIL import Image

from storage import settings as settings_store
from storage import site_logo
from storage import surveys as survey_store
from storage.logo_files import read_logo_file
from storage.workspace import Workspace
from surveys.colours import brand_shades
from surveys.model import Survey
from surveys.text import LocalText
from tests.conftest import make_survey
from tests.web.conftest import Site, answer
from web.static import STYLE_HASH

SHOP = "https://hinata-coffee.example/menu"


def branded_survey(workspace: Workspace, *, redirect: str = SHOP) -> Survey:
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    survey.heading = LocalText(en="Hinata Coffee: how was your visit?", ja="ひなた珈琲のご感想")
    survey.intro = LocalText(en="Two questions about today.", ja="本日のご来店について2問です。")
    survey.thanks = LocalText(en="See you soon at Hinata!", ja="またのご来店をお待ちしております。")
    survey.redirect_url = redirect
    return survey_store.update(workspace.db(), survey)


def style_of(page: str) -> str:
    # Every page inlines koe.css first (web.static); the shop's look comes after it.
    found = re.search(r"<style>.*?</style>\s*<style>(.*?)</style>", page, re.S)
    assert found, "no brand style on the page"
    return found.group(1)


def test_page_shows_heading_intro_and_colour_allowed_by_its_policy(
    site: Site, workspace: Workspace
):
    settings_store.save(workspace.db(), brand_colour="#FFD700")  # too light for white text
    survey = branded_survey(workspace)

    page = site.client.get(f"/s/{survey.slug}?lang=en")

    assert "<h1>Hinata Coffee: how was your visit?</h1>" in page.text
    assert "Two questions about today." in page.text
    assert "<title>Hinata Coffee: how was your visit?" in page.text
    css = style_of(page.text)
    shades = brand_shades("#ffd700")
    assert f"--accent:{shades.light}" in css and f"--accent:{shades.dark}" in css
    assert shades.light != "#ffd700"  # adjusted, not used as it came
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    policy = page.headers["content-security-policy"]
    assert f"style-src 'self' {STYLE_HASH} 'sha256-{digest}';" in policy
    assert "style=" not in page.text  # nothing inline the policy would block

    japanese = site.client.get(f"/s/{survey.slug}?lang=ja").text
    assert "<h1>ひなた珈琲のご感想</h1>" in japanese and "本日のご来店について2問です。" in japanese


def test_without_a_look_the_page_is_as_before(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    page = site.client.get(f"/s/{survey.slug}")
    assert "<h1>Customer survey</h1>" in page.text
    assert page.text.count("<style>") == 1 and "<img" not in page.text  # koe.css alone
    assert f"style-src 'self' {STYLE_HASH};" in page.headers["content-security-policy"]


def test_a_stored_colour_that_is_no_colour_leaves_koes_own(site: Site, workspace: Workspace):
    settings_store.save(workspace.db(), brand_colour="red;}body{display:none")
    survey = make_survey(workspace, "nps")
    assert site.client.get(f"/s/{survey.slug}").text.count("<style>") == 1  # koe.css alone


def test_a_small_logo_is_inline_and_a_large_one_is_a_cached_file(
    site: Site, workspace: Workspace, tmp_path
):
    survey = make_survey(workspace, "nps")
    Image.new("RGB", (300, 100), (20, 90, 60)).save(tmp_path / "small.png")
    site_logo.save(workspace.db(), read_logo_file(tmp_path / "small.png"))
    page = site.client.get(f"/s/{survey.slug}").text
    assert re.search(
        r'<img class="logo" src="data:image/png;base64,[^"]+" width="144" height="48"'
        r' alt="Hinata Coffee">',
        page,
    ), page

    Image.effect_noise((800, 200), 90).convert("RGB").save(tmp_path / "photo.jpg")
    logo = site_logo.save(workspace.db(), read_logo_file(tmp_path / "photo.jpg"))
    page = site.client.get(f"/s/{survey.slug}").text
    address = f"/static/logo-{logo.digest}.jpg"
    assert f'src="{address}"' in page
    served = site.client.get(address)
    assert served.status_code == 200 and served.content == logo.content
    assert served.headers["content-type"] == "image/jpeg"
    assert "immutable" in served.headers["cache-control"]
    # An old or made-up address is not the logo.
    assert site.client.get("/static/logo-0123456789abcdef.jpg").status_code == 404
    assert site.client.get(f"/static/logo-{logo.digest}.png").status_code == 404


def thanks(site: Site, survey: Survey, language: str = "en") -> str:
    posted = answer(site.client, f"/s/{survey.slug}", {"nps": "7", "_all": "1"}, lang=language)
    assert posted.status_code == 303, posted.text
    return site.client.get(posted.headers["location"]).text


def test_thank_you_page_shows_the_shops_message_and_the_way_on(site: Site, workspace: Workspace):
    survey = branded_survey(workspace)
    page = thanks(site, survey)
    assert "See you soon at Hinata!" in page
    assert f'<a class="button" href="{SHOP}" rel="noopener noreferrer">' in page
    assert "Continue to hinata-coffee.example" in page
    assert "data-redirect" in page and "Stay on this page" in page
    japanese = thanks(site, survey, "ja")
    assert "またのご来店をお待ちしております。" in japanese
    assert "hinata-coffee.example へ進む" in japanese


def test_the_way_on_is_only_ever_the_saved_address(site: Site, workspace: Workspace):
    survey = branded_survey(workspace)
    posted = answer(site.client, f"/s/{survey.slug}", {"nps": "9", "_all": "1"})
    # A tampered address in the request changes nothing.
    page = site.client.get(posted.headers["location"] + "&redirect=https://evil.example&next=x")
    assert "evil.example" not in page.text and SHOP in page.text

    # An address that is not https (say, a synced host given a bad one) is not shown.
    for bad in ("javascript:alert(1)", "http://hinata-coffee.example", "https://localhost"):
        stored = survey_store.get(workspace.db(), survey.id)
        stored.redirect_url = bad
        survey_store.update(workspace.db(), stored)
        page = thanks(site, stored)
        assert "data-redirect" not in page and bad not in page


def test_a_review_offer_keeps_the_person_on_the_page(site: Site, workspace: Workspace):
    settings_store.save(workspace.db(), review_url="https://g.page/r/hinata/review")
    page = thanks(site, branded_survey(workspace))
    assert SHOP in page  # the link is there ...
    assert "data-redirect" not in page  # ... but nothing takes them away from the offer


def test_the_designers_preview_shows_the_look_too(site: Site, workspace: Workspace, tmp_path):
    settings_store.save(workspace.db(), brand_colour="#0f5fa6")
    Image.new("RGB", (300, 100), (20, 90, 60)).save(tmp_path / "logo.png")
    site_logo.save(workspace.db(), read_logo_file(tmp_path / "logo.png"))
    survey = branded_survey(workspace)
    survey.extra["preview_token"] = token = "p" * 22
    survey_store.update(workspace.db(), survey)

    page = site.client.get(f"/preview/{token}?lang=ja")
    assert (
        "<h1>ひなた珈琲のご感想</h1>" in page.text and "本日のご来店について2問です。" in page.text
    )
    assert '<img class="logo" src="data:image/png' in page.text
    assert "--accent:#0f5fa6" in style_of(page.text)
    done = site.client.post(
        f"/preview/{token}?lang=ja",
        data={"nps": "9", "_all": "1", "_csrf": ""},
    )
    assert "またのご来店をお待ちしております。" in done.text
