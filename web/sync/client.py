"""The desktop's side of the sync: publish to the public host, pull its changes (httpx).

One ``sync`` call: ask the host's status (its id, protocol version and newest
change number, and whether it still holds the checkpoint it handed this
desktop last: a host whose file went back does not, see
storage.sync_host.knows_checkpoint); when it is another host, or one that went
back, start afresh; publish what the pages show of the business, the surveys that
changed since they were last published and the delivery tokens the host does
not have yet (never contacts);
then pull every change after the saved cursor, page by page, each page
applied and its cursor saved in one transaction (storage.sync_desktop). A
sync cut short anywhere resumes where it stopped the next time; nothing is
lost or counted twice. Qt-free: the desktop runs it on a background thread
(ui/sync_service.py), ``main.py sync`` in the foreground.

The key lives in the OS keyring (service "Koe", user name the host's address);
nothing here writes it anywhere else or logs it. The requests themselves are
web.sync.host's, their failures in words web.sync.errors', and the check of a
host before connecting to it web.sync.check's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import keyring.errors
from sqlite_utils import Database

from storage import sync as sync_store
from storage import sync_desktop
from storage.database import to_text, utc_now
from storage.sync import SyncDataError
from web.sync.errors import SyncError
from web.sync.host import HostClient, HostStatus
from web.sync.protocol import DELETES_RESPONSES, PROTOCOL_VERSION, up_to_date

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Koe"
DEFAULT_PAGE = 200
DELIVERY_BATCH = 200
DELETION_BATCH = 500


@dataclass
class SyncReport:
    """What one sync did."""

    host: HostStatus
    published_surveys: int = 0
    published_deliveries: int = 0
    new: int = 0
    updated: int = 0
    deliveries: int = 0
    unsubscribes: int = 0
    skipped: int = 0
    deleted: int = 0  # responses deleted here that the host deleted too
    pages: int = 0
    went_back: bool = False  # the host's data went back: everything published and pulled again
    problems: list[str] = field(default_factory=list)
    survey_ids: set[int] = field(default_factory=set)

    def counts(self) -> dict[str, int]:
        return {
            "published_surveys": self.published_surveys,
            "published_deliveries": self.published_deliveries,
            "new": self.new,
            "updated": self.updated,
            "deliveries": self.deliveries,
            "unsubscribes": self.unsubscribes,
            "skipped": self.skipped,
            "deleted": self.deleted,
        }

    def summary(self) -> str:
        """One line in plain words, for the command line."""
        line = (
            f"Synced with {self.host.url}: published {self.published_surveys} survey(s) and "
            f"{self.published_deliveries} delivery token(s); pulled {self.new} new "
            f"response(s), {self.updated} updated, {self.unsubscribes} unsubscribe(s)."
        )
        if self.went_back:
            line = (
                "The host's data had gone back (restored from a backup?), so everything was "
                "published and pulled again; nothing is counted twice. " + line
            )
        if self.skipped:
            line += f" {self.skipped} response(s) to surveys this computer does not have."
        if self.deleted:
            line += f" {self.deleted} response(s) deleted here were deleted on the host too."
        if self.problems:
            line += " Problems: " + " ".join(self.problems)
        return line


# --- one sync ---------------------------------------------------------------------


def sync(
    db: Database,
    client: HostClient,
    *,
    page_size: int = DEFAULT_PAGE,
    language: str = "",
) -> SyncReport:
    """Publish, then pull every change since the saved cursor. Raises SyncError.

    ``language`` is the one the app shows (the owners' alerts from the host use it).
    """
    state = sync_store.load_state(db)
    if state.host_url != client.url:
        state = sync_store.set_host_url(db, client.url)
    client.identify(sync_store.instance_id(db), state.host_checkpoint)
    host = client.status()
    report = SyncReport(host)
    if state.host_id != host.host_id or host.latest < state.cursor or not host.checkpoint_known:
        # A host never synced with, or one whose data went back (a restored
        # backup numbers its changes anew): start afresh. Publishing and
        # pulling again are harmless (tokens and uids are kept, an older
        # version never replaces a newer one: storage.sync_desktop).
        if state.host_id:
            log.warning("host %s is not where the last sync left it; starting afresh", client.url)
            report.went_back = True
        state = sync_store.start_over_with(db, host.host_id)
        client.identify(sync_store.instance_id(db), "")
    site = sync_desktop.site_payload(db, language)
    if sync_desktop.digest(site) != state.site_digest:
        client.put_site(site)
        sync_store.save_state(
            db, site_digest=sync_desktop.digest(site), host_checkpoint=client.checkpoint
        )
    _publish_surveys(db, client, state, report)
    if not report.problems:
        _publish_deliveries(db, client, state.published_deliveries, report)
    _tell_deletions(db, client, host, report)
    _pull(db, client, host.host_id, state.cursor, page_size, report)
    return report


def _tell_deletions(db: Database, client: HostClient, host: HostStatus, report: SyncReport) -> None:
    """Have the host delete the responses the owner deleted here (a pull skips them anyway)."""
    if not sync_desktop.deletions_to_tell(db, 1):
        return
    if not up_to_date(DELETES_RESPONSES, host.protocol):
        report.problems.append(
            "The host runs an older Koe that cannot delete the responses deleted here; "
            "they stay deleted on this computer. Update Koe on the host to delete them there."
        )
        return
    while uids := sync_desktop.deletions_to_tell(db, DELETION_BATCH):
        report.deleted += client.delete_responses(uids)
        sync_desktop.deletions_told(db, uids, client.checkpoint)


def _publish_surveys(
    db: Database, client: HostClient, state: sync_store.SyncState, report: SyncReport
) -> None:
    digests = dict(state.survey_digests)
    for payload in sync_desktop.survey_payloads(db):
        digest = sync_desktop.digest(payload)
        if digests.get(payload["slug"]) == digest:
            continue
        try:
            client.put_survey(payload)
        except SyncError as error:
            if error.kind != "refused":
                raise
            report.problems.append(str(error))
            continue
        digests[payload["slug"]] = digest
        sync_store.save_state(db, survey_digests=digests, host_checkpoint=client.checkpoint)
        report.published_surveys += 1


def _publish_deliveries(db: Database, client: HostClient, after: int, report: SyncReport) -> None:
    while True:
        batch = sync_desktop.deliveries_after(db, after, DELIVERY_BATCH)
        if not batch:
            return
        client.put_deliveries([item for _, item in batch])
        after = batch[-1][0]
        sync_store.save_state(db, published_deliveries=after, host_checkpoint=client.checkpoint)
        report.published_deliveries += len(batch)


def _pull(
    db: Database,
    client: HostClient,
    host_id: str,
    cursor: int,
    page_size: int,
    report: SyncReport,
) -> None:
    while True:
        page = client.changes(cursor, page_size)
        if page["host_id"] != host_id:
            raise SyncError(
                "host_changed", "The host's data was replaced during the sync; sync again."
            )
        following = page["next"]
        if following < cursor or (page["more"] and following == cursor):
            raise SyncError("bad_answer", "The host's list of changes does not move on.")
        try:
            applied = sync_desktop.apply_changes(
                db, page["changes"], next_cursor=following, checkpoint=client.checkpoint
            )
        except SyncDataError as error:
            raise SyncError(
                "bad_answer", f"The host sent a change Koe cannot use: {error}"
            ) from None
        report.pages += 1
        report.new += applied.new
        report.updated += applied.updated
        report.deliveries += applied.deliveries
        report.unsubscribes += applied.unsubscribes
        report.skipped += applied.skipped
        report.survey_ids |= applied.survey_ids
        cursor = following
        if not page["more"]:
            return


def sync_workspace(
    db: Database,
    url: str,
    key: str,
    *,
    ca_file: Path | None = None,
    page_size: int = DEFAULT_PAGE,
    protocol: str = PROTOCOL_VERSION,
    client_factory: Callable[..., HostClient] = HostClient,
    language: str = "",
) -> SyncReport:
    """One sync of the workspace with the host at ``url``, its outcome saved in the state.

    Raises SyncError (after saving it as the last error) when it cannot finish.
    """
    sync_store.save_state(db, last_attempt_at=to_text(utc_now()))
    try:
        with client_factory(url, key, ca_file=ca_file, protocol=protocol) as client:
            report = sync(db, client, page_size=page_size, language=language)
    except SyncError as error:
        log.warning("sync with %s failed: %s", url, error)
        sync_store.save_state(
            db, last_error=str(error), last_error_kind=error.kind, last_error_cause=error.cause
        )
        if error.host_protocol:
            sync_store.save_state(db, host_protocol=error.host_protocol)
        raise
    sync_store.save_state(
        db,
        last_success_at=to_text(utc_now()),
        last_error=" ".join(report.problems),
        last_error_kind="refused" if report.problems else "",
        last_error_cause="",
        last_result=report.counts(),
        host_protocol=report.host.protocol,
        host_alert_email=report.host.alert_email,
    )
    log.info("sync with %s: %s", url, report.counts())
    return report


# --- the key in the OS keyring ------------------------------------------------------


NO_KEYRING = (
    "This computer has no usable keyring, so Koe cannot keep the sync key safely. "
    "On Linux, install and unlock a keyring service such as GNOME Keyring or KWallet."
)


def keyring_usable() -> bool:
    """True when the OS keyring can keep secrets (a plain-text file keyring does not count)."""
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith("keyring.backends.fail") or "Plaintext" in name:
        return False
    # The chainer with nothing to chain is the "no keyring" of a bare Linux too.
    return not (
        name.startswith("keyring.backends.chainer") and not getattr(backend, "backends", ())
    )


def load_key(url: str) -> str | None:
    """The sync key kept for the host at ``url``, or None."""
    if not keyring_usable():
        raise SyncError("keyring", NO_KEYRING)
    try:
        return keyring.get_password(KEYRING_SERVICE, url)
    except keyring.errors.KeyringError as error:
        raise SyncError("keyring", f"{NO_KEYRING} ({error})", detail=str(error)) from None


def store_key(url: str, key: str) -> None:
    """Keep ``key`` for the host at ``url`` in the OS keyring."""
    if not keyring_usable():
        raise SyncError("keyring", NO_KEYRING)
    try:
        keyring.set_password(KEYRING_SERVICE, url, key.strip())
    except keyring.errors.KeyringError as error:
        raise SyncError("keyring", f"{NO_KEYRING} ({error})", detail=str(error)) from None


def forget_key(url: str) -> None:
    """Remove the key kept for ``url``, if any."""
    if not keyring_usable():
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, url)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as error:
        raise SyncError("keyring", f"{NO_KEYRING} ({error})", detail=str(error)) from None
