"""Small helpers for tests: free ports on 127.0.0.1, files as LibreOffice reads them,
an owner's edits of a contact, Koe's main.py with a setting changed first."""

from __future__ import annotations

import atexit
import csv
import shutil
import socket
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

from sqlite_utils import Database

from storage import contacts as contact_store


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def koe_after(setup: str) -> list[str]:
    """The command of the real ``main.py`` run once ``setup`` (Python) has run, before the
    command's own modules are imported: e.g. a deadline shortened for a test."""
    code = f"import sys; {setup}; from main import main; sys.exit(main(['main.py', *sys.argv[1:]]))"
    return [sys.executable, "-c", code]


@cache
def libreoffice_profile() -> str:
    """soffice's option for its profile folder: one for this test process. soffice builds
    a profile at its first start (~1.3 s) and later runs reuse it; each process has its
    own, so test processes running side by side never share LibreOffice's lock."""
    folder = Path(tempfile.mkdtemp(prefix="koe-libreoffice-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return f"-env:UserInstallation={folder.as_uri()}"


def libreoffice_csv(source: Path, work: Path) -> list[list[str]]:
    """``source`` (a CSV or .xlsx; an .xlsx's first sheet) as LibreOffice Calc reads it.

    soffice opens the file as a person would (a CSV as UTF-8, comma-separated,
    formulas evaluated) and saves what its cells show as CSV; a formula that ran
    reads back as its result (``=1+1`` as ``2``).
    """
    out = work / "libreoffice-out"
    out.mkdir(parents=True, exist_ok=True)
    command = [
        shutil.which("soffice") or "soffice",
        libreoffice_profile(),
        "--headless",
        "--norestore",
        # 44: comma, 34: double quote, 76: UTF-8, 1: from the first line.
        *(["--infilter=CSV:44,34,76,1"] if source.suffix == ".csv" else []),
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        "--outdir",
        str(out),
        str(source),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    converted = out / (source.stem + ".csv")
    with converted.open(newline="", encoding="utf-8") as stream:
        return list(csv.reader(stream))


def lift_opt_outs(db: Database, contact_id: int) -> None:
    """The owner opts a contact back in on every channel (they asked for surveys again)."""
    contact = contact_store.get(db, contact_id)
    contact_store.update(
        db,
        contact_id,
        name=contact.name,
        phone=contact.phone,
        phone_kind=contact.phone_kind,
        email=contact.email,
        language=contact.language,
        attributes=contact.attributes,
        opt_outs=[],
    )
