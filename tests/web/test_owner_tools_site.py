"""What the owner's tools mean on the respondent site: an archived survey's link answers as a
closed survey's does, and an anonymous survey's personal link stores no tie to the contact."""

from __future__ import annotations

from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import responses as response_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.web.conftest import Site, answer, invitation, stored


def test_an_archived_surveys_link_says_it_is_closed_and_stores_nothing(
    site: Site, workspace: Workspace
):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    link, _delivery = invitation(workspace, survey)
    answer(site.client, f"/s/{survey.slug}", {"nps": "9"})
    survey_store.archive(workspace.db(), survey.id)

    for path in (f"/s/{survey.slug}", link):
        page = site.client.get(path)
        assert page.status_code == 410
        assert "This survey has closed" in page.text and "<form" not in page.text
    assert site.client.post(f"/s/{survey.slug}", data={"nps": "3"}).status_code == 410
    assert [row["nps"] for row in stored(workspace, survey)] == [9]  # kept, nothing added


def test_a_personal_link_of_an_anonymous_survey_is_not_tied_to_the_contact(
    site: Site, workspace: Workspace
):
    db = workspace.db()
    survey = make_survey(workspace, "nps")
    survey.anonymous = True
    survey = survey_store.update(db, survey)
    contact = contact_store.add(db, name="佐藤 花子", email="hanako@example.com")
    link, delivery = invitation(workspace, survey)
    db.execute("UPDATE deliveries SET contact_id = ? WHERE id = ?", [contact, delivery.id])

    answer(site.client, link, {"nps": "3"})

    (row,) = db.execute("SELECT id, delivery_id FROM responses").fetchall()
    assert row[1] is None  # no delivery, so no contact, behind the answer
    assert response_store.answers_of(db, row[0]) == {"nps": 3}
    assert delivery_store.get(db, delivery.id).answered  # reminders still stop
