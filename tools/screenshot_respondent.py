"""Screenshots of the respondent pages at phone size, for the README and for review.

Makes throw-away workspaces in a temporary folder with an open NPS survey and
a survey with a question of every type, in English and in Japanese, serves
each on 127.0.0.1 with the real embedded server, and photographs them with
Debian's Chromium through Playwright (emoji need fonts-noto-color-emoji):

    uv run python tools/screenshot_respondent.py [OUT_DIR]   # default docs/screenshots/

Writes respondent-en.png (NPS with JavaScript: the follow-up on the same
page), respondent-en-detractor.png (a low score chosen: the follow-up
reworded), respondent-en-dark.png, respondent-ja.png, respondent-error.png,
respondent-thanks.png (after a real answer typed and sent in the browser),
respondent-nojs.png and respondent-follow-up.png (without JavaScript: the
score page, then the follow-up page for a detractor), respondent-types-en.png,
respondent-types-ja.png and respondent-types-dark.png (every question type).

And the pages around the answer, each in English and Japanese (-en, -ja):
respondent-thanks-detractor (the follow-up promised, the review link),
respondent-thanks-promoter (the referral programme, the review link),
respondent-unsubscribe and respondent-unsubscribed (the one button, then the
confirmation), respondent-429 (too many posts from one address) and
respondent-403 (a post whose anti-forgery token was lost).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from channels.links import new_slug, new_token  # noqa: E402
from storage import contacts as contact_store  # noqa: E402
from storage import deliveries as delivery_store  # noqa: E402
from storage import settings as settings_store  # noqa: E402
from storage import surveys as survey_store  # noqa: E402
from storage.workspace import Workspace  # noqa: E402
from surveys.model import SurveyStatus  # noqa: E402
from surveys.templates import survey_from_template  # noqa: E402
from tests.web.samples import every_type_survey  # noqa: E402
from web.app import create_app  # noqa: E402
from web.server import EmbeddedServer  # noqa: E402

PHONE = {"width": 390, "height": 844}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def serving(folder: Path, business: str, languages: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """Serve a new workspace in ``folder``; yields the links of its NPS and every-type surveys."""
    workspace = Workspace.open(folder)
    try:
        db = workspace.db()
        settings_store.save(db, business_name=business, privacy_url="https://example.com/privacy")
        survey = survey_from_template("nps", languages=languages, company=business)
        survey.slug = new_slug()
        stored = survey_store.create(db, survey)
        assert stored.id is not None
        survey_store.set_status(db, stored.id, SurveyStatus.OPEN)
        every = every_type_survey(workspace, languages=languages, follow_up=True)
        server = EmbeddedServer(create_app(workspace), port=0)
        server.start()
        try:
            yield f"{server.url}/s/{survey.slug}", f"{server.url}/s/{every.slug}"
        finally:
            server.stop()
    finally:
        workspace.close()


def phone_page(
    browser: Browser, locale: str, scheme: str = "light", *, javascript: bool = True
) -> Page:
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale=locale,
        color_scheme=scheme,  # type: ignore[arg-type]
        java_script_enabled=javascript,
    )
    return context.new_page()


def shoot(page: Page, url: str | None, out: Path, *, full_page: bool = True) -> None:
    if url is not None:
        page.goto(url)
    page.screenshot(path=str(out), full_page=full_page)
    print(out)


def take_all(
    browser: Browser, english: tuple[str, str], japanese: tuple[str, str], out_dir: Path
) -> None:
    (nps_en, types_en), (nps_ja, types_ja) = english, japanese
    page = phone_page(browser, "en-US")
    shoot(page, nps_en, out_dir / "respondent-en.png")
    page.get_by_role("radio", name="3", exact=True).check()
    shoot(page, None, out_dir / "respondent-en-detractor.png")
    shoot(phone_page(browser, "en-US", "dark"), nps_en, out_dir / "respondent-en-dark.png")

    # Without JavaScript: the score first, then the follow-up worded for it.
    page = phone_page(browser, "en-US", javascript=False)
    shoot(page, nps_en, out_dir / "respondent-nojs.png")
    page.get_by_role("radio", name="3", exact=True).check()
    page.get_by_role("button").click()
    page.wait_for_url("**/next/**")
    shoot(page, None, out_dir / "respondent-follow-up.png")

    # Every question type, with a score chosen so the follow-up shows its wording.
    for url, locale, scheme, name in (
        (types_en, "en-US", "light", "respondent-types-en.png"),
        (types_ja, "ja-JP", "light", "respondent-types-ja.png"),
        (types_en, "en-US", "dark", "respondent-types-dark.png"),
    ):
        page = phone_page(browser, locale, scheme)
        page.goto(url)
        fill_some(page)
        shoot(page, None, out_dir / name)

    page = phone_page(browser, "ja-JP")
    shoot(page, nps_ja, out_dir / "respondent-ja.png")
    # A post the server refuses (a comment too long for the question), to see
    # the error next to the question with the typed text kept.
    page.evaluate("document.querySelector('textarea').removeAttribute('maxlength')")
    page.get_by_role("radio", name="9", exact=True).check()
    page.fill("textarea", "スタッフの方がとても親切でした。" * 130)
    page.get_by_role("button").click()
    page.wait_for_load_state()
    page.screenshot(path=str(out_dir / "respondent-error.png"), full_page=False)
    print(out_dir / "respondent-error.png")

    page.fill("textarea", "スタッフの方がとても親切で、コーヒーもおいしかったです。")
    page.get_by_role("button").click()
    page.wait_for_url("**/thanks*")
    page.screenshot(path=str(out_dir / "respondent-thanks.png"), full_page=True)
    print(out_dir / "respondent-thanks.png")


def fill_some(page: Page) -> None:
    """Choose a few answers, as a respondent halfway down the page would have."""
    for qid, value in (("nps", "3"), ("csat", "4"), ("ces", "6"), ("star", "4"), ("thumbs", "1")):
        page.check(f"input[name={qid}][value='{value}']")
    page.check("input[name=smiley][value='2']")
    page.check("input[name=heard][value=other]")
    page.fill("input[name=heard__other]", "Instagram")
    page.check("input[name=drinks][value=latte]")
    page.check("input[name=drinks][value=tea]")


@contextmanager
def serving_offers(folder: Path, business: str, language: str) -> Iterator[tuple[str, Workspace]]:
    """A workspace whose thank-you page has every offer; yields its site and the workspace."""
    workspace = Workspace.open(folder)
    try:
        settings_store.save(
            workspace.db(),
            business_name=business,
            privacy_url="https://example.com/privacy",
            follow_up_detractors=True,
            review_url="https://example.com/review",
            referral_url="https://example.com/refer",
        )
        server = EmbeddedServer(create_app(workspace), port=0)
        server.start()
        try:
            yield server.url, workspace
        finally:
            server.stop()
    finally:
        workspace.close()


def personal_token(workspace: Workspace, survey_id: int, channel: str = "email") -> str:
    contact = contact_store.add(workspace.db(), name="Aoi", email="aoi@example.com")
    token = new_token()
    delivery_store.create(
        workspace.db(), survey_id=survey_id, token=token, channel=channel, contact_id=contact
    )
    return token


def take_site_pages(
    browser: Browser, url: str, workspace: Workspace, suffix: str, out: Path
) -> None:
    """The thank-you pages by band, unsubscribe, 429 and 403, in the survey's language."""
    language = suffix.removeprefix("-")
    locale = "ja-JP" if language == "ja" else "en-US"
    db = workspace.db()
    business = settings_store.load(db).business_name
    survey = survey_from_template("nps", languages=(language,), company=business)
    survey.slug = new_slug()
    stored = survey_store.create(db, survey)
    assert stored.id is not None
    survey_store.set_status(db, stored.id, SurveyStatus.OPEN)

    for band, score, comment in (
        ("detractor", "2", "The queue was long" if language == "en" else "待ち時間が長かったです"),
        ("promoter", "10", "Lovely staff" if language == "en" else "店員さんが親切でした"),
    ):
        page = phone_page(browser, locale)
        page.goto(f"{url}/r/{personal_token(workspace, stored.id)}?score={score}")
        page.locator("textarea").fill(comment)
        page.locator("form button").click()
        page.wait_for_url("**/thanks*")
        shoot(page, None, out / f"respondent-thanks-{band}{suffix}.png")

    page = phone_page(browser, locale)
    shoot(
        page,
        f"{url}/u/{personal_token(workspace, stored.id)}",
        out / f"respondent-unsubscribe{suffix}.png",
    )
    page.locator("form button").click()
    page.wait_for_load_state()
    shoot(page, None, out / f"respondent-unsubscribed{suffix}.png")

    # A post whose token was lost (a tab restored after the browser closed): the
    # answers stay on the page, with a word about sending again.
    page = phone_page(browser, locale)
    page.goto(f"{url}/s/{survey.slug}")
    page.evaluate("document.querySelector('input[name=_csrf]').value = 'lost'")
    page.get_by_role("radio", name="3", exact=True).check()
    page.locator("textarea").fill(
        "The queue was long" if language == "en" else "待ち時間が長かったです"
    )
    page.locator("form button").click()
    page.wait_for_load_state()
    shoot(page, None, out / f"respondent-403{suffix}.png", full_page=False)

    settings_store.save(db, rate_limit_per_minute=1)
    page = phone_page(browser, locale)
    for _ in range(2):
        page.goto(f"{url}/s/{survey.slug}")
        page.get_by_role("radio", name="9", exact=True).check()
        page.locator("form button").click()
        page.wait_for_load_state()
    shoot(page, None, out / f"respondent-429{suffix}.png")
    settings_store.save(db, rate_limit_per_minute=20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="koe-shots-") as temp,
        serving(Path(temp) / "en", "Hinata Coffee", ("en", "ja")) as english,
        serving(Path(temp) / "ja", "ひなた珈琲", ("ja",)) as japanese,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            take_all(browser, english, japanese, out_dir)
            for business, language in (("Hinata Coffee", "en"), ("ひなた珈琲", "ja")):
                with serving_offers(Path(temp) / f"offers-{language}", business, language) as (
                    url,
                    workspace,
                ):
                    take_site_pages(browser, url, workspace, f"-{language}", out_dir)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
