"""The words of Settings ▸ Acting on answers: what is wrong in the owners' list, what
each alert threshold means, whether alert emails can go (from here or from the public
host), and what the follow-ups send.
They keep the ``FollowUpSettingsPanel`` translation context they had when they were
the panel's methods.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from storage.settings import Settings, normalise_email
from ui.sync_service import SyncView

translate = QCoreApplication.translate


def owner_list_problems(rows: list[tuple[str, str]]) -> tuple[list[str], set[int]]:
    """What is wrong in the owners' (name, email) rows, in plain words, and the rows
    whose email is malformed."""
    found = []
    bad_rows: set[int] = set()
    seen: set[str] = set()
    for row, (name, email) in enumerate(rows):
        if email and not name:
            found.append(
                translate("FollowUpSettingsPanel", "Give the owner of %1 a name.").replace(
                    "%1", email
                )
            )
        if name and name in seen:
            found.append(
                translate("FollowUpSettingsPanel", "Two owners are called %1.").replace("%1", name)
            )
        seen.add(name)
        if email:
            try:
                normalise_email(email)
            except ValueError:
                bad_rows.add(row)
                found.append(
                    translate(
                        "FollowUpSettingsPanel",
                        "“%1” is not an email address. Correct it, or leave it empty.",
                    ).replace("%1", email)
                )
    return found, bad_rows


def threshold_hint(kind: str, value: int) -> str:
    """What the threshold ``value`` of a ``kind`` (nps, csat, ces) score means."""
    texts = {
        "nps": translate("FollowUpSettingsPanel", "Alert when an NPS score (0–10) is %1 or lower."),
        "csat": translate("FollowUpSettingsPanel", "Alert when a CSAT score (1–5) is %1 or lower."),
        "ces": translate(
            "FollowUpSettingsPanel", "Alert when a CES score (1–7, 7 = easiest) is %1 or lower."
        ),
    }
    return texts[kind].replace("%1", str(value))


def email_note(settings: Settings, alert_email: bool, owner_has_email: bool) -> str:
    """Whether alert emails can go, and to whom (``alert_email``: the box is ticked)."""
    if not settings.can_email():
        return translate(
            "FollowUpSettingsPanel",
            "Emails need an email server: set up SMTP under Messages (SMS and email) "
            "above. The banner and the notification work without it.",
        )
    if alert_email and not owner_has_email:
        return translate(
            "FollowUpSettingsPanel",
            "No owner has an email address yet: add one to the owners above.",
        )
    return translate("FollowUpSettingsPanel", "Sent through the outbox, once per answer.")


def follow_up_note(settings: Settings) -> str:
    """What the automatic follow-ups send, and that promoters need a referral link."""
    follow = translate(
        "FollowUpSettingsPanel",
        "After each answer through a personal link (SMS or email): promoters are thanked "
        "and offered your referral link, passives thanked and invited to talk, detractors "
        "told that someone will be in touch. Opt-outs and consent are respected; each "
        "answer is followed up once.",
    )
    if not settings.referral_url:
        follow += " " + translate(
            "FollowUpSettingsPanel",
            "No referral link is set (Thank-you page below): promoters get no message "
            "until there is one.",
        )
    return follow


def host_note(view: SyncView | None) -> str:
    """Whether the public host can email the alerts, as the last sync found it."""
    if view is None or not view.host_url:
        return translate(
            "FollowUpSettingsPanel",
            "Needs a public host (set one up above). Without one, alert emails are "
            "sent while Koe is open.",
        )
    state = view.host_alert_email
    if state == "ready":
        return translate(
            "FollowUpSettingsPanel",
            "The public host has an email server for alerts. Each alert is emailed "
            "once, by the host or by this computer.",
        )
    if state == "none":
        return translate(
            "FollowUpSettingsPanel",
            "The public host has no email server yet: whoever runs it adds one with "
            "“main.py alert-email” (docs/deploy.md). Until then, alert emails are sent "
            "from this computer at the next sync.",
        )
    if state == "locked":
        return translate(
            "FollowUpSettingsPanel",
            "The public host cannot open its secrets file (its passphrase is missing or "
            "wrong). Until it can, alert emails are sent from this computer at the next sync.",
        )
    return translate(
        "FollowUpSettingsPanel",
        "Known after the next sync with the public host. The host needs an email server "
        "of its own (docs/deploy.md); without one, alert emails are sent from this "
        "computer at the next sync.",
    )
