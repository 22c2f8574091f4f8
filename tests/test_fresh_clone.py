"""The README's ``uv run pytest`` on a fresh clone: nothing but the README's prerequisites.

A clone of this checkout's HEAD in a folder of its own, with no ``node_modules`` and
no environment yet: ``uv run`` builds its environment from uv.lock (offline, from
uv's cache, as on a machine that ran ``uv sync`` once), collects every test, and runs
the accessibility test of the NPS page (light and dark), whose axe-core must come
from PyPI and whose Chromium from Playwright's install or the system.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.web.conftest import NO_CHROMIUM, chromium_executable

ROOT = Path(__file__).resolve().parents[1]
OURS = ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "PYTHONPYCACHEPREFIX")


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], capture_output=True, text=True, check=True, timeout=60)
    return done.stdout.strip()


def test_a_fresh_clone_collects_every_test_and_checks_accessibility_without_npm(tmp_path: Path):
    clone = tmp_path / "koe"
    git("clone", "--quiet", "--no-checkout", str(ROOT), str(clone))
    git("-C", str(clone), "checkout", "--quiet", git("-C", str(ROOT), "rev-parse", "HEAD"))
    assert not [*clone.rglob("node_modules"), *clone.rglob("package.json")]
    uv = os.environ.get("UV") or shutil.which("uv")
    assert uv, "uv is one of the README's prerequisites"
    # The clone's own environment (from its uv.lock) and bytecode cache: nothing of ours.
    env = {name: value for name, value in os.environ.items() if name not in OURS}

    done = subprocess.run(
        [uv, "run", "--locked", "--offline", "--quiet", "pytest", "-q", "-p", "no:cacheprovider",
         "-n", "0", "-k", "test_accessibility and test_nps_page_in_english"],
        cwd=clone, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip

    # Exit status 0: every test module collected without an error (in this one process:
    # -n 0), and the one test selected (axe on the NPS page, light and dark) passed.
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    summary = done.stdout.strip().splitlines()[-1]
    assert re.match(r"1 passed, \d+ deselected", summary), summary
    assert (clone / ".venv").is_dir()  # uv made the clone an environment of its own


def test_without_any_chromium_the_browser_tests_say_what_to_install(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no chromium on the PATH...
    with pytest.raises(pytest.fail.Exception) as failed:
        chromium_executable(str(tmp_path / "chrome"))  # ...and none from Playwright
    assert str(failed.value) == NO_CHROMIUM
    assert "apt-get install chromium" in NO_CHROMIUM
    assert "playwright install chromium" in NO_CHROMIUM


def test_playwrights_chromium_first_then_the_systems(tmp_path: Path):
    system = shutil.which("chromium") or shutil.which("chromium-browser")
    assert system, "Debian's chromium is one of the README's prerequisites"
    assert chromium_executable(str(tmp_path / "not-installed" / "chrome")) == system
    own = tmp_path / "chrome"
    own.write_bytes(b"")
    assert chromium_executable(str(own)) == str(own)
