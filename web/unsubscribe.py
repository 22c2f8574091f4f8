"""The unsubscribe link, ``/u/<token>``: one step out of a channel.

The token is the delivery's (the one in its ``/r/`` link), so the link names
the contact and the channel the message came by.

- GET shows the business's name and a single "Unsubscribe" button. It never
  unsubscribes by itself: mail security scanners follow every link.
- The button posts the form (with its anti-forgery token); the contact is
  opted out of that channel and the page confirms it (Post/Redirect/Get).
- A mail provider's one-click post (RFC 8058: ``POST /u/<token>`` with the
  body ``List-Unsubscribe=One-Click``) is taken without a form token: the
  unguessable link token is what authenticates it.

Opt-outs are stored with their source ("link") and time (storage.opt_outs).
Tokens are never logged whole.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from channels.links import looks_like_token
from storage import deliveries as delivery_store
from storage import opt_outs, sync_host
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.deliveries import Delivery
from storage.workspace import Workspace
from web.csrf import FIELD
from web.forms import BODY_SCOPE_KEY
from web.i18n import personal_language, site_language, text
from web.pages import PAGE_HEADERS, Site, message_page, unsubscribe_page
from web.protection import Protection

log = logging.getLogger(__name__)

ONE_CLICK = ("List-Unsubscribe", "One-Click")
_MULTIPART_ONE_CLICK = re.compile(
    rb'name="?List-Unsubscribe"?\r?\n(?:[^\r\n]+\r?\n)*\r?\nOne-Click\r?\n', re.IGNORECASE
)


class UnsubscribeLink:
    """The unsubscribe page; ``endpoint`` answers ``/u/<token>`` (GET and POST)."""

    def __init__(self, workspace: Workspace, protection: Protection) -> None:
        self.workspace = workspace
        self.protection = protection

    def endpoint(self, request: Request) -> Response:
        db = self.workspace.db()
        settings = settings_store.load(db)
        site = Site.from_settings(settings)
        token = request.path_params["token"]
        delivery = self._delivery(token)
        if delivery is None:
            language = site_language(
                request.query_params.get("lang"), request.headers.get("accept-language")
            )
            return message_page(language, site, "link_not_found", 404)
        language = self._language(request, delivery)
        scope = f"/u/{token}"
        action = f"{scope}?lang={language}"
        if request.method == "POST":
            body = request.scope.get(BODY_SCOPE_KEY, b"")
            if is_one_click(request.headers.get("content-type", ""), body):
                self._opt_out(delivery)
                return unsubscribe_page(language, site, channel=delivery.channel, done=True)
            sent = dict(_pairs(body)).get(FIELD)
            if not self.protection.check(request, scope, sent):
                issued = self.protection.issue(request, scope, settings)
                response = unsubscribe_page(
                    language,
                    site,
                    channel=delivery.channel,
                    done=False,
                    action=action,
                    token=issued.token,
                    page_error=text(language, "unsubscribe_expired"),
                    status=403,
                )
                issued.set_cookie(response)
                return response
            self._opt_out(delivery)
            if delivery.contact_id is None:
                return unsubscribe_page(language, site, channel=delivery.channel, done=True)
            return RedirectResponse(action, status_code=303, headers=PAGE_HEADERS)
        done = delivery.contact_id is not None and opt_outs.is_opted_out(
            db, delivery.contact_id, delivery.channel
        )
        issued = self.protection.issue(request, scope, settings)
        response = unsubscribe_page(
            language, site, channel=delivery.channel, done=done, action=action, token=issued.token
        )
        if not done:
            issued.set_cookie(response)
        return response

    def _delivery(self, token: str) -> Delivery | None:
        if not looks_like_token(token):
            return None
        delivery = delivery_store.find_by_token(self.workspace.db(), token)
        if delivery is None:
            log.info("unsubscribe link with unknown token %s…", token[:4])
        return delivery

    def _language(self, request: Request, delivery: Delivery) -> str:
        try:
            offered = survey_store.get(self.workspace.db(), delivery.survey_id).languages
        except survey_store.SurveyNotFound:
            offered = ()
        if not offered:
            return site_language(
                request.query_params.get("lang"), request.headers.get("accept-language")
            )
        return personal_language(offered, request.query_params.get("lang"), delivery.language)

    def _opt_out(self, delivery: Delivery) -> None:
        if delivery.contact_id is None:
            # A public host holds no contacts (or the contact was deleted): keep
            # the unsubscribe by token; the desktop applies it at its next sync.
            sync_host.record_unsubscribe(self.workspace.db(), delivery.token, delivery.channel)
            return
        if opt_outs.opt_out(
            self.workspace.db(), delivery.contact_id, delivery.channel, source=opt_outs.SOURCE_LINK
        ):
            log.info("contact %s opted out of %s", delivery.contact_id, delivery.channel)


def is_one_click(content_type: str, body: bytes) -> bool:
    """Whether a post is RFC 8058's one-click unsubscribe (urlencoded or multipart)."""
    media_type = content_type.partition(";")[0].strip().lower()
    if media_type == "application/x-www-form-urlencoded":
        return ONE_CLICK in _pairs(body)
    if media_type == "multipart/form-data":
        return bool(_MULTIPART_ONE_CLICK.search(body))
    return False


def _pairs(body: bytes) -> list[tuple[str, str]]:
    try:
        return parse_qsl(body.decode("utf-8", "replace"), max_num_fields=20)
    except ValueError:
        return []
