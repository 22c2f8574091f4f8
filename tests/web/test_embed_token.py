"""The embed's anti-forgery field: stamped and signed, since a framed page keeps no cookie.

(web.csrf: the HMAC of the link and the moment the page was made, good for a day.)
"""

from __future__ import annotations

import re

from starlette.requests import Request

from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey
from tests.web.conftest import Site, form_token, stored
from web.csrf import STAMP_SECONDS, FormGuard

KEY = b"k" * 32


def bare_request() -> Request:
    return Request({"type": "http", "method": "GET", "path": "/", "headers": []})


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_stamped_field_holds_for_a_day_and_only_for_its_own_survey():
    clock = Clock()
    guard = FormGuard(lambda: KEY, now=clock)
    field = guard.issue(bare_request(), "/e/Survey0001").token
    assert re.fullmatch(r"[A-Za-z0-9_-]{86}\.[0-9]+", field)
    assert guard.issue(bare_request(), "/e/Survey0001").token != field  # masked afresh

    clock.now += STAMP_SECONDS - 60  # a tab left open all day
    assert guard.check(bare_request(), "/e/Survey0001", field)
    assert not guard.check(bare_request(), "/e/Survey0002", field)  # another survey's
    assert not guard.check(bare_request(), "/s/Survey0001", field)  # its public link
    assert not FormGuard(lambda: b"x" * 32, now=clock).check(bare_request(), "/e/Survey0001", field)

    clock.now += 120  # a day and a minute: the page is sent again with a fresh field
    assert not guard.check(bare_request(), "/e/Survey0001", field)


def test_a_changed_stamp_or_a_clock_set_back_is_judged_rightly():
    clock = Clock()
    guard = FormGuard(lambda: KEY, now=clock)
    field = guard.issue(bare_request(), "/e/Survey0001").token
    digest, stamp = field.split(".")
    younger = f"{digest}.{int(stamp) + 3600}"  # made to look an hour younger
    assert not guard.check(bare_request(), "/e/Survey0001", younger)
    for broken in ("", digest, f"{digest}.", f"{digest}.x1", field + "0" * 20, 42, None):
        assert not guard.check(bare_request(), "/e/Survey0001", broken)

    clock.now -= 120  # the server's clock set back two minutes after the page was made
    assert guard.check(bare_request(), "/e/Survey0001", field)
    clock.now -= 3600  # an hour: the stamp is from the future, refused
    assert not guard.check(bare_request(), "/e/Survey0001", field)


def test_an_embed_post_with_another_surveys_field_is_refused_and_keeps_nothing(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    other = make_survey(workspace, "nps")
    theirs = form_token(site.client.get(f"/e/{other.slug}").text)
    public = form_token(site.client.get(f"/s/{nps_survey.slug}").text)  # with its cookie

    refused = [
        site.client.post(f"/e/{nps_survey.slug}", data={"_csrf": token, "nps": "0", "_all": "1"})
        for token in (theirs, public)
    ]

    assert [response.status_code for response in refused] == [403, 403]
    assert "Send" in refused[0].text  # the page again, to send with a fresh field
    assert stored(workspace, nps_survey) == []
    page = site.client.get(f"/e/{nps_survey.slug}").text
    sent = site.client.post(
        f"/e/{nps_survey.slug}", data={"_csrf": form_token(page), "nps": "9", "_all": "1"}
    )
    assert sent.status_code == 303 and [row["nps"] for row in stored(workspace, nps_survey)] == [9]
