"""The respondent site's safety: forged posts, rate limits, proxies, headers, escaping, privacy.

Every refusal stores nothing. Tests talk to the real uvicorn server on 127.0.0.1.
"""

from __future__ import annotations

import logging
import re
from http.cookies import SimpleCookie

import httpx
import pytest

from channels.links import new_token
from storage import deliveries as delivery_store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey
from tests.web.conftest import (
    Site,
    answer,
    csp_for,
    form_action,
    form_token,
    post_form,
    stored,
    textarea,
)
from web.csrf import COOKIE

XSS = '<script>alert("koe")</script><img src=x onerror=alert(1)> & "quotes"'
HEADERS = {
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
}


def delivery_link(workspace: Workspace, survey: Survey, channel: str = "email") -> str:
    assert survey.id is not None
    token = new_token()
    delivery_store.create(workspace.db(), survey_id=survey.id, token=token, channel=channel)
    return f"/r/{token}"


# --- forged posts -----------------------------------------------------------------------------


def test_post_without_its_token_is_refused_kindly_and_keeps_the_answers(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    page = site.client.get(f"/s/{nps_survey.slug}")

    posted = site.client.post(form_action(page.text), data={"nps": "3", "reason": "Cold coffee"})

    assert posted.status_code == 403
    assert "For your security" in posted.text
    assert "press “Send” again" in posted.text
    assert textarea(posted.text, "reason") == "Cold coffee"  # nothing to type again
    assert re.findall(r'name="nps" value="(\d+)" checked', posted.text) == ["3"]
    assert stored(workspace, nps_survey) == []
    # One more press of Send, with the fresh token, goes through.
    again = post_form(site.client, posted.text, {"nps": "3", "reason": "Cold coffee"})
    assert again.status_code == 303
    assert [(row["nps"], row["reason"]) for row in stored(workspace, nps_survey)] == [
        (3, "Cold coffee")
    ]


@pytest.mark.parametrize(
    "forge",
    ["wrong-token", "no-cookie", "other-links-token", "token-of-another-workspace"],
)
def test_post_with_a_wrong_token_is_refused(
    site: Site, workspace: Workspace, nps_survey: Survey, forge: str
):
    link = f"/s/{nps_survey.slug}"
    page = site.client.get(link).text
    token = form_token(page)
    client = site.client
    if forge == "wrong-token":
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    elif forge == "no-cookie":
        client = httpx.Client(base_url=site.url)  # a cross-site post carries no cookie
    elif forge == "other-links-token":
        other = make_survey(workspace, "nps")
        token = form_token(site.client.get(f"/s/{other.slug}").text)
    else:
        with httpx.Client(base_url=site.url) as stranger:
            stranger_page = stranger.get(link).text
            token = form_token(stranger_page)  # valid, but for the stranger's cookie

    posted = client.post(form_action(page), data={"nps": "9", "_csrf": token})

    assert posted.status_code == 403
    assert stored(workspace, nps_survey) == []
    if client is not site.client:
        client.close()


def test_personal_link_post_needs_its_token_and_stores_nothing_without(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    link = delivery_link(workspace, nps_survey)
    site.client.get(link)

    posted = site.client.post(f"{link}?lang=en", data={"nps": "9", "_all": "1"})

    assert posted.status_code == 403
    assert stored(workspace, nps_survey) == []
    delivery = delivery_store.find_by_token(workspace.db(), link.removeprefix("/r/"))
    assert delivery is not None and not delivery.answered and not delivery.opened


def test_form_cookie_is_a_session_cookie_scoped_to_the_link(site: Site, nps_survey: Survey):
    link = f"/s/{nps_survey.slug}"

    first = site.client.get(link)
    second = site.client.get(link)  # the same browser: the cookie is kept, not replaced

    header = first.headers["set-cookie"]
    cookie = SimpleCookie(header)[COOKIE]
    attributes = {part.strip().split("=")[0].lower() for part in header.split(";")[1:]}
    assert attributes == {"httponly", "path", "samesite"}  # no Expires, no Max-Age
    assert cookie["path"] == link
    assert cookie["samesite"].lower() == "lax"
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", cookie.value)  # random, nothing about the person
    assert "set-cookie" not in second.headers
    # Each page masks its token afresh (no secret repeats in compressed pages: BREACH),
    # yet the first tab's form still posts after the second tab opened.
    assert form_token(first.text) != form_token(second.text)
    assert post_form(site.client, first.text, {"nps": "9"}).status_code == 303


# --- rate limits ------------------------------------------------------------------------------


def limit(workspace: Workspace, per_minute: int, proxies: tuple[str, ...] = ()) -> None:
    settings_store.save(
        workspace.db(), rate_limit_per_minute=per_minute, trusted_proxies=list(proxies)
    )


def post_public(site: Site, survey: Survey, page: str, **headers: str) -> httpx.Response:
    return site.client.post(
        form_action(page),
        data={"nps": "7", "_csrf": form_token(page)},
        headers={k.replace("_", "-"): v for k, v in headers.items()},
    )


def test_public_link_posts_are_limited_per_address_with_a_friendly_429(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", languages=("ja", "en"))
    limit(workspace, 3)
    page = site.client.get(f"/s/{survey.slug}?src=counter").text

    codes = [post_public(site, survey, page).status_code for _ in range(4)]

    assert codes == [303, 303, 303, 429]
    refused = post_public(site, survey, page)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert '<html lang="ja">' in refused.text
    assert "少し時間をおいてお試しください" in refused.text
    assert f'href="/s/{survey.slug}?src=counter&amp;lang=ja"' in refused.text
    assert len(stored(workspace, survey)) == 3


def test_default_limit_is_twenty_posts_a_minute(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    page = site.client.get(f"/s/{survey.slug}").text

    codes = [post_public(site, survey, page).status_code for _ in range(21)]

    assert codes == [303] * 20 + [429]


def test_personal_links_are_not_limited_by_address(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    limit(workspace, 1)

    codes = [
        answer(site.client, delivery_link(workspace, survey), {"nps": "8", "_all": "1"}).status_code
        for _ in range(4)
    ]

    assert codes == [303] * 4
    assert len(stored(workspace, survey)) == 4


def test_forwarded_for_is_ignored_unless_the_peer_is_a_listed_proxy(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps")
    page = site.client.get(f"/s/{survey.slug}").text
    limit(workspace, 1)  # 127.0.0.1, the test's peer, is not listed

    first = post_public(site, survey, page, x_forwarded_for="198.51.100.1")
    other_client = post_public(site, survey, page, x_forwarded_for="198.51.100.2")

    # Without a trusted proxy the header is anyone's to write: both are 127.0.0.1.
    assert (first.status_code, other_client.status_code) == (303, 429)


def test_forwarded_for_from_a_listed_proxy_names_the_client(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    page = site.client.get(f"/s/{survey.slug}").text
    limit(workspace, 1, proxies=("127.0.0.1", "10.0.0.0/8"))

    codes = [
        post_public(site, survey, page, x_forwarded_for=chain).status_code
        for chain in (
            "198.51.100.1",
            "198.51.100.2",
            "198.51.100.1",  # the first client again: over its limit
            # A client cannot escape by writing its own header: the right-most
            # untrusted address is the one the proxy saw.
            "203.0.113.77, 198.51.100.1",
            "198.51.100.2, 10.1.2.3",  # through a second, listed proxy
        )
    ]

    assert codes == [303, 303, 429, 429, 429]


# --- headers ------------------------------------------------------------------------------------


def test_every_kind_of_response_carries_the_security_headers(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    link = f"/s/{nps_survey.slug}"
    page = site.client.get(link)
    # The script the page loads, and the stylesheet still served for pages cached before
    # it went inline.
    static = [*re.findall(r'(?:href|src)="(/static/[^"]+)"', page.text), "/static/koe.css"]
    personal = delivery_link(workspace, nps_survey)
    personal_page = site.client.get(personal).text
    forged = site.client.post(form_action(page.text), data={"nps": "9"})
    oversized = site.client.post(
        link,
        content="nps=9&reason=" + "a" * (70 * 1024),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    beacon = site.client.post(f"{personal}/opened", data={"_csrf": form_token(personal_page)})
    refused = answer(site.client, link, {"nps": "x"})
    posted = answer(site.client, link, {"nps": "2", "_all": "1"})
    limit(workspace, 1)
    too_many = [post_public(site, nps_survey, page.text) for _ in range(2)][-1]
    responses = {
        "page": page,
        **{f"static {path}": site.client.get(path) for path in static},
        "403": forged,
        "413": oversized,
        "400": refused,
        "303": posted,
        "thanks": site.client.get(posted.headers["location"]),
        "429": too_many,
        "404": site.client.get("/s/NoSuchSurvey1"),
        "404 path": site.client.get("/nothing/here"),
        "unsubscribe": site.client.get(f"/u/{personal.removeprefix('/r/')}"),
        "beacon": beacon,
    }
    assert len(static) == 2
    assert [forged.status_code, oversized.status_code, refused.status_code] == [403, 413, 400]
    assert [posted.status_code, too_many.status_code, beacon.status_code] == [303, 429, 204]
    csp = csp_for(responses["page"].text)
    for name, response in responses.items():
        for header, value in {**HEADERS, "content-security-policy": csp}.items():
            assert response.headers.get(header) == value, (name, header)
        if not name.startswith("static"):
            assert response.headers.get("cache-control") == "no-store", name
        assert "server" not in response.headers, name
    for path in static:
        assert "immutable" in site.client.get(path).headers["cache-control"]


# --- escaping ---------------------------------------------------------------------------------


def test_script_in_a_comment_is_stored_verbatim_and_never_rendered_as_markup(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    settings_store.save(
        workspace.db(),
        business_name='<b onmouseover="x">Shop</b>',
        review_url='https://example.com/review?a=1&b="><script>',
        referral_url="javascript:alert(1)",
    )
    link = f"/s/{nps_survey.slug}"

    refused = answer(site.client, link, {"nps": "42", "reason": XSS})
    posted = post_form(site.client, refused.text, {"nps": "10", "reason": XSS})
    thanks = site.client.get(posted.headers["location"])

    assert stored(workspace, nps_survey)[0]["reason"] == XSS
    assert textarea(refused.text, "reason") == XSS
    for page in (refused.text, thanks.text):
        assert "<script>" not in page and "<img" not in page and "<b " not in page
        assert "&lt;b onmouseover=&#34;x&#34;&gt;Shop&lt;/b&gt;" in page
    assert "javascript:" not in thanks.text  # not a web address: never a link
    assert 'href="https://example.com/review?a=1&amp;b=&#34;&gt;&lt;script&gt;"' in thanks.text


# --- privacy ----------------------------------------------------------------------------------


def test_no_address_user_agent_or_whole_token_is_stored_or_logged(
    site: Site, workspace: Workspace, nps_survey: Survey, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    link = delivery_link(workspace, nps_survey)
    token = link.removeprefix("/r/")
    agent = "KoeTestBrowser/1.0 (secret-phone-model)"
    headers = {"user-agent": agent, "x-forwarded-for": "198.51.100.23"}
    settings_store.save(workspace.db(), trusted_proxies=["127.0.0.1"])
    page = site.client.get(link, headers=headers).text
    site.client.post(f"{link}?lang=en", data={"nps": "9"}, headers=headers)  # no token: refused
    post_form(site.client, page, {"nps": "9", "_all": "1"}, to=f"{link}?lang=en")
    site.client.get(f"/r/{new_token()}", headers=headers)
    site.client.get(f"/u/{new_token()}", headers=headers)
    site.client.get(f"/u/{token}", headers=headers)

    db = workspace.db()
    tables = [name for name in db.table_names() if name != "settings"]  # it lists the proxy
    dump = "\n".join(str(row) for table in tables for row in db[table].rows)
    assert "responses" in tables and "deliveries" in tables and dump
    assert "127.0.0.1" not in dump and "198.51.100.23" not in dump
    assert agent not in dump and "secret-phone-model" not in dump
    # What the site logs (the test's own HTTP client logs its requests: not the site's).
    server_side = ("web", "storage", "channels", "uvicorn", "starlette")
    logged = "\n".join(
        record.getMessage() for record in caplog.records if record.name.split(".")[0] in server_side
    )
    assert "personal link with unknown token" in logged  # something was logged...
    assert token not in logged  # ...but never a whole token
    assert not re.search(r"[A-Za-z0-9_-]{22}", logged)  # no token of any link


HOSTILE_HOST = {"Host": "evil.example"}


def test_a_link_with_a_trailing_slash_redirects_on_this_site_whatever_the_host_header(
    site: Site, nps_survey: Survey
):
    link = f"/s/{nps_survey.slug}"

    moved = site.client.get(f"{link}/?src=qr", headers=HOSTILE_HOST)

    assert moved.status_code == 307
    assert moved.headers["location"] == f"{link}?src=qr"  # a path here, never evil.example
    assert site.client.get(moved.headers["location"]).status_code == 200
    # A path that only a browser would read as another site is no redirect at all.
    for path in ("//evil.example/", "/%2F%2Fevil.example/", "/\\evil.example/"):
        refused = site.client.get(path, headers=HOSTILE_HOST)
        assert refused.status_code == 404 and "location" not in refused.headers


def test_every_redirect_of_an_answer_is_a_path_on_this_site(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    client = httpx.Client(base_url=site.url, headers=HOSTILE_HOST, timeout=10)
    link = delivery_link(workspace, nps_survey)
    with client:
        early = client.get(f"{link}/thanks")  # not answered yet: back to the form
        page = client.get(link)
        first = post_form(client, page.text, {"nps": "9"})  # without JavaScript: page 2 next
        second = client.get(first.headers["location"])
        last = post_form(client, second.text, {"reason": "Kind staff"})

    locations = [early.headers["location"], first.headers["location"], last.headers["location"]]
    assert [early.status_code, first.status_code, last.status_code] == [303, 303, 303]
    assert locations[0] == link
    assert all(place.startswith(f"{link}/") for place in locations[1:]), locations
