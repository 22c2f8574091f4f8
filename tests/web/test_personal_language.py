"""A personal link opens in its contact's language, not the phone's.

The business knows the language each customer reads (the contact's language);
a phone set to English in Japan is common. ``?lang=`` (the person chose the
other language on the page) still wins; a public link follows the browser.
"""

from __future__ import annotations

from channels.links import new_token
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey
from tests.web.conftest import Site, answer

ENGLISH_PHONE = {"accept-language": "en-US,en;q=0.9"}
JAPANESE_PHONE = {"accept-language": "ja-JP,ja;q=0.9"}


def personal(workspace: Workspace, survey: Survey, language: str | None) -> str:
    """A delivery of ``survey`` to a new contact who reads ``language``; its /r/ path."""
    assert survey.id is not None
    contact = contact_store.add(
        workspace.db(), name="Aoi", email="aoi@example.com", language=language
    )
    token = new_token()
    delivery_store.create(
        workspace.db(), survey_id=survey.id, token=token, channel="email", contact_id=contact
    )
    return f"/r/{token}"


def language_of(page: str) -> str:
    return page.split('<html lang="', 1)[1].split('"', 1)[0]


def test_a_japanese_contact_with_an_english_phone_gets_japanese(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    link = personal(workspace, survey, "ja")

    page = site.client.get(link, headers=ENGLISH_PHONE).text

    assert language_of(page) == "ja"
    assert "送信する" in page


def test_the_persons_own_choice_on_the_page_wins(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    link = personal(workspace, survey, "ja")

    page = site.client.get(f"{link}?lang=en", headers=JAPANESE_PHONE).text

    assert language_of(page) == "en"


def test_an_english_contact_with_a_japanese_phone_gets_english(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("ja", "en"))
    link = personal(workspace, survey, "en")

    assert language_of(site.client.get(link, headers=JAPANESE_PHONE).text) == "en"


def test_without_a_known_language_the_link_opens_in_the_surveys_first(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    unknown = personal(workspace, survey, None)
    not_offered = personal(workspace, make_survey(workspace, "nps", languages=("en",)), "ja")

    assert language_of(site.client.get(unknown, headers=JAPANESE_PHONE).text) == "en"
    assert language_of(site.client.get(not_offered, headers=JAPANESE_PHONE).text) == "en"


def test_the_next_page_and_the_thanks_stay_in_the_contacts_language(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    link = personal(workspace, survey, "ja")
    site.client.headers.update(ENGLISH_PHONE)

    posted = answer(site.client, link, {"nps": "9", "_all": "1"})
    thanks = site.client.get(posted.headers["location"]).text

    assert posted.status_code == 303
    assert language_of(thanks) == "ja"
    stored = workspace.db().execute("SELECT language FROM responses").fetchall()
    assert stored == [("ja",)]


def test_the_unsubscribe_page_is_in_the_contacts_language(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    link = personal(workspace, survey, "ja").replace("/r/", "/u/")

    page = site.client.get(link, headers=ENGLISH_PHONE).text

    assert language_of(page) == "ja"


def test_a_public_link_still_follows_the_browser(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))

    page = site.client.get(f"/s/{survey.slug}", headers=JAPANESE_PHONE).text

    assert language_of(page) == "ja"
