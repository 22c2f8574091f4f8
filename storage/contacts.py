"""Contacts: the people a business sends surveys to."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlite_utils import Database

from storage.database import to_text, utc_now


def add(
    db: Database,
    *,
    name: str,
    phone: str | None = None,
    email: str | None = None,
    language: str | None = None,
    attributes: Mapping[str, str] | None = None,
) -> int:
    now = to_text(utc_now())
    cursor = db.execute(
        "INSERT INTO contacts (name, phone, email, language, attributes, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            name,
            phone,
            email,
            language,
            json.dumps(dict(attributes or {}), ensure_ascii=False),
            now,
            now,
        ],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def count(db: Database) -> int:
    return int(next(db.query("SELECT count(*) AS n FROM contacts"))["n"])
