"""Screenshots of the respondent pages at phone size, for the README and for review.

Makes throw-away workspaces in a temporary folder with an open NPS survey in
English and one in Japanese, serves each on 127.0.0.1 with the real embedded
server, and photographs them with Debian's Chromium through Playwright:

    uv run python tools/screenshot_respondent.py [OUT_DIR]   # default docs/screenshots/

Writes respondent-en.png, respondent-ja.png, respondent-thanks.png (after a
real answer typed and sent in the browser), respondent-error.png and
respondent-en-dark.png.
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

from channels.links import new_slug  # noqa: E402
from storage import settings as settings_store  # noqa: E402
from storage import surveys as survey_store  # noqa: E402
from storage.workspace import Workspace  # noqa: E402
from surveys.model import SurveyStatus  # noqa: E402
from surveys.templates import survey_from_template  # noqa: E402
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
def serving(folder: Path, business: str, languages: tuple[str, ...]) -> Iterator[str]:
    """Serve a new workspace in ``folder`` holding one open NPS survey; yields its link."""
    workspace = Workspace.open(folder)
    try:
        db = workspace.db()
        settings_store.save(db, business_name=business, privacy_url="https://example.com/privacy")
        survey = survey_from_template("nps", languages=languages, company=business)
        survey.slug = new_slug()
        stored = survey_store.create(db, survey)
        assert stored.id is not None
        survey_store.set_status(db, stored.id, SurveyStatus.OPEN)
        server = EmbeddedServer(create_app(workspace), port=0)
        server.start()
        try:
            yield f"{server.url}/s/{survey.slug}"
        finally:
            server.stop()
    finally:
        workspace.close()


def phone_page(browser: Browser, locale: str, scheme: str = "light") -> Page:
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale=locale,
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    return context.new_page()


def shoot(page: Page, url: str, out: Path) -> None:
    page.goto(url)
    page.screenshot(path=str(out), full_page=True)
    print(out)


def take_all(browser: Browser, english: str, japanese: str, out_dir: Path) -> None:
    shoot(phone_page(browser, "en-US"), english, out_dir / "respondent-en.png")
    shoot(phone_page(browser, "en-US", "dark"), english, out_dir / "respondent-en-dark.png")

    page = phone_page(browser, "ja-JP")
    shoot(page, japanese, out_dir / "respondent-ja.png")
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
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
