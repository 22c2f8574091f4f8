"""`serve` killed (SIGKILL) in the middle of a rush of answers: an answer thanked is an answer kept.

The real ``main.py serve`` in its own process takes answers from many people at
once (its one writer commits them in groups, storage.group_commit) and is killed
without warning while posts are in flight. Every respondent who saw the thank-you
redirect before that must find their answer in the file, whole; answers cut off
by the kill may or may not be there, but never half.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from storage import settings as settings_store
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.web.conftest import form_action, form_token

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 16
ROUNDS = 5
THANKED_EACH_ROUND = 100


def _serve(folder: Path, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "serve", "--data-dir", str(folder),
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip


def _rush_then_kill(folder: Path, slug: str, thanked: list[str], round_number: int) -> None:
    """Serve, let PEOPLE post until THANKED_EACH_ROUND more are thanked, then SIGKILL."""
    port = free_port()
    process = _serve(folder, port)
    base = f"http://127.0.0.1:{port}"
    guard = threading.Lock()
    killed = threading.Event()
    before = len(thanked)

    def person(number: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            sent = 0
            while not killed.is_set():
                comment = f"round {round_number} person {number} answer {sent}"
                sent += 1
                try:
                    page = client.get(f"/s/{slug}")
                    fields = {"nps": "8", "reason": comment, "_all": "1"}
                    answer = client.post(
                        form_action(page.text), data={**fields, "_csrf": form_token(page.text)}
                    )
                except httpx.TransportError:
                    return  # the server is gone
                if answer.status_code == 303:
                    with guard:
                        thanked.append(comment)

    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base}/s/{slug}", timeout=1).raise_for_status()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.05)
        people = [threading.Thread(target=person, args=(n,)) for n in range(PEOPLE)]
        for thread in people:
            thread.start()
        deadline = time.monotonic() + 60
        while len(thanked) - before < THANKED_EACH_ROUND and time.monotonic() < deadline:
            time.sleep(0.001)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        killed.set()
        for thread in people:
            thread.join(60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert len(thanked) - before >= THANKED_EACH_ROUND


def test_answers_thanked_before_a_kill_are_all_kept(tmp_path: Path):
    folder = tmp_path / "workspace"
    with Workspace.open(folder) as workspace:
        survey = make_survey(workspace, "nps")
        settings_store.save(workspace.db(), rate_limit_per_minute=100_000)
    # A thank-you read after the kill was sent before it: it counts too.
    thanked: list[str] = []
    for round_number in range(ROUNDS):
        _rush_then_kill(folder, survey.slug, thanked, round_number)

    with Workspace.open(folder) as workspace:
        db = workspace.db()
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {
            row[0]
            for row in db.execute(
                "SELECT a.value_text FROM answers a JOIN questions q ON q.id = a.question_id"
                " WHERE q.qid = 'reason'"
            )
        }
        half = db.execute(
            "SELECT count(*) FROM responses r WHERE (SELECT count(*) FROM answers a"
            " WHERE a.response_id = r.id) <> 2"
        ).fetchone()[0]
    assert sorted(set(thanked) - stored) == []
    assert half == 0
