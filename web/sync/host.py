"""The host's sync API over HTTPS, seen from the desktop: ``HostClient``.

One call per endpoint (status, site, surveys, deliveries, deletions,
changes), each naming the protocol version, this desktop and the host's last
checkpoint; every answer that is not what a Koe host says becomes a
SyncError (web.sync.errors) in plain words: a refused key, another protocol
version, a redirect, an HTML page where JSON was expected. Also the host's
address (https:// only, except to this computer) and the certificates trusted.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import certifi
import httpx

from storage import sync as sync_store
from storage.sync import SyncDataError
from web.sync.errors import SyncError, connect_error
from web.sync.protocol import (
    API,
    CHECKPOINT_HEADER,
    DESKTOP_HEADER,
    HEADER,
    PROTOCOL_VERSION,
    compatible,
    mismatch_message,
)

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@dataclass(frozen=True)
class HostStatus:
    """What the host said about itself."""

    url: str
    protocol: str
    host_id: str
    latest: int
    checkpoint_known: bool = True  # a host before protocol 1.1 keeps no checkpoints
    alert_email: str = ""  # can it email owners' alerts: ready | none | locked ("" before 1.2)


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
            raise connect_error(self.url, error) from None
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
