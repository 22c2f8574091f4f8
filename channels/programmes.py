"""The programme runner: in the process that holds the sender, it writes each
programme's due sends to the outbox (docs/programmes.md).

Every ``interval`` seconds (and at start) a tick:

1. reads the events folder Settings names, if any (``storage.contact_events``);
2. for each programme not paused, works out every contact's due send
   (``surveys.programmes``) and, for those due by now and not yet in the ledger
   (or held by the cap), decides as a campaign does (``surveys.campaigns.decide``:
   opt-outs, consent, the cross-channel frequency cap, a usable address) and
   plans the messages as a campaign does (``surveys.campaign_plan.plan``: the
   quiet hours of the contact's time zone, the reminders);
3. writes each send — ledger row, delivery and outbox rows — in one transaction,
   then wakes the dispatcher, which sends them like any campaign's.

A send the cap holds back is recorded 'capped' and tried again at each tick
until the cap allows it; one that can never go is 'skipped'. The clock is
injectable (tests move it); a restart re-reads the ledger, so a tick after a
crash neither repeats nor misses a send.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from channels import links
from channels.reach import Reach, classify
from storage import campaigns as campaign_store
from storage import contact_events
from storage import programmes as store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.database import utc_now
from storage.periodic import PeriodicLook
from storage.workspace import Workspace
from surveys import campaigns as c
from surveys import programmes as p
from surveys.campaign_plan import Links, plan
from surveys.messages import Templates
from surveys.text import LocalText

log = logging.getLogger(__name__)

TICK_SECONDS = 60.0
_CAP_CODES = {c.ANSWERED_RECENTLY, c.INVITED_RECENTLY}


def templates_of(programme: p.Programme) -> Templates:
    """Koe's texts, with the programme's own where it has them."""
    base = Templates.defaults().to_json()
    own = programme.templates or {}
    merged = {
        name: LocalText({**text, **(own.get(name) or {})})  # type: ignore[dict-item]
        for name, text in base.items()
    }
    return Templates(**merged)


def pending(db: Database, programme: p.Programme, now: datetime) -> list[p.Due]:
    """Every contact's send the ledger has not finished: due already, or to come."""
    settings = settings_store.load(db)
    rules = campaign_store.rules_from_settings(settings)
    members = store.member_ids(db, programme)
    allowed = None if members is None else set(members)
    ledger = store.ledger_status(db, programme.id)
    found: list[p.Due] = []
    if programme.kind == p.RECURRING:
        last = store.last_recurring(db, programme.id)
        for contact_id, added in store.added_at(db).items():
            if allowed is not None and contact_id not in allowed:
                continue
            previous = last.get(contact_id)
            if previous is not None and previous[1] == store.CAPPED:
                number = previous[0].number
                found.append(p.Due(contact_id, f"r{number}", previous[0].moment, number))
                continue
            found.append(p.recurring_due(programme, contact_id, added, previous and previous[0]))
    elif programme.kind == p.DATE:
        zone = c.contact_time_zone(c.Contact(0), rules)
        for contact_id, value in store.date_values(db, programme.date_field).items():
            if allowed is None or contact_id in allowed:
                due = p.date_due(programme, contact_id, value, zone, now)
                if due is not None:
                    found.append(due)
    else:
        for event in contact_events.named(db, programme.event_name, programme.starts_at):
            if allowed is None or event.contact_id in allowed:
                due = p.event_due(programme, event.contact_id, event.occurred_at)
                if due is not None:
                    found.append(due)
    return [
        due for due in found if ledger.get((due.contact_id, due.occurrence)) in (None, "capped")
    ]


def next_sends(db: Database, programme: p.Programme, now: datetime, limit: int = 20) -> list[p.Due]:
    """The programme's next sends, soonest first (one whose time came is queued at the
    runner's next tick, the cap and opt-outs permitting)."""
    return sorted(pending(db, programme, now), key=lambda due: (due.due_at, due.contact_id))[:limit]


def due_sends(db: Database, programme: p.Programme, now: datetime) -> list[p.Due]:
    """The programme's unfinished sends whose time has come."""
    return [due for due in pending(db, programme, now) if due.due_at <= now]


def run_programme(db: Database, programme: p.Programme, now: datetime) -> int:
    """Write the programme's due sends; returns how many were queued."""
    due = due_sends(db, programme, now)
    if not due:
        return 0
    settings = settings_store.load(db)
    base = settings.base_url()
    if classify(base) is not Reach.INTERNET:
        log.warning("programme %s waits: links need a public address, not %s", programme.id, base)
        return 0
    survey = survey_store.get(db, programme.survey_id)
    rules = campaign_store.rules_from_settings(
        settings, reminders=programme.reminders, after_days=programme.reminder_after_days
    )
    contacts = {
        contact.id: contact for contact in campaign_store.audience(db, [d.contact_id for d in due])
    }
    made = Links(
        lambda token: links.personal_link(base, token),
        lambda token: links.unsubscribe_link(base, token),
    )
    queued = 0
    for send in due:
        contact = contacts.get(send.contact_id)
        if contact is None:
            continue  # deleted meanwhile
        decision = c.decide(contact, programme.mode, rules, now)
        if not decision.included:
            codes = [reason.code for reason in decision.reasons]
            status = store.CAPPED if set(codes) <= _CAP_CODES else store.SKIPPED
            store.record(db, programme.id, send, status, ",".join(codes), now)
            continue
        planned = plan(
            [decision],
            templates=templates_of(programme),
            survey_languages=survey.languages,
            company=settings.business_name,
            rules=rules,
            start=now,
            new_token=links.new_token,
            links=made,
        )
        if planned and store.write_send(db, programme, send, planned[0], now):
            queued += 1
    return queued


def resume(db: Database, programme_id: int, now: datetime) -> bool:
    """Release a paused programme's held messages: one whose time passed goes in the
    contact's next sending window, its reminders as far after it as they were."""
    rules = campaign_store.rules_from_settings(settings_store.load(db))
    messages = store.held(db, programme_id)
    contacts = {
        contact.id: contact
        for contact in campaign_store.audience(db, {m.contact_id for m in messages if m.contact_id})
    }
    first: dict[int, datetime] = {}  # delivery → its earliest held message's time
    for message in messages:
        moment = message.not_before or now
        first[message.delivery_id] = min(first.get(message.delivery_id, moment), moment)
    times = {}
    for message in messages:
        # The delivery's messages go as late as its first one is: spaced as planned.
        late = max(timedelta(0), now - first[message.delivery_id])
        zone = c.contact_time_zone(contacts.get(message.contact_id or 0, c.Contact(0)), rules)
        times[message.outbox_id] = c.next_send_time((message.not_before or now) + late, zone, rules)
    return store.resume(db, programme_id, times)


def tick(db: Database, now: datetime, *, settle: float = contact_events.SETTLE_SECONDS) -> int:
    """One look at every programme (and the events folder first); returns how many sends
    were queued."""
    settings = settings_store.load(db)
    if settings.events_folder:
        folder = Path(settings.events_folder)
        if folder.is_dir():
            contact_events.read_folder(db, folder, settle=settle)
    queued = 0
    for programme in store.list_all(db):
        if programme.paused:
            continue
        try:
            queued += run_programme(db, programme, now)
        except Exception:  # one broken programme must not stop the others
            log.exception("programme %s could not run", programme.id)
    return queued


class ProgrammeRunner(PeriodicLook):
    """Ticks on a thread of its own (``start``/``stop``), waking the dispatcher after
    queueing (``wake``)."""

    thread_name = "koe-programmes"

    def __init__(
        self,
        workspace: Workspace,
        *,
        clock: Callable[[], datetime] = utc_now,
        wake: Callable[[], None] | None = None,
        interval: float = TICK_SECONDS,
    ) -> None:
        super().__init__(workspace, interval)
        self.clock = clock
        self._wake = wake

    def _look(self) -> None:
        try:
            if tick(self.workspace.db(), self.clock()) and self._wake is not None:
                self._wake()
        except Exception:  # keep ticking: the next minute may succeed
            log.exception("the programme runner's tick failed")
