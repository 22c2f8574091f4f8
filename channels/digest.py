"""The owners' weekly digest: built, written to the outbox once per period, on a timer.

``queue_digest`` looks whether a period's digest is due (``surveys.digest_period``)
and, in one transaction, claims the period (``storage.digest``) and writes one
email per owner (``Settings.digest_owners``) to the outbox, each in the owner's
language; the sender sends them like the alerts. A period that finds no owner
with an address, or no email server, is claimed with that reason (shown in the
settings), so fixing it later sends the next week's, never a stale one.
``queue_preview`` writes the digest of the current period to one address now,
without claiming anything. ``DigestSchedule`` looks every few minutes on a
thread of its own, in whichever process sends the outbox.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from channels.digest_render import Digest, page, subject, text
from storage import digest as digest_store
from storage import outbox as outbox_store
from storage import settings as settings_store
from storage.database import utc_now, writing
from storage.periodic import PeriodicLook
from storage.settings import Settings
from storage.workspace import Workspace
from surveys.digest_period import Period, due, period_at, weeks_before
from surveys.times import zone_named

log = logging.getLogger(__name__)

PURPOSE = "owner_digest"
TREND_WEEKS = 8
CHECK_EVERY_SECONDS = 300.0
LANGUAGES = ("ja", "en")
STARTED = "started"  # the period the digest was switched on in: none sent for it

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Outcome:
    period: str
    outcome: str  # queued | no_recipient | no_server | started
    outbox_ids: tuple[int, ...] = ()


def owner_language(settings: Settings, name: str, fallback: str) -> str:
    """The language an owner reads the digest in: theirs, else ``fallback`` (ja or en)."""
    chosen = dict(settings.digest_languages).get(name, fallback)
    return chosen if chosen in LANGUAGES else ("ja" if fallback == "ja" else "en")


def build(db: Database, settings: Settings, period: Period) -> Digest:
    """What the digest of ``period`` reports."""
    zone = zone_named(settings.time_zone)
    weeks = weeks_before(period, TREND_WEEKS, settings.digest_hour, zone)
    thresholds = settings.alert_thresholds()
    surveys = tuple(
        digest_store.survey_week(db, survey_id, weeks, thresholds)
        for survey_id in digest_store.covered_surveys(db, settings.digest_surveys)
    )
    cases, total = digest_store.open_cases(db)
    return Digest(period, settings.time_zone, zone, surveys, tuple(cases), total)


def _enqueue(
    db: Database,
    digest: Digest,
    owners: list[tuple[str, str]],
    languages: list[str],
    preview: bool = False,
) -> tuple[int, ...]:
    return tuple(
        outbox_store.enqueue(
            db,
            channel="email",
            recipient=address,
            subject=subject(digest, language),
            body=text(digest, language, preview),
            html=page(digest, language, preview),
            purpose=PURPOSE,
        )
        for (_, address), language in zip(owners, languages, strict=True)
    )


def _decision(settings: Settings) -> str:
    if not settings.digest_owners():
        return "no_recipient"
    if not settings.can_email():
        return "no_server"
    return "queued"


def queue_digest(db: Database, settings: Settings, now: datetime, language: str) -> Outcome | None:
    """Write the due period's digest (or why none goes); None when none is due.

    ``language`` is the window's, for owners who did not choose one.
    """
    if not settings.digest_email:
        return None
    zone = zone_named(settings.time_zone)
    with writing(db):
        newest = digest_store.newest_period(db)
        period = due(now, settings.digest_weekday, settings.digest_hour, zone, newest)
        if period is None:
            return None
        if newest is None:
            # Switched on for the first time: the first digest goes at the next digest
            # time, not at once with the week that is half over (a preview does that).
            digest_store.claim(db, period.key, STARTED, None, 0, now)
            return Outcome(period.key, STARTED)
        return _write(db, settings, period, now, language)


def queue_now(db: Database, settings: Settings, now: datetime, language: str) -> Outcome:
    """The current period's digest to the owners now, whatever the day and the switch
    (``main.py digest send``); claimed, so the schedule does not send it again. Outcome
    'already' when this period's digest went (or was decided) before."""
    zone = zone_named(settings.time_zone)
    with writing(db):
        newest = digest_store.newest_period(db)
        period = due(now, settings.digest_weekday, settings.digest_hour, zone, newest)
        if period is None:
            return Outcome(
                period_at(now, settings.digest_weekday, settings.digest_hour, zone).key, "already"
            )
        return _write(db, settings, period, now, language)


def _write(
    db: Database, settings: Settings, period: Period, now: datetime, language: str
) -> Outcome:
    """Claim ``period`` and write its emails (or why none go), in the caller's transaction."""
    decision = _decision(settings)
    ids: tuple[int, ...] = ()
    if decision == "queued":
        owners = settings.digest_owners()
        languages = [owner_language(settings, name, language) for name, _ in owners]
        ids = _enqueue(db, build(db, settings, period), owners, languages)
    digest_store.claim(db, period.key, decision, ids[0] if ids else None, len(ids), now)
    log.info("weekly digest %s: %s (%d emails)", period.key, decision, len(ids))
    return Outcome(period.key, decision, ids)


def queue_preview(
    db: Database, settings: Settings, address: str, language: str, now: datetime
) -> tuple[int, ...]:
    """The digest of the period ``now`` falls in, to ``address`` now; claims nothing."""
    zone = zone_named(settings.time_zone)
    period = period_at(now, settings.digest_weekday, settings.digest_hour, zone)
    with writing(db):
        digest = build(db, settings, period)
        lang = language if language in LANGUAGES else "en"
        return _enqueue(db, digest, [("", address)], [lang], preview=True)


class DigestSchedule(PeriodicLook):
    """Looks at start and every ``interval`` seconds whether the digest is due."""

    thread_name = "koe-digest"

    def __init__(
        self,
        workspace: Workspace,
        language: Callable[[], str],
        *,
        clock: Clock = utc_now,
        interval: float = CHECK_EVERY_SECONDS,
    ) -> None:
        super().__init__(workspace, interval)
        self.language = language
        self.clock = clock

    def check(self) -> Outcome | None:
        """One look, on the calling thread's connection."""
        db = self.workspace.db()
        return queue_digest(db, settings_store.load(db), self.clock(), self.language())

    def _look(self) -> None:
        try:
            self.check()
        except Exception:  # the thread must look again next time
            log.exception("weekly digest failed")
