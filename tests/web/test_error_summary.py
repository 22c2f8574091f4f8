"""The error summary names and links each question to fix; "Other" boxes wait for "Other".

The summary follows GOV.UK's pattern: at the top of the page, focused when
the page opens (so a screen reader reads it and the keyboard starts there),
one link per problem to its question. With the script a link also puts the
focus in the question's first field. The "Other (please specify)" text box
shows once "Other" is chosen; without the script it is always there.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from storage.workspace import Workspace
from surveys.model import Survey
from tests.web.conftest import Site, answer, every_type_survey, stored

SUMMARY_LINKS = r'<li><a href="#(q-[\w-]+)">([^<]*)</a></li>'
SCALES = {"nps": "9", "csat": "4", "ces": "5", "star": "3", "thumbs": "1", "smiley": "4"}


def with_every_scale_chosen(phone: Page, site: Site, workspace: Workspace) -> Survey:
    """every_type_survey open, each of its required scales answered (the rest left)."""
    survey = every_type_survey(workspace, languages=("en",))
    phone.goto(f"{site.url}/s/{survey.slug}")
    for name, value in SCALES.items():
        phone.locator(f"input[name={name}][value='{value}']").check()
    return survey


def test_the_summary_links_each_problem_to_its_question_in_both_languages(
    site: Site, workspace: Workspace
):
    survey = every_type_survey(workspace, languages=("en", "ja"))
    sent = {"nps": "4", "heard": "other", "drinks": ["none", "tea"]}

    english = answer(site.client, f"/s/{survey.slug}", sent, lang="en")
    japanese = answer(site.client, f"/s/{survey.slug}", sent, lang="ja")

    assert english.status_code == japanese.status_code == 400
    links = re.findall(SUMMARY_LINKS, english.text)
    targets = [target for target, _ in links]
    assert targets == [
        "q-csat",
        "q-ces",
        "q-star",
        "q-thumbs",
        "q-smiley",
        "q-heard",
        "q-drinks",
        "q-store",
    ]
    for target in targets:
        assert f'id="{target}"' in english.text  # each link leads to its question
    words = dict(links)
    assert words["q-csat"] == "How satisfied were you with your visit? — Please choose a score."
    assert words["q-heard"] == "How did you first hear about us? — Please say what “Other” is."
    assert words["q-drinks"] == (
        "Which drinks did you order? — Please untick the other answers to choose “None of these”."
    )
    ja = dict(re.findall(SUMMARY_LINKS, japanese.text))
    assert list(ja) == targets
    assert (
        ja["q-heard"]
        == "当店を最初に知ったきっかけは何ですか？：「その他」の内容をご記入ください。"
    )
    assert 'class="summary" role="alert" tabindex="-1" autofocus' in japanese.text


@pytest.mark.browser
def test_the_summary_takes_the_focus_and_its_links_the_question_s_field(
    phone: Page, site: Site, workspace: Workspace
):
    survey = every_type_survey(workspace, languages=("en",))
    phone.goto(f"{site.url}/s/{survey.slug}")
    phone.evaluate("document.querySelector('form').noValidate = true")
    phone.get_by_role("radio", name="10 Extremely likely").click()
    phone.get_by_role("button", name="Send").click()
    phone.wait_for_load_state()

    summary = phone.get_by_role("alert")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link", name=re.compile("^How did you first hear about us"))
    link.click()

    expect(phone.locator("#q-heard input").first).to_be_focused()
    assert phone.evaluate("document.activeElement.name") == "heard"


@pytest.mark.browser
def test_without_javascript_the_summary_is_focused_and_its_links_lead_to_the_questions(
    phone_without_js: Page, site: Site, workspace: Workspace
):
    phone = phone_without_js
    # Without JavaScript the browser checks the required fields itself: send a
    # page with one thing the browser cannot check (None of these and Tea).
    with_every_scale_chosen(phone, site, workspace)
    phone.locator("input[name=heard][value=web]").check()
    phone.get_by_role("checkbox", name="None of these").check()
    phone.get_by_role("checkbox", name="Tea").check()
    phone.get_by_role("textbox", name="Which store did you visit?").fill("Shibuya")
    phone.get_by_role("button", name="Send").click()
    phone.wait_for_load_state()

    summary = phone.get_by_role("alert")
    expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    expect(links).to_have_count(1)
    links.click()
    assert phone.url.endswith("#q-drinks")


@pytest.mark.browser
def test_the_other_box_waits_for_other_to_be_chosen(phone: Page, site: Site, workspace: Workspace):
    survey = every_type_survey(workspace, languages=("en",))
    phone.goto(f"{site.url}/s/{survey.slug}")
    box = phone.locator("input[data-other]")  # a hidden box is no textbox to get_by_role
    expect(box).to_have_count(2)
    expect(box.first).to_be_hidden()
    expect(box.last).to_be_hidden()

    phone.get_by_role("radio", name="Other (please specify)").check()

    expect(box.first).to_be_visible()
    expect(phone.get_by_role("textbox", name="Other (please specify)")).to_have_count(1)
    expect(box.first).not_to_be_focused()
    expect(box.last).to_be_hidden()
    phone.get_by_role("radio", name="Walking past").check()
    expect(box.first).to_be_hidden()


@pytest.mark.browser
def test_without_javascript_the_other_box_is_always_there_and_works(
    phone_without_js: Page, site: Site, workspace: Workspace
):
    phone = phone_without_js
    survey = with_every_scale_chosen(phone, site, workspace)
    box = phone.get_by_role("textbox", name="Other (please specify)")
    expect(box.first).to_be_visible()

    phone.get_by_role("radio", name="Other (please specify)").check()
    box.first.fill("A poster")
    phone.get_by_role("checkbox", name="Tea").check()
    phone.get_by_role("textbox", name="Which store did you visit?").fill("Shibuya")
    phone.get_by_role("button", name="Send").click()

    phone.wait_for_url("**/thanks?*")
    rows = stored(workspace, survey)
    assert [(row["heard"], row["heard_other"]) for row in rows] == [("other", "A poster")]
