"""The respondent site served by the real uvicorn server on a free 127.0.0.1 port."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import shutil
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from channels.links import new_token
from storage import deliveries as delivery_store
from storage import responses as response_store
from storage import settings as settings_store
from storage.deliveries import Delivery
from storage.workspace import Workspace
from surveys.model import Survey
from tests.helpers import free_port
from tests.web.samples import BUSINESS, DRINKS, VALID, every_type_survey, store_open
from web.app import create_app
from web.server import EmbeddedServer

__all__ = ["BUSINESS", "DRINKS", "VALID", "every_type_survey", "store_open"]

# The system's Chromium (Debian's package is `chromium`), when Playwright has none of its own.
SYSTEM_CHROMIUM = ("chromium", "chromium-browser")
NO_CHROMIUM = (
    "The browser tests need Chromium: install Debian's (apt-get install chromium) "
    "or Playwright's own (uv run playwright install chromium)."
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
# A screenshot of every browser test's last page, for people to look at (gitignored).
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"


@dataclass
class Site:
    """A running site: an HTTP client on it, and the survey ids on_response reported."""

    client: httpx.Client
    url: str
    notified: list[int] = field(default_factory=list)


@pytest.fixture
def site(workspace: Workspace) -> Iterator[Site]:
    settings_store.save(
        workspace.db(), business_name=BUSINESS, privacy_url="https://example.com/privacy"
    )
    notified: list[int] = []
    server = EmbeddedServer(create_app(workspace, on_response=notified.append), port=free_port())
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            yield Site(client=client, url=server.url, notified=notified)
    finally:
        server.stop()


def inline_style(page: str) -> str:
    """The text of the page's one <style> element, exactly as the browser hashes it."""
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(styles) == 1, "the page should carry its stylesheet inline, once"
    return styles[0]


def csp_for(page: str, frame_ancestors: str = "'none'") -> str:
    """The Content-Security-Policy a page must carry: its inline style allowed by hash."""
    digest = base64.b64encode(hashlib.sha256(inline_style(page).encode()).digest()).decode()
    return (
        f"default-src 'none'; script-src 'self'; style-src 'self' 'sha256-{digest}'; "
        "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
        f"frame-ancestors {frame_ancestors}"
    )


def form_action(page: str) -> str:
    """Where the page's form posts to, as a browser would read it."""
    match = re.search(r'<form[^>]*action="([^"]*)"', page)
    assert match, "the page has no form"
    return html.unescape(match.group(1))


Fields = Mapping[str, str | Sequence[str]]


def form_token(page: str) -> str:
    """The anti-forgery field of the page's form (its cookie is in the client's jar)."""
    match = re.search(r'<input type="hidden" name="_csrf" value="([^"]+)">', page)
    assert match, "the page's form has no anti-forgery token"
    return match.group(1)


def post_form(
    client: httpx.Client, page: str, fields: Fields, *, to: str | None = None
) -> httpx.Response:
    """Post ``fields`` with the token of ``page``'s form, to its action (or to ``to``)."""
    return client.post(to or form_action(page), data={**fields, "_csrf": form_token(page)})


def answer(client: httpx.Client, link: str, fields: Fields, **get: str) -> httpx.Response:
    """Open ``link`` and post ``fields`` through its form, like a browser."""
    page = client.get(link, params=get or None)
    assert page.status_code == 200, page.text
    return post_form(client, page.text, fields)


def invitation(workspace: Workspace, survey: Survey) -> tuple[str, Delivery]:
    """A personal link (``/r/<token>``) of ``survey`` sent by email, and its delivery."""
    assert survey.id is not None
    token = new_token()
    delivery = delivery_store.create(
        workspace.db(), survey_id=survey.id, token=token, channel="email"
    )
    return f"/r/{token}", delivery


def refreshed(workspace: Workspace, delivery: Delivery) -> Delivery:
    """The delivery as stored now (opened, answered)."""
    found = delivery_store.get(workspace.db(), delivery.id)
    assert found is not None
    return found


def stored(workspace: Workspace, survey: Survey) -> list[dict[str, object]]:
    """The survey's responses as the export sees them."""
    return list(response_store.iter_rows(workspace.db(), survey))


def textarea(page: str, name: str) -> str:
    """The text a textarea shows, unescaped."""
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, f"no textarea {name}"
    return html.unescape(match.group(1))


def checked(page: str, name: str) -> list[str]:
    """The values of the radio buttons or boxes of ``name`` that are ticked."""
    return re.findall(rf'name="{name}" value="([^"]*)" checked', page)


def values_of(page: str, name: str) -> list[str]:
    """The values of the radio buttons or boxes of ``name``, in the order shown."""
    return re.findall(rf'type="(?:radio|checkbox)" name="{name}" value="([^"]*)"', page)


def text_field(page: str, name: str) -> str:
    """The text a one-line text field shows, unescaped."""
    match = re.search(rf'<input[^>]*type="text" name="{name}" value="([^"]*)"', page)
    assert match, f"no text field {name}"
    return html.unescape(match.group(1))


def question_box(page: str, qid: str) -> str:
    """The markup of one question: its fieldset, or its box for a text question."""
    match = re.search(rf'<(fieldset|div) class="q[^"]*" id="q-{qid}"[^>]*>.*?</\1>', page, re.S)
    assert match, f"no question {qid}"
    return match.group(0)


def hidden_field(page: str, name: str) -> str:
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)">', page)
    assert match, f"no hidden field {name}"
    return match.group(1)


def wait_for(condition: Callable[[], bool], timeout: float = 5) -> None:
    """Wait until ``condition()`` holds, e.g. until what a page's script sent is stored."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition never came true")
        time.sleep(0.05)


# --- the browser ------------------------------------------------------------------------------


def chromium_executable(playwrights: str) -> str:
    """Playwright's own Chromium (``playwrights``: where Playwright installs it) when it is
    there, else the system's; when there is neither, the test fails with one sentence
    that says what to install."""
    if Path(playwrights).is_file():
        return playwrights
    for name in SYSTEM_CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(NO_CHROMIUM, pytrace=False)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for a module; each test opens its own context (its own cookies,
    storage and pages). Not one for the session: while Playwright's sync API is on, its
    event loop runs on this thread, and a later test's asyncio.run() would be refused."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_executable(playwright.chromium.executable_path),
            args=CHROMIUM_ARGS,
        )
        try:
            yield chromium
        finally:
            chromium.close()


def phone_context(browser: Browser, **options: object) -> BrowserContext:
    """A phone-sized browser window (390×844, touch), English unless ``locale`` says."""
    settings: dict = {
        "viewport": PHONE,
        "is_mobile": True,
        "has_touch": True,
        "locale": "en-US",
        **options,
    }
    return browser.new_context(**settings)


def save_screenshots(context: BrowserContext, name: str) -> None:
    """Photograph each page the test left open, as test-artifacts/web/<test>[-n].png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages = [page for page in context.pages if page.url.startswith("http")]
    for number, page in enumerate(pages):
        suffix = f"-{number + 1}" if len(pages) > 1 else ""
        safe = re.sub(r"[^\w.-]+", "_", name)
        page.screenshot(path=str(ARTIFACTS / f"{safe}{suffix}.png"), full_page=True)


@pytest.fixture
def phone(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = phone_context(browser)
    try:
        yield context.new_page()
        save_screenshots(context, request.node.name)
    finally:
        context.close()


@pytest.fixture
def phone_without_js(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = phone_context(browser, java_script_enabled=False)
    try:
        yield context.new_page()
        save_screenshots(context, request.node.name)
    finally:
        context.close()
