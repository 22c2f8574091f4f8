"""Largest Contentful Paint of the NPS answer page on a slow phone, and its first-load weight.

Run: ``uv run python bench/respondent_lcp.py [--loads N] [--cpu RATE] [--chromium PATH]``.

The real respondent site (``web.app.create_app``, served by uvicorn on
127.0.0.1 as ``EmbeddedServer``) over a fresh workspace with an open NPS
survey (and its follow-up) in English and one in Japanese. Debian's Chromium
(Playwright, ``--chromium``) loads each page cold (a new browser context: no
cache, no cookie) at phone size, with the CPU slowed down (CDP
``Emulation.setCPUThrottlingRate``, 4× by default) and the network emulated
(CDP ``Network.emulateNetworkConditions``) two ways:

- ``slow-4g``: DevTools' "Slow 4G" preset as Chromium defines it
  (front_end/core/sdk/NetworkManager.ts): 1.6 Mbit/s × 0.9 down, 750 kbit/s
  × 0.9 up, 150 ms target RTT × 3.75 = 562.5 ms latency per request;
- ``150ms``: the same throughput with a 150 ms latency, the RTT Lighthouse's
  mobile run simulates.

For each it prints the median LCP of ``--loads`` loads (5 by default), and the
same for a ceiling: the very page (HTML as the site rendered it, stylesheet
inline) saved once and served as a static file by the same server, gzipped
the same way; the gap is what the site's own work costs. Then the bytes of
the first load on the wire (bodies as encoded; with the headers too).
CDP emulation adds no TCP/TLS handshake time, so a real phone pays a little more.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from playwright.sync_api import Browser, sync_playwright  # noqa: E402
from starlette.middleware.gzip import GZipMiddleware  # noqa: E402
from starlette.responses import HTMLResponse  # noqa: E402
from starlette.types import ASGIApp, Receive, Scope, Send  # noqa: E402

from channels.links import new_slug  # noqa: E402
from storage import surveys as survey_store  # noqa: E402
from storage.workspace import Workspace  # noqa: E402
from surveys.model import SurveyStatus  # noqa: E402
from surveys.templates import survey_from_template  # noqa: E402
from web.app import create_app  # noqa: E402
from web.server import EmbeddedServer  # noqa: E402

PROFILES = {
    # name: (latency ms, download bytes/s, upload bytes/s)
    "slow-4g": (150 * 3.75, 1.6 * 1000 * 1000 / 8 * 0.9, 750 * 1000 / 8 * 0.9),
    "150ms": (150.0, 1.6 * 1000 * 1000 / 8 * 0.9, 750 * 1000 / 8 * 0.9),
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PHONE = {"width": 390, "height": 844}
CEILING = "/ceiling/"
LCP = """() => new Promise(resolve => new PerformanceObserver(list => {
  const entries = list.getEntries(); resolve(entries[entries.length - 1].startTime);
}).observe({type: "largest-contentful-paint", buffered: true}))"""


class WithCeiling:
    """The site, plus ``/ceiling/<lang>``: saved copies of its pages served as static files."""

    def __init__(self, site: ASGIApp) -> None:
        self.site = site
        self.pages: dict[str, str] = {}
        self.static = GZipMiddleware(self._page, minimum_size=500, compresslevel=9)

    async def _page(self, scope: Scope, receive: Receive, send: Send) -> None:
        page = self.pages[scope["path"].removeprefix(CEILING)]
        await HTMLResponse(page, headers={"Cache-Control": "no-store"})(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        inside = scope["type"] == "http" and scope["path"].startswith(CEILING)
        await (self.static if inside else self.site)(scope, receive, send)


def open_survey(workspace: Workspace, language: str) -> str:
    survey = survey_from_template("nps", languages=(language,), company="Hinata Coffee")
    survey.slug = new_slug()
    stored = survey_store.create(workspace.db(), survey)
    assert stored.id is not None
    survey_store.set_status(workspace.db(), stored.id, SurveyStatus.OPEN)
    return f"/s/{survey.slug}"


def load(browser: Browser, url: str, profile: str, cpu: float) -> tuple[float, int, int]:
    """One cold load: its LCP (ms), and the bytes on the wire (bodies; with headers)."""
    latency, down, up = PROFILES[profile]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency,
                 "downloadThroughput": down, "uploadThroughput": up})  # fmt: skip
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(url, wait_until="networkidle")
        lcp = float(page.evaluate(LCP))
        sizes = [request.sizes() for request in finished]
        bodies = sum(s["responseBodySize"] for s in sizes)
        return lcp, bodies, bodies + sum(s["responseHeadersSize"] for s in sizes)
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=5, help="cold loads per figure (median)")
    parser.add_argument("--cpu", type=float, default=4.0, help="CPU slowdown (default 4×)")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the browser to drive")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder) / "ws")
        links = {language: open_survey(workspace, language) for language in ("en", "ja")}
        app = WithCeiling(create_app(workspace))
        server = EmbeddedServer(app, port=0)
        server.start()
        try:
            for language, link in links.items():
                app.pages[language] = httpx.get(server.url + link).text
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=options.chromium, args=CHROMIUM_ARGS
                )
                print(f"NPS page, median of {options.loads} cold loads, CPU {options.cpu:g}×")
                for language, link in links.items():
                    for profile in PROFILES:
                        runs = [load(browser, server.url + link, profile, options.cpu)
                                for _ in range(options.loads)]  # fmt: skip
                        ceiling = [load(browser, f"{server.url}{CEILING}{language}", profile,
                                        options.cpu)[0] for _ in range(options.loads)]  # fmt: skip
                        lcp = statistics.median(run[0] for run in runs)
                        print(f"  {language} {profile:>8}: LCP {lcp:6.0f} ms   "
                              f"(static copy: {statistics.median(ceiling):6.0f} ms)")  # fmt: skip
                    _, bodies, total = runs[0]
                    print(
                        f"  {language} first load: {bodies} B compressed ({total} B with headers)"
                    )
                browser.close()
        finally:
            server.stop()
            workspace.close()


if __name__ == "__main__":
    main()
