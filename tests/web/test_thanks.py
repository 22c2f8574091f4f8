"""The thank-you page by the band of the headline score.

Detractors are promised a follow-up only when the business switched it on
(and knows who they are); promoters may be invited to a referral programme;
the public review link goes to everyone alike: offering it only to happy
customers ("review gating") breaks Google's review policy.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from channels.links import new_token
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey
from surveys.questions import Question, QuestionType
from surveys.text import LocalText
from tests.conftest import make_survey
from tests.web.conftest import Site, answer, store_open

REVIEW = "https://g.page/r/hinata-coffee/review"
REFERRAL = "https://example.com/refer?from=survey"
FOLLOW_UP = "Someone from our team will be in touch"


def offers(workspace: Workspace, *, follow_up: bool = True) -> None:
    settings_store.save(
        workspace.db(),
        follow_up_detractors=follow_up,
        review_url=REVIEW,
        referral_url=REFERRAL,
    )


def personal_link(workspace: Workspace, survey: Survey) -> str:
    assert survey.id is not None
    contact = contact_store.add(workspace.db(), name="Ren", email="ren@example.com")
    token = new_token()
    delivery_store.create(
        workspace.db(), survey_id=survey.id, token=token, channel="email", contact_id=contact
    )
    return f"/r/{token}"


def thanks_after(site: Site, link: str, score: str) -> str:
    posted = answer(site.client, link, {"nps": score, "_all": "1"})
    assert posted.status_code == 303, posted.text
    page = site.client.get(posted.headers["location"])
    assert page.status_code == 200
    assert '<section class="message thanks">' in page.text
    return page.text


@pytest.mark.parametrize("score", ["0", "6"])
def test_detractor_is_promised_a_follow_up_and_offered_the_review_link_too(
    site: Site, workspace: Workspace, nps_survey: Survey, score: str
):
    offers(workspace)

    page = thanks_after(site, personal_link(workspace, nps_survey), score)

    assert FOLLOW_UP in page
    assert f'href="{REVIEW}"' in page  # the same offer as everyone: no review gating
    assert "Write a review" in page
    assert REFERRAL.split("?")[0] not in page


def test_promoter_is_invited_to_refer_and_offered_the_review_link(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    offers(workspace)

    page = thanks_after(site, personal_link(workspace, nps_survey), "10")

    assert 'href="https://example.com/refer?from=survey"' in page
    assert "Tell a friend" in page
    assert f'href="{REVIEW}"' in page
    assert FOLLOW_UP not in page


def test_passive_sees_the_review_link_only(site: Site, workspace: Workspace, nps_survey: Survey):
    offers(workspace)

    page = thanks_after(site, personal_link(workspace, nps_survey), "7")

    assert f'href="{REVIEW}"' in page
    assert FOLLOW_UP not in page and "example.com/refer" not in page


def test_every_band_is_offered_the_same_review_link(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    offers(workspace)

    review_sections = set()
    for score in map(str, range(11)):
        page = thanks_after(site, f"/s/{nps_survey.slug}", score)
        start = page.index('<section class="offer" aria-labelledby="review">')
        review_sections.add(page[start : page.index("</section>", start)].replace(" quiet", ""))

    assert len(review_sections) == 1


def test_no_follow_up_promise_unless_switched_on(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    offers(workspace, follow_up=False)

    page = thanks_after(site, personal_link(workspace, nps_survey), "2")

    assert FOLLOW_UP not in page
    assert f'href="{REVIEW}"' in page


def test_no_follow_up_promise_to_someone_the_team_cannot_know(site: Site, workspace: Workspace):
    offers(workspace)
    survey = make_survey(workspace, "nps")
    anonymous = survey_store.update(workspace.db(), replace(survey, anonymous=True))

    public = thanks_after(site, f"/s/{survey.slug}", "2")
    anonymous_link = thanks_after(site, personal_link(workspace, anonymous), "2")

    assert FOLLOW_UP not in public and FOLLOW_UP not in anonymous_link


def test_without_offers_the_page_just_thanks(site: Site, workspace: Workspace, nps_survey: Survey):
    page = thanks_after(site, personal_link(workspace, nps_survey), "1")

    assert 'class="offer"' not in page and FOLLOW_UP not in page


def test_a_survey_without_a_score_offers_the_review_link(site: Site, workspace: Workspace):
    offers(workspace)
    survey = store_open(
        workspace, [Question("words", QuestionType.OPEN_TEXT, LocalText(en="Tell us more"))]
    )

    posted = answer(site.client, f"/s/{survey.slug}", {"words": "Nice"})
    page = site.client.get(posted.headers["location"]).text

    assert posted.headers["location"] == f"/s/{survey.slug}/thanks?lang=en"
    assert f'href="{REVIEW}"' in page and "example.com/refer" not in page


def test_thank_you_page_in_japanese(site: Site, workspace: Workspace):
    offers(workspace)
    survey = make_survey(workspace, "nps", languages=("ja",))

    page = thanks_after(site, personal_link(workspace, survey), "3")

    assert '<html lang="ja">' in page
    assert "担当者より改めてご連絡いたします。" in page
    assert "口コミを書く" in page


def test_a_tampered_band_shows_only_harmless_words(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    offers(workspace)

    page = site.client.get(f"/s/{nps_survey.slug}/thanks?band=<script>").text

    assert "<script>" not in page and f'href="{REVIEW}"' in page
