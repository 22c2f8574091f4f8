"""Koe's tests.

Hundreds of tests start Koe in a process of its own (``main.py serve``, ``sync``,
``export``…). Where ``PYTHONDONTWRITEBYTECODE`` is set (these machines set it) each
of them would compile every module from source again, ~2 s a process. So the test
session keeps compiled bytecode in ``.pytest_cache/pycache`` (gitignored; or where
``PYTHONPYCACHEPREFIX`` says), never beside the sources, and the processes it starts
read it there. This runs when pytest first imports the package, before any of
Koe's modules is loaded.
"""

import os
import sys
from pathlib import Path

PYCACHE = os.environ.setdefault(
    "PYTHONPYCACHEPREFIX", str(Path(__file__).resolve().parents[1] / ".pytest_cache" / "pycache")
)
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.pycache_prefix = PYCACHE
sys.dont_write_bytecode = False
