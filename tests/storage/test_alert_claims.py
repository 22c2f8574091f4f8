"""Who emails an answer's owners' alert, the public host or the desktop: decided once.

Two real workspaces, a host's and a desktop's, and the sync's own storage
functions between them (the HTTP around them is tested in tests/sync/): the
host claims what it looks at, a pull takes what the host has not looked at,
and the desktop keeps the host's word so that no alert goes twice and none is
lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from channels.owner_alerts import PARTIAL_WAIT, enqueue, message, queue_owner_alerts, ready
from storage import alert_claims, follow_up, responses
from storage import outbox as outbox_store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.database import utc_now
from storage.sync import SyncDataError, load_state
from storage.sync_desktop import apply_changes, site_payload, survey_payloads
from storage.sync_host import apply_site, apply_survey, changes_since
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey

OWNER, SECOND = "sato@shop.example", "ken@shop.example"


@dataclass
class Pair:
    host: Database
    desktop: Database
    survey: Survey  # the host's copy

    def publish(self, **settings: Any) -> None:
        values = {
            "owners": ["佐藤", "Ken"],
            "owner_emails": [("佐藤", OWNER), ("Ken", SECOND)],
            "alert_email": True,
            "host_alerts": True,
            "language": "ja",
            "time_zone": "Asia/Tokyo",
            "smtp_host": "127.0.0.1",
            "smtp_from": "koe@shop.example",
        }
        settings_store.save(self.desktop, **(values | settings))
        apply_site(self.host, site_payload(self.desktop, "ja"))

    def answer(self, score: int, comment: str = "遅い", *, partial: bool = False) -> int:
        answers: dict[str, Any] = {"nps": score} if partial else {"nps": score, "reason": comment}
        token = "resume-token-1" if partial else None
        return responses.record(self.host, self.survey, answers, language="ja", resume_token=token)

    def pull(self) -> list[dict[str, Any]]:
        """One pull of every change since the desktop's cursor; the response items."""
        page = changes_since(self.host, load_state(self.desktop).cursor, 1000)
        apply_changes(self.desktop, page.items, next_cursor=page.next)
        return [item for item in page.items if item["kind"] == "response"]

    def desktop_alerts(self) -> list[tuple[str, tuple[str, ...]]]:
        """The desktop's alerting after the pull: (outcome, recipients) of what it decided."""
        settings = settings_store.load(self.desktop)
        return [
            (o.outcome, tuple(outbox_store.get(self.desktop, i).recipient for i in o.outbox_ids))
            for o in queue_owner_alerts(self.desktop, settings, 0, "ja")
        ]

    def outcome(self) -> str | None:
        """The desktop's decision on the newest answer's alert."""
        (response_id,) = self.desktop.execute("SELECT max(id) FROM responses").fetchone()
        return alert_claims.outcome_of(self.desktop, response_id)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    host = Workspace.open(tmp_path / "host")
    desktop = Workspace.open(tmp_path / "desktop")
    survey = make_survey(desktop, "nps", languages=("ja", "en"))
    for payload in survey_payloads(desktop.db()):
        apply_survey(host.db(), payload)
    alert_claims.set_email_state(host.db(), alert_claims.EMAIL_READY)  # serve found a server
    hosted = survey_store.find_by_slug(host.db(), survey.slug)
    assert hosted is not None
    yield Pair(host.db(), desktop.db(), hosted)
    host.close()
    desktop.close()


def thresholds(pair: Pair) -> dict[str, int]:
    return settings_store.load(pair.host).alert_thresholds()


def write_host_emails(pair: Pair, response_id: int) -> tuple[int, ...]:
    """What the host's alert service does once the answer is ready (channels.host_alerts)."""
    settings = settings_store.load(pair.host)
    (alert,) = follow_up.alert_candidates(pair.host, 0, only=[response_id])
    ids = enqueue(pair.host, alert, settings.alert_recipients(), "ja", settings.time_zone)
    assert alert_claims.settle_waiting(pair.host, response_id, "queued", ids[0], utc_now())
    return ids


def test_the_host_claims_what_it_looks_at_and_the_desktop_does_not_alert_it(pair: Pair):
    pair.publish()
    promoter, detractor = pair.answer(10), pair.answer(3)
    assert alert_claims.claim_arrivals(pair.host, thresholds(pair)) == [detractor]
    assert promoter not in alert_claims.waiting(pair.host)

    words = [item["owner_alert"] for item in pair.pull()]
    assert words == [None, {"by": "host", "state": "pending"}]
    assert pair.desktop_alerts() == []  # the host's to send
    for outbox_id in write_host_emails(pair, detractor):
        assert outbox_store.claim(pair.host, outbox_id, body="…")
        assert outbox_store.mark_sent(pair.host, outbox_id, f"<{outbox_id}@host>")
    # The emails' news hands the answer to the desktop again: done, both reached.
    (item,) = pair.pull()
    assert item["owner_alert"]["state"] == "done"
    assert item["owner_alert"]["sent_to"] == [OWNER, SECOND]
    assert pair.outcome() == alert_claims.HOST_SENT
    assert pair.desktop_alerts() == []


def test_an_answer_pulled_before_the_host_looked_at_it_is_the_desktops(pair: Pair):
    pair.publish()
    pair.answer(2)
    (item,) = pair.pull()
    assert item["owner_alert"] == {"by": "desktop"}
    assert alert_claims.claim_arrivals(pair.host, thresholds(pair)) == []  # taken already
    assert pair.desktop_alerts() == [("queued", (OWNER, SECOND))]
    assert pair.desktop_alerts() == []


def test_switching_host_alerts_on_never_mails_a_backlog(pair: Pair):
    pair.publish(host_alerts=False)
    pair.answer(1)
    pair.publish(host_alerts=True)
    pair.answer(9)
    assert alert_claims.claim_arrivals(pair.host, thresholds(pair)) == []
    assert [item["owner_alert"] for item in pair.pull()] == [None, None]


def test_switched_off_the_host_forgets_the_owners_and_claims_nothing(pair: Pair):
    pair.publish()
    pair.publish(host_alerts=False)
    hosted = settings_store.load(pair.host)
    assert not hosted.host_alerts and hosted.owners == () and hosted.owner_emails == ()
    pair.answer(0)
    assert [item["owner_alert"] for item in pair.pull()] == [None]  # the desktop's, as before
    assert pair.desktop_alerts() == [("queued", (OWNER, SECOND))]


def test_only_the_owners_who_get_alerts_reach_the_host(pair: Pair):
    pair.publish(alert_email_to="Ken")
    hosted = settings_store.load(pair.host)
    assert hosted.alert_recipients() == [SECOND] and hosted.owners == ("Ken",)
    assert hosted.language == "ja" and hosted.time_zone == "Asia/Tokyo"


def test_a_partial_answer_is_claimed_at_once_and_mailed_after_its_wait(pair: Pair):
    pair.publish()
    response_id = pair.answer(4, partial=True)
    assert alert_claims.claim_arrivals(pair.host, thresholds(pair)) == [response_id]
    (alert,) = follow_up.alert_candidates(pair.host, 0, only=[response_id])
    assert not alert.complete
    # A pull during the wait: the host's, so a desktop without an email server does
    # not take it and leave it unsent.
    assert pair.pull()[0]["owner_alert"] == {"by": "host", "state": "pending"}
    later = utc_now() + PARTIAL_WAIT + timedelta(seconds=1)
    assert not ready(alert, utc_now()) and ready(alert, later)


def test_an_answer_whose_score_no_longer_alerts_goes_back_to_the_desktop(pair: Pair):
    pair.publish()
    response_id = pair.answer(4, partial=True)
    alert_claims.claim_arrivals(pair.host, thresholds(pair))
    assert alert_claims.settle_waiting(
        pair.host, response_id, alert_claims.NOT_ALERTING, None, utc_now()
    )
    assert alert_claims.host_words(pair.host, [response_id]) == {response_id: {"by": "desktop"}}


def test_alerts_a_restarted_host_left_unsent_are_the_desktops(pair: Pair):
    pair.publish()
    pair.answer(1)  # its emails not written yet when the host stopped
    queued = pair.answer(2)
    alert_claims.claim_arrivals(pair.host, thresholds(pair))
    write_host_emails(pair, queued)
    pair.pull()
    assert pair.desktop_alerts() == []

    assert alert_claims.give_up_leftovers(pair.host) == 2
    assert outbox_store.status_counts(pair.host)["canceled"] == 2
    words = [item["owner_alert"] for item in pair.pull()]
    assert [(w["state"], w["sent_to"], w["missed"]) for w in words] == [
        ("done", [], []),
        ("done", [], [OWNER, SECOND]),
    ]
    assert pair.desktop_alerts() == [("queued", (OWNER, SECOND))] * 2
    assert pair.desktop_alerts() == []
    # A host restored from its backup hands the same words again: nothing more.
    apply_changes(pair.desktop, changes_since(pair.host, 0, 1000).items, next_cursor=0)
    assert pair.desktop_alerts() == []


def test_only_the_owner_the_host_did_not_reach_is_alerted_by_the_desktop(pair: Pair):
    pair.publish()
    response_id = pair.answer(0)
    alert_claims.claim_arrivals(pair.host, thresholds(pair))
    to_owner, to_second = write_host_emails(pair, response_id)
    for outbox_id in (to_owner, to_second):
        outbox_store.claim(pair.host, outbox_id, body="…")
    outbox_store.mark_sent(pair.host, to_owner, "<1@host>")
    outbox_store.mark_failed(pair.host, to_second, "No such mailbox", "550")
    pair.pull()
    assert pair.outcome() == alert_claims.HOST_MISSED
    assert pair.desktop_alerts() == [("queued", (SECOND,))]
    assert pair.desktop_alerts() == []


def test_an_email_the_host_may_have_sent_is_sent_again_saying_so(pair: Pair):
    pair.publish(owners=["佐藤"], owner_emails=[("佐藤", OWNER)])
    response_id = pair.answer(2)
    alert_claims.claim_arrivals(pair.host, thresholds(pair))
    (outbox_id,) = write_host_emails(pair, response_id)
    outbox_store.claim(pair.host, outbox_id, body="…")
    outbox_store.mark_unknown(pair.host, outbox_id, "the connection broke")
    (item,) = pair.pull()
    assert item["owner_alert"]["unsure"] == [OWNER]
    assert pair.desktop_alerts() == [("queued", (OWNER,))]
    (row,) = outbox_store.in_status(pair.desktop, outbox_store.QUEUED)
    assert row.body.startswith("このアラートは公開ホストから既に届いているかもしれません")


def test_a_host_that_lost_its_claim_while_sending_is_not_second_guessed(pair: Pair):
    pair.publish()
    response_id = pair.answer(3)
    alert_claims.claim_arrivals(pair.host, thresholds(pair))
    pair.pull()
    assert pair.outcome() == alert_claims.HOST_PENDING
    # Restored from a backup taken before its claim: the host says nothing of it now.
    pair.host.execute("DELETE FROM response_messages WHERE response_id = ?", [response_id])
    apply_changes(pair.desktop, changes_since(pair.host, 0, 1000).items, next_cursor=0)
    assert pair.outcome() == alert_claims.HOST_UNKNOWN
    assert pair.desktop_alerts() == []


def test_a_settled_word_never_changes(pair: Pair):
    pair.publish()
    pair.answer(3)
    pair.pull()
    assert pair.desktop_alerts() == [("queued", (OWNER, SECOND))]  # the desktop's own
    (response_id,) = pair.desktop.execute("SELECT max(id) FROM responses").fetchone()
    for word in (
        {"by": "host", "state": "pending"},
        {"by": "host", "state": "done", "sent_to": [], "missed": [OWNER]},
        None,
    ):
        alert_claims.apply_host_word(pair.desktop, response_id, word, utc_now())
        assert pair.outcome() == "queued"
    assert pair.desktop_alerts() == []


def test_the_alert_reads_the_answer_time_in_the_workspace_time_zone(pair: Pair):
    pair.publish()
    response_id = pair.answer(3)
    (alert,) = follow_up.alert_candidates(pair.host, 0, only=[response_id])
    created = alert.created_at
    _, body = message(alert, "en", "Asia/Tokyo")
    tokyo = (utc_now().fromisoformat(created) + timedelta(hours=9)).strftime("%Y-%m-%d %H:%M")
    assert f"Answered: {tokyo} (Asia/Tokyo)" in body
    _, fallback = message(alert, "en", "Not/AZone")
    assert "(UTC)" in fallback


GOOD = {
    "enabled": True,
    "recipients": [{"name": "佐藤", "email": OWNER}],
    "thresholds": {"nps": 6, "csat": 2, "ces": 3},
    "language": "ja",
    "time_zone": "Asia/Tokyo",
}


@pytest.mark.parametrize(
    "alerts",
    [
        "yes",
        {"enabled": "true"},
        GOOD | {"recipients": [{"name": "佐藤", "email": "not an address"}]},
        GOOD | {"recipients": [{"name": "佐藤"}]},
        GOOD | {"recipients": ["佐藤 <sato@shop.example>"]},
        GOOD | {"recipients": [{"name": f"o{n}", "email": f"o{n}@x.jp"} for n in range(51)]},
        GOOD | {"language": "fr"},
        GOOD | {"time_zone": "Mars/Olympus"},
        GOOD | {"time_zone": "../../etc/passwd"},
        GOOD | {"thresholds": {"nps": 10, "csat": 2, "ces": 3}},
        GOOD | {"thresholds": {"nps": True, "csat": 2, "ces": 3}},
        GOOD | {"thresholds": {"nps": 6, "csat": 2}},
    ],
)
def test_published_alert_settings_that_do_not_fit_are_refused_whole(pair: Pair, alerts: Any):
    before = settings_store.load(pair.host)
    with pytest.raises(SyncDataError):
        apply_site(pair.host, {"business_name": "changed", "alerts": alerts})
    assert settings_store.load(pair.host) == before


def test_good_alert_settings_are_taken(pair: Pair):
    apply_site(pair.host, {"alerts": GOOD})
    hosted = settings_store.load(pair.host)
    assert hosted.host_alerts and hosted.alert_recipients() == [OWNER]
    assert hosted.alert_thresholds() == {"nps": 6, "csat": 2, "ces": 3}
