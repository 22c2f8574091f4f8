"""`uv tool install` from the repository gives a `koe` command (pyproject.toml's
[project.scripts]): the app without arguments, main.py's sub-commands with them, with
Koe's resources (translations, PDF font, the respondent site's templates) installed
beside its code. Installed into the test's own folders, never the user's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storage import settings as settings_store
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.packaging.installed import InstalledKoe, open_and_close_the_app

ROOT = Path(__file__).resolve().parents[2]


def uv() -> str:
    """uv itself: `uv run` names it in $UV; else the one on PATH."""
    found = os.environ.get("UV") or shutil.which("uv")
    assert found, "these tests install Koe with uv: install uv (pip install uv)"
    return found


@pytest.fixture(scope="module")
def tool(tmp_path_factory: pytest.TempPathFactory) -> InstalledKoe:
    """Koe installed as `uv tool install --from <repository> koe` would for a user."""
    root = tmp_path_factory.mktemp("tool")
    project_settings = ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")
    env = {k: v for k, v in os.environ.items() if k not in project_settings}
    env.update(
        UV_TOOL_DIR=str(root / "tools"),
        UV_TOOL_BIN_DIR=str(root / "bin"),
        UV_PYTHON_DOWNLOADS="never",  # this machine's Python, as the README asks
    )
    installed = subprocess.run(
        [uv(), "tool", "install", "--python", sys.executable, "--from", str(ROOT), "koe"],
        cwd=root, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    assert "Installed 1 executable: koe" in installed.stderr
    command = [str(root / "bin" / "koe")]
    return InstalledKoe(app=command, cli=command, home=root / "home")


def test_koe_help_lists_main_pys_commands(tool):
    usage = tool.run("--help").stdout
    assert usage.startswith("usage: koe ")
    for command in ("demo", "serve", "surveys", "export", "contacts", "backups", "sync"):
        assert command in usage, command


def test_koe_surveys_list_reads_a_workspace(tool, tmp_path):
    folder = tmp_path / "workspace"
    with Workspace.open(folder) as workspace:
        survey = make_survey(workspace, "nps", languages=("ja", "en"))
    listed = tool.run("surveys", "list", "--data-dir", str(folder))
    fields = listed.stdout.strip().split("\t")
    assert fields[:3] == [str(survey.id), "nps", "open"]
    assert fields[4].endswith(f"/s/{survey.slug}")


def test_koe_export_pdf_finds_its_font_and_translations(tool, tmp_path):
    folder = tmp_path / "workspace"
    with Workspace.open(folder) as workspace:
        survey = make_survey(workspace, "nps", languages=("ja", "en"))
    out = tmp_path / "report.pdf"
    tool.run("export", "--data-dir", str(folder), "--survey", str(survey.id), "--format", "pdf",
             "--language", "ja", "--out", str(out))  # fmt: skip
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "アンケート結果レポート" in text


def test_koe_without_arguments_opens_the_app(tool, tmp_path):
    folder = tmp_path / "workspace"
    with Workspace.open(folder) as workspace:
        settings_store.save(workspace.db(), language="ja", port=free_port(), setup_done=True)
    lines = open_and_close_the_app(tool, folder, tmp_path / "app.log")
    assert any("ja translations loaded from" in line for line in lines)
