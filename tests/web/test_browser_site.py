"""The respondent page in a real browser: one tap, the weight of the page, no third party.

(test_browser_scanner.py: a person, not a scanner, opening an email's score link.)

Debian's Chromium through Playwright at phone size (390×844); a screenshot of
each test's last page lands in test-artifacts/web/.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, Route, expect

from channels.links import new_token
from storage import analytics
from storage import deliveries as delivery_store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey
from surveys.questions import Band, Question, QuestionType
from surveys.text import LocalText
from tests.conftest import make_survey
from tests.web.conftest import (
    ARTIFACTS,
    BUSINESS,
    Site,
    every_type_survey,
    invitation,
    store_open,
    stored,
    wait_for,
)

pytestmark = pytest.mark.browser

# Bytes on the wire (compressed): issue 17's "at most 10 KB" first load for an NPS survey
# with its follow-up (issue 4 allowed 30 KB before the page was compressed).
BUDGET = 10_000
DETRACTOR = "What disappointed you the most?"


def nps_with_follow_up_for(workspace: Workspace, *bands: Band) -> Survey:
    template = make_survey(workspace, "nps", company=BUSINESS)
    reason = replace(template.questions[1], show_for=bands)
    return store_open(workspace, [template.questions[0], reason])


# --- one tap ------------------------------------------------------------------------------------


def test_one_tap_sends_when_nothing_else_is_asked(phone: Page, site: Site, workspace: Workspace):
    survey = nps_with_follow_up_for(workspace, Band.DETRACTOR)
    phone.goto(f"{site.url}/s/{survey.slug}")

    phone.get_by_role("radio", name="10 Extremely likely").click()

    phone.wait_for_url("**/thanks?*")
    expect(phone.get_by_role("heading", name="Thank you!")).to_be_visible()
    rows = stored(workspace, survey)
    assert [(row["nps"], row["completed_at"] is not None) for row in rows] == [(10, True)]


def test_one_tap_on_a_star_sends_a_one_question_survey(
    phone: Page, site: Site, workspace: Workspace
):
    survey = store_open(
        workspace, [Question("meal", QuestionType.STAR, LocalText(en="How was your meal?"))]
    )
    phone.goto(f"{site.url}/s/{survey.slug}")

    phone.get_by_role("radio", name="4 stars").click()

    phone.wait_for_url("**/thanks?*")
    assert [row["meal"] for row in stored(workspace, survey)] == [4]


def test_one_tap_keeps_the_score_and_invites_the_comment_without_taking_the_focus(
    phone: Page, site: Site, workspace: Workspace
):
    survey = nps_with_follow_up_for(workspace, Band.DETRACTOR)
    phone.goto(f"{site.url}/s/{survey.slug}")
    comment = phone.get_by_role("textbox")
    expect(comment).to_be_hidden()
    start = phone.url

    score = phone.get_by_role("radio", name="2", exact=True)
    score.click()

    # Kept at once, said politely, and the keyboard stays shut: the focus is on the score.
    expect(phone.get_by_role("status")).to_have_text(
        "Thank you — your score is saved. Add a comment if you like."
    )
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(2, None)]
    expect(comment).to_have_accessible_name(f"{DETRACTOR} (optional)")
    expect(score).to_be_focused()
    assert phone.evaluate("document.activeElement.tagName") == "INPUT"
    assert phone.url == start  # no page change
    comment.fill("Cold coffee")
    phone.get_by_role("button", name="Send").click()
    phone.wait_for_url("**/thanks?*")
    assert [(row["nps"], row["reason"]) for row in stored(workspace, survey)] == [
        (2, "Cold coffee")
    ]  # the same response, completed


def test_a_person_who_taps_and_leaves_is_counted(phone: Page, site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("ja", "en"), company=BUSINESS)
    phone.goto(f"{site.url}/s/{survey.slug}?lang=ja")

    for score in ("9", "7", "8"):  # changes of mind change the one response
        phone.get_by_role("radio", name=score, exact=True).click()
    expect(phone.get_by_role("status")).to_have_text(
        "ありがとうございます。点数を受け付けました。よろしければ、ご意見もお聞かせください。"
    )
    wait_for(lambda: [row["nps"] for row in stored(workspace, survey)] == [8])
    phone.close()

    rows = stored(workspace, survey)  # the export's rows
    assert [(row["nps"], row["completed_at"], row["language"]) for row in rows] == [(8, None, "ja")]
    assert survey.id is not None
    results = analytics.results(workspace.db(), survey.id)  # what the Results page shows
    assert results.responses == 1 and results.distribution[8] == 1
    assert site.notified and set(site.notified) == {survey.id}


def test_send_waits_for_the_score_on_its_way_so_one_response_is_made(
    phone: Page, site: Site, workspace: Workspace
):
    survey = nps_with_follow_up_for(workspace, Band.DETRACTOR)
    held: list[Route] = []
    phone.route("**/score?*", lambda route: held.append(route))  # held up on a slow network
    phone.goto(f"{site.url}/s/{survey.slug}")
    start = phone.url

    phone.get_by_role("radio", name="2", exact=True).click()
    phone.get_by_role("textbox").fill("Cold coffee")
    phone.get_by_role("button", name="Send").click()
    phone.wait_for_timeout(300)
    assert len(held) == 1 and phone.url == start  # the post waits for the score
    held[0].continue_()

    phone.wait_for_url("**/thanks?*")
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"], row["completed_at"] is not None) for row in rows] == [
        (2, "Cold coffee", True)
    ]


def test_the_embedded_survey_keeps_a_tap_through_its_own_route(
    phone: Page, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    phone.goto(f"{site.url}/e/{survey.slug}")
    form = phone.locator("form")
    assert form.get_attribute("data-keep") == f"/e/{survey.slug}/score?lang=en"

    phone.get_by_role("radio", name="9", exact=True).click()

    expect(phone.get_by_role("status")).not_to_be_empty()
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(9, None)]


def test_on_a_personal_link_a_tap_is_kept_and_said_too(
    phone: Page, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, _ = invitation(workspace, survey)
    phone.goto(f"{site.url}{link}")

    score = phone.get_by_role("radio", name="6", exact=True)
    score.click()

    expect(phone.get_by_role("status")).to_have_text(
        "Thank you — your score is saved. Add a comment if you like."
    )
    expect(score).to_be_focused()
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(6, None)]


def test_on_an_anonymous_surveys_personal_link_a_tap_counts_and_the_comment_follows(
    phone: Page, site: Site, workspace: Workspace
):
    survey = nps_with_follow_up_for(workspace, Band.DETRACTOR)
    anonymous = survey_store.update(workspace.db(), replace(survey, anonymous=True))
    link, delivery = invitation(workspace, anonymous)
    phone.goto(f"{site.url}{link}")

    phone.get_by_role("radio", name="3", exact=True).click()
    expect(phone.get_by_role("status")).to_have_text(
        "Thank you — your score is saved. Add a comment if you like."
    )
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, anonymous)] == [
        (3, None)
    ]
    assert delivery_store.get(workspace.db(), delivery.id).answered  # no reminder now

    phone.reload()  # or the email's link opened again: on with the same response
    phone.get_by_role("textbox").fill("Cold coffee")
    phone.get_by_role("button", name="Send").click()
    phone.wait_for_url("**/thanks?*")
    rows = stored(workspace, anonymous)
    assert [(row["nps"], row["reason"], row["completed_at"] is not None) for row in rows] == [
        (3, "Cold coffee", True)
    ]
    linked = workspace.db().execute("SELECT delivery_id FROM responses").fetchall()
    assert linked == [(None,)]


def test_one_tap_never_sends_a_page_with_more_to_answer(
    phone: Page, site: Site, workspace: Workspace
):
    survey = every_type_survey(workspace, languages=("en",))
    phone.goto(f"{site.url}/s/{survey.slug}")
    start = phone.url

    phone.get_by_role("radio", name="10 Extremely likely").click()
    phone.get_by_role("radio", name="5 stars").click()

    expect(phone.get_by_role("status")).to_have_text("Thank you — your score is saved.")
    assert phone.url == start
    rows = stored(workspace, survey)
    assert [(row["nps"], row["star"], row["completed_at"]) for row in rows] == [(10, None, None)]


def test_arrow_keys_move_through_the_scores_without_sending(
    phone: Page, site: Site, workspace: Workspace
):
    survey = nps_with_follow_up_for(workspace, Band.DETRACTOR)
    phone.goto(f"{site.url}/s/{survey.slug}")
    for _ in range(5):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.name") == "nps":
            break
    assert phone.evaluate("document.activeElement.value") == "0"

    for _ in range(10):
        phone.keyboard.press("ArrowRight")  # 0 → 10 through every score, promoters included

    phone.wait_for_timeout(300)
    assert "/thanks" not in phone.url
    assert phone.evaluate("document.activeElement.value") == "10"
    phone.keyboard.press("Enter")  # the person sends when they choose to
    phone.wait_for_url("**/thanks?*")
    assert [row["nps"] for row in stored(workspace, survey)] == [10]


def test_without_javascript_a_tap_only_chooses(
    phone_without_js: Page, site: Site, workspace: Workspace
):
    survey = store_open(
        workspace, [Question("meal", QuestionType.STAR, LocalText(en="How was your meal?"))]
    )
    phone = phone_without_js
    phone.goto(f"{site.url}/s/{survey.slug}")

    phone.get_by_role("radio", name="4 stars").click()
    phone.wait_for_timeout(300)
    assert stored(workspace, survey) == []

    phone.get_by_role("button", name="Send").click()
    phone.wait_for_url("**/thanks?*")
    assert [row["meal"] for row in stored(workspace, survey)] == [4]


# --- light, and nobody else ---------------------------------------------------------------------


def test_nps_page_with_its_follow_up_weighs_at_most_10_kb_on_first_load(
    phone: Page, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)  # the score and its follow-up
    finished: list[Request] = []
    phone.on("requestfinished", lambda request: finished.append(request))

    phone.goto(f"{site.url}/s/{survey.slug}", wait_until="networkidle")

    bodies = {request.url: request.sizes()["responseBodySize"] for request in finished}
    total = sum(bodies.values())
    paths = sorted(urlsplit(url).path for url in bodies)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "nps-transfer.txt").write_text(
        "".join(f"{size:>7} {url}\n" for url, size in bodies.items()) + f"{total:>7} in all\n"
    )
    # The page (its stylesheet inline) and its script: no font, no image, no favicon request.
    assert paths == [f"/s/{survey.slug}", "/static/koe.js"]
    assert all(size > 0 for size in bodies.values())
    assert total <= BUDGET, bodies


def test_every_request_goes_to_the_site_itself(phone: Page, site: Site, workspace: Workspace):
    settings_store.save(
        workspace.db(),
        review_url="https://g.page/r/hinata/review",
        referral_url="https://example.com/refer",
        follow_up_detractors=True,
    )
    survey = make_survey(workspace, "nps", company=BUSINESS)
    assert survey.id is not None
    token = new_token()
    delivery_store.create(workspace.db(), survey_id=survey.id, token=token, channel="email")
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url))

    phone.goto(f"{site.url}/r/{token}?score=9")
    phone.get_by_role("radio", name="10 Extremely likely").click()
    phone.get_by_role("textbox").fill("Lovely")
    phone.get_by_role("button", name="Send").click()
    phone.wait_for_url("**/thanks?*")
    expect(phone.get_by_role("link", name="Write a review")).to_be_visible()
    phone.wait_for_load_state("networkidle")

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
    assert requested, "no request was recorded"
    assert [url for url in requested if not url.startswith(origin + "/")] == []
    assert any(url.endswith("/thanks?lang=en&band=promoter") for url in requested)


def test_the_thank_you_links_and_the_unsubscribe_button_show_the_keyboard_focus(
    phone: Page, site: Site, workspace: Workspace
):
    settings_store.save(
        workspace.db(),
        review_url="https://g.page/r/hinata/review",
        referral_url="https://example.com/refer",
    )
    survey = make_survey(workspace, "nps", company=BUSINESS)
    assert survey.id is not None
    token = new_token()
    delivery_store.create(workspace.db(), survey_id=survey.id, token=token, channel="email")

    def ring() -> str:
        return phone.evaluate("getComputedStyle(document.activeElement).outlineStyle")

    phone.goto(f"{site.url}/s/{survey.slug}/thanks?lang=en&band=promoter")
    for name in ("Tell a friend", "Write a review"):
        link = phone.get_by_role("link", name=name)
        for _ in range(10):
            phone.keyboard.press("Tab")
            if link.evaluate("element => element === document.activeElement"):
                break
        expect(link).to_be_focused()
        assert ring() == "solid", name
    phone.goto(f"{site.url}/u/{token}")
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("button", name="Unsubscribe")).to_be_focused()
    assert ring() == "solid"
