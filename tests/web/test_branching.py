"""Branching on the real site: pages follow the path taken, a post is checked against it.

The survey (tests/surveys/branching_samples.py): a score; "low" for 0–6,
"high" for promoters; "visit", whose "phone" ends the survey; "shop" for the
shop or the web; "last". Without JavaScript each page is drawn from the
answers stored so far; a post answering a question off that path is refused
and stores nothing.
"""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import Page

from storage.workspace import Workspace
from surveys.model import Survey
from tests.surveys.branching_samples import branching_survey
from tests.web.conftest import Site, post_form, store_open, stored

QUESTIONS = ("score", "low", "high", "visit", "shop", "last")


def open_survey(workspace: Workspace) -> Survey:
    return store_open(workspace, branching_survey().questions, ("en", "ja"))


def asked(page: str) -> list[str]:
    """The questions a page draws for a person without JavaScript (not the hidden later ones)."""
    shown = page.split("data-later", 1)[0]
    return [qid for qid in re.findall(r'class="q[^"]*" id="q-(\w+)"', shown)]


def step(client: httpx.Client, page: httpx.Response, fields: dict) -> httpx.Response:
    """Post a page's fields and follow the redirect to the next page (or the thanks)."""
    posted = post_form(client, page.text, fields)
    assert posted.status_code == 303, posted.text
    return client.get(posted.headers["location"])


def rows(workspace: Workspace, survey: Survey) -> list[dict]:
    return [
        {**{qid: row[qid] for qid in QUESTIONS}, "done": row["completed_at"] is not None}
        for row in stored(workspace, survey)
    ]


def test_a_detractor_who_came_to_the_shop_walks_every_page(site: Site, workspace: Workspace):
    survey = open_survey(workspace)
    page = site.client.get(f"/s/{survey.slug}")
    assert asked(page.text) == ["score"]

    page = step(site.client, page, {"score": "3"})
    assert asked(page.text) == ["low", "visit"]  # not "high": that is for promoters
    page = step(site.client, page, {"low": "Too slow", "visit": "shop"})
    assert asked(page.text) == ["shop", "last"]
    thanks = post_form(site.client, page.text, {"shop": "Ginza", "last": ""})

    assert thanks.status_code == 303 and "/thanks?" in thanks.headers["location"]
    assert rows(workspace, survey) == [
        {
            "score": 3,
            "low": "Too slow",
            "high": None,
            "visit": "shop",
            "shop": "Ginza",
            "last": None,
            "done": True,
        }
    ]


def test_choosing_phone_ends_the_survey(site: Site, workspace: Workspace):
    survey = open_survey(workspace)
    page = step(site.client, site.client.get(f"/s/{survey.slug}"), {"score": "10"})
    assert asked(page.text) == ["high", "visit"]

    thanks = post_form(site.client, page.text, {"high": "Kind staff", "visit": "phone"})

    assert thanks.status_code == 303 and "/thanks?" in thanks.headers["location"]
    assert rows(workspace, survey) == [
        {
            "score": 10,
            "low": None,
            "high": "Kind staff",
            "visit": "phone",
            "shop": None,
            "last": None,
            "done": True,
        }
    ]


def test_a_hidden_required_question_is_not_required(site: Site, workspace: Workspace):
    survey = open_survey(workspace)
    page = step(site.client, site.client.get(f"/s/{survey.slug}"), {"score": "8"})
    assert asked(page.text) == ["visit"]  # "low" is required, but not asked of an 8
    page = step(site.client, page, {"visit": "web"})
    assert asked(page.text) == ["shop", "last"]


def test_a_tampered_post_answering_a_hidden_question_is_refused(site: Site, workspace: Workspace):
    survey = open_survey(workspace)
    first = site.client.get(f"/s/{survey.slug}")
    page = step(site.client, first, {"score": "10"})

    # "low" is asked only for 0–6: a promoter's post that answers it is refused whole.
    refused = post_form(site.client, page.text, {"low": "tampered", "visit": "shop"})
    assert refused.status_code == 400
    assert "tampered" not in refused.text
    assert rows(workspace, survey)[0] == {
        "score": 10,
        "low": None,
        "high": None,
        "visit": None,
        "shop": None,
        "last": None,
        "done": False,
    }

    # On the first page, where only the score is asked, the same field is refused too.
    fresh = httpx.Client(base_url=site.url, timeout=10)
    with fresh:
        page = fresh.get(f"/s/{survey.slug}")
        refused = post_form(fresh, page.text, {"score": "2", "low": "early"})
    assert refused.status_code == 400
    assert len(rows(workspace, survey)) == 1  # nothing new stored


def test_a_page_past_the_end_takes_nothing(site: Site, workspace: Workspace):
    survey = open_survey(workspace)
    page = step(site.client, site.client.get(f"/s/{survey.slug}"), {"score": "9"})
    link = str(page.url)
    # The third page's link, asked for directly after "phone" ended the survey.
    post_form(site.client, page.text, {"visit": "phone"})
    late = site.client.get(link.replace("page=2", "page=3"))
    assert late.status_code in (404, 410) or "shop" not in asked(late.text)
    assert rows(workspace, survey)[0]["shop"] is None


def test_without_javascript_two_people_walk_two_paths(
    phone_without_js: Page, site: Site, workspace
):
    survey = open_survey(workspace)
    page = phone_without_js

    page.goto(f"{site.url}/s/{survey.slug}?lang=ja")
    page.get_by_role("radio", name="2", exact=True).check()
    page.get_by_role("button").click()
    assert page.get_by_text("何が問題でしたか？").is_visible()
    assert page.get_by_text("何がよかったですか？").count() == 0
    page.get_by_label("何が問題でしたか？").fill("遅い")
    page.get_by_role("radio", name="電話").check()
    page.get_by_role("button", name="送信").click()
    page.wait_for_url(re.compile(r"/thanks\?"))

    page.goto(f"{site.url}/s/{survey.slug}")
    page.get_by_role("radio", name="9", exact=True).check()
    page.get_by_role("button").click()
    assert page.get_by_text("What went wrong?").count() == 0
    page.get_by_role("radio", name="On the web").check()
    page.get_by_role("button").click()
    page.get_by_label("Which branch?").fill("Shibuya")
    page.get_by_role("button").click()
    page.wait_for_url(re.compile(r"/thanks\?"))

    assert rows(workspace, survey) == [
        {
            "score": 2,
            "low": "遅い",
            "high": None,
            "visit": "phone",
            "shop": None,
            "last": None,
            "done": True,
        },
        {
            "score": 9,
            "low": None,
            "high": None,
            "visit": "web",
            "shop": "Shibuya",
            "last": None,
            "done": True,
        },
    ]


def test_with_javascript_the_pages_follow_the_path_too(phone: Page, site: Site, workspace):
    survey = open_survey(workspace)
    phone.goto(f"{site.url}/s/{survey.slug}")
    phone.get_by_role("radio", name="10", exact=True).click()  # one tap: nothing else here
    phone.wait_for_url(re.compile(r"/next/"))
    assert phone.get_by_text("What went wrong?").count() == 0
    phone.get_by_role("radio", name="By phone").check()
    phone.get_by_role("button").click()
    phone.wait_for_url(re.compile(r"/thanks\?"))
    assert rows(workspace, survey)[0]["visit"] == "phone"
    assert rows(workspace, survey)[0]["done"]
