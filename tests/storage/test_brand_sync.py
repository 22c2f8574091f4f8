"""The shop's look reaches a public host: the colour with the site settings, the survey's
heading, intro, thank-you message and redirect with the survey."""

from __future__ import annotations

from storage import settings as settings_store
from storage import surveys as survey_store
from storage import sync_desktop, sync_host
from storage.workspace import Workspace
from surveys.text import LocalText
from tests.conftest import make_survey


def test_colour_and_page_texts_are_published_to_the_host(workspace: Workspace, tmp_path):
    settings_store.save(workspace.db(), brand_colour="#ff8800")
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    survey.heading = LocalText(en="How was your visit?", ja="ご来店の感想")
    survey.intro = LocalText(en="Two questions.")
    survey.thanks = LocalText(ja="ありがとうございました。")
    survey.redirect_url = "https://hinata.example/menu"
    survey_store.update(workspace.db(), survey)

    with Workspace.open(tmp_path / "host") as host:
        sync_host.apply_site(host.db(), sync_desktop.site_payload(workspace.db()))
        for payload in sync_desktop.survey_payloads(workspace.db()):
            sync_host.apply_survey(host.db(), payload)
        assert settings_store.load(host.db()).brand_colour == "#ff8800"
        there = survey_store.find_by_slug(host.db(), survey.slug)
        assert there is not None
        assert there.heading == {"en": "How was your visit?", "ja": "ご来店の感想"}
        assert there.intro == {"en": "Two questions."}
        assert there.thanks == {"ja": "ありがとうございました。"}
        assert there.redirect_url == "https://hinata.example/menu"
