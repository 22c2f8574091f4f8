"""A campaign's plan: every delivery and every message, worked out before anything is stored.

``plan`` turns the included decisions into one delivery per recipient (with a
fresh token from the caller's ``new_token``) and one message per invitation or
reminder, each with its body rendered in the contact's language and the
moment it may go (``not_before``, UTC). Storage writes the plan in one
transaction; the outbox dispatcher sends it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from surveys.campaigns import (
    EMAIL,
    INVITATION,
    REMINDER,
    SMS,
    Decision,
    Rules,
    contact_time_zone,
    next_send_time,
    reminder_times,
)
from surveys.messages import Templates, pick_language, render, sms_text


@dataclass(frozen=True)
class PlannedMessage:
    purpose: str  # invitation | reminder
    channel: str
    recipient: str
    subject: str | None
    body: str
    not_before: datetime  # UTC
    # An email kept back, sent only if the SMS invitation fails ("SMS, else email").
    held: bool = False


@dataclass(frozen=True)
class PlannedDelivery:
    contact_id: int
    channel: str
    token: str
    language: str
    messages: tuple[PlannedMessage, ...]


@dataclass(frozen=True)
class Links:
    """Builds a recipient's links from a token (channels.links, bound to the public URL)."""

    personal: Callable[[str], str]
    unsubscribe: Callable[[str], str]


def message_for(
    decision: Decision,
    *,
    purpose: str,
    templates: Templates,
    survey_languages: Sequence[str],
    company: str,
    link: str,
    unsubscribe: str,
) -> tuple[str, str | None, str]:
    """(language, subject, body) of one message to the decided contact."""
    contact = decision.contact
    language = pick_language(contact.language, survey_languages)
    fill = {"name": contact.name, "company": company, "link": link, "language": language}
    if decision.channel == SMS:
        source = templates.reminder_sms if purpose == REMINDER else templates.sms
        body = sms_text(
            render(source.get_for(language), **fill),
            language=language,
            recipient=decision.recipient or contact.phone or "",
            unsubscribe_url=unsubscribe,
        )
        return language, None, body
    subject_source = templates.reminder_subject if purpose == REMINDER else templates.subject
    subject = render(subject_source.get_for(language), **fill)
    return language, subject, render(templates.email.get_for(language), **fill)


def plan(
    decisions: Sequence[Decision],
    *,
    templates: Templates,
    survey_languages: Sequence[str],
    company: str,
    rules: Rules,
    start: datetime,
    new_token: Callable[[], str],
    links: Links,
) -> list[PlannedDelivery]:
    """Deliveries and messages for every included decision, held to the quiet hours."""
    planned = []
    for decision in decisions:
        if not decision.included:
            continue
        assert decision.channel is not None
        token = new_token()
        link, unsubscribe = links.personal(token), links.unsubscribe(token)
        zone = contact_time_zone(decision.contact, rules)
        first = next_send_time(start, zone, rules)
        messages = []
        language = ""
        for purpose, moment in [(INVITATION, first)] + [
            (REMINDER, when) for when in reminder_times(first, zone, rules)
        ]:
            language, subject, body = message_for(
                decision,
                purpose=purpose,
                templates=templates,
                survey_languages=survey_languages,
                company=company,
                link=link,
                unsubscribe=unsubscribe,
            )
            messages.append(
                PlannedMessage(purpose, decision.channel, decision.recipient, subject, body, moment)
            )
        if decision.fallback:
            email = replace(decision, channel=EMAIL, recipient=decision.fallback)
            _, subject, body = message_for(
                email,
                purpose=INVITATION,
                templates=templates,
                survey_languages=survey_languages,
                company=company,
                link=link,
                unsubscribe=unsubscribe,
            )
            messages.append(
                PlannedMessage(INVITATION, EMAIL, decision.fallback, subject, body, first, True)
            )
        planned.append(
            PlannedDelivery(decision.contact.id, decision.channel, token, language, tuple(messages))
        )
    return planned
