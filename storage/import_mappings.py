"""Column mappings remembered for the next file with the same header.

A shop exports from the same tool every month: the mapping the owner checked
(or corrected) for one file is offered again for the next one with the same
columns. The key is a digest of the header as ``contacts.columns``
folds it; what a mapping means is the engine's business, not this module's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlite_utils import Database

from storage.database import to_text, utc_now, writing


def remember(db: Database, key: str, header: Sequence[str], mapping: Sequence[str]) -> None:
    with writing(db):
        db.execute(
            "INSERT INTO import_mappings (header_key, header, mapping, used_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (header_key) DO UPDATE SET header = excluded.header,"
            " mapping = excluded.mapping, used_at = excluded.used_at",
            [
                key,
                json.dumps(list(header), ensure_ascii=False),
                json.dumps(list(mapping)),
                to_text(utc_now()),
            ],
        )


def recall(db: Database, key: str) -> list[str] | None:
    """The mapping remembered for the header with this key, or None."""
    row = db.execute("SELECT mapping FROM import_mappings WHERE header_key = ?", [key]).fetchone()
    if row is None:
        return None
    try:
        mapping = json.loads(row[0])
    except ValueError:
        return None
    if not isinstance(mapping, list) or not all(isinstance(m, str) for m in mapping):
        return None
    return mapping
