"""``sync``: one sync of a workspace with its public host, without a window.

The same sync the desktop app runs every few minutes (web.sync.client). The key
comes from ``--key-file``, else ``$KOE_SYNC_KEY``, else the OS keyring where the
app keeps it; the host's address from ``--host`` (then remembered), else the
one last used.
"""

from __future__ import annotations

import os
from pathlib import Path

from commands.errors import CommandError
from commands.serve import ENV_SYNC_KEY
from storage import settings as settings_store
from storage import sync as sync_store
from storage.workspace import Workspace
from web.sync.client import DEFAULT_PAGE, load_key, sync_workspace
from web.sync.errors import SyncError
from web.sync.host import normalize_host_url


def _key(url: str, key_file: Path | None) -> str:
    if key_file is not None:
        try:
            return key_file.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise CommandError(f"Cannot read the sync key file {key_file}: {error}") from None
    if os.environ.get(ENV_SYNC_KEY):
        return os.environ[ENV_SYNC_KEY].strip()
    try:
        key = load_key(url)
    except SyncError as error:
        raise CommandError(f"{error} Or give --key-file FILE.") from None
    if not key:
        raise CommandError(
            f"No sync key for {url}: save it in the app (Settings → Public host) "
            f"or give --key-file FILE."
        )
    return key


def _language(chosen: str) -> str:
    """The owners' language (alerts from the host): the app's, else this machine's locale."""
    if chosen in ("ja", "en"):
        return chosen
    name = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG")
    return "ja" if (name or "").lower().startswith("ja") else "en"


def run(
    workspace: Workspace,
    host: str | None,
    key_file: Path | None,
    ca_file: Path | None,
    page_size: int = DEFAULT_PAGE,
) -> int:
    db = workspace.db()
    url = host or sync_store.load_state(db).host_url
    if not url:
        raise CommandError("No host to sync with: give --host https://survey.example.com.")
    try:
        url = normalize_host_url(url)
        report = sync_workspace(
            db,
            url,
            _key(url, key_file),
            ca_file=ca_file,
            page_size=page_size,
            language=_language(settings_store.load(db).language),
        )
    except SyncError as error:
        raise CommandError(str(error)) from None
    print(report.summary(), flush=True)
    return 0
