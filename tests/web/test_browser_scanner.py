"""An email's score links in a real browser: a mail scanner's or sandbox's visit stores
nothing; a person's click, key press or post does.

Security sandboxes fetch every link of an email and may load the page in a
browser and click around in it with script-made events (``isTrusted`` false).
Nothing of that is an answer nor an "opened": only what Chromium marks as the
person's (Playwright's mouse and keyboard, like a real person) counts, and a
score only when it is chosen on the score control itself or the form is sent.

Debian's Chromium through Playwright at phone size (390×844); a screenshot of
each test's last page lands in test-artifacts/web/.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from storage.deliveries import Delivery
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey
from tests.web.conftest import (
    BUSINESS,
    Site,
    invitation,
    phone_context,
    refreshed,
    store_open,
    stored,
    wait_for,
)

pytestmark = pytest.mark.browser

# How long a page is left alone before "nothing was sent" is believed: well past
# the 400 ms the script waits before it reports a score.
QUIET_MS = 1_000
PROMOTER = f"What do you like most about {BUSINESS}? (optional)"

# What a sandbox's script may do to the page: click every score and label, the
# page itself, change a score, press keys. None of it is trusted.
CLICKS = """() => {
  const scores = [...document.querySelectorAll('input[name=nps]')];
  for (const score of scores) {
    score.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));
    score.click();
  }
  for (const label of document.querySelectorAll('label')) label.click();
  scores.forEach(score => score.dispatchEvent(new Event('change', {bubbles: true})));
  document.body.click();
  document.dispatchEvent(new MouseEvent('click', {bubbles: true}));
}"""
KEYS = """() => {
  const scores = [...document.querySelectorAll('input[name=nps]')];
  const fields = document.querySelectorAll('textarea');
  for (const target of [document, document.body, ...scores, ...fields]) {
    for (const type of ['keydown', 'keypress', 'keyup']) {
      for (const key of ['Tab', 'ArrowRight', ' ', 'Enter']) {
        target.dispatchEvent(new KeyboardEvent(type, {key: key, bubbles: true}));
      }
    }
  }
}"""
SANDBOX = {"clicks": CLICKS, "keys": KEYS}

HEADS = """links => Promise.all(links.map(link =>
  fetch(link, {method: 'HEAD'}).then(response => response.status)))"""


def beacons(page: Page) -> list[str]:
    """What the page tells the site of a person (``POST /r/<token>/opened``), as it is sent."""
    sent: list[str] = []

    def note(request) -> None:
        if request.method == "POST" and request.url.split("?")[0].endswith("/opened"):
            sent.append(request.post_data or "")

    page.on("request", note)
    return sent


def kept(workspace: Workspace, survey: Survey) -> list[tuple[object, bool]]:
    """Each stored response's headline score and whether it is complete."""
    return [(row["nps"], row["completed_at"] is not None) for row in stored(workspace, survey)]


def untouched(workspace: Workspace, survey: Survey, delivery: Delivery) -> bool:
    found = refreshed(workspace, delivery)
    return stored(workspace, survey) == [] and not found.opened and not found.answered


def score(page: Page, value: int):
    return page.locator(f'input[name="nps"][value="{value}"]')


# --- a scanner or sandbox -----------------------------------------------------------------------


def test_a_browser_loading_and_heading_all_eleven_score_links_stores_nothing(
    phone: Page, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, delivery = invitation(workspace, survey)
    told = beacons(phone)

    for value in range(11):
        phone.goto(f"{site.url}{link}?score={value}", wait_until="networkidle")
        expect(score(phone, value)).to_be_checked()
    heads = phone.evaluate(HEADS, [f"{link}?score={value}" for value in range(11)])
    phone.wait_for_timeout(QUIET_MS)  # the last page left idle

    assert heads == [200] * 11
    assert told == []
    assert untouched(workspace, survey, delivery)


@pytest.mark.parametrize("events", SANDBOX)
def test_script_made_events_store_nothing(
    events: str, phone: Page, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, delivery = invitation(workspace, survey)
    told = beacons(phone)
    phone.goto(f"{site.url}{link}?score=9", wait_until="networkidle")
    address = phone.url

    phone.evaluate(SANDBOX[events])
    phone.wait_for_timeout(QUIET_MS)

    assert told == []
    assert untouched(workspace, survey, delivery)
    assert phone.url == address


def test_a_scripts_tap_on_a_score_or_click_on_send_sends_nothing(
    phone: Page, site: Site, workspace: Workspace
):
    # A survey of one score: a person's tap on it sends the form at once.
    nps = make_survey(workspace, "nps", company=BUSINESS).questions[0]
    survey = store_open(workspace, [nps])
    link, delivery = invitation(workspace, survey)
    told = beacons(phone)
    phone.goto(f"{site.url}{link}?score=9", wait_until="networkidle")
    address = phone.url

    phone.evaluate(CLICKS)
    phone.evaluate("() => document.querySelector('button[type=submit]').click()")
    phone.wait_for_timeout(QUIET_MS)

    assert phone.url == address
    assert told == []
    assert untouched(workspace, survey, delivery)
    # The person's own tap still sends at once.
    phone.get_by_role("radio", name="9", exact=True).click()
    phone.wait_for_url("**/thanks?*")
    assert kept(workspace, survey) == [(9, True)]
    assert refreshed(workspace, delivery).opened


# --- a person -----------------------------------------------------------------------------------


def test_a_persons_click_on_the_emailed_score_keeps_it_and_opens_the_link(
    phone: Page, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, delivery = invitation(workspace, survey)
    phone.goto(f"{site.url}{link}?score=9", wait_until="networkidle")
    comment = phone.get_by_role("textbox")
    expect(score(phone, 9)).to_be_checked()
    expect(comment).to_have_accessible_name(PROMOTER)
    phone.wait_for_timeout(QUIET_MS)
    assert untouched(workspace, survey, delivery)  # the page alone: nothing

    phone.get_by_role("radio", name="9", exact=True).click()  # the score already chosen

    wait_for(lambda: kept(workspace, survey) == [(9, False)])  # counted at once, as partial
    assert refreshed(workspace, delivery).opened
    comment.fill("Friendly staff")
    phone.get_by_role("button", name="Send").click()
    phone.wait_for_url("**/thanks?*")
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"]) for row in rows] == [(9, "Friendly staff")]
    assert rows[0]["completed_at"] is not None
    assert refreshed(workspace, delivery).answered


def test_a_persons_click_elsewhere_opens_the_link_and_the_score_waits_for_send(
    phone: Page, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, delivery = invitation(workspace, survey)
    told = beacons(phone)
    phone.goto(f"{site.url}{link}?score=9", wait_until="networkidle")
    comment = phone.get_by_role("textbox")

    comment.click()

    wait_for(lambda: refreshed(workspace, delivery).opened)
    phone.wait_for_timeout(QUIET_MS)
    assert stored(workspace, survey) == []  # a score only preselected by the link
    assert len(told) == 1 and "nps=" not in told[0]
    comment.fill("Friendly staff")
    phone.get_by_role("button", name="Send").click()
    phone.wait_for_url("**/thanks?*")
    assert [(row["nps"], row["reason"]) for row in stored(workspace, survey)] == [
        (9, "Friendly staff")
    ]


def test_a_persons_key_press_opens_the_link_and_arrow_keys_choose_the_score(
    phone: Page, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, delivery = invitation(workspace, survey)
    phone.goto(f"{site.url}{link}?score=9", wait_until="networkidle")

    phone.keyboard.press("Tab")  # to the score chosen

    wait_for(lambda: refreshed(workspace, delivery).opened)
    assert phone.evaluate("document.activeElement.value") == "9"
    phone.wait_for_timeout(QUIET_MS)
    assert stored(workspace, survey) == []
    phone.keyboard.press("ArrowRight")
    wait_for(lambda: kept(workspace, survey) == [(10, False)])


def test_a_person_changing_the_emailed_score_is_kept_with_the_new_one(
    phone: Page, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, _ = invitation(workspace, survey)

    phone.goto(f"{site.url}{link}?score=9")
    phone.get_by_role("radio", name="4", exact=True).click()  # then leaves without sending

    wait_for(lambda: kept(workspace, survey) == [(4, False)])


# --- a second score link while the response is partial ------------------------------------------


def test_another_score_link_while_partial_shows_that_score_and_the_persons_click_replaces_it(
    phone: Page, browser: Browser, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, delivery = invitation(workspace, survey)
    phone.goto(f"{site.url}{link}?score=6")
    phone.get_by_role("radio", name="6", exact=True).click()
    wait_for(lambda: kept(workspace, survey) == [(6, False)])

    # A scanner's browser on all eleven links, its script clicking around: no change.
    scanner = phone_context(browser)
    try:
        sandbox = scanner.new_page()
        for value in range(11):
            sandbox.goto(f"{site.url}{link}?score={value}", wait_until="networkidle")
            sandbox.evaluate(CLICKS)
            sandbox.evaluate(KEYS)
        heads = sandbox.evaluate(HEADS, [f"{link}?score={value}" for value in range(11)])
        sandbox.wait_for_timeout(QUIET_MS)
    finally:
        scanner.close()
    assert heads == [200] * 11
    assert kept(workspace, survey) == [(6, False)]

    # The person clicks 9 in the same email.
    phone.goto(f"{site.url}{link}?score=9", wait_until="networkidle")
    expect(score(phone, 9)).to_be_checked()
    expect(phone.get_by_role("textbox")).to_have_accessible_name(PROMOTER)
    assert kept(workspace, survey) == [(6, False)]  # the page alone changes nothing
    phone.get_by_role("radio", name="9", exact=True).click()
    wait_for(lambda: kept(workspace, survey) == [(9, False)])
    phone.get_by_role("textbox").fill("Friendly staff")
    phone.get_by_role("button", name="Send").click()
    phone.wait_for_url("**/thanks?*")
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"]) for row in rows] == [(9, "Friendly staff")]
    assert rows[0]["completed_at"] is not None and refreshed(workspace, delivery).answered


def test_without_javascript_another_score_link_while_partial_is_sent_with_that_score(
    phone_without_js: Page, site: Site, workspace: Workspace
):
    phone = phone_without_js
    survey = make_survey(workspace, "nps", company=BUSINESS)
    link, _ = invitation(workspace, survey)
    phone.goto(f"{site.url}{link}?score=6")
    phone.get_by_role("button", name="Next").click()
    expect(phone.get_by_role("textbox")).to_have_accessible_name(
        "What disappointed you the most? (optional)"
    )
    assert kept(workspace, survey) == [(6, False)]

    phone.goto(f"{site.url}{link}?score=9")
    expect(score(phone, 9)).to_be_checked()
    assert kept(workspace, survey) == [(6, False)]
    phone.get_by_role("button", name="Next").click()

    expect(phone.get_by_role("textbox")).to_have_accessible_name(PROMOTER)
    assert kept(workspace, survey) == [(9, False)]
    phone.get_by_role("textbox").fill("Friendly staff")
    phone.get_by_role("button", name="Send").click()
    phone.wait_for_url("**/thanks?*")
    assert [(row["nps"], row["reason"]) for row in stored(workspace, survey)] == [
        (9, "Friendly staff")
    ]
