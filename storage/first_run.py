"""The set-up assistant's side of the workspace: when it is due, and what it stores.

The assistant is due on an empty workspace only: no business name, no survey, no
contact, and the assistant never finished nor skipped. An older workspace with
data, or the demo, never sees it at start; Settings ▸ Set-up assistant… opens it
whenever the owner asks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from storage import comments
from storage import settings as settings_store
from storage.database import writing
from storage.schema import _DEFAULT_TAGS as FIRST_TAGS  # the set migration 0009 put in
from storage.settings import Settings
from surveys.tags import TAG_SETS


def is_due(db: Database) -> bool:
    """Whether the assistant should open at start: an empty workspace that never saw it."""
    current = settings_store.load(db)
    if current.setup_done or current.business_name.strip():
        return False
    return not any(
        db.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
        for table in ("surveys", "contacts")
    )


def skip(db: Database) -> Settings:
    """Skipped: nothing changes but that the assistant is not due again."""
    return settings_store.save(db, setup_done=True)


def finish(db: Database, kind: str, **changes: Any) -> tuple[Settings, bool]:
    """Store the assistant's answers (settings by name) in one transaction.

    The comment tags become the set that fits ``kind`` while the workspace still
    has one of the built-in sets; lists the owner has edited are theirs and stay.
    Returns the settings and whether the tags were replaced.
    """
    with writing(db):
        replaced = False
        wanted = _lists(TAG_SETS[kind]) if kind in TAG_SETS else None
        if wanted is not None:
            current = comments.keywords(db)
            if current != wanted and _is_built_in(current):
                comments.set_keywords(db, wanted)
                replaced = True
        saved = settings_store.save(db, business_kind=kind, setup_done=True, **changes)
    return saved, replaced


def _lists(lists: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    return {tag: list(words) for tag, words in lists.items()}


def _is_built_in(current: dict[str, list[str]]) -> bool:
    return current in (_lists(FIRST_TAGS), *(_lists(lists) for lists in TAG_SETS.values()))
