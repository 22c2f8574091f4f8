"""Surveys of more than one page: the score first, then its follow-up worded by the score.

Without JavaScript the first page's post stores a partial response (the score
counts at once) and the next page, reached by a link holding a resume token,
completes it. With JavaScript the follow-up is on the first page and one post
stores everything.
"""

from __future__ import annotations

import re
from dataclasses import replace

import httpx

from channels.links import new_token
from storage import deliveries as delivery_store
from storage import responses as response_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey, SurveyStatus
from surveys.questions import Band
from tests.conftest import make_survey
from tests.web.conftest import (
    BUSINESS,
    Site,
    answer,
    checked,
    post_form,
    question_box,
    store_open,
    stored,
    textarea,
)

DETRACTOR = "What disappointed you the most?"
PASSIVE = f"What is the one thing {BUSINESS} could do better?"
PROMOTER = f"What do you like most about {BUSINESS}?"
NEXT_PAGE = re.compile(r"^/(s|r)/[\w-]+/next/([\w-]{22})\?page=2&lang=(en|ja)$")


def nps(workspace: Workspace, languages: tuple[str, ...] = ("en",)) -> Survey:
    return make_survey(workspace, "nps", languages=languages, company=BUSINESS)


def first_page(client: httpx.Client, link: str, score: str) -> httpx.Response:
    """Answer the first page only, as a browser without JavaScript does."""
    page = client.get(link)
    assert page.status_code == 200
    assert "data-later hidden disabled" in page.text  # the follow-up is not sent from here
    return post_form(client, page.text, {"nps": score})


def test_without_javascript_the_score_is_stored_and_counted_first(site: Site, workspace: Workspace):
    survey = nps(workspace)

    posted = first_page(site.client, f"/s/{survey.slug}", "3")

    assert posted.status_code == 303
    assert NEXT_PAGE.match(posted.headers["location"])
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"], row["completed_at"]) for row in rows] == [(3, None, None)]
    assert site.notified == [survey.id]  # the results see the score at once


def test_follow_up_is_worded_for_the_score_given(site: Site, workspace: Workspace):
    survey = nps(workspace)

    for score, wording, others in (
        ("3", DETRACTOR, (PASSIVE, PROMOTER)),
        ("8", PASSIVE, (DETRACTOR, PROMOTER)),
        ("10", PROMOTER, (DETRACTOR, PASSIVE)),
    ):
        posted = first_page(site.client, f"/s/{survey.slug}", score)
        page = site.client.get(posted.headers["location"])

        assert page.status_code == 200
        box = question_box(page.text, "reason")
        assert f'<label class="ask" for="f-reason">{wording} <span class="opt">' in box
        assert not any(other in page.text for other in others)
        assert 'name="nps"' not in page.text  # the score is not asked again
        assert ">Send</button>" in page.text
        assert "<script" not in page.text  # nothing is left to reveal


def test_second_page_completes_the_same_response(site: Site, workspace: Workspace):
    survey = nps(workspace)
    posted = first_page(site.client, f"/s/{survey.slug}", "2")
    page = site.client.get(posted.headers["location"])

    done = post_form(site.client, page.text, {"reason": "Cold coffee"})

    assert done.status_code == 303
    assert done.headers["location"] == f"/s/{survey.slug}/thanks?lang=en&band=detractor"
    assert "Thank you!" in site.client.get(done.headers["location"]).text
    rows = stored(workspace, survey)
    assert len(rows) == 1
    assert (rows[0]["nps"], rows[0]["reason"]) == (2, "Cold coffee")
    assert rows[0]["completed_at"] is not None
    assert site.notified == [survey.id, survey.id]  # stored, then completed


def test_optional_follow_up_left_blank_completes_the_response(site: Site, workspace: Workspace):
    survey = nps(workspace)
    posted = first_page(site.client, f"/s/{survey.slug}", "9")
    page = site.client.get(posted.headers["location"])

    done = post_form(site.client, page.text, {"reason": ""})

    assert done.status_code == 303
    row = stored(workspace, survey)[0]
    assert (row["nps"], row["reason"]) == (9, None)
    assert row["completed_at"] is not None


def test_resume_link_works_once(site: Site, workspace: Workspace):
    survey = nps(workspace)
    next_link = first_page(site.client, f"/s/{survey.slug}", "4").headers["location"]
    page = site.client.get(next_link).text
    post_form(site.client, page, {"reason": "Too slow"}, to=next_link)

    again = site.client.get(next_link)
    repost = post_form(site.client, page, {"reason": "Changed my mind"}, to=next_link)

    assert again.status_code == 404 and "Survey not found" in again.text
    assert repost.status_code == 404
    assert [row["reason"] for row in stored(workspace, survey)] == ["Too slow"]


def test_unknown_or_foreign_resume_tokens_are_not_found(site: Site, workspace: Workspace):
    survey = nps(workspace)
    other = nps(workspace)
    next_link = first_page(site.client, f"/s/{survey.slug}", "4").headers["location"]
    resume = NEXT_PAGE.match(next_link).group(2)  # type: ignore[union-attr]

    links = [
        f"/s/{survey.slug}/next/{new_token()}?page=2",
        f"/s/{survey.slug}/next/{resume[:-1]}?page=2",
        f"/s/{other.slug}/next/{resume}?page=2",  # another survey's link
        f"/s/{survey.slug}/next/short?page=2",
    ]
    for link in links:
        page = site.client.get(link)
        assert page.status_code == 404, link
        assert site.client.post(link, data={"reason": "x"}).status_code == 404, link
    assert [row["reason"] for row in stored(workspace, survey)] == [None]


def test_second_page_refuses_a_bad_answer_and_keeps_it(site: Site, workspace: Workspace):
    survey = nps(workspace)
    next_link = first_page(site.client, f"/s/{survey.slug}", "1").headers["location"]
    page = site.client.get(next_link)

    refused = post_form(site.client, page.text, {"reason": "z" * 2001})

    assert refused.status_code == 400
    assert "2000 characters or fewer" in question_box(refused.text, "reason")
    assert DETRACTOR in refused.text  # still worded for the score given
    assert textarea(refused.text, "reason") == "z" * 2001
    row = stored(workspace, survey)[0]
    assert (row["reason"], row["completed_at"]) == (None, None)
    done = post_form(site.client, refused.text, {"reason": "z" * 2000})
    assert done.status_code == 303


def test_back_link_changes_the_score_of_the_same_response(site: Site, workspace: Workspace):
    survey = nps(workspace)
    next_link = first_page(site.client, f"/s/{survey.slug}", "3").headers["location"]
    page = site.client.get(next_link).text
    back = re.search(r'<a class="back" href="([^"]+)"', page)
    assert back

    earlier = site.client.get(back.group(1).replace("&amp;", "&"))
    assert checked(earlier.text, "nps") == ["3"]
    changed = post_form(site.client, earlier.text, {"nps": "10"})
    follow_up = site.client.get(changed.headers["location"])

    assert PROMOTER in follow_up.text
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(10, None)]


def test_follow_up_asked_of_some_bands_only_is_skipped_for_the_others(
    site: Site, workspace: Workspace
):
    template = nps(workspace)
    reason = replace(template.questions[1], show_for=(Band.DETRACTOR,))
    survey = store_open(workspace, [template.questions[0], reason])

    promoter = first_page(site.client, f"/s/{survey.slug}", "10")
    detractor = first_page(site.client, f"/s/{survey.slug}", "5")

    assert promoter.headers["location"] == f"/s/{survey.slug}/thanks?lang=en&band=promoter"
    assert NEXT_PAGE.match(detractor.headers["location"])
    rows = stored(workspace, survey)
    assert [(row["nps"], row["completed_at"] is not None) for row in rows] == [
        (10, True),
        (5, False),
    ]
    assert site.notified == [survey.id, survey.id]  # once each: the promoter's is complete


def test_next_page_speaks_the_language_of_the_first(site: Site, workspace: Workspace):
    survey = nps(workspace, languages=("en", "ja"))

    posted = first_page(site.client, f"/s/{survey.slug}?lang=ja", "2")
    page = site.client.get(posted.headers["location"], headers={"accept-language": "en"})

    assert posted.headers["location"].endswith("&lang=ja")
    assert '<html lang="ja">' in page.text
    assert "一番ご不満だった点を教えてください。" in page.text
    assert stored(workspace, survey)[0]["language"] == "ja"


def test_survey_closed_between_the_pages_says_so(site: Site, workspace: Workspace):
    survey = nps(workspace)
    next_link = first_page(site.client, f"/s/{survey.slug}", "7").headers["location"]
    assert survey.id is not None
    survey_store.set_status(workspace.db(), survey.id, SurveyStatus.CLOSED)

    page = site.client.get(next_link)

    assert page.status_code == 410
    assert "This survey has closed" in page.text


def test_source_tag_is_stored_with_the_first_page(site: Site, workspace: Workspace):
    survey = nps(workspace)

    posted = first_page(site.client, f"/s/{survey.slug}?src=till-2", "6")
    page = site.client.get(posted.headers["location"]).text
    post_form(site.client, page, {"reason": "ok"}, to=posted.headers["location"])

    assert [(row["source"], row["reason"]) for row in stored(workspace, survey)] == [
        ("till-2", "ok")
    ]


# --- personal links ----------------------------------------------------------------------------


def delivery_link(workspace: Workspace, survey: Survey) -> tuple[str, int]:
    assert survey.id is not None
    token = new_token()
    delivery = delivery_store.create(
        workspace.db(), survey_id=survey.id, token=token, channel="sms"
    )
    return f"/r/{token}", delivery.id


def test_personal_link_visited_again_goes_on_at_the_follow_up(site: Site, workspace: Workspace):
    survey = nps(workspace)
    link, delivery_id = delivery_link(workspace, survey)
    posted = first_page(site.client, link, "2")
    assert posted.headers["location"].startswith(f"{link}/next/")

    # The respondent closes the tab, then opens the SMS link again.
    again = site.client.get(link)

    assert again.status_code == 303
    assert again.headers["location"] == posted.headers["location"]
    page = site.client.get(again.headers["location"])
    assert DETRACTOR in page.text
    done = post_form(site.client, page.text, {"reason": "Rude staff"})
    assert done.headers["location"] == f"{link}/thanks?lang=en&band=detractor"
    finished = site.client.get(link)
    assert finished.status_code == 200
    assert "You have already answered" in finished.text
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"], row["channel"]) for row in rows] == [
        (2, "Rude staff", "sms")
    ]
    delivery = delivery_store.get(workspace.db(), delivery_id)
    assert delivery is not None and delivery.answered


def test_personal_link_posted_again_changes_the_score_without_a_second_response(
    site: Site, workspace: Workspace
):
    # The browser's Back button brings the first page back; sending it again
    # must not count the respondent twice.
    survey = nps(workspace)
    link, _ = delivery_link(workspace, survey)
    first = first_page(site.client, link, "2")
    page = site.client.get(first.headers["location"]).text

    second = post_form(site.client, page, {"nps": "10"}, to=f"{link}?lang=en")

    assert second.status_code == 303
    assert second.headers["location"] == first.headers["location"]
    assert PROMOTER in site.client.get(second.headers["location"]).text
    assert [(row["nps"], row["completed_at"]) for row in stored(workspace, survey)] == [(10, None)]
    assert response_store.count(workspace.db(), survey.id or 0) == 1


def test_resume_token_works_only_with_its_own_personal_link(site: Site, workspace: Workspace):
    survey = nps(workspace)
    link, _ = delivery_link(workspace, survey)
    other_link, _ = delivery_link(workspace, survey)
    next_link = first_page(site.client, link, "2").headers["location"]
    resume = NEXT_PAGE.match(next_link).group(2)  # type: ignore[union-attr]

    for wrong in (f"{other_link}/next/{resume}?page=2", f"/s/{survey.slug}/next/{resume}?page=2"):
        assert site.client.get(wrong).status_code == 404, wrong


# --- with JavaScript: one page, one post -------------------------------------------------------


def test_first_page_carries_the_follow_up_for_the_script(site: Site, workspace: Workspace):
    survey = nps(workspace)

    page = site.client.get(f"/s/{survey.slug}").text

    later = re.search(
        r"<fieldset class=\"later\" data-later hidden disabled>(.*?)</fieldset>\s*<button",
        page,
        re.S,
    )
    assert later, "the follow-up is drawn hidden and disabled"
    box = question_box(later.group(1), "reason")
    assert 'data-follows="nps"' in box
    assert f'data-detractor="{DETRACTOR}"' in box
    assert f'data-promoter="{PROMOTER}"' in box
    bands = re.findall(r'name="nps" value="(\d+)" required data-band="(\w+)"', page)
    assert bands == [(str(n), "detractor") for n in range(7)] + [
        ("7", "passive"),
        ("8", "passive"),
        ("9", "promoter"),
        ("10", "promoter"),
    ]
    assert '<button type="submit" data-send="Send">Next</button>' in page


def test_one_post_with_the_follow_up_stores_a_complete_response(site: Site, workspace: Workspace):
    survey = nps(workspace)

    posted = answer(
        site.client, f"/s/{survey.slug}", {"nps": "3", "reason": "Long queue", "_all": "1"}
    )

    assert posted.status_code == 303
    assert posted.headers["location"] == f"/s/{survey.slug}/thanks?lang=en&band=detractor"
    rows = stored(workspace, survey)
    assert [(row["nps"], row["reason"]) for row in rows] == [(3, "Long queue")]
    assert rows[0]["completed_at"] is not None
    assert site.notified == [survey.id]


def test_one_post_with_the_follow_up_left_blank_is_complete(site: Site, workspace: Workspace):
    survey = nps(workspace)

    posted = answer(site.client, f"/s/{survey.slug}", {"nps": "8", "_all": "1"})

    assert posted.headers["location"] == f"/s/{survey.slug}/thanks?lang=en&band=passive"
    assert stored(workspace, survey)[0]["completed_at"] is not None


def test_one_post_is_checked_against_every_page(site: Site, workspace: Workspace):
    survey = nps(workspace)

    refused = answer(
        site.client, f"/s/{survey.slug}", {"nps": "", "reason": "Kept text", "_all": "1"}
    )

    assert refused.status_code == 400
    assert "Please choose a score." in question_box(refused.text, "nps")
    assert '<fieldset class="later" data-later>' in refused.text  # shown, not hidden
    assert textarea(refused.text, "reason") == "Kept text"
    assert ">Send</button>" in refused.text
    assert stored(workspace, survey) == []


def test_one_post_for_a_personal_link_answers_it(site: Site, workspace: Workspace):
    survey = nps(workspace)
    link, _ = delivery_link(workspace, survey)

    posted = answer(site.client, link, {"nps": "10", "reason": "Great", "_all": "1"})

    assert posted.headers["location"] == f"{link}/thanks?lang=en&band=promoter"
    assert "You have already answered" in site.client.get(link).text


def test_three_pages_each_follow_up_worded_by_its_own_score(site: Site, workspace: Workspace):
    nps_template = nps(workspace)
    csat_template = make_survey(workspace, "csat", company=BUSINESS)
    csat_reason = replace(csat_template.questions[1], qid="csat_reason")
    survey = store_open(
        workspace, [*nps_template.questions, csat_template.questions[0], csat_reason]
    )
    assert [[q.qid for q in page] for page in survey.pages()] == [
        ["nps"],
        ["reason", "csat"],
        ["csat_reason"],
    ]

    second = first_page(site.client, f"/s/{survey.slug}", "10")
    page = site.client.get(second.headers["location"]).text
    assert PROMOTER in page and 'name="csat"' in page
    third = post_form(site.client, page, {"reason": "Friendly", "csat": "1"})
    assert third.headers["location"].startswith(f"/s/{survey.slug}/next/")
    assert "page=3" in third.headers["location"]
    page = site.client.get(third.headers["location"]).text
    assert DETRACTOR in question_box(page, "csat_reason")  # worded by the CSAT of 1
    done = post_form(site.client, page, {"csat_reason": "Slow refund"})

    assert done.headers["location"] == f"/s/{survey.slug}/thanks?lang=en&band=promoter"
    row = stored(workspace, survey)[0]
    assert (row["nps"], row["reason"], row["csat"], row["csat_reason"]) == (
        10,
        "Friendly",
        1,
        "Slow refund",
    )
    assert site.notified == [survey.id, survey.id]  # first page and completion only
