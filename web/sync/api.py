"""The host's side of the sync: JSON endpoints under ``/api/sync/v1`` (see web.sync.protocol).

Mounted by ``create_app`` only when the host has a sync key (``main.py serve
--sync-key-file``). Every request must carry ``Authorization: Bearer <key>``
(compared in constant time) and name its protocol version; anything else is
answered with a JSON error the desktop turns into plain words. The host only
stores what the desktop publishes and hands out its changes: it holds surveys
and delivery tokens, never contacts, and never writes to a customer (it may
email the owners' alerts: channels.host_alerts, which ``/status`` reports).
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlite_utils import Database
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route

from channels.links import looks_like_token
from storage import alert_claims, sync_host
from storage import sync as sync_store
from storage.sync import SyncDataError
from storage.workspace import Workspace
from web import page_threads
from web.forms import BODY_SCOPE_KEY
from web.sync.protocol import (
    CHECKPOINT_HEADER,
    DESKTOP_HEADER,
    HEADER,
    PREFIX,
    PROTOCOL_VERSION,
    compatible,
    major_of,
)

log = logging.getLogger(__name__)

MIN_KEY_LENGTH = 16
DEFAULT_PAGE = 200
MAX_DELIVERIES = 1000
MAX_DELETIONS = 1000
_ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
_Result = TypeVar("_Result")


class SyncKeyError(ValueError):
    """A sync key that cannot be used; the message says why in plain words."""


def check_key(key: str) -> str:
    """The key without surrounding blanks, or SyncKeyError when it is too weak to use."""
    key = key.strip()
    if len(key) < MIN_KEY_LENGTH:
        raise SyncKeyError(
            f"The sync key must be at least {MIN_KEY_LENGTH} characters long; "
            'make one with: python -c "import secrets; print(secrets.token_urlsafe(32))"'
        )
    if any(ch.isspace() for ch in key) or not key.isprintable():
        raise SyncKeyError("The sync key must be one line without spaces.")
    return key


def mount(workspace: Workspace, key: str) -> Mount:
    """The sync API's routes, to go under the respondent site at ``/api/sync``."""
    api = SyncApi(workspace, check_key(key))
    return Mount(
        PREFIX,
        routes=[
            Route("/v1/status", api.status, methods=["GET"]),
            Route("/v1/site", api.put_site, methods=["PUT"]),
            Route("/v1/surveys/{slug}", api.put_survey, methods=["PUT"]),
            Route("/v1/deliveries", api.put_deliveries, methods=["PUT"]),
            Route("/v1/changes", api.changes, methods=["GET"]),
            Route("/v1/responses/delete", api.delete_responses, methods=["POST"]),
            # Any other path, e.g. another major version's: say so in JSON, not with a page.
            Route("/{rest:path}", api.unknown, methods=_ALL_METHODS),
        ],
    )


def _json(status: int, body: dict[str, Any], **headers: str) -> JSONResponse:
    return JSONResponse(
        {"protocol": PROTOCOL_VERSION, **body},
        status_code=status,
        headers={HEADER: PROTOCOL_VERSION, "Cache-Control": "no-store", **headers},
    )


def _error(status: int, error: str, message: str, **headers: str) -> JSONResponse:
    return _json(status, {"error": error, "message": message}, **headers)


def too_large(limit: int) -> JSONResponse:
    """The answer to a body over ``limit`` bytes (web.middleware stops reading it there)."""
    # The rest of the body is never read, so the connection cannot be reused.
    return _error(
        413,
        "too_large",
        f"The request is larger than the host takes ({limit // 1024} KB).",
        Connection="close",
    )


@dataclass(frozen=True)
class _Caller:
    """The desktop behind a request (empty before protocol 1.1) and the checkpoint it shows."""

    desktop: str = ""
    checkpoint: str = ""


class _CheckpointUnknown(Exception):
    """The desktop shows a checkpoint this host's file does not hold: the file went back."""


_CHECKPOINT_UNKNOWN = (
    "This host's data is older than at the last sync (restored from a backup?); "
    "sync again to publish and pull everything afresh."
)


class SyncApi:
    """The endpoints, sharing the workspace and the key."""

    def __init__(self, workspace: Workspace, key: str) -> None:
        self.workspace = workspace
        self._key = key.encode("utf-8")

    # --- checks every request passes -------------------------------------------------

    def _admit(self, request: Request) -> _Caller | Response:
        """The caller of a request that may go on, or the answer that refuses it."""
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode("utf-8"), self._key
        ):
            log.info("sync request refused: missing or wrong key")
            return _error(
                401,
                "unauthorized",
                "The sync key is missing or wrong.",
                **{"WWW-Authenticate": 'Bearer realm="koe-sync"'},
            )
        version = request.headers.get(HEADER, "")
        if major_of(version) is None:
            return _error(400, "version_missing", f"Name the sync protocol in the {HEADER} header.")
        if not compatible(PROTOCOL_VERSION, version):
            log.info("sync request refused: protocol %s, host speaks %s", version, PROTOCOL_VERSION)
            return _error(
                409,
                "version",
                f"This host speaks sync protocol {PROTOCOL_VERSION}, not {version}.",
            )
        desktop = request.headers.get(DESKTOP_HEADER, "")
        checkpoint = request.headers.get(CHECKPOINT_HEADER, "")
        if (desktop or checkpoint) and not sync_host.is_desktop_id(desktop):
            return _error(
                400, "bad_request", f"{DESKTOP_HEADER} must be the desktop's 32-character id."
            )
        return _Caller(desktop, checkpoint)

    def _step(
        self, caller: _Caller, work: Callable[[Database], _Result]
    ) -> tuple[_Result, dict[str, str]]:
        """Do one step of a desktop's sync, on a worker thread (each has its own connection).

        Refused (_CheckpointUnknown) when the desktop shows a checkpoint the
        file does not hold; else done, and the desktop handed a new checkpoint
        written after the step's own change (storage.sync_host.knows_checkpoint).
        """
        db = self.workspace.db()
        if caller.checkpoint and not sync_host.knows_checkpoint(
            db, caller.desktop, caller.checkpoint
        ):
            raise _CheckpointUnknown
        result = work(db)
        if not caller.desktop:
            return result, {}
        made = sync_host.new_checkpoint(db, caller.desktop, caller.checkpoint)
        return result, {"checkpoint": made}

    async def _run(
        self, caller: _Caller, work: Callable[[Database], _Result]
    ) -> tuple[_Result, dict[str, str]]:
        return await page_threads.run(self._step, caller, work)

    @staticmethod
    def _body(request: Request) -> Any:
        # web.middleware has read the body, stopping at its size limit.
        return sync_store.loads(request.scope.get(BODY_SCOPE_KEY, b""))

    # --- endpoints ---------------------------------------------------------------

    async def status(self, request: Request) -> Response:
        caller = self._admit(request)
        if isinstance(caller, Response):
            return caller
        return _json(200, await page_threads.run(self._status, caller))

    def _status(self, caller: _Caller) -> dict[str, Any]:
        db = self.workspace.db()
        status: dict[str, Any] = {
            "host_id": sync_store.instance_id(db),
            "latest": sync_host.latest_seq(db),
            "alert_email": alert_claims.email_state(db),
        }
        if caller.checkpoint:
            status["checkpoint_known"] = sync_host.knows_checkpoint(
                db, caller.desktop, caller.checkpoint
            )
        return status

    async def put_site(self, request: Request) -> Response:
        caller = self._admit(request)
        if isinstance(caller, Response):
            return caller
        try:
            payload = self._body(request)
            if not isinstance(payload, dict):
                raise SyncDataError("send the site settings as an object")
            _, checkpoint = await self._run(caller, lambda db: sync_host.apply_site(db, payload))
        except SyncDataError as error:
            return _error(422, "refused", str(error))
        except _CheckpointUnknown:
            return _error(409, "checkpoint", _CHECKPOINT_UNKNOWN)
        log.info("sync: site settings updated")
        return _json(200, {"site": "updated", **checkpoint})

    async def put_survey(self, request: Request) -> Response:
        caller = self._admit(request)
        if isinstance(caller, Response):
            return caller
        slug = request.path_params["slug"]
        try:
            payload = self._body(request)
            if not isinstance(payload, dict) or payload.get("slug") != slug:
                raise SyncDataError("the survey in the body is not the one in the address")
            created, checkpoint = await self._run(
                caller, lambda db: sync_host.apply_survey(db, payload)
            )
        except SyncDataError as error:
            return _error(422, "refused", str(error))
        except _CheckpointUnknown:
            return _error(409, "checkpoint", _CHECKPOINT_UNKNOWN)
        log.info("sync: survey %s %s", slug, "published" if created else "updated")
        return _json(200, {"survey": slug, "created": created, **checkpoint})

    async def put_deliveries(self, request: Request) -> Response:
        caller = self._admit(request)
        if isinstance(caller, Response):
            return caller
        try:
            payload = self._body(request)
            items = payload.get("deliveries") if isinstance(payload, dict) else None
            if not isinstance(items, list) or len(items) > MAX_DELIVERIES:
                raise SyncDataError(f"send a list of at most {MAX_DELIVERIES} deliveries")
            if not all(
                isinstance(item, dict) and looks_like_token(str(item.get("token", "")))
                for item in items
            ):
                raise SyncDataError("a delivery token has the wrong shape")
            added, checkpoint = await self._run(
                caller, lambda db: sync_host.add_deliveries(db, items)
            )
        except SyncDataError as error:
            return _error(422, "refused", str(error))
        except _CheckpointUnknown:
            return _error(409, "checkpoint", _CHECKPOINT_UNKNOWN)
        log.info("sync: %s delivery tokens received, %s new", len(items), added)
        return _json(200, {"received": len(items), "added": added, **checkpoint})

    async def delete_responses(self, request: Request) -> Response:
        caller = self._admit(request)
        if isinstance(caller, Response):
            return caller
        try:
            payload = self._body(request)
            uids = payload.get("uids") if isinstance(payload, dict) else None
            if not isinstance(uids, list) or len(uids) > MAX_DELETIONS:
                raise SyncDataError(f"send a list of at most {MAX_DELETIONS} response ids")
            deleted, checkpoint = await self._run(
                caller, lambda db: sync_host.delete_responses(db, uids)
            )
        except SyncDataError as error:
            return _error(422, "refused", str(error))
        except _CheckpointUnknown:
            return _error(409, "checkpoint", _CHECKPOINT_UNKNOWN)
        log.info("sync: %s responses deleted by the owner, %s were here", len(uids), deleted)
        return _json(200, {"received": len(uids), "deleted": deleted, **checkpoint})

    async def changes(self, request: Request) -> Response:
        caller = self._admit(request)
        if isinstance(caller, Response):
            return caller
        since = _number(request.query_params.get("since", "0"))
        limit = _number(request.query_params.get("limit", str(DEFAULT_PAGE)))
        if since is None or limit is None or limit < 1:
            return _error(400, "bad_request", "since and limit must be whole numbers")
        try:
            page, checkpoint = await self._run(caller, lambda db: _changes(db, since, limit))
        except _CheckpointUnknown:
            return _error(409, "checkpoint", _CHECKPOINT_UNKNOWN)
        return _json(200, {**page, **checkpoint})

    async def unknown(self, request: Request) -> Response:
        caller = self._admit(request)
        if isinstance(caller, Response):
            return caller
        return _error(404, "not_found", f"The sync API has no {request.url.path}.")


def _changes(db: Database, since: int, limit: int) -> dict[str, Any]:
    page = sync_host.changes_since(db, since, limit)
    return {
        "host_id": sync_store.instance_id(db),
        "latest": sync_host.latest_seq(db),
        "changes": page.items,
        "next": page.next,
        "more": page.more,
    }


def _number(text: str) -> int | None:
    """A whole number written in ASCII digits; None for anything else.

    ``str.isdigit`` alone also passes Arabic-Indic, full-width and
    superscript digits, some of which ``int`` then refuses.
    """
    return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else None
