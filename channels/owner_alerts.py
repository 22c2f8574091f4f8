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
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from storage import follow_up
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
        "who": "From: {name}",
        "comment": "Comment:",
        "no_comment": "No comment was left.",
        "act": "Open Koe and go to the Comments page to follow it up (owner, status and note).",
    },
    "ja": {
        "subject": "Koeアラート：「{survey}」で{score}の回答",
        "intro": "お客様から低い評価の回答がありました。",
        "score": "スコア：{score}",
        "survey": "アンケート：{survey}",
        "who": "回答者：{name}",
        "comment": "コメント：",
        "no_comment": "コメントはありません。",
        "act": "フォローアップは、Koeを開いて「コメント」ページから行えます"
        "（担当者・状況・メモ）。",
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


def message(alert: follow_up.Detractor, language: str) -> tuple[str, str]:
    """The subject and body of an owner's alert, in ``language`` (ja or en)."""
    lang = "ja" if language == "ja" else "en"
    text = _TEXT[lang]
    score = score_text(alert)
    survey = alert.title.get_for(lang)
    lines = [text["intro"], "", text["score"].format(score=score)]
    lines.append(text["survey"].format(survey=survey))
    if alert.contact_name:
        lines.append(text["who"].format(name=alert.contact_name))
    lines.append("")
    if alert.comment.strip():
        lines += [text["comment"], alert.comment.strip()]
    else:
        lines.append(text["no_comment"])
    lines += ["", text["act"]]
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
    outcomes = []
    for alert in follow_up.alert_candidates(db, after_id, settings.alert_thresholds()):
        if follow_up.has_message(db, alert.response_id, PURPOSE):
            continue
        if recipients and settings.can_email() and not _ready(alert, moment):
            continue  # its comment may still come: look again at the next check
        with writing(db):
            outcome = _one(db, settings, recipients, alert, language, stamp)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


def _ready(alert: follow_up.Detractor, now: datetime) -> bool:
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

    if not settings.alert_email:
        return done("off")
    if not recipients:
        return done("no_recipient")
    if not settings.can_email():
        return done("no_server")
    if follow_up.has_message(db, alert.response_id, PURPOSE):
        return None
    subject, body = message(alert, language)
    ids = tuple(
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
    return done("queued", ids)
