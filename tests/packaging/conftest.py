"""The Linux bundle, built once a session with PyInstaller from packaging/koe.spec.

A build takes a few minutes, so it is kept in pytest's cache folder under a digest of
everything that goes into it (Koe's code and resources, the spec, the locked
dependencies): a run on unchanged sources reuses it, any change builds again, and a
fresh clone (CI) always builds. The build time and the bundle's size are printed in the
session's summary. With $KOE_TEST_BUNDLE naming a bundle already built (the release
workflow's dist/Koe), that one is tested instead, exactly as it will ship.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SUMMARY
from tests.packaging.installed import InstalledKoe, folder_size

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "koe.spec"
INPUTS = (
    "main.py",
    "pyproject.toml",
    "uv.lock",
    "LICENSE",
    "packaging",
    "channels",
    "commands",
    "resources",
    "storage",
    "surveys",
    "ui",
    "web",
)
BUILD_TIMEOUT = 1800  # seconds; a build takes 2-3 minutes on two busy cores


def _input_files() -> Iterator[Path]:
    for name in INPUTS:
        path = ROOT / name
        if path.is_file():
            yield path
            continue
        for file in sorted(path.rglob("*")):
            # Compiled files are made from the others (the spec compiles the .qm itself).
            if file.is_file() and "__pycache__" not in file.parts and file.suffix != ".qm":
                yield file


def inputs_digest() -> str:
    digest = hashlib.sha256()
    for file in _input_files():
        digest.update(file.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def build(into: Path) -> dict[str, object]:
    """Run PyInstaller on the spec into ``into``; return the build's figures."""
    log = into / "build.log"
    into.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(
            [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level=WARN",
             "--distpath", str(into / "dist"), "--workpath", str(into / "work")],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT, check=False,
        )  # fmt: skip
    seconds = time.monotonic() - started
    tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-30:])
    assert result.returncode == 0, f"PyInstaller failed:\n{tail}"
    shutil.rmtree(into / "work")  # 100+ MB of intermediate files
    return {
        "built_in_seconds": round(seconds, 1),
        "size_bytes": folder_size(into / "dist" / "Koe"),
    }


@pytest.fixture(scope="session")
def bundle(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/Koe: the folder a Linux user unpacks, holding ``koe`` and ``koe-cli``."""
    if os.environ.get("KOE_TEST_BUNDLE"):
        built = Path(os.environ["KOE_TEST_BUNDLE"]).resolve()
        assert (built / "koe-cli").is_file(), f"$KOE_TEST_BUNDLE: no koe-cli in {built}"
        return built
    cache = getattr(request.config, "cache", None)
    root = cache.mkdir("koe-bundle") if cache is not None else tmp_path_factory.mktemp("b")
    digest = inputs_digest()
    here = root / digest
    figures_file = here / "figures.json"
    if figures_file.is_file():
        figures = json.loads(figures_file.read_text(encoding="utf-8"))
        how = "reused from the cache, built"
    else:
        for old in root.iterdir():  # bundles of other sources: 250+ MB each
            shutil.rmtree(old, ignore_errors=True)
        figures = build(here)
        figures_file.write_text(json.dumps(figures), encoding="utf-8")
        how = "built"
    size = int(figures["size_bytes"]) / 1e6  # type: ignore[call-overload]
    SUMMARY.append(f"Koe's Linux bundle: {how} in {figures['built_in_seconds']} s, {size:.0f} MB")
    return here / "dist" / "Koe"


@pytest.fixture
def bundled_koe(bundle: Path, tmp_path: Path) -> InstalledKoe:
    return InstalledKoe(app=[str(bundle / "koe")], cli=[str(bundle / "koe-cli")], home=tmp_path)
