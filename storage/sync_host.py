"""The host's side of the sync: taking what the desktop publishes, and the change feed.

Items of the change feed (``changes_since``), in ``seq`` order:

    {"kind": "response", "seq", "uid", "survey" (slug), "delivery" (token or None),
     "channel", "source", "language", "created_at", "completed_at", "updated_at",
     "answers": {qid: {"num", "text", "other", "wording"}},
     "owner_alert": who emails its owners' alert (None, or storage.alert_claims.host_words)}
    {"kind": "delivery", "seq", "token", "opened_at", "answered_at"}
    {"kind": "unsubscribe", "seq", "token", "channel", "at"}

A response comes again whenever it changes (a later page, an edit, its alert
email sent or failed), with all its answers; each answer names the version of
its question's wording it was given to (the desktop publishes the version in
force with each question). The host holds surveys and delivery tokens, never
contacts; of the owners, only the names and addresses that get alerts, while
the host emails them (``apply_site``). A response the owner deleted on the
desktop is deleted here when the desktop says so (``delete_responses``).

Over 400 lines because taking a publication and serving the change feed
share the host's bookkeeping (seq, uids, tombstones) and must change together.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database

from storage import alert_claims, responses, site_logo
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.database import to_text, utc_now, writing
from storage.sync import (
    ALERT_SETTINGS,
    MAX_PAGE,
    SITE_SETTINGS,
    TOKEN_SHAPE,
    UID_SHAPE,
    SyncDataError,
    field_json,
    field_list,
    field_text,
    marks,
)
from surveys.questions import SCALES, QuestionType

# The checkpoint last handed to each desktop, by the desktop's id.
_CHECKPOINT_PREFIX = "checkpoint."
_DESKTOP_ID = re.compile(r"^[0-9a-f]{32}$")
LANGUAGE_SHAPE = re.compile(r"^[a-z]{2,3}$")  # a published delivery's language: "ja", "en"


def is_desktop_id(text: str) -> bool:
    return bool(_DESKTOP_ID.match(text))


def knows_checkpoint(db: Database, desktop: str, checkpoint: str) -> bool:
    """Whether this host's file holds ``checkpoint``, handed to ``desktop`` (new_checkpoint).

    A host hands a desktop a new random checkpoint after every step of a sync,
    written to its file after that step's change, and the desktop stores it
    with what the step did. A file that holds it therefore holds everything
    that desktop has seen; a file that does not has gone back (a backup copied
    over it, a machine's snapshot rolled back) or belongs to another host, and
    the desktop must publish and pull everything again. A copied file cannot
    pretend otherwise: it holds only the checkpoints handed out before it was
    copied.
    """
    return bool(checkpoint) and checkpoint in _checkpoints(db, desktop)


def new_checkpoint(db: Database, desktop: str, shown: str) -> str:
    """Hand ``desktop`` a new checkpoint after a step it asked for showing ``shown``.

    The one shown stays known beside the new one: should the answer that
    carries the new one never reach the desktop (a dropped connection), the
    desktop shows the old one again and goes on, rather than start afresh.
    That is safe, since only a file written after ``shown`` was handed out
    holds it.
    """
    made = uuid.uuid4().hex
    with writing(db):
        db.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [_CHECKPOINT_PREFIX + desktop, json.dumps([made, shown] if shown else [made])],
        )
    return made


def _checkpoints(db: Database, desktop: str) -> list[str]:
    rows = db.execute(
        "SELECT value FROM sync_state WHERE key = ?", [_CHECKPOINT_PREFIX + desktop]
    ).fetchall()
    return list(json.loads(rows[0][0])) if rows else []


def latest_seq(db: Database) -> int:
    """The change number of the newest change in this workspace."""
    return int(next(db.query("SELECT seq FROM sync_counter WHERE id = 1"))["seq"])


def apply_survey(db: Database, payload: Mapping[str, Any]) -> bool:
    """Store a published survey (by slug) with its questions; True when it is new here.

    Questions keep their rows, and so their answers, by qid. A question that
    has answers here and is missing from the payload is refused, as is a
    payload the survey model cannot read; nothing is changed then.
    """
    row = _survey_row(payload)
    questions = [_question_row(q, row["slug"]) for q in field_list(payload, "questions")]
    with writing(db):
        found = db.execute("SELECT id FROM surveys WHERE slug = ?", [row["slug"]]).fetchone()
        columns = [c for c in row if c != "slug"]
        if found is None:
            cursor = db.execute(
                f"INSERT INTO surveys (slug, {', '.join(columns)})"
                f" VALUES (?, {', '.join('?' for _ in columns)})",
                [row["slug"], *(row[c] for c in columns)],
            )
            survey_id = cursor.lastrowid
            assert survey_id is not None
        else:
            survey_id = found[0]
            db.execute(
                f"UPDATE surveys SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                [*(row[c] for c in columns), survey_id],
            )
        _replace_questions(db, survey_id, row["slug"], questions)
        try:
            survey_store.get(db, survey_id)
        except (KeyError, TypeError, ValueError) as error:
            raise SyncDataError(f"survey {row['slug']} cannot be read: {error}") from error
    return found is None


def _replace_questions(
    db: Database, survey_id: int, slug: str, questions: list[dict[str, Any]]
) -> None:
    existing = survey_store.question_ids(db, survey_id)
    keep = {q["qid"] for q in questions}
    for qid, row_id in existing.items():
        if qid in keep:
            continue
        if db.execute("SELECT 1 FROM answers WHERE question_id = ? LIMIT 1", [row_id]).fetchone():
            raise SyncDataError(
                f"survey {slug}: question {qid} has answers on the host and cannot be removed"
            )
        db.execute("DELETE FROM questions WHERE id = ?", [row_id])
    names = ["position", "type", "text", "required", "low_label", "high_label", "config", "wording"]
    for question in questions:
        values = [question[name] for name in names]
        if question["qid"] in existing:
            db.execute(
                f"UPDATE questions SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
                [*values, existing[question["qid"]]],
            )
        else:
            db.execute(
                f"INSERT INTO questions (survey_id, qid, {', '.join(names)})"
                f" VALUES (?, ?, {', '.join('?' for _ in names)})",
                [survey_id, question["qid"], *values],
            )


def apply_site(db: Database, payload: Mapping[str, Any]) -> None:
    """Store the published site settings (SITE_SETTINGS) and what the host needs to
    email the owners' alerts (``alerts``, see ``_alert_settings``); other keys are ignored."""
    defaults = settings_store.as_dict(settings_store.Settings())
    changes = {}
    for name in SITE_SETTINGS:
        if name not in payload:
            continue
        value = payload[name]
        if type(value) is not type(defaults[name]):
            raise SyncDataError(f"the setting {name} has the wrong type")
        changes[name] = value
    if "alerts" in payload:
        changes |= _alert_settings(payload["alerts"])
    logo = _logo(payload["logo"]) if "logo" in payload else False
    with writing(db):
        if logo is None:
            site_logo.remove(db)
        elif logo is not False:
            site_logo.save(db, logo)
        try:
            settings_store.save(db, **changes)
        except ValueError as error:  # a malformed owner's address
            raise SyncDataError(f"an owner's email address is not valid: {error}") from None
        if "host_alerts" in changes:
            alert_claims.follow_choice(db, changes["host_alerts"])


if TYPE_CHECKING:
    from storage.logo_files import PreparedLogo


def _logo(value: object) -> PreparedLogo | None:
    """The published logo, checked again here as a file the owner chose would be."""
    if value is None:
        return None
    from storage.logo_files import LogoError, prepare_logo  # Pillow: only when a logo comes

    if not isinstance(value, dict) or not isinstance(value.get("data"), str):
        raise SyncDataError("the logo is malformed")
    try:
        return prepare_logo(base64.b64decode(value["data"], validate=True))
    except (ValueError, LogoError) as error:
        raise SyncDataError(f"the logo cannot be used: {error}") from None


_MAX_RECIPIENTS = 50


def _alert_settings(alerts: Any) -> dict[str, Any]:
    """The settings the host's alerts read, from the published ``alerts`` object:

        {"enabled": bool, "recipients": [{"name", "email"}], "language": "ja"|"en",
         "time_zone": "Asia/Tokyo", "thresholds": {"nps", "csat", "ces"}}

    Switched off, the host forgets the owners' addresses.
    """
    if not isinstance(alerts, dict) or not isinstance(alerts.get("enabled"), bool):
        raise SyncDataError("alerts must be an object that says whether they are enabled")
    if not alerts["enabled"]:
        return {"host_alerts": False, "alert_email": False, "owners": [], "owner_emails": []}
    recipients = field_list(alerts, "recipients")
    if len(recipients) > _MAX_RECIPIENTS:
        raise SyncDataError(f"at most {_MAX_RECIPIENTS} owners get alerts")
    pairs = []
    for recipient in recipients:
        if not isinstance(recipient, dict):
            raise SyncDataError("an owner who gets alerts is not an object")
        pairs.append([field_text(recipient, "name"), field_text(recipient, "email")])
    language = field_text(alerts, "language")
    if language not in ("ja", "en"):
        raise SyncDataError("the alerts' language must be ja or en")
    time_zone = field_text(alerts, "time_zone")
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise SyncDataError(f"{time_zone!r} is not a time zone") from None
    thresholds = alerts.get("thresholds")
    if not isinstance(thresholds, dict):
        raise SyncDataError("the alerts' thresholds are missing")
    changes: dict[str, Any] = {}
    for kind in ALERT_SETTINGS:
        value, scale = thresholds.get(kind), SCALES[QuestionType(kind)]
        if isinstance(value, bool) or not isinstance(value, int):
            raise SyncDataError(f"the {kind} threshold must be a whole number")
        if not scale.minimum <= value < scale.maximum:
            raise SyncDataError(f"the {kind} threshold is off its scale")
        changes[f"alert_threshold_{kind}"] = value
    return changes | {
        "host_alerts": True,
        "alert_email": True,
        "alert_email_to": "",
        "owners": [name for name, _ in pairs],
        "owner_emails": pairs,
        "language": language,
        "time_zone": time_zone,
    }


def add_deliveries(db: Database, items: Sequence[Mapping[str, Any]]) -> int:
    """Store published delivery tokens (token, survey slug, channel, and the language of
    the token's contact when the desktop sent one); returns how many are new.

    A token the host has already is left as it is, so publishing twice is harmless.
    A language that is not a language code is left out (the link then opens in the
    survey's first language).
    """
    rows = []
    for item in items:
        token = field_text(item, "token")
        if not TOKEN_SHAPE.match(token):
            raise SyncDataError("a delivery token has the wrong shape")
        language = item.get("language")
        if not (isinstance(language, str) and LANGUAGE_SHAPE.match(language)):
            language = None
        rows.append((token, field_text(item, "survey"), field_text(item, "channel"), language))
    added = 0
    with writing(db):
        ids = {
            row["slug"]: row["id"]
            for row in db.query("SELECT id, slug FROM surveys")
            if row["slug"] in {slug for _, slug, _, _ in rows}
        }
        now = to_text(utc_now())
        for token, slug, channel, language in rows:
            if slug not in ids:
                raise SyncDataError(f"a delivery names survey {slug}, which the host does not have")
            cursor = db.execute(
                "INSERT INTO deliveries (survey_id, channel, token, language, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (token) DO NOTHING",
                [ids[slug], channel, token, language, now],
            )
            added += cursor.rowcount
    return added


def record_unsubscribe(
    db: Database, token: str, channel: str, *, now: datetime | None = None
) -> bool:
    """Note, on a host, that the person behind delivery ``token`` left ``channel``.

    The host has no contacts: the desktop applies it to the contact at its
    next sync. Returns True when this is new.
    """
    with writing(db):
        db.execute("UPDATE sync_counter SET seq = seq + 1 WHERE id = 1")
        cursor = db.execute(
            "INSERT INTO sync_unsubscribes (seq, token, channel, created_at)"
            " VALUES ((SELECT seq FROM sync_counter WHERE id = 1), ?, ?, ?)"
            " ON CONFLICT (token, channel) DO NOTHING",
            [token, channel, to_text(now or utc_now())],
        )
        return cursor.rowcount == 1


def delete_responses(db: Database, uids: Sequence[str]) -> int:
    """Delete the responses the owner deleted on the desktop (by uid); returns how many
    were here. Unknown uids are fine: the response may never have been here, or gone already.
    """
    for uid in uids:
        if not isinstance(uid, str) or not UID_SHAPE.match(uid):
            raise SyncDataError("a response id has the wrong shape")
    db.execute("PRAGMA secure_delete = ON")
    with writing(db):
        ids = [
            row[0]
            for row in db.execute(
                f"SELECT id FROM responses WHERE uid IN ({marks(list(uids))})", list(uids)
            ).fetchall()
        ]
        # The host emails the owners' alerts too: none about these goes out any more.
        responses.blank_messages_about(db, ids)
        return db.execute(f"DELETE FROM responses WHERE id IN ({marks(ids)})", ids).rowcount


@dataclass(frozen=True)
class ChangesPage:
    """One page of the change feed: its items, the cursor after them, and whether more wait."""

    items: list[dict[str, Any]]
    next: int
    more: bool


def changes_since(db: Database, since: int, limit: int) -> ChangesPage:
    """The changes numbered above ``since``, oldest first, at most ``limit`` of them."""
    limit = max(1, min(limit, MAX_PAGE))
    # Writing: the answers handed out that the host has not looked at yet become the
    # desktop's to alert, in the same transaction (storage.alert_claims).
    with writing(db):
        heads = db.execute(
            "SELECT seq, kind, ref FROM ("
            " SELECT seq, 'response' AS kind, id AS ref FROM responses WHERE seq > :since"
            " UNION ALL"
            " SELECT seq, 'delivery', id FROM deliveries WHERE seq > :since"
            " UNION ALL"
            " SELECT seq, 'unsubscribe', seq FROM sync_unsubscribes WHERE seq > :since"
            ") ORDER BY seq LIMIT :limit",
            {"since": since, "limit": limit + 1},
        ).fetchall()
        more = len(heads) > limit
        heads = heads[:limit]
        refs: dict[str, list[int]] = {"response": [], "delivery": [], "unsubscribe": []}
        for _, kind, ref in heads:
            refs[kind].append(ref)
        alert_claims.claim_for_desktop(db, refs["response"], utc_now())
        found = {
            **{("response", k): v for k, v in _responses(db, refs["response"]).items()},
            **{("delivery", k): v for k, v in _deliveries(db, refs["delivery"]).items()},
            **{("unsubscribe", k): v for k, v in _unsubscribes(db, refs["unsubscribe"]).items()},
        }
    items = [found[(kind, ref)] for _, kind, ref in heads]
    return ChangesPage(items, heads[-1][0] if heads else since, more)


def _responses(db: Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    items: dict[int, dict[str, Any]] = {}
    for row in db.query(
        "SELECT r.id, r.uid, r.seq, s.slug, d.token, r.channel, r.source, r.language,"
        " r.created_at, r.completed_at, r.updated_at FROM responses r"
        " JOIN surveys s ON s.id = r.survey_id LEFT JOIN deliveries d ON d.id = r.delivery_id"
        f" WHERE r.id IN ({marks(ids)})",
        ids,
    ):
        items[row["id"]] = {
            "kind": "response",
            "seq": row["seq"],
            "uid": row["uid"],
            "survey": row["slug"],
            "delivery": row["token"],
            "channel": row["channel"],
            "source": row["source"],
            "language": row["language"],
            "created_at": row["created_at"],
            "completed_at": row["completed_at"],
            "updated_at": row["updated_at"],
            "answers": {},
            "owner_alert": None,
        }
    for response_id, word in alert_claims.host_words(db, ids).items():
        items[response_id]["owner_alert"] = word
    for row in db.query(
        "SELECT a.response_id, q.qid, a.value_num, a.value_text, a.value_other, a.wording"
        f" FROM answers a JOIN questions q ON q.id = a.question_id"
        f" WHERE a.response_id IN ({marks(ids)})",
        ids,
    ):
        items[row["response_id"]]["answers"][row["qid"]] = {
            "num": row["value_num"],
            "text": row["value_text"],
            "other": row["value_other"],
            "wording": row["wording"],
        }
    return items


def _deliveries(db: Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    return {
        row["id"]: {
            "kind": "delivery",
            "seq": row["seq"],
            "token": row["token"],
            "opened_at": row["opened_at"],
            "answered_at": row["answered_at"],
        }
        for row in db.query(
            "SELECT id, seq, token, opened_at, answered_at FROM deliveries"
            f" WHERE id IN ({marks(ids)})",
            ids,
        )
    }


def _unsubscribes(db: Database, seqs: list[int]) -> dict[int, dict[str, Any]]:
    if not seqs:
        return {}
    return {
        row["seq"]: {
            "kind": "unsubscribe",
            "seq": row["seq"],
            "token": row["token"],
            "channel": row["channel"],
            "at": row["created_at"],
        }
        for row in db.query(
            "SELECT seq, token, channel, created_at FROM sync_unsubscribes"
            f" WHERE seq IN ({marks(seqs)})",
            seqs,
        )
    }


def _survey_row(payload: Mapping[str, Any]) -> dict[str, Any]:
    slug = field_text(payload, "slug")
    if not TOKEN_SHAPE.match(slug):
        raise SyncDataError("a survey's link name has the wrong shape")
    status = field_text(payload, "status")
    if status not in ("draft", "open", "closed"):
        raise SyncDataError(f"survey {slug} has an unknown status")
    kind = field_text(payload, "kind")
    if kind not in ("nps", "csat", "ces", "custom"):
        raise SyncDataError(f"survey {slug} is of an unknown kind")
    anonymous = payload.get("anonymous")
    if not isinstance(anonymous, bool):
        raise SyncDataError(f"survey {slug}: anonymous must be true or false")
    return {
        "slug": slug,
        "kind": kind,
        "status": status,
        "title": field_json(payload, "title", dict),
        "languages": field_json(payload, "languages", list),
        "anonymous": int(anonymous),
        "closes_at": field_text(payload, "closes_at", optional=True),
        "options": field_json(payload, "options", dict),
        "created_at": field_text(payload, "created_at"),
        "updated_at": field_text(payload, "updated_at"),
        "opened_at": field_text(payload, "opened_at", optional=True),
        "closed_at": field_text(payload, "closed_at", optional=True),
    }


def _question_row(question: Any, slug: str) -> dict[str, Any]:
    if not isinstance(question, dict):
        raise SyncDataError(f"survey {slug} has a question of the wrong shape")
    position, required = question.get("position"), question.get("required")
    if isinstance(position, bool) or not isinstance(position, int):
        raise SyncDataError(f"survey {slug}: a question's position must be a number")
    wording = question.get("wording", 1)  # a desktop before wording versions sends none
    if isinstance(wording, bool) or not isinstance(wording, int) or wording < 1:
        raise SyncDataError(f"survey {slug}: a question's wording version must be a number")
    if not isinstance(required, bool):
        raise SyncDataError(f"survey {slug}: required must be true or false")
    return {
        "qid": field_text(question, "qid"),
        "position": position,
        "type": field_text(question, "type"),
        "text": field_json(question, "text", dict),
        "required": int(required),
        "low_label": field_json(question, "low_label", dict),
        "high_label": field_json(question, "high_label", dict),
        "config": field_json(question, "config", dict),
        "wording": wording,
    }
