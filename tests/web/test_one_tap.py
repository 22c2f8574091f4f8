"""One tap on a public link: the score tapped is kept at once, as a partial response.

The page's script posts the score to ``/s/<slug>/score`` with the page's
``_begun`` token; these tests post exactly what it posts, over HTTP, to the
real server and SQLite file. test_one_tap_browser.py drives the script itself.
"""

from __future__ import annotations

import re

from channels.links import new_token
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import SurveyStatus
from tests.conftest import make_survey
from tests.web.conftest import (
    BUSINESS,
    Site,
    form_token,
    hidden_field,
    invitation,
    post_form,
    stored,
)

KEPT = "Koe-Score"


def beacon(page: str) -> str:
    match = re.search(r'data-keep="([^"]+)"', page)
    assert match, "the public page has no score beacon"
    return match.group(1).replace("&amp;", "&")


def tap(site: Site, page: str, score: str, **extra: str):
    fields = {"_csrf": form_token(page), "_begun": hidden_field(page, "_begun"), "nps": score}
    return site.client.post(beacon(page), data={**fields, **extra})


def test_a_tapped_score_counts_at_once_and_the_post_completes_that_response(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    page = site.client.get(f"/s/{survey.slug}?src=email").text
    assert beacon(page) == f"/s/{survey.slug}/score?src=email&lang=en"

    told = tap(site, page, "9")

    assert told.status_code == 204 and told.headers[KEPT] == "kept"
    rows = stored(workspace, survey)
    assert [(r["nps"], r["completed_at"], r["source"]) for r in rows] == [(9, None, "email")]
    assert site.notified == [survey.id]

    # The person changes their mind: the same response changes, no second one.
    for score in ("4", "6", "6"):
        assert tap(site, page, score).headers[KEPT] == "kept"
    assert [(r["nps"], r["completed_at"]) for r in stored(workspace, survey)] == [(6, None)]

    done = post_form(
        site.client,
        page,
        {"nps": "6", "reason": "Slow", "_all": "1", "_begun": hidden_field(page, "_begun")},
    )
    assert done.status_code == 303
    assert done.headers["location"].startswith(f"/s/{survey.slug}/thanks?")
    rows = stored(workspace, survey)
    assert [(r["nps"], r["reason"]) for r in rows] == [(6, "Slow")]
    assert rows[0]["completed_at"] is not None

    # The same page tapped again after it was sent begins a new answer (a public
    # link may be answered again), never changes the one completed.
    tap(site, page, "10")
    assert [r["nps"] for r in stored(workspace, survey)] == [6, 10]


def test_each_page_view_begins_its_own_response(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    first = site.client.get(f"/s/{survey.slug}").text
    second = site.client.get(f"/s/{survey.slug}").text
    assert hidden_field(first, "_begun") != hidden_field(second, "_begun")

    tap(site, first, "3")
    tap(site, second, "8")

    assert sorted(r["nps"] for r in stored(workspace, survey)) == [3, 8]


def test_a_post_with_an_error_keeps_the_response_begun(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    page = site.client.get(f"/s/{survey.slug}").text
    tap(site, page, "2")

    back = post_form(
        site.client, page, {"reason": "x\x00", "_all": "1", "_begun": hidden_field(page, "_begun")}
    )

    assert back.status_code == 400
    assert hidden_field(back.text, "_begun") == hidden_field(page, "_begun")
    done = post_form(
        site.client,
        back.text,
        {"nps": "2", "reason": "Cold", "_all": "1", "_begun": hidden_field(back.text, "_begun")},
    )
    assert done.status_code == 303
    assert [(r["nps"], r["reason"]) for r in stored(workspace, survey)] == [(2, "Cold")]


def test_the_beacon_refuses_what_the_page_would_never_send(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    other = make_survey(workspace, "nps")
    page = site.client.get(f"/s/{survey.slug}").text
    elsewhere = site.client.get(f"/s/{other.slug}").text
    tap(site, elsewhere, "5")  # begins a response of the other survey

    forged = tap(site, page, "9", _csrf="forged")
    no_token = site.client.post(beacon(page), data={"_csrf": form_token(page), "nps": "9"})
    bad_score = tap(site, page, "11")
    stolen = tap(site, page, "9", _begun=hidden_field(elsewhere, "_begun"))
    as_get = site.client.get(beacon(page))
    unknown = site.client.post(f"/s/{new_token()}/score", data={"nps": "9"})

    assert [forged.status_code, no_token.status_code, bad_score.status_code] == [403, 400, 400]
    assert [stolen.status_code, as_get.status_code, unknown.status_code] == [409, 405, 404]
    assert KEPT not in forged.headers and KEPT not in stolen.headers
    assert stored(workspace, survey) == []
    assert [r["nps"] for r in stored(workspace, other)] == [5]


def test_taps_count_against_the_public_rate_limit(site: Site, workspace: Workspace):
    settings_store.save(workspace.db(), rate_limit_per_minute=2)
    survey = make_survey(workspace, "nps")
    page = site.client.get(f"/s/{survey.slug}").text

    answers = [tap(site, page, score).status_code for score in ("1", "2", "3")]

    assert answers == [204, 204, 429]
    assert [r["nps"] for r in stored(workspace, survey)] == [2]


def test_a_closed_survey_keeps_no_tap(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    page = site.client.get(f"/s/{survey.slug}").text
    assert survey.id is not None
    survey_store.set_status(workspace.db(), survey.id, SurveyStatus.CLOSED)

    told = tap(site, page, "7")

    assert told.status_code == 204 and KEPT not in told.headers
    assert stored(workspace, survey) == []


def test_a_personal_link_says_when_the_score_is_kept(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    link, _ = invitation(workspace, survey)
    page = site.client.get(link).text
    assert 'class="saved" role="status"' in page
    assert "_begun" not in page  # a personal link's response is found by its delivery

    told = site.client.post(f"{link}/opened", data={"_csrf": form_token(page), "nps": "8"})
    only_opened = site.client.post(f"{link}/opened", data={"_csrf": form_token(page)})

    assert told.headers[KEPT] == "kept"
    assert KEPT not in only_opened.headers


def test_without_the_script_the_next_page_says_the_score_was_received(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    first = site.client.get(f"/s/{survey.slug}?lang=ja").text
    assert 'class="saved received"' not in first

    sent = post_form(site.client, first, {"nps": "3"})  # "Next", without the script
    assert sent.status_code == 303
    following = site.client.get(sent.headers["location"]).text

    assert '<p class="saved received">ありがとうございます。点数を受け付けました。</p>' in following
    assert [(r["nps"], r["completed_at"]) for r in stored(workspace, survey)] == [(3, None)]
