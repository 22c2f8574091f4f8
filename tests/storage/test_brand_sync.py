"""The shop's look reaches a public host: the colour and the logo with the site settings,
the survey's heading, intro, thank-you message and redirect with the survey."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from storage import settings as settings_store
from storage import site_logo, sync_desktop, sync_host
from storage import surveys as survey_store
from storage.logo_files import MAX_LOGO_BYTES, PreparedLogo, prepare_logo
from storage.sync import SyncDataError
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


def test_the_logo_is_published_checked_again_and_removed_with_the_site(
    workspace: Workspace, tmp_path
):
    image = Image.new("RGB", (800, 200), "#c04020")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    site_logo.save(workspace.db(), prepare_logo(buffer.getvalue()))
    mine = site_logo.load(workspace.db())
    assert mine is not None

    with Workspace.open(tmp_path / "host") as host:
        sync_host.apply_site(host.db(), sync_desktop.site_payload(workspace.db()))
        there = site_logo.load(host.db())
        assert there is not None and (there.width, there.height) == (mine.width, mine.height)

        # Not a picture (a tampered publication): refused, the logo there unchanged.
        forged = sync_desktop.site_payload(workspace.db())
        forged["logo"] = {"media_type": "image/png", "data": base64.b64encode(b"MZ\x90").decode()}
        with pytest.raises(SyncDataError):
            sync_host.apply_site(host.db(), forged)
        assert site_logo.load(host.db()) == there

        site_logo.remove(workspace.db())
        sync_host.apply_site(host.db(), sync_desktop.site_payload(workspace.db()))
        assert site_logo.load(host.db()) is None


def test_a_heavy_logo_stored_before_the_limit_still_reaches_the_host(
    workspace: Workspace, tmp_path
):
    # Chosen before logos were made to fit 32 KB: stored as it was prepared then.
    heavy = Image.effect_noise((400, 96), 120).convert("RGB")
    buffer = io.BytesIO()
    heavy.save(buffer, "PNG")
    site_logo.save(workspace.db(), PreparedLogo(buffer.getvalue(), "image/png", 400, 96))
    assert len(buffer.getvalue()) > MAX_LOGO_BYTES

    payload = sync_desktop.site_payload(workspace.db())

    assert payload["logo"] is not None
    with Workspace.open(tmp_path / "host") as host:
        sync_host.apply_site(host.db(), payload)
        there = site_logo.load(host.db())
        assert there is not None and len(there.content) <= MAX_LOGO_BYTES
    assert site_logo.load(workspace.db()).content == buffer.getvalue()  # the desktop's, kept
