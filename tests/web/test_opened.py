"""Score links in emails, "opened", and anonymous surveys on personal links.

Mail security scanners fetch every link of an email, the eleven score links
of an NPS invitation included: a GET or HEAD never records an answer nor
counts as "opened". A person does: the page's script tells the site at their
first click or key press, and of the score they choose
(``POST /r/<token>/opened``), or they post the form. A second score link
clicked while the response is partial shows that score, for the person to
send. (test_browser_scanner.py does the same with a real browser.)
"""

from __future__ import annotations

import re
from dataclasses import replace

import httpx

from channels.links import new_token
from storage import deliveries as delivery_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey
from tests.web.conftest import (
    BUSINESS,
    Site,
    checked,
    form_action,
    form_token,
    invitation,
    post_form,
    refreshed,
    store_open,
    stored,
)


def test_a_scanner_fetching_all_eleven_score_links_records_nothing(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, delivery = invitation(workspace, survey)

    with httpx.Client(base_url=site.url, follow_redirects=True) as scanner:
        pages = [scanner.get(f"{link}?score={score}") for score in range(11)]
        pages += [scanner.head(f"{link}?score={score}") for score in range(11)]
        pages += [scanner.head(link), scanner.get(f"/u/{link[3:]}")]

    assert [page.status_code for page in pages] == [200] * 24
    assert stored(workspace, survey) == []
    after = refreshed(workspace, delivery)
    assert not after.opened and not after.answered
    assert delivery_store.find_by_token(workspace.db(), link[3:]) == after
    row = workspace.db().execute(
        "SELECT opened_at, answered_at FROM deliveries WHERE id = ?", [delivery.id]
    )
    assert row.fetchone() == (None, None)


def test_score_link_opens_the_page_with_that_score_chosen(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, _ = invitation(workspace, survey)

    for score in ("0", "9", "10"):
        page = site.client.get(f"{link}?score={score}").text
        assert checked(page, "nps") == [score]
    for nonsense in ("11", "-1", "nine", "9.5", ""):
        assert checked(site.client.get(f"{link}?score={nonsense}").text, "nps") == []


def test_score_link_page_tells_the_script_where_to_report(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    link, _ = invitation(workspace, survey)

    page = site.client.get(f"{link}?score=9").text

    form = re.search(r"<form [^>]*>", page)
    assert form
    assert f'data-opened="{link}/opened?lang=en"' in form.group(0)
    assert 'data-headline="nps"' in form.group(0)


def test_the_first_interaction_keeps_the_score_and_marks_the_delivery_opened(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, delivery = invitation(workspace, survey)
    page = site.client.get(f"{link}?score=9").text
    token = form_token(page)

    told = site.client.post(f"{link}/opened?lang=en", data={"_csrf": token, "nps": "9"})

    assert told.status_code == 204
    assert refreshed(workspace, delivery).opened
    rows = stored(workspace, survey)
    assert [(row["nps"], row["completed_at"], row["channel"]) for row in rows] == [
        (9, None, "email")
    ]  # counted at once, as a partial response
    assert site.notified == [survey.id]

    # The person changes their mind before going on: the same response changes.
    site.client.post(f"{link}/opened?lang=en", data={"_csrf": token, "nps": "4"})
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(4, None)]

    # The form's post (the script's one page) completes that same response.
    done = post_form(
        site.client, page, {"nps": "4", "reason": "Too slow", "_all": "1"}, to=f"{link}?lang=en"
    )
    assert done.status_code == 303
    assert done.headers["location"] == f"{link}/thanks?lang=en&band=detractor"
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"]) for row in rows] == [(4, "Too slow")]
    assert rows[0]["completed_at"] is not None

    # Once complete, a late report changes nothing.
    late = site.client.post(f"{link}/opened?lang=en", data={"_csrf": token, "nps": "10"})
    assert late.status_code == 204
    assert [row["nps"] for row in stored(workspace, survey)] == [4]


def test_a_report_without_a_score_only_marks_the_link_opened(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    link, delivery = invitation(workspace, survey)
    token = form_token(site.client.get(link).text)

    told = site.client.post(f"{link}/opened", data={"_csrf": token})

    assert told.status_code == 204
    assert refreshed(workspace, delivery).opened
    assert stored(workspace, survey) == []


def test_a_report_without_its_token_or_with_a_bad_score_changes_nothing(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps")
    link, delivery = invitation(workspace, survey)
    token = form_token(site.client.get(link).text)

    forged = site.client.post(f"{link}/opened", data={"nps": "9"})
    with httpx.Client(base_url=site.url) as other_site:
        cross_site = other_site.post(f"{link}/opened", data={"_csrf": token, "nps": "9"})
    bad_score = site.client.post(f"{link}/opened", data={"_csrf": token, "nps": "12"})
    unknown = site.client.post(f"/r/{new_token()}/opened", data={"_csrf": token})
    as_get = site.client.get(f"{link}/opened")

    assert [forged.status_code, cross_site.status_code] == [403, 403]
    assert [bad_score.status_code, unknown.status_code, as_get.status_code] == [400, 404, 405]
    assert stored(workspace, survey) == []
    assert refreshed(workspace, delivery).opened  # the bad score's report came from a person


def test_a_post_marks_the_delivery_opened(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    link, delivery = invitation(workspace, survey)
    page = site.client.get(link).text
    assert not refreshed(workspace, delivery).opened

    post_form(site.client, page, {"nps": "8"})

    after = refreshed(workspace, delivery)
    assert after.opened and after.answered


def test_score_kept_from_the_first_tap_goes_on_at_the_first_page_if_it_asks_more(
    site: Site, workspace: Workspace
):
    # A first page with more than the score: only the score was kept, so the
    # link, opened again, shows that page with the score chosen.
    nps = make_survey(workspace, "nps").questions[0]
    csat = make_survey(workspace, "csat").questions[0]
    survey = store_open(workspace, [nps, csat])
    link, _ = invitation(workspace, survey)
    token = form_token(site.client.get(link).text)
    site.client.post(f"{link}/opened", data={"_csrf": token, "nps": "6"})

    again = site.client.get(link, follow_redirects=True)

    assert again.status_code == 200
    assert checked(again.text, "nps") == ["6"]
    assert 'name="csat"' in again.text
    done = post_form(site.client, again.text, {"nps": "6", "csat": "2"})
    assert done.status_code == 303
    row = stored(workspace, survey)[0]
    assert (row["nps"], row["csat"]) == (6, 2) and row["completed_at"] is not None


def test_anonymous_survey_links_no_response_to_its_delivery_yet_marks_it_answered(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps")
    assert survey.id is not None
    anonymous = survey_store.update(workspace.db(), replace(survey, anonymous=True))
    assert anonymous.anonymous
    link, delivery = invitation(workspace, anonymous)
    page = site.client.get(f"{link}?score=3").text
    # A beacon without the page's _begun token (a page from an older version)
    # only tells "opened": the score waits for the post.
    told = site.client.post(f"{link}/opened", data={"_csrf": form_token(page), "nps": "3"})
    posted = post_form(site.client, page, {"nps": "3", "reason": "Slow", "_all": "1"})

    assert told.status_code == 204
    assert posted.status_code == 303
    after = refreshed(workspace, delivery)
    assert after.answered and after.opened
    rows = workspace.db().execute("SELECT delivery_id, channel FROM responses").fetchall()
    assert rows == [(None, "email")]
    assert [(row["nps"], row["reason"]) for row in stored(workspace, anonymous)] == [(3, "Slow")]
    assert "You have already answered" in site.client.get(link).text


def begun_with_a_tap_on_6(site: Site, workspace: Workspace) -> tuple[Survey, str]:
    """An NPS invitation whose response the person began by choosing 6 (the script's report)."""
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, _ = invitation(workspace, survey)
    token = form_token(site.client.get(f"{link}?score=6").text)
    site.client.post(f"{link}/opened", data={"_csrf": token, "nps": "6"})
    return survey, link


def test_a_score_link_fetched_while_partial_shows_that_score_and_stores_nothing(
    site: Site, workspace: Workspace
):
    survey, link = begun_with_a_tap_on_6(site, workspace)
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(6, None)]

    with httpx.Client(base_url=site.url, follow_redirects=True) as scanner:
        pages = [scanner.get(f"{link}?score={score}") for score in range(11)]
        pages += [scanner.head(f"{link}?score={score}") for score in range(11)]

    assert [page.status_code for page in pages] == [200] * 22
    # Each other score's page has it chosen; the score begun goes on to the follow-up.
    shown = [[str(n)] if n != 6 else [] for n in range(11)]
    assert [checked(page.text, "nps") for page in pages[:11]] == shown
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(6, None)]
    # The same score clicked again goes on where the person left off: the follow-up.
    again = site.client.get(f"{link}?score=6", follow_redirects=True)
    assert "/next/" in str(again.url) and checked(again.text, "nps") == []


def test_a_second_score_link_while_partial_is_kept_when_the_person_posts_it(
    site: Site, workspace: Workspace
):
    # Without the script: the person clicked 6 in the email and sent it, then 9.
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, delivery = invitation(workspace, survey)
    first = site.client.get(f"{link}?score=6").text
    assert post_form(site.client, first, {"nps": "6"}).status_code == 303

    page = site.client.get(f"{link}?score=9")

    assert page.status_code == 200 and checked(page.text, "nps") == ["9"]
    assert form_action(page.text).startswith(f"{link}/next/")
    assert [row["nps"] for row in stored(workspace, survey)] == [6]  # the page alone: nothing
    sent = post_form(site.client, page.text, {"nps": "9"})
    assert sent.status_code == 303 and "page=2" in sent.headers["location"]
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(9, None)]
    follow_up = site.client.get(sent.headers["location"]).text
    assert f"What do you like most about {BUSINESS}?" in follow_up  # worded for the new score
    done = post_form(site.client, follow_up, {"reason": "Friendly staff"})
    assert done.headers["location"] == f"{link}/thanks?lang=en&band=promoter"
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"]) for row in rows] == [(9, "Friendly staff")]
    assert rows[0]["completed_at"] is not None and refreshed(workspace, delivery).answered


def test_a_score_chosen_on_the_page_shown_again_replaces_the_one_begun(
    site: Site, workspace: Workspace
):
    # With the script: the page shown again reports the person's new choice.
    survey, link = begun_with_a_tap_on_6(site, workspace)

    page = site.client.get(f"{link}?score=9").text
    form = re.search(r"<form [^>]*>", page)
    assert form and f'data-opened="{link}/opened?lang=en"' in form.group(0)
    assert 'data-headline="nps"' in form.group(0)
    told = site.client.post(f"{link}/opened", data={"_csrf": form_token(page), "nps": "9"})

    assert told.status_code == 204
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(9, None)]
    done = post_form(site.client, page, {"nps": "9", "reason": "Quick", "_all": "1"})
    assert done.headers["location"] == f"{link}/thanks?lang=en&band=promoter"
    assert [(row["nps"], row["reason"]) for row in stored(workspace, survey)] == [(9, "Quick")]
