"""``digest send``: the owners' weekly digest, now, from the command line.

Writes the current period's digest to the outbox for each owner (as the
schedule would at the digest time, whatever the day) and sends it through the
email server in the settings; the period is claimed, so the schedule does not
send it again. ``--dry-run`` prints who would get it and its text, and writes
nothing. Takes the workspace's lock: the desktop or ``serve`` must not run on it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from channels.digest import build, owner_language, queue_now
from channels.digest_render import text
from commands.errors import CommandError
from commands.serve import read_secrets_passphrase
from storage import outbox as outbox_store
from storage import settings as settings_store
from storage.database import utc_now
from storage.workspace import Workspace
from surveys.digest_period import period_at
from surveys.times import zone_named

_WHY_NOT = {
    "no_recipient": "No owner has an email address (Settings ▸ Acting on answers): nothing sent.",
    "no_server": "No email server is set up (Settings ▸ Messages): nothing sent.",
}


def run(
    workspace: Workspace,
    out: TextIO,
    *,
    dry_run: bool = False,
    clock: Callable[[], datetime] = utc_now,
) -> int:
    db = workspace.db()
    settings = settings_store.load(db)
    language = settings.language if settings.language in ("ja", "en") else "ja"
    now = clock()
    if dry_run:
        period = period_at(
            now, settings.digest_weekday, settings.digest_hour, zone_named(settings.time_zone)
        )
        digest = build(db, settings, period)
        owners = settings.digest_owners()
        if not owners:
            raise CommandError(_WHY_NOT["no_recipient"].replace("nothing sent", "none would go"))
        for name, address in owners:
            out.write(f"To: {name} <{address}>\n\n")
            out.write(text(digest, owner_language(settings, name, language)) + "\n")
        return 0
    outcome = queue_now(db, settings, now, language)
    if outcome.outcome == "already":
        raise CommandError(f"The digest of the period from {outcome.period} went already.")
    if outcome.outcome in _WHY_NOT:
        raise CommandError(_WHY_NOT[outcome.outcome])
    _send(workspace)
    failed = []
    for outbox_id in outcome.outbox_ids:
        row = outbox_store.get(db, outbox_id)
        if row is None or row.status != outbox_store.SENT:
            failed.append(f"{row.recipient if row else outbox_id}: {row.error if row else '?'}")
    if failed:
        raise CommandError(
            "The digest is in the outbox but did not go to "
            + "; ".join(failed)
            + " (the sender retries it)."
        )
    out.write(
        f"Sent the digest of the period from {outcome.period} to "
        f"{len(outcome.outbox_ids)} owner(s).\n"
    )
    return 0


def _send(workspace: Workspace) -> None:
    """Send the outbox now through the channels the settings and secrets allow."""
    from channels.outbox import Dispatcher
    from channels.sender import configured_channels
    from storage.secrets import SecretsError, open_store

    try:
        store = open_store(workspace.folder, read_secrets_passphrase(None))
    except SecretsError:
        store = None  # a server without a login needs no secret

    def secret(name: str) -> str | None:
        try:
            return store.get(name) if store is not None else None
        except SecretsError:
            return None

    channels = configured_channels(settings_store.load(workspace.db()), secret)
    if "email" not in channels:
        raise CommandError(
            "The email server's password is not available here (keyring or secrets file):"
            " the digest waits in the outbox for the desktop's sender."
        )
    Dispatcher(workspace.db_path, {"email": channels["email"]}).run_until_idle(timeout=120)
