"""`main.py serve` on a workspace with contacts (the process holding the sender) does what
the window does with an answer posted to its site: the escalation rule's follow-up task,
and the owners' alert email."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from storage import contacts as contact_store
from storage import escalation, follow_up_tasks
from storage import outbox as outbox_store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.escalation import Rule, RuleKind
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.web.conftest import answer

ROOT = Path(__file__).resolve().parents[2]
STATUSES = ("queued", "sending", "sent", "failed", "skipped", "unknown")


def _owner_alerts(folder: Path) -> int:
    workspace = Workspace.open_read_only(folder)
    try:
        rows = [r for s in STATUSES for r in outbox_store.in_status(workspace.db(), s)]
        return sum(row.purpose == "owner_alert" for row in rows)
    finally:
        workspace.close()


def _open_tasks(folder: Path) -> int:
    workspace = Workspace.open_read_only(folder)
    try:
        return follow_up_tasks.open_count(workspace.db())
    finally:
        workspace.close()


def test_serve_with_contacts_escalates_a_detractor(tmp_path: Path) -> None:
    folder = tmp_path / "workspace"
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        contact_store.add(db, name="鈴木", email="suzuki@example.jp")
        survey = make_survey(workspace)
        escalation.save(db, Rule(RuleKind.DETRACTOR, owner="佐藤"))
        # An email server nobody listens on: the alert is written to the outbox all the same.
        settings_store.save(
            db,
            owners=["佐藤"],
            owner_emails=[("佐藤", "sato@example.jp")],
            alert_email=True,
            smtp_host="127.0.0.1",
            smtp_port=free_port(),
            smtp_security="none",
            smtp_from="shop@example.jp",
        )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "serve", "--data-dir", str(folder),
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if "Koe is serving" in line:
                break
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=True) as client:
            for _ in range(100):
                try:
                    page = answer(client, f"/s/{survey.slug}", {"nps": "2", "reason": "slow"})
                    break
                except httpx.ConnectError:
                    time.sleep(0.05)  # listening a moment after it says so
            assert page.status_code == 200
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not (_open_tasks(folder) and _owner_alerts(folder)):
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=15)
    assert _open_tasks(folder) == 1, out
    assert _owner_alerts(folder) == 1, out
