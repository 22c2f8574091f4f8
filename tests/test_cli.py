"""The command-line contract of DESIGN.md, run as a user or a script would."""

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from commands import surveys_list
from storage import settings as settings_store
from tests.conftest import make_survey
from tests.helpers import free_port

ROOT = Path(__file__).resolve().parents[1]


def koe(*args: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


class FormReader(HTMLParser):
    """The first form of a page: its action and its hidden fields, as a browser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.hidden: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = attributes.get("action") or ""
        if tag == "input" and attributes.get("type") == "hidden":
            self.hidden[attributes["name"]] = attributes.get("value") or ""


@pytest.fixture(scope="module")
def made_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder `main.py demo` makes, made once for the module."""
    folder = tmp_path_factory.mktemp("made") / "demo"
    result = koe("demo", "--data-dir", str(folder))
    assert "2 surveys, 300 contacts" in result.stdout
    return folder


@pytest.fixture
def demo_dir(made_demo: Path, tmp_path: Path) -> Path:
    """A demo workspace of the test's own: a copy of the folder `main.py demo` made."""
    folder = tmp_path / "demo"
    shutil.copytree(made_demo, folder)
    return folder


def survey_lines(folder: Path) -> list[list[str]]:
    out = koe("surveys", "list", "--data-dir", str(folder)).stdout
    return [line.split("\t") for line in out.splitlines()]


def test_surveys_list_is_one_tab_separated_line_a_survey(demo_dir):
    lines = survey_lines(demo_dir)
    assert len(lines) == 2
    for fields in lines:
        assert len(fields) == 5
        survey_id, kind, status, title, url = fields
        assert survey_id.isdigit() and kind in {"nps", "csat"} and status == "open"
        assert title and re.fullmatch(r"http://127\.0\.0\.1:8765/s/[\w-]+", url)


@pytest.mark.parametrize(
    ("public_url", "warning"),
    [
        ("", "warning: these links open only on this computer (http://127.0.0.1:8765)"),
        ("http://192.168.1.23:8765", "warning: these links open only on this local network"),
        ("https://survey.example.jp", ""),
    ],
)
def test_surveys_list_warns_on_stderr_when_its_links_reach_no_customer(
    workspace, public_url, warning
):
    make_survey(workspace, "nps")
    settings_store.save(workspace.db(), public_url=public_url)
    out, err = io.StringIO(), io.StringIO()
    assert surveys_list.run(workspace, out, err) == 0
    (line,) = out.getvalue().splitlines()
    assert line.split("\t")[4].startswith(f"{public_url or 'http://127.0.0.1:8765'}/s/")
    if warning:
        assert err.getvalue().startswith(warning) and err.getvalue().count("\n") == 1
    else:
        assert err.getvalue() == ""


def test_demo_then_serve_then_answer_then_export(demo_dir, tmp_path):
    nps_id, _, _, _, url = next(f for f in survey_lines(demo_dir) if f[1] == "nps")
    slug_path = url.split("8765", 1)[1]
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "serve",
            "--data-dir",
            str(demo_dir),
            "--port",
            str(port),
            "--public-url",
            "https://koe.example.com",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=10, follow_redirects=True) as client:
            deadline = time.monotonic() + 30
            while True:
                try:
                    page = client.get(slug_path)
                    break
                except httpx.ConnectError:
                    assert server.poll() is None, (tmp_path / "serve.log").read_text()
                    assert time.monotonic() < deadline, "serve did not start"
                    time.sleep(0.1)
            assert page.status_code == 200
            form = FormReader()
            form.feed(page.text)
            assert form.action is not None
            action = form.action or slug_path
            comment = "CLI test: 店員さんが親切でした"
            posted = client.post(action, data={**form.hidden, "nps": "10", "reason": comment})
            assert posted.status_code == 200
        # The public URL given to serve is what links are built on from now on.
        assert survey_lines(demo_dir)[0][4].startswith("https://koe.example.com/s/")
        # A second writer is refused while serve holds the workspace.
        refused = koe("demo", "--data-dir", str(demo_dir), check=False)
        assert refused.returncode == 1 and "Another Koe" in refused.stderr
        # Export works beside the running server (read-only).
        out = tmp_path / "nps.csv"
        koe(
            "export",
            "--data-dir",
            str(demo_dir),
            "--survey",
            nps_id,
            "--format",
            "csv",
            "--out",
            str(out),
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 1301
    assert rows[-1]["nps"] == "10" and rows[-1]["reason"] == comment
    assert Path(str(out) + ".codebook.csv").exists()


def test_export_to_stdout_and_with_bom(demo_dir):
    nps_id = next(f[0] for f in survey_lines(demo_dir) if f[1] == "nps")
    result = koe("export", "--data-dir", str(demo_dir), "--survey", nps_id, "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0] == "response_id,created_at,completed_at,language,channel,source,nps,reason"
    assert len(lines) == 1301
    bom = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export",
            "--data-dir",
            str(demo_dir),
            "--survey",
            nps_id,
            "--format",
            "csv",
            "--bom",
        ],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert bom.stdout.startswith(b"\xef\xbb\xbfresponse_id,")


def test_errors_are_one_line_and_non_zero(tmp_path, demo_dir):
    missing = koe("surveys", "list", "--data-dir", str(tmp_path / "none"), check=False)
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "no Koe workspace" in missing.stderr
    unknown = koe(
        "export", "--data-dir", str(demo_dir), "--survey", "999", "--format", "csv", check=False
    )
    assert unknown.returncode == 1 and "no survey with id 999" in unknown.stderr
    again = koe("demo", "--data-dir", str(demo_dir), check=False)
    assert again.returncode == 1 and "already holds data" in again.stderr


def test_koe_data_dir_environment_variable(demo_dir):
    result = koe("surveys", "list", env={"KOE_DATA_DIR": str(demo_dir)})
    assert len(result.stdout.splitlines()) == 2
