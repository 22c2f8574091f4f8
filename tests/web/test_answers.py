"""Answering: a valid answer is stored once and thanked; personal links answer once."""

from __future__ import annotations

import httpx

from channels.links import new_token
from storage import deliveries as delivery_store
from storage import responses as response_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.web.conftest import Site, answer, form_action, post_form, stored, textarea
from web.app import create_app
from web.server import EmbeddedServer

XSS = '<script>alert("koe")</script><img src=x onerror=alert(1)> & "quotes"'


def test_valid_answer_is_stored_and_thanked(site: Site, workspace: Workspace, nps_survey: Survey):
    posted = answer(site.client, f"/s/{nps_survey.slug}", {"nps": "9", "reason": "Quick and kind"})

    assert posted.status_code == 303
    thanks = site.client.get(posted.headers["location"])
    assert thanks.status_code == 200
    assert "Thank you!" in thanks.text
    rows = stored(workspace, nps_survey)
    assert len(rows) == 1
    assert rows[0]["nps"] == 9
    assert rows[0]["reason"] == "Quick and kind"
    assert rows[0]["channel"] == "link"
    assert rows[0]["language"] == "en"


def test_optional_comment_may_be_left_blank(site: Site, workspace: Workspace, nps_survey: Survey):
    posted = answer(site.client, f"/s/{nps_survey.slug}", {"nps": "0", "reason": ""})

    assert posted.status_code == 303
    assert [(row["nps"], row["reason"]) for row in stored(workspace, nps_survey)] == [(0, None)]


def test_answer_in_japanese_is_stored_with_its_language(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))

    posted = answer(
        site.client,
        f"/s/{survey.slug}",
        {"nps": "10", "reason": "店員さんがとても親切でした。"},
        lang="ja",
    )

    thanks = site.client.get(posted.headers["location"])
    assert "ご回答ありがとうございました" in thanks.text
    row = stored(workspace, survey)[0]
    assert row["language"] == "ja"
    assert row["reason"] == "店員さんがとても親切でした。"


def test_source_tag_is_kept_through_the_post(site: Site, workspace: Workspace, nps_survey: Survey):
    page = site.client.get(f"/s/{nps_survey.slug}", params={"src": "counter-qr_2"})
    assert "src=counter-qr_2" in form_action(page.text)

    post_form(site.client, page.text, {"nps": "8"})

    assert stored(workspace, nps_survey)[0]["source"] == "counter-qr_2"


def test_malformed_source_tag_is_dropped_but_the_answer_kept(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    posted = answer(site.client, f"/s/{nps_survey.slug}", {"nps": "7"}, src="<x>" * 20)

    assert posted.status_code == 303
    assert stored(workspace, nps_survey)[0]["source"] is None


def test_on_response_is_told_the_survey_id(site: Site, nps_survey: Survey):
    answer(site.client, f"/s/{nps_survey.slug}", {"nps": "9"})

    assert site.notified == [nps_survey.id]


def test_failing_on_response_does_not_lose_the_answer(workspace: Workspace, nps_survey: Survey):
    def broken(survey_id: int) -> None:
        raise RuntimeError("listener bug")

    server = EmbeddedServer(create_app(workspace, on_response=broken), port=free_port())
    server.start()
    try:
        with httpx.Client(base_url=server.url) as client:
            posted = answer(client, f"/s/{nps_survey.slug}", {"nps": "9", "reason": ""})
            thanks = client.get(posted.headers["location"])
    finally:
        server.stop()
    assert posted.status_code == 303
    assert "Thank you!" in thanks.text
    assert len(stored(workspace, nps_survey)) == 1


def test_personal_link_answers_once(site: Site, workspace: Workspace, nps_survey: Survey):
    assert nps_survey.id is not None
    token = new_token()
    delivery = delivery_store.create(
        workspace.db(), survey_id=nps_survey.id, token=token, channel="sms"
    )
    link = f"/r/{token}"

    page = site.client.get(link).text
    first = post_form(site.client, page, {"nps": "6", "reason": "Slow"})
    assert first.status_code == 303
    assert "Thank you!" in site.client.get(first.headers["location"]).text

    again = site.client.get(link)
    repost = post_form(
        site.client, page, {"nps": "10", "reason": "Changed my mind"}, to=f"{link}?lang=en"
    )

    assert again.status_code == 200
    assert "You have already answered" in again.text
    assert "<form" not in again.text
    assert repost.status_code == 409
    assert "You have already answered" in repost.text
    rows = stored(workspace, nps_survey)
    assert [(row["nps"], row["reason"], row["channel"]) for row in rows] == [(6, "Slow", "sms")]
    refreshed = delivery_store.get(workspace.db(), delivery.id)
    assert refreshed is not None and refreshed.answered


def test_personal_thanks_page_before_answering_leads_to_the_form(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    assert nps_survey.id is not None
    token = new_token()
    delivery_store.create(workspace.db(), survey_id=nps_survey.id, token=token, channel="email")

    early = site.client.get(f"/r/{token}/thanks")

    assert early.status_code == 303
    assert early.headers["location"] == f"/r/{token}"


def test_comment_with_markup_is_stored_verbatim_and_shown_as_text(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    link = f"/s/{nps_survey.slug}"
    # Refused first (no score): the page shows the comment back in the form.
    refused = answer(site.client, link, {"reason": XSS})
    assert refused.status_code == 400
    assert "<script>" not in refused.text
    assert "<img" not in refused.text
    assert "&lt;script&gt;" in refused.text
    assert textarea(refused.text, "reason") == XSS

    post_form(site.client, refused.text, {"nps": "3", "reason": XSS})

    assert stored(workspace, nps_survey)[0]["reason"] == XSS
    assert response_store.count(workspace.db(), nps_survey.id or 0) == 1
