"""The designer's preview link: any status, a banner, answers checked but never stored."""

from __future__ import annotations

from channels.links import new_token
from storage import responses as response_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import SurveyStatus
from tests.conftest import make_survey
from tests.surveys.branching_samples import branching_survey
from tests.web.conftest import Site, form_action


def send(site: Site, page: str, fields: dict[str, str]):
    # A preview stores nothing, so its form needs no anti-forgery token.
    return site.client.post(form_action(page), data=fields)


def previewable(workspace: Workspace, status: SurveyStatus = SurveyStatus.DRAFT) -> str:
    survey = make_survey(workspace, "nps", languages=("en", "ja"), status=status)
    token = new_token()
    survey.extra["preview_token"] = token
    survey_store.update(workspace.db(), survey)
    return token


def test_a_draft_is_shown_under_the_preview_banner(workspace: Workspace, site: Site):
    token = previewable(workspace)
    page = site.client.get(f"/preview/{token}")
    assert page.status_code == 200
    assert "Preview — answers are not saved" in page.text
    assert "How likely are you to recommend Test Shop" in page.text
    assert form_action(page.text).startswith(f"/preview/{token}")
    japanese = site.client.get(f"/preview/{token}", params={"lang": "ja"})
    assert "プレビュー：回答は保存されません" in japanese.text


def test_a_preview_answer_is_checked_and_thanked_but_not_stored(workspace: Workspace, site: Site):
    token = previewable(workspace, SurveyStatus.OPEN)
    page = site.client.get(f"/preview/{token}")
    wrong = send(site, page.text, {"nps": "11", "_all": "1"})
    assert wrong.status_code == 400
    assert "Preview — answers are not saved" in wrong.text
    done = send(site, page.text, {"nps": "9", "reason": "Friendly", "_all": "1"})
    assert done.status_code == 200
    assert "Preview — answers are not saved" in done.text
    assert response_store.count(workspace.db(), 1) == 0
    assert site.notified == []


def test_without_javascript_the_follow_up_opens_after_the_score(workspace: Workspace, site: Site):
    token = previewable(workspace)
    page = site.client.get(f"/preview/{token}")
    step = send(site, page.text, {"nps": "3"})
    assert step.status_code == 200
    assert "What disappointed you the most?" in step.text  # worded for a detractor


def test_unknown_or_malformed_tokens_are_not_found(workspace: Workspace, site: Site):
    previewable(workspace)
    assert site.client.get(f"/preview/{new_token()}").status_code == 404
    assert site.client.get("/preview/x").status_code == 404
    # The public link of a draft stays closed: only the preview shows it.
    slug = survey_store.list_all(workspace.db())[0].slug
    assert site.client.get(f"/s/{slug}").status_code == 404


def test_a_branching_preview_ignores_what_a_branch_hides(workspace: Workspace, site: Site):
    """The preview opens every page at once; a question the score hides may be filled in
    there, and is left out as a respondent's page would never have shown it."""
    survey = survey_store.create(workspace.db(), branching_survey("preview1"))
    survey.extra["preview_token"] = token = new_token()
    survey_store.update(workspace.db(), survey)
    page = site.client.get(f"/preview/{token}")
    fields = {"score": "9", "low": "typed before the score changed", "high": "Kind staff"}
    done = send(site, page.text, {**fields, "visit": "phone", "_all": "1"})
    assert done.status_code == 200
    assert "Preview — answers are not saved" in done.text
    assert "Thank you" in done.text
