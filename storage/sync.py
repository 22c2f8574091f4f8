"""Sync between a desktop and its public host: the rows the two sides exchange.

The same workspace code runs on both sides. The *host* (``main.py serve`` with
a sync key) receives survey definitions and delivery tokens, and hands out its
changes by the change sequence number of migration ``0003_sync``; the
*desktop* publishes, pulls and applies. ``web/sync_api.py`` and
``web/sync_client.py`` carry these plain dicts over HTTPS; all the sync's SQL
is here.

Items of the change feed (``changes_since``), in ``seq`` order:

    {"kind": "response", "seq", "uid", "survey" (slug), "delivery" (token or None),
     "channel", "source", "language", "created_at", "completed_at", "updated_at",
     "answers": {qid: {"num", "text", "other"}}}
    {"kind": "delivery", "seq", "token", "opened_at", "answered_at"}
    {"kind": "unsubscribe", "seq", "token", "channel", "at"}

A response comes again whenever it changes (a later page, an edit), with all
its answers: the desktop upserts it by ``uid``, so pulling twice changes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from storage import surveys as survey_store
from storage.database import to_text, utc_now

MAX_PAGE = 1000
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
_UID = re.compile(r"^[0-9a-f]{32}$")


class SyncDataError(ValueError):
    """A payload that does not fit this workspace; the message says why in plain words."""


@contextlib.contextmanager
def writing(db: Database) -> Iterator[Database]:
    """One write transaction, taken at once (BEGIN IMMEDIATE).

    The web server's threads write to the same file; a transaction that read
    first and wrote later could be refused the write lock instead of waiting.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    else:
        db.conn.commit()


@contextlib.contextmanager
def _reading(db: Database) -> Iterator[Database]:
    """One read transaction: every query inside sees the same snapshot."""
    db.conn.execute("BEGIN")
    try:
        yield db
    finally:
        db.conn.rollback()


# --- the desktop's sync state -------------------------------------------------------


@dataclass(frozen=True)
class SyncState:
    """What a desktop remembers about its host between syncs (never the key).

    ``cursor`` is the host's change number up to which everything has been
    applied; ``published_deliveries`` the highest delivery id the host has;
    ``survey_digests`` a digest of each survey as last published, by slug.
    ``host_id`` names the host's workspace: a different one starts afresh.
    """

    host_url: str = ""
    host_id: str = ""
    cursor: int = 0
    published_deliveries: int = 0
    survey_digests: dict[str, str] = field(default_factory=dict)
    last_attempt_at: str = ""
    last_success_at: str = ""
    last_error: str = ""
    last_result: dict[str, int] = field(default_factory=dict)
    host_protocol: str = ""
    host_version: str = ""


_STATE_FIELDS = {f.name for f in fields(SyncState)}
_STATE_PREFIX = "desktop."
_INSTANCE_KEY = "instance_id"


def load_state(db: Database) -> SyncState:
    values: dict[str, Any] = {}
    for row in db.query(
        "SELECT key, value FROM sync_state WHERE key LIKE ?", [_STATE_PREFIX + "%"]
    ):
        name = row["key"][len(_STATE_PREFIX) :]
        if name in _STATE_FIELDS:
            values[name] = json.loads(row["value"])
    return replace(SyncState(), **values)


def save_state(db: Database, **changes: Any) -> SyncState:
    """Store the given fields of SyncState; inside the caller's transaction if one is open."""
    unknown = set(changes) - _STATE_FIELDS
    if unknown:
        raise KeyError(f"unknown sync state: {', '.join(sorted(unknown))}")
    with db.atomic():
        for name, value in changes.items():
            db.execute(
                "INSERT INTO sync_state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [_STATE_PREFIX + name, json.dumps(value, ensure_ascii=False)],
            )
    return load_state(db)


def set_host_url(db: Database, url: str) -> SyncState:
    """Point the desktop at another host (or none): it starts afresh with that one."""
    current = load_state(db)
    if url == current.host_url:
        return current
    return save_state(
        db,
        host_url=url,
        host_id="",
        cursor=0,
        published_deliveries=0,
        survey_digests={},
        last_error="",
        last_result={},
        last_success_at="",
        host_protocol="",
        host_version="",
    )


def start_over_with(db: Database, host_id: str) -> SyncState:
    """A host the desktop has not synced with (or that lost its data): publish and pull all."""
    return save_state(db, host_id=host_id, cursor=0, published_deliveries=0, survey_digests={})


# --- the host's side ----------------------------------------------------------------


def instance_id(db: Database) -> str:
    """This workspace's id as a host: random, made on first use, kept in the file."""
    rows = list(db.query("SELECT value FROM sync_state WHERE key = ?", [_INSTANCE_KEY]))
    if rows:
        return str(json.loads(rows[0]["value"]))
    made = uuid.uuid4().hex
    db.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
        [_INSTANCE_KEY, json.dumps(made)],
    )
    rows = list(db.query("SELECT value FROM sync_state WHERE key = ?", [_INSTANCE_KEY]))
    return str(json.loads(rows[0]["value"]))


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
    questions = [_question_row(q, row["slug"]) for q in _list(payload, "questions")]
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
    names = ["position", "type", "text", "required", "low_label", "high_label", "config"]
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


def add_deliveries(db: Database, items: Sequence[Mapping[str, Any]]) -> int:
    """Store published delivery tokens (token, survey slug, channel); returns how many are new.

    A token the host has already is left as it is, so publishing twice is harmless.
    """
    rows = []
    for item in items:
        token = _text(item, "token")
        if not _TOKEN.match(token):
            raise SyncDataError("a delivery token has the wrong shape")
        rows.append((token, _text(item, "survey"), _text(item, "channel")))
    added = 0
    with writing(db):
        ids = {
            row["slug"]: row["id"]
            for row in db.query("SELECT id, slug FROM surveys")
            if row["slug"] in {slug for _, slug, _ in rows}
        }
        now = to_text(utc_now())
        for token, slug, channel in rows:
            if slug not in ids:
                raise SyncDataError(f"a delivery names survey {slug}, which the host does not have")
            cursor = db.execute(
                "INSERT INTO deliveries (survey_id, channel, token, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (token) DO NOTHING",
                [ids[slug], channel, token, now],
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


@dataclass(frozen=True)
class ChangesPage:
    """One page of the change feed: its items, the cursor after them, and whether more wait."""

    items: list[dict[str, Any]]
    next: int
    more: bool


def changes_since(db: Database, since: int, limit: int) -> ChangesPage:
    """The changes numbered above ``since``, oldest first, at most ``limit`` of them."""
    limit = max(1, min(limit, MAX_PAGE))
    with _reading(db):
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
        found = {
            **{("response", k): v for k, v in _responses(db, refs["response"]).items()},
            **{("delivery", k): v for k, v in _deliveries(db, refs["delivery"]).items()},
            **{("unsubscribe", k): v for k, v in _unsubscribes(db, refs["unsubscribe"]).items()},
        }
    items = [found[(kind, ref)] for _, kind, ref in heads]
    return ChangesPage(items, heads[-1][0] if heads else since, more)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def _responses(db: Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    items: dict[int, dict[str, Any]] = {}
    for row in db.query(
        "SELECT r.id, r.uid, r.seq, s.slug, d.token, r.channel, r.source, r.language,"
        " r.created_at, r.completed_at, r.updated_at FROM responses r"
        " JOIN surveys s ON s.id = r.survey_id LEFT JOIN deliveries d ON d.id = r.delivery_id"
        f" WHERE r.id IN ({_marks(ids)})",
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
        }
    for row in db.query(
        "SELECT a.response_id, q.qid, a.value_num, a.value_text, a.value_other FROM answers a"
        f" JOIN questions q ON q.id = a.question_id WHERE a.response_id IN ({_marks(ids)})",
        ids,
    ):
        items[row["response_id"]]["answers"][row["qid"]] = {
            "num": row["value_num"],
            "text": row["value_text"],
            "other": row["value_other"],
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
            f" WHERE id IN ({_marks(ids)})",
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
            f" WHERE seq IN ({_marks(seqs)})",
            seqs,
        )
    }


# --- the desktop's side -------------------------------------------------------------


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


def digest(payload: Mapping[str, Any]) -> str:
    """A short fingerprint of a payload: a survey is published again only when it changes."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def deliveries_after(db: Database, after_id: int, limit: int) -> list[tuple[int, dict[str, str]]]:
    """Deliveries with an id above ``after_id``, oldest first: (id, token, survey, channel).

    Never the contact: the host does not hold personal data.
    """
    return [
        (row["id"], {"token": row["token"], "survey": row["slug"], "channel": row["channel"]})
        for row in db.query(
            "SELECT d.id, d.token, d.channel, s.slug FROM deliveries d"
            " JOIN surveys s ON s.id = d.survey_id WHERE d.id > ? ORDER BY d.id LIMIT ?",
            [after_id, limit],
        )
    ]


@dataclass
class Applied:
    """What one page of pulled changes did on the desktop."""

    new: int = 0
    updated: int = 0
    deliveries: int = 0
    unsubscribes: int = 0
    skipped: int = 0
    survey_ids: set[int] = field(default_factory=set)

    def add(self, other: Applied) -> None:
        self.new += other.new
        self.updated += other.updated
        self.deliveries += other.deliveries
        self.unsubscribes += other.unsubscribes
        self.skipped += other.skipped
        self.survey_ids |= other.survey_ids


def apply_changes(
    db: Database,
    items: Sequence[Mapping[str, Any]],
    *,
    next_cursor: int,
    opt_out: Any = None,
) -> Applied:
    """Apply one page of the host's changes and move the cursor, in one transaction.

    Either the whole page and its cursor are stored or nothing is: a sync cut
    short resumes after the last page stored, and an item seen twice changes
    nothing the second time. ``opt_out(db, contact_id, channel)`` records an
    unsubscribe against the contact; responses to surveys this desktop does not
    have are counted as skipped.
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
                _apply_unsubscribe(db, item, applied, opt_out)
            else:
                raise SyncDataError(f"the host sent a change of an unknown kind ({kind!r})")
        save_state(db, cursor=next_cursor)
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
    uid = _text(item, "uid")
    if not _UID.match(uid):
        raise SyncDataError("the host sent a response without a proper id")
    survey = _survey_of(db, _text(item, "survey"), surveys)
    if survey is None:
        applied.skipped += 1
        return
    survey_id, anonymous, question_ids = survey
    values = {
        "channel": _text(item, "channel"),
        "source": _text(item, "source", optional=True),
        "language": _text(item, "language"),
        "created_at": _text(item, "created_at"),
        "completed_at": _text(item, "completed_at", optional=True),
        "updated_at": _text(item, "updated_at"),
    }
    token = _text(item, "delivery", optional=True)
    delivery = None
    if token is not None:
        found = db.execute(
            "SELECT id FROM deliveries WHERE token = ? AND survey_id = ?", [token, survey_id]
        ).fetchone()
        delivery = found[0] if found else None
    existing = db.execute("SELECT id FROM responses WHERE uid = ?", [uid]).fetchone()
    if existing is None:
        cursor = db.execute(
            "INSERT INTO responses (uid, survey_id, delivery_id, channel, source, language,"
            " created_at, completed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [uid, survey_id, None if anonymous else delivery, *values.values()],
        )
        response_id = cursor.lastrowid
        applied.new += 1
    else:
        response_id = existing[0]
        db.execute(
            f"UPDATE responses SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
            [*values.values(), response_id],
        )
        applied.updated += 1
    if delivery is not None:
        db.execute(
            "UPDATE deliveries SET answered_at = coalesce(answered_at, ?), status = 'answered'"
            " WHERE id = ?",
            [values["created_at"], delivery],
        )
    answers = item.get("answers")
    if not isinstance(answers, dict):
        raise SyncDataError("the host sent a response without its answers")
    rows = []
    for qid, answer in answers.items():
        if qid not in question_ids:
            continue  # a question this desktop no longer has: nothing to attach it to
        if not isinstance(answer, dict):
            raise SyncDataError("the host sent an answer of the wrong shape")
        number = answer.get("num")
        if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
            raise SyncDataError("the host sent an answer of the wrong shape")
        rows.append(
            (
                response_id,
                question_ids[qid],
                number,
                _text(answer, "text", optional=True),
                _text(answer, "other", optional=True),
            )
        )
    kept = [row[1] for row in rows]
    db.execute(
        f"DELETE FROM answers WHERE response_id = ? AND question_id NOT IN ({_marks(kept)})",
        [response_id, *kept],
    )
    db.conn.executemany(
        "INSERT INTO answers (response_id, question_id, value_num, value_text, value_other)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id, question_id) DO UPDATE SET"
        " value_num = excluded.value_num, value_text = excluded.value_text,"
        " value_other = excluded.value_other"
        " WHERE value_num IS NOT excluded.value_num OR value_text IS NOT excluded.value_text"
        " OR value_other IS NOT excluded.value_other",
        rows,
    )
    applied.survey_ids.add(survey_id)


def _apply_delivery(db: Database, item: Mapping[str, Any], applied: Applied) -> None:
    opened = _text(item, "opened_at", optional=True)
    answered = _text(item, "answered_at", optional=True)
    cursor = db.execute(
        "UPDATE deliveries SET opened_at = coalesce(opened_at, ?),"
        " answered_at = coalesce(answered_at, ?),"
        " status = CASE WHEN ? IS NOT NULL THEN 'answered' ELSE status END"
        " WHERE token = ? AND (opened_at IS NULL AND ? IS NOT NULL"
        " OR answered_at IS NULL AND ? IS NOT NULL)",
        [opened, answered, answered, _text(item, "token"), opened, answered],
    )
    applied.deliveries += cursor.rowcount


def _apply_unsubscribe(
    db: Database, item: Mapping[str, Any], applied: Applied, opt_out: Any
) -> None:
    token, channel = _text(item, "token"), _text(item, "channel")
    row = db.execute("SELECT contact_id FROM deliveries WHERE token = ?", [token]).fetchone()
    if row is None or row[0] is None:
        return  # the contact has been deleted meanwhile: nobody left to opt out
    if opt_out is not None:
        opt_out(db, row[0], channel)
    # Kept here too, so the desktop shows where the unsubscribe came from.
    db.execute(
        "INSERT INTO sync_unsubscribes (token, channel, created_at) VALUES (?, ?, ?)"
        " ON CONFLICT (token, channel) DO NOTHING",
        [token, channel, _text(item, "at")],
    )
    applied.unsubscribes += 1


# --- checking payloads --------------------------------------------------------------


def _text(item: Mapping[str, Any], key: str, *, optional: bool = False) -> Any:
    value = item.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or (not optional and not value):
        raise SyncDataError(f"{key} is missing or not text")
    return value


def _list(item: Mapping[str, Any], key: str) -> list[Any]:
    value = item.get(key)
    if not isinstance(value, list):
        raise SyncDataError(f"{key} is missing or not a list")
    return value


def _json(item: Mapping[str, Any], key: str, kind: type) -> str:
    value = item.get(key)
    if not isinstance(value, kind):
        raise SyncDataError(f"{key} is missing or of the wrong type")
    return json.dumps(value, ensure_ascii=False)


def _survey_row(payload: Mapping[str, Any]) -> dict[str, Any]:
    slug = _text(payload, "slug")
    if not _TOKEN.match(slug):
        raise SyncDataError("a survey's link name has the wrong shape")
    status = _text(payload, "status")
    if status not in ("draft", "open", "closed"):
        raise SyncDataError(f"survey {slug} has an unknown status")
    kind = _text(payload, "kind")
    if kind not in ("nps", "csat", "ces", "custom"):
        raise SyncDataError(f"survey {slug} is of an unknown kind")
    anonymous = payload.get("anonymous")
    if not isinstance(anonymous, bool):
        raise SyncDataError(f"survey {slug}: anonymous must be true or false")
    return {
        "slug": slug,
        "kind": kind,
        "status": status,
        "title": _json(payload, "title", dict),
        "languages": _json(payload, "languages", list),
        "anonymous": int(anonymous),
        "closes_at": _text(payload, "closes_at", optional=True),
        "options": _json(payload, "options", dict),
        "created_at": _text(payload, "created_at"),
        "updated_at": _text(payload, "updated_at"),
        "opened_at": _text(payload, "opened_at", optional=True),
        "closed_at": _text(payload, "closed_at", optional=True),
    }


def _question_row(question: Any, slug: str) -> dict[str, Any]:
    if not isinstance(question, dict):
        raise SyncDataError(f"survey {slug} has a question of the wrong shape")
    position, required = question.get("position"), question.get("required")
    if isinstance(position, bool) or not isinstance(position, int):
        raise SyncDataError(f"survey {slug}: a question's position must be a number")
    if not isinstance(required, bool):
        raise SyncDataError(f"survey {slug}: required must be true or false")
    return {
        "qid": _text(question, "qid"),
        "position": position,
        "type": _text(question, "type"),
        "text": _json(question, "text", dict),
        "required": int(required),
        "low_label": _json(question, "low_label", dict),
        "high_label": _json(question, "high_label", dict),
        "config": _json(question, "config", dict),
    }
