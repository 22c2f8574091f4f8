"""`surveys list` leaves archived surveys out, as the app's list does, unless --archived."""

from __future__ import annotations

from storage import responses
from storage import surveys as survey_store
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.test_cli import koe


def test_surveys_list_leaves_archived_surveys_out_unless_asked(tmp_path):
    folder = tmp_path / "workspace"
    with Workspace.open(folder) as workspace:
        kept = make_survey(workspace, "nps")
        old = make_survey(workspace, "csat")
        responses.record(workspace.db(), old, {old.questions[0].qid: 4}, language="en")
        survey_store.archive(workspace.db(), old.id)

    listed = koe("surveys", "list", "--data-dir", str(folder)).stdout.splitlines()
    every = koe("surveys", "list", "--data-dir", str(folder), "--archived").stdout.splitlines()

    assert [line.split("\t")[0] for line in listed] == [str(kept.id)]
    assert sorted(line.split("\t")[0] for line in every) == sorted([str(kept.id), str(old.id)])
    archived = next(line.split("\t") for line in every if line.startswith(f"{old.id}\t"))
    assert archived[2] == "closed"  # the contract's statuses: draft, open, closed
