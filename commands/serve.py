"""``serve``: the respondent site without a window, for a public host or a shop's PC."""

from __future__ import annotations

import logging

from commands.errors import CommandError
from storage import settings as settings_store
from storage.workspace import Workspace
from web.app import create_app
from web.server import ServerError, serve_forever

log = logging.getLogger(__name__)


def run(workspace: Workspace, host: str, port: int | None, public_url: str | None) -> int:
    db = workspace.db()
    if public_url is not None:
        # Links printed by `surveys list` and sent later are built on this address.
        settings_store.save(db, public_url=public_url.rstrip("/"))
    settings = settings_store.load(db)
    chosen_port = port if port is not None else settings.port
    base = settings.public_url or f"http://{host}:{chosen_port}"
    print(
        f"Koe is serving {workspace.folder} on http://{host}:{chosen_port} "
        f"(links use {base}); press Ctrl+C to stop",
        flush=True,
    )
    log.info("serving on %s:%s", host, chosen_port)
    try:
        serve_forever(create_app(workspace), host, chosen_port)
    except ServerError as error:
        raise CommandError(str(error)) from error
    return 0
