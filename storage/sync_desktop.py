"""The desktop's side of the sync: what it publishes, and applying what it pulls.

Each pulled response is stored by its ``uid`` (the host's), its answers
upserted, so pulling a change twice changes nothing; a page of changes and the
cursor after it are stored in one transaction, so a sync cut short resumes
after the last page stored and nothing is lost or counted twice.

A desktop pulls everything again when its host went back (a restored backup):
the host then hands out older versions of responses the desktop already has
in a later state, and unsubscribes the desktop has applied. An older version
never replaces a newer one, and an unsubscribe is applied once only (by its
delivery token and channel, the host's own key for it), so pulling from the
start adds what is missing and changes nothing else.

Each pulled response carries the host's word on its owners' alert (who emails
it, and whether the host's emails went); the desktop keeps it with the
response, in the same transaction (storage.alert_claims.apply_host_word).

A response the owner deleted (storage.responses.delete) is never stored again,
whoever sends it: its uid is remembered, and the host is told to delete its
copy (``deletions_to_tell``).

Over 400 lines because publishing and applying pulled pages share the cursor
and the uid bookkeeping that keeps a pull idempotent.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from storage import alert_claims, opt_outs, site_logo
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.database import from_text, utc_now, writing
from storage.settings import Settings
from storage.sync import (
    ALERT_SETTINGS,
    SITE_SETTINGS,
    UID_SHAPE,
    SyncDataError,
    field_text,
    marks,
    save_state,
)


def survey_payloads(db: Database) -> list[dict[str, Any]]:
    """Every survey with its questions, as the host stores it (drafts too: the site hides them)."""
    questions: dict[int, list[dict[str, Any]]] = {}
    for row in db.query("SELECT * FROM questions ORDER BY survey_id, position"):
        questions.setdefault(row["survey_id"], []).append(
            {
                "qid": row["qid"],
                "position": row["position"],
                "type": row["type"],
                "text": json.loads(row["text"]),
                "required": bool(row["required"]),
                "low_label": json.loads(row["low_label"]),
                "high_label": json.loads(row["high_label"]),
                "config": json.loads(row["config"]),
                "wording": row["wording"],
            }
        )
    return [
        {
            "slug": row["slug"],
            "kind": row["kind"],
            "status": row["status"],
            "title": json.loads(row["title"]),
            "languages": json.loads(row["languages"]),
            "anonymous": bool(row["anonymous"]),
            "closes_at": row["closes_at"],
            "options": json.loads(row["options"]),
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
            "opened_at": row["opened_at"],
            "closed_at": row["closed_at"],
            "questions": questions.get(row["id"], []),
        }
        for row in db.query("SELECT * FROM surveys ORDER BY id")
    ]


def site_payload(db: Database, language: str = "") -> dict[str, Any]:
    """The settings the respondent pages show (the business's name, its links), and
    what the host needs to email the owners' alerts (``language``: the owners', as
    the app shows it; see storage.sync_host.apply_site)."""
    return site_payload_of(settings_store.load(db), language) | {"logo": logo_payload(db)}


def logo_payload(db: Database) -> dict[str, str] | None:
    """The shop's logo as the host takes it (storage.sync_host.apply_site), or None.

    A logo travels with the site settings, inside the sync API's 64 KB body once
    encoded: a logo is made to fit (storage.logo_files.MAX_LOGO_BYTES) when the
    owner chooses it. One stored before that limit is made lighter for the host
    here; an SVG that heavy cannot be, and the host shows the shop's name.
    """
    from storage.logo_files import MAX_LOGO_BYTES, LogoError, prepare_logo  # Pillow: lazily

    logo = site_logo.load(db)
    if logo is None:
        return None
    content, media_type = logo.content, logo.media_type
    if len(content) > MAX_LOGO_BYTES:
        try:
            lighter = prepare_logo(content)
        except LogoError:
            return None
        if len(lighter.content) > MAX_LOGO_BYTES:
            return None
        content, media_type = lighter.content, lighter.media_type
    return {"media_type": media_type, "data": base64.b64encode(content).decode("ascii")}


def site_payload_of(settings: Settings, language: str = "") -> dict[str, Any]:
    """What the respondent pages show of ``settings``, and the owners' alerts: published
    to the host."""
    values = settings_store.as_dict(settings)
    return {name: values[name] for name in SITE_SETTINGS} | {
        "alerts": alerts_payload(settings, language)
    }


def alerts_payload(settings: Settings, language: str) -> dict[str, Any]:
    """Whether the host emails the owners' alerts and, if so, to whom and how.

    Only the owners who get alerts, by name and address: never a customer's detail.
    """
    owners = settings.alert_owners() if settings.host_alerts else []
    if not owners:
        return {"enabled": False}
    chosen = next((c for c in (language, settings.language) if c in ("ja", "en")), "en")
    return {
        "enabled": True,
        "recipients": [{"name": name, "email": email} for name, email in owners],
        "thresholds": {kind: settings.alert_thresholds()[kind] for kind in ALERT_SETTINGS},
        "language": chosen,
        "time_zone": settings.time_zone,
    }


def digest(payload: Mapping[str, Any]) -> str:
    """A short fingerprint of a payload: a survey is published again only when it changes."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def deliveries_after(db: Database, after_id: int, limit: int) -> list[tuple[int, dict[str, str]]]:
    """Deliveries with an id above ``after_id``, oldest first: (id, token, survey, channel,
    and the language the link opens in when the contact has one).

    Never the contact: the host does not hold personal data. The language lets a
    personal link open on the host as on the desktop; an older host ignores it.
    """
    published = []
    for row in db.query(
        "SELECT d.id, d.token, d.channel, s.slug, c.language FROM deliveries d"
        " JOIN surveys s ON s.id = d.survey_id LEFT JOIN contacts c ON c.id = d.contact_id"
        " WHERE d.id > ? ORDER BY d.id LIMIT ?",
        [after_id, limit],
    ):
        item = {"token": row["token"], "survey": row["slug"], "channel": row["channel"]}
        if row["language"]:
            item["language"] = row["language"]
        published.append((row["id"], item))
    return published


@dataclass
class Applied:
    """What one page of pulled changes did on the desktop."""

    new: int = 0
    updated: int = 0  # responses whose stored version changed
    deliveries: int = 0
    unsubscribes: int = 0
    skipped: int = 0
    survey_ids: set[int] = field(default_factory=set)


def apply_changes(
    db: Database,
    items: Sequence[Mapping[str, Any]],
    *,
    next_cursor: int,
    checkpoint: str = "",
) -> Applied:
    """Apply one page of the host's changes and move the cursor, in one transaction.

    Either the whole page and its cursor are stored or nothing is: a sync cut
    short resumes after the last page stored, and an item seen twice changes
    nothing the second time. An unsubscribe taken on the host opts the contact
    behind its delivery out of that channel (storage.opt_outs); responses to
    surveys this desktop does not have are counted as skipped. ``checkpoint``
    (the host's answer to this page) is stored with the cursor.
    """
    applied = Applied()
    with writing(db):
        surveys: dict[str, tuple[int, bool, dict[str, int]] | None] = {}
        for item in items:
            kind = item.get("kind")
            if kind == "response":
                _apply_response(db, item, surveys, applied)
            elif kind == "delivery":
                _apply_delivery(db, item, applied)
            elif kind == "unsubscribe":
                _apply_unsubscribe(db, item, applied)
            else:
                raise SyncDataError(f"the host sent a change of an unknown kind ({kind!r})")
        save_state(db, cursor=next_cursor, host_checkpoint=checkpoint)
    return applied


def _survey_of(
    db: Database, slug: str, cache: dict[str, tuple[int, bool, dict[str, int]] | None]
) -> tuple[int, bool, dict[str, int]] | None:
    if slug not in cache:
        row = db.execute("SELECT id, anonymous FROM surveys WHERE slug = ?", [slug]).fetchone()
        cache[slug] = (
            None if row is None else (row[0], bool(row[1]), survey_store.question_ids(db, row[0]))
        )
    return cache[slug]


def _apply_response(
    db: Database,
    item: Mapping[str, Any],
    surveys: dict[str, tuple[int, bool, dict[str, int]] | None],
    applied: Applied,
) -> None:
    uid = field_text(item, "uid")
    if not UID_SHAPE.match(uid):
        raise SyncDataError("the host sent a response without a proper id")
    if db.execute("SELECT 1 FROM deleted_responses WHERE uid = ?", [uid]).fetchone():
        return  # the owner deleted it here: never brought back
    survey = _survey_of(db, field_text(item, "survey"), surveys)
    if survey is None:
        applied.skipped += 1
        return
    survey_id, anonymous, question_ids = survey
    values = {
        "channel": field_text(item, "channel"),
        "source": field_text(item, "source", optional=True),
        "language": field_text(item, "language"),
        "created_at": field_text(item, "created_at"),
        "completed_at": field_text(item, "completed_at", optional=True),
        "updated_at": field_text(item, "updated_at"),
    }
    token = field_text(item, "delivery", optional=True)
    answers = _answer_rows(item, question_ids, values["created_at"])
    existing = db.execute(
        "SELECT id, updated_at, completed_at FROM responses WHERE uid = ?", [uid]
    ).fetchone()
    if existing is not None and _version(existing[1], existing[2]) > _version(
        values["updated_at"], values["completed_at"]
    ):
        return  # an older state of it, from a host restored from a backup: keep the newer
    delivery = None
    if token is not None:
        found = db.execute(
            "SELECT id FROM deliveries WHERE token = ? AND survey_id = ?", [token, survey_id]
        ).fetchone()
        delivery = found[0] if found else None
    if existing is None:
        cursor = db.execute(
            "INSERT INTO responses (uid, survey_id, delivery_id, channel, source, language,"
            " created_at, completed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [uid, survey_id, None if anonymous else delivery, *values.values()],
        )
        response_id = cursor.lastrowid
        assert response_id is not None
        applied.new += 1
        changed = True
    else:
        response_id = existing[0]
        changed = (
            db.execute(
                f"UPDATE responses SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?"
                f" AND ({' OR '.join(f'{k} IS NOT ?' for k in values)})",
                [*values.values(), response_id, *values.values()],
            ).rowcount
            > 0
        )
    if delivery is not None:
        db.execute(
            "UPDATE deliveries SET answered_at = coalesce(answered_at, ?), status = 'answered'"
            " WHERE id = ?",
            [values["created_at"], delivery],
        )
    if _store_answers(db, response_id, answers) and existing is not None:
        changed = True
    if existing is not None and changed:
        applied.updated += 1
    # Whether the host emails (or emailed) its owners' alert: then the desktop does not.
    alert_claims.apply_host_word(db, response_id, item.get("owner_alert"), utc_now())
    applied.survey_ids.add(survey_id)


def _version(updated_at: str | None, completed_at: str | None) -> tuple[datetime, bool]:
    """What orders two states of one response: the later change, and completed after partial."""
    try:
        moment = from_text(updated_at)
    except ValueError:
        raise SyncDataError("the host sent a response with a malformed time") from None
    if moment is None:
        raise SyncDataError("the host sent a response without the time of its last change")
    return moment, completed_at is not None


_Row = tuple[int, int | None, str | None, str | None, int | None, str]


def _answer_rows(
    item: Mapping[str, Any], question_ids: Mapping[str, int], given_at: str
) -> list[_Row]:
    """(question_id, number, text, other, wording, given at) of each answer to a question
    this desktop has. ``wording`` is None when the host did not say (a host before wording
    versions): the wording in force when the response began is taken then."""
    answers = item.get("answers")
    if not isinstance(answers, dict):
        raise SyncDataError("the host sent a response without its answers")
    rows = []
    for qid, answer in answers.items():
        if qid not in question_ids:
            continue  # a question this desktop no longer has: nothing to attach it to
        if not isinstance(answer, dict):
            raise SyncDataError("the host sent an answer of the wrong shape")
        number, wording = answer.get("num"), answer.get("wording")
        if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
            raise SyncDataError("the host sent an answer of the wrong shape")
        if wording is not None and (
            isinstance(wording, bool) or not isinstance(wording, int) or wording < 1
        ):
            raise SyncDataError("the host sent an answer of the wrong shape")
        rows.append(
            (
                question_ids[qid],
                number,
                field_text(answer, "text", optional=True),
                field_text(answer, "other", optional=True),
                wording,
                given_at,
            )
        )
    return rows


def _store_answers(db: Database, response_id: int, rows: list[_Row]) -> bool:
    """Make the response's answers these; True when that changed any."""
    kept = [row[0] for row in rows]
    removed = db.execute(
        f"DELETE FROM answers WHERE response_id = ? AND question_id NOT IN ({marks(kept)})",
        [response_id, *kept],
    ).rowcount
    in_force = (
        "(SELECT coalesce(max(version), 1) FROM question_wordings"
        " WHERE question_id = ?2 AND valid_from <= ?7)"
    )
    written = db.conn.executemany(
        "INSERT INTO answers (response_id, question_id, value_num, value_text, value_other,"
        f" wording) VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, {in_force}))"
        " ON CONFLICT (response_id, question_id) DO UPDATE SET"
        " value_num = excluded.value_num, value_text = excluded.value_text,"
        " value_other = excluded.value_other, wording = excluded.wording"
        " WHERE value_num IS NOT excluded.value_num OR value_text IS NOT excluded.value_text"
        " OR value_other IS NOT excluded.value_other OR wording IS NOT excluded.wording",
        [(response_id, *row) for row in rows],
    ).rowcount
    return removed + written > 0


def _apply_delivery(db: Database, item: Mapping[str, Any], applied: Applied) -> None:
    opened = field_text(item, "opened_at", optional=True)
    answered = field_text(item, "answered_at", optional=True)
    cursor = db.execute(
        "UPDATE deliveries SET opened_at = coalesce(opened_at, ?),"
        " answered_at = coalesce(answered_at, ?),"
        " status = CASE WHEN ? IS NOT NULL THEN 'answered' ELSE status END"
        " WHERE token = ? AND (opened_at IS NULL AND ? IS NOT NULL"
        " OR answered_at IS NULL AND ? IS NOT NULL)",
        [opened, answered, answered, field_text(item, "token"), opened, answered],
    )
    applied.deliveries += cursor.rowcount


def _apply_unsubscribe(db: Database, item: Mapping[str, Any], applied: Applied) -> None:
    token, channel = field_text(item, "token"), field_text(item, "channel")
    at = field_text(item, "at")
    try:
        moment = from_text(at)
    except ValueError:
        raise SyncDataError("the host sent an unsubscribe with a malformed time") from None
    first = db.execute(
        "INSERT INTO sync_pulled_unsubscribes (token, channel, applied_at) VALUES (?, ?, ?)"
        " ON CONFLICT (token, channel) DO NOTHING",
        [token, channel, at],
    ).rowcount
    if not first:
        return  # applied before: the owner may have lifted the opt-out since
    applied.unsubscribes += 1
    row = db.execute("SELECT contact_id FROM deliveries WHERE token = ?", [token]).fetchone()
    if row is None or row[0] is None:
        return  # the contact has been deleted meanwhile: nobody left to opt out
    opt_outs.opt_out(db, row[0], channel, source=opt_outs.SOURCE_LINK, now=moment)


def deletions_to_tell(db: Database, limit: int) -> list[str]:
    """Uids of responses deleted here that the host has not confirmed deleting yet."""
    return [
        row[0]
        for row in db.execute(
            "SELECT uid FROM deleted_responses WHERE told_host = 0 ORDER BY deleted_at, uid"
            " LIMIT ?",
            [limit],
        ).fetchall()
    ]


def deletions_told(db: Database, uids: Sequence[str], checkpoint: str = "") -> None:
    """The host confirmed deleting these; stored with the host's new checkpoint."""
    with writing(db):
        db.execute(
            f"UPDATE deleted_responses SET told_host = 1 WHERE uid IN ({marks(list(uids))})",
            list(uids),
        )
        save_state(db, host_checkpoint=checkpoint)
