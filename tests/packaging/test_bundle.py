"""The built Linux bundle, run as a shop owner runs it (tests/packaging/conftest.py builds
it from packaging/koe.spec): the app opens its window, in Japanese; `serve` answers a
survey over HTTP; `export` writes a CSV and a PDF that reads in Japanese. Nothing here
runs the source tree: each command is the bundle's own executable, started from a
folder of the user's with none of the test session's Python settings."""

from __future__ import annotations

import csv
import io
import re
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from storage import settings as settings_store
from storage.workspace import Workspace
from tests.helpers import free_port
from tests.packaging.installed import (
    START_TIMEOUT,
    InstalledKoe,
    folder_size,
    open_and_close_the_app,
    read,
    stop,
)
from tests.test_cli import FormReader

MAX_SIZE_MB = 350  # Qt is most of it; a new Qt module pulled in by mistake shows here


@pytest.fixture
def demo(bundled_koe: InstalledKoe) -> Path:
    """A demo workspace made by the bundle, in Japanese, on a free port."""
    folder = bundled_koe.home / "demo"
    made = bundled_koe.run("demo", "--data-dir", str(folder))
    assert "2 surveys, 300 contacts" in made.stdout
    with Workspace.open(folder) as workspace:
        settings_store.save(workspace.db(), language="ja", port=free_port())
    return folder


def surveys(koe: InstalledKoe, folder: Path) -> dict[str, list[str]]:
    """kind -> (id, kind, status, title, url) of `surveys list`."""
    lines = koe.run("surveys", "list", "--data-dir", str(folder)).stdout.splitlines()
    return {fields[1]: fields for fields in (line.split("\t") for line in lines)}


def test_the_app_shows_its_window_in_japanese(bundled_koe, demo, tmp_path):
    lines = open_and_close_the_app(bundled_koe, demo, tmp_path / "app.log")
    bundled = str(Path(bundled_koe.cli[0]).parent)
    loaded = [line for line in lines if "ja translations loaded from" in line]
    assert loaded and bundled in loaded[0] and "(Qt's own: loaded)" in loaded[0]
    assert "survey site running at http://127.0.0.1:" in "\n".join(lines)
    assert not [line for line in lines if " ERROR " in line or " CRITICAL " in line]


def test_serve_answers_a_survey_over_http(bundled_koe, demo, tmp_path):
    nps_id, _, _, _, url = surveys(bundled_koe, demo)["nps"]
    port = free_port()
    log = tmp_path / "serve.log"
    server = bundled_koe.start("serve", "--data-dir", str(demo), "--port", str(port), log=log)
    comment = "バンドルから回答：店員さんが親切でした"
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=10, follow_redirects=True) as client:
            page = first_page(client, "/s/" + url.rsplit("/s/", 1)[1], server, log)
            assert page.status_code == 200 and 'lang="ja"' in page.text
            form = FormReader()
            form.feed(page.text)
            assert form.action is not None
            posted = client.post(form.action, data={**form.hidden, "nps": "10", "reason": comment})
            assert posted.status_code == 200, posted.text
            assert "ありがとうございました" in posted.text
    finally:
        assert stop(server, signal.SIGINT) == 0, read(log)
    out = tmp_path / "nps.csv"
    bundled_koe.run("export", "--data-dir", str(demo), "--survey", nps_id, "--format", "csv",
                    "--out", str(out))  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[-1]["nps"] == "10" and rows[-1]["reason"] == comment
    assert Path(f"{out}.codebook.csv").is_file()


def first_page(
    client: httpx.Client, path: str, server: subprocess.Popen[str], log: Path
) -> httpx.Response:
    """The survey page, once serve listens (it is connected to until then)."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            return client.get(path)
        except httpx.ConnectError:
            assert server.poll() is None, read(log)
            assert time.monotonic() < deadline, "serve did not start: " + read(log)
            time.sleep(0.1)


def test_export_writes_a_pdf_that_reads_in_japanese(bundled_koe, demo, tmp_path):
    nps_id, _, _, title, _ = surveys(bundled_koe, demo)["nps"]
    out = tmp_path / "report.pdf"
    written = bundled_koe.run("export", "--data-dir", str(demo), "--survey", nps_id,
                              "--format", "pdf", "--language", "ja", "--out", str(out))  # fmt: skip
    assert written.stdout.strip() == str(out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    for expected in ("アンケート結果レポート", title, "95%信頼区間", "推奨者", "最新のコメント"):
        assert expected in text, expected
    assert re.search(r"回答数: [\d,]+", text)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout  # fmt: skip
    assert "KoeSansJP" in fonts  # the bundle's own font, embedded


def test_the_commands_print_in_a_terminal_and_fail_in_one_line(bundled_koe, tmp_path):
    for command in (bundled_koe.cli, bundled_koe.app):  # on Linux both have a terminal
        usage = subprocess.run([*command, "--help"], capture_output=True, text=True,
                               env=bundled_koe.env(), cwd=tmp_path, timeout=120)  # fmt: skip
        assert usage.returncode == 0
        assert usage.stdout.startswith(f"usage: {Path(command[0]).name} ")
        assert "export" in usage.stdout and "serve" in usage.stdout
    missing = bundled_koe.run("surveys", "list", "--data-dir", str(tmp_path / "none"), check=False)
    assert missing.returncode == 1
    assert missing.stderr.count("\n") == 1 and "no Koe workspace" in missing.stderr


def test_the_bundle_carries_its_licences_and_stays_small(bundle):
    inside = bundle / "_internal"
    assert (inside / "LICENSE").is_file()
    assert "SIL OPEN FONT LICENSE" in (inside / "resources/fonts/LICENSE-OFL.txt").read_text()
    assert (inside / "resources/icons/LICENSE-lucide.txt").is_file()
    assert not list(inside.rglob("*.ts"))  # compiled catalogues only
    size = folder_size(bundle) / 1e6
    assert size < MAX_SIZE_MB, f"the bundle is {size:.0f} MB"
