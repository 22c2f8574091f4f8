"""Chat and webhook messages through the outbox to local HTTPS receivers on 127.0.0.1
that answer as Slack, Teams, Google Chat, Chatwork and a generic receiver do."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
import trustme

from channels.escalation import escalate
from channels.outbox import Dispatcher, Timing
from channels.owner_alerts import PARTIAL_WAIT
from channels.webhooks import destinations
from channels.webhooks.channel import WebhookChannel
from channels.webhooks.client import WebhookClient
from channels.webhooks.events import queue_task, queue_webhooks
from channels.webhooks.notices import Task
from storage import escalation as escalation_store
from storage import outbox as outbox_store
from storage import responses
from storage import settings as settings_store
from storage import webhooks as store
from storage.database import utc_now
from storage.secrets import KeyringSecrets
from surveys.escalation import Rule, RuleKind
from tests.channels.webhook_servers import CHATWORK_TOKEN, HttpsReceivers, Receivers

FAST = Timing(idle=0.02, channel_down_wait=0.05, retry_base=0.0)


@pytest.fixture
def receivers() -> Iterator[HttpsReceivers]:
    server = HttpsReceivers(trustme.CA(), Receivers()).start()
    yield server
    server.stop()


@pytest.fixture
def secrets(workspace) -> KeyringSecrets:
    return KeyringSecrets(workspace.folder)


def add(workspace, secrets, receivers, kind, **typed) -> store.Destination:
    path = {"slack": "/slack/T1/B1/x", "teams": "/teams/w1", "google_chat": "/chat/s1",
            "generic": "/generic/koe"}.get(kind, "")  # fmt: skip
    values = {"events": ("detractor",), "send_comments": True, "language": "en"} | typed
    if kind == "chatwork":
        values |= {"token": CHATWORK_TOKEN, "room_id": "4242"}
    else:
        values.setdefault("url", receivers.base + path)
    found = destinations.save(
        workspace.db(), secrets, destinations.Typed(kind=kind, name=kind, **values)
    )
    if kind == "generic":
        receivers.state.signing_secret = destinations.signing_secret(secrets, found.id)
    return found


def dispatcher(workspace, secrets, receivers, timeout: float = 5.0) -> Dispatcher:
    client = WebhookClient(
        verify=receivers.client_context(), chatwork_api=receivers.base + "/v2", timeout=timeout
    )
    channel = WebhookChannel(workspace.db_path, secrets.get, client)
    return Dispatcher(workspace.db_path, {"webhook": channel}, timing=FAST)


def answer(workspace, survey, score, comment="", language="en"):
    return responses.record(
        workspace.db(), survey, {"nps": score, "reason": comment}, language=language
    )


def queue(workspace) -> list[int]:
    db = workspace.db()
    later = utc_now() + PARTIAL_WAIT * 2  # every response is ready by then
    return queue_webhooks(db, settings_store.load(db), 0, now=later)


def rows(workspace) -> list[outbox_store.OutboxRow]:
    return [r for r in outbox_store.in_status(workspace.db(), "queued", "webhook")] + [
        r
        for status in ("sent", "failed", "unknown", "sending")
        for r in outbox_store.in_status(workspace.db(), status, "webhook")
    ]


def test_each_service_gets_its_documented_shape_once(workspace, nps_survey, receivers, secrets):
    for kind in ("slack", "teams", "google_chat", "chatwork", "generic"):
        add(workspace, secrets, receivers, kind)
    answer(workspace, nps_survey, 9, "great")  # not a detractor: these take detractors only
    answer(workspace, nps_survey, 2, "The queue <@here> was *long* [To:1]")

    assert len(queue(workspace)) == 5
    assert queue(workspace) == []  # the look runs again: nothing more
    dispatcher(workspace, secrets, receivers).run_until_idle(timeout=10)
    dispatcher(workspace, secrets, receivers).run_until_idle(timeout=10)

    state = receivers.state
    assert len(state.received) == 5
    slack = state.on("/slack/")[0].json()["text"]
    assert "2/10" in slack and "response no. 2" in slack
    assert "&lt;@here&gt;" in slack and "<@here>" not in slack  # cannot ping the channel
    teams = state.on("/teams/")[0].json()
    card = teams["attachments"][0]
    assert teams["type"] == "message"
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    texts = [block["text"] for block in card["content"]["body"]]
    assert card["content"]["type"] == "AdaptiveCard" and any("2/10" in t for t in texts)
    assert "The queue" in state.on("/chat/")[0].json()["text"]
    chatwork = state.on("/v2/rooms/4242/messages")[0]
    assert chatwork.headers["x-chatworktoken"] == CHATWORK_TOKEN
    body = chatwork.form()["body"]
    assert body.startswith("[info][title]Low score: 2/10") and "［To:1］" in body
    generic = state.delivered[0]
    assert state.bad_signatures == 0
    payload = generic.json()
    assert payload["event"] == "detractor" and payload["data"]["score"] == 2
    assert payload["data"]["comment"].startswith("The queue")
    assert generic.headers["koe-event"] == "detractor"
    sent = outbox_store.in_status(workspace.db(), "sent", "webhook")
    assert len(sent) == 5
    assert {r.provider_id for r in sent if r.recipient == "4"} == {"1001"}  # Chatwork's id


def test_japanese_without_comments_and_every_answer(workspace, nps_survey, receivers, secrets):
    add(workspace, secrets, receivers, "slack", events=("response", "detractor"),
        send_comments=False, language="ja")  # fmt: skip
    answer(workspace, nps_survey, 10, "最高でした")
    answer(workspace, nps_survey, 1, "待ち時間が長い")
    queue(workspace)
    dispatcher(workspace, secrets, receivers).run_until_idle()

    first, second = (r.json()["text"] for r in receivers.state.received)
    assert first.startswith("*新しい回答：") and "10/10" in first
    assert second.startswith("*低い評価：") and "1/10" in second and "回答番号 2" in second
    assert "最高" not in first and "待ち時間" not in second  # no comments to this chat


def test_a_new_destination_posts_no_backlog(workspace, nps_survey, receivers, secrets):
    answer(workspace, nps_survey, 0, "old")
    add(workspace, secrets, receivers, "google_chat", events=("response", "detractor"))
    assert queue(workspace) == []
    answer(workspace, nps_survey, 3, "new")
    assert len(queue(workspace)) == 1


def test_a_partial_answer_waits_for_its_comment(workspace, nps_survey, receivers, secrets):
    add(workspace, secrets, receivers, "google_chat")
    db = workspace.db()
    responses.record(db, nps_survey, {"nps": 2}, language="en", resume_token="t1")
    assert queue_webhooks(db, settings_store.load(db), 0, now=utc_now()) == []
    assert len(queue(workspace)) == 1


def test_refusals_are_shown_with_the_services_words(workspace, nps_survey, receivers, secrets):
    slack = add(workspace, secrets, receivers, "slack")
    chatwork = add(workspace, secrets, receivers, "chatwork")
    secrets.set(store.secret_name(chatwork.id), json.dumps({"token": "wrong"}))
    receivers.state.script["/slack/T1/B1/x"] = [(404, "no_service", {})]
    answer(workspace, nps_survey, 2, "bad")
    queue(workspace)
    dispatcher(workspace, secrets, receivers).run_until_idle()

    failed = {r.recipient: r for r in outbox_store.in_status(workspace.db(), "failed", "webhook")}
    assert "no_service" in (failed[str(slack.id)].error or "")
    assert failed[str(slack.id)].error_code == "404"
    assert "Invalid API token" in (failed[str(chatwork.id)].error or "")
    assert len(receivers.state.received) == 2  # one try each: a 4xx is not retried


def test_5xx_is_retried_and_429_waits_its_retry_after(workspace, nps_survey, receivers, secrets):
    add(workspace, secrets, receivers, "teams")
    add(workspace, secrets, receivers, "slack")
    receivers.state.script["/teams/w1"] = [(503, "down", {}), (500, "oops", {})]
    receivers.state.script["/slack/T1/B1/x"] = [(429, "rate_limited", {"Retry-After": "120"})]
    answer(workspace, nps_survey, 4)
    queue(workspace)
    before = utc_now()
    dispatcher(workspace, secrets, receivers).run_until_idle()

    assert len(receivers.state.on("/teams/")) == 3  # two 5xx, then taken
    assert len(outbox_store.in_status(workspace.db(), "sent", "webhook")) == 1
    (waiting,) = outbox_store.in_status(workspace.db(), "queued", "webhook")
    assert waiting.not_before is not None
    assert waiting.not_before >= before + timedelta(seconds=119)
    assert len(receivers.state.on("/slack/")) == 1


def test_no_answer_slack_is_unknown_generic_is_retried_and_deduped(
    workspace, nps_survey, receivers, secrets
):
    add(workspace, secrets, receivers, "slack")
    generic = add(workspace, secrets, receivers, "generic")
    receivers.state.hang = True
    answer(workspace, nps_survey, 1, "slow")
    queue(workspace)
    sender = dispatcher(workspace, secrets, receivers, timeout=0.5)
    channel = sender.channels["webhook"]
    assert isinstance(channel, WebhookChannel)
    generic_rows = []

    def release_on_retry() -> None:
        # The generic receiver answers from its second try on (same idempotency id).
        if len(receivers.state.on("/generic/")) >= 1:
            receivers.state.hang = False
            receivers.state.release.set()

    original = channel.send

    def send(message):
        release_on_retry()
        return original(message)

    channel.send = send  # type: ignore[method-assign]
    sender.run_until_idle(timeout=10)
    generic_rows = [r for r in rows(workspace) if r.recipient == str(generic.id)]

    (unknown,) = outbox_store.in_status(workspace.db(), "unknown", "webhook")
    assert "may or may not have arrived" in (unknown.error or "")
    assert len(receivers.state.on("/slack/")) == 1  # never resent by Koe
    assert [r.status for r in generic_rows] == ["sent"]
    ids = {r.headers["koe-idempotency-id"] for r in receivers.state.on("/generic/")}
    assert len(ids) == 1  # every try carried the same id
    assert len(receivers.state.delivered) == 1


def test_a_new_task_goes_to_the_destinations_that_take_tasks(workspace, receivers, secrets):
    add(workspace, secrets, receivers, "google_chat", events=("task",), language="ja")
    add(workspace, secrets, receivers, "slack")  # detractors only
    db = workspace.db()
    task = Task(id=7, title="山田様に電話", owner="佐藤", due="2026-12-10", comment="遅い")
    assert len(queue_task(db, task)) == 1
    assert queue_task(db, task) == []
    dispatcher(workspace, secrets, receivers).run_until_idle()
    (only,) = receivers.state.received
    text = only.json()["text"]
    assert "山田様に電話" in text and "担当者：佐藤" in text and "フォローアップ番号 7" in text


def test_an_escalation_task_is_posted_once_with_its_reason(
    workspace, nps_survey, receivers, secrets
):
    add(workspace, secrets, receivers, "google_chat", events=("task",), language="en")
    db = workspace.db()
    settings = settings_store.save(db, owners=["Ken"], alert_threshold_nps=6)
    escalation_store.save(db, Rule(RuleKind.DETRACTOR, owner="Ken"))
    answer(workspace, nps_survey, 3, "slow")

    (task_id,) = escalate(db, settings)
    assert escalate(db, settings) == []  # a second look makes no second task nor message
    dispatcher(workspace, secrets, receivers).run_until_idle()
    (only,) = receivers.state.received
    text = only.json()["text"]
    assert "New follow-up task: a low score" in text and "Owner: Ken" in text
    assert f"follow-up task no. {task_id}" in text


def test_secrets_stay_out_of_the_workspace_file(workspace, nps_survey, receivers, secrets):
    slack = add(workspace, secrets, receivers, "slack")
    add(workspace, secrets, receivers, "chatwork")
    url = receivers.base + "/slack/T1/B1/x"
    assert json.loads(secrets.get(store.secret_name(slack.id)) or "{}")["url"] == url
    answer(workspace, nps_survey, 2)
    queue(workspace)
    dispatcher(workspace, secrets, receivers).run_until_idle()
    workspace.db().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [p for p in workspace.folder.rglob("*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        assert b"/slack/T1/B1/x" not in data, path
        assert CHATWORK_TOKEN.encode() not in data, path


def test_bad_addresses_are_refused_in_plain_words(workspace, secrets):
    for typed in (
        destinations.Typed("slack", "x", ("detractor",), True, "en", url="http://hooks.example"),
        destinations.Typed("chatwork", "x", ("detractor",), True, "en", token="t", room_id="ab"),
        destinations.Typed("teams", "x", (), True, "en", url="https://x.example"),
    ):
        with pytest.raises(destinations.InvalidDestination):
            destinations.save(workspace.db(), secrets, typed)
    assert store.count(workspace.db()) == 0


def test_removing_a_destination_cancels_what_waits(workspace, nps_survey, receivers, secrets):
    slack = add(workspace, secrets, receivers, "slack")
    answer(workspace, nps_survey, 2)
    queue(workspace)
    assert destinations.remove(workspace.db(), secrets, slack.id) == 1
    assert secrets.get(store.secret_name(slack.id)) is None
    dispatcher(workspace, secrets, receivers).run_until_idle()
    assert receivers.state.received == []
