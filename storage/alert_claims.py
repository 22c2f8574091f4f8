"""Who emails a response's owners' alert: the public host or the desktop, never both.

A public host may email the owners' detractor alerts while the desktop is off
(``channels.host_alerts``). Each response's alert belongs to one side, decided
once in the host's file, where both sides meet:

- The host looks at each answer within a second of its arrival, while its
  alerts are on (the owner's choice, published by the desktop) and it has an
  email server: an answer that alerts is the host's (a ``response_messages``
  row, purpose 'owner_alert', outcome 'waiting', then 'queued' with its
  emails). It looks only at answers above its *watermark*, the newest answer
  when it started looking, so switching alerts on never mails a backlog.
- A desktop that pulls an answer above the watermark before the host looked
  at it takes it (outcome 'desktop'), in the same transaction as the page it
  pulls. Every other answer is the desktop's, as before host alerts existed.

The change feed tells the desktop the host's word on each answer
(``host_words``) and hands an answer again when its emails change state;
the desktop keeps it in its own ``response_messages`` (``apply_host_word``),
which its own alerting reads (``channels.owner_alerts``): the host's answers
are not alerted again; an answer whose emails the host could not send (failed
for good, or dropped when the host restarted) is alerted by the desktop, to
the owners the host did not reach.

A host that restarts gives up its alerts not yet sent (``give_up_leftovers``):
it cannot tell a restart from a restored backup, whose queued alerts may have
gone before; the desktop sends those at its next sync instead.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from storage import follow_up
from storage import responses as response_store
from storage.database import to_text, utc_now, writing

PURPOSE = "owner_alert"

# Outcomes of a claim in the host's file.
WAITING = "waiting"  # the host's: its emails wait for the comment (or are about to be written)
QUEUED = "queued"  # the host's (and the desktop's own): emails written to the outbox
GIVEN_UP = "given_up"  # the host's, not sent: the host restarted before it went
NOT_ALERTING = "not_alerting"  # the host's claim, but the score changed: not an alert now
DESKTOP = "desktop"  # pulled before the host looked at it: the desktop's
# Outcomes in the desktop's file, from the host's word.
HOST_PENDING = "host_pending"  # the host sends it; not done yet
HOST_SENT = "host_sent"  # the host reached every owner it emailed
HOST_MISSED = "host_missed"  # the host reached some owners or none: the desktop tells the rest
HOST_UNKNOWN = "host_unknown"  # the host lost track (restored) while sending: never resent

_WATERMARK = "host.alerts_after"
_EMAIL_STATE = "host.alert_email"
_PENDING_STATUSES = ("queued", "sending", "paused", "held")
_REACHED_STATUSES = ("sent", "delivered", "answered")
_UNSURE_STATUSES = ("unknown",)  # the connection broke while sending: it may have gone
EMAIL_READY, EMAIL_NONE, EMAIL_LOCKED = "ready", "none", "locked"


# --- the host ----------------------------------------------------------------------


def set_email_state(db: Database, state: str) -> None:
    """Note whether the host can email alerts (EMAIL_*), for the desktop's status."""
    with writing(db):
        db.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [_EMAIL_STATE, json.dumps(state)],
        )


def email_state(db: Database) -> str:
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [_EMAIL_STATE]).fetchone()
    return str(json.loads(row[0])) if row else EMAIL_NONE


def _watermark(db: Database) -> int | None:
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [_WATERMARK]).fetchone()
    return int(json.loads(row[0])) if row else None


def _set_watermark(db: Database, value: int) -> None:
    db.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [_WATERMARK, json.dumps(value)],
    )


def stop_watching(db: Database) -> None:
    """The host does not alert (switched off, no email server): answers are the desktop's."""
    with writing(db):
        db.execute("DELETE FROM sync_state WHERE key = ?", [_WATERMARK])


def watch_from_now(db: Database) -> None:
    """The host alerts the answers that arrive from now on."""
    with writing(db):
        _set_watermark(db, response_store.latest_id(db))


def follow_choice(db: Database, on: bool) -> None:
    """The owner's choice reached the host (a publish): it alerts the answers that
    arrive from now on, if it can email them; switched off, it alerts none."""
    with writing(db):
        if not on:
            stop_watching(db)
        elif email_state(db) == EMAIL_READY and _watermark(db) is None:
            watch_from_now(db)


def claim_arrivals(
    db: Database, thresholds: Mapping[str, int], now: datetime | None = None
) -> list[int]:
    """Claim for the host the answers that arrived since it last looked and alert.

    Without a watermark (``watch_from_now``), the first look only sets it at the
    newest answer. Returns the ids claimed.
    """
    after = _watermark(db)
    if after is not None and response_store.latest_id(db) <= after:
        return []  # nothing new: no write
    stamp = to_text(now or utc_now()) or ""
    claimed = []
    with writing(db):
        after = _watermark(db)
        latest = response_store.latest_id(db)
        if after is not None:
            for alert in follow_up.alert_candidates(db, after, thresholds):
                if follow_up.claim_message(db, alert.response_id, PURPOSE, WAITING, None, stamp):
                    claimed.append(alert.response_id)
        _set_watermark(db, max(after or 0, latest))
    return claimed


def waiting(db: Database) -> list[int]:
    """The host's claims whose emails are not written yet."""
    return [
        row[0]
        for row in db.execute(
            "SELECT response_id FROM response_messages WHERE purpose = ? AND outcome = ?"
            " ORDER BY response_id",
            [PURPOSE, WAITING],
        ).fetchall()
    ]


def outcome_of(db: Database, response_id: int) -> str | None:
    """The outcome of an answer's alert claim, None without one."""
    row = db.execute(
        "SELECT outcome FROM response_messages WHERE response_id = ? AND purpose = ?",
        [response_id, PURPOSE],
    ).fetchone()
    return row[0] if row else None


def settle_waiting(
    db: Database, response_id: int, outcome: str, outbox_id: int | None, now: datetime
) -> bool:
    """A waiting claim's emails are written (QUEUED), or it no longer alerts
    (NOT_ALERTING); False when it was not waiting. Inside the caller's transaction."""
    return _settle(db, response_id, WAITING, outcome, outbox_id, now)


def _settle(
    db: Database, response_id: int, was: str, outcome: str, outbox_id: int | None, now: datetime
) -> bool:
    """A claim that is ``was`` becomes ``outcome``; False when it is not ``was`` (any more)."""
    return bool(
        db.execute(
            "UPDATE response_messages SET outcome = ?, outbox_id = ?, created_at = ?"
            " WHERE response_id = ? AND purpose = ? AND outcome = ?",
            [outcome, outbox_id, to_text(now), response_id, PURPOSE, was],
        ).rowcount
    )


def give_up_leftovers(db: Database, now: datetime | None = None) -> int:
    """At the host's start: alerts a previous run left unsent go to the desktop.

    Waiting claims become GIVEN_UP and queued emails 'canceled'; the answers
    are handed to the desktop again with the news. Returns how many answers.
    """
    stamp = to_text(now or utc_now())
    reason = "Koe restarted on the host before this alert went; the desktop sends it instead."
    with writing(db):
        rows = db.execute(
            "SELECT response_id FROM response_messages WHERE purpose = ? AND outcome = ?"
            " UNION SELECT response_id FROM outbox WHERE purpose = ? AND status = 'queued'"
            " AND response_id IS NOT NULL",
            [PURPOSE, WAITING, PURPOSE],
        ).fetchall()
        db.execute(
            "UPDATE response_messages SET outcome = ?, created_at = ?"
            " WHERE purpose = ? AND outcome = ?",
            [GIVEN_UP, stamp, PURPOSE, WAITING],
        )
        db.execute(
            "UPDATE outbox SET status = 'canceled', error = ?, problem = NULL, updated_at = ?"
            " WHERE purpose = ? AND status = 'queued'",
            [reason, stamp, PURPOSE],
        )
        for (response_id,) in rows:  # a canceled email hands its answer on by itself
            _hand_again(db, response_id)
    return len(rows)


def _hand_again(db: Database, response_id: int) -> None:
    db.execute("UPDATE sync_counter SET seq = seq + 1 WHERE id = 1")
    db.execute(
        "UPDATE responses SET seq = (SELECT seq FROM sync_counter WHERE id = 1) WHERE id = ?",
        [response_id],
    )


def claim_for_desktop(db: Database, response_ids: Sequence[int], now: datetime) -> None:
    """Answers a desktop pulls before the host looked at them are the desktop's.

    Inside the transaction that reads the page; nothing to do while the host
    does not alert (no watermark).
    """
    after = _watermark(db)
    if after is None:
        return
    stamp = to_text(now)
    db.conn.executemany(
        "INSERT OR IGNORE INTO response_messages (response_id, purpose, outcome, created_at)"
        " VALUES (?, ?, ?, ?)",
        [(rid, PURPOSE, DESKTOP, stamp) for rid in response_ids if rid > after],
    )


def host_words(db: Database, response_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The host's word on the alerts of these answers, for the change feed.

    ``{"by": "desktop"}``; ``{"by": "host", "state": "pending"}``; or, once its
    emails are settled, ``{"by": "host", "state": "done", "sent_to": [...],
    "unsure": [...], "missed": [...], "alerted_at": ...}`` (the owners reached,
    those whose email may or may not have gone, those not reached). Answers
    without a claim are left out.
    """
    if not response_ids:
        return {}
    marks = ", ".join("?" for _ in response_ids)
    claims = dict(
        db.execute(
            "SELECT response_id, outcome FROM response_messages"
            f" WHERE purpose = ? AND response_id IN ({marks})",
            [PURPOSE, *response_ids],
        ).fetchall()
    )
    emails: dict[int, list[tuple[str, str, str | None]]] = {}
    for response_id, recipient, status, sent_at in db.execute(
        "SELECT response_id, recipient, status, sent_at FROM outbox"
        f" WHERE purpose = ? AND response_id IN ({marks}) ORDER BY id",
        [PURPOSE, *response_ids],
    ).fetchall():
        emails.setdefault(response_id, []).append((recipient, status, sent_at))
    words = {}
    for response_id, outcome in claims.items():
        if outcome == WAITING:
            words[response_id] = {"by": "host", "state": "pending"}
        elif outcome == GIVEN_UP:
            words[response_id] = _done([])
        elif outcome == QUEUED:
            sent = emails.get(response_id, [])
            if any(status in _PENDING_STATUSES for _, status, _ in sent):
                words[response_id] = {"by": "host", "state": "pending"}
            else:
                words[response_id] = _done(sent)
        else:
            words[response_id] = {"by": "desktop"}
    return words


def _done(emails: list[tuple[str, str, str | None]]) -> dict[str, Any]:
    reached = [(to, at) for to, status, at in emails if status in _REACHED_STATUSES]
    settled = (*_REACHED_STATUSES, *_UNSURE_STATUSES)
    return {
        "by": "host",
        "state": "done",
        "sent_to": [to for to, _ in reached],
        "unsure": [to for to, status, _ in emails if status in _UNSURE_STATUSES],
        "missed": [to for to, status, _ in emails if status not in settled],
        "alerted_at": max((at for _, at in reached if at), default=None),
    }


# --- the desktop ---------------------------------------------------------------------


def apply_host_word(db: Database, response_id: int, word: Any, now: datetime) -> None:
    """Keep the host's word on a pulled answer's alert; inside the pull's transaction.

    Once the desktop has decided (its own alert, or the host's settled word),
    a later word changes nothing: a host restored from a backup hands out
    older words again.
    """
    mine = outcome_of(db, response_id)
    if mine not in (None, HOST_PENDING):
        return
    stamp = to_text(now)
    if not isinstance(word, dict) or word.get("by") != "host":
        if mine == HOST_PENDING:  # the host lost its claim (restored): it may have sent it
            _keep(db, response_id, HOST_UNKNOWN, None, stamp)
        return
    if word.get("state") != "done":
        if mine is None:
            _keep(db, response_id, HOST_PENDING, None, stamp)
        return
    sent_to, unsure, missed = (_addresses(word, name) for name in ("sent_to", "unsure", "missed"))
    alerted = word.get("alerted_at") if isinstance(word.get("alerted_at"), str) else None
    if sent_to and not missed and not unsure:
        _keep(db, response_id, HOST_SENT, None, alerted or stamp)
    else:
        detail = json.dumps({"sent_to": sent_to, "unsure": unsure})
        _keep(db, response_id, HOST_MISSED, detail, stamp)


def _addresses(word: Mapping[str, Any], name: str) -> list[str]:
    found = word.get(name)
    return [a for a in found if isinstance(a, str)] if isinstance(found, list) else []


def _keep(db: Database, response_id: int, outcome: str, detail: str | None, stamp: str) -> None:
    db.execute(
        "INSERT INTO response_messages (response_id, purpose, outcome, detail, created_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id, purpose) DO UPDATE SET"
        " outcome = excluded.outcome, detail = excluded.detail, created_at = excluded.created_at",
        [response_id, PURPOSE, outcome, detail, stamp],
    )


@dataclass(frozen=True)
class Missed:
    """What the host said of an alert it did not fully send."""

    sent_to: tuple[str, ...]  # the owners it reached
    unsure: tuple[str, ...]  # those whose email may or may not have gone


def missed_by_host(db: Database) -> dict[int, Missed]:
    """Answers whose alert the host did not fully send, by response id."""
    found = {}
    for response_id, detail in db.execute(
        "SELECT response_id, detail FROM response_messages WHERE purpose = ? AND outcome = ?",
        [PURPOSE, HOST_MISSED],
    ).fetchall():
        values = json.loads(detail or "{}")
        found[response_id] = Missed(
            tuple(values.get("sent_to", [])), tuple(values.get("unsure", []))
        )
    return found


def take_over(
    db: Database, response_id: int, outcome: str, outbox_id: int | None, now: datetime
) -> bool:
    """The desktop alerts (or decides about) an answer the host missed; False when
    it was decided meanwhile. Inside the caller's transaction."""
    return _settle(db, response_id, HOST_MISSED, outcome, outbox_id, now)
