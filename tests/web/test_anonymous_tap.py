"""One tap on an anonymous survey's personal link: the score counts, and nobody can tell whose.

An anonymous survey's response names no delivery, so the delivery cannot find
the response its tap began. The page carries its own token instead
(web.one_tap): the tap keeps the score under it and claims the delivery as
answered, the person's browser keeps the token in a cookie for the link's
path, and the form's post (or the page opened again) goes on with that same
response. A post whose tap reply was lost on the way (no cookie) finds the
response by the form's token.
"""

from __future__ import annotations

import re
from dataclasses import replace

import httpx

from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey
from tests.web.conftest import (
    BUSINESS,
    Site,
    form_token,
    invitation,
    post_form,
    refreshed,
    stored,
)
from web.one_tap import BEGUN_COOKIE, KEPT_HEADER


def anonymous_nps(workspace: Workspace) -> Survey:
    survey = make_survey(workspace, "nps", company=BUSINESS)
    return survey_store.update(workspace.db(), replace(survey, anonymous=True))


def begun_token(page: str) -> str:
    match = re.search(r'<input type="hidden" name="_begun" value="([^"]+)">', page)
    assert match, "the page carries no token for its tap"
    return match.group(1)


def tap(client: httpx.Client, link: str, page: str, score: str) -> httpx.Response:
    """The page's script reporting the score the person tapped."""
    fields = {"_csrf": form_token(page), "_begun": begun_token(page), "nps": score}
    return client.post(f"{link}/opened", data=fields)


def responses(workspace: Workspace) -> list[tuple[object, ...]]:
    return (
        workspace.db()
        .execute("SELECT delivery_id, channel, completed_at IS NOT NULL FROM responses")
        .fetchall()
    )


def test_a_tap_and_leave_is_counted_with_no_link_to_the_contact(site: Site, workspace: Workspace):
    survey = anonymous_nps(workspace)
    link, delivery = invitation(workspace, survey)
    page = site.client.get(link).text
    assert 'data-headline="nps"' in page

    told = tap(site.client, link, page, "9")

    assert told.status_code == 204 and told.headers.get(KEPT_HEADER) == "kept"
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(9, None)]
    assert responses(workspace) == [(None, "email", 0)]  # counted, and names no delivery
    after = refreshed(workspace, delivery)
    assert after.answered and after.opened  # no reminder goes to someone who answered
    cookie = told.headers["set-cookie"]
    assert cookie.startswith(f"{BEGUN_COOKIE}=") and f"Path={link}" in cookie
    assert "HttpOnly" in cookie and "Max-Age" not in cookie


def test_the_post_after_a_tap_completes_the_same_response(site: Site, workspace: Workspace):
    survey = anonymous_nps(workspace)
    link, _ = invitation(workspace, survey)
    page = site.client.get(link).text
    tap(site.client, link, page, "4")
    tap(site.client, link, page, "5")  # a second tap changes the score begun

    posted = post_form(site.client, page, {"nps": "5", "reason": "Slow", "_all": "1"})

    assert posted.status_code == 303 and "/thanks" in posted.headers["location"]
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"]) for row in rows] == [(5, "Slow")]
    assert rows[0]["completed_at"] is not None
    assert responses(workspace) == [(None, "email", 1)]
    assert "You have already answered" in site.client.get(link).text


def test_a_post_whose_tap_reply_was_lost_still_completes_it(site: Site, workspace: Workspace):
    survey = anonymous_nps(workspace)
    link, _ = invitation(workspace, survey)
    page = site.client.get(link).text
    tap(site.client, link, page, "8")
    site.client.cookies.delete(BEGUN_COOKIE)  # the reply never reached the phone

    posted = post_form(
        site.client,
        page,
        {"nps": "8", "reason": "Fine", "_all": "1", "_begun": begun_token(page)},
    )

    assert posted.status_code == 303
    assert [(row["nps"], row["reason"]) for row in stored(workspace, survey)] == [(8, "Fine")]
    assert len(responses(workspace)) == 1


def test_the_link_opened_again_after_a_tap_goes_on_to_the_comment(site: Site, workspace: Workspace):
    survey = anonymous_nps(workspace)
    link, _ = invitation(workspace, survey)
    page = site.client.get(link).text
    tap(site.client, link, page, "2")

    again = site.client.get(link, follow_redirects=True)

    assert again.status_code == 200 and "already answered" not in again.text
    assert "/next/" in str(again.url) and 'name="reason"' in again.text
    finished = post_form(site.client, again.text, {"reason": "Cold food"})
    assert finished.status_code == 303
    assert [(row["nps"], row["reason"]) for row in stored(workspace, survey)] == [(2, "Cold food")]


def test_another_browser_on_the_same_link_cannot_reach_the_response(
    site: Site, workspace: Workspace
):
    survey = anonymous_nps(workspace)
    link, _ = invitation(workspace, survey)
    page = site.client.get(link).text
    tap(site.client, link, page, "9")

    with httpx.Client(base_url=site.url) as stranger:
        seen = stranger.get(link, follow_redirects=True)
        assert "You have already answered" in seen.text
        theirs = seen.text  # no form: nothing to post with
        assert "_begun" not in theirs
        # A forged post naming a made-up token changes nothing.
        fresh = stranger.get(f"/s/{survey.slug}").text
        forged = stranger.post(
            link,
            data={"_csrf": form_token(fresh), "_begun": "A" * 22, "nps": "0", "_all": "1"},
        )
        assert forged.status_code in (403, 409)
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(9, None)]


def test_a_tap_on_a_completed_link_or_with_another_surveys_token_keeps_nothing(
    site: Site, workspace: Workspace
):
    survey = anonymous_nps(workspace)
    link, _ = invitation(workspace, survey)
    page = site.client.get(link).text
    tap(site.client, link, page, "7")
    post_form(site.client, page, {"nps": "7", "_all": "1"})

    late = tap(site.client, link, page, "1")  # the same page, tapped after Send
    assert late.status_code == 204 and late.headers.get(KEPT_HEADER) is None

    # A token that names another survey's response begun on its public link.
    public = make_survey(workspace, "nps", company=BUSINESS)
    public_page = site.client.get(f"/s/{public.slug}").text
    site.client.post(
        f"/s/{public.slug}/score",
        data={"_csrf": form_token(public_page), "_begun": begun_token(public_page), "nps": "3"},
    )
    other_link, other = invitation(workspace, survey)
    other_page = site.client.get(other_link).text
    fields = {"_csrf": form_token(other_page), "_begun": begun_token(public_page), "nps": "0"}
    foreign = site.client.post(f"{other_link}/opened", data=fields)

    assert foreign.status_code == 409 and foreign.headers.get(KEPT_HEADER) is None
    assert [row["nps"] for row in stored(workspace, survey)] == [7]
    assert [row["nps"] for row in stored(workspace, public)] == [3]
    assert not refreshed(workspace, other).answered
