"""``main.py digest send [--dry-run]``: the owners' digest now, from the command line,
through a real SMTP server; once per week; one line on stderr when it cannot go."""

from __future__ import annotations

from pathlib import Path

from storage import responses
from storage import settings as settings_store
from storage.workspace import Workspace
from tests.channels.conftest import SmtpPeer, smtp  # noqa: F401
from tests.conftest import make_survey
from tests.test_cli import koe


def workspace_with_owner(folder: Path, port: int, **changes: object) -> None:
    ws = Workspace.open(folder)
    try:
        db = ws.db()
        survey = make_survey(ws, "nps", languages=("en", "ja"))
        for score in (10, 10, 6):  # NPS (2 - 1) / 3 = +33
            responses.record(db, survey, {"nps": score}, language="en")
        values: dict[str, object] = {
            "owners": ["Ken"],
            "owner_emails": [("Ken", "ken@shop.example")],
            "digest_languages": [["Ken", "en"]],
            "smtp_host": "127.0.0.1",
            "smtp_port": port,
            "smtp_security": "none",
            "smtp_from": "koe@shop.example",
            "digest_weekday": 0,
            "digest_hour": 0,
            "time_zone": "UTC",
        }
        values.update(changes)
        settings_store.save(db, **values)
    finally:
        ws.close()


def test_dry_run_prints_and_sends_nothing_then_send_goes_once(tmp_path, smtp: SmtpPeer):  # noqa: F811
    folder = tmp_path / "ws"
    workspace_with_owner(folder, smtp.port)

    dry = koe("digest", "send", "--dry-run", "--data-dir", str(folder))
    assert "To: Ken <ken@shop.example>" in dry.stdout and "Your week in Koe" in dry.stdout
    assert smtp.sink.received == []

    sent = koe("digest", "send", "--data-dir", str(folder))
    assert "Sent the digest" in sent.stdout and "1 owner" in sent.stdout
    assert smtp.sink.count("ken@shop.example") == 1
    ((_, message),) = smtp.sink.received
    kinds = {p.get_content_type() for p in message.walk()}
    assert {"text/plain", "text/html"} <= kinds

    again = koe("digest", "send", "--data-dir", str(folder), check=False)
    assert again.returncode == 1 and "went already" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1 and "Traceback" not in again.stderr
    assert smtp.sink.count("ken@shop.example") == 1


def test_without_owners_it_says_why_in_one_line(tmp_path, smtp: SmtpPeer):  # noqa: F811
    folder = tmp_path / "ws"
    workspace_with_owner(folder, smtp.port, owner_emails=[])
    result = koe("digest", "send", "--data-dir", str(folder), check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "koe: No owner has an email address (Settings ▸ Acting on answers): nothing sent."
    )
    assert smtp.sink.received == []
