"""The log file in the workspace folder: details for support, never shown raw to users."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "koe.log"


def configure(log_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send Koe's log records to ``log_dir/koe.log`` (rotated at 1 MB, five kept)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "koe_workspace_log", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.koe_workspace_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
