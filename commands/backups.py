"""``backups restore``: put a backup in place of the workspace file.

The way back when the workspace file is damaged, empty or gone, where the
desktop's Settings ▸ Backups cannot open it (and on a headless host, which has
no Settings at all). A whole workspace is restored as Settings does: after a
backup of its present state.
"""

from __future__ import annotations

from pathlib import Path

from storage.workspace import restore_backup


def run_restore(folder: Path, backup: Path | None) -> int:
    restored = restore_backup(folder, backup)
    kept = f"; the file it replaced is kept as {restored.kept}" if restored.kept else ""
    print(f"Restored {restored.backup} into {folder}{kept}.")
    return 0
