"""Every question type on the respondent page: drawn, answered, and refused with the input kept.

The accessible names as a screen reader hears them are checked in the browser
(test_browser.py); here the markup, the posts and what is stored.
"""

from __future__ import annotations

import re

import pytest

from channels.links import new_token
from storage import deliveries as delivery_store
from storage.workspace import Workspace
from tests.web.conftest import (
    DRINKS,
    VALID,
    Site,
    answer,
    checked,
    every_type_survey,
    hidden_field,
    post_form,
    question_box,
    stored,
    text_field,
    textarea,
    values_of,
)


def test_every_type_is_drawn_with_its_own_controls(site: Site, workspace: Workspace):
    survey = every_type_survey(workspace)

    page = site.client.get(f"/s/{survey.slug}").text

    expected = {
        "nps": [str(n) for n in range(11)],
        "csat": ["1", "2", "3", "4", "5"],
        "ces": ["1", "2", "3", "4", "5", "6", "7"],
        "star": ["1", "2", "3", "4", "5"],
        "thumbs": ["1", "0"],  # 👍 first
        "smiley": ["1", "2", "3", "4", "5"],
        "mood": ["1", "2", "3"],
        "heard": ["friend", "street", "web", "other"],
    }
    for qid, values in expected.items():
        box = question_box(page, qid)
        assert box.startswith("<fieldset"), qid
        assert "<legend>" in box, qid
        assert values_of(box, qid) == values, qid
        assert f'type="radio" name="{qid}"' in box, qid
    drinks = question_box(page, "drinks")
    assert drinks.startswith("<fieldset")
    assert 'type="checkbox" name="drinks"' in drinks
    assert sorted(values_of(drinks, "drinks")[:-2]) == sorted(DRINKS)
    assert values_of(drinks, "drinks")[-2:] == ["other", "none"]
    assert "Choose all that apply." in drinks
    assert "Other (please specify)" in drinks and "None of these" in drinks
    assert re.search(r'<input class="other" type="text" name="drinks__other"', drinks)
    assert '<input id="f-store" type="text" name="store" value="" maxlength="200" required>' in (
        question_box(page, "store")
    )
    assert '<textarea id="f-comment" name="comment"' in question_box(page, "comment")


def test_every_type_says_what_it_is_in_words(site: Site, workspace: Workspace):
    survey = every_type_survey(workspace)
    english = site.client.get(f"/s/{survey.slug}?lang=en").text
    japanese = site.client.get(f"/s/{survey.slug}?lang=ja").text

    star = question_box(english, "star")
    assert star.count("★") == 5
    assert re.findall(r"<i>([^<]+)</i>", star) == [
        "1 star",
        "2 stars",
        "3 stars",
        "4 stars",
        "5 stars",
    ]
    assert re.findall(r"</b>(\w+)</span>", question_box(english, "thumbs")) == ["Yes", "No"]
    assert "👍" in question_box(english, "thumbs") and "👎" in question_box(english, "thumbs")
    faces = re.findall(r"<i> ([^<]+)</i>", question_box(english, "smiley"))
    assert faces == ["Very unhappy", "Unhappy", "Neutral", "Happy", "Very happy"]
    assert re.findall(r"<i> ([^<]+)</i>", question_box(english, "mood")) == [
        "Unhappy",
        "Neutral",
        "Happy",
    ]
    agreement = re.findall(r"</b> <span>([^<]+)</span>", question_box(english, "ces"))
    assert agreement == [
        "Strongly disagree",
        "Disagree",
        "Somewhat disagree",
        "Neither agree nor disagree",
        "Somewhat agree",
        "Agree",
        "Strongly agree",
    ]
    # Required is the rule; the exceptions say so.
    optional = [
        qid
        for qid in ("nps", "mood", "store", "comment")
        if "(optional)" in question_box(english, qid)
    ]
    assert optional == ["mood", "comment"]

    assert re.findall(r"<i>([^<]+)</i>", question_box(japanese, "star"))[2] == "星3つ"
    assert re.findall(r"</b>(\w+)</span>", question_box(japanese, "thumbs")) == ["はい", "いいえ"]
    assert "とても満足" in question_box(japanese, "smiley")
    assert "どちらともいえない" in question_box(japanese, "ces")
    assert "その他（具体的に）" in question_box(japanese, "drinks")
    assert "該当なし" in question_box(japanese, "drinks")
    assert "当てはまるものをすべてお選びください。" in question_box(japanese, "drinks")
    assert "（任意）" in question_box(japanese, "comment")


def test_every_type_accepts_a_valid_answer(site: Site, workspace: Workspace):
    survey = every_type_survey(workspace)

    posted = answer(site.client, f"/s/{survey.slug}", VALID)

    assert posted.status_code == 303
    assert posted.headers["location"].startswith(f"/s/{survey.slug}/thanks")
    row = stored(workspace, survey)[0]
    assert {qid: row[qid] for qid in VALID if qid != "heard__other"} == {
        "nps": 9,
        "csat": 4,
        "ces": 6,
        "star": 5,
        "thumbs": 0,
        "smiley": 2,
        "mood": 3,
        "heard": "other",
        "drinks": "latte;tea",
        "store": "Shibuya",
        "comment": "Lovely staff — 店員さんが親切でした",
    }
    assert row["heard_other"] == "A poster at the station"
    assert row["completed_at"] is not None


def test_optional_questions_may_be_left_out(site: Site, workspace: Workspace):
    survey = every_type_survey(workspace)
    fields = {k: v for k, v in VALID.items() if k not in ("mood", "comment")}

    posted = answer(site.client, f"/s/{survey.slug}", fields)

    assert posted.status_code == 303
    row = stored(workspace, survey)[0]
    assert row["mood"] is None and row["comment"] is None


REFUSALS = [
    ("nps", {"nps": "11"}, "Please choose one of the numbers shown."),
    ("nps", {"nps": ""}, "Please choose a score."),
    ("csat", {"csat": "6"}, "Please choose one of the numbers shown."),
    ("ces", {"ces": "0"}, "Please choose one of the numbers shown."),
    ("star", {"star": "6"}, "Please choose one of the answers shown."),
    ("star", {"star": ""}, "Please choose an answer."),
    ("thumbs", {"thumbs": "2"}, "Please choose one of the answers shown."),
    ("thumbs", {"thumbs": ""}, "Please choose an answer."),
    ("smiley", {"smiley": "6"}, "Please choose one of the answers shown."),
    ("mood", {"mood": "4"}, "Please choose one of the answers shown."),  # three faces only
    ("heard", {"heard": "tv"}, "Please choose one of the answers shown."),
    ("heard", {"heard": "other", "heard__other": "  "}, "Please say what “Other” is."),
    ("heard", {"heard": "", "heard__other": ""}, "Please choose an answer."),
    ("drinks", {"drinks": []}, "Please choose an answer."),
    ("drinks", {"drinks": ["latte", "whisky"]}, "Please choose one of the answers shown."),
    (
        "drinks",
        {"drinks": ["tea", "none"]},
        "Please untick the other answers to choose “None of these”.",
    ),
    ("store", {"store": ""}, "Please write your answer."),
    ("store", {"store": "x" * 201}, "Please shorten your answer to 200 characters or fewer."),
    ("comment", {"comment": "y" * 2001}, "Please shorten your answer to 2000 characters or fewer."),
]


@pytest.mark.parametrize(
    ("qid", "change", "message"),
    REFUSALS,
    ids=[f"{qid}-{i}" for i, (qid, _, _) in enumerate(REFUSALS)],
)
def test_wrong_answer_is_refused_next_to_its_question_and_the_rest_kept(
    site: Site, workspace: Workspace, qid: str, change: dict, message: str
):
    survey = every_type_survey(workspace)
    fields = {**VALID, **change}

    posted = answer(site.client, f"/s/{survey.slug}", fields)

    assert posted.status_code == 400
    page = posted.text
    assert stored(workspace, survey) == []
    assert "Please check these answers:" in page
    box = question_box(page, qid)
    assert 'class="q bad"' in box
    assert f'<p class="error" id="e-{qid}">{message}</p>' in box
    assert page.count('<p class="error"') == 1  # the other answers were fine
    # Everything the respondent gave is still there, the wrong answer too where it can be.
    for name in ("nps", "csat", "ces", "star", "thumbs", "smiley", "mood", "heard"):
        sent = fields[name]
        assert checked(page, name) == ([sent] if sent in values_of(page, name) else []), name
    assert checked(page, "drinks") == [
        code for code in values_of(page, "drinks") if code in fields["drinks"]
    ]
    assert text_field(page, "heard__other") == fields["heard__other"]
    assert text_field(page, "store") == fields["store"]
    assert textarea(page, "comment") == fields["comment"]


def test_refused_answer_in_japanese_says_why_in_japanese(site: Site, workspace: Workspace):
    survey = every_type_survey(workspace)

    posted = answer(
        site.client, f"/s/{survey.slug}", {**VALID, "drinks": ["none", "tea"]}, lang="ja"
    )

    assert posted.status_code == 400
    assert "「該当なし」を選ぶ場合は、ほかの選択を外してください。" in question_box(
        posted.text, "drinks"
    )


def test_multiple_choice_takes_one_field_per_ticked_box(site: Site, workspace: Workspace):
    survey = every_type_survey(workspace)

    posted = answer(
        site.client, f"/s/{survey.slug}", {**VALID, "drinks": ["cocoa", "juice", "tea"]}
    )

    assert posted.status_code == 303
    assert stored(workspace, survey)[0]["drinks"] == "cocoa;juice;tea"


def test_only_multiple_choice_fields_may_repeat(site: Site, workspace: Workspace):
    survey = every_type_survey(workspace)
    page = site.client.get(f"/s/{survey.slug}")

    for name in ("heard", "store", "thumbs"):
        fields = {**VALID, name: [str(VALID[name]), "friend"]}
        posted = post_form(site.client, page.text, fields)
        assert posted.status_code == 400, name
        assert "We could not read your answer" in posted.text
    assert stored(workspace, survey) == []


def test_other_with_its_text_is_stored_beside_the_codes(site: Site, workspace: Workspace):
    survey = every_type_survey(workspace)

    answer(
        site.client,
        f"/s/{survey.slug}",
        {**VALID, "drinks": ["latte", "other"], "drinks__other": "Hojicha"},
    )

    row = stored(workspace, survey)[0]
    assert row["drinks"] == "latte;other"
    assert row["drinks_other"] == "Hojicha"


def test_text_typed_under_other_counts_as_choosing_other(site: Site, workspace: Workspace):
    # Without JavaScript nothing ticks the box for the respondent who only typed.
    survey = every_type_survey(workspace)

    answer(
        site.client,
        f"/s/{survey.slug}",
        {**VALID, "heard": "", "heard__other": "Radio", "drinks__other": "Hojicha"},
    )

    row = stored(workspace, survey)[0]
    assert (row["heard"], row["heard_other"]) == ("other", "Radio")
    assert (row["drinks"], row["drinks_other"]) == ("latte;tea;other", "Hojicha")


def test_none_of_these_alone_is_an_answer(site: Site, workspace: Workspace):
    survey = every_type_survey(workspace)

    posted = answer(site.client, f"/s/{survey.slug}", {**VALID, "drinks": ["none"]})

    assert posted.status_code == 303
    assert stored(workspace, survey)[0]["drinks"] == "none"


def test_shuffled_options_differ_between_respondents_other_and_none_last(
    site: Site, workspace: Workspace
):
    survey = every_type_survey(workspace)

    orders = set()
    for _ in range(8):
        page = site.client.get(f"/s/{survey.slug}").text
        shown = values_of(page, "drinks")
        assert sorted(shown[:-2]) == sorted(DRINKS)
        assert shown[-2:] == ["other", "none"]
        assert values_of(page, "heard") == ["friend", "street", "web", "other"]  # not shuffled
        orders.add(tuple(shown))

    assert len(orders) > 1  # 8 respondents alike by chance: 1 in 120**7


def test_shuffled_order_stays_when_the_page_comes_back_with_an_error(
    site: Site, workspace: Workspace
):
    survey = every_type_survey(workspace)
    page = site.client.get(f"/s/{survey.slug}").text
    shown = values_of(page, "drinks")

    fields = {**VALID, "_order": hidden_field(page, "_order"), "store": ""}
    refused = post_form(site.client, page, fields)

    assert refused.status_code == 400
    assert values_of(refused.text, "drinks") == shown
    fields["store"] = "Ginza"
    assert post_form(site.client, refused.text, fields).status_code == 303


def test_personal_link_shows_the_same_order_on_every_visit(site: Site, workspace: Workspace):
    survey = every_type_survey(workspace)
    assert survey.id is not None
    tokens = [new_token() for _ in range(6)]
    for token in tokens:
        delivery_store.create(workspace.db(), survey_id=survey.id, token=token, channel="sms")

    first = [values_of(site.client.get(f"/r/{t}").text, "drinks") for t in tokens]
    again = [values_of(site.client.get(f"/r/{t}").text, "drinks") for t in tokens]

    assert first == again
    assert len({tuple(order) for order in first}) > 1
