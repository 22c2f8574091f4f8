"""Sync between a desktop and its public host: what both sides share.

The same workspace code runs on both sides. The *host* (``main.py serve`` with
a sync key) takes survey definitions and delivery tokens and hands out its
changes by the change sequence number of migration ``0003_sync``
(``storage.sync_host``); the *desktop* publishes, pulls and applies them
(``storage.sync_desktop``) and remembers where it got to (``SyncState``, here).
``web/sync/api.py`` and ``web/sync/client.py`` carry the plain dicts of these
modules over HTTPS; all the sync's SQL is in them.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from sqlite_utils import Database

from storage import settings as settings_store
from storage.database import writing
from storage.settings import Settings

MAX_PAGE = 1000
# How deep a payload's JSON may nest: a survey is four levels deep, and a
# limit far below Python's recursion limit keeps every later step shallow.
MAX_DEPTH = 32
_INT64 = 2**63
# What the respondent pages show of the business: published with the surveys,
# so the host's pages name the business and thank as the desktop says.
SITE_SETTINGS = (
    "business_name",
    "privacy_url",
    "follow_up_detractors",
    "referral_url",
    "review_url",
    "brand_colour",
)
# The score kinds whose alert threshold the desktop publishes with the alerts.
ALERT_SETTINGS = ("nps", "csat", "ces")
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
# A response's uid: the same on the host and the desktop.
UID_SHAPE = re.compile(r"^[0-9a-f]{32}$")


class SyncDataError(ValueError):
    """A payload that does not fit this workspace; the message says why in plain words."""


# --- the workspace's own id ------------------------------------------------------------

_INSTANCE_KEY = "instance_id"


def instance_id(db: Database) -> str:
    """This workspace's id: random, made on first use, kept in the file.

    A host gives it to its desktop as ``host_id``; a desktop names itself by
    it to its host. A restore gives the workspace a new one (new_instance_id).
    """
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


def new_instance_id(db: Database) -> str:
    """Give the workspace a new id: after a restore its changes are no longer the ones
    a desktop pulled (the change numbers went back), so the desktop must start afresh."""
    with writing(db):
        db.execute("DELETE FROM sync_state WHERE key = ?", [_INSTANCE_KEY])
        return instance_id(db)


# --- the desktop's sync state -------------------------------------------------------


@dataclass(frozen=True)
class SyncState:
    """What a desktop remembers about its host between syncs (never the key).

    ``cursor`` is the host's change number up to which everything has been
    applied; ``published_deliveries`` the highest delivery id the host has;
    ``survey_digests`` a digest of each survey as last published, by slug, and
    ``site_digest`` one of the site settings (SITE_SETTINGS).
    ``host_id`` names the host's workspace: a different one starts afresh.
    ``host_checkpoint`` is the host's answer to the last step of a sync that
    this desktop stored; a host that no longer knows it has gone back (its
    file was restored) and the desktop starts afresh (storage.sync_host).
    ``host_alert_email`` is whether the host can email the owners' alerts.
    """

    host_url: str = ""
    host_id: str = ""
    cursor: int = 0
    published_deliveries: int = 0
    survey_digests: dict[str, str] = field(default_factory=dict)
    site_digest: str = ""
    last_attempt_at: str = ""
    last_success_at: str = ""
    last_error: str = ""
    last_result: dict[str, int] = field(default_factory=dict)
    last_error_kind: str = ""
    host_protocol: str = ""
    host_checkpoint: str = ""
    last_error_cause: str = ""  # narrows last_error_kind down (web.sync.errors.SyncError)
    host_alert_email: str = ""  # the host's email server for alerts: ready | none | locked


_STATE_FIELDS = {f.name for f in fields(SyncState)}
_STATE_PREFIX = "desktop."


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
    with writing(db):
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
        site_digest="",
        last_error="",
        last_result={},
        last_success_at="",
        last_error_kind="",
        last_error_cause="",
        host_protocol="",
        host_checkpoint="",
        host_alert_email="",
    )


def connect_host(db: Database, url: str) -> tuple[SyncState, Settings]:
    """Sync with the host at ``url`` from now on, and build every link on its address.

    One transaction: the public address is the host's (DESIGN.md, "Reach": the
    desktop learns it from the host it verified, not from a second setting).
    """
    with writing(db):
        state = set_host_url(db, url)
        settings = settings_store.save(db, public_url=url)
    return state, settings


def disconnect_host(db: Database) -> tuple[SyncState, Settings]:
    """Stop syncing, and clear the public address when it was the host's."""
    with writing(db):
        url = load_state(db).host_url
        state = set_host_url(db, "")
        settings = settings_store.load(db)
        if url and settings.public_url.rstrip("/") == url:
            settings = settings_store.save(db, public_url="")
    return state, settings


def start_over_with(db: Database, host_id: str) -> SyncState:
    """A host the desktop has not synced with (or that lost its data): publish and pull all.

    Responses deleted here are named to it again: a host restored from a backup
    holds them again.
    """
    with writing(db):
        db.execute("UPDATE deleted_responses SET told_host = 0 WHERE told_host = 1")
        return save_state(
            db,
            host_id=host_id,
            cursor=0,
            published_deliveries=0,
            survey_digests={},
            site_digest="",
            host_checkpoint="",
        )


# --- checking payloads --------------------------------------------------------------


def loads(raw: bytes) -> Any:
    """The JSON the other side sent, or SyncDataError when it is not JSON Koe can store.

    Refused besides broken JSON: nesting deeper than MAX_DEPTH (which would
    otherwise exhaust the parser's recursion), text that is not valid UTF-8
    (a lone surrogate written as an escape) and whole numbers that SQLite
    cannot hold (beyond 64 bits), so that no later step fails on them.
    """
    try:
        value = json.loads(raw)
    except RecursionError:
        raise SyncDataError(f"the JSON is nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as error:  # JSONDecodeError, bad UTF-8, a number of 4,300 digits
        raise SyncDataError(f"the request is not JSON ({error})") from None
    _check_plain(value)
    return value


def _check_plain(value: Any) -> None:
    # Iterative, so that checking cannot exhaust the recursion the parser was spared.
    waiting: list[tuple[Any, int]] = [(value, 0)]
    while waiting:
        item, depth = waiting.pop()
        if depth > MAX_DEPTH:
            raise SyncDataError(f"the JSON is nested more than {MAX_DEPTH} levels deep")
        if isinstance(item, dict):
            waiting.extend((key, depth + 1) for key in item)
            waiting.extend((inner, depth + 1) for inner in item.values())
        elif isinstance(item, list):
            waiting.extend((inner, depth + 1) for inner in item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise SyncDataError("the JSON holds text that is not valid Unicode") from None
        elif isinstance(item, int) and not -_INT64 <= item < _INT64:
            raise SyncDataError("the JSON holds a number too large to store")


def field_text(item: Mapping[str, Any], key: str, *, optional: bool = False) -> Any:
    value = item.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or (not optional and not value):
        raise SyncDataError(f"{key} is missing or not text")
    return value


def field_list(item: Mapping[str, Any], key: str) -> list[Any]:
    value = item.get(key)
    if not isinstance(value, list):
        raise SyncDataError(f"{key} is missing or not a list")
    return value


def field_json(item: Mapping[str, Any], key: str, kind: type) -> str:
    value = item.get(key)
    if not isinstance(value, kind):
        raise SyncDataError(f"{key} is missing or of the wrong type")
    return json.dumps(value, ensure_ascii=False)


def marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)
