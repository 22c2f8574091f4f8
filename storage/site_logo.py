"""The shop's logo in the workspace (table ``site_logo``): one row, or none.

A logo is stored already checked and resized (storage.logo_files), so the
respondent site serves the bytes as they are. Its address carries a hash of its
content, so browsers may keep it for a year; a small one is inlined instead.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from sqlite_utils import Database

from storage.database import to_text, utc_now, writing
from storage.logo_files import PreparedLogo

# A logo up to this size goes inside the page as a data: address (no second request);
# a larger one is a separate, long-cached file, so the page itself stays small.
INLINE_LIMIT = 3 * 1024
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/svg+xml": "svg"}


@dataclass(frozen=True)
class Logo:
    """The stored logo: content, media type and size in pixels (twice its display size)."""

    content: bytes
    media_type: str
    width: int
    height: int

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.content).hexdigest()[:16]

    @property
    def file_name(self) -> str:
        """``logo-<hash>.<ext>``: the name the site serves it under, in /static/."""
        return f"logo-{self.digest}.{_EXTENSIONS[self.media_type]}"

    @property
    def address(self) -> str:
        """Where the page finds it: a data: address when small, else its hashed file."""
        if len(self.content) <= INLINE_LIMIT:
            encoded = base64.b64encode(self.content).decode("ascii")
            return f"data:{self.media_type};base64,{encoded}"
        return f"/static/{self.file_name}"


def save(db: Database, logo: PreparedLogo) -> Logo:
    """Store ``logo`` in place of the one before."""
    with writing(db):
        db.execute(
            "INSERT INTO site_logo (id, content, media_type, width, height, updated_at)"
            " VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET content = excluded.content,"
            " media_type = excluded.media_type, width = excluded.width,"
            " height = excluded.height, updated_at = excluded.updated_at",
            [logo.content, logo.media_type, logo.width, logo.height, to_text(utc_now())],
        )
    stored = load(db)
    assert stored is not None
    return stored


def load(db: Database) -> Logo | None:
    """The stored logo, or None when the shop has none."""
    row = db.execute(
        "SELECT content, media_type, width, height FROM site_logo WHERE id = 1"
    ).fetchone()
    if row is None or row[1] not in _EXTENSIONS:
        return None
    return Logo(bytes(row[0]), row[1], int(row[2]), int(row[3]))


def remove(db: Database) -> None:
    """The shop has no logo any more."""
    with writing(db):
        db.execute("DELETE FROM site_logo")
