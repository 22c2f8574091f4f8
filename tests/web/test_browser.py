"""The respondent page in a real browser at phone size: Debian's Chromium driven by Playwright.

With JavaScript the follow-up is on the first page and reworded as the score
is chosen; without it the score is sent first and the follow-up comes next.
Every question type can be answered with the keyboard alone, and each control
has the name a screen reader says.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.web.conftest import BUSINESS, DRINKS, PHONE, Site, every_type_survey, stored

pytestmark = pytest.mark.browser

DETRACTOR = "What disappointed you the most?"
PROMOTER = f"What do you like most about {BUSINESS}?"


def test_nps_with_javascript_is_one_page_and_words_the_follow_up_by_the_score(
    phone: Page, site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    phone.goto(f"{site.url}/s/{survey.slug}")
    comment = phone.get_by_role("textbox")

    expect(comment).to_be_hidden()  # the follow-up waits for the score
    phone.get_by_role("radio", name="3", exact=True).check()
    expect(phone.get_by_role("status")).to_have_text(
        "Thank you — your score is saved. Add a comment if you like."
    )
    expect(comment).not_to_be_focused()  # a phone's keyboard would cover the page
    expect(comment).to_have_accessible_name(f"{DETRACTOR} (optional)")
    expect(phone.get_by_text(DETRACTOR)).to_be_visible()
    phone.get_by_role("radio", name="10 Extremely likely").check()
    expect(comment).to_have_accessible_name(f"{PROMOTER} (optional)")
    phone.get_by_role("radio", name="3", exact=True).check()
    expect(comment).to_have_accessible_name(f"{DETRACTOR} (optional)")
    comment.fill("The coffee was cold")
    phone.get_by_role("button", name="Send").click()

    phone.wait_for_url("**/thanks?*")
    expect(phone.get_by_role("heading", name="Thank you!")).to_be_visible()
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"]) for row in rows] == [(3, "The coffee was cold")]
    assert rows[0]["completed_at"] is not None
    # Each score kept and the completion were news for the desktop, of this one survey.
    assert set(site.notified) == {survey.id}


def test_nps_without_javascript_asks_the_score_then_the_follow_up(
    phone_without_js: Page, site: Site, workspace: Workspace
):
    phone = phone_without_js
    survey = make_survey(workspace, "nps", company=BUSINESS)
    phone.goto(f"{site.url}/s/{survey.slug}")

    expect(phone.get_by_role("textbox")).to_have_count(0)  # the follow-up waits for the score
    phone.get_by_role("radio", name="3", exact=True).check()
    phone.get_by_role("button", name="Next").click()

    phone.wait_for_url(re.compile(r"/s/[\w-]+/next/[\w-]+\?page=2"))
    rows = stored(workspace, survey)
    assert [(row["nps"], row["completed_at"]) for row in rows] == [(3, None)]  # counted already
    comment = phone.get_by_role("textbox", name=f"{DETRACTOR} (optional)")
    expect(comment).to_be_visible()
    expect(phone.get_by_text(PROMOTER)).to_have_count(0)
    comment.fill("The queue was long")
    phone.get_by_role("button", name="Send").click()

    phone.wait_for_url("**/thanks?*")
    expect(phone.get_by_role("heading", name="Thank you!")).to_be_visible()
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"]) for row in rows] == [(3, "The queue was long")]
    assert rows[0]["completed_at"] is not None


def test_every_control_has_the_name_a_screen_reader_says(
    phone: Page, site: Site, workspace: Workspace
):
    survey = every_type_survey(workspace, languages=("en",))
    phone.goto(f"{site.url}/s/{survey.slug}")

    def group(name: str, radios: list[str]) -> None:
        box = phone.get_by_role("group", name=name, exact=True)
        expect(box).to_be_visible()
        names = [r.get_attribute("value") for r in box.get_by_role("radio").all()]
        assert len(names) == len(radios), name
        for radio in radios:
            expect(box.get_by_role("radio", name=radio, exact=True)).to_have_count(1)

    group(
        f"How likely are you to recommend {BUSINESS} to a friend or colleague?",
        ["0 Not at all likely", *[str(n) for n in range(1, 10)], "10 Extremely likely"],
    )
    group(
        "How satisfied were you with your visit?",
        ["1 Very unsatisfied", "2", "3", "4", "5 Very satisfied"],
    )
    group(
        "The shop made it easy for me to order.",
        [
            "1 Strongly disagree",
            "2 Disagree",
            "3 Somewhat disagree",
            "4 Neither agree nor disagree",
            "5 Somewhat agree",
            "6 Agree",
            "7 Strongly agree",
        ],
    )
    group("How would you rate your coffee?", ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"])
    group("Did you find what you were looking for?", ["Yes", "No"])
    group(
        "How did you feel about the wait?",
        ["Very unhappy", "Unhappy", "Neutral", "Happy", "Very happy"],
    )
    group("How did you feel when you left? (optional)", ["Unhappy", "Neutral", "Happy"])
    group(
        "How did you first hear about us?",
        ["From a friend", "Walking past", "On the web", "Other (please specify)"],
    )
    drinks = phone.get_by_role("group", name="Which drinks did you order?")
    expect(drinks).to_have_accessible_description("Choose all that apply.")
    for name in ["Latte", "Espresso", "Tea", "Juice", "Cocoa", "Other (please specify)"]:
        expect(drinks.get_by_role("checkbox", name=name, exact=True)).to_have_count(1)
    expect(drinks.get_by_role("checkbox", name="None of these")).to_have_count(1)
    # The "Other" box waits for "Other" to be chosen (the script hides it till then).
    expect(drinks.get_by_role("textbox", name="Other (please specify)")).to_have_count(0)
    drinks.get_by_role("checkbox", name="Other (please specify)", exact=True).check()
    expect(drinks.get_by_role("textbox", name="Other (please specify)")).to_have_count(1)
    expect(phone.get_by_role("textbox", name="Which store did you visit?")).to_have_count(1)
    expect(
        phone.get_by_role(
            "textbox", name="Is there anything else you would like to tell us? (optional)"
        )
    ).to_have_count(1)
    # Every target is big enough to tap: 44 px each way, the eleven NPS scores too.
    for control in phone.locator(
        "form label:not(.ask), form input[type=text]:visible, textarea, button"
    ).all():
        box = control.bounding_box()
        assert box is not None
        assert box["height"] >= 44, control.inner_text()
        assert box["width"] >= 44, control.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_every_type_can_be_answered_with_the_keyboard_alone(
    phone: Page, site: Site, workspace: Workspace
):
    survey = every_type_survey(workspace, languages=("en",), follow_up=True)
    phone.goto(f"{site.url}/s/{survey.slug}")
    keys = Keyboard(phone)

    keys.choose("nps", "3")
    assert keys.focus_ring() == "solid"  # the focused score shows where the keyboard is
    keys.choose("csat", "4")
    keys.choose("ces", "6", key="ArrowDown")
    keys.choose("star", "5")
    keys.choose("thumbs", "0")
    keys.choose("smiley", "2")
    keys.choose("mood", "1")
    keys.choose("heard", "other", key="ArrowDown")
    keys.type_into("heard__other", "A poster at the station")
    order = phone.eval_on_selector_all("input[name=drinks]", "all => all.map(box => box.value)")
    assert sorted(order[:-2]) == sorted(DRINKS) and order[-2:] == ["other", "none"]
    for code in [code for code in order if code in ("latte", "tea")]:
        keys.tick("drinks", code)
    keys.type_into("store", "Shibuya")
    keys.type_into("comment", "Lovely cups")
    expect(phone.get_by_text(DETRACTOR)).to_be_visible()  # worded for the 3 chosen above
    keys.type_into("why", "Slow service")
    keys.tab_until(lambda focused: focused["type"] == "submit")
    phone.keyboard.press("Enter")

    phone.wait_for_url("**/thanks?*")
    row = stored(workspace, survey)[0]
    assert {key: row[key] for key in ("nps", "csat", "ces", "star", "thumbs", "smiley")} == {
        "nps": 3,
        "csat": 4,
        "ces": 6,
        "star": 5,
        "thumbs": 0,
        "smiley": 2,
    }
    assert row["mood"] == 1
    assert (row["heard"], row["heard_other"]) == ("other", "A poster at the station")
    assert sorted(str(row["drinks"]).split(";")) == ["latte", "tea"]
    assert (row["store"], row["comment"], row["why"]) == ("Shibuya", "Lovely cups", "Slow service")
    assert row["completed_at"] is not None


def test_none_of_these_and_other_behave_with_javascript(
    phone: Page, site: Site, workspace: Workspace
):
    survey = every_type_survey(workspace, languages=("en",))
    phone.goto(f"{site.url}/s/{survey.slug}")
    drinks = phone.get_by_role("group", name="Which drinks did you order?")
    latte = drinks.get_by_role("checkbox", name="Latte")
    tea = drinks.get_by_role("checkbox", name="Tea")
    none = drinks.get_by_role("checkbox", name="None of these")
    other = drinks.get_by_role("checkbox", name="Other (please specify)", exact=True)

    latte.check()
    tea.check()
    none.check()
    expect(latte).not_to_be_checked()
    expect(tea).not_to_be_checked()
    tea.check()
    expect(none).not_to_be_checked()
    other_box = drinks.get_by_role("textbox", name="Other (please specify)")
    expect(other_box).to_have_count(0)  # hidden until "Other" is chosen
    other.check()
    other_box.fill("Hojicha")
    expect(other).to_be_checked()
    expect(none).not_to_be_checked()


def test_stars_fill_up_to_the_one_chosen(phone: Page, site: Site, workspace: Workspace):
    survey = every_type_survey(workspace, languages=("en",))
    phone.goto(f"{site.url}/s/{survey.slug}")
    stars = phone.get_by_role("group", name="How would you rate your coffee?")

    stars.get_by_role("radio", name="3 stars").check()

    colours = stars.locator("span").evaluate_all(
        "all => all.map(star => getComputedStyle(star).color)"
    )
    assert len(set(colours[:3])) == 1 and len(set(colours[3:])) == 1
    assert colours[0] != colours[3]


class Keyboard:
    """Answers by key presses only; reads the page just to know where the focus is."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def focused(self) -> dict[str, object]:
        return self.page.evaluate(
            "() => { const e = document.activeElement;"
            " return {name: e.name, value: e.value, type: e.type, checked: e.checked}; }"
        )

    def tab_until(self, wanted, limit: int = 80) -> None:
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if wanted(self.focused()):
                return
        raise AssertionError("the keyboard never reached the field")

    def choose(self, name: str, value: str, key: str = "ArrowRight") -> None:
        """Tab into a radio group, then move with the arrow keys (or Space) to ``value``."""
        self.tab_until(lambda focused: focused["name"] == name)
        for _ in range(12):
            focused = self.focused()
            if focused["value"] == value:
                if not focused["checked"]:
                    self.page.keyboard.press("Space")
                break
            self.page.keyboard.press(key)
        assert self.focused() == {"name": name, "value": value, "type": "radio", "checked": True}

    def tick(self, name: str, value: str) -> None:
        self.tab_until(lambda focused: focused["name"] == name and focused["value"] == value)
        self.page.keyboard.press("Space")
        assert self.focused()["checked"] is True

    def type_into(self, name: str, words: str) -> None:
        self.tab_until(lambda focused: focused["name"] == name)
        self.page.keyboard.type(words)

    def focus_ring(self) -> str:
        return self.page.evaluate(
            "getComputedStyle(document.activeElement.nextElementSibling).outlineStyle"
        )
