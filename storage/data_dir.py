"""Where the workspace lives when nobody says: kept apart from ``storage.workspace`` so
that the desktop app finds its folder without loading SQLite first (it opens the
workspace on a thread, after its window shows)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "KOE_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else $KOE_DATA_DIR, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR]).expanduser()
    return Path(platformdirs.user_data_dir("Koe", appauthor=False))
