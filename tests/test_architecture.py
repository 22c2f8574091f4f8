"""The rules of DESIGN.md that keep Koe easy to change, checked on the source."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["surveys", "storage", "channels", "web", "commands", "ui"]
# What each package may import from Koe's own packages (dependencies point one way).
ALLOWED = {
    "surveys": set(),
    "storage": {"surveys"},
    "channels": {"storage", "surveys"},
    "web": {"channels", "storage", "surveys"},
    "commands": {"channels", "storage", "surveys", "web"},
    "ui": {"channels", "storage", "surveys", "web", "ui"},
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
