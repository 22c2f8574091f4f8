"""The Public host panel's words (Settings ▸ Public host): the host's state, where the
links start, the last sync, and what went wrong with the host and what to do, in plain
words, from the error's kind and cause. They keep the ``SyncPanel`` translation context
they had when they were the panel's methods.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from channels.reach import Reach, classify
from storage.database import from_text
from surveys.times import zone_named
from ui.sync_service import SyncView
from web.sync.protocol import PROTOCOL_VERSION, major_of, minor_of

translate = QCoreApplication.translate


def host_state_text(view: SyncView) -> str:
    """Whether the host is connected and answers, in plain words."""
    if view.busy:
        return translate("SyncPanel", "Syncing…")
    if view.problem is not None:
        error = view.problem
        return host_problem_text(
            error.kind,
            error.cause,
            view.host_url,
            error.host_protocol,
            str(error),
            error.detail,
        )
    if view.message:
        return view.message
    if not view.host_url:
        return translate("SyncPanel", "Not connected.")
    if not view.has_key:
        return translate(
            "SyncPanel",
            "The key of this host is not on this computer: paste it, then click Connect.",
        )
    if view.last_failed:
        return host_problem_text(
            view.last_error_kind,
            view.last_error_cause,
            view.host_url,
            view.host_protocol,
            view.last_error,
        )
    if view.last_success_at:
        return (
            translate("SyncPanel", "Connected · sync protocol %1 (this app: %2)")
            .replace("%1", view.host_protocol or "?")
            .replace("%2", view.app_protocol)
        )
    return translate("SyncPanel", "Connected; not synced yet.")


def links_text(base: str, view: SyncView) -> str:
    """Which address every link starts with, and who can open it."""
    if view.configured and base != view.host_url:
        return translate(
            "SyncPanel",
            "Links start with %1, not with this host's address: click Connect to check "
            "the host and use its address.",
        ).replace("%1", base)
    reach = classify(base)
    if reach is Reach.INTERNET:
        return translate("SyncPanel", "Every link Koe gives out starts with %1.").replace(
            "%1", base
        )
    if reach is Reach.LOCAL_NETWORK:
        return translate(
            "SyncPanel",
            "Links start with %1, an address on the local network: only phones on that "
            "network can open them, never a customer's phone elsewhere (SMS, email).",
        ).replace("%1", base)
    if view.configured:
        return translate(
            "SyncPanel",
            "Links start with %1, which is this computer: customers' phones cannot open "
            "them. For real use, connect the host by its public address "
            "(https://survey.example.com).",
        ).replace("%1", base)
    return translate(
        "SyncPanel",
        "Links start with %1, this computer's own address: customers cannot open them "
        "until a public host is connected.",
    ).replace("%1", base)


def last_sync_text(view: SyncView, zone_name: str) -> str:
    moment = from_text(view.last_success_at) if view.last_success_at else None
    if moment is None:
        return translate("SyncPanel", "Never.")
    result = view.last_result
    text = (
        translate("SyncPanel", "%1 · new answers: %2, updated: %3, unsubscribes: %4")
        .replace("%1", _when(moment, zone_name))
        .replace("%2", str(result.get("new", 0)))
        .replace("%3", str(result.get("updated", 0)))
        .replace("%4", str(result.get("unsubscribes", 0)))
    )
    attempt = from_text(view.last_attempt_at) if view.last_attempt_at else None
    if view.last_failed and attempt is not None and attempt >= moment:
        text += " " + translate("SyncPanel", "The last attempt, %1, failed.").replace(
            "%1", _when(attempt, zone_name)
        )
    return text


def _when(moment: datetime, zone_name: str) -> str:
    """A time in the workspace's time zone, named (the same as the Results tables)."""
    local = moment.astimezone(zone_named(zone_name))
    return f"{local:%Y-%m-%d %H:%M} ({zone_name or 'UTC'})"


def host_problem_text(
    kind: str,
    cause: str,
    url: str,
    host_protocol: str = "",
    message: str = "",
    detail: str = "",
) -> str:
    """What went wrong with the host at ``url``, and what to do, in plain words."""
    name = _host_name(url)
    if kind == "address":
        if cause == "not_https":
            return translate(
                "SyncPanel",
                "The address must start with https://: over plain http the key and the "
                "answers would cross the internet unencrypted.",
            )
        if cause == "extra":
            return translate("SyncPanel", "The address must not have a ? or # part.")
        return translate(
            "SyncPanel", "That is not a web address. Write it as https://survey.example.com."
        )
    if kind == "no_key":
        return translate("SyncPanel", "Paste the key from the host's key file.")
    if kind == "unreachable":
        return _unreachable_text(cause, url, name)
    if kind == "tls":
        return _certificate_text(cause, name, detail or message)
    if kind == "auth":
        return translate(
            "SyncPanel",
            "The key is wrong: the host refused it. Paste the key from the host's key "
            "file (sync.key) again.",
        )
    if kind == "version":
        return _version_text(host_protocol)
    if kind == "no_sync":
        return translate(
            "SyncPanel",
            "%1 answers, but no Koe host with sync is there (HTTP 404). Check the address: "
            "the host's own, without a path. On the host, Koe must run with a sync key "
            "(--sync-key-file).",
        ).replace("%1", url)
    if kind == "bad_answer" and cause == "redirect":
        return (
            translate("SyncPanel", "%1 sends Koe on to %2: enter that address instead.")
            .replace("%1", url)
            .replace("%2", detail or "?")
        )
    if kind == "bad_answer":
        return (
            translate("SyncPanel", "%1 does not answer as a Koe host does. Check the address. (%2)")
            .replace("%1", url)
            .replace("%2", message)
        )
    if kind == "keyring":
        text = translate(
            "SyncPanel",
            "This computer has no usable keyring, so Koe cannot keep the sync key safely. "
            "On Linux, install and unlock a keyring service such as GNOME Keyring or "
            "KWallet.",
        )
        return f"{text} ({detail})" if detail else text
    if kind == "host_changed":
        return translate(
            "SyncPanel",
            "The host's data went back or was replaced during the sync (restored from a "
            "backup?). Sync again: everything is then published and pulled afresh.",
        )
    if kind == "refused" and cause == "too_large":
        return translate("SyncPanel", "The host refused something too large to publish.")
    if kind == "refused" and detail:
        return translate("SyncPanel", "The host refused what Koe published: %1").replace(
            "%1", detail
        )
    if kind == "refused":
        return translate("SyncPanel", "The host refused what Koe published.")
    return translate("SyncPanel", "The sync did not finish: %1").replace("%1", message)


def _unreachable_text(cause: str, url: str, name: str) -> str:
    if cause == "no_such_host":
        return translate(
            "SyncPanel",
            "No computer named %1 was found. Check the address for typos, and that the "
            "name's DNS record points at the host.",
        ).replace("%1", name)
    if cause == "refused":
        return translate(
            "SyncPanel",
            "Nothing answers at %1 (the connection was refused). Check the address and "
            "its port, and that Koe runs on the host.",
        ).replace("%1", url)
    if cause == "timeout":
        return translate(
            "SyncPanel",
            "The host at %1 did not answer in time. Check the address, and this "
            "computer's internet connection.",
        ).replace("%1", url)
    if cause == "not_https":
        return translate(
            "SyncPanel",
            "%1 does not speak HTTPS there. Check the address, and its port if it has one.",
        ).replace("%1", url)
    return translate(
        "SyncPanel",
        "The host at %1 cannot be reached. Check the address, and this computer's "
        "internet connection.",
    ).replace("%1", url)


def _certificate_text(cause: str, name: str, reason: str) -> str:
    if cause == "self_signed":
        return translate(
            "SyncPanel",
            "The host's certificate is self-signed, so this computer cannot tell the host "
            "from an impostor. Give the host a certificate from a public certificate "
            "authority such as Let's Encrypt (Caddy gets one by itself: docs/deploy.md).",
        )
    if cause == "untrusted_issuer":
        return translate(
            "SyncPanel",
            "The host's certificate comes from a certificate authority this computer does "
            "not trust (a self-signed or private one). Give the host a certificate from a "
            "public authority such as Let's Encrypt (Caddy gets one by itself: "
            "docs/deploy.md).",
        )
    if cause == "expired":
        return translate(
            "SyncPanel",
            "The host's certificate has expired. Renew it on the host (Caddy and certbot "
            "renew theirs by themselves while they run).",
        )
    if cause == "not_yet_valid":
        return translate(
            "SyncPanel",
            "The host's certificate is not valid yet. Check the date and time of this "
            "computer and of the host.",
        )
    if cause == "wrong_name":
        return translate(
            "SyncPanel",
            "The host's certificate was made for another name than %1. Use the address "
            "the certificate was made for, or get a certificate for this one.",
        ).replace("%1", name)
    return translate("SyncPanel", "The host's HTTPS certificate is not valid (%1).").replace(
        "%1", reason
    )


def _version_text(host: str) -> str:
    app = PROTOCOL_VERSION
    host_major, app_major = major_of(host), major_of(app)
    if host_major is None:
        text = translate(
            "SyncPanel",
            "The host did not say which sync protocol it speaks (this app speaks %2). "
            "Update Koe on the host.",
        )
    elif app_major is not None and (
        host_major > app_major or (host_major == app_major and minor_of(host) > minor_of(app))
    ):
        text = translate(
            "SyncPanel",
            "The host runs a newer Koe (protocol %1; this app speaks %2). Update Koe on "
            "this computer.",
        )
    else:
        text = translate(
            "SyncPanel",
            "The host runs an older Koe (protocol %1; this app speaks %2). Update it on "
            "the host (with Docker: git pull && docker compose up -d --build in Koe's "
            "deploy folder; see docs/deploy.md), then click Connect again.",
        )
    return text.replace("%1", host or "?").replace("%2", app)


def _host_name(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url
