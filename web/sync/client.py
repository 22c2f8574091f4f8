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
nothing here writes it anywhere else or logs it.
"""

from __future__ import annotations

import logging
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import certifi
import httpx
import keyring
import keyring.errors
from sqlite_utils import Database

from storage import sync as sync_store
from storage import sync_desktop
from storage.database import to_text, utc_now
from storage.sync import SyncDataError
from web.sync.protocol import (
    API,
    CHECKPOINT_HEADER,
    DELETES_RESPONSES,
    DESKTOP_HEADER,
    HEADER,
    PROTOCOL_VERSION,
    compatible,
    mismatch_message,
    up_to_date,
)

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Koe"
DEFAULT_PAGE = 200
DELIVERY_BATCH = 200
DELETION_BATCH = 500
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class SyncError(Exception):
    """A sync that could not finish; ``kind`` says what went wrong, the message in words.

    Kinds: address, unreachable, tls, auth, version, no_sync, refused,
    bad_answer, host_changed, no_key, keyring. ``cause`` narrows some of them
    down, so that the desktop can say it in the user's language:

    - unreachable: no_such_host, refused, timeout, not_https (TLS spoken to
      something that does not speak it);
    - tls: self_signed, untrusted_issuer, expired, not_yet_valid, wrong_name;
    - address: not_url, not_https (plain http to another computer), extra (a ? or #);
    - bad_answer: redirect (``detail`` is where to).
    """

    def __init__(
        self,
        kind: str,
        message: str,
        *,
        host_protocol: str = "",
        cause: str = "",
        detail: str = "",
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.host_protocol = host_protocol  # for "version": what the host speaks
        self.cause = cause
        self.detail = detail


@dataclass(frozen=True)
class HostStatus:
    """What the host said about itself."""

    url: str
    protocol: str
    host_id: str
    latest: int
    checkpoint_known: bool = True  # a host before protocol 1.1 keeps no checkpoints
    alert_email: str = ""  # can it email owners' alerts: ready | none | locked ("" before 1.2)


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


def normalize_host_url(text: str) -> str:
    """The host's address without a trailing slash, or SyncError when it cannot be used.

    Only https: the key must not cross a network in the clear. Plain http is
    allowed to this computer itself (an SSH tunnel, a test).
    """
    url = text.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        parts = None
    if parts is None or not parts.hostname or parts.scheme not in ("http", "https"):
        raise SyncError(
            "address",
            f"{text!r} is not a web address; write it as https://survey.example.com.",
            cause="not_url",
        )
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise SyncError(
            "address",
            "The host's address must start with https://, so that the sync key and the "
            "answers travel encrypted.",
            cause="not_https",
        )
    if parts.query or parts.fragment:
        raise SyncError("address", "The host's address must not have a ? or # part.", cause="extra")
    return url


def tls_context(ca_file: Path | None = None) -> ssl.SSLContext:
    """Certificates trusted: ``ca_file`` alone when given, else the system's and certifi's."""
    if ca_file is not None:
        return ssl.create_default_context(cafile=str(ca_file))
    context = ssl.create_default_context(cafile=certifi.where())
    context.load_default_certs()
    return context


class HostClient:
    """The host's sync API over one HTTPS connection; every call names the protocol.

    After ``identify`` every call also names the desktop and shows the host's
    last checkpoint; each successful step's new one is kept in ``checkpoint``
    for the caller to store with what the step did.
    """

    def __init__(
        self,
        url: str,
        key: str,
        *,
        ca_file: Path | None = None,
        timeout: httpx.Timeout = TIMEOUT,
        protocol: str = PROTOCOL_VERSION,
    ) -> None:
        self.url = normalize_host_url(url)
        self.protocol = protocol
        self._client = httpx.Client(
            base_url=self.url + API,
            headers={
                "Authorization": f"Bearer {key.strip()}",
                HEADER: protocol,
                "Accept": "application/json",
            },
            verify=tls_context(ca_file),
            timeout=timeout,
            follow_redirects=False,
        )
        self.desktop = ""
        self.checkpoint = ""

    def identify(self, desktop: str, checkpoint: str) -> None:
        """Name this desktop (its workspace's id) and the checkpoint it stored last."""
        self.desktop, self.checkpoint = desktop, checkpoint

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HostClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the endpoints -----------------------------------------------------------

    def status(self) -> HostStatus:
        body = self._call("GET", "/status")
        return HostStatus(
            url=self.url,
            protocol=str(body.get("protocol", "")),
            host_id=_field(body, "host_id", str),
            latest=_field(body, "latest", int),
            checkpoint_known=body.get("checkpoint_known") is not False,
            alert_email=str(body.get("alert_email") or ""),
        )

    def put_site(self, payload: dict[str, Any]) -> None:
        self._call("PUT", "/site", payload)

    def put_survey(self, payload: dict[str, Any]) -> bool:
        body = self._call("PUT", f"/surveys/{quote(payload['slug'], safe='')}", payload)
        return bool(body.get("created"))

    def put_deliveries(self, items: list[dict[str, str]]) -> int:
        return _field(self._call("PUT", "/deliveries", {"deliveries": items}), "added", int)

    def delete_responses(self, uids: list[str]) -> int:
        """Ask the host to delete these responses (by uid); how many it had."""
        return _field(self._call("POST", "/responses/delete", {"uids": uids}), "deleted", int)

    def changes(self, since: int, limit: int) -> dict[str, Any]:
        body = self._call("GET", "/changes", params={"since": since, "limit": limit})
        for name, kind in (("changes", list), ("next", int), ("more", bool), ("host_id", str)):
            _field(body, name, kind)
        return body

    # --- one request, and what its failure means ---------------------------------

    def _call(
        self,
        method: str,
        path: str,
        payload: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        headers = {}
        if self.desktop:
            headers[DESKTOP_HEADER] = self.desktop
            if self.checkpoint:
                headers[CHECKPOINT_HEADER] = self.checkpoint
        try:
            response = self._client.request(
                method, path, json=payload, params=params, headers=headers
            )
        except httpx.TimeoutException:
            raise SyncError(
                "unreachable", f"The host at {self.url} did not answer in time.", cause="timeout"
            ) from None
        except httpx.ConnectError as error:
            raise _connect_error(self.url, error) from None
        except httpx.TransportError as error:
            raise SyncError(
                "unreachable",
                f"The connection to {self.url} was cut off ({error or type(error).__name__}). "
                "Sync again: nothing is lost.",
            ) from None
        body = _json_of(response)
        if response.status_code == 401:
            raise SyncError(
                "auth",
                f"The host at {self.url} refused the sync key. Enter the key from the "
                "host's key file again.",
            )
        if response.status_code == 409 and body.get("error") == "version":
            raise self._version_error(str(body.get("protocol", "")))
        if response.status_code == 409 and body.get("error") == "checkpoint":
            raise SyncError(
                "host_changed",
                "The host's data went back during the sync (restored from a backup?); "
                "sync again: everything is then published and pulled afresh.",
            )
        if body is _NOT_JSON:
            if response.status_code == 404:
                raise SyncError(
                    "no_sync",
                    f"{self.url} answers, but does not offer sync: check the address (the "
                    "host's own, without a path), and start Koe there with --sync-key-file "
                    "(see docs/deploy.md).",
                )
            if response.is_redirect and response.headers.get("location"):
                nxt = response.next_request
                target = _redirect_target(self.url, str(nxt.url) if nxt else self.url)
                raise SyncError(
                    "bad_answer",
                    f"{self.url} redirects to {target}: enter that address instead.",
                    cause="redirect",
                    detail=target,
                )
            raise SyncError(
                "bad_answer",
                f"{self.url} did not answer as a Koe host does (HTTP {response.status_code}).",
            )
        if not compatible(self.protocol, str(body.get("protocol", ""))):
            raise self._version_error(str(body.get("protocol", "")))
        if response.status_code == 413:
            raise SyncError(
                "refused", "The host refused something too large to publish.", cause="too_large"
            )
        if response.status_code == 422:
            said = str(body.get("message"))
            raise SyncError("refused", f"The host refused: {said}", detail=said)
        if response.status_code != 200:
            raise SyncError(
                "bad_answer",
                f"The host answered HTTP {response.status_code}: {body.get('message', '')}",
            )
        checkpoint = body.get("checkpoint")
        if isinstance(checkpoint, str):
            self.checkpoint = checkpoint
        return body

    def _version_error(self, host_protocol: str) -> SyncError:
        return SyncError(
            "version", mismatch_message(self.protocol, host_protocol), host_protocol=host_protocol
        )


_NOT_JSON: dict[str, Any] = {}


def _json_of(response: httpx.Response) -> dict[str, Any]:
    """The JSON object of a response, or _NOT_JSON (an HTML page, a proxy's error)."""
    if not response.headers.get("content-type", "").startswith("application/json"):
        return _NOT_JSON
    try:
        body = sync_store.loads(response.content)
    except SyncDataError:
        return _NOT_JSON
    return body if isinstance(body, dict) else _NOT_JSON


# OpenSSL's verification results (X509_V_ERR_*) and what they mean to a user.
_CERTIFICATE_PROBLEMS = {
    9: "not_yet_valid",
    10: "expired",
    18: "self_signed",  # the host's own certificate signs itself
    19: "self_signed",  # a self-made authority sent along with it
    2: "untrusted_issuer",
    20: "untrusted_issuer",  # signed by an authority this computer does not know
    21: "untrusted_issuer",
    62: "wrong_name",
    64: "wrong_name",  # made for another IP address
}
_CERTIFICATE_WORDS = {
    "self_signed": "is self-signed",
    "untrusted_issuer": "comes from a certificate authority this computer does not trust",
    "expired": "has expired",
    "not_yet_valid": "is not valid yet (check the clocks)",
    "wrong_name": "was made for another name",
}


def _causes(error: BaseException) -> list[BaseException]:
    """``error`` and every exception it was raised from (httpx wraps httpcore wraps ssl)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _connect_error(url: str, error: httpx.ConnectError) -> SyncError:
    reason = str(error) or type(error).__name__
    for cause in _causes(error):
        if isinstance(cause, ssl.SSLCertVerificationError):
            problem = _CERTIFICATE_PROBLEMS.get(cause.verify_code or 0, "")
            words = _CERTIFICATE_WORDS.get(problem, "is not valid")
            return SyncError(
                "tls",
                f"The certificate of {url} {words}, so it is not trusted "
                f"({cause.verify_message}). Check the address, and that the host has a valid "
                "HTTPS certificate.",
                cause=problem,
                detail=str(cause.verify_message or ""),
            )
        if isinstance(cause, ssl.SSLError):
            return SyncError(
                "unreachable",
                f"Could not reach the host at {url} over HTTPS ({cause.reason or cause}): "
                "it does not speak HTTPS there. Check the address and its port.",
                cause="not_https",
            )
        if isinstance(cause, socket.gaierror):
            return SyncError(
                "unreachable",
                f"Could not reach the host at {url}: no computer of that name was found.",
                cause="no_such_host",
            )
        if isinstance(cause, ConnectionRefusedError):
            return SyncError(
                "unreachable",
                f"Could not reach the host at {url}: nothing answers there (connection refused).",
                cause="refused",
            )
    if "CERTIFICATE_VERIFY_FAILED" in reason or "certificate" in reason.lower():
        return SyncError(
            "tls",
            f"The certificate of {url} is not trusted ({reason}). Check the address, "
            "and that the host has a valid HTTPS certificate.",
        )
    return SyncError("unreachable", f"Could not reach the host at {url} ({reason}).")


def _redirect_target(url: str, location: str) -> str:
    """Where a redirect points, as a host address (its sync path taken off)."""
    target = location.split("?", 1)[0].split("#", 1)[0]
    if target.endswith(API + "/status"):
        target = target[: -len(API + "/status")]
    return target.rstrip("/") or url


def _field(body: dict[str, Any], name: str, kind: type) -> Any:
    value = body.get(name)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise SyncError("bad_answer", f"The host's answer lacks {name}.")
    return value


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


# --- checking a host before connecting to it ----------------------------------------

CHECK_TIMEOUT = httpx.Timeout(20.0, connect=10.0)
CHECK_STEPS = ("address", "status", "publish", "pull")
"""What ``check_host`` does, in order (its ``step`` callback names each as it starts)."""


class CheckCancelled(Exception):
    """The check stopped because it was asked to (nothing was kept)."""


@dataclass(frozen=True)
class HostCheck:
    """A host that passed every check: its address, as normalised, and what it said."""

    url: str
    protocol: str
    host_id: str


def check_host(
    url: str,
    key: str,
    site: dict[str, Any],
    *,
    ca_file: Path | None = None,
    timeout: httpx.Timeout = CHECK_TIMEOUT,
    step: Callable[[str], bool] = lambda _name: True,
) -> HostCheck:
    """Check the host at ``url`` end to end before anything is kept; SyncError says what failed.

    In order: the address (https://, except to this computer itself); the
    connection and the HTTPS certificate; the host's status, which needs the
    key and names the protocol, at least this app's version (``up_to_date``);
    a publish (``site``: what the pages show of the business, which the first
    sync publishes anyway) and a pull (the first page of changes, not applied).
    Nothing is written on this side. ``step(name)`` is called before each of
    CHECK_STEPS; when it returns False the check stops with CheckCancelled.
    """

    def begin(name: str) -> None:
        if not step(name):
            raise CheckCancelled

    begin("address")
    url = normalize_host_url(url)
    if not key.strip():
        raise SyncError("no_key", "Paste the key from the host's key file.")
    with HostClient(url, key, ca_file=ca_file, timeout=timeout) as client:
        begin("status")
        status = client.status()
        if not up_to_date(PROTOCOL_VERSION, status.protocol):
            raise SyncError(
                "version",
                mismatch_message(PROTOCOL_VERSION, status.protocol),
                host_protocol=status.protocol,
            )
        begin("publish")
        client.put_site(site)
        begin("pull")
        client.changes(0, 1)
    log.info("host %s checked: protocol %s", url, status.protocol)
    return HostCheck(url=url, protocol=status.protocol, host_id=status.host_id)


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
