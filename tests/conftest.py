"""Shared fixtures: a real workspace on disk, surveys in it, and Qt offscreen."""

from __future__ import annotations

import os

# pytest-qt aborts the process without a display unless a platform is chosen
# before Qt loads (shared/STACK.md); --onscreen style runs can set it themselves.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from channels.links import new_slug
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey, SurveyStatus
from surveys.templates import survey_from_template

# --- the session: in parallel, and what its summary says ---------------------------------

# Lines for the session's summary (e.g. tests/packaging: the bundle's build time and size).
SUMMARY: list[str] = []


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (pyproject's addopts) runs the suite, or folders of it, on every core;
    one or two test files named alone run in this one process, which starts sooner."""
    named = {arg.split("::")[0] for arg in config.args}
    if named and len(named) <= 2 and all(arg.endswith(".py") for arg in named):
        return 0
    return None  # pytest-xdist's own choice: a worker a core


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # a pytest-xdist worker: the controller prints the summary
        workeroutput["koe_summary"] = SUMMARY


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:  # type: ignore[no-untyped-def]
    SUMMARY.extend(getattr(node, "workeroutput", {}).get("koe_summary", []))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in SUMMARY:
        terminalreporter.write_line(line)


# --- fixtures ---------------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """A keyring in memory: tests never touch the machine's real one (or find none)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring (a headless Linux has no keyring at all)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


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
