"""The README's ``uv run pytest`` on a fresh clone: nothing but the README's prerequisites.

The browser tests take Playwright's own Chromium when it is installed, else the
system's, and say what to install when there is neither.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.web.conftest import NO_CHROMIUM, chromium_executable


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
