"""Workspace files damaged the ways disks and people damage them, for tests.

Each helper works on a closed workspace (its pages all in ``koe.sqlite3``, no
write-ahead log) and changes the file exactly as named.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

DAMAGE_KINDS = ("empty", "cut_short", "flipped_bytes", "not_sqlite", "folder")


def digest(path: Path) -> str:
    """The file's SHA-256, or the folder's listing when it is one: "untouched" is checkable."""
    if path.is_dir():
        return "folder:" + ",".join(sorted(p.name for p in path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def flip_table_page(path: Path, table: str = "responses") -> int:
    """Invert the first 16 bytes (the b-tree page header) of ``table``'s root page; returns
    the page number. Pages of other tables still read, so only a full check notices."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
    finally:
        conn.close()
    page = int(root[0])
    data = bytearray(path.read_bytes())
    start = (page - 1) * page_size
    for i in range(start, start + 16):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return page


def damage(path: Path, kind: str) -> None:
    """Damage the workspace file at ``path`` in one of DAMAGE_KINDS."""
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "cut_short":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2 + 100])
    elif kind == "flipped_bytes":
        flip_table_page(path)
    elif kind == "not_sqlite":
        path.write_bytes(b"name,phone\nSato,090-1234-5678\n" * 100)
    elif kind == "folder":
        path.unlink()
        path.mkdir()
        (path / "note.txt").write_text("a folder where the workspace file should be")
    else:
        raise ValueError(kind)


def copy_workspace(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
