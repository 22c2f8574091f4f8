"""Detractor alerts by email to the owners, written to the outbox (purpose 'owner_alert').

When a response's headline score is at or below its threshold (the settings'
``alert_threshold_*``), the owners chosen in the settings get one email: the
score on its scale, the survey, the comment, the contact's name when the answer
came through a known contact's link (nothing more of theirs), and where to act
in Koe. The sender picks the rows up at its next look at the queue (about a
second when idle), so the email leaves within a minute of the answer.

Once per response, ever: the claim is a row of ``response_messages`` written
in the same transaction as the outbox rows, and written too when nothing is
sent (emails switched off, no owner with an address, no email server), so
switching emails on later never mails a backlog. A partial response (a score
whose comment may still come on the next page) waits ``PARTIAL_WAIT`` for
its comment before it is mailed without one.

A public host may have emailed a pulled answer's alert already
(``storage.alert_claims``, ``channels.host_alerts``): its word is a claim too,
so the desktop does not mail it again; an alert the host could not send is
mailed here to the owners it did not reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database

from storage import alert_claims, follow_up
from storage import outbox as outbox_store
from storage.database import from_text, to_text, utc_now, writing
from storage.settings import Settings
from surveys.questions import SCALES, QuestionType

PURPOSE = "owner_alert"
PARTIAL_WAIT = timedelta(seconds=30)

_TEXT = {
    "en": {
        "subject": "Koe alert: a score of {score} on “{survey}”",
        "intro": "A customer gave a low score.",
        "score": "Score: {score}",
        "survey": "Survey: {survey}",
        "when": "Answered: {time}",
        "who": "From: {name}",
        "comment": "Comment:",
        "no_comment": "No comment was left.",
        "act": "Open Koe and go to the Comments page to follow it up (owner, status and note).",
        "why": "You get this alert as an owner in Koe's settings (Acting on answers).",
        "maybe_sent": "The public host may have emailed you this alert already: its mail"
        " server broke off while sending it.",
    },
    "ja": {
        "subject": "Koeアラート：「{survey}」で{score}の回答",
        "intro": "お客様から低い評価の回答がありました。",
        "score": "スコア：{score}",
        "survey": "アンケート：{survey}",
        "when": "回答日時：{time}",
        "who": "回答者：{name}",
        "comment": "コメント：",
        "no_comment": "コメントはありません。",
        "act": "フォローアップは、Koeを開いて「コメント」ページから行えます"
        "（担当者・状況・メモ）。",
        "why": "Koeの設定（回答への対応）で担当者として登録されているため、お送りしています。",
        "maybe_sent": "このアラートは公開ホストから既に届いているかもしれません"
        "（送信中にメールサーバーとの接続が切れたため）。",
    },
}


@dataclass(frozen=True)
class Outcome:
    response_id: int
    outcome: str  # queued | off | no_recipient | no_server
    outbox_ids: tuple[int, ...] = ()


def score_text(alert: follow_up.Detractor) -> str:
    """The score read against its scale: "3/10", "2/5"."""
    try:
        scale = SCALES.get(QuestionType(alert.kind))
    except ValueError:
        scale = None
    if scale is None or alert.kind == QuestionType.THUMBS:
        return str(alert.score)
    return f"{alert.score}/{scale.maximum}"


def local_time(moment: str, time_zone: str) -> str:
    """A stored UTC time as the workspace reads it: "2026-05-01 14:03 (Asia/Tokyo)"."""
    when = from_text(moment)
    if when is None:
        return ""
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone, time_zone = ZoneInfo("UTC"), "UTC"
    return f"{when.astimezone(zone):%Y-%m-%d %H:%M} ({time_zone})"


def message(
    alert: follow_up.Detractor, language: str, time_zone: str = "UTC", note: str = ""
) -> tuple[str, str]:
    """The subject and body of an owner's alert, in ``language`` (ja or en), the
    answer's time read in ``time_zone`` (the workspace's); ``note`` "maybe_sent"
    says the public host's email of it may have arrived already."""
    lang = "ja" if language == "ja" else "en"
    text = _TEXT[lang]
    score = score_text(alert)
    survey = alert.title.get_for(lang)
    lines = [text["intro"], "", text["score"].format(score=score)]
    if note:
        lines = [text[note], "", *lines]
    lines.append(text["survey"].format(survey=survey))
    when = local_time(alert.created_at, time_zone)
    if when:
        lines.append(text["when"].format(time=when))
    if alert.contact_name:
        lines.append(text["who"].format(name=alert.contact_name))
    lines.append("")
    if alert.comment.strip():
        lines += [text["comment"], alert.comment.strip()]
    else:
        lines.append(text["no_comment"])
    # An email to the owners carries no customer's footer (channels.email): it says why.
    lines += ["", text["act"], "", "--", text["why"]]
    return text["subject"].format(score=score, survey=survey), "\n".join(lines)


def queue_owner_alerts(
    db: Database,
    settings: Settings,
    after_id: int,
    language: str,
    now: datetime | None = None,
) -> list[Outcome]:
    """Write the alert emails of responses after ``after_id`` that alert and were not
    mailed (or decided on) yet; ``language`` is the workspace's UI language."""
    moment = now or utc_now()
    stamp = to_text(moment) or ""
    recipients = settings.alert_recipients()
    outcomes = _missed_by_host(db, settings, language, moment)
    for alert in follow_up.alert_candidates(db, after_id, settings.alert_thresholds()):
        if follow_up.has_message(db, alert.response_id, PURPOSE):
            continue
        if recipients and settings.can_email() and not ready(alert, moment):
            continue  # its comment may still come: look again at the next check
        with writing(db):
            outcome = _one(db, settings, recipients, alert, language, stamp)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


def ready(alert: follow_up.Detractor, now: datetime) -> bool:
    """Whether an alert may be mailed: complete, or its comment has had time to come."""
    created = from_text(alert.created_at)
    return alert.complete or created is None or now - created >= PARTIAL_WAIT


def _one(
    db: Database,
    settings: Settings,
    recipients: list[str],
    alert: follow_up.Detractor,
    language: str,
    stamp: str,
) -> Outcome | None:
    def done(outcome: str, ids: tuple[int, ...] = ()) -> Outcome | None:
        first = ids[0] if ids else None
        if follow_up.claim_message(db, alert.response_id, PURPOSE, outcome, first, stamp):
            return Outcome(alert.response_id, outcome, ids)
        return None

    decision = _decision(settings, recipients)
    if decision != "queued":
        return done(decision)
    if follow_up.has_message(db, alert.response_id, PURPOSE):
        return None
    return done("queued", enqueue(db, alert, recipients, language, settings.time_zone))


def _decision(settings: Settings, recipients: list[str]) -> str:
    """Whether an alert to ``recipients`` is mailed ("queued"), or why not."""
    if not settings.alert_email:
        return "off"
    if not recipients:
        return "no_recipient"
    if not settings.can_email():
        return "no_server"
    return "queued"


def enqueue(
    db: Database,
    alert: follow_up.Detractor,
    recipients: list[str],
    language: str,
    time_zone: str,
    note: str = "",
) -> tuple[int, ...]:
    """Write one alert email to each of ``recipients``; the outbox ids, in order.
    Inside the caller's transaction, with the claim that says so."""
    subject, body = message(alert, language, time_zone, note)
    return tuple(
        outbox_store.enqueue(
            db,
            channel="email",
            recipient=address,
            body=body,
            subject=subject,
            purpose=PURPOSE,
            response_id=alert.response_id,
        )
        for address in recipients
    )


def _missed_by_host(
    db: Database, settings: Settings, language: str, moment: datetime
) -> list[Outcome]:
    """Mail the alerts the public host could not send, to the owners it did not reach."""
    missed = alert_claims.missed_by_host(db)
    if not missed:
        return []
    alerts = {a.response_id: a for a in follow_up.alert_candidates(db, 0, only=sorted(missed))}
    outcomes = []
    for response_id, word in missed.items():
        alert = alerts.get(response_id)
        recipients = [a for a in settings.alert_recipients() if a not in word.sent_to]
        # Told, not resent silently: the host's email may have reached them already.
        note = "maybe_sent" if set(recipients) & set(word.unsure) else ""
        ids: tuple[int, ...] = ()
        with writing(db):
            if alert_claims.outcome_of(db, response_id) != alert_claims.HOST_MISSED:
                continue  # decided meanwhile
            # Without its alert, the score no longer alerts (its survey changed).
            outcome = _decision(settings, recipients) if alert else "not_alerting"
            if alert is not None and outcome == "queued":
                ids = enqueue(db, alert, recipients, language, settings.time_zone, note)
            alert_claims.take_over(db, response_id, outcome, ids[0] if ids else None, moment)
        outcomes.append(Outcome(response_id, outcome, ids))
    return outcomes
