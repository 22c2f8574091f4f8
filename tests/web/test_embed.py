"""The survey framed on the shop's own website (web.embed): allowed origins only, and the
answer goes through inside the frame; every other page refuses any frame."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import Route as BrowserRoute
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.helpers import free_port
from tests.web.conftest import (
    Site,
    csp_for,
    phone_context,
    stored,
    wait_for,
)
from web.embed import clean_origin, frame_ancestors, snippet
from web.server import EmbeddedServer


@pytest.fixture
def shop() -> Iterator[tuple[int, dict[str, str]]]:
    """The shop's own website on another port, reached as http://localhost (another site
    than 127.0.0.1): its page holds the snippet (``page["html"]``, set by the test)."""
    page = {"html": ""}
    app = Starlette(routes=[Route("/", lambda _request: HTMLResponse(page["html"]))])
    server = EmbeddedServer(app, port=free_port())
    server.start()
    try:
        yield server.port, page
    finally:
        server.stop()


def open_shop(browser: Browser, port: int) -> Page:
    page = phone_context(browser).new_page()
    page.goto(f"http://localhost:{port}/")
    return page


@pytest.mark.browser
def test_allowed_site_shows_the_survey_and_the_answer_goes_through(
    browser: Browser, site: Site, workspace: Workspace, nps_survey: Survey, shop
):
    port, shop_page = shop
    settings_store.save(workspace.db(), embed_origins=(f"http://localhost:{port}",))
    shop_page["html"] = snippet(site.url, nps_survey.slug, "Survey", "Open the survey")

    page = open_shop(browser, port)
    try:
        frame = page.frame_locator("iframe")
        frame.get_by_text("How likely are you to recommend").wait_for()
        frame.locator('label:has(input[name="nps"][value="9"])').click()
        frame.get_by_role("button", name="Send").click()
        frame.get_by_role("heading", name="Thank you").wait_for()
        wait_for(lambda: len(stored(workspace, nps_survey)) == 1)
        assert stored(workspace, nps_survey)[0]["nps"] == 9
        assert page.get_by_role("link", name="Open the survey").get_attribute("href") == (
            f"{site.url}/s/{nps_survey.slug}"
        )
    finally:
        page.context.close()


@pytest.mark.browser
def test_a_browser_refusing_third_party_cookies_still_answers_in_the_frame(
    browser: Browser, site: Site, workspace: Workspace, nps_survey: Survey, shop
):
    """Safari's default: no cookie set inside another site's frame is kept, partitioned or
    not (the route drops every Set-Cookie of the survey site's pages). The tap and the post go
    through all the same."""
    port, shop_page = shop
    settings_store.save(workspace.db(), embed_origins=(f"http://localhost:{port}",))
    shop_page["html"] = snippet(site.url, nps_survey.slug, "Survey", "Open the survey")
    page = phone_context(browser).new_page()
    refused: list[str] = []

    def refuse_cookies(route: BrowserRoute) -> None:
        request = route.request
        if request.method != "GET":  # a page's cookie comes with the page
            route.continue_()
            return
        # Fetched outside the browser, so that its cookie jar never sees the answer.
        response = httpx.request(
            request.method,
            request.url,
            headers={k: v for k, v in request.headers.items() if k.lower() != "host"},
        )
        dropped = {"set-cookie", "content-encoding", "content-length"}  # the body is decoded
        kept = {k: v for k, v in response.headers.items() if k.lower() not in dropped}
        if "set-cookie" in response.headers:
            refused.append(request.url)
        route.fulfill(status=response.status_code, headers=kept, body=response.content)

    page.context.route(f"{site.url}/**", refuse_cookies)
    page.goto(f"http://localhost:{port}/")
    try:
        frame = page.frame_locator("iframe")
        frame.locator('label:has(input[name="nps"][value="3"])').click()
        frame.get_by_role("status").filter(has_text="your score is saved").wait_for()
        frame.get_by_role("textbox").fill("Too loud")
        frame.get_by_role("button", name="Send").click()
        frame.get_by_role("heading", name="Thank you").wait_for()
        rows = stored(workspace, nps_survey)
        assert [(row["nps"], row["reason"], row["completed_at"] is not None) for row in rows] == [
            (3, "Too loud", True)
        ]
        assert refused == []  # the embed never asked to keep one
    finally:
        page.context.close()


@pytest.mark.browser
def test_a_site_not_allowed_is_refused_the_frame(
    browser: Browser, site: Site, workspace: Workspace, nps_survey: Survey, shop
):
    port, shop_page = shop
    settings_store.save(workspace.db(), embed_origins=("https://shop.example",))
    shop_page["html"] = snippet(site.url, nps_survey.slug, "Survey", "Open the survey")

    page = open_shop(browser, port)
    try:
        page.wait_for_load_state("load")
        child = page.frames[1]
        assert not child.url.startswith(site.url), child.url  # the survey never loaded
        assert "How likely" not in child.content()
    finally:
        page.context.close()


def test_only_the_embed_route_names_who_may_frame_it(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    unset = site.client.get(f"/e/{nps_survey.slug}")
    settings_store.save(
        workspace.db(), embed_origins=("https://shop.example", "https://*.shop.example")
    )
    embed = site.client.get(f"/e/{nps_survey.slug}")
    public = site.client.get(f"/s/{nps_survey.slug}")
    others = [site.client.get("/s/NoSuchSurvey1"), site.client.get("/nothing/here")]

    assert unset.headers["content-security-policy"] == csp_for(unset.text)
    assert embed.headers["content-security-policy"] == csp_for(
        embed.text, "https://shop.example https://*.shop.example"
    )
    assert public.headers["content-security-policy"] == csp_for(public.text)
    for other in others:
        assert other.headers["content-security-policy"].endswith("frame-ancestors 'none'")
    # Framed, the page would be a third-party cookie's: it sets none (web.csrf's stamp).
    assert "set-cookie" not in embed.headers and "set-cookie" not in unset.headers
    assert "samesite=lax" in public.headers["set-cookie"].lower()


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("https://Shop.Example/", "https://shop.example"),
        ("https://shop.example:8443", "https://shop.example:8443"),
        ("https://*.shop.example", "https://*.shop.example"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("http://shop.example", None),  # framing over plain http: only on this computer
        ("https://*", None),
        ("https://*.com", None),
        ("*", None),
        ("https://shop.example/page", None),
        ("https://shop.example; script-src *", None),  # no smuggled directive
        ("https://shop.example:99999", None),
        ("javascript:alert(1)", None),
    ],
)
def test_allowed_origins_are_checked_one_by_one(typed: str, kept: str | None):
    assert clean_origin(typed) == kept
    assert frame_ancestors([typed]) == (kept or "'none'")
