"""The rules of DESIGN.md that keep Koe easy to change, checked on the source."""

import ast
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from commands import demo
from storage import settings as settings_store
from storage.workspace import Workspace
from tests.helpers import free_port

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["surveys", "storage", "contacts", "channels", "exports", "web", "commands", "ui"]
# What each package may import from Koe's own packages (dependencies point one way).
ALLOWED = {
    "surveys": set(),
    "storage": {"surveys"},
    "contacts": {"storage", "surveys"},
    "channels": {"storage", "surveys"},
    # A poster carries the QR code of a survey's link (channels.qr).
    "exports": {"channels", "storage", "surveys"},
    "web": {"channels", "storage", "surveys"},
    "commands": {"channels", "contacts", "exports", "storage", "surveys", "web"},
    "ui": {"channels", "contacts", "exports", "storage", "surveys", "web", "ui"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", [p for p in PACKAGES if p != "ui"])
def test_qt_is_imported_only_in_ui_and_main(package):
    offenders = [
        str(path.relative_to(ROOT))
        for path in sources(package)
        if imported_roots(path) & {"PySide6", "shiboken6"}
    ]
    assert offenders == []


@pytest.mark.parametrize("package", PACKAGES)
def test_dependencies_point_one_way(package):
    own = set(PACKAGES) - {package}
    wrong = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sources(package)
        for name in imported_roots(path) & own
        if name not in ALLOWED[package]
    }
    assert sorted(wrong) == []


def test_every_package_ships_in_the_wheel_and_the_bundle():
    """A package left out of either is a ModuleNotFoundError on a user's machine only."""
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = wheel["tool"]["hatch"]["build"]["targets"]["wheel"]["only-include"]
    spec = (ROOT / "packaging" / "koe.spec").read_text(encoding="utf-8")
    bundled = ast.literal_eval(spec.split("KOE_PACKAGES = ", 1)[1].split("\n", 1)[0])
    top_level = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests", "bench"}
    assert top_level == set(PACKAGES)
    assert set(PACKAGES) <= set(shipped)
    assert set(PACKAGES) == set(bundled)


def test_sql_stays_in_storage():
    keywords = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE")
    offenders = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        if package != "storage"
        for path in sources(package)
        if any(word in path.read_text(encoding="utf-8") for word in keywords)
    ]
    assert offenders == []


def test_every_package_is_there():
    for package in [*PACKAGES, "resources", "tests", "bench"]:
        assert (ROOT / package).is_dir(), package


def test_write_transactions_take_the_lock_at_their_start():
    """One helper (storage.database.writing, BEGIN IMMEDIATE) opens every write transaction.

    A plain ``BEGIN`` or sqlite-utils' ``atomic()`` that reads and then writes is
    refused at once ("database is locked") when another connection wrote in
    between: a respondent's answer lost under load.
    """
    allowed = {ROOT / "storage" / "database.py", ROOT / "storage" / "schema.py"}
    offenders = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in sources(package)
        if path not in allowed
        and any(
            word in path.read_text(encoding="utf-8")
            for word in (".atomic()", 'execute("BEGIN', "execute('BEGIN", ".begin()")
        )
    ]
    assert offenders == []


# Loaded only by the pages or actions that need them (PDF, Excel, SMS, charts,
# phone numbers): none may be loaded when the window shows, nor when it is ready.
HEAVY = ["fpdf", "openpyxl", "twilio", "PySide6.QtCharts", "phonenumbers"]
# The database, the survey site and the sync are loaded off the GUI thread, once the
# window shows.
SERVICES = [
    "sqlite_utils",
    "starlette",
    "uvicorn",
    "jinja2",
    "httpx",
    "requests",
    "email_validator",
]


def test_the_window_shows_before_the_heavy_libraries_load(tmp_path):
    folder = tmp_path / "demo"
    with Workspace.open(folder) as workspace:
        demo.run(workspace)
        settings_store.save(workspace.db(), port=free_port())
    result = subprocess.run(
        [sys.executable, "-m", "tests.window_imports", str(folder)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    # When the window first shows, with its loading state:
    assert [name for name in HEAVY + SERVICES if name in loaded["shown"]] == []
    # When the demo workspace is open and the Surveys page shows its surveys:
    assert [name for name in HEAVY if name in loaded["ready"]] == []
    # The Results page loads its charts when it is first shown (the check can see it).
    assert "PySide6.QtCharts" in loaded["results"]
