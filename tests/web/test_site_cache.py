"""The site keeps settings and surveys in memory (storage.site_cache), yet a change made by
another program (the desktop, ``koe-cli``, a sync) shows on the very next request.

"Another program" is another connection to the same file, as a second process has.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlite_utils import Database

from storage import settings as settings_store
from storage import surveys as survey_store
from storage.database import connect
from storage.site_cache import SiteCache
from storage.workspace import Workspace
from surveys.model import LocalText, SurveyStatus
from tests.conftest import make_survey
from tests.web.conftest import Site, form_action, form_token, stored


@pytest.fixture
def elsewhere(workspace: Workspace) -> Iterator[Database]:
    db = connect(workspace.db_path)
    yield db
    db.close()


def _post(site: Site, slug: str, comment: str) -> tuple[int, str]:
    page = site.client.get(f"/s/{slug}")
    fields = {"nps": "6", "reason": comment, "_all": "1", "_csrf": form_token(page.text)}
    answer = site.client.post(form_action(page.text), data=fields)
    return answer.status_code, answer.text


def test_a_closed_survey_refuses_the_next_post(site: Site, workspace: Workspace, elsewhere):
    survey = make_survey(workspace, "nps")
    assert _post(site, survey.slug, "while open")[0] == 303
    page = site.client.get(f"/s/{survey.slug}")  # the form is on screen

    survey_store.set_status(elsewhere, survey.id or 0, SurveyStatus.CLOSED)
    fields = {"nps": "6", "reason": "after closing", "_all": "1", "_csrf": form_token(page.text)}
    late = site.client.post(form_action(page.text), data=fields)

    assert late.status_code == 410
    assert [row["reason"] for row in stored(workspace, survey)] == ["while open"]


def test_the_business_name_and_the_wording_change_on_the_next_page(
    site: Site, workspace: Workspace, elsewhere
):
    survey = make_survey(workspace, "nps")
    assert "Renamed Café" not in site.client.get(f"/s/{survey.slug}").text

    settings_store.save(elsewhere, business_name="Renamed Café")
    changed = survey_store.get(elsewhere, survey.id or 0)
    changed.questions[0].text = LocalText.of({"en": "Would you tell a friend about us?"})
    survey_store.update(elsewhere, changed)
    page = site.client.get(f"/s/{survey.slug}").text

    assert "Renamed Café" in page
    assert "Would you tell a friend about us?" in page


def test_a_lower_rate_limit_applies_to_the_next_post(site: Site, workspace: Workspace, elsewhere):
    survey = make_survey(workspace, "nps")
    settings_store.save(elsewhere, rate_limit_per_minute=1000)
    assert _post(site, survey.slug, "one")[0] == 303

    settings_store.save(elsewhere, rate_limit_per_minute=1)
    status, _ = _post(site, survey.slug, "two")

    assert status == 429
    assert [row["reason"] for row in stored(workspace, survey)] == ["one"]


def test_one_request_sees_one_state_and_the_next_one_the_change(workspace: Workspace, elsewhere):
    cache = SiteCache()
    db = workspace.db()
    settings_store.save(elsewhere, business_name="Before")
    with cache.one_look():
        assert cache.get(db, "settings", settings_store.load).business_name == "Before"
        settings_store.save(elsewhere, business_name="After")  # mid-request, elsewhere
        # The rest of this request reads what it began with: the settings and the
        # survey it shows belong together.
        assert cache.get(db, "settings", settings_store.load).business_name == "Before"
    with cache.one_look():
        assert cache.get(db, "settings", settings_store.load).business_name == "After"
    settings_store.save(elsewhere, business_name="Outside a request")
    assert cache.get(db, "settings", settings_store.load).business_name == "Outside a request"
