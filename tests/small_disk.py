"""A real full disk for tests: a tiny tmpfs mounted in a private mount namespace.

``unshare --mount --map-root-user`` gives the child its own mount table (no
root needed where user namespaces are allowed); the tmpfs disappears with it,
so whatever must be looked at on that disk is looked at by the child.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_MOUNT_THEN_RUN = 'mount -t tmpfs -o size="$1" tmpfs "$2" && shift 2 && exec "$@"'


def run_on_small_disk(
    mount_point: Path, size_kb: int, *command: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with ``mount_point`` (an existing folder) a disk of ``size_kb`` KiB."""
    return subprocess.run(
        [
            "unshare",
            "--mount",
            "--map-root-user",
            "sh",
            "-c",
            _MOUNT_THEN_RUN,
            "sh",
            f"{size_kb}k",
            str(mount_point),
            *command,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def python_on_small_disk(
    mount_point: Path, size_kb: int, code: str, *args: str
) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` (with the repository importable) on that small disk."""
    return run_on_small_disk(mount_point, size_kb, sys.executable, "-c", code, *args)
