"""The owners' weekly digest: built from seeded answers, sent through a real SMTP
server (aiosmtpd), parsed; once per week across restarts and clock jumps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.header import decode_header, make_header
from email.message import Message

import pytest

from channels.digest import DigestSchedule, queue_digest, queue_preview
from channels.escalation import escalate
from channels.links import new_token
from channels.outbox import Dispatcher, Timing
from storage import comments, deliveries, follow_up, responses
from storage import contacts as contact_store
from storage import digest as digest_store
from storage import escalation as escalation_store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.escalation import Rule, RuleKind
from surveys.intervals import nps_interval
from tests.channels.conftest import SmtpPeer
from tests.clock import FakeClock

FAST = Timing(idle=0.02, channel_down_wait=0.05, retry_base=0.0)
SATO, KEN = "sato@shop.example", "ken@shop.example"
# Monday 2026-11-30 09:00 in Tokyo: the digest's moment; its week is the 7 days before.
MONDAY_9 = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
LONG = "とても長いコメント。" * 60
HOSTILE = "<script>alert('x')</script> =HYPERLINK(\"http://evil\") 料金が高い\x00"


@pytest.fixture
def digesting(workspace, smtp: SmtpPeer):
    settings = settings_store.save(
        workspace.db(),
        owners=["佐藤", "Ken", "No mail"],
        owner_emails=[("佐藤", SATO), ("Ken", KEN)],
        digest_email=True,
        digest_weekday=0,
        digest_hour=9,
        digest_languages=[["佐藤", "ja"], ["Ken", "en"]],
        time_zone="Asia/Tokyo",
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        smtp_from="koe@shop.example",
    )
    # Switched on the Sunday before: the first digest goes on Monday.
    started = queue_digest(workspace.db(), settings, MONDAY_9 - timedelta(days=1), "en")
    assert started is not None and (started.period, started.outcome) == ("2026-11-23", "started")
    return settings


def answer(db, survey, score, comment="", at=MONDAY_9, name=""):
    delivery = None
    if name:
        contact = contact_store.add(db, name=name, email=f"{new_token()}@example.jp")
        delivery = deliveries.create(
            db, survey_id=survey.id, token=new_token(), channel="email", contact_id=contact
        )
    answers = {"nps": score, "reason": comment} if comment else {"nps": score}
    return responses.record(db, survey, answers, language="ja", delivery=delivery, now=at)


def seed(db, survey) -> int:
    """This week: 10 9 9 8 7 3 0 (NPS (3-2)/7 = +14); the week before: 10 5 5 9 (0);
    four weeks back: 10 (+100); and one answer after the digest's moment (not counted)."""
    week = MONDAY_9 - timedelta(days=7)
    for n, score in enumerate([10, 9, 9, 8, 7]):
        answer(db, survey, score, at=week + timedelta(hours=10 + n))
    hostile = answer(db, survey, 3, HOSTILE, at=week + timedelta(days=2), name="山田 花子")
    answer(db, survey, 0, LONG, at=MONDAY_9 - timedelta(minutes=1))
    for n, score in enumerate([10, 5, 5, 9]):
        answer(db, survey, score, at=week - timedelta(days=3, hours=n))
    answer(db, survey, 10, at=MONDAY_9 - timedelta(days=20))
    answer(db, survey, 0, "after the moment", at=MONDAY_9 + timedelta(minutes=1))
    comments.apply_pending(db)
    return hostile


def send(workspace, smtp: SmtpPeer) -> None:
    dispatcher = Dispatcher(workspace.db_path, {"email": smtp.channel(user="")}, timing=FAST)
    dispatcher.run_until_idle(timeout=5)


def mail_to(smtp: SmtpPeer, address: str) -> Message:
    (message,) = [m for to, m in smtp.sink.received if to == address]
    return message


def part(message: Message, kind: str) -> str:
    (found,) = [p for p in message.walk() if p.get_content_type() == kind]
    payload = found.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(found.get_content_charset() or "utf-8")


def test_the_digest_reports_the_week_in_each_owners_language(
    workspace, nps_survey, smtp, digesting
):
    db = workspace.db()
    hostile = seed(db, nps_survey)
    follow_up.save(db, hostile, status="contacted", owner="佐藤")

    outcome = queue_digest(db, digesting, MONDAY_9 + timedelta(hours=1), "en")
    assert outcome is not None and outcome.outcome == "queued" and len(outcome.outbox_ids) == 2
    send(workspace, smtp)

    interval = nps_interval(3, 2, 2)  # promoters, passives, detractors counted by hand
    assert interval is not None
    low, high = interval.low, interval.high
    english = mail_to(smtp, KEN)
    assert str(make_header(decode_header(english["Subject"]))) == (
        "Koe weekly digest: the week to 2026-11-30"
    )
    assert "week from 2026-11-23 09:00 to 2026-11-30 09:00 (Asia/Tokyo)" in part(
        english, "text/plain"
    )
    for body in (part(english, "text/plain"), part(english, "text/html")):
        assert f"NPS +14 (95% interval {_n(low)} to {_n(high)}), 7 answers" in body
        assert "Week before: 0 (4 answers)" in body
        assert "New low scores this week (2)" in body
        assert "Open follow-ups (1)" in body and "contacted, owner 佐藤" in body
        assert "Price (1)" in body
        assert "after the moment" not in body
    plain = part(english, "text/plain").replace("\r\n", "\n")
    assert "– | – | – | – | – | +100 | 0 | +14" in plain  # the +100 on Tue 11-10
    assert "- 3 · 山田 花子: <script>alert('x')</script> =HYPERLINK(" in plain
    assert "\x00" not in plain
    assert "とても長いコメント。" * 19 in plain and LONG not in plain  # cut at 200 characters
    page = part(english, "text/html")
    assert "<script>" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<img" not in page and "http://evil" in page and 'href="http://evil' not in page

    japanese = part(mail_to(smtp, SATO), "text/plain")
    assert f"NPS +14（95%区間 {_n(low)}〜{_n(high)}）、回答7件" in japanese
    assert "前の週：0（回答4件）" in japanese and "今週の低い評価（2件）" in japanese
    assert "連絡済み、担当 佐藤" in japanese and "価格 (1)" in japanese
    assert len(smtp.sink.received) == 2  # the owner without an address gets none


def _n(value: float) -> str:
    rounded = round(value)
    return f"+{rounded}" if rounded > 0 else str(rounded).replace("-", "−")


def sent_periods(workspace: Workspace) -> list[str]:
    rows = workspace.db().execute(
        "SELECT p.period FROM outbox o JOIN digest_periods p ON p.outbox_id = o.id"
        " WHERE o.purpose = 'owner_digest' ORDER BY o.id"
    )
    return [period for (period,) in rows.fetchall()]


def test_escalation_tasks_are_open_follow_ups_in_the_digest_counted_once(
    workspace, nps_survey, smtp, digesting
):
    db = workspace.db()
    week = MONDAY_9 - timedelta(days=7)
    called = answer(db, nps_survey, 2, "rude", at=week + timedelta(days=1))
    answer(db, nps_survey, 1, "cold", at=week + timedelta(days=2))
    follow_up.save(db, called, status="contacted", owner="佐藤")
    escalation_store.save(db, Rule(RuleKind.DETRACTOR, owner="Ken"), include_backlog=True)
    assert len(escalate(db, settings_store.load(db), now=MONDAY_9)) == 2

    queue_digest(db, digesting, MONDAY_9 + timedelta(hours=1), "en")
    send(workspace, smtp)
    body = part(mail_to(smtp, KEN), "text/plain")
    # The case 佐藤 is on, and the task about the other answer: the first answer's own
    # task is the same follow-up as its case.
    assert "Open follow-ups (2)" in body
    assert "contacted, owner 佐藤" in body and "new, owner Ken" in body


def test_once_a_week_across_restarts_sleep_and_clock_jumps(
    workspace_dir, workspace, nps_survey, digesting
):
    clock = FakeClock(MONDAY_9 - timedelta(days=1))  # Sunday
    ws = workspace

    def look(hours: int) -> None:
        schedule = DigestSchedule(ws, lambda: "en", clock=clock)
        for _ in range(hours):
            schedule.check()
            clock.advance(hours=1)

    look(24 * 3)  # Sunday to Wednesday: Monday's digest, once
    assert sent_periods(ws) == ["2026-11-30"]
    ws.close()  # a restart mid-week
    ws = Workspace.open(workspace_dir)
    look(24 * 2)
    assert sent_periods(ws) == ["2026-11-30"]
    clock.advance(days=-10)  # the clock jumps back into the week before: nothing
    look(24 * 2)
    assert sent_periods(ws) == ["2026-11-30"]
    clock.now = MONDAY_9 + timedelta(days=7, hours=-2)  # back to next Monday 07:00
    look(24 * 7)
    assert sent_periods(ws) == ["2026-11-30", "2026-12-07"]
    # Off for three weeks, back on a Thursday: that week's digest, no backlog.
    clock.now = MONDAY_9 + timedelta(days=31)
    look(24 * 2)
    assert sent_periods(ws) == ["2026-11-30", "2026-12-07", "2026-12-28"]
    ws.close()
    ws = Workspace.open(workspace_dir)  # a restart on the same day
    look(3)
    assert len(sent_periods(ws)) == 3
    assert ws.db().execute("SELECT count(*) FROM outbox").fetchone()[0] == 6  # two owners each
    ws.close()


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"owner_emails": []}, "no_recipient"),
        ({"smtp_host": ""}, "no_server"),
    ],
)
def test_no_owner_or_no_email_server_sends_nothing_and_says_why(
    workspace, nps_survey, smtp, digesting, changes, reason
):
    db = workspace.db()
    settings = settings_store.save(db, **changes)
    outcome = queue_digest(db, settings, MONDAY_9, "en")
    assert outcome is not None and outcome.outcome == reason and outcome.outbox_ids == ()
    claim = digest_store.last_claim(db)
    assert claim is not None and (claim.period, claim.outcome) == ("2026-11-30", reason)
    # Fixed later in the week: the next week's digest, not this stale one.
    assert queue_digest(db, digesting, MONDAY_9 + timedelta(days=2), "en") is None
    send(workspace, smtp)
    assert smtp.sink.received == []


def test_digest_switched_off_sends_nothing(workspace, nps_survey, smtp, digesting):
    db = workspace.db()
    off = settings_store.save(db, digest_email=False)
    assert queue_digest(db, off, MONDAY_9, "en") is None
    send(workspace, smtp)
    assert smtp.sink.received == []
    claim = digest_store.last_claim(db)
    assert claim is not None and claim.outcome == "started"  # from switching it on


def test_a_preview_goes_now_and_leaves_the_week_to_the_schedule(
    workspace, nps_survey, smtp, digesting
):
    db = workspace.db()
    seed(db, nps_survey)
    queue_preview(db, digesting, KEN, "ja", MONDAY_9 + timedelta(hours=3))
    send(workspace, smtp)
    preview = part(mail_to(smtp, KEN), "text/plain")
    assert "プレビュー" in preview and "NPS +14" in preview
    outcome = queue_digest(db, digesting, MONDAY_9 + timedelta(hours=3), "en")
    assert outcome is not None and outcome.outcome == "queued"
