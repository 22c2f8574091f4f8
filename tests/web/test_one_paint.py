"""One paint (issue 17): the stylesheet inline and allowed by its hash, pages gzipped,
and the first respondent after start-up served as fast as the next ones."""

from __future__ import annotations

import gzip
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser

from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey
from tests.web.conftest import BUSINESS, Site, csp_for, phone_context, post_form

ROOT = Path(__file__).resolve().parents[2]


def raw_get(site: Site, path: str, encoding: str) -> tuple[httpx.Response, bytes]:
    """A GET asking for ``encoding``, and the body's bytes as they came over the wire."""
    with site.client.stream("GET", path, headers={"accept-encoding": encoding}) as response:
        return response, b"".join(response.iter_raw())


def without_token(page: bytes) -> bytes:
    return re.sub(rb'name="_(csrf|begun)" value="[^"]+"', b"", page)


def test_page_script_and_stylesheet_are_gzipped_when_the_browser_asks(
    site: Site, nps_survey: Survey
):
    link = f"/s/{nps_survey.slug}"
    plain, plain_body = raw_get(site, link, "identity")
    zipped, zipped_body = raw_get(site, link, "gzip, deflate, br")

    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in zipped.headers["vary"].lower()
    page = gzip.decompress(zipped_body)
    assert without_token(page) == without_token(plain_body)  # the same page, smaller
    assert len(zipped_body) < len(plain_body) / 2
    for path in [*re.findall(r'src="(/static/[^"]+)"', page.decode()), "/static/koe.css"]:
        static, body = raw_get(site, path, "gzip")
        assert static.headers["content-encoding"] == "gzip", path
        assert "immutable" in static.headers["cache-control"], path
        assert gzip.decompress(body) == site.client.get(path).content
    # The compressed page still works: its form posts and the answer goes on.
    assert post_form(site.client, page.decode(), {"nps": "9"}).status_code == 303


def test_the_token_differs_on_every_compressed_page_so_sizes_leak_nothing(
    site: Site, nps_survey: Survey
):
    # BREACH: a secret repeated across responses that reflect chosen text can be
    # guessed from compressed sizes. The form's token is masked afresh each time.
    tokens = {
        re.search(
            r'name="_csrf" value="([^"]+)"', site.client.get(f"/s/{nps_survey.slug}").text
        ).group(1)  # type: ignore[union-attr]
        for _ in range(3)
    }
    assert len(tokens) == 3


# A fresh process: in the test's own, earlier tests have already warmed everything.
FRESH_SERVER = """
import http.client, json, sys, time
from pathlib import Path
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.helpers import free_port
from web.app import create_app
from web.server import EmbeddedServer
workspace = Workspace.open(Path(sys.argv[1]))
survey = make_survey(workspace, "nps")
server = EmbeddedServer(create_app(workspace), port=free_port())
server.start()
times = []
for _ in range(6):  # a new connection each, like new phones
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    started = time.perf_counter()
    connection.request("GET", f"/s/{survey.slug}", headers={"Accept-Encoding": "gzip"})
    assert connection.getresponse().read()
    times.append(time.perf_counter() - started)
    connection.close()
server.stop()
print(json.dumps(times))
"""


def test_first_respondent_after_start_is_served_as_fast_as_the_next(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-c", FRESH_SERVER, str(tmp_path / "ws")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    times = json.loads(done.stdout)
    first, usual = times[0], statistics.median(times[1:])
    # Cold, the first request took 100-280 ms against 3-10 ms for the next ones.
    assert first <= 3 * usual + 0.02, [f"{t * 1000:.1f} ms" for t in times]


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ja"])
def test_inline_style_is_allowed_by_its_hash_and_applied(
    browser: Browser, site: Site, workspace: Workspace, language: str
):
    survey = make_survey(workspace, "nps", languages=(language,), company=BUSINESS)
    context = phone_context(browser)
    try:
        page = context.new_page()
        page.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        response = page.goto(f"{site.url}/s/{survey.slug}")
        assert response is not None

        assert response.headers["content-security-policy"] == csp_for(response.text())
        assert page.evaluate("window.__violations") == []
        assert errors == []
        # The stylesheet did apply: the score's radio button is hidden under its number.
        assert (
            page.locator('input[name="nps"]').first.evaluate("e => getComputedStyle(e).opacity")
            == "0"
        )
    finally:
        context.close()
