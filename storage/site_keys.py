"""The respondent site's own signing key, kept in the settings table.

It signs the anti-forgery tokens of the site's forms (web/csrf.py). It is
not a user secret (it guards no account and no data), so it lives with the
workspace rather than in the OS keyring; each workspace, the desktop's and
a public host's, makes its own on first use.
"""

from __future__ import annotations

import json
import secrets

from sqlite_utils import Database

FORM_KEY = "site.form_key"  # not a Settings field: Settings.load ignores it
KEY_BYTES = 32


def form_key(db: Database) -> bytes:
    """The workspace's form-signing key, made on first use."""
    key = _read(db)
    if key is None:
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
            [FORM_KEY, json.dumps(secrets.token_hex(KEY_BYTES))],
        )
        key = _read(db)
    assert key is not None
    return key


def _read(db: Database) -> bytes | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [FORM_KEY]).fetchone()
    return bytes.fromhex(json.loads(row[0])) if row else None
