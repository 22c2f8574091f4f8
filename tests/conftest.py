"""Shared fixtures: a real workspace on disk, surveys in it, and Qt offscreen."""

from __future__ import annotations

import os

# pytest-qt aborts the process without a display unless a platform is chosen
# before Qt loads (shared/STACK.md); --onscreen style runs can set it themselves.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

from collections.abc import Iterator
from pathlib import Path

import pytest

from channels.links import new_slug
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey, SurveyStatus
from surveys.templates import survey_from_template


@pytest.fixture
def workspace_dir(tmp_path: Path) -> Path:
    return tmp_path / "workspace"


@pytest.fixture
def workspace(workspace_dir: Path) -> Iterator[Workspace]:
    """A real, freshly migrated workspace with its lock held."""
    ws = Workspace.open(workspace_dir)
    yield ws
    ws.close()


def make_survey(
    workspace: Workspace,
    kind: str = "nps",
    *,
    languages: tuple[str, ...] = ("en",),
    status: SurveyStatus = SurveyStatus.OPEN,
    company: str = "Test Shop",
) -> Survey:
    """Store a survey made from a template, opened unless told otherwise."""
    db = workspace.db()
    survey = survey_from_template(kind, languages=languages, company=company)
    survey.slug = new_slug()
    stored = survey_store.create(db, survey)
    assert stored.id is not None
    if status is not SurveyStatus.DRAFT:
        stored = survey_store.set_status(db, stored.id, SurveyStatus.OPEN)
    if status is SurveyStatus.CLOSED:
        stored = survey_store.set_status(db, stored.id, SurveyStatus.CLOSED)
    return stored


@pytest.fixture
def nps_survey(workspace: Workspace) -> Survey:
    return make_survey(workspace, "nps", languages=("en", "ja"))
