"""On a public host: the owners' detractor alerts by email, while the desktop is off.

A public host holds no contacts and never writes to a customer; when the owner
chooses so (Settings ▸ Acting on answers, published by the desktop: the
owners who get alerts, their addresses, the thresholds, the language and the
time zone) and the host's operator has given it an email server of its own
(``main.py alert-email``, kept in the host's secret store), ``serve`` emails
the owners' alerts for the answers that arrive.

``HostAlerts`` looks at new answers when the site stores one (``wake``) and
every ``RECHECK`` seconds: an answer that alerts is claimed for the host at
once (``storage.alert_claims``: the desktop then leaves it), its emails are
written to the host's outbox once its comment came (or ``PARTIAL_WAIT``
passed), and a ``Dispatcher`` that sends owners' alerts and nothing else
sends them, retried while the server is down. The alert reads as the
desktop's (``channels.owner_alerts.message``), without any customer detail:
the host has none.

Without an email server, or with alerts switched off, the host sends nothing
and the desktop alerts at its next sync, as without a host.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from channels.email import SmtpEmail, SmtpSettings
from channels.outbox import Dispatcher, Timing
from channels.owner_alerts import PURPOSE, enqueue, ready
from storage import alert_claims, follow_up
from storage import settings as settings_store
from storage.database import utc_now, writing
from storage.secrets import (
    HOST_ALERT_SMTP,
    SecretsError,
    SecretStore,
    has_fallback_file,
    keyring_usable,
    open_store,
)
from storage.workspace import Workspace

log = logging.getLogger(__name__)

RECHECK = 5.0  # seconds between looks when no answer wakes it: a partial answer's wait ends
# How serve's alert sender paces itself: a mail server found down is tried again
# TIMING.channel_down_wait (30) seconds later. Tests of serve shorten it.
TIMING = Timing()


# --- the host's email server, in its secret store ---------------------------------------


def save_server(store: SecretStore, server: SmtpSettings) -> None:
    """Keep the email server (password included) in the host's secret store."""
    store.set(
        HOST_ALERT_SMTP,
        json.dumps(
            {
                "host": server.host,
                "port": server.port,
                "security": server.security,
                "user": server.user,
                "password": server.password,
                "from": server.from_address,
            }
        ),
    )


def load_server(store: SecretStore) -> SmtpSettings | None:
    """The email server kept by ``save_server``; None when there is none."""
    text = store.get(HOST_ALERT_SMTP)
    if not text:
        return None
    try:
        values = json.loads(text)
        return SmtpSettings(
            host=str(values["host"]),
            port=int(values["port"]),
            security=str(values["security"]),
            user=str(values.get("user") or ""),
            password=str(values.get("password") or ""),
            from_address=str(values["from"]),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise SecretsError(f"the alerts' email server cannot be read: {error}") from None


def find_server(folder: Path, passphrase: str | None) -> tuple[SmtpSettings | None, str, str]:
    """The host's email server for alerts, its state for the desktop (alert_claims.EMAIL_*)
    and, without one, why not in plain words."""
    if not keyring_usable() and not has_fallback_file(folder):
        server = None
    else:
        try:
            server = load_server(open_store(folder, passphrase))
        except SecretsError as error:
            return None, alert_claims.EMAIL_LOCKED, str(error)
    if server is None:
        return None, alert_claims.EMAIL_NONE, "no email server is set up for them"
    return server, alert_claims.EMAIL_READY, ""


def start_host_alerts(workspace: Workspace, passphrase: str | None) -> HostAlerts | str:
    """On a public host: start emailing the owners' alerts, or say in words why not.

    Either way, alerts a previous run left unsent go to the desktop, and the
    desktop learns at its next sync whether the host can email them.
    """
    db = workspace.db()
    # A restart cannot be told from a restored backup, whose queued alerts may
    # have gone: they are the desktop's now.
    given_up = alert_claims.give_up_leftovers(db)
    if given_up:
        log.info("%s alert(s) left unsent before this start go to the desktop", given_up)
    server, state, problem = find_server(workspace.folder, passphrase)
    alert_claims.set_email_state(db, state)
    if server is None:
        alert_claims.stop_watching(db)
        log.info("no alerts from this host: %s", problem)
        return problem
    if settings_store.load(db).host_alerts:
        alert_claims.watch_from_now(db)  # the answers from now on; older ones are the desktop's
    else:
        alert_claims.stop_watching(db)
    service = HostAlerts(workspace, server, timing=TIMING)
    service.start()
    return service


# --- the service ---------------------------------------------------------------------


class HostAlerts:
    """Claims, writes and sends the owners' alerts on a public host (see the module docstring)."""

    def __init__(
        self,
        workspace: Workspace,
        server: SmtpSettings,
        *,
        timing: Timing | None = None,
        recheck: float = RECHECK,
    ) -> None:
        self.workspace = workspace
        self.server = server
        self.timing = timing
        self.recheck = recheck
        self.dispatcher: Dispatcher | None = None
        self._from_name: str | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="koe-host-alerts", daemon=True)
        self._thread.start()

    def wake(self, _survey_id: int = 0) -> None:
        """An answer was stored (web.app's on_response): look now."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None
        if self.dispatcher is not None:
            self.dispatcher.stop()
            self.dispatcher = None

    def _run(self) -> None:
        db = self.workspace.db()
        try:
            while not self._stop.is_set():
                try:
                    self.look(db)
                except Exception:  # a bug must not end the alerts silently
                    log.exception("the host's alert check failed")
                self._wake.wait(self.recheck)
                self._wake.clear()
        finally:
            self.workspace.close_thread_connection()

    def look(self, db: Database, now: datetime | None = None) -> int:
        """Claim new answers that alert and write the emails of those ready; how many written."""
        moment = now or utc_now()
        settings = settings_store.load(db)
        if not settings.host_alerts or not settings.alert_recipients():
            return 0  # switched off: the publish that did so stopped the claims too
        alert_claims.claim_arrivals(db, settings.alert_thresholds(), moment)
        written = self._write_ready(db, settings, moment)
        if written:
            self._sender(settings.business_name).wake()
        return written

    def _write_ready(self, db: Database, settings: settings_store.Settings, now: datetime) -> int:
        waiting = alert_claims.waiting(db)
        if not waiting:
            return 0
        thresholds = settings.alert_thresholds()
        alerts = {
            alert.response_id: alert
            for alert in follow_up.alert_candidates(db, 0, thresholds, only=waiting)
        }
        written = 0
        for response_id in waiting:
            alert = alerts.get(response_id)
            if alert is not None and not ready(alert, now):
                continue  # its comment may still come
            with writing(db):
                if alert_claims.outcome_of(db, response_id) != alert_claims.WAITING:
                    continue
                if alert is None:  # the score changed while partial: no longer an alert
                    alert_claims.settle_waiting(
                        db, response_id, alert_claims.NOT_ALERTING, None, now
                    )
                    continue
                ids = enqueue(
                    db, alert, settings.alert_recipients(), settings.language, settings.time_zone
                )
                alert_claims.settle_waiting(db, response_id, alert_claims.QUEUED, ids[0], now)
            written += len(ids)
        return written

    def _sender(self, business_name: str) -> Dispatcher:
        """The sender of owners' alerts, its From name the business's as published."""
        if self.dispatcher is not None and self._from_name == business_name:
            return self.dispatcher
        if self.dispatcher is not None:
            self.dispatcher.stop()  # after the email in hand
        channel = SmtpEmail(replace(self.server, from_name=business_name))
        self.dispatcher = Dispatcher(
            self.workspace.db_path,
            {"email": channel},
            timing=self.timing,
            purposes=frozenset({PURPOSE}),
        )
        self.dispatcher.start()
        self._from_name = business_name
        return self.dispatcher
