"""Unsubscribe links: ``/u/<token>`` opts the contact out of that delivery's channel in one step.

GET only asks (scanners follow links); the button, or a mail provider's
RFC 8058 one-click post, does it.
"""

from __future__ import annotations

import re

import httpx
import pytest

from channels.links import new_token
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import opt_outs
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.web.conftest import BUSINESS, Site, form_action, form_token, post_form


def unsubscribe_link(
    workspace: Workspace, survey: Survey, channel: str = "email", language: str | None = None
) -> tuple[str, int]:
    """A delivery to a new contact (who reads ``language``); its /u/ link and the contact's id."""
    assert survey.id is not None
    contact = contact_store.add(
        workspace.db(), name="Aoi", email="aoi@example.com", language=language
    )
    token = new_token()
    delivery_store.create(
        workspace.db(), survey_id=survey.id, token=token, channel=channel, contact_id=contact
    )
    return f"/u/{token}", contact


def test_get_asks_with_one_button_and_unsubscribes_nobody(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    link, contact = unsubscribe_link(workspace, nps_survey)

    page = site.client.get(link)

    assert page.status_code == 200
    assert f"Stop receiving surveys from {BUSINESS} by email?" in page.text
    assert len(re.findall(r"<button", page.text)) == 1
    assert ">Unsubscribe</button>" in page.text
    assert form_action(page.text) == f"{link}?lang=en"
    assert not opt_outs.is_opted_out(workspace.db(), contact, "email")


def test_the_button_unsubscribes_and_confirms(site: Site, workspace: Workspace, nps_survey: Survey):
    link, contact = unsubscribe_link(workspace, nps_survey, channel="sms")
    page = site.client.get(link).text

    pressed = post_form(site.client, page, {})
    confirmed = site.client.get(pressed.headers["location"])

    assert pressed.status_code == 303
    assert "You are unsubscribed" in confirmed.text
    assert f"You will receive no more surveys from {BUSINESS} by text message." in confirmed.text
    assert "<form" not in confirmed.text
    assert opt_outs.is_opted_out(workspace.db(), contact, "sms")
    assert not opt_outs.is_opted_out(workspace.db(), contact, "email")  # only that channel
    [row] = opt_outs.list_for_contact(workspace.db(), contact)
    assert (row.channel, row.source) == ("sms", "link")


def test_the_button_without_its_token_is_refused_and_asks_again(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    link, contact = unsubscribe_link(workspace, nps_survey)
    site.client.get(link)

    forged = site.client.post(link, data={"confirm": "1"})

    assert forged.status_code == 403
    assert "For your security, please press the button again." in forged.text
    assert not opt_outs.is_opted_out(workspace.db(), contact, "email")
    again = post_form(site.client, forged.text, {})
    assert again.status_code == 303
    assert opt_outs.is_opted_out(workspace.db(), contact, "email")


@pytest.mark.parametrize("encoding", ["urlencoded", "multipart"])
def test_one_click_post_from_a_mail_provider_unsubscribes_without_a_form_token(
    site: Site, workspace: Workspace, nps_survey: Survey, encoding: str
):
    link, contact = unsubscribe_link(workspace, nps_survey)

    with httpx.Client(base_url=site.url) as provider:  # no cookie, no page visited
        if encoding == "urlencoded":
            posted = provider.post(link, data={"List-Unsubscribe": "One-Click"})
        else:
            posted = provider.post(
                link, files={"List-Unsubscribe": (None, "One-Click")}
            )  # multipart/form-data

    assert posted.status_code == 200
    assert opt_outs.is_opted_out(workspace.db(), contact, "email")
    # Asking twice is harmless and keeps the first time.
    with httpx.Client(base_url=site.url) as provider:
        assert provider.post(link, data={"List-Unsubscribe": "One-Click"}).status_code == 200
    assert len(opt_outs.list_for_contact(workspace.db(), contact)) == 1


def test_a_post_that_is_neither_the_button_nor_one_click_changes_nothing(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    link, contact = unsubscribe_link(workspace, nps_survey)

    with httpx.Client(base_url=site.url) as stranger:
        codes = [
            stranger.post(link, data={"List-Unsubscribe": "Yes"}).status_code,
            stranger.post(
                link, content=b"List-Unsubscribe=One-Click", headers={"content-type": "text/plain"}
            ).status_code,
            stranger.post(link).status_code,
        ]

    assert codes == [403, 403, 403]
    assert not opt_outs.is_opted_out(workspace.db(), contact, "email")


def test_unknown_or_tampered_tokens_get_a_friendly_404(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    link, contact = unsubscribe_link(workspace, nps_survey)
    tampered = link[:-1] + ("A" if link[-1] != "A" else "B")

    for bad in (f"/u/{new_token()}", tampered, "/u/short", "/u/%3Cscript%3E"):
        page = site.client.get(bad)
        assert page.status_code == 404, bad
        assert "Link not found" in page.text
        posted = site.client.post(bad, data={"List-Unsubscribe": "One-Click"})
        assert posted.status_code == 404
    assert not opt_outs.is_opted_out(workspace.db(), contact, "email")


def test_page_is_in_the_survey_language_and_without_a_business_name(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    settings_store.save(workspace.db(), business_name="")
    link, _ = unsubscribe_link(workspace, nps_survey, language="ja")

    japanese = site.client.get(link, headers={"accept-language": "en"}).text

    assert '<html lang="ja">' in japanese
    assert "メールによるアンケート配信を停止しますか？" in japanese
    assert ">配信を停止する</button>" in japanese


def test_delivery_without_a_contact_is_kept_by_token_for_the_desktop(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    # A public host holds no contacts; the desktop applies the unsubscribe at its next sync.
    assert nps_survey.id is not None
    token = new_token()
    delivery_store.create(workspace.db(), survey_id=nps_survey.id, token=token, channel="email")

    with httpx.Client(base_url=site.url) as provider:
        posted = provider.post(f"/u/{token}", data={"List-Unsubscribe": "One-Click"})

    assert posted.status_code == 200
    assert "You are unsubscribed" in posted.text
    rows = workspace.db().execute("SELECT token, channel FROM sync_unsubscribes").fetchall()
    assert rows == [(token, "email")]


def test_deleting_a_contact_deletes_its_opt_outs(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    link, contact = unsubscribe_link(workspace, nps_survey)
    post_form(site.client, site.client.get(link).text, {})
    assert opt_outs.is_opted_out(workspace.db(), contact, "email")

    workspace.db().execute("DELETE FROM contacts WHERE id = ?", [contact])

    assert opt_outs.list_for_contact(workspace.db(), contact) == []


def test_unsubscribe_page_token_is_not_a_survey_token(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    # The form's token is scoped to its own link: the survey page's does not do.
    link, contact = unsubscribe_link(workspace, nps_survey)
    survey_page = site.client.get(f"/s/{nps_survey.slug}").text
    site.client.get(link)

    posted = site.client.post(link, data={"_csrf": form_token(survey_page)})

    assert posted.status_code == 403
    assert not opt_outs.is_opted_out(workspace.db(), contact, "email")
