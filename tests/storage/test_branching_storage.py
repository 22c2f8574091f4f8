"""Branching is kept with the survey: stored, duplicated, reworded and published to a host."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import responses, sync_desktop, sync_host
from storage import surveys as survey_store
from storage.sync import SyncDataError
from storage.workspace import Workspace
from surveys.text import LocalText
from tests.surveys.branching_samples import branching_survey


def branches(survey) -> dict:
    return {q.qid: (q.show_if, q.ends_if) for q in survey.questions}


def test_conditions_are_stored_duplicated_and_kept_through_a_rewording(workspace: Workspace):
    db = workspace.db()
    original = branching_survey()
    stored = survey_store.create(db, original)
    assert branches(survey_store.get(db, stored.id or 0)) == branches(original)

    stored.questions[1].text = LocalText(en="What went wrong, in a word?", ja="何が問題でしたか？")
    reworded = survey_store.update(db, stored)
    assert branches(reworded) == branches(original)

    copy = survey_store.copy_survey(db, stored.id or 0, "copy-slug")
    assert branches(copy) == branches(original)


def test_a_public_host_gets_the_conditions_and_refuses_a_broken_one(
    workspace: Workspace, tmp_path: Path
):
    survey_store.create(workspace.db(), branching_survey())
    (payload,) = sync_desktop.survey_payloads(workspace.db())
    host = Workspace.open(tmp_path / "host")
    try:
        sync_host.apply_survey(host.db(), payload)
        published = survey_store.find_by_slug(host.db(), payload["slug"])
        assert branches(published) == branches(branching_survey())

        payload["questions"][1]["config"]["show_if"] = {"qid": "score", "low": "zero"}
        with pytest.raises(SyncDataError, match="cannot be read"):
            sync_host.apply_survey(host.db(), payload)
        kept = survey_store.find_by_slug(host.db(), payload["slug"])
        assert branches(kept) == branches(branching_survey())
    finally:
        host.close()


def test_an_answer_a_changed_score_hides_is_not_kept(workspace: Workspace):
    """Going back and changing the score hides the question answered after it: its
    answer goes, so the stored response is the path the person finally took."""
    db = workspace.db()
    survey = survey_store.create(db, branching_survey())
    response_id = responses.record(
        db, survey, {"score": 3, "low": "The coffee was cold"}, language="en", resume_token="t1"
    )
    assert responses.answers_of(db, response_id) == {"score": 3, "low": "The coffee was cold"}

    responses.add_answers(db, survey, response_id, {"score": 9}, complete=False)
    assert responses.answers_of(db, response_id) == {"score": 9}
    responses.add_answers(db, survey, response_id, {"high": "Kind staff"}, complete=True)
    assert responses.answers_of(db, response_id) == {"score": 9, "high": "Kind staff"}
